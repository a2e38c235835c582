"""Shared fixtures: the bundled tracker and a writable copy of the bundled data folder."""

from __future__ import annotations

import os
import shutil
from importlib.resources import as_file, files
from pathlib import Path

import pytest
from hypothesis import settings

import agreement_tracker as at

# In CI the property tests run the same examples every time, so that a submission's result
# does not depend on luck; elsewhere they explore new examples on every run.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def tracker() -> at.Tracker:
    """The bundled dataset."""
    return at.load()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the bundled data folder that a test may break."""
    target = tmp_path / "data"
    with as_file(files("agreement_tracker").joinpath("data")) as source:
        shutil.copytree(source, target)
    return target
