"""The Parquet export: typed days, a backing table, and the documented SQL in DuckDB."""

from __future__ import annotations

import datetime as _dt
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import agreement_tracker as at

from . import open_dates

duckdb = pytest.importorskip("duckdb")

DOCS = Path(__file__).resolve().parents[1] / "docs" / "exports.md"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("parquet")
    at.load().export("parquet", target)
    return target


@pytest.fixture(scope="module")
def db(folder: Path) -> Any:
    """DuckDB with a view named after each Parquet file, as docs/exports.md says."""
    connection = duckdb.connect()
    for path in sorted(folder.glob("*.parquet")):
        connection.execute(f"CREATE VIEW {path.stem} AS SELECT * FROM '{path}'")
    return connection


def documented() -> dict[str, str]:
    text = DOCS.read_text("utf-8")
    return dict(re.findall(r"```sql\n-- parquet: (\w+)\n(.*?)```", text, re.S))


def test_dates_are_typed_date32_beside_the_edtf_text(folder: Path) -> None:
    """date_earliest/date_latest are Parquet DATE (date32); the EDTF value stays text."""
    schema = duckdb.sql(
        f"SELECT name, type FROM parquet_schema('{folder}/meetings.parquet') "
        "WHERE name LIKE 'date%'"
    ).fetchall()
    assert schema == [
        ("date", "BYTE_ARRAY"),
        ("date_form", "BYTE_ARRAY"),
        ("date_earliest", "INT32"),
        ("date_latest", "INT32"),
        ("date_year", "INT64"),
        ("date_month", "BYTE_ARRAY"),
    ]
    converted = duckdb.sql(
        f"SELECT name, converted_type FROM parquet_schema('{folder}/meetings.parquet') "
        "WHERE name IN ('date', 'date_earliest', 'date_latest')"
    ).fetchall()
    assert converted == [("date", "UTF8"), ("date_earliest", "DATE"), ("date_latest", "DATE")]


def test_every_table_reads_back_row_for_row(db: Any) -> None:
    """Each record's date bounds read back from Parquet equal the library's."""
    t = at.load()
    rows = {
        r[0]: r[1:]
        for r in db.execute("SELECT id, date, date_earliest, date_latest FROM meetings").fetchall()
    }
    assert len(rows) == len(t.meetings)
    for meeting in t.meetings:
        assert meeting.date is not None
        assert rows[meeting.id] == (
            meeting.date.isoformat(),
            _dt.date.fromisoformat(meeting.date.earliest.isoformat()),
            _dt.date.fromisoformat(meeting.date.latest.isoformat()),
        )


def test_backing_says_what_backs_each_field(db: Any) -> None:
    """The backing table has quotes, inferences and claims with typed date bounds."""
    rows = db.execute(
        "SELECT field, value, precision, earliest, latest, source, basis FROM backing "
        "WHERE record_id = 'jwg-16' AND field = 'date' ORDER BY id"
    ).fetchall()
    assert rows == [
        ("date", "2024-07", "month", _dt.date(2024, 7, 1), _dt.date(2024, 7, 31), source, "quote")
        for source in ("key-ally-2025-07", "ani-2025-07-24")
    ]
    bases = db.execute(
        "SELECT basis, COUNT(*) FROM backing GROUP BY basis ORDER BY basis"
    ).fetchall()
    assert [b for b, _ in bases] == ["claim", "inferred", "quote"]
    claims = db.execute(
        "SELECT value, earliest, source FROM backing WHERE basis = 'claim' "
        "AND field = 'meeting_timing' ORDER BY value, source"
    ).fetchall()
    assert claims == [
        ("after", None, "exam-2025-11"),
        ("during", None, "ians-2025-11-06"),
        ("during", None, "report-2025-11-05"),
    ]


def test_documented_queries_give_the_trackers_answers(db: Any) -> None:
    """The SQL shown in docs/exports.md answers in DuckDB exactly as the Tracker does."""
    t = at.load()
    queries = documented()
    assert sorted(queries) == [
        "mous_about_emerging_technologies",
        "mous_by_area",
        "related_to_pahalgam",
        "since_last_jwg",
        "window_certain_or_possible",
    ]
    since = [r[0] for r in db.execute(queries["since_last_jwg"]).fetchall()]
    assert since == [m.id for m in t.meetings_since_last("JWG", as_of="2025-11-03")]
    assert since == ["doval-baram-2025-07", "singh-baram-2025-07-23"]
    by_area: dict[str, list[str]] = {}
    for area, mou in db.execute(queries["mous_by_area"]).fetchall():
        by_area.setdefault(area, []).append(mou)
    assert by_area == {area.id: [m.id for m in mous] for area, mous in t.mous_by_domain().items()}
    about = [r[0] for r in db.execute(queries["mous_about_emerging_technologies"]).fetchall()]
    assert about == [m.id for m in t.mous("emerging technologies")]
    window = db.execute(queries["window_certain_or_possible"]).fetchall()
    certain = [e.id for e in t.between("2024-07-01", "2024-07-15")]
    possible = [e.id for e in t.between("2024-07-01", "2024-07-15", mode="possible")]
    assert [i for i, _, how in window if how == "certain"] == certain
    assert (
        [i for i, _, _ in window]
        == possible
        == [
            "operation-rising-lion",  # on or before 23 July 2025: possibly in July 2024
            "saar-ndtv-interview-2025",
            "saar-global-superpower-2025",
            "jwg-16",
        ]
    )
    related = db.execute(queries["related_to_pahalgam"]).fetchall()
    expected = [
        (r.relation, r.other, r.via, int(r.outgoing)) for r in t.related("pahalgam-attack-2025")
    ]
    assert related == expected == [("condemned at", "singh-baram-2025-07-23", "links[0]", 0)]


def test_export_needs_duckdb_and_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without DuckDB the export names the extra to install."""
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'agreement-tracker\[parquet\]'"):
        at.load().export("parquet", tmp_path / "out")


def test_open_ends_are_null_and_the_documented_window_answers_as_the_tracker(
    tmp_path: Path,
) -> None:
    """An open end is a NULL date; the documented window query treats it as the Tracker does."""
    t = open_dates.tracker()
    t.export("parquet", tmp_path)
    connection = duckdb.connect()
    for path in sorted(tmp_path.glob("*.parquet")):
        connection.execute(f"CREATE VIEW {path.stem} AS SELECT * FROM '{path}'")
    rows = connection.execute(
        "SELECT id, date_earliest, date_latest FROM events WHERE id IN ('rising-lion', "
        "'after-nov') ORDER BY id"
    ).fetchall()
    assert rows == [
        ("after-nov", _dt.date(2025, 11, 1), None),
        ("rising-lion", None, _dt.date(2025, 7, 23)),
    ]
    sql = documented()["window_certain_or_possible"]
    sql = sql.replace("2024-07-01", "2025-05-01").replace("2024-07-15", "2025-05-31")
    window = connection.execute(sql).fetchall()
    certain = [e.id for e in t.between("2025-05-01", "2025-05-31")]
    possible = [e.id for e in t.between("2025-05-01", "2025-05-31", mode="possible")]
    assert [i for i, _, how in window if how == "certain"] == certain == ["sindoor"]
    assert [i for i, _, _ in window] == possible == ["rising-lion", "sindoor", "open-talks"]
