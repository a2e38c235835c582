"""From a new article to cited records: draft proposals, review them, apply them.

``at.draft(text, tracker=t)`` reads an article with small named rules and returns a
:class:`Draft` of :class:`Proposal` objects, each with a verbatim quote, the rule that
made it and a reason.  Nothing changes until the reviewer accepts proposals and calls
:meth:`Draft.apply`, which returns a new, fully validated tracker.  The package is not
imported by ``import agreement_tracker``; ``at.draft`` and ``at.Draft`` load it on first
use.

>>> import agreement_tracker as at
>>> t = at.load()
>>> text = (" date 2026-02-12 The 18th meeting of the India-Israel Joint Working Group "
...         "was held in New Delhi on Tuesday, co-chaired by Defence Secretary Rajesh Kumar "
...         "Singh and Major General (Res.) Amir Baram.")
>>> d = at.draft(text, tracker=t, source_id="report-2026-02-12")
>>> t2 = d.accept_all().apply()
>>> jwg = t2.last_meeting("JWG", as_of="2026-02-12")
>>> jwg.id, jwg.date.isoformat(), jwg.co_chairs
('jwg-18', '2026-02-10', ('rajesh-kumar-singh', 'amir-baram'))
>>> [i.reason for i in jwg.inferred]
["'Tuesday' read as the latest Tuesday on or before the dateline, Thursday 2026-02-12"]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agreement_tracker.exceptions import FieldValueError

from .core import Draft, Proposal

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker

__all__ = ["Draft", "Proposal", "draft"]

_MAX_CHARS = 2_000_000


def draft(
    text: str | bytes,
    *,
    tracker: Tracker | None = None,
    published: str | None = None,
    source_id: str | None = None,
) -> Draft:
    r"""Draft proposals for ``text`` against ``tracker`` (the bundled dataset by default).

    ``published`` is the publication date when the text prints none (``"2025-11-06"``,
    ``"2025-11"``); ``source_id`` the id of the new source record (by default the agency
    or "report" and the date).  HTML input needs the optional ``trafilatura``.

    >>> import agreement_tracker as at
    >>> at.draft("   ")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.FieldValueError: text: the article is empty
    >>> at.draft("Talks were held.", published="6 Nov 2025")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DateFormatError: '6 Nov 2025' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD
    >>> at.draft(b"\x89PNG\r\n\x1a\n\x00\x00")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.FieldValueError: text: this is binary data, not an article: give the text (UTF-8)
    """
    from .building import classify
    from .rules import read

    article = _article_text(text)
    if tracker is None:
        from agreement_tracker.dataset import load

        tracker = load()
    if published is not None:
        if not isinstance(published, str):
            raise FieldValueError("published", f"give the date as text, got {published!r}")
        from agreement_tracker.dates import parse_when

        parse_when(published)
    if source_id is not None:
        from agreement_tracker.model import Citation

        Citation(source=source_id, quote="x")  # the id rules, with their message
    reading = read(article, tracker, published=published, source_id=source_id)
    for proposal in reading.proposals:
        proposal.action = classify(proposal, tracker)
    return Draft(
        text=article,
        source_id=reading.source_id,
        tracker=tracker,
        proposals=reading.proposals,
        published=published,
    )


def _article_text(text: str | bytes) -> str:
    """The article as text: decoded, checked, and extracted from HTML when it is HTML."""
    if isinstance(text, bytes):
        if b"\x00" in text:
            raise FieldValueError(
                "text", "this is binary data, not an article: give the text (UTF-8)"
            )
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise FieldValueError(
                "text", f"not UTF-8 text (byte {error.start}): give the article as UTF-8"
            ) from None
    if not isinstance(text, str):
        raise FieldValueError("text", f"give the article as text, got {type(text).__name__}")
    if "\x00" in text:
        raise FieldValueError("text", "this is binary data, not an article: give the text (UTF-8)")
    if len(text) > _MAX_CHARS:
        raise FieldValueError(
            "text", f"the article has {len(text):,} characters; the limit is {_MAX_CHARS:,}"
        )
    if _looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise FieldValueError("text", "the article is empty")
    return text


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def html_to_text(page: str) -> str:
    """The main text of an HTML page, through ``trafilatura`` (an optional extra).

    The title, date, site and URL the page gives are put first, one per line, as
    ``title: ...`` lines are not used: the page's own text is what gets quoted.

    >>> import sys, agreement_tracker as at
    >>> saved = sys.modules.get("trafilatura")
    >>> sys.modules["trafilatura"] = None  # as if it were not installed
    >>> try:
    ...     at.draft("<html><body><p>Talks.</p></body></html>")
    ... finally:
    ...     _ = sys.modules.pop("trafilatura")
    ...     if saved is not None: sys.modules["trafilatura"] = saved
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.FieldValueError: text: HTML input needs trafilatura: pip install 'agreement-tracker[draft]', or give the article as plain text
    """
    try:
        import trafilatura
    except ImportError:
        raise FieldValueError(
            "text",
            "HTML input needs trafilatura: pip install 'agreement-tracker[draft]', "
            "or give the article as plain text",
        ) from None
    extracted = trafilatura.extract(page, include_comments=False, include_tables=False)
    if not extracted:
        raise FieldValueError("text", "the HTML page has no article text that could be extracted")
    metadata = trafilatura.extract_metadata(page)
    lines = []
    title = getattr(metadata, "title", None) if metadata is not None else None
    date = getattr(metadata, "date", None) if metadata is not None else None
    if date:
        lines.append(f"date {date}")
    if title and not extracted.startswith(title):
        lines.append(title)
    lines.extend(extracted.splitlines())  # one paragraph a line
    return "\n\n".join(line for line in lines if line.strip())
