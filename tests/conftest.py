"""Shared fixtures: the bundled tracker and a writable copy of the bundled data folder."""

from __future__ import annotations

import shutil
from importlib.resources import as_file, files
from pathlib import Path

import pytest

import agreement_tracker as at


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
