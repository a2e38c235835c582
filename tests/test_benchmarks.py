"""The benchmark asks the library, pandas and sqlite3 the same questions.

Timings are not tested here (they live in ``benchmarks/bench.py``); what is tested is
that each of the six workloads returns the same records from all three engines, so that
the ratios the benchmark prints compare like with like.
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


def test_the_three_engines_give_the_same_answers(bench: Any, engines: tuple[Any, ...]) -> None:
    """Every workload's answer, as counted once all three engines agree on the ids."""
    assert bench.check_answers(bench.workloads(*engines)) == {
        "mous('topic-050')": 1,
        "last_meeting(series, as_of)": 1,
        "meetings_since_last(series, as_of)": 0,
        "involving(person)": 42,
        "between_countries(a, b)": 3,
        "between(one month)": 3,
    }


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
    tracker, doc, _, _ = engines
    listed: dict[str, set[tuple[str, ...]]] = {}
    for row in bench.flat_rows(doc)["meeting_pairs"]:
        listed.setdefault(row["id"], set()).add(tuple(row["pair"].split("-")))
    several = [m for m in tracker.meetings if len(oracles.countries_of(tracker, m)) >= 3]
    assert len(several) == 194
    for meeting in tracker.meetings:
        countries = sorted(oracles.countries_of(tracker, meeting))
        expected = {(a, b) for i, a in enumerate(countries) for b in countries[i + 1 :]}
        assert listed.get(meeting.id, set()) == expected, meeting.id


def test_a_tie_on_the_last_day_is_broken_alike(bench: Any, tmp_path: Path) -> None:
    """Two unnumbered sessions on one day: every engine takes the greater id as the last.

    The other is then a same-day meeting "since the last", so that answer is not empty.
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
        tie = {k: v for k, v in latest.items() if k != "number"}
        doc["meeting"].append({**tie, "id": name, "date": day.isoformat()})
    path = tmp_path / "ties.json"
    path.write_text(json.dumps(doc), "utf-8")
    tracker = at.Tracker.from_path(path)
    rows = bench.flat_rows(doc)
    frames = {name: pd.DataFrame(r) for name, r in rows.items()}
    as_of = day.add(days=1).isoformat()
    chosen = bench.workloads(
        tracker, doc, frames, bench.sqlite_db(rows), series=series, as_of=as_of
    )
    answers = bench.check_answers(chosen)
    assert answers["last_meeting(series, as_of)"] == 1
    assert answers["meetings_since_last(series, as_of)"] == 1
    assert tracker.last_meeting(series, as_of=as_of).id == "m-tie-b"
    assert [m.id for m in tracker.meetings_since_last(series, as_of=as_of)] == ["m-tie-a"]
    last = oracles.last_in_series(tracker.meetings, series, at.to_date(as_of))
    assert last is not None
    assert last.id == "m-tie-b"
