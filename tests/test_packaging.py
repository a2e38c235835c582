"""The built wheel ships the data and the library works from it, not from the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout with the installed hatchling (no network)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("agreement_tracker-*.whl")
    return built


def test_wheel_contains_data_and_type_marker(wheel: Path) -> None:
    """Every data file, source text and py.typed is inside the wheel."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"agreement_tracker/data/{name}"
        for name in (
            "dataset.toml",
            "sources.toml",
            "organisations.toml",
            "people.toml",
            "focus_areas.toml",
            "series.toml",
            "meetings.toml",
            "agreements.toml",
            "delegations.toml",
            "events.toml",
        )
    }
    expected |= {
        f"agreement_tracker/data/sources/{p.name}"
        for p in (ROOT / "agreement_tracker" / "data" / "sources").glob("*.txt")
    }
    expected.add("agreement_tracker/py.typed")
    assert expected <= names
    assert len([n for n in names if n.startswith("agreement_tracker/data/sources/")]) == 5


def test_dataset_loads_from_the_wheel(wheel: Path) -> None:
    """Imported from the wheel file itself, the library finds and validates its data."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import agreement_tracker as at; "
        "t = at.load(); print(at.__file__.startswith(sys.argv[1]), len(t.meetings), t.data_version)"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", code, str(wheel)], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr, done.stdout) == (0, "", "True 6 1.2.0\n")


def test_import_does_not_load_heavy_modules() -> None:
    """Loading the bundled data and a focus-area query need none of the heavier modules.

    pathlib is imported (a few milliseconds, accepted for plain code); TOML parsing,
    cattrs, pendulum and the rendering libraries are not.
    """
    code = (
        "import sys, agreement_tracker as at; at.load().mous('cyber security'); "
        "print(sorted(m for m in ('tabulate', 'pandas', 'matplotlib', 'cattrs', 'pendulum', "
        "'tomllib', 'importlib.resources') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, "[]\n")


def test_tasks_suggest_a_close_job_name() -> None:
    """A mistyped job prints the usage and the nearest job name, and exits with status 2."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tasks.py"), "snapshott"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == "unknown job 'snapshott'; did you mean 'snapshot'?"
