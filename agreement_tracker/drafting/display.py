"""A draft as HTML: an escaped table of proposals and the article with each quote marked.

>>> import agreement_tracker as at
>>> d = at.draft(" date 2025-08-10 <b>Talks</b> & the 18th meeting of the JWG.",
...              tracker=at.load())
>>> page = draft_html(d)
>>> "<b>Talks</b>" in page, "&lt;b&gt;Talks&lt;/b&gt; &amp;" in page
(False, True)
>>> page.count("<mark")
2
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from agreement_tracker._text import normalise_text

if TYPE_CHECKING:
    from .core import Draft

__all__ = ["HEADERS", "draft_html", "escape", "marked_text"]

#: The columns of a draft's table of proposals.
HEADERS = ("n", "status", "action", "kind", "target", "field", "value", "basis", "quote")


def escape(text: object) -> str:
    """``html.escape`` of ``str(text)``, quotes included.

    >>> escape('<b>"x"</b>')
    '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
    """
    return html.escape(str(text), quote=True)


def marked_text(draft: Draft) -> str:
    """The article (whitespace-normalised), escaped, with every quoted span in ``<mark>``.

    Overlapping quotes are merged into one mark whose ``title`` lists their proposals.

    >>> import agreement_tracker as at
    >>> print(marked_text(at.draft(" date 2025-08-10 Talks.", tracker=at.load())))
    <mark title="proposal 1">date 2025-08-10</mark> Talks.
    """
    text = normalise_text(draft.text)
    spans: list[tuple[int, int, int]] = []
    for p in draft.proposals:
        start = text.find(p.quote) if p.quote else -1
        if start >= 0:
            spans.append((start, start + len(p.quote), p.n))
    spans.sort()
    merged: list[tuple[int, int, list[int]]] = []
    for start, end, n in spans:
        if merged and start < merged[-1][1]:
            first, last, numbers = merged[-1]
            if n not in numbers:
                numbers.append(n)
            merged[-1] = (first, max(last, end), numbers)
        else:
            merged.append((start, end, [n]))
    out: list[str] = []
    position = 0
    for start, end, numbers in merged:
        out.append(escape(text[position:start]))
        label = ", ".join(str(n) for n in numbers)
        word = "proposal" if len(numbers) == 1 else "proposals"
        out.append(f'<mark title="{word} {label}">{escape(text[start:end])}</mark>')
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def draft_html(draft: Draft) -> str:
    """The draft as one HTML fragment: a heading, the proposals table and the marked article."""
    head = "".join(f"<th>{escape(h)}</th>" for h in HEADERS)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in p.row()) + "</tr>"
        for p in draft.proposals
    )
    pending = len(draft.pending)
    return (
        f"<div><p><strong>Draft of {escape(draft.source_id)}</strong>: "
        f"{len(draft.proposals)} proposals, {pending} pending</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        f'<blockquote style="white-space: pre-wrap">{marked_text(draft)}</blockquote></div>'
    )
