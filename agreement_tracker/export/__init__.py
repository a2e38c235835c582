"""Exports to where people work: a data package, SQLite, Parquet, iCalendar, a report page.

``export(tracker, format, path)`` writes one of :data:`FORMATS`; ``Tracker.export`` and
``agreement-tracker export --format FORMAT PATH`` call it.  Nothing here is imported by
``import agreement_tracker``, and each format imports its optional tool only when it is
asked for (``datapackage`` needs nothing to write, ``parquet`` needs the ``parquet``
extra).  Every format keeps the dates as precise as the sources give them: the EDTF
string, its form and the earliest and latest possible day, never one made-up day.

>>> sorted(FORMATS)
['datapackage', 'ics', 'parquet', 'report', 'sqlite']
>>> import agreement_tracker as at
>>> export(at.load(), "xlsx", "out.xlsx")
Traceback (most recent call last):
...
agreement_tracker.exceptions.FieldValueError: format: 'xlsx' is not an export format; choose one of datapackage, ics, parquet, report, sqlite
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from agreement_tracker.exceptions import FieldValueError

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker

__all__ = ["FORMATS", "export"]

#: Every export format, with what it writes at ``path``.
FORMATS: dict[str, str] = {
    "datapackage": "a folder: a Frictionless Data Package of CSV files",
    "ics": "a file: an iCalendar calendar of meetings, agreements, delegations and events",
    "parquet": "a folder: one Parquet file per table",
    "report": "a file: one self-contained HTML page",
    "sqlite": "a file: an SQLite database, with a metadata.json for Datasette beside it",
}


def export(tracker: Tracker, format: str, path: str | Path, *, license: str | None = None) -> Path:
    """Write ``tracker`` to ``path`` as ``format`` (one of :data:`FORMATS`); return the path.

    ``license`` is the data's licence (an SPDX id such as ``CC-BY-4.0``) where the format
    records one; ``Tracker.export`` passes the dataset's own.  The same tracker always
    gives the same bytes: rows are sorted and nothing records the time of the export.

    >>> import agreement_tracker as at, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> export(at.load(), "ics", folder / "meetings.ics").name
    'meetings.ics'
    >>> export(at.load(), "sqlite", folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.FieldValueError: path: '...' is a folder; the sqlite export writes a file
    """
    if format not in FORMATS:
        raise FieldValueError(
            "format",
            f"{format!r} is not an export format; choose one of {', '.join(sorted(FORMATS))}",
        )
    target = Path(path)
    folder = FORMATS[format].startswith("a folder")
    if target.exists() and target.is_dir() != folder:
        raise FieldValueError(
            "path",
            f"{str(target)!r} is {'a file' if folder else 'a folder'}; "
            f"the {format} export writes {FORMATS[format].split(':')[0]}",
        )
    module = importlib.import_module(f"{__name__}.{format}")
    module.write(tracker, target, license=license)
    return target
