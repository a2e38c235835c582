"""A Frictionless Data Package: one CSV file per table and a ``datapackage.json``.

R (``frictionless``), Stata, Excel and Python read it; ``frictionless validate`` checks
it.  Each resource has a Table Schema with a primary key and a foreign key for every
reference.  Partial dates stay strings (EDTF, with a pattern), beside typed
``_earliest``/``_latest`` days: Frictionless reads a ``date`` field ``2024`` as 2024-12-01.
``sources.csl.json`` holds the sources as CSL-JSON, for reference managers.

CSV cells are written raw: a text starting with ``=``, ``+``, ``-`` or ``@`` is data, not
a formula, and a spreadsheet must be told so on import (see docs/exports.md).

Writing needs nothing beyond the library; validating needs the ``datapackage`` extra.

>>> import agreement_tracker as at, json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "package"
>>> _ = at.load().export("datapackage", folder)
>>> package = json.loads((folder / "datapackage.json").read_text("utf-8"))
>>> package["version"], package["licenses"][0]["name"]
('1.2.0', 'CC-BY-4.0')
>>> meetings = next(r for r in package["resources"] if r["name"] == "meetings")
>>> [f["type"] for f in meetings["schema"]["fields"] if f["name"].startswith("date")][:4]
['string', 'string', 'date', 'date']
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._tables import Table, build, shared_prefix
from ._write import replace_file

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker

__all__ = ["EDTF_PATTERN", "LICENSES", "csl_json", "package", "schema", "write"]

#: Licences the package can link to, by SPDX id.
LICENSES = {
    "CC-BY-4.0": (
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "MIT": ("MIT License", "https://opensource.org/licenses/MIT"),
}

#: The EDTF forms the library writes, as a Table Schema pattern.
_DAY = r"\d{4}(-\d{2}(-\d{2})?)?"
_ONE_OF = rf"\[({_DAY}\.\.({_DAY})?|\.\.{_DAY})\]"
_END = rf"({_DAY}|{_ONE_OF}|\.\.)"
EDTF_PATTERN = rf"({_DAY})|({_END}/{_END})|({_ONE_OF})"
FORMS = ["day", "month", "year", "range", "one-of"]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "dataset"


def _field(table: Table, name: str, kind: str, description: str) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": kind, "description": description}
    if kind == "date":
        field["format"] = "default"
    if name in table.primary_key:
        field["constraints"] = {"required": True}
    base = name.removesuffix("_form")
    if kind == "string" and f"{name}_form" in table.column_names:
        field.setdefault("constraints", {})["pattern"] = EDTF_PATTERN
    elif name.endswith("_form") and f"{base}_earliest" in table.column_names:
        field["constraints"] = {"enum": FORMS}
    return field


def schema(table: Table) -> dict[str, Any]:
    """The Table Schema of ``table``: fields, primary key and foreign keys.

    >>> import agreement_tracker as at
    >>> from agreement_tracker.export._tables import build
    >>> table = next(t for t in build(at.load()) if t.name == "meetings_participants")
    >>> schema(table)["foreignKeys"][1]
    {'fields': ['value'], 'reference': {'resource': 'people', 'fields': ['id']}}
    """
    return {
        "fields": [_field(table, c.name, c.type, c.description) for c in table.columns],
        "primaryKey": list(table.primary_key),
        "foreignKeys": [
            {
                "fields": list(key.columns),
                "reference": {
                    "resource": "" if key.table == table.name else key.table,
                    "fields": list(key.target),
                },
            }
            for key in table.foreign_keys
        ],
        "missingValues": [""],
    }


def _csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.column_names)
    # csv writes None as an empty cell and a date as YYYY-MM-DD
    writer.writerows(table.rows)
    return out.getvalue().encode("utf-8")


def _csl_date(value: Any) -> dict[str, Any]:
    """A CSL date: the parts both bounds share (a range for a range), and the EDTF raw.

    A range's end gives the parts its own bounds share; when an end is open or shares
    nothing, only the raw EDTF string is given.
    """
    from agreement_tracker.dates import DateRange

    def parts(text: str) -> list[int]:
        return [int(p) for p in text.split("-")] if text else []

    if isinstance(value, DateRange):
        ends = [
            parts(shared_prefix(end)) if end is not None else [] for end in (value.start, value.end)
        ]
        dates = ends if all(ends) else []
    else:
        shared = parts(shared_prefix(value))
        dates = [shared] if shared else []
    found: dict[str, Any] = {"raw": value.isoformat()}
    if dates:
        found["date-parts"] = dates
    return found


def csl_json(tracker: Tracker) -> list[dict[str, Any]]:
    """The sources as CSL-JSON items, in id order.

    A publication date known to a month has two date parts; one known only to lie
    between two days keeps the parts both share, and ``raw`` keeps the EDTF value (an
    open-ended one has only ``raw``).

    >>> import agreement_tracker as at
    >>> items = csl_json(at.load())
    >>> items[2]["id"], items[2]["issued"]
    ('ians-2025-11-06', {'raw': '2025-11-06', 'date-parts': [[2025, 11, 6]]})
    >>> items[3]["id"], items[3]["issued"]
    ('key-ally-2025-07', {'raw': '[2025-07-24..]'})
    >>> items[0]["author"]
    [{'literal': 'ANI'}]
    """
    items: list[dict[str, Any]] = []
    names = {o.id: o.name for o in tracker.organisations}
    for source in tracker.sources:
        item: dict[str, Any] = {"id": source.id, "type": "article-newspaper"}
        if source.title:
            item["title"] = source.title
        if source.agency:
            item["author"] = [{"literal": names[source.agency]}]
        if source.publisher:
            item["publisher"] = names[source.publisher]
            item["container-title"] = names[source.publisher]
        if source.published is not None:
            item["issued"] = _csl_date(source.published)
        if source.dateline is not None:
            item["event-place"] = source.dateline.label
        if source.url:
            item["URL"] = source.url
        item["language"] = source.language
        items.append(item)
    return items


def package(tracker: Tracker, tables: list[Table], license: str | None) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor of ``tables``.

    >>> import agreement_tracker as at
    >>> from agreement_tracker.export._tables import build
    >>> t = at.load()
    >>> descriptor = package(t, build(t), "CC-BY-4.0")
    >>> descriptor["name"], descriptor["resources"][0]["path"]
    ('india-israel-defence-relations-july-2024-november-2025', 'sources.csv')
    """
    descriptor: dict[str, Any] = {
        "name": _slug(tracker.name),
        "title": tracker.name,
        "version": tracker.data_version,
    }
    if tracker.description:
        descriptor["description"] = tracker.description
    if license:
        title, url = LICENSES.get(license, (license, ""))
        entry = {"name": license, "title": title}
        if url:
            entry["path"] = url
        descriptor["licenses"] = [entry]
    descriptor["citation"] = tracker.cite()
    descriptor["resources"] = [
        {
            "name": table.name,
            "type": "table",
            "path": f"{table.name}.csv",
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": table.description,
            "schema": schema(table),
        }
        for table in tables
    ] + [
        {
            "name": "sources-csl",
            "type": "file",
            "path": "sources.csl.json",
            "format": "json",
            "mediatype": "application/vnd.citationstyles.csl+json",
            "description": "The sources as CSL-JSON, for reference managers.",
        }
    ]
    return descriptor


def write(tracker: Tracker, path: Path, *, license: str | None = None) -> None:
    """Write the package into the folder ``path`` (made if missing; its files replaced).

    >>> import agreement_tracker as at, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write(at.load(), folder)
    >>> (folder / "meetings.csv").read_text("utf-8").splitlines()[0][:40]
    'id,kind,title,series,number,date,date_fo'
    """
    path.mkdir(parents=True, exist_ok=True)
    tables = build(tracker)
    for table in tables:
        replace_file(path / f"{table.name}.csv", _csv(table))
    csl = json.dumps(csl_json(tracker), ensure_ascii=False, indent=2) + "\n"
    replace_file(path / "sources.csl.json", csl.encode("utf-8"))
    descriptor = json.dumps(package(tracker, tables, license), ensure_ascii=False, indent=2)
    replace_file(path / "datapackage.json", (descriptor + "\n").encode("utf-8"))
