"""One Parquet file per table, for DuckDB, Spark, Polars and R's arrow.

The tables are the data package's, with the ``backing`` table among them (one row
per field and what backs it); every ``_earliest``/``_latest`` column is a typed
``date32`` day, the EDTF value and its form stay text beside it.  Written with DuckDB
(the ``parquet`` extra: ``pip install "agreement-tracker[parquet]"``), imported only
here.  docs/exports.md shows the queries that run unchanged in DuckDB and Spark SQL.

>>> import agreement_tracker as at, duckdb, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "parquet"
>>> _ = at.load().export("parquet", folder)
>>> duckdb.sql(f"SELECT date, date_earliest, date_latest FROM '{folder}/meetings.parquet' "
...            "WHERE id = 'jwg-16'").fetchall()
[('2024-07', datetime.date(2024, 7, 1), datetime.date(2024, 7, 31))]
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agreement_tracker.export._tables import Table, build

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker

__all__ = ["write", "write_table"]

_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "date": "DATE"}


def _duckdb() -> Any:
    try:
        import duckdb
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            "the parquet export needs DuckDB: pip install 'agreement-tracker[parquet]'",
            name="duckdb",
        ) from error
    return duckdb


def _sql_text(text: str) -> str:
    """A string literal for DuckDB's SQL (paths and column names, never data)."""
    return "'" + text.replace("'", "''") + "'"


def write_table(db: Any, table: Table, folder: Path, scratch: Path) -> None:
    """Write ``table`` to ``folder/<name>.parquet`` through a CSV file in ``scratch``.

    >>> import agreement_tracker as at, duckdb, tempfile, pathlib
    >>> from agreement_tracker.export._tables import build
    >>> table = next(t for t in build(at.load()) if t.name == "meeting_series_parties")
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> write_table(duckdb.connect(), table, out, out)
    >>> duckdb.sql(f"SELECT * FROM '{out}/meeting_series_parties.parquet'").fetchall()
    [('jwg', 0, 'IN'), ('jwg', 1, 'IL')]
    """
    staged = scratch / f"{table.name}.csv"
    with staged.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.column_names)
        # csv writes None as an empty cell and a date as YYYY-MM-DD
        writer.writerows(table.rows)
    columns = ", ".join(f"{_sql_text(c.name)}: {_sql_text(_TYPES[c.type])}" for c in table.columns)
    target = folder / f"{table.name}.parquet"
    db.execute(
        f"COPY (SELECT * FROM read_csv({_sql_text(str(staged))}, header = true, "
        f"columns = {{{columns}}}, quote = '\"', escape = '\"', nullstr = '')) "
        f"TO {_sql_text(str(target))} (FORMAT parquet, COMPRESSION zstd)"
    )
    staged.unlink()


def write(tracker: Tracker, path: Path, *, license: str | None = None) -> None:
    """Write every table into the folder ``path`` (made if missing; its files replaced).

    The licence is not recorded in Parquet files; the data package carries it.

    >>> import agreement_tracker as at, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write(at.load(), folder)
    >>> sorted(p.name for p in folder.iterdir())[:2]
    ['agreements.parquet', 'agreements_actions.parquet']
    """
    duckdb = _duckdb()
    path.mkdir(parents=True, exist_ok=True)
    tables = build(tracker)
    db = duckdb.connect()
    try:
        with tempfile.TemporaryDirectory(dir=path, prefix=".staging-") as scratch:
            for table in tables:
                write_table(db, table, path, Path(scratch))
    finally:
        db.close()
