"""The drafting evaluation keeps its figures: leave-one-out, our own articles, effort, speed.

The counts are exact: a rules change that finds more must raise them here (and in
docs/curation.md); one that finds less fails.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def evaluation() -> Any:
    """The evaluation script, imported as a module."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import draft_eval  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(BENCHMARKS))
    return draft_eval


@pytest.fixture(scope="module")
def results(evaluation: Any) -> dict[str, Any]:
    """Every figure of the evaluation."""
    found: dict[str, Any] = evaluation.run()
    return found


def _counts(results: dict[str, Any], label: str) -> dict[str, tuple[int, int, int, int]]:
    return {
        name: (s.found, s.expected, s.right, s.proposed)
        for name, s in results[label]["scores"].items()
    }


SEED = {
    "person links": (16, 16, 16, 16),
    "organisation links": (15, 15, 15, 15),
    "record kinds": (22, 31, 22, 24),
    "dates": (8, 16, 9, 10),
    "places": (10, 10, 10, 10),
    "ordinals": (3, 3, 3, 3),
    "co-chairs/signatories": (6, 6, 6, 6),
    "participants": (12, 12, 12, 12),
    "focus areas": (23, 36, 23, 26),
    "parties/leader/host": (10, 10, 10, 10),
    "event countries": (4, 9, 4, 4),
    "meeting links": (5, 5, 5, 5),
    "dates (exact)": (8, 10, 8, 10),
}
OWN = {
    "person links": (10, 10, 10, 10),
    "organisation links": (5, 5, 5, 5),
    "record kinds": (10, 10, 10, 11),
    "dates": (8, 8, 8, 8),
    "places": (7, 7, 7, 7),
    "ordinals": (2, 2, 2, 2),
    "co-chairs/signatories": (4, 4, 4, 4),
    "participants": (8, 8, 8, 8),
    "focus areas": (15, 15, 15, 15),
    "parties/leader/host": (5, 5, 5, 5),
    "event countries": (0, 0, 0, 0),
    "meeting links": (1, 1, 1, 1),
    "dates (exact)": (8, 8, 8, 8),
}


def test_leave_one_out_figures(results: dict[str, Any]) -> None:
    """Found/expected and right/proposed per field, each seed drafted without its records."""
    assert _counts(results, "seed") == SEED


def test_leave_one_out_with_the_vocabulary_kept(results: dict[str, Any]) -> None:
    """With the focus-area terms kept, only the focus-area figures change."""
    assert _counts(results, "seed-vocabulary") == {**SEED, "focus areas": (34, 36, 34, 38)}


def test_own_articles_figures(results: dict[str, Any]) -> None:
    """Articles about other countries and series are read as their expectations say."""
    assert _counts(results, "own") == OWN


def test_quotes_are_verbatim_and_no_date_is_too_precise(results: dict[str, Any]) -> None:
    """Every quote is verbatim; no proposed date is more precise than its quote."""
    for label in ("seed", "seed-vocabulary", "own"):
        totals = results[label]["totals"]
        assert (totals["bad_quotes"], totals["too_precise"]) == (0, 0)


def test_review_effort_is_under_a_fifth_of_the_toml_lines(results: dict[str, Any]) -> None:
    """Review actions needed for the five seeds, against the TOML lines of their records."""
    totals = results["seed"]["totals"]
    assert (totals["actions"], totals["lines"]) == (82, 1499)
    assert totals["actions"] * 5 < totals["lines"]


def test_drafting_against_ten_thousand_records_takes_under_a_second(evaluation: Any) -> None:
    """A 3,000-character article against a 10,000-record synthetic tracker drafts in under 1 s."""
    records, seconds = evaluation.speed()
    assert records > 10_000
    assert seconds < 1.0
