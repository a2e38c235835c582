"""One SQLite file for Datasette and for users whose data outgrows memory.

The tables are the data package's (see :mod:`agreement_tracker.export._tables`), with
primary and foreign keys; dates are ISO text (``date_earliest``, ``date_latest``, NULL
for an open end) beside the EDTF value and its form, and ``date_year``/``date_month`` are facets.  Full-text
indexes (FTS5) cover every quote (``citations_fts``) and every source's title and text
(``sources_fts``).  Views: ``timeline``, ``discrepancies`` and ``since_last_meeting``;
the table ``links`` holds every typed link between two records with both of its ends.

:data:`QUERIES` is the SQL of each query helper, with named parameters; the same SQL is
in docs/exports.md, is written into ``<name>.metadata.json`` as Datasette's canned
queries, and is tested to give the Tracker's answers.  Every value goes in as a
parameter, never into the SQL text.

>>> import agreement_tracker as at, sqlite3, tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "india-israel.db"
>>> _ = at.load().export("sqlite", path)
>>> db = sqlite3.connect(path)
>>> db.execute(QUERIES["last_meeting"], {"series": "jwg", "as_of": "2025-11-03"}).fetchall()
[('jwg-16',)]
>>> db.execute("select date, date_form, date_earliest, date_latest from meetings "
...            "where id = 'jwg-16'").fetchone()
('2024-07', 'month', '2024-07-01', '2024-07-31')
>>> db.close()
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agreement_tracker.export._tables import Table, build
from agreement_tracker.export._write import replace_file, temporary_beside

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker

__all__ = ["QUERIES", "fill", "metadata", "write"]

_TYPES = {"string": "TEXT", "integer": "INTEGER", "date": "TEXT"}

# An open end is NULL in the tables; the SQL reads it as the calendar's first or last day,
# as the Tracker's rules do.
_FIRST_DAY = "COALESCE(m.date_earliest, '0001-01-01')"
_LAST_DAY = "COALESCE(m.date_latest, '9999-12-31')"
_LAST = (
    f"SELECT m.id, {_LAST_DAY} AS last_day FROM meetings m "
    f"WHERE m.series = :series AND m.date IS NOT NULL AND {_LAST_DAY} <= :as_of "
    f"ORDER BY {_LAST_DAY} DESC, {_FIRST_DAY} DESC, COALESCE(m.number, 0) DESC, m.id DESC "
    "LIMIT 1"
)
_TIMELINE_ORDER = (
    "t.date IS NULL, t.date_earliest, t.date_latest IS NULL, t.date_latest, t.kind_rank, t.id"
)
_AGREEMENT_ORDER = (
    "a.signed IS NULL, a.signed_earliest, a.signed_latest IS NULL, a.signed_latest, a.id"
)
_ABOUT = (
    "SELECT a.id FROM agreements a WHERE a.id IN ("
    "SELECT f.record_id FROM agreements_focus_areas f "
    "JOIN focus_area_descendants d ON d.descendant = f.value WHERE d.area = :area)"
)

#: The SQL of each query helper, by name, with named parameters (days as 'YYYY-MM-DD').
QUERIES: dict[str, str] = {
    "last_meeting": _LAST.replace(f"m.id, {_LAST_DAY} AS last_day", "m.id"),
    "meetings_since_last": (
        f"WITH last AS ({_LAST}), "
        "parties AS (SELECT value FROM meeting_series_parties "
        "WHERE record_id = :series AND position < 2) "
        "SELECT m.id FROM meetings m, last "
        f"WHERE m.date IS NOT NULL AND {_FIRST_DAY} >= last.last_day "
        f"AND {_FIRST_DAY} <= :as_of AND {_LAST_DAY} <= :as_of AND m.id <> last.id "
        "AND ((SELECT COUNT(*) FROM parties) < 2 OR (SELECT COUNT(*) FROM record_countries c "
        "WHERE c.record_id = m.id AND c.country IN (SELECT value FROM parties)) = 2) "
        f"ORDER BY {_FIRST_DAY}, {_LAST_DAY}, m.id"
    ),
    "agreements_about": f"{_ABOUT} ORDER BY {_AGREEMENT_ORDER}",
    "mous": f"{_ABOUT} AND a.kind = 'mou' ORDER BY {_AGREEMENT_ORDER}",
    "between_certain": (
        "SELECT t.id FROM timeline t WHERE t.date IS NOT NULL "
        "AND COALESCE(t.date_earliest, '0001-01-01') >= :start "
        "AND COALESCE(t.date_latest, '9999-12-31') <= :end "
        f"ORDER BY {_TIMELINE_ORDER}"
    ),
    "between_possible": (
        "SELECT t.id FROM timeline t WHERE t.date IS NOT NULL "
        "AND COALESCE(t.date_earliest, '0001-01-01') <= :end "
        "AND COALESCE(t.date_latest, '9999-12-31') >= :start "
        f"ORDER BY {_TIMELINE_ORDER}"
    ),
    "involving": (
        "SELECT t.id FROM timeline t JOIN record_people p ON p.record_id = t.id "
        f"WHERE p.person = :person ORDER BY {_TIMELINE_ORDER}"
    ),
    "between_countries": (
        "SELECT t.id FROM timeline t WHERE t.id IN (SELECT a.record_id FROM record_countries a "
        "JOIN record_countries b ON b.record_id = a.record_id "
        "WHERE a.country = :first AND b.country = :second AND a.country <> b.country) "
        f"ORDER BY {_TIMELINE_ORDER}"
    ),
    "related": (
        "SELECT relation, other, via, outgoing FROM ("
        "SELECT record_id AS id, relation, target AS other, via, 1 AS outgoing, position "
        "FROM links UNION ALL "
        "SELECT target, inverse, record_id, via, 0, position FROM links) "
        "WHERE id = :record ORDER BY position, outgoing DESC"
    ),
    "discrepancies": (
        "SELECT record_id, field FROM claims GROUP BY record_id, field "
        "HAVING COUNT(DISTINCT value) > 1 ORDER BY record_id, field"
    ),
    "calendar": (
        "SELECT t.title AS event_name, t.date_earliest AS event_dtstart, "
        "date(t.date_latest, '+1 day') AS event_dtend, t.id AS event_uid, "
        "t.kind || ', ' || t.date || ' (' || t.date_form || ')' AS event_description "
        "FROM timeline t WHERE t.date_earliest IS NOT NULL AND t.date_latest IS NOT NULL "
        "ORDER BY t.date_earliest, t.date_latest, t.kind_rank, t.id"
    ),
}

_QUERY_TITLES = {
    "last_meeting": "The last meeting of a series known to have taken place by a day",
    "meetings_since_last": "Meetings between a series' parties since its last meeting",
    "agreements_about": "Agreements about a focus area (and the terms below it)",
    "mous": "MoUs about a focus area (and the terms below it)",
    "between_certain": "Records certainly dated within a window",
    "between_possible": "Records possibly dated within a window",
    "involving": "Records a person is part of",
    "between_countries": "Records involving two countries",
    "related": "Every typed link from or to a record, read from its side",
    "discrepancies": "Fields on which sources disagree",
    "calendar": "Dated records for datasette-ics (the end day is exclusive)",
}


def _views() -> dict[str, str]:
    """The views: the timeline, the disagreements and the meetings since the last one.

    The timeline is a filter of ``records``, so that the records' indexes serve it.
    """
    return {
        "timeline": (
            "SELECT id, kind, kind_rank, label AS title, date, date_form, date_earliest, "
            "date_latest FROM records WHERE kind_rank IS NOT NULL"
        ),
        "discrepancies": (
            "SELECT c.record_id, c.field, c.value, i.source, i.quote, c.inferred "
            "FROM claims c JOIN citations i ON i.id = c.citation "
            "WHERE (c.record_id, c.field) IN (SELECT record_id, field FROM claims "
            "GROUP BY record_id, field HAVING COUNT(DISTINCT value) > 1)"
        ),
        "since_last_meeting": (
            f"WITH ranked AS (SELECT series, id, {_LAST_DAY} AS last_day, ROW_NUMBER() OVER ("
            f"PARTITION BY series ORDER BY {_LAST_DAY} DESC, {_FIRST_DAY} DESC, "
            "COALESCE(number, 0) DESC, id DESC) AS n FROM meetings m "
            "WHERE series IS NOT NULL AND date IS NOT NULL), "
            "last AS (SELECT series, id, last_day FROM ranked WHERE n = 1) "
            "SELECT last.series, last.id AS last_meeting, m.id, m.title, m.date, "
            "m.date_earliest, m.date_latest FROM last JOIN meetings m "
            f"ON m.date IS NOT NULL AND {_FIRST_DAY} >= last.last_day AND m.id <> last.id "
            "WHERE (SELECT COUNT(*) FROM meeting_series_parties p "
            "WHERE p.record_id = last.series) < 2 "
            "OR (SELECT COUNT(*) FROM record_countries c WHERE c.record_id = m.id "
            "AND c.country IN (SELECT value FROM meeting_series_parties p "
            "WHERE p.record_id = last.series AND p.position < 2)) = 2"
        ),
    }


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create(table: Table) -> str:
    columns = [f"{_quote(c.name)} {_TYPES[c.type]}" for c in table.columns]
    keys = ", ".join(map(_quote, table.primary_key))
    columns.append(f"PRIMARY KEY ({keys})")
    for key in table.foreign_keys:
        columns.append(
            f"FOREIGN KEY ({', '.join(map(_quote, key.columns))}) "
            f"REFERENCES {_quote(key.table)} ({', '.join(map(_quote, key.target))})"
        )
    return f"CREATE TABLE {_quote(table.name)} ({', '.join(columns)})"


def _indexed(table: Table) -> list[tuple[str, ...]]:
    """The columns to index: each foreign key that does not lead the primary key."""
    found = [
        key.columns
        for key in table.foreign_keys
        if key.columns != table.primary_key[: len(key.columns)]
    ]
    if table.name in ("record_countries", "record_people"):
        found.append((table.primary_key[1],))
    if table.name in ("meetings", "records"):
        found.append(("date_earliest",))
    return sorted(set(found))


def _rows(table: Table) -> Any:
    """The rows with dates as ISO text (SQLite has no date type), other values as they are."""
    dates = [i for i, column in enumerate(table.columns) if column.type == "date"]
    if not dates:
        return table.rows

    def convert(row: tuple[Any, ...]) -> list[Any]:
        cells = list(row)
        for i in dates:
            if cells[i] is not None:
                cells[i] = cells[i].isoformat()
        return cells

    return map(convert, table.rows)


def fill(db: sqlite3.Connection, tables: list[Table]) -> None:
    """Create and fill the tables, views and full-text indexes in ``db``.

    >>> import agreement_tracker as at, sqlite3
    >>> from agreement_tracker.export._tables import build
    >>> db = sqlite3.connect(":memory:")
    >>> fill(db, build(at.load()))
    >>> db.execute("select count(*) from citations_fts where citations_fts match 'cyber'").fetchone()
    (2,)
    """
    views = _views()
    for table in tables:
        if table.name in views:
            continue
        db.execute(_create(table))
        marks = ", ".join("?" * len(table.columns))
        db.executemany(
            f"INSERT INTO {_quote(table.name)} VALUES ({marks})",
            _rows(table),
        )
    for table in tables:
        for columns in _indexed(table):
            db.execute(
                f"CREATE INDEX {_quote('_'.join((table.name, *columns)))} "
                f"ON {_quote(table.name)} ({', '.join(map(_quote, columns))})"
            )
    for name, sql in views.items():
        db.execute(f"CREATE VIEW {_quote(name)} AS {sql}")
    for name, searched in (("citations", "quote"), ("sources", "title, text")):
        db.execute(
            f"CREATE VIRTUAL TABLE {name}_fts USING fts5({searched}, content='{name}', "
            "content_rowid='rowid')"
        )
        db.execute(f"INSERT INTO {name}_fts({name}_fts) VALUES ('rebuild')")
    db.commit()


def metadata(
    tracker: Tracker, tables: list[Table], database: str, license: str | None
) -> dict[str, Any]:
    """Datasette's metadata: title, licence, descriptions and the canned queries.

    >>> import agreement_tracker as at
    >>> from agreement_tracker.export._tables import build
    >>> t = at.load()
    >>> meta = metadata(t, build(t), "india-israel", "CC-BY-4.0")
    >>> meta["license"], sorted(meta["databases"]["india-israel"]["queries"])[:3]
    ('CC-BY-4.0', ['agreements_about', 'between_certain', 'between_countries'])
    """
    from agreement_tracker.export.datapackage import LICENSES

    found: dict[str, Any] = {
        "title": tracker.name,
        "description": f"{tracker.description} Data version {tracker.data_version}.".strip(),
    }
    if license:
        found["license"] = license
        url = LICENSES.get(license, ("", ""))[1]
        if url:
            found["license_url"] = url
    found["databases"] = {
        database: {
            "tables": {
                table.name: {
                    "description": table.description,
                    "columns": {c.name: c.description for c in table.columns},
                    **(
                        {"fts_table": f"{table.name}_fts", "fts_pk": "rowid"}
                        if table.name in ("citations", "sources")
                        else {}
                    ),
                }
                for table in tables
            },
            "queries": {
                name: {"title": _QUERY_TITLES[name], "sql": sql} for name, sql in QUERIES.items()
            },
        }
    }
    return found


def write(tracker: Tracker, path: Path, *, license: str | None = None) -> None:
    """Write the database to ``path`` and Datasette's metadata to ``<stem>.metadata.json``.

    An existing file at ``path`` is replaced whole once the new one is complete.

    >>> import agreement_tracker as at, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.db"
    >>> write(at.load(), path)
    >>> sorted(p.name for p in path.parent.iterdir())
    ['t.db', 't.metadata.json']
    """
    tables = build(tracker)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_beside(path)
    try:
        db = sqlite3.connect(temporary)
        try:
            # A temporary file, renamed only when complete: no journal needed.
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            fill(db, tables)
        finally:
            db.close()
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    meta = json.dumps(metadata(tracker, tables, path.stem, license), ensure_ascii=False, indent=2)
    replace_file(path.with_name(f"{path.stem}.metadata.json"), (meta + "\n").encode("utf-8"))
