"""The SQLite export: keys hold, Datasette serves it, and its SQL answers as the Tracker does."""

from __future__ import annotations

import asyncio
import datetime as _dt
import json
import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import agreement_tracker as at
from agreement_tracker.export._tables import date_form
from agreement_tracker.export.sqlite import QUERIES

from . import open_dates

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "exports.md"


def generated(size: int, folder: Path, seed: int = 7) -> at.Tracker:
    """A tracker of ``size`` generated records (``benchmarks/generate.py``)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import generate  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(BENCHMARKS))
    path = folder / f"generated-{size}.json"
    path.write_text(json.dumps(generate.generate(size, seed=seed)), "utf-8")
    return at.Tracker.from_path(path)


def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(path)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[at.Tracker, Path]:
    t = at.load()
    path = tmp_path_factory.mktemp("sqlite") / "india-israel.db"
    t.export("sqlite", path)
    return t, path


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[at.Tracker, Path]:
    folder = tmp_path_factory.mktemp("sqlite-10k")
    t = generated(10_000, folder)
    path = folder / "generated.db"
    t.export("sqlite", path)
    return t, path


def ids(records: Any) -> list[str]:
    return [r.id for r in records]


def sql_ids(db: sqlite3.Connection, name: str, **params: str) -> list[str]:
    return [row[0] for row in db.execute(QUERIES[name], params)]


def tracker_or_none(call: Any) -> list[str]:
    """The ids a helper returns, or none where it finds no meeting to start from."""
    try:
        answer = call()
    except at.NoMatchError:
        return []
    return [answer.id] if isinstance(answer, at.Meeting) else ids(answer)


def oracle(t: at.Tracker, db: sqlite3.Connection) -> dict[str, int]:
    """Ask every helper and its SQL the same questions; count the questions per helper."""
    asked: dict[str, int] = {}

    def same(name: str, expected: list[str], **params: str) -> None:
        assert sql_ids(db, name, **params) == expected, (name, params)
        asked[name] = asked.get(name, 0) + 1

    days = {"1989-12-31", "2008-06-30", "2024-07-15", "2025-11-03", "2025-11-30", "2099-01-01"}
    for series in t.meeting_series:
        dates = [m.date for m in t.meetings_in_series(series.id) if m.date is not None]
        eves = {d.earliest.subtract(days=1).isoformat() for d in dates[::5]}
        lasts = {d.latest.isoformat() for d in dates[::7]}
        for day in sorted(days | eves | lasts):
            same(
                "last_meeting",
                tracker_or_none(lambda s=series.id, d=day: t.last_meeting(s, as_of=d)),
                series=series.id,
                as_of=day,
            )
            same(
                "meetings_since_last",
                tracker_or_none(lambda s=series.id, d=day: t.meetings_since_last(s, as_of=d)),
                series=series.id,
                as_of=day,
            )
    for area in t.focus_areas:
        same("agreements_about", ids(t.agreements_about(area.id)), area=area.id)
        same("mous", ids(t.mous(area.id)), area=area.id)
    windows = [
        ("2024-07-01", "2024-07-15"),
        ("2025-07-01", "2025-11-04"),
        ("1990-01-01", "2030-12-31"),
    ]
    windows += [(f"2010-{m:02d}-01", f"2010-{m:02d}-28") for m in range(1, 13)]
    windows += [(f"{y}-01-01", f"{y}-12-31") for y in range(1995, 2026, 5)]
    for start, end in windows:
        same("between_certain", ids(t.between(start, end)), start=start, end=end)
        same(
            "between_possible",
            ids(t.between(start, end, mode="possible")),
            start=start,
            end=end,
        )
    for person in list(t.people)[:200]:
        same("involving", ids(t.involving(person.id)), person=person.id)
    pairs = {tuple(sorted(s.parties[:2])) for s in t.meeting_series if len(s.parties) >= 2}
    pairs |= {("IL", "IN"), ("IN", "PK"), ("IL", "US"), ("AD", "AE")}
    for first, second in sorted(pairs)[:150]:
        same(
            "between_countries", ids(t.between_countries(first, second)), first=first, second=second
        )
    for record in t.all_records():
        related = [(r.relation, r.other, r.via, int(r.outgoing)) for r in t.related(record.id)]
        assert db.execute(QUERIES["related"], {"record": record.id}).fetchall() == related
        asked["related"] = asked.get("related", 0) + 1
    expected = [(d.record_id, d.field) for d in t.discrepancies()]
    assert db.execute(QUERIES["discrepancies"]).fetchall() == expected
    asked["discrepancies"] = 1
    return asked


def test_foreign_keys_hold(bundled: tuple[at.Tracker, Path]) -> None:
    """PRAGMA foreign_key_check finds no row naming a missing row."""
    for db in _connect(bundled[1]):
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_foreign_key_check_catches_a_dangling_reference(bundled: tuple[at.Tracker, Path]) -> None:
    """A participant removed from people is reported by the check, so the keys are real."""
    for db in _connect(bundled[1]):
        db.execute("DELETE FROM people WHERE id = 'amir-baram'")
        problems = {row[0] for row in db.execute("PRAGMA foreign_key_check")}
        db.rollback()
    assert {"meetings_participants", "people_roles"} <= problems


def test_a_missing_record_of_any_kind_is_caught(bundled: tuple[at.Tracker, Path]) -> None:
    """A record removed from records is reported by every table whose link names it."""
    for db in _connect(bundled[1]):
        db.execute("DELETE FROM records WHERE id = 'pahalgam-attack-2025'")
        problems = {row[0] for row in db.execute("PRAGMA foreign_key_check")}
        db.rollback()
    assert {"links", "meetings_links"} <= problems


def test_links_table_holds_both_ends(bundled: tuple[at.Tracker, Path]) -> None:
    """Each link is one row: its holder, field, relation both ways, target and sources."""
    for db in _connect(bundled[1]):
        rows = db.execute(
            "SELECT record_id, via, relation, inverse, target, sources FROM links "
            "WHERE target = 'pahalgam-attack-2025' OR record_id = 'pahalgam-attack-2025'"
        ).fetchall()
        count = db.execute("SELECT COUNT(*) FROM links").fetchone()[0]
    assert rows == [
        (
            "singh-baram-2025-07-23",
            "links[0]",
            "condemns",
            "condemned at",
            "pahalgam-attack-2025",
            "ani-2025-07-24",
        )
    ]
    t = bundled[0]
    assert count == sum(r.outgoing for record in t.all_records() for r in t.related(record.id))


def test_related_query_reads_links_from_either_side(bundled: tuple[at.Tracker, Path]) -> None:
    """The related query gives a record's outgoing links and the links to it, in order."""
    for db in _connect(bundled[1]):
        rows = db.execute(QUERIES["related"], {"record": "singh-baram-2025-07-23"}).fetchall()
    assert rows == [
        ("condemns", "pahalgam-attack-2025", "links[0]", 1),
        ("condemns", "october-7-attacks-2023", "links[1]", 1),
        ("reported by", "in-mod-statement-2025-07-23", "links[0]", 0),
    ]


def test_oracle_on_the_bundled_data(bundled: tuple[at.Tracker, Path]) -> None:
    """Every query helper's answer equals its documented SQL's on the bundled export."""
    t, path = bundled
    for db in _connect(path):
        asked = oracle(t, db)
    assert sorted(asked) == sorted(set(QUERIES) - {"calendar"})
    assert asked["related"] == len(list(t.all_records())) == 81


def test_oracle_on_ten_thousand_generated_records(big: tuple[at.Tracker, Path]) -> None:
    """The same holds on 10,000 generated records, over every series, area and window."""
    t, path = big
    assert len(t.meetings) + len(t.agreements) + len(t.delegations) == 10_000
    for db in _connect(path):
        asked = oracle(t, db)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert asked["meetings_since_last"] >= 400 * 6
    assert asked["mous"] == 120


def test_since_last_meeting_view(big: tuple[at.Tracker, Path]) -> None:
    """The view lists, per series, the meetings since its last one, as the Tracker does."""
    t, path = big
    for db in _connect(path):
        rows = db.execute(
            "SELECT series, id FROM since_last_meeting ORDER BY series, date_earliest, "
            "date_latest, id"
        ).fetchall()
    expected = [
        (s.id, m)
        for s in sorted(t.meeting_series, key=lambda s: s.id)
        for m in tracker_or_none(lambda s=s: t.meetings_since_last(s.id, as_of="9999-12-31"))
    ]
    assert len(expected) == 32
    assert rows == expected


def test_timeline_view_equals_the_timeline(bundled: tuple[at.Tracker, Path]) -> None:
    """The timeline view holds every dated and undated entry with its EDTF date and bounds."""
    t, path = bundled
    for db in _connect(path):
        rows = db.execute(
            "SELECT id, kind, date, date_form, date_earliest, date_latest FROM timeline t "
            "ORDER BY t.date IS NULL, t.date_earliest, t.date_latest IS NULL, t.date_latest, "
            "t.kind_rank, t.id"
        ).fetchall()
    expected = [
        (e.id, e.kind, None, None, None, None)
        if e.date is None
        else (
            e.id,
            e.kind,
            e.date.isoformat(),
            date_form(e.date),
            None if e.date.open_start else e.date.earliest.isoformat(),
            None if e.date.open_end else e.date.latest.isoformat(),
        )
        for e in t.timeline()
    ]
    assert rows == expected
    assert ("jwg-16", "meeting", "2024-07", "month", "2024-07-01", "2024-07-31") in rows


def test_discrepancies_view_shows_each_claim(bundled: tuple[at.Tracker, Path]) -> None:
    """The discrepancies view lists every competing claim with its source."""
    for db in _connect(bundled[1]):
        rows = db.execute(
            "SELECT field, value, source FROM discrepancies ORDER BY field, value, source"
        ).fetchall()
    assert rows == [
        ("meeting_timing", "after", "exam-2025-11"),
        ("meeting_timing", "during", "ians-2025-11-06"),
        ("meeting_timing", "during", "report-2025-11-05"),
    ]


def test_full_text_search_finds_quotes_and_source_texts(bundled: tuple[at.Tracker, Path]) -> None:
    """FTS5 finds 'cyber' in the quotes and in the source texts that contain it."""
    t, path = bundled
    for db in _connect(path):
        quotes = db.execute(
            "SELECT c.id FROM citations_fts JOIN citations c ON c.rowid = citations_fts.rowid "
            "WHERE citations_fts MATCH 'cyber*' ORDER BY c.id"
        ).fetchall()
        sources = db.execute(
            "SELECT s.id FROM sources_fts JOIN sources s ON s.rowid = sources_fts.rowid "
            "WHERE sources_fts MATCH 'cyber*' ORDER BY s.id"
        ).fetchall()
    expected_sources = sorted(s.id for s in t.sources if re.search(r"\bcyber", s.text, re.I))
    assert [row[0] for row in sources] == expected_sources
    expected_quotes = sorted(
        f"{record.id}/"
        for record in t.all_records()
        for c in record.citations
        if "cyber" in c.quote.lower()
    )
    assert len(quotes) >= len(expected_quotes) >= 1
    for db in _connect(path):
        texts = [
            db.execute("SELECT quote FROM citations WHERE id = ?", q).fetchone()[0] for q in quotes
        ]
    assert all("cyber" in text.lower() for text in texts)


def test_facets_are_the_shared_year_and_month(bundled: tuple[at.Tracker, Path]) -> None:
    """date_year and date_month are set only where both bounds share them."""
    for db in _connect(bundled[1]):
        rows = db.execute("SELECT id, date_year, date_month FROM meetings ORDER BY id").fetchall()
    assert ("jwg-16", 2024, "2024-07") in rows
    assert ("singh-katz-2025-11", 2025, "2025-11") in rows


def test_calendar_query_ends_the_day_after(bundled: tuple[at.Tracker, Path]) -> None:
    """The datasette-ics query gives an exclusive end: the day after the last possible day."""
    for db in _connect(bundled[1]):
        row = db.execute(
            f"SELECT * FROM ({QUERIES['calendar']}) WHERE event_uid = 'baram-india-2025-07'"
        ).fetchone()
    assert row[1:4] == ("2025-07-22", "2025-07-24", "baram-india-2025-07")


def test_queries_are_the_documented_sql() -> None:
    """Each SQL block named in docs/exports.md is the SQL the export and Datasette use."""
    text = DOCS.read_text("utf-8")
    blocks = dict(re.findall(r"```sql\n-- sqlite: (\w+)\n(.*?)```", text, re.S))
    assert sorted(blocks) == sorted(QUERIES)
    for name, sql in blocks.items():
        assert _normal(sql) == _normal(QUERIES[name]), name


def _normal(sql: str) -> str:
    """SQL with runs of white space as one space, and none inside parentheses' ends."""
    return re.sub(r"\( | \)", lambda m: m[0].strip(), " ".join(sql.split()))


def test_metadata_names_licence_and_queries(bundled: tuple[at.Tracker, Path]) -> None:
    """The metadata file beside the database carries the licence and every canned query."""
    path = bundled[1]
    meta = json.loads(path.with_name("india-israel.metadata.json").read_text("utf-8"))
    assert (meta["license"], meta["license_url"]) == (
        "CC-BY-4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    assert meta["databases"]["india-israel"]["queries"]["mous"]["sql"] == QUERIES["mous"]


def test_datasette_serves_every_table_and_query(bundled: tuple[at.Tracker, Path]) -> None:
    """Datasette's own client answers every table, view and canned query, and searches."""
    app = pytest.importorskip("datasette.app")
    t, path = bundled
    meta = json.loads(path.with_name("india-israel.metadata.json").read_text("utf-8"))
    ds = app.Datasette([str(path)], metadata=meta)
    params = {
        "series": "jwg",
        "as_of": "2025-11-03",
        "area": "cyber-security",
        "start": "2025-07-01",
        "end": "2025-07-31",
        "person": "amir-baram",
        "first": "IL",
        "second": "IN",
        "record": "pahalgam-attack-2025",
    }

    async def ask() -> dict[str, Any]:
        answers: dict[str, Any] = {}
        for db in _connect(path):
            names = [
                r[0]
                for r in db.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE '%_fts%'"
                )
            ]
        for name in names:
            response = await ds.client.get(f"/india-israel/{name}.json?_shape=array&_size=max")
            assert response.status_code == 200, name
            answers[name] = response.json()
        for name, sql in QUERIES.items():
            wanted = {k: v for k, v in params.items() if f":{k}" in sql}
            query = "&".join(f"{k}={v}" for k, v in wanted.items())
            response = await ds.client.get(f"/india-israel/{name}.json?_shape=array&{query}")
            assert response.status_code == 200, name
            answers[f"query:{name}"] = response.json()
        response = await ds.client.get("/india-israel/citations.json?_search=cyber&_shape=array")
        assert response.status_code == 200
        answers["search"] = response.json()
        return answers

    answers = asyncio.run(ask())
    assert len(answers["meetings"]) == len(t.meetings)
    assert [r["id"] for r in answers["query:meetings_since_last"]] == ids(
        t.meetings_since_last("jwg", as_of="2025-11-03")
    )
    assert [r["id"] for r in answers["query:mous"]] == ids(t.mous("cyber-security"))
    assert answers["search"]
    assert all("cyber" in row["quote"].lower() for row in answers["search"])
    assert _dt.date.fromisoformat(answers["query:calendar"][0]["event_dtend"])


@pytest.fixture(scope="module")
def open_ended(tmp_path_factory: pytest.TempPathFactory) -> tuple[at.Tracker, Path]:
    """The constructed dataset with open and uncertain date ends, exported."""
    t = open_dates.tracker()
    path = tmp_path_factory.mktemp("sqlite-open") / "open.db"
    t.export("sqlite", path)
    return t, path


def test_open_ends_are_null_never_year_one_or_9999(open_ended: tuple[at.Tracker, Path]) -> None:
    """An open end's earliest or latest cell is NULL; the EDTF text keeps the form."""
    for db in _connect(open_ended[1]):
        rows = db.execute(
            "SELECT id, date, date_form, date_earliest, date_latest FROM timeline "
            "WHERE id IN ('rising-lion', 'sindoor', 'tour', 'after-nov') ORDER BY id"
        ).fetchall()
        text = "\n".join(line for line in db.iterdump() if line.startswith("INSERT"))
    assert rows == [
        ("after-nov", "[2025-11..]", "one-of", "2025-11-01", None),
        ("rising-lion", "[..2025-07-23]", "one-of", None, "2025-07-23"),
        ("sindoor", "2025-05-07/[2025-05-10..2025-05-12]", "range", "2025-05-07", "2025-05-12"),
        ("tour", "2025-07-24/[2025-08-01..]", "range", "2025-07-24", None),
    ]
    assert "'2025-07-23'" in text
    assert "0001-01-01" not in text
    assert "9999-12-31" not in text


def test_oracle_on_open_and_uncertain_ends(open_ended: tuple[at.Tracker, Path]) -> None:
    """Every query helper's SQL answers as the Tracker does when dates have open ends."""
    t, path = open_ended
    for db in _connect(path):
        asked = oracle(t, db)
        rows = db.execute(
            "SELECT id FROM timeline t WHERE t.date IS NOT NULL "
            "ORDER BY t.date IS NULL, t.date_earliest, t.date_latest IS NULL, t.date_latest, "
            "t.kind_rank, t.id"
        ).fetchall()
        calendar = [r[3] for r in db.execute(QUERIES["calendar"]).fetchall()]
    assert asked["between_possible"] > 20
    assert [r[0] for r in rows] == [e.id for e in t.timeline()]
    assert calendar == ["sindoor", "m1", "visit-report"]
