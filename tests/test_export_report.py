"""The report page: self-contained, escaped, and checked in a real browser (headless Chromium)."""

from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest

import agreement_tracker as at
from agreement_tracker.export.report import html_page, passages, timeline_svg

from . import open_dates

DOCS = Path(__file__).resolve().parents[1] / "docs"
ATTACK = (
    "<script>document.body.setAttribute('data-pwned', 'script')</script>"
    "<img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\"> & \"quotes\""
)


def chromium() -> str:
    """The browser; in CI (CI=true) its absence fails the test instead of skipping it."""
    found = shutil.which("chromium")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is needed in CI: .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    return found


def browse(page: Path, tmp_path: Path, *extra: str) -> str:
    """Run headless Chromium on ``page`` with ``extra`` flags; return what it prints."""
    done = subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            *extra,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class _Marks(html.parser.HTMLParser):
    """The text of every <mark> by the citations it stands for, and the elements seen."""

    def __init__(self) -> None:
        super().__init__()
        self.by_citation: dict[str, str] = {}
        self.tags: dict[str, int] = {}
        self.body: dict[str, str | None] = {}
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "body":
            self.body = dict(attrs)
        if tag == "mark":
            self._open = (dict(attrs).get("data-cites") or "").split()

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open = None

    def handle_data(self, data: str) -> None:
        for number in self._open or ():
            self.by_citation[number] = self.by_citation.get(number, "") + data


def _parse(dom: str) -> _Marks:
    marks = _Marks()
    marks.feed(dom)
    return marks


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("report")
    page = folder / "report.html"
    at.load().export("report", page)
    dom = browse(page, folder, "--dump-dom")
    return page, dom


def test_page_is_self_contained(rendered: tuple[Path, str]) -> None:
    """No script, no outside address, and a policy that forbids both."""
    text = rendered[0].read_text("utf-8")
    assert "<script" not in text
    assert "src=" not in text
    assert "default-src 'none'" in text
    assert all(link.startswith("#") for link in _hrefs(text))


def _hrefs(text: str) -> list[str]:
    found: list[str] = []

    class Links(html.parser.HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(v or "" for k, v in attrs if k == "href")

    Links().feed(text)
    return found


def test_browser_renders_every_part(rendered: tuple[Path, str]) -> None:
    """Chromium builds the page: title, citation, timeline, disagreements, tables, sources."""
    dom = rendered[1]
    marks = _parse(dom)
    assert "<h1>India–Israel defence relations, July 2024 – November 2025</h1>" in dom
    assert "Data version 1.2.0." in dom
    assert marks.tags["svg"] == 1
    assert marks.tags["circle"] == 9  # eight exact days and the legend's dot
    assert marks.tags["table"] == 12  # one per record kind
    assert marks.tags["section"] == 5  # one per source
    assert dom.count('<h3><a href="#rec-mou-2025-11-defence-cooperation">') == 1


def test_every_quote_is_a_highlighted_passage(rendered: tuple[Path, str]) -> None:
    """Each citation's quote is the text of the <mark> passages that stand for it."""
    t = at.load()
    marks = _parse(rendered[1]).by_citation
    numbered = [c for r in t.all_records() for c, _ in t.citations(r.id)]
    assert len(numbered) == 210
    for number, citation in enumerate(numbered, 1):
        assert " ".join(marks[f"c{number}"].split()) == " ".join(citation.quote.split())
        assert passages(t.source(citation.source).text, citation.quote) is not None


def test_facts_link_to_their_passages(rendered: tuple[Path, str]) -> None:
    """Every link to a passage from a table or a claim lands on an anchor in the sources."""
    text = rendered[0].read_text("utf-8")
    targets = {h[1:] for h in _hrefs(text) if h.startswith("#c")}
    assert len(targets) == 210  # every citation, nested values' included
    assert all(f'<span id="{target}"></span>' in text for target in targets)


def test_statements_show_their_words_as_quotations() -> None:
    """A statement's words are quotations; reported speech is marked as the source's account."""
    page = html_page(at.load())
    row = page[page.index('<tr id="rec-saar-global-superpower-2025">') :].split("</tr>")[0]
    assert "<td>Gideon Saar<sup>" in row
    assert "<q>" in row
    assert "“" not in row
    reported = page[page.index('<tr id="rec-mod-unified-framework-2025-11">') :].split("</tr>")[0]
    assert "<q>" not in reported
    assert '<span class="reported">as the source reports it: ' in reported


def test_data_is_escaped_and_no_script_runs(tmp_path: Path) -> None:
    """Markup in the data shows as text; the browser runs none of it."""
    t = at.load()
    hostile = (
        attrs.evolve(t.meeting("jwg-17"), title=ATTACK),
        attrs.evolve(t.statement("in-mod-x-post-2025-11-06"), title=ATTACK),
        attrs.evolve(t.relationship_facts["in-il-three-decades"], description=ATTACK),
        attrs.evolve(t.materiel["barak-missile"], name=ATTACK),
    )
    page = tmp_path / "hostile.html"
    page.write_text(html_page(t.with_records(*hostile, on_conflict="replace")), "utf-8")
    dom = browse(page, tmp_path, "--dump-dom")
    parsed = _parse(dom)
    assert "data-pwned" not in parsed.body
    assert parsed.tags.get("script", 0) == 0
    assert parsed.tags.get("img", 0) == 0
    # the meeting's title in its table (its timeline label is cut short by its long date),
    # the statement's in its table and on the timeline, a fact, materiel
    assert dom.count("&lt;script&gt;document.body.setAttribute") == 5


def test_screenshot_for_the_docs(rendered: tuple[Path, str], tmp_path: Path) -> None:
    """A screenshot of the page is saved as docs/report.png, which docs/exports.md shows."""
    shot = tmp_path / "report.png"
    browse(rendered[0], tmp_path, f"--screenshot={shot}", "--window-size=1280,1500")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 50_000
    (DOCS / "report.png").write_bytes(data)
    assert "![The report page](report.png)" in (DOCS / "exports.md").read_text("utf-8")


def test_a_generated_dataset_gives_a_page(tmp_path: Path) -> None:
    """A dataset of another shape (no events, untitled sources) renders, every quote marked."""
    import json
    import sys

    benchmarks = str(Path(__file__).resolve().parents[1] / "benchmarks")
    sys.path.insert(0, benchmarks)
    try:
        import generate  # type: ignore[import-not-found]
    finally:
        sys.path.remove(benchmarks)
    source = tmp_path / "generated.json"
    source.write_text(json.dumps(generate.generate(60, seed=3)), "utf-8")
    t = at.Tracker.from_path(source)
    page = html_page(t)
    marks = _parse(page)
    citations = [c for r in t.all_records() for c, _ in t.citations(r.id)]
    assert len(marks.by_citation) == len(citations) > 60
    assert marks.tags["table"] == 7  # no organisations, no events
    assert "The sources do not disagree on any field." in page


def test_timeline_draws_open_ends_to_the_edge_without_year_one_or_9999() -> None:
    """An open end runs to the plot's edge and is marked …; the axis spans the written days."""
    svg = timeline_svg(open_dates.tracker())
    ticks = re.findall(r'text-anchor="middle" fill="#444">(\d{4}-\d{2})<', svg)
    assert ticks == [f"2025-{m:02d}" for m in range(5, 12)]  # 2025-04-30 .. 2025-11-30
    assert svg.count(">…</text>") == 6  # two open starts, four open ends
    assert "… an open end: no first or last day known" in svg
    assert "an open end" in timeline_svg(at.load())  # Rising Lion has an open start
    closed = at.Tracker(
        r
        for r in open_dates.tracker().all_records()
        if r.id not in ("before-range", "rising-lion", "open-talks", "m2", "tour", "after-nov")
    )
    assert "an open end" not in timeline_svg(closed)  # the legend says it only when needed
    assert "0001" not in svg
    assert "9999" not in svg
    html_page(open_dates.tracker())  # the whole page renders too
