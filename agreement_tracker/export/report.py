"""One self-contained HTML page for readers and editors: no script, no network.

The page has the dataset's title, version and how to cite it; an SVG timeline (a dot
for a day, a bar for a range, a faded bar for a month or a year, a dashed box for "one
of these days"); the disagreements between sources with each claim's quote; a table per
record kind (a statement's words as quotations, or as the source's account where the
speech is reported); and every source's text with each cited passage highlighted as a
``<mark>`` and linked from the facts it supports.  Styles are inline; a Content Security Policy
forbids scripts and every outside request; every text from the data is escaped.

>>> import agreement_tracker as at
>>> page = html_page(at.load())
>>> page.startswith("<!DOCTYPE html>"), "<script" in page, page.count('<mark class="q"') >= 159
(True, False, True)
"""

from __future__ import annotations

import datetime as _dt
import html
import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agreement_tracker._kinds import KINDS, NESTED
from agreement_tracker.dates import DateBetween, DateRange, PartialDate, Precision
from agreement_tracker.export._write import replace_file
from agreement_tracker.records import Records

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker
    from agreement_tracker.dates import When
    from agreement_tracker.model import Citation

__all__ = ["COLOURS", "html_page", "passages", "timeline_svg", "write"]

#: Colours of the kinds on the timeline (as in docs/timeline.png).
COLOURS = {
    "event": "#b2182b",
    "meeting": "#2166ac",
    "agreement": "#1b7837",
    "delegation": "#762a83",
    "statement": "#b35806",
    "relationship_fact": "#01665e",
}

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fff}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{margin-top:36px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#555}pre.cite{white-space:pre-wrap;background:#f6f6f6;padding:10px;border-radius:4px;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0 20px}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}th{background:#f3f3f3}
tr:target,section:target{background:#fff8d6}
sup a,a.c{color:#8a5a00;text-decoration:none;font-size:11px}
mark.q{background:#ffe58a;padding:0 1px}mark.q:target{outline:2px solid #c77c00}
.source-text{white-space:pre-wrap;background:#fbfbfb;border:1px solid #eee;padding:10px;font-size:14px}
blockquote{margin:4px 0 8px 12px;padding-left:10px;border-left:3px solid #ccc;color:#333}
.claims li{margin-bottom:6px}svg text{font:12px system-ui,sans-serif}
.missing{color:#a00}q{display:block;font-style:italic}.reported{display:block}
"""

_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def passages(text: str, quote: str) -> tuple[int, int] | None:
    r"""Where ``quote`` stands in ``text`` (white space matched loosely), or None.

    >>> passages("signed in  Tel\nAviv on Tuesday", "in Tel Aviv")
    (7, 19)
    >>> passages("nothing here", "elsewhere") is None
    True
    """
    words = quote.split()
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), text)
    return (found.start(), found.end()) if found else None


class _Citations:
    """Every citation of the dataset, numbered, with where its quote stands in its source."""

    def __init__(self, tracker: Tracker) -> None:
        self.numbers: dict[int, int] = {}  # id(citation) -> number
        self.items: list[tuple[int, str, str, Citation]] = []  # number, record, field, citation
        for record in tracker.all_records():
            for citation, _source in tracker.citations(record.id):
                number = len(self.items) + 1
                self.numbers[id(citation)] = number
                self.items.append((number, record.id, "", citation))
        self.by_source: dict[str, list[tuple[int, str, Citation]]] = {}
        for number, record_id, _, citation in self.items:
            self.by_source.setdefault(citation.source, []).append((number, record_id, citation))

    def links(self, citations: list[Citation]) -> str:
        return "".join(
            f'<sup><a href="#c{self.numbers[id(c)]}" title="{_e(c.source)}">'
            f"[{self.numbers[id(c)]}]</a></sup>"
            for c in citations
            if id(c) in self.numbers
        )


def _form(when: When) -> str:
    if isinstance(when, DateBetween):
        return "one-of"
    if isinstance(when, DateRange):
        ends = (when.start, when.end)
        exact = all(isinstance(e, PartialDate) and e.precision is Precision.DAY for e in ends)
        return "range" if exact else "vague"
    return "day" if when.precision is Precision.DAY else "vague"


def timeline_svg(tracker: Tracker, *, width: int = 1120) -> str:
    """The dated records as an SVG timeline, one row each, in timeline order.

    >>> import agreement_tracker as at
    >>> svg = timeline_svg(at.load())
    >>> svg.count("<circle"), svg.count('stroke-dasharray="4 3"') >= 4
    (9, True)
    """
    entries = [e for e in tracker.timeline() if e.date is not None]
    label_width, row, top = 430, 22, 34
    plot = width - label_width - 20
    height = top + row * len(entries) + 90
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        'style="max-width:100%;height:auto" '
        f'viewBox="0 0 {width} {height}" aria-label="Timeline of the dated records">'
    ]
    if not entries:
        parts.append('<text x="10" y="20">No dated records.</text></svg>')
        return "".join(parts)
    known = [day for e in entries if e.date is not None for day in e.date.written_ordinals]
    first, last = _dt.date.fromordinal(min(known)), _dt.date.fromordinal(max(known))
    lo, hi = first.toordinal(), last.toordinal() + 1

    def x(day: int) -> float:
        return label_width + plot * (day - lo) / max(hi - lo, 1)

    months = (last.year - first.year) * 12 + last.month - first.month
    step = 1 if months <= 18 else 3 if months <= 48 else 12
    year, month = first.year, first.month
    bottom = top + row * len(entries)
    while (year, month) <= (last.year, last.month):
        if (month - 1) % step == 0:
            tick = x(_dt.date(year, month, 1).toordinal())
            if tick >= label_width:
                parts.append(
                    f'<line x1="{tick:.1f}" y1="{top - 6}" x2="{tick:.1f}" y2="{bottom}" '
                    'stroke="#e4e4e4"/>'
                    f'<text x="{tick:.1f}" y="{bottom + 16}" text-anchor="middle" fill="#444">'
                    f"{year}-{month:02d}</text>"
                )
        month += 1
        if month == 13:
            year, month = year + 1, 1
    for index, entry in enumerate(entries):
        when = entry.date
        assert when is not None
        y = top + row * index + row / 2
        colour = COLOURS.get(entry.kind, "#555")
        # an open end has no day of its own: it runs to the edge of the plot
        start = x(lo) if when.open_start else x(when.first_ordinal)
        end = x(hi) if when.open_end else x(when.last_ordinal + 1)
        label = f"{entry.title}  {when.isoformat()}"
        if len(label) > 64:
            label = f"{entry.title[: 60 - len(when.isoformat())]}…  {when.isoformat()}"
        parts.append(f'<a href="#rec-{_e(entry.id)}">')
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 4:.1f}" text-anchor="end" fill="{colour}">'
            f"{_e(label)}</text>"
        )
        form = _form(when)
        tip = f"<title>{_e(entry.title)}: {_e(when.isoformat())}</title>"
        if form == "day":
            parts.append(
                f'<circle cx="{(start + end) / 2:.1f}" cy="{y:.1f}" r="5" fill="{colour}">{tip}</circle>'
            )
        else:
            w = max(end - start, 4.0)
            style = {
                "range": f'fill="{colour}" fill-opacity="0.85"',
                "vague": f'fill="{colour}" fill-opacity="0.28"',
                "one-of": f'fill="none" stroke="{colour}" stroke-width="1.5" stroke-dasharray="4 3"',
            }[form]
            parts.append(
                f'<rect x="{start:.1f}" y="{y - 6:.1f}" width="{w:.1f}" height="12" rx="2" '
                f"{style}>{tip}</rect>"
            )
        marks = ([start - 12] if when.open_start else []) + ([end + 2] if when.open_end else [])
        for at in marks:
            parts.append(f'<text x="{at:.1f}" y="{y + 4:.1f}" fill="{colour}">…</text>')
        parts.append("</a>")
    legend_y = bottom + 40
    legend = [
        ("circle", "a day"),
        ("range", "lasted over the span"),
        ("vague", "a month or a year: one day of it"),
        ("one-of", "one day somewhere in the span"),
    ]
    if any(e.date is not None and e.date.is_open for e in entries):
        legend.append(("open", "… an open end: no first or last day known"))
    lx = 20
    for shape, text in legend:
        if shape == "circle":
            parts.append(f'<circle cx="{lx + 6}" cy="{legend_y}" r="5" fill="#555"/>')
        elif shape == "open":
            lx -= 24
        else:
            style = {
                "range": 'fill="#555" fill-opacity="0.85"',
                "vague": 'fill="#555" fill-opacity="0.28"',
                "one-of": 'fill="none" stroke="#555" stroke-width="1.5" stroke-dasharray="4 3"',
            }[shape]
            parts.append(f'<rect x="{lx}" y="{legend_y - 6}" width="18" height="12" {style}/>')
        parts.append(f'<text x="{lx + 24}" y="{legend_y + 4}" fill="#333">{_e(text)}</text>')
        lx += 44 + 7 * len(text)
    lx = 20
    for kind, colour in COLOURS.items():
        label = KINDS[kind].label
        parts.append(f'<text x="{lx}" y="{legend_y + 26}" fill="{colour}">■ {_e(label)}</text>')
        lx += 30 + 8 * len(label)
    parts.append("</svg>")
    return "".join(parts)


def _claims_html(tracker: Tracker, cites: _Citations) -> str:
    found = tracker.discrepancies()
    if not found:
        return "<p>The sources do not disagree on any field.</p>"
    items = []
    for d in found:
        claims = "".join(
            f"<li><strong>{_e(c.value)}</strong> according to "
            f'<a href="#src-{_e(c.citation.source)}">{_e(c.citation.source)}</a>'
            f"{cites.links([c.citation])}"
            f"<blockquote>{_e(c.citation.quote)}</blockquote>"
            + (f"<em>Read from the quote: {_e(c.inferred)}</em>" if c.inferred else "")
            + "</li>"
            for c in d.claims
        )
        items.append(
            f'<h3><a href="#rec-{_e(d.record_id)}">{_e(d.record_id)}</a>: {_e(d.field)}</h3>'
            f'<ul class="claims">{claims}</ul>'
        )
    return "".join(items)


def _all_citations(record: Any) -> list[Citation]:
    """The citations of a record, its claims and every value nested in it (at any depth)."""
    found = list(record.citations)
    found += [claim.citation for claim in getattr(record, "claims", ())]
    for field in NESTED.get(type(record), ()):
        for nested in getattr(record, field):
            found += _all_citations(nested)
    return found


#: Columns that show more than their own field: a statement's speaker is who spoke,
#: an unnamed speaker or the body it was said for.
_SHOWS = {("statement", "speaker"): ("speaker", "unnamed", "organisation")}


def _words(statement: Any) -> str:
    """A statement's words: each a quotation, or the source's account if speech is reported."""
    if statement.speech.value == "reported":
        return "".join(
            f'<span class="reported">as the source reports it: {_e(w)}</span>'
            for w in statement.words
        )
    return "".join(f"<q>{_e(w)}</q>" for w in statement.words)


def _plain(value: Any) -> str:
    if value is None:
        return ""
    return ", ".join(map(str, value)) if isinstance(value, tuple) else str(value)


def _tables_html(tracker: Tracker, cites: _Citations) -> str:
    out = []
    for kind in KINDS.values():
        records = getattr(tracker, kind.attribute)
        if not len(records):
            continue
        if isinstance(records, Records):
            table = records.as_table()
            columns, body = table.columns, table.rows
        else:  # the focus-area vocabulary
            columns = kind.table.columns
            body = tuple(tuple(_plain(getattr(r, c)) for c in columns) for r in records)
        # The field each column shows (the headings are labels: "focus areas").
        fields = kind.table.columns if len(kind.table.columns) == len(columns) else columns
        head = "".join(f"<th>{_e(c)}</th>" for c in columns) + "<th>other citations</th>"
        rows = []
        for record, cells in zip(records, body, strict=True):
            used: set[int] = set()
            tds = []
            for field, cell in zip(fields, cells, strict=True):
                shows = _SHOWS.get((kind.key, field), (field,))
                backing = [c for c in record.citations if set(shows) & set(c.supports)]
                used.update(id(c) for c in backing)
                shown = _words(record) if kind.key == "statement" and field == "words" else _e(cell)
                tds.append(f"<td>{shown}{cites.links(backing)}</td>")
            rest = [c for c in _all_citations(record) if id(c) not in used]
            tds.append(f"<td>{cites.links(rest)}</td>")
            rows.append(f'<tr id="rec-{_e(record.id)}">{"".join(tds)}</tr>')
        out.append(
            f"<h3>{_e(kind.table.title)}</h3><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    return "".join(out)


def _source_html(source: Any, cited: list[tuple[int, str, Citation]]) -> str:
    """A source's text with every cited passage marked; overlapping passages split."""
    text = source.text
    spans: list[tuple[int, int, int, str]] = []
    missing = []
    for number, record_id, citation in cited:
        where = passages(text, citation.quote)
        if where is None:
            missing.append((number, record_id, citation))
        else:
            spans.append((where[0], where[1], number, record_id))
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    pieces = []
    for a, b in itertools.pairwise(cuts):
        anchors = "".join(
            f'<span id="c{n}"></span>' for s, _, n, _ in sorted(spans, key=lambda x: x[2]) if s == a
        )
        covering = [(n, r) for s, e, n, r in spans if s <= a and b <= e]
        chunk = _e(text[a:b])
        if covering:
            numbers = " ".join(f"c{n}" for n, _ in covering)
            records = " ".join(sorted({r for _, r in covering}))
            chunk = f'<mark class="q" data-cites="{numbers}" title="cited by {_e(records)}">{chunk}</mark>'
        pieces.append(anchors + chunk)
    body = f'<div class="source-text">{"".join(pieces)}</div>'
    if missing:
        body += (
            '<p class="missing">Quotes not found in this text: '
            + "; ".join(
                f'<span id="c{n}">[{n}] {_e(c.quote)} ({_e(r)})</span>' for n, r, c in missing
            )
            + "</p>"
        )
    title = source.title or source.id
    facts = [
        f"<strong>{_e(title)}</strong>",
        *(f"published {_e(source.published.isoformat())}" for _ in [0] if source.published),
        *(f"dateline {_e(source.dateline.label)}" for _ in [0] if source.dateline),
    ]
    return f'<section id="src-{_e(source.id)}"><h3>{_e(source.id)}</h3><p>{", ".join(facts)}</p>{body}</section>'


def html_page(tracker: Tracker, *, license: str | None = None) -> str:
    """The whole page as text.

    >>> import agreement_tracker as at
    >>> page = html_page(at.load(), license="CC-BY-4.0")
    >>> "<h1>India–Israel defence relations, July 2024 – November 2025</h1>" in page
    True
    """
    cites = _Citations(tracker)
    licence = f" Licence: {_e(license)}." if license else ""
    sources = "".join(_source_html(s, cites.by_source.get(s.id, [])) for s in tracker.sources)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(tracker.name)}</title><style>{_CSS}</style></head><body><main>"
        f"<h1>{_e(tracker.name)}</h1>"
        f'<p class="meta">Data version {_e(tracker.data_version)}.{licence} '
        f"{_e(tracker.description)}</p>"
        f'<h2 id="cite">How to cite</h2><pre class="cite">{_e(tracker.cite())}</pre>'
        f'<h2 id="timeline">Timeline</h2>{timeline_svg(tracker)}'
        f'<h2 id="disagreements">Where the sources disagree</h2>{_claims_html(tracker, cites)}'
        f'<h2 id="records">Records</h2>{_tables_html(tracker, cites)}'
        f'<h2 id="sources">Sources</h2><p>Every passage cited is highlighted; the numbers '
        f"in the tables link to them.</p>{sources}"
        "</main></body></html>\n"
    )


def write(tracker: Tracker, path: Path, *, license: str | None = None) -> None:
    """Write the page to the file ``path``.

    >>> import agreement_tracker as at, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> write(at.load(), path, license="CC-BY-4.0")
    >>> path.read_text("utf-8").count("<svg")
    1
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, html_page(tracker, license=license).encode("utf-8"))
