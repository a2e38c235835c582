"""Benchmark the library against pandas and sqlite3 on the same synthetic data.

For each size it generates (or reuses) a seeded dataset in the library's JSON format,
loads it with the library and with ``pandas.read_json``, builds the same data as pandas
DataFrames and as indexed sqlite3 tables in this process, checks that six selective
queries return the same records from all three, then times them.  It prints one table of
medians and ratios, plus import time and memory per record.

Usage:
    python benchmarks/bench.py                 # sizes 1e3 1e4 1e5
    python benchmarks/bench.py --sizes 1000 1000000
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

import agreement_tracker as at  # noqa: E402
from agreement_tracker.dates import parse_when  # noqa: E402


def median_time(
    fn: Callable[[], Any], *, repeat: int, number: int = 1, collect: bool = False
) -> float:
    """Median seconds per call over ``repeat`` rounds of ``number`` calls.

    ``collect=True`` runs a full garbage collection (untimed) before each round, so that
    freeing what an earlier round built is never charged to the next one.
    """
    rounds = []
    for _ in range(repeat):
        if collect:
            gc.collect()
        start = time.perf_counter()
        for _ in range(number):
            fn()
        rounds.append((time.perf_counter() - start) / number)
    return statistics.median(rounds)


def calls_per_round(fn: Callable[[], Any], *, seconds: float = 0.02) -> int:
    """How many calls of ``fn`` make a timed round of at least ``seconds``.

    As timeit's autorange does (1, 2, 5, 10, 20, 50 ... calls), so that sub-microsecond
    queries are timed over thousands of calls rather than a few dozen.
    """
    number = 1
    while True:
        for step in (1, 2, 5):
            calls = number * step
            start = time.perf_counter()
            for _ in range(calls):
                fn()
            if time.perf_counter() - start >= seconds:
                return calls
        number *= 10


def import_times(runs: int = 21) -> dict[str, tuple[float, float]]:
    """Median and fastest wall time of small interpreter runs (seconds).

    The commands take turns, so that a change in the machine's speed during the runs
    touches all of them alike.  The library's bytecode is compiled first, as an
    installed package's is, and ``PYTHONDONTWRITEBYTECODE`` is not passed on.
    """
    import compileall

    compileall.compile_dir(Path(at.__file__).parent, quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    commands = {
        "bare interpreter": "pass",
        "import + load() + mous('cyber security')": (
            "import agreement_tracker as at; at.load().mous('cyber security')"
        ),
        "import pandas": "import pandas",
        # The floor under the library: attrs, a required dependency, on its own.
        "import attrs": "import attrs",
    }
    found: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, code in commands.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            found[label].append(time.perf_counter() - start)
    return {label: (statistics.median(t), min(t)) for label, t in found.items()}


def _bounds(text: str | None) -> tuple[int, int] | tuple[None, None]:
    if text is None:
        return (None, None)
    when = parse_when(text)
    return (when.first_ordinal, when.last_ordinal)


def flat_rows(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The same records as flat rows, for pandas and sqlite3."""
    series_parties = {s["id"]: tuple(sorted(s["parties"])) for s in doc["series"]}
    person_country = {p["id"]: p["roles"][0]["country"] for p in doc["person"]}
    dated, areas, people, pairs, meetings, meeting_pairs = [], [], [], [], [], []
    for kind, date_field in (("meeting", "date"), ("agreement", "signed"), ("delegation", "dates")):
        for r in doc.get(kind, []):
            first, last = _bounds(r.get(date_field))
            dated.append({"id": r["id"], "first": first, "last": last})
            if kind == "agreement":
                countries = tuple(sorted(r["parties"]))
                people += [{"person": p, "id": r["id"]} for p in r["signatories"]]
                areas += [{"area": a, "kind": r["kind"], "id": r["id"]} for a in r["focus_areas"]]
            elif kind == "delegation":
                countries = tuple(sorted((r["origin"], r["host"])))
                people += [{"person": p, "id": r["id"]} for p in (r["leader"], *r["members"])]
            else:
                if "series" in r:
                    countries = series_parties[r["series"]]
                else:
                    found = {r["place"]["country"]} | {person_country[p] for p in r["participants"]}
                    countries = tuple(sorted(found))
                people += [{"person": p, "id": r["id"]} for p in r["participants"]]
                meetings.append(
                    {
                        "id": r["id"],
                        "series": r.get("series"),
                        "number": r.get("number"),
                        "first": first,
                        "last": last,
                    }
                )
                # Every pair of a meeting's countries: a meeting of three countries is
                # between each two of them, as the library counts it.
                meeting_pairs += [
                    {"pair": f"{a}-{b}", "id": r["id"], "first": first, "last": last}
                    for i, a in enumerate(countries)
                    for b in countries[i + 1 :]
                ]
            for i, a in enumerate(countries):
                for b in countries[i + 1 :]:
                    pairs.append({"pair": f"{a}-{b}", "id": r["id"]})
    return {
        "dated": dated,
        "areas": areas,
        "people": people,
        "pairs": pairs,
        "meetings": meetings,
        "meeting_pairs": meeting_pairs,
    }


def sqlite_db(rows: dict[str, list[dict[str, Any]]]) -> sqlite3.Connection:
    """An in-memory database of the flat rows with an index for every query."""
    db = sqlite3.connect(":memory:")
    schema = {
        "dated": ("id", "first", "last"),
        "areas": ("area", "kind", "id"),
        "people": ("person", "id"),
        "pairs": ("pair", "id"),
        "meetings": ("id", "series", "number", "first", "last"),
        "meeting_pairs": ("pair", "id", "first", "last"),
    }
    for table, columns in schema.items():
        db.execute(f"create table {table} ({', '.join(columns)})")
        db.executemany(
            f"insert into {table} values ({', '.join('?' * len(columns))})",
            [tuple(r[c] for c in columns) for r in rows[table]],
        )
    for statement in (
        "create index i_dated on dated(first, last)",
        "create index i_areas on areas(area, kind)",
        "create index i_people on people(person)",
        "create index i_pairs on pairs(pair)",
        # In the library's order for "the last meeting", ties on the day included.
        "create index i_series on meetings(series, last, first, number, id)",
        "create index i_mpair on meeting_pairs(pair, first)",
    ):
        db.execute(statement)
    return db


#: "The last meeting" as the library orders it (see ``query.last_key``), ties on the day
#: broken by earliest day, number and id; in pandas and in sqlite3.
LAST_ORDER = ["last", "first", "number", "id"]
SQL_LAST = "order by last desc, first desc, number desc, id desc"


class Workload(NamedTuple):
    """One query, written for the library, for pandas and for sqlite3.

    ``frame_ids`` turns the pandas answer into record ids (most answers are frames with an
    ``id`` column); the library's answers are records and sqlite3's are ``(id,)`` rows.
    """

    label: str
    mine: Callable[[], Any]
    frame: Callable[[], Any]
    sql: Callable[[], Any]
    frame_ids: Callable[[Any], Any] = lambda frame: frame["id"]


def workloads(
    tracker: at.Tracker,
    doc: dict[str, Any],
    frames: dict[str, Any],
    db: sqlite3.Connection,
    *,
    series: str | None = None,
    as_of: str | None = None,
) -> list[Workload]:
    """The six selective queries, each as the same question to the three engines.

    ``series`` defaults to the busiest series and ``as_of`` to the eve of one of its
    sessions from mid-series on: the first such day by which "since the last" has
    something to find, or the first of them when none has.  The flat rows cover what the
    generator makes (no events, one role a person); :func:`check_answers` is what makes
    sure the three engines agree on the data at hand.
    """
    # The query arguments: a leaf focus area, a busy series, a person, a country pair.
    area = "topic-050"
    kind = "mou"
    if series is None:
        counts: dict[str, int] = {}
        for m in doc["meeting"]:
            if "series" in m:
                counts[m["series"]] = counts.get(m["series"], 0) + 1
        series = max(sorted(counts), key=counts.__getitem__)
    if as_of is None:
        sessions = tracker.meetings_in_series(series)
        days = []
        for session in sessions[len(sessions) // 2 + 1 :]:
            assert session.date is not None
            days.append(str(at.PartialDate.from_date(session.date.earliest.subtract(days=1))))
        as_of = next((d for d in days if tracker.meetings_since_last(series, as_of=d)), days[0])
    day = at.to_date(as_of).toordinal()
    person = doc["person"][7]["id"]
    pair = tuple(sorted(tracker.series(series).parties))
    # The library's "between the series' parties" for a series of two, which are all the
    # generator makes.
    assert len(pair) == 2, f"series {series} has {len(pair)} parties"
    pair_key = "-".join(pair)
    start, end = "2010-03-01", "2010-03-31"
    s_ord, e_ord = at.to_date(start).toordinal(), at.to_date(end).toordinal()
    af, mt, mp, pp, pr, dt = (
        frames[n] for n in ("areas", "meetings", "meeting_pairs", "people", "pairs", "dated")
    )

    def frame_last() -> Any:
        # The library's order for "the last meeting": latest day, then earliest day,
        # then number, then id (a tie on the day happens in a million records).
        held = mt[(mt["series"] == series) & (mt["last"] <= day)]
        return held.sort_values(LAST_ORDER, na_position="first").index[-1]

    def frame_since_last() -> Any:
        # As the library does: find the series' last meeting by the day, then the
        # meetings between its parties from that meeting's last day on, without it.
        last = frame_last()
        ref, last_id = mt.at[last, "last"], mt.at[last, "id"]
        return mp[
            (mp["pair"] == pair_key)
            & (mp["first"] >= ref)
            & (mp["last"] <= day)
            & (mp["id"] != last_id)
        ]

    return [
        Workload(
            f"mous({area!r})",
            lambda: tracker.mous(area),
            lambda: af[(af["area"] == area) & (af["kind"] == kind)],
            lambda: db.execute(
                "select id from areas where area=? and kind=?", (area, kind)
            ).fetchall(),
        ),
        Workload(
            "last_meeting(series, as_of)",
            lambda: tracker.last_meeting(series, as_of=as_of),
            frame_last,
            lambda: db.execute(
                f"select id from meetings where series=? and last<=? {SQL_LAST} limit 1",
                (series, day),
            ).fetchall(),
            frame_ids=lambda label: [mt.at[label, "id"]],
        ),
        Workload(
            "meetings_since_last(series, as_of)",
            lambda: tracker.meetings_since_last(series, as_of=as_of),
            frame_since_last,
            lambda: db.execute(
                "with last as (select id, last from meetings where series=? and last<=? "
                f"{SQL_LAST} limit 1) "
                "select m.id from meeting_pairs m, last where m.pair=? and m.first>=last.last "
                "and m.last<=? and m.id<>last.id order by m.first",
                (series, day, pair_key, day),
            ).fetchall(),
        ),
        Workload(
            "involving(person)",
            lambda: tracker.involving(person),
            lambda: pp[pp["person"] == person],
            lambda: db.execute("select id from people where person=?", (person,)).fetchall(),
        ),
        Workload(
            "between_countries(a, b)",
            lambda: tracker.between_countries(*pair),
            lambda: pr[pr["pair"] == pair_key],
            lambda: db.execute("select id from pairs where pair=?", (pair_key,)).fetchall(),
        ),
        Workload(
            "between(one month)",
            lambda: tracker.between(start, end),
            lambda: dt[(dt["first"] >= s_ord) & (dt["last"] <= e_ord)],
            lambda: db.execute(
                "select id from dated where first>=? and first<=? and last<=? order by first",
                (s_ord, e_ord, e_ord),
            ).fetchall(),
        ),
    ]


class DisagreementError(RuntimeError):
    """The three engines gave different answers to one workload: the timings would lie."""


def check_answers(chosen: list[Workload]) -> dict[str, int]:
    """Each workload's number of answers, once the three engines agree on the same ids.

    Raises :class:`DisagreementError` naming the workload and the ids only some engines
    returned.
    """
    sizes = {}
    for work in chosen:
        found = work.mine()
        records = found if isinstance(found, tuple) else [found]  # Records or one record
        mine = {r.id for r in records}
        frame = set(work.frame_ids(work.frame()))
        sql = {row[0] for row in work.sql()}
        if not mine == frame == sql:
            raise DisagreementError(
                f"{work.label}: library, pandas and sqlite3 disagree; "
                f"only some have {sorted((mine | frame | sql) - (mine & frame & sql))}"
            )
        sizes[work.label] = len(mine)
    return sizes


def run(size: int, work: Path) -> list[dict[str, Any]]:
    """Measure one size; return result rows."""
    import pandas as pd

    path = work / f"synthetic-{size}.json"
    if not path.exists():
        path.write_text(json.dumps(generate.generate(size)), "utf-8")
    repeat = 3
    results: list[dict[str, Any]] = []

    library_load = median_time(lambda: at.Tracker.from_path(path), repeat=repeat, collect=True)
    pandas_load = median_time(lambda: pd.read_json(path, typ="series"), repeat=repeat, collect=True)
    results.append(
        {
            "query": "load JSON file",
            "size": size,
            "library": library_load,
            "pandas": pandas_load,
            "sqlite": None,
        }
    )

    tracemalloc.start()
    tracker = at.Tracker.from_path(path)
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    doc = json.loads(path.read_text("utf-8"))
    rows = flat_rows(doc)
    frames = {name: pd.DataFrame(r) for name, r in rows.items()}
    records = len(tracker.agreements) + len(tracker.meetings) + len(tracker.delegations)
    frame_bytes = sum(int(f.memory_usage(deep=True).sum()) for f in frames.values())
    kinds = {k: pd.json_normalize(doc[k]) for k in ("meeting", "agreement", "delegation")}
    normal_bytes = sum(int(f.memory_usage(deep=True).sum()) for f in kinds.values())
    results.append(
        {
            "query": "memory per record (bytes)",
            "size": size,
            "library": current / records,
            "pandas": normal_bytes / records,
            "sqlite": None,
            "note": f"flat query frames: {frame_bytes / records:.0f}",
        }
    )
    db = sqlite_db(rows)
    chosen = workloads(tracker, doc, frames, db)
    answers = check_answers(chosen)
    for query in chosen:
        results.append(
            {
                "query": query.label,
                "size": size,
                "library": median_time(query.mine, repeat=5, number=calls_per_round(query.mine)),
                "pandas": median_time(query.frame, repeat=5, number=calls_per_round(query.frame)),
                "sqlite": median_time(query.sql, repeat=5, number=calls_per_round(query.sql)),
                "answer": answers[query.label],
            }
        )
    db.close()
    return results


def _fmt(seconds: float | None, memory: bool = False) -> str:
    if seconds is None:
        return "—"
    if memory:
        return f"{seconds:,.0f}"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def _ratio(other: float | None, mine: float, memory: bool) -> str:
    return "—" if other is None or memory else f"{other / mine:.1f}×"


def main(argv: list[str]) -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "at-bench")
    parser.add_argument("--no-import", action="store_true", help="skip the import-time runs")
    parser.add_argument(
        "--import-only", action="store_true", help="run only the import-time comparison"
    )
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    import pandas as pd
    from tabulate import tabulate

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print(
        f"python {platform.python_version()}, agreement_tracker {at.__version__}, "
        f"pandas {pd.__version__}, sqlite {sqlite3.sqlite_version}\n"
    )
    if not args.no_import:
        times = import_times()
        bare, bare_min = times["bare interpreter"]
        print(
            tabulate(
                [
                    [k, _fmt(median), _fmt(median - bare), _fmt(fastest), _fmt(fastest - bare_min)]
                    for k, (median, fastest) in times.items()
                ],
                headers=[
                    "command (python -c ...)",
                    "median",
                    "median over bare",
                    "fastest",
                    "fastest over bare",
                ],
            )
        )
        print()
    if args.import_only:
        return
    rows = []
    for size in args.sizes:
        for r in run(size, args.work):
            memory = r["query"].startswith("memory")
            rows.append(
                [
                    r["query"],
                    f"{size:,}",
                    r.get("answer", ""),
                    _fmt(r["library"], memory),
                    _fmt(r["pandas"], memory),
                    _fmt(r["sqlite"], memory),
                    _ratio(r["pandas"], r["library"], memory),
                    _ratio(r["sqlite"], r["library"], memory),
                    r.get("note", ""),
                ]
            )
    print(
        tabulate(
            rows,
            headers=[
                "workload",
                "records",
                "answer",
                "library",
                "pandas",
                "sqlite3",
                "pandas ÷ library",
                "sqlite3 ÷ library",
                "note",
            ],
            disable_numparse=True,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
