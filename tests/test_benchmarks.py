"""The benchmark asks the library, pandas, sqlite3, DuckDB and Polars the same questions.

Timings are not tested here (they live in ``benchmarks/bench.py``); what is tested is
that each of the six workloads returns the same records from every engine, so that the
ratios the benchmark prints compare like with like.  DuckDB and Polars are optional (the
``bench`` extra): the tests that need them are skipped without them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

import agreement_tracker as at

from . import oracles

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def bench() -> Any:
    """The benchmark script, imported as a module (it puts its folder on ``sys.path``)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import bench  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(BENCHMARKS))
    return bench


@pytest.fixture(scope="module")
def engines(bench: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, ...]:
    """The seeded 1,000-record dataset as a tracker, its JSON, pandas frames and sqlite3."""
    import generate  # type: ignore[import-not-found]  # importable once bench is
    import pandas as pd

    doc = generate.generate(1000)
    path = tmp_path_factory.mktemp("bench") / "synthetic-1000.json"
    path.write_text(json.dumps(doc), "utf-8")
    tracker = at.Tracker.from_path(path)
    rows = bench.flat_rows(doc)
    frames = {name: pd.DataFrame(r) for name, r in rows.items()}
    return tracker, doc, frames, bench.sqlite_db(rows)


def optional_engines(bench: Any, doc: dict[str, Any]) -> dict[str, Any]:
    """The same flat rows as Polars frames and DuckDB tables, or a skip without them."""
    pytest.importorskip("polars")
    pytest.importorskip("pyarrow")  # DuckDB reads the Polars frames through Arrow
    pytest.importorskip("duckdb")
    polars = bench.polars_frames(bench.flat_rows(doc))
    return {"polars": polars, "duck": bench.duckdb_db(polars)}


def test_the_three_engines_give_the_same_answers(bench: Any, engines: tuple[Any, ...]) -> None:
    """Every workload's answer, as counted once all three engines agree on the ids."""
    assert bench.check_answers(bench.workloads(*engines)) == {
        "mous('topic-050')": 4,  # the generator draws from the bundled vocabulary
        "last_meeting(series, as_of)": 1,
        "meetings_since_last(series, as_of)": 0,
        "involving(person)": 42,
        "between_countries(a, b)": 3,
        "between(one month)": 3,
    }


def test_duckdb_and_polars_give_the_same_answers(bench: Any, engines: tuple[Any, ...]) -> None:
    """DuckDB and Polars, asked too, agree with the others on every workload's ids."""
    chosen = bench.workloads(*engines, **optional_engines(bench, engines[1]))
    assert [list(work.engines()) for work in chosen] == [list(bench.ENGINES)] * 6
    assert bench.check_answers(chosen) == {
        "mous('topic-050')": 4,  # the generator draws from the bundled vocabulary
        "last_meeting(series, as_of)": 1,
        "meetings_since_last(series, as_of)": 0,
        "involving(person)": 42,
        "between_countries(a, b)": 3,
        "between(one month)": 3,
    }


def test_an_engine_alone_in_an_answer_is_named(bench: Any, engines: tuple[Any, ...]) -> None:
    """An engine that alone returns an id is named with its count, and the id is listed."""
    right = bench.workloads(*engines)[3]
    assert right.label == "involving(person)"
    careless = right._replace(duck=lambda: [*right.sql(), ("m-nowhere",)])
    with pytest.raises(
        bench.DisagreementError,
        match=r"^involving\(person\): the engines disagree \(ids returned: library 42, "
        r"pandas 42, sqlite3 42, DuckDB 43\); only some have \['m-nowhere'\]$",
    ):
        bench.check_answers([careless])


def test_a_workload_asked_differently_is_refused(bench: Any, engines: tuple[Any, ...]) -> None:
    """The check names the workload and the ids that only some engines returned."""
    tracker, _, frames, db = engines
    meetings = frames["meetings"]
    series = meetings["series"].dropna().iloc[0]
    last = tracker.last_meeting(series, as_of="2030-01-01").id
    # "Since the last" written without leaving the series meeting itself out.
    careless = bench.Workload(
        "since, carelessly",
        lambda: tracker.meetings_since_last(series, as_of="2030-01-01"),
        lambda: meetings[meetings["id"] == last],
        lambda: db.execute("select id from meetings where id=?", (last,)).fetchall(),
    )
    with pytest.raises(bench.DisagreementError, match=rf"^since, carelessly: .*\['{last}'\]"):
        bench.check_answers([careless])


def test_a_meeting_of_three_countries_is_between_each_two(
    bench: Any, engines: tuple[Any, ...]
) -> None:
    """The flat rows list a meeting under every pair of its countries, as the library does."""
    import generate

    tracker, doc, _, _ = engines
    listed: dict[tuple[str, ...], set[str]] = {}
    pairs_of: dict[str, int] = {}
    for row in bench.flat_rows(doc)["meeting_pairs"]:
        listed.setdefault(tuple(row["pair"].split("-")), set()).add(row["id"])
        pairs_of[row["id"]] = pairs_of.get(row["id"], 0) + 1
    # Three countries make three pairs, four make six; two make one.
    assert sum(1 for n in pairs_of.values() if n >= 3) == 194
    assert len(pairs_of) == len(tracker.meetings)
    countries = sorted(generate.COUNTRIES)
    for i, a in enumerate(countries):
        for b in countries[i + 1 :]:
            entries = tracker.between_countries(a, b)
            found = {e.id for e in entries if isinstance(e.record, at.Meeting)}
            assert listed.get((a, b), set()) == found, (a, b)


def tie(bench: Any, tmp_path: Path) -> tuple[Any, ...]:
    """Two unnumbered sessions of one series on one day, after all its others.

    The tracker, the document, its pandas frames and sqlite3 tables, the series and the
    day after the tie.
    """
    import generate
    import pandas as pd

    doc = generate.generate(1000)
    series = "series-173"
    latest = max(
        (m for m in doc["meeting"] if m.get("series") == series),
        key=lambda m: at.parse_when(m["date"]).last_ordinal,
    )
    day = at.to_date(latest["date"][:10]).add(days=30)
    for name in ("m-tie-b", "m-tie-a"):
        tied = {k: v for k, v in latest.items() if k != "number"}
        doc["meeting"].append({**tied, "id": name, "date": day.isoformat()})
    path = tmp_path / "ties.json"
    path.write_text(json.dumps(doc), "utf-8")
    rows = bench.flat_rows(doc)
    frames = {name: pd.DataFrame(r) for name, r in rows.items()}
    tracker = at.Tracker.from_path(path)
    return tracker, doc, frames, bench.sqlite_db(rows), series, day.add(days=1).isoformat()


def test_a_tie_on_the_last_day_is_broken_alike(bench: Any, tmp_path: Path) -> None:
    """Two unnumbered sessions on one day: every engine takes the greater id as the last.

    The other is then a same-day meeting "since the last", so that answer is not empty.
    """
    tracker, doc, frames, db, series, as_of = tie(bench, tmp_path)
    chosen = bench.workloads(tracker, doc, frames, db, series=series, as_of=as_of)
    answers = bench.check_answers(chosen)
    assert answers["last_meeting(series, as_of)"] == 1
    assert answers["meetings_since_last(series, as_of)"] == 1
    assert tracker.last_meeting(series, as_of=as_of).id == "m-tie-b"
    assert [m.id for m in tracker.meetings_since_last(series, as_of=as_of)] == ["m-tie-a"]
    last = oracles.last_in_series(tracker.meetings, series, at.to_date(as_of))
    assert last is not None
    assert last.id == "m-tie-b"


def test_duckdb_and_polars_break_a_tie_alike(bench: Any, tmp_path: Path) -> None:
    """DuckDB and Polars break the tie as the others do: the greater id is the last."""
    tracker, doc, frames, db, series, as_of = tie(bench, tmp_path)
    more = optional_engines(bench, doc)
    chosen = bench.workloads(tracker, doc, frames, db, series=series, as_of=as_of, **more)
    last, since = chosen[1], chosen[2]
    assert last.duck is not None
    assert last.polars is not None
    assert last.ids("DuckDB", last.duck()) == last.ids("Polars", last.polars()) == {"m-tie-b"}
    assert bench.check_answers([last, since]) == {
        "last_meeting(series, as_of)": 1,
        "meetings_since_last(series, as_of)": 1,
    }
