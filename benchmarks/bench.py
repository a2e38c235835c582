"""Benchmark the library against pandas, sqlite3, DuckDB and Polars on the same data.

For each size it generates (or reuses) a seeded dataset in the library's JSON format and
times loading it with the library, with ``json.loads`` (the collector paused: the parse
floor), with ``pandas.read_json`` and with ``polars.read_ndjson`` of the same records,
and measures the memory each holds per record (the resident set of a fresh process).
It then builds the same records as pandas DataFrames, indexed sqlite3 tables, ordered
and indexed DuckDB tables and Polars DataFrames in this process, checks that six
selective queries return the same records from every engine, and times them.  It prints
a line per phase as it goes, and each size's tables, with which targets hold and their
figures, as soon as that size is done.

DuckDB and Polars are optional (``pip install -e .[bench]``); without them their
columns read "—".

Usage:
    python benchmarks/bench.py                 # sizes 1e3 1e4 1e5
    python benchmarks/bench.py --sizes 100000 1000000
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

import agreement_tracker as at  # noqa: E402

#: The engines a query is put to, in the order of the tables' columns.
ENGINES = ("library", "pandas", "sqlite3", "DuckDB", "Polars")
#: The targets for a query whose answer holds at most this many records.
SMALL_ANSWER = 100
UNDER = 20e-6
STARTED = time.perf_counter()


def progress(message: str) -> None:
    """One line on stderr, at once, with the seconds since the benchmark started."""
    print(f"[{time.perf_counter() - STARTED:7.1f} s] {message}", file=sys.stderr, flush=True)


def installed(module: str) -> bool:
    """Whether an optional engine can be imported (without importing it)."""
    return importlib.util.find_spec(module) is not None


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
    for run in range(runs):
        if run % 5 == 0:
            progress(f"import times: round {run + 1} of {runs}")
        for label, code in commands.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            found[label].append(time.perf_counter() - start)
    return {label: (statistics.median(t), min(t)) for label, t in found.items()}


def _bounds(text: str | None) -> tuple[int, int] | tuple[None, None]:
    if text is None:
        return (None, None)
    when = at.parse_when(text)
    return (when.first_ordinal, when.last_ordinal)


def flat_rows(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The same records as flat rows, for pandas, sqlite3, DuckDB and Polars."""
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


#: Each flat table's columns, and the columns its queries look up by (the sqlite3 and
#: DuckDB indexes, and the order DuckDB's tables are stored in).
SCHEMA = {
    "dated": (("id", "first", "last"), ("first", "last")),
    "areas": (("area", "kind", "id"), ("area", "kind")),
    "people": (("person", "id"), ("person",)),
    "pairs": (("pair", "id"), ("pair",)),
    # In the library's order for "the last meeting", ties on the day included.
    "meetings": (("id", "series", "number", "first", "last"), ("series", "last", "first")),
    "meeting_pairs": (("pair", "id", "first", "last"), ("pair", "first")),
}


def sqlite_db(rows: dict[str, list[dict[str, Any]]]) -> sqlite3.Connection:
    """An in-memory database of the flat rows with an index for every query."""
    db = sqlite3.connect(":memory:")
    for table, (columns, key) in SCHEMA.items():
        db.execute(f"create table {table} ({', '.join(columns)})")
        db.executemany(
            f"insert into {table} values ({', '.join('?' * len(columns))})",
            [tuple(r[c] for c in columns) for r in rows[table]],
        )
        if table == "meetings":
            key = (*key, "number", "id")
        db.execute(f"create index i_{table} on {table}({', '.join(key)})")
    return db


def polars_frames(rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The flat rows as Polars DataFrames, in the rows' order."""
    import polars as pl

    return {
        table: pl.from_dicts(rows[table], schema=list(columns), infer_schema_length=None)
        for table, (columns, _) in SCHEMA.items()
    }


def duckdb_db(frames: dict[str, Any]) -> Any:
    """An in-memory DuckDB database of the flat rows (from the Polars frames, by Arrow).

    Each table is stored sorted by the columns its queries look up by, so that DuckDB's
    per-block minimum and maximum skip all but the blocks holding the answer, and has an
    index on them too (DuckDB's planner decides whether to use it).
    """
    import duckdb

    db = duckdb.connect(":memory:")
    for table, (_, key) in SCHEMA.items():
        db.register("source_frame", frames[table])
        db.execute(f"create table {table} as select * from source_frame order by {', '.join(key)}")
        db.unregister("source_frame")
        db.execute(f"create index i_{table} on {table}({', '.join(key)})")
    return db


#: "The last meeting" as the library orders it (see ``query.last_key``), ties on the day
#: broken by earliest day, number and id; in pandas, Polars and SQL.  In pandas and
#: Polars a missing number sorts first, in SQL (descending) last: the least either way.
LAST_ORDER = ["last", "first", "number", "id"]
SQL_LAST = "order by last desc, first desc, number desc, id desc"


def _literal(value: str | int) -> str:
    """A parameter written into DuckDB's ``EXECUTE name(...)`` (it takes only literals)."""
    if isinstance(value, int):
        return str(value)
    return "'" + value.replace("'", "''") + "'"


def _frame_column(frame: Any) -> Any:
    return frame["id"]


class Workload(NamedTuple):
    """One query, written for the library, pandas and sqlite3, and DuckDB and Polars.

    ``frame_ids`` turns the pandas answer into record ids (most answers are frames with an
    ``id`` column); Polars answers are frames with an ``id`` column; the library's answers
    are records and the SQL engines' are ``(id,)`` rows.  ``duck`` and ``polars`` are
    ``None`` when those engines were not given.
    """

    label: str
    mine: Callable[[], Any]
    frame: Callable[[], Any]
    sql: Callable[[], Any]
    frame_ids: Callable[[Any], Any] = _frame_column
    duck: Callable[[], Any] | None = None
    polars: Callable[[], Any] | None = None

    def engines(self) -> dict[str, Callable[[], Any]]:
        """The engines this workload asks, by name, each giving its raw answer."""
        asked = {"library": self.mine, "pandas": self.frame, "sqlite3": self.sql}
        if self.duck is not None:
            asked["DuckDB"] = self.duck
        if self.polars is not None:
            asked["Polars"] = self.polars
        return asked

    def ids(self, engine: str, answer: Any) -> set[str]:
        """The record ids in one engine's raw answer."""
        if engine == "library":
            records = answer if isinstance(answer, tuple) else [answer]  # Records or one
            return {r.id for r in records}
        if engine == "pandas":
            return set(self.frame_ids(answer))
        if engine == "Polars":
            return set(answer["id"])
        return {row[0] for row in answer}


def workloads(
    tracker: at.Tracker,
    doc: dict[str, Any],
    frames: dict[str, Any],
    db: sqlite3.Connection,
    *,
    duck: Any = None,
    polars: dict[str, Any] | None = None,
    series: str | None = None,
    as_of: str | None = None,
) -> list[Workload]:
    """The six selective queries, each as the same question to every engine given.

    ``duck`` is a :func:`duckdb_db` connection and ``polars`` the :func:`polars_frames`;
    without them those engines are left out.  ``series`` defaults to the busiest series
    and ``as_of`` to the eve of one of its sessions from mid-series on: the first such
    day by which "since the last" has something to find, or the first of them when none
    has.  The flat rows cover what the generator makes (no events, one role a person);
    :func:`check_answers` is what makes sure the engines agree on the data at hand.
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

    sql_last = f"select id, last from meetings where series=? and last<=? {SQL_LAST} limit 1"
    # Each query once in SQL, for sqlite3 and DuckDB alike, with its parameters.
    sql: dict[str, tuple[str, tuple[str | int, ...]]] = {
        "mous": ("select id from areas where area=? and kind=?", (area, kind)),
        "last": (sql_last, (series, day)),
        "since": (
            f"with last as ({sql_last}) "
            "select m.id from meeting_pairs m, last where m.pair=? and m.first>=last.last "
            "and m.last<=? and m.id<>last.id order by m.first",
            (series, day, pair_key, day),
        ),
        "involving": ("select id from people where person=?", (person,)),
        "pairs": ("select id from pairs where pair=?", (pair_key,)),
        "between": (
            "select id from dated where first>=? and first<=? and last<=? order by first",
            (s_ord, e_ord, e_ord),
        ),
    }

    def in_sqlite(name: str) -> Callable[[], Any]:
        text, params = sql[name]
        return lambda: db.execute(text, params).fetchall()

    def in_duckdb(name: str) -> Callable[[], Any] | None:
        # Prepared once; each call executes the prepared plan and fetches the rows.
        if duck is None:
            return None
        text, params = sql[name]
        duck.execute(f"prepare bench_{name} as {text}")
        call = f"execute bench_{name}({', '.join(_literal(p) for p in params)})"
        return lambda: duck.execute(call).fetchall()

    in_polars = _polars_workloads(polars, area, kind, series, day, person, pair_key, s_ord, e_ord)
    return [
        Workload(
            f"mous({area!r})",
            lambda: tracker.mous(area),
            lambda: af[(af["area"] == area) & (af["kind"] == kind)],
            in_sqlite("mous"),
            duck=in_duckdb("mous"),
            polars=in_polars.get("mous"),
        ),
        Workload(
            "last_meeting(series, as_of)",
            lambda: tracker.last_meeting(series, as_of=as_of),
            frame_last,
            in_sqlite("last"),
            frame_ids=lambda label: [mt.at[label, "id"]],
            duck=in_duckdb("last"),
            polars=in_polars.get("last"),
        ),
        Workload(
            "meetings_since_last(series, as_of)",
            lambda: tracker.meetings_since_last(series, as_of=as_of),
            frame_since_last,
            in_sqlite("since"),
            duck=in_duckdb("since"),
            polars=in_polars.get("since"),
        ),
        Workload(
            "involving(person)",
            lambda: tracker.involving(person),
            lambda: pp[pp["person"] == person],
            in_sqlite("involving"),
            duck=in_duckdb("involving"),
            polars=in_polars.get("involving"),
        ),
        Workload(
            "between_countries(a, b)",
            lambda: tracker.between_countries(*pair),
            lambda: pr[pr["pair"] == pair_key],
            in_sqlite("pairs"),
            duck=in_duckdb("pairs"),
            polars=in_polars.get("pairs"),
        ),
        Workload(
            "between(one month)",
            lambda: tracker.between(start, end),
            lambda: dt[(dt["first"] >= s_ord) & (dt["last"] <= e_ord)],
            in_sqlite("between"),
            duck=in_duckdb("between"),
            polars=in_polars.get("between"),
        ),
    ]


def _polars_workloads(
    frames: dict[str, Any] | None,
    area: str,
    kind: str,
    series: str,
    day: int,
    person: str,
    pair_key: str,
    s_ord: int,
    e_ord: int,
) -> dict[str, Callable[[], Any]]:
    """The six queries as eager Polars filters, as the pandas ones are written."""
    if frames is None:
        return {}
    import polars as pl

    af, mt, mp, pp, pr, dt = (
        frames[n] for n in ("areas", "meetings", "meeting_pairs", "people", "pairs", "dated")
    )
    col = pl.col

    def last() -> Any:
        held = mt.filter((col("series") == series) & (col("last") <= day))
        return held.sort(LAST_ORDER, nulls_last=False).tail(1)

    def since() -> Any:
        found = last()
        ref, last_id = found["last"][0], found["id"][0]
        return mp.filter(
            (col("pair") == pair_key)
            & (col("first") >= ref)
            & (col("last") <= day)
            & (col("id") != last_id)
        )

    return {
        "mous": lambda: af.filter((col("area") == area) & (col("kind") == kind)),
        "last": last,
        "since": since,
        "involving": lambda: pp.filter(col("person") == person),
        "pairs": lambda: pr.filter(col("pair") == pair_key),
        "between": lambda: dt.filter((col("first") >= s_ord) & (col("last") <= e_ord)),
    }


class DisagreementError(RuntimeError):
    """The engines gave different answers to one workload: the timings would lie."""


def check_answers(chosen: list[Workload]) -> dict[str, int]:
    """Each workload's number of answers, once every engine asked agrees on the same ids.

    Raises :class:`DisagreementError` naming the workload, how many ids each engine
    returned and the ids only some engines returned.
    """
    sizes = {}
    for work in chosen:
        found = {name: work.ids(name, ask()) for name, ask in work.engines().items()}
        every = set().union(*found.values())
        common = set.intersection(*found.values())
        if every != common:
            counts = ", ".join(f"{name} {len(ids)}" for name, ids in found.items())
            raise DisagreementError(
                f"{work.label}: the engines disagree (ids returned: {counts}); "
                f"only some have {sorted(every - common)}"
            )
        sizes[work.label] = len(common)
    return sizes


def _ndjson_files(path: Path, doc: dict[str, Any]) -> list[Path]:
    """The dataset's record tables as one newline-delimited JSON file per kind, for Polars."""
    files = []
    for kind, tables in doc.items():
        if not isinstance(tables, list):
            continue  # the dataset's own metadata table, not records
        target = path.with_name(f"{path.stem}.{kind}.ndjson")
        if not target.exists():
            target.write_text("".join(json.dumps(t) + "\n" for t in tables), "utf-8")
        files.append(target)
    return files


#: Run in a fresh interpreter: how much the resident set grows when one engine loads the
#: data and keeps it (after a full collection), and how far its peak rose above the start
#: (``VmHWM``; ``ru_maxrss`` would report the parent's peak, kept across ``exec``).
#: A first load of small files of the same shape beforehand does the engine's lazy imports.
_MEMORY = """
import gc, json, os, sys
engine, warm, paths = sys.argv[1], sys.argv[2].split(os.pathsep), sys.argv[3].split(os.pathsep)
def status(field):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith(field))
if engine == "library":
    import agreement_tracker as at
    def load(files): return at.Tracker.from_path(files[0])
elif engine == "json.loads":
    def load(files): return json.loads(open(files[0], "rb").read())
else:
    import polars as pl
    def load(files): return [pl.read_ndjson(f, infer_schema_length=None) for f in files]
load(warm)
gc.collect()
before = status("VmRSS:")
kept = load(paths)
gc.collect()
print(status("VmRSS:") - before, max(0, status("VmHWM:") - before))
"""


def memory_used(engine: str, warm: list[Path], paths: list[Path]) -> tuple[int, int] | None:
    """Bytes held, and peak bytes above the start, when ``engine`` loads ``paths``.

    Measured in a fresh interpreter from ``VmRSS`` and ``VmHWM`` in ``/proc/self/status``
    (so on Linux; ``None`` elsewhere), after loading ``warm``, small files of the same shape.
    """
    if not Path("/proc/self/status").exists():
        return None
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _MEMORY,
            engine,
            os.pathsep.join(map(str, warm)),
            os.pathsep.join(map(str, paths)),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return int(out[0]), int(out[1])


def _gc_paused(fn: Callable[[], Any]) -> Callable[[], Any]:
    def call() -> Any:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return fn()
        finally:
            if enabled:
                gc.enable()

    return call


def _dataset(size: int, work: Path) -> tuple[Path, dict[str, Any], list[Path]]:
    """The seeded dataset file of ``size`` records, its document and its NDJSON files."""
    path = work / f"synthetic-{size}.json"
    if path.exists():
        progress(f"{size:,}: reusing {path.name}")
    else:
        progress(f"{size:,}: generating {path.name}")
        path.write_text(json.dumps(generate.generate(size)), "utf-8")
    doc = json.loads(path.read_text("utf-8"))
    return path, doc, _ndjson_files(path, doc)


def measure_load(size: int, work: Path, polars_there: bool) -> dict[str, Any]:
    """Load times and memory per record at one size, for the library and its peers."""
    import pandas as pd

    path, doc, ndjson = _dataset(size, work)
    records = sum(len(doc[k]) for k in ("meeting", "agreement", "delegation"))
    loads: dict[str, Callable[[], Any]] = {
        "library": lambda: at.Tracker.from_path(path),
        "json.loads": _gc_paused(lambda: json.loads(path.read_bytes())),
        "pandas": lambda: pd.read_json(path, typ="series"),
    }
    if polars_there:
        import polars as pl

        loads["Polars"] = lambda: [pl.read_ndjson(f, infer_schema_length=None) for f in ndjson]
    found: dict[str, Any] = {"size": size, "records": records, "time": {}, "memory": {}}
    for engine, load in loads.items():
        progress(f"{size:,}: loading with {engine} (3 rounds)")
        found["time"][engine] = median_time(load, repeat=3, collect=True) / records
    small, _, small_ndjson = _dataset(100, work)
    for engine, files, warm in (
        ("library", [path], [small]),
        ("json.loads", [path], [small]),
        ("Polars", ndjson, small_ndjson),
    ):
        if engine in loads:
            progress(f"{size:,}: memory of {engine} (a fresh process)")
            used = memory_used(engine, warm, files)
            found["memory"][engine] = (
                None if used is None else (used[0] / records, used[1] / records)
            )
    progress(f"{size:,}: memory of the records as pandas frames")
    kinds = [pd.json_normalize(doc[k]) for k in ("meeting", "agreement", "delegation")]
    found["pandas frames"] = sum(int(f.memory_usage(deep=True).sum()) for f in kinds) / records
    return found


def measure_queries(size: int, work: Path, duck_there: bool, polars_there: bool) -> dict[str, Any]:
    """Each query's answer size and median time in every engine at one size."""
    import pandas as pd

    path, doc, _ = _dataset(size, work)
    progress(f"{size:,}: loading the tracker")
    tracker = at.Tracker.from_path(path)
    progress(f"{size:,}: building pandas frames and sqlite3 tables")
    rows = flat_rows(doc)
    frames = {name: pd.DataFrame(r) for name, r in rows.items()}
    db = sqlite_db(rows)
    polars = duck = None
    if polars_there:
        progress(f"{size:,}: building Polars frames")
        polars = polars_frames(rows)
    if duck_there and polars is not None:
        progress(f"{size:,}: building DuckDB tables")
        duck = duckdb_db(polars)
    chosen = workloads(tracker, doc, frames, db, duck=duck, polars=polars)
    progress(f"{size:,}: checking that every engine gives the same answers")
    answers = check_answers(chosen)
    found: dict[str, Any] = {
        "size": size,
        # pandas 3 stores its string columns with pyarrow when pyarrow is installed.
        "pandas strings": getattr(frames["areas"]["id"].dtype, "storage", "numpy objects"),
        "queries": [],
    }
    for work_ in chosen:
        progress(f"{size:,}: timing {work_.label} ({answers[work_.label]} records)")
        times = {
            engine: median_time(ask, repeat=5, number=calls_per_round(ask))
            for engine, ask in work_.engines().items()
        }
        found["queries"].append({"label": work_.label, "answer": answers[work_.label], **times})
    db.close()
    if duck is not None:
        duck.close()
    return found


def fmt_seconds(seconds: float | None) -> str:
    """Seconds as s, ms or µs, with a dash for a figure not measured."""
    if seconds is None:
        return "—"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def _ratio(other: float | None, mine: float) -> str:
    return "—" if other is None else f"{other / mine:.1f}×"


def _bytes(pair: tuple[float, float] | None) -> str:
    return "—" if pair is None else f"{pair[0]:,.0f} ({pair[1]:,.0f})"


def import_report(times: dict[str, tuple[float, float]]) -> list[str]:
    """The import table and whether the import targets hold."""
    from tabulate import tabulate

    bare, bare_min = times["bare interpreter"]
    table = tabulate(
        [
            [
                k,
                fmt_seconds(median),
                fmt_seconds(median - bare),
                fmt_seconds(fastest),
                fmt_seconds(fastest - bare_min),
            ]
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
    mine = times["import + load() + mous('cyber security')"][0] - bare
    fastest = times["import + load() + mous('cyber security')"][1] - bare_min
    pandas = times["import pandas"][0] - bare
    return [
        table,
        "",
        "import targets (medians over a bare interpreter):",
        _verdict(
            mine <= 0.1,
            f"import + load() + query: {fmt_seconds(mine)} (target: at most 100 ms; "
            f"the fastest run: {fmt_seconds(fastest)})",
        ),
        _verdict(
            mine < pandas / 5,
            f"a fifth of import pandas: {fmt_seconds(mine)} against {fmt_seconds(pandas / 5)} "
            f"({pandas / mine:.1f}× less than import pandas' {fmt_seconds(pandas)}; target: over 5×)",
        ),
    ]


def _verdict(holds: bool, text: str) -> str:
    return f"  {'HOLDS ' if holds else 'MISSED'}  {text}"


def load_report(loads: list[dict[str, Any]]) -> list[str]:
    """The loading table: time and memory per record, against the parse floor and Polars."""
    from tabulate import tabulate

    rows = []
    for found in loads:
        t, m = found["time"], found["memory"]
        rows.append(
            [
                f"{found['records']:,}",
                *(fmt_seconds(t.get(e)) for e in ("library", "json.loads", "pandas", "Polars")),
                _ratio(t["library"], t["json.loads"]),
                _ratio(t["library"], t["Polars"]) if "Polars" in t else "—",
                *(_bytes(m.get(e)) for e in ("library", "json.loads", "Polars")),
                f"{found['pandas frames']:,.0f}",
            ]
        )
    return [
        "Loading, per record (agreements, meetings and delegations):",
        tabulate(
            rows,
            headers=[
                "records",
                "library",
                "json.loads (GC paused)",
                "pandas.read_json",
                "polars.read_ndjson",
                "library ÷ json.loads",
                "library ÷ Polars",
                "library RSS bytes (peak)",
                "json.loads RSS bytes (peak)",
                "Polars RSS bytes (peak)",
                "pandas json_normalize bytes",
            ],
            disable_numparse=True,
        ),
    ]


def query_report(results: list[dict[str, Any]]) -> list[str]:
    """The query table, then per size whether each small answer meets its targets."""
    from tabulate import tabulate

    rows = []
    verdicts = []
    for found in results:
        size = found["size"]
        verdicts.append(f"query targets at {size:,} records (answers of at most {SMALL_ANSWER}):")
        for q in found["queries"]:
            mine = q["library"]
            rows.append(
                [
                    q["label"],
                    f"{size:,}",
                    q["answer"],
                    *(fmt_seconds(q.get(e)) for e in ENGINES),
                    *(_ratio(q.get(e), mine) for e in ENGINES[1:]),
                ]
            )
            if q["answer"] > SMALL_ANSWER:
                per = mine / q["answer"] * 1e9
                verdicts.append(
                    f"  (n/a)   {q['label']}: {q['answer']} records, over {SMALL_ANSWER} "
                    f"({fmt_seconds(mine)}, {per:.0f} ns a record returned)"
                )
                continue
            checks = [(mine < UNDER, f"{fmt_seconds(mine)} (under 20 µs)")]
            checks.append(
                (q["sqlite3"] / mine >= 1, f"sqlite3 {_ratio(q['sqlite3'], mine)} (≥ 1×)")
            )
            for engine in ("pandas", "DuckDB", "Polars"):
                if engine in q:
                    checks.append(
                        (q[engine] / mine >= 10, f"{engine} {_ratio(q[engine], mine)} (≥ 10×)")
                    )
                else:
                    checks.append((False, f"{engine} not measured"))
            text = ", ".join(f"{t}{'' if ok else ' NO'}" for ok, t in checks)
            verdicts.append(_verdict(all(ok for ok, _ in checks), f"{q['label']}: {text}"))
    table = tabulate(
        rows,
        headers=[
            "workload",
            "records",
            "answer",
            *ENGINES,
            *(f"{e} ÷ library" for e in ENGINES[1:]),
        ],
        disable_numparse=True,
    )
    return [table, "", *verdicts]


def versions(duck_there: bool, polars_there: bool) -> str:
    """The machine and every engine's version, and whether pandas had pyarrow."""
    import pandas as pd

    found = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        f"python {platform.python_version()}, agreement_tracker {at.__version__}, "
        f"sqlite {sqlite3.sqlite_version}",
    ]
    if installed("pyarrow"):
        import pyarrow

        arrow = f"with pyarrow {pyarrow.__version__}"
    else:
        arrow = "without pyarrow"
    found.append(f"pandas {pd.__version__} ({arrow})")
    for name, there, module in (
        ("DuckDB", duck_there, "duckdb"),
        ("Polars", polars_there, "polars"),
    ):
        if there:
            found.append(f"{name} {importlib.import_module(module).__version__}")
        else:
            found.append(f"{name}: not installed (pip install -e .[bench]); left out")
    return "\n".join(found)


def main(argv: list[str]) -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "at-bench")
    parser.add_argument(
        "--load-sizes",
        type=int,
        nargs="*",
        default=None,
        help="the sizes whose loading is measured (default: 100000 if among --sizes, else all)",
    )
    parser.add_argument("--no-import", action="store_true", help="skip the import-time runs")
    parser.add_argument(
        "--import-only", action="store_true", help="run only the import-time comparison"
    )
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    duck_there = installed("duckdb") and installed("pyarrow") and installed("polars")
    polars_there = installed("polars")
    load_sizes = args.load_sizes
    if load_sizes is None:
        load_sizes = [100_000] if 100_000 in args.sizes else args.sizes

    print(versions(duck_there, polars_there), "\n", flush=True)
    if not args.no_import:
        progress("import times: 21 rounds of four commands")
        print("\n".join(import_report(import_times())), "\n", flush=True)
    if args.import_only:
        return
    # Each size's tables as soon as it is done.
    for size in args.sizes:
        if size in load_sizes:
            loads = measure_load(size, args.work, polars_there)
            print("\n".join(load_report([loads])), "\n", flush=True)
        queries = measure_queries(size, args.work, duck_there, polars_there)
        print(f"pandas string columns stored as: {queries['pandas strings']}")
        print("\n".join(query_report([queries])), "\n", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
