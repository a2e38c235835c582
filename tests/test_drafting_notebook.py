"""The drafting notebook is committed clean and runs in a real kernel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "draft_review_apply.ipynb"


def test_notebook_is_committed_without_outputs() -> None:
    """The notebook carries no outputs or execution counts."""
    cells = json.loads(NOTEBOOK.read_text("utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert len(code) == 9
    assert [(c["outputs"], c["execution_count"]) for c in code] == [([], None)] * len(code)


def test_notebook_drafts_reviews_and_applies_in_a_kernel(tmp_path: Path) -> None:
    """Every cell runs; the draft shows as HTML and the last JWG changes from 17 to 18."""
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert [o for o in outputs if o.output_type == "error"] == []
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert len(html) == 1
    assert html[0].count("<mark") >= 3
    plain = [o["data"]["text/plain"] for o in outputs if "text/plain" in o.get("data", {})]
    assert "(('jwg-17', '2025-11-04'), ('jwg-18', '2026-02-17', 'New Delhi, India'))" in plain
