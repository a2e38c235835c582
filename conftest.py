"""Names every doctest in the package may use: ``at`` (the library) and ``t`` (its data)."""

from __future__ import annotations

from typing import Any

import pytest

import agreement_tracker as at


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, Any]) -> None:
    """``at`` is ``agreement_tracker`` and ``t`` is ``at.load()`` in every doctest."""
    doctest_namespace["at"] = at
    doctest_namespace["t"] = at.load()
