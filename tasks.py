"""Set up a virtual environment and run the project's jobs.

Usage::

    python3 tasks.py summary   # install the library and print a summary of the bundled dataset
    python3 tasks.py test      # install the test tools and run pytest, mypy --strict and ruff
    python3 tasks.py snapshot  # after editing agreement_tracker/data: rewrite data/snapshot.json

Only the standard library is used here, so the script runs on a fresh machine that has
nothing but Python 3.11 or newer.  The environment lives in ``.venv`` next to this file.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*args: str | Path) -> None:
    """Run a command from the project root, stopping on the first failure."""
    print("+", " ".join(str(a) for a in args), flush=True)
    result = subprocess.run([str(a) for a in args], cwd=ROOT, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_venv(extras: str) -> None:
    """Create ``.venv`` if needed and install the project (editable) with ``extras``.

    The install is skipped when ``pyproject.toml`` has not changed since the last one
    with the same extras, so later runs start at once.
    """
    if not PYTHON.exists():
        print(f"+ creating {VENV.name}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = VENV / f"installed-{extras or 'base'}.sha256"
    if stamp.exists() and stamp.read_text() == digest:
        return
    # pip 23 (bundled with Python 3.11) predates several features we rely on.
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", target)
    stamp.write_text(digest)


def summary() -> None:
    """Install the library and print a summary of the bundled dataset."""
    ensure_venv("")
    run(PYTHON, "-m", "agreement_tracker", "summary")


def test() -> None:
    """Install the test tools and run the whole test suite, type checks and lint."""
    ensure_venv("test")
    run(PYTHON, "-m", "pytest", "-q")
    run(PYTHON, "-m", "mypy", "--strict")
    run(PYTHON, "-m", "ruff", "check", ".")
    run(PYTHON, "-m", "ruff", "format", "--check", ".")


def snapshot() -> None:
    """Check the bundled TOML files and rewrite the JSON snapshot that load() reads."""
    ensure_venv("")
    run(PYTHON, "-c", "import tasks; tasks.write_snapshot()")


def write_snapshot(folder: Path = ROOT / "agreement_tracker" / "data") -> None:
    """Validate the TOML files in ``folder``, then write the snapshot and its sums there.

    Runs inside the environment (it imports the library).  Nothing is written when the
    data does not load: the DatasetError lists every problem.
    """
    from agreement_tracker import Tracker
    from agreement_tracker._snapshot import SNAPSHOT, SUMS, sums

    tracker = Tracker.from_path(folder)
    tracker.save(folder / SNAPSHOT, format="json")
    (folder / SUMS).write_bytes(sums(folder).encode("utf-8"))  # "\n" on any system
    print(f"wrote {folder.name}/{SNAPSHOT}")


JOBS = {"summary": summary, "test": test, "snapshot": snapshot}


def main(argv: list[str]) -> None:
    """Dispatch to the job named on the command line."""
    if len(argv) != 1 or argv[0] not in JOBS:
        print(__doc__, file=sys.stderr)
        if len(argv) == 1:
            close = difflib.get_close_matches(argv[0], JOBS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            print(f"unknown job {argv[0]!r}{hint}", file=sys.stderr)
        sys.exit(2)
    JOBS[argv[0]]()


if __name__ == "__main__":
    main(sys.argv[1:])
