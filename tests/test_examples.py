"""The example scripts and the notebook run cleanly against the bundled data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
NOTEBOOK = EXAMPLES / "india_israel_story.ipynb"


def _run(script: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MPLBACKEND": "Agg"}
    return subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_every_example_is_listed() -> None:
    """The examples folder holds exactly the documented scripts."""
    assert [p.name for p in SCRIPTS] == [
        "build_your_own.py",
        "mous_by_focus_area.py",
        "own_dataset.py",
        "people_and_roles.py",
        "quickstart.py",
        "since_last_jwg.py",
        "timeline_plot.py",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("quickstart.py", "Last JWG as of 2025-11-01: no. 16, 2024-07, India"),
        (
            "mous_by_focus_area.py",
            "Error: no focus area 'cyber securty'; did you mean 'Cyber Security'?",
        ),
        ("since_last_jwg.py", "(as of 2025-11-06; the last JWG was jwg-17, 2025-11-04)"),
        (
            "people_and_roles.py",
            "Error: no person 'Rajesh Singh'; did you mean 'Rajesh Kumar Singh'?",
        ),
        ("own_dataset.py", "round trip equal: True"),
        (
            "build_your_own.py",
            "  unknown person 'someone-unknown' @ <memory>[dd-6].participants[0]",
        ),
    ],
)
def test_example_runs(name: str, expected: str, tmp_path: Path) -> None:
    """Each example exits 0 without writing to stderr and prints its key line."""
    done = _run(EXAMPLES / name, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert expected in done.stdout.splitlines()


def test_timeline_plot_example_writes_a_png(tmp_path: Path) -> None:
    """The plotting example writes a PNG file."""
    done = _run(EXAMPLES / "timeline_plot.py", "out.png", cwd=tmp_path)
    assert (done.returncode, done.stderr, done.stdout) == (0, "", "wrote out.png\n")
    assert (tmp_path / "out.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_notebook_is_committed_without_outputs() -> None:
    """The notebook in the repository carries no outputs or execution counts."""
    cells = json.loads(NOTEBOOK.read_text("utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert len(code) == 13
    assert [(c["outputs"], c["execution_count"]) for c in code] == [([], None)] * len(code)


def test_notebook_runs_in_a_real_kernel(tmp_path: Path) -> None:
    """Every cell of the notebook executes in a Jupyter kernel without error."""
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # The kernel uses Jupyter's inline backend, as a user's would; no display needed.
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute(env={k: v for k, v in os.environ.items() if k != "MPLBACKEND"})
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert [o for o in outputs if o.output_type == "error"] == []
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert len(html) == 10
    assert any("image/png" in o.get("data", {}) for o in outputs)
