"""Benchmark the SQLite and Parquet exports and the six queries on them.

For each size it generates (or reuses) a seeded dataset, loads it, exports it to SQLite
and to Parquet (timing each and measuring the files), then asks the six benchmark
questions of the library, of sqlite3 on the database and of DuckDB on the Parquet files,
using the SQL the export documents (``agreement_tracker.export.sqlite.QUERIES``, the
same text in both engines).  It checks that all three give the same ids in the same
order before it times them, and prints one table.

Usage:
    python benchmarks/export_bench.py                      # sizes 1e3 1e4 1e5
    python benchmarks/export_bench.py --sizes 1000000      # needs DuckDB (the parquet extra)
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
from bench import fmt_seconds  # noqa: E402

import agreement_tracker as at  # noqa: E402
from agreement_tracker.export.sqlite import QUERIES  # noqa: E402


class Question(NamedTuple):
    """One benchmark question: its label, the library's call, and its SQL with parameters."""

    label: str
    mine: Callable[[], Any]
    query: str
    params: dict[str, str]


class DisagreementError(RuntimeError):
    """The engines gave different answers to one question: the timings would lie."""


def questions(tracker: at.Tracker) -> list[Question]:
    """The six questions of ``benchmarks/bench.py``, chosen the same way.

    A leaf focus area, the busiest series, the eve of one of its sessions from mid-series
    on by which "since the last" has something to find, a person, the series' country
    pair and one month.
    """
    counts: dict[str, int] = {}
    for meeting in tracker.meetings:
        if meeting.series:
            counts[meeting.series] = counts.get(meeting.series, 0) + 1
    series = max(sorted(counts), key=counts.__getitem__) if counts else tracker.meeting_series[0].id
    sessions = tracker.meetings_in_series(series)
    eves = [
        s.date.earliest.subtract(days=1).isoformat()
        for s in sessions[len(sessions) // 2 + 1 :]
        if s.date is not None
    ] or ["2025-11-30"]
    as_of = next((d for d in eves if tracker.meetings_since_last(series, as_of=d)), eves[0])
    person = tracker.people[min(7, len(tracker.people) - 1)].id
    first, second = sorted(tracker.series(series).parties[:2])
    area = "topic-050" if "topic-050" in tracker.focus_areas else "cyber-security"
    start, end = "2010-03-01", "2010-03-31"
    return [
        Question(f"mous({area!r})", lambda: tracker.mous(area), "mous", {"area": area}),
        Question(
            "last_meeting(series, as_of)",
            lambda: [tracker.last_meeting(series, as_of=as_of)],
            "last_meeting",
            {"series": series, "as_of": as_of},
        ),
        Question(
            "meetings_since_last(series, as_of)",
            lambda: tracker.meetings_since_last(series, as_of=as_of),
            "meetings_since_last",
            {"series": series, "as_of": as_of},
        ),
        Question(
            "involving(person)", lambda: tracker.involving(person), "involving", {"person": person}
        ),
        Question(
            "between_countries(a, b)",
            lambda: tracker.between_countries(first, second),
            "between_countries",
            {"first": first, "second": second},
        ),
        Question(
            "between(one month)",
            lambda: tracker.between(start, end),
            "between_certain",
            {"start": start, "end": end},
        ),
    ]


def duckdb_sql(sql: str) -> str:
    """The documented SQL with DuckDB's ``$name`` parameters instead of ``:name``."""
    return re.sub(r":(\w+)", r"$\1", sql)


def duckdb_params(params: dict[str, str]) -> dict[str, Any]:
    """Days as dates (the Parquet columns are typed), everything else as it is."""
    return {
        k: _dt.date.fromisoformat(v) if k in ("as_of", "start", "end") else v
        for k, v in params.items()
    }


def median_time(fn: Callable[[], Any], *, repeat: int = 5, seconds: float = 0.05) -> float:
    """The median time of one call, over ``repeat`` rounds of enough calls to fill ``seconds``."""
    number, started = 1, time.perf_counter()
    fn()
    once = max(time.perf_counter() - started, 1e-7)
    number = max(1, int(seconds / once))
    rounds = []
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(number):
            fn()
        rounds.append((time.perf_counter() - started) / number)
    return statistics.median(rounds)


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.glob("*.parquet"))
    return path.stat().st_size


def run(size: int, work: Path) -> list[dict[str, Any]]:
    """Measure one size; return result rows (answers checked first)."""
    import duckdb

    source = work / f"synthetic-{size}.json"
    if not source.exists():
        source.write_text(json.dumps(generate.generate(size)), "utf-8")
    tracker = at.Tracker.from_path(source)
    rows: list[dict[str, Any]] = []
    exports = {"sqlite": work / f"export-{size}.db", "parquet": work / f"export-{size}-parquet"}
    for name, target in exports.items():
        if target.is_dir():
            shutil.rmtree(target)
        started = time.perf_counter()
        tracker.export(name, target)
        rows.append(
            {
                "what": f"export to {name}",
                "size": size,
                "seconds": time.perf_counter() - started,
                "bytes": _size(target),
            }
        )
    lite = sqlite3.connect(exports["sqlite"])
    duck = duckdb.connect()
    for path in sorted(exports["parquet"].glob("*.parquet")):
        duck.execute(f"CREATE VIEW {path.stem} AS SELECT * FROM '{path}'")
    for question in questions(tracker):
        sql = QUERIES[question.query]
        duck_sql, duck_params = duckdb_sql(sql), duckdb_params(question.params)
        mine = [r.id for r in question.mine()]
        in_sqlite = [r[0] for r in lite.execute(sql, question.params)]
        in_duckdb = [r[0] for r in duck.execute(duck_sql, duck_params).fetchall()]
        if not mine == in_sqlite == in_duckdb:
            raise DisagreementError(
                f"{question.label}: library {mine[:5]}, sqlite3 {in_sqlite[:5]}, "
                f"DuckDB {in_duckdb[:5]}"
            )
        rows.append(
            {
                "what": question.label,
                "size": size,
                "library": median_time(question.mine),
                "sqlite3": median_time(
                    lambda s=sql, p=question.params: lite.execute(s, p).fetchall()
                ),
                "duckdb": median_time(
                    lambda s=duck_sql, p=duck_params: duck.execute(s, p).fetchall(), repeat=3
                ),
                "answer": len(mine),
            }
        )
    lite.close()
    duck.close()
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| size | what | library | sqlite3 | DuckDB (Parquet) | answers / file size |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        if "bytes" in row:
            lines.append(
                f"| {row['size']:,} | {row['what']} | {fmt_seconds(row['seconds'])} | | | "
                f"{row['bytes'] / 1e6:,.1f} MB |"
            )
        else:
            lines.append(
                f"| {row['size']:,} | {row['what']} | {fmt_seconds(row['library'])} | "
                f"{fmt_seconds(row['sqlite3'])} | {fmt_seconds(row['duckdb'])} | {row['answer']} |"
            )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "at-export-bench"
    )
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    for size in args.sizes:
        rows += run(size, args.work)
        print(f"size {size:,} done", file=sys.stderr, flush=True)
    print(table(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
