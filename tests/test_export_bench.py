"""The export benchmark asks the library, sqlite3 and DuckDB the same six questions."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def bench() -> Any:
    """The benchmark script, imported as a module (it puts its folder on ``sys.path``)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import export_bench  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(BENCHMARKS))
    return export_bench


def test_three_engines_agree_on_generated_data(bench: Any, tmp_path: Path) -> None:
    """At 1,000 records every question gets the same ids, in order, from all three engines."""
    rows = bench.run(1_000, tmp_path)
    assert [r["what"] for r in rows] == [
        "export to sqlite",
        "export to parquet",
        "mous('topic-050')",
        "last_meeting(series, as_of)",
        "meetings_since_last(series, as_of)",
        "involving(person)",
        "between_countries(a, b)",
        "between(one month)",
    ]
    assert [r["answer"] for r in rows[2:]] == [4, 1, 0, 40, 3, 3]
    assert all(r["bytes"] > 0 for r in rows[:2])


def test_duckdb_parameters_replace_sqlite_ones(bench: Any) -> None:
    """The same SQL text runs in DuckDB with $name parameters and typed days."""
    assert bench.duckdb_sql("WHERE a = :series AND b <= :as_of") == (
        "WHERE a = $series AND b <= $as_of"
    )
    assert bench.duckdb_params({"as_of": "2025-11-30", "series": "jwg"}) == {
        "as_of": _dt.date(2025, 11, 30),
        "series": "jwg",
    }
