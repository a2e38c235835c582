"""The example scripts and the notebook run cleanly against the bundled data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
NOTEBOOK = EXAMPLES / "india_israel_story.ipynb"
DRAFT_NOTEBOOK = EXAMPLES / "draft_review_apply.ipynb"


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
        (
            "since_last_jwg.py",
            "(as of 2025-11-06; the last JWG was jwg-17, [2025-11..2025-11-04]/[2025-11..2025-11-06])",
        ),
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


def _code_cells(notebook: Path) -> list[dict[str, object]]:
    cells = json.loads(notebook.read_text("utf-8"))["cells"]
    return [c for c in cells if c["cell_type"] == "code"]


@pytest.mark.parametrize(
    ("notebook", "count"),
    [(NOTEBOOK, 13), (DRAFT_NOTEBOOK, 9)],
    ids=lambda v: getattr(v, "name", v),
)
def test_notebooks_are_committed_without_outputs(notebook: Path, count: int) -> None:
    """Each notebook in the repository carries no outputs or execution counts."""
    code = _code_cells(notebook)
    assert len(code) == count
    assert [(c["outputs"], c["execution_count"]) for c in code] == [([], None)] * len(code)


def _outputs(notebook: Path, tmp_path: Path, env: dict[str, str] | None = None) -> list[Any]:
    """Every output of ``notebook`` run in a real Jupyter kernel; no cell may fail."""
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    read = nbformat.read(notebook, as_version=4)
    client = nbclient.NotebookClient(
        read,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    if env is None:
        client.execute()
    else:
        client.execute(env=env)
    outputs = [o for c in read.cells if c.cell_type == "code" for o in c.outputs]
    assert [o for o in outputs if o.output_type == "error"] == []
    return outputs


def _html(outputs: list[Any]) -> list[str]:
    return [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]


def test_notebook_runs_in_a_real_kernel(tmp_path: Path) -> None:
    """Every cell of the notebook executes in a Jupyter kernel without error."""
    # The kernel uses Jupyter's inline backend, as a user's would; no display needed.
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    outputs = _outputs(NOTEBOOK, tmp_path, env)
    assert len(_html(outputs)) == 10
    assert any("image/png" in o.get("data", {}) for o in outputs)


def test_draft_notebook_drafts_reviews_and_applies_in_a_kernel(tmp_path: Path) -> None:
    """Every cell runs; the draft shows as HTML and the last JWG changes from 17 to 18."""
    outputs = _outputs(DRAFT_NOTEBOOK, tmp_path)
    html = _html(outputs)
    assert len(html) == 1
    assert html[0].count("<mark") >= 3
    plain = [o["data"]["text/plain"] for o in outputs if "text/plain" in o.get("data", {})]
    assert (
        "(('jwg-17', '[2025-11..2025-11-04]/[2025-11..2025-11-06]'),\n"
        " ('jwg-18', '2026-02-17', 'New Delhi, India'))"
    ) in plain
