"""The data package export, checked by Frictionless itself."""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import agreement_tracker as at
from agreement_tracker._kinds import KINDS
from agreement_tracker.export._tables import bounds, date_cells, shared_prefix
from agreement_tracker.export.datapackage import EDTF_PATTERN
from tests import open_dates, strategies

frictionless = pytest.importorskip("frictionless")

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def generated(size: int, folder: Path) -> at.Tracker:
    """A tracker of ``size`` generated records (``benchmarks/generate.py``)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import generate  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(BENCHMARKS))
    path = folder / f"generated-{size}.json"
    path.write_text(json.dumps(generate.generate(size, seed=7)), "utf-8")
    return at.Tracker.from_path(path)


@pytest.fixture(scope="module")
def package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("package")
    at.load().export("datapackage", folder)
    return folder


def _rows(folder: Path, name: str) -> list[dict[str, Any]]:
    package = frictionless.Package(str(folder / "datapackage.json"))
    resource = package.get_resource(name)
    return [row.to_dict() for row in resource.read_rows()]


def test_frictionless_validates_the_package(package_dir: Path) -> None:
    """`frictionless validate` finds no error in any resource, foreign keys included."""
    report = frictionless.validate(str(package_dir / "datapackage.json"))
    assert report.flatten(["type", "note"]) == []
    assert report.valid


def test_validation_catches_a_dangling_reference(package_dir: Path, tmp_path: Path) -> None:
    """Removing a person leaves meetings naming them, and the foreign key check says so."""
    for item in package_dir.iterdir():
        (tmp_path / item.name).write_bytes(item.read_bytes())
    people = (tmp_path / "people.csv").read_text("utf-8").splitlines()
    kept = [line for line in people if not line.startswith("amir-baram,")]
    (tmp_path / "people.csv").write_text("\n".join(kept) + "\n", "utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error[0] for error in report.flatten(["type"])}


def test_a_record_missing_from_records_is_caught(package_dir: Path, tmp_path: Path) -> None:
    """A link's target names a record of any kind: records.csv is its key, and it holds."""
    for item in package_dir.iterdir():
        (tmp_path / item.name).write_bytes(item.read_bytes())
    lines = (tmp_path / "records.csv").read_text("utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("pahalgam-attack-2025,")]
    (tmp_path / "records.csv").write_text("\n".join(kept) + "\n", "utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    failing = {(task.name, e[0]) for task in report.tasks for e in task.flatten(["type"])}
    assert {task for task, _ in failing} == {
        "backing",
        "citations",
        "events",
        "links",
        "meetings_links",
        "timeline",
    }
    assert {kind for _, kind in failing} == {"foreign-key"}


def _days(when: Any) -> tuple[_dt.date | None, _dt.date | None]:
    """The library's earliest and latest days of ``when``, None for an open end."""
    first = None if when.open_start else _dt.date.fromordinal(when.first_ordinal)
    last = None if when.open_end else _dt.date.fromordinal(when.last_ordinal)
    return first, last


def test_dates_read_back_equal_the_library(package_dir: Path) -> None:
    """Every earliest/latest day read by Frictionless equals the library's; EDTF stays text."""
    t = at.load()
    checked = 0
    for kind in KINDS.values():
        if kind.date_field is None:
            continue
        rows = {row["id"]: row for row in _rows(package_dir, kind.attribute)}
        for record in getattr(t, kind.attribute):
            row = rows[record.id]
            when = getattr(record, kind.date_field)
            field = kind.date_field
            if when is None:
                assert (row[field], row[f"{field}_earliest"], row[f"{field}_latest"]) == (
                    None,
                    None,
                    None,
                )
                continue
            assert row[field] == when.isoformat()
            assert (row[f"{field}_earliest"], row[f"{field}_latest"]) == _days(when)
            checked += 1
    assert checked == 27


def test_partial_dates_stay_partial(package_dir: Path) -> None:
    """A meeting of "July 2024" reads back as '2024-07', form month, 1 to 31 July."""
    row = next(r for r in _rows(package_dir, "meetings") if r["id"] == "jwg-16")
    assert (row["date"], row["date_form"], row["date_earliest"], row["date_latest"]) == (
        "2024-07",
        "month",
        _dt.date(2024, 7, 1),
        _dt.date(2024, 7, 31),
    )
    assert (row["date_year"], row["date_month"]) == (2024, "2024-07")


def test_one_of_days_keeps_both_bounds(package_dir: Path) -> None:
    """Meetings known to be on one of a few days keep their EDTF set and both bounds."""
    rows = [r for r in _rows(package_dir, "meetings") if r["date_form"] == "one-of"]
    assert [(r["id"], r["date"], r["date_earliest"], r["date_latest"]) for r in rows] == [
        (
            "doval-baram-2025-07",
            "[2025-07-22..2025-07-23]",
            _dt.date(2025, 7, 22),
            _dt.date(2025, 7, 23),
        ),
        (
            "saar-jaishankar-2025-11",
            "[2025-11-04..2025-11-05]",
            _dt.date(2025, 11, 4),
            _dt.date(2025, 11, 5),
        ),
        (
            "singh-katz-2025-11",
            "[2025-11-04..2025-11-06]",
            _dt.date(2025, 11, 4),
            _dt.date(2025, 11, 6),
        ),
    ]


def test_descriptor_carries_version_licence_and_keys(package_dir: Path) -> None:
    """datapackage.json names the data's version and licence, and every reference is a key."""
    descriptor = json.loads((package_dir / "datapackage.json").read_text("utf-8"))
    assert descriptor["version"] == "1.2.0"
    assert descriptor["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ]
    meetings = next(r for r in descriptor["resources"] if r["name"] == "meetings")
    assert meetings["schema"]["primaryKey"] == ["id"]
    assert meetings["schema"]["foreignKeys"] == [
        {"fields": ["series"], "reference": {"resource": "meeting_series", "fields": ["id"]}},
        {"fields": ["id"], "reference": {"resource": "records", "fields": ["id"]}},
    ]


def test_citations_and_claims_are_kept(package_dir: Path) -> None:
    """The three sources' claims on the MoU's timing are rows, each with its citation."""
    claims = {r["id"]: r for r in _rows(package_dir, "claims")}
    citations = {r["id"]: r for r in _rows(package_dir, "citations")}
    timing = sorted(
        (c["value"], citations[c["citation"]]["source"])
        for c in claims.values()
        if c["field"] == "meeting_timing"
    )
    assert timing == [
        ("after", "exam-2025-11"),
        ("during", "ians-2025-11-06"),
        ("during", "report-2025-11-05"),
    ]
    backing = [r for r in _rows(package_dir, "backing") if r["basis"] == "claim"]
    assert len(backing) == len(claims) == 3


def test_csl_json_lists_the_sources(package_dir: Path) -> None:
    """sources.csl.json has one item per source, dated only as precisely as known."""
    items = json.loads((package_dir / "sources.csl.json").read_text("utf-8"))
    assert [item["id"] for item in items] == [s.id for s in at.load().sources]
    assert items[2] == {
        "id": "ians-2025-11-06",
        "type": "article-newspaper",
        "author": [{"literal": "IANS"}],
        "issued": {"raw": "2025-11-06", "date-parts": [[2025, 11, 6]]},
        "event-place": "Tel Aviv, Israel",
        "language": "en",
    }


def test_export_is_deterministic(package_dir: Path, tmp_path: Path) -> None:
    """Exporting the same data again gives the same bytes in every file."""
    at.load().export("datapackage", tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        p.name: p.read_bytes() for p in package_dir.iterdir()
    }


def test_a_users_dataset_validates(tmp_path: Path) -> None:
    """A generated dataset of another shape exports to a valid package too."""
    t = generated(300, tmp_path)
    t.export("datapackage", tmp_path / "package")
    report = frictionless.validate(str(tmp_path / "package" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])[:3]


def test_every_date_column_agrees_with_its_edtf_value(package_dir: Path) -> None:
    """In every resource, each EDTF cell's earliest/latest days are the ones Frictionless reads."""
    package = frictionless.Package(str(package_dir / "datapackage.json"))
    checked = 0
    for resource in package.resources:
        if resource.name == "sources-csl":
            continue
        names = [f.name for f in resource.schema.fields]
        pairs = [n for n in names if f"{n}_earliest" in names and f"{n}_form" in names]
        for row in resource.read_rows():
            for name in pairs:
                if row[name] is None:
                    assert row[f"{name}_earliest"] is None
                    continue
                when = at.parse_when(row[name])
                assert (row[f"{name}_earliest"], row[f"{name}_latest"]) == _days(when)
                checked += 1
    assert checked == 85  # two visits dated by their engagements


@given(strategies.whens())
def test_shared_prefix_is_what_both_bounds_share(when: Any) -> None:
    """The one date given where a format holds one is a prefix of both bounds, and maximal.

    An open end has no bound (None), and then nothing is shared.
    """
    prefix = shared_prefix(when)
    assert date_cells(when)[2:] == bounds(when)
    low, high = bounds(when)
    assert (low is None) is when.open_start
    assert (high is None) is when.open_end
    if low is None or high is None:
        assert prefix == ""
        return
    first, last = low.isoformat(), high.isoformat()
    assert first.startswith(prefix)
    assert last.startswith(prefix)
    longer = {4: 7, 7: 10}.get(len(prefix), 4 if not prefix else None)
    if longer is not None:
        assert first[:longer] != last[:longer]


def test_open_ends_are_empty_cells_and_the_package_validates(tmp_path: Path) -> None:
    """An open end is an empty earliest or latest cell; the EDTF pattern takes every form."""
    open_dates_tracker = open_dates.tracker()
    open_dates_tracker.export("datapackage", tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = {r["id"]: r for r in _rows(tmp_path, "events")}  # in id order
    assert [
        (r["date"], r["date_form"], r["date_earliest"], r["date_latest"], r["date_year"])
        for r in rows.values()
    ] == [
        ("[2025-11..]", "one-of", _dt.date(2025, 11, 1), None, None),
        ("../2025-04-30", "range", None, _dt.date(2025, 4, 30), None),
        ("[..2025-07-23]", "one-of", None, _dt.date(2025, 7, 23), None),
        (
            "2025-05-07/[2025-05-10..2025-05-12]",
            "range",
            _dt.date(2025, 5, 7),
            _dt.date(2025, 5, 12),
            2025,
        ),
        ("[2025-07-24..2025-07-30]", "one-of", _dt.date(2025, 7, 24), _dt.date(2025, 7, 30), 2025),
    ]
    csv_text = (tmp_path / "events.csv").read_text("utf-8")
    assert "0001-01-01" not in csv_text
    assert "9999-12-31" not in csv_text


@pytest.mark.parametrize(
    "text",
    [
        "2025",
        "2025-07-22/2025-07-23",
        "[2025-11-04..2025-11-06]",
        "[..2025-07-23]",
        "[2025-11..]",
        "../2025-07-23",
        "2025-05-07/..",
        "2025-05-07/[2025-05-10..2025-05-12]",
        "[..2025-05-03]/[2025-05-09..]",
    ],
)
def test_edtf_pattern_accepts_every_form_the_library_writes(text: str) -> None:
    """EDTF_PATTERN matches each date form, open and uncertain ends included."""
    assert re.fullmatch(EDTF_PATTERN, text)
    assert at.parse_when(text).isoformat() == text


@pytest.mark.parametrize("text", ["2025-07-22/", "[2025", "2025-07-22//2025"])
def test_edtf_pattern_refuses_malformed_text(text: str) -> None:
    """EDTF_PATTERN refuses an empty end, an unclosed bracket and a doubled slash."""
    assert re.fullmatch(EDTF_PATTERN, text) is None
