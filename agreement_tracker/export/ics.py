"""An iCalendar file (RFC 5545) of every dated record on the timeline.

Meetings, agreements, delegations, events, statements and facts about a relationship
stand on the timeline; each that is dated is an event here (materiel is never dated).

Each is an all-day event: ``DTSTART;VALUE=DATE`` is the first day it can be and
``DTEND;VALUE=DATE`` the day after the last day it can be (iCalendar's end is
exclusive), so a calendar shows every possible day and drops none.  An event whose days
are not exactly known (a month, a year, one of a few days) is ``STATUS:TENTATIVE``; the
description says the EDTF value and its form in words, and quotes the source.  ``UID``
is the record's id at the dataset, and ``DTSTAMP`` is fixed (the last day any record can
be), so the same data always gives the same file.  Written by hand: no tool is needed.

A date with an open end ("on or before 23 July 2025", "from 7 May 2025 on") has no
first or last day to put in a calendar, and any day chosen would be made up: such
records are left out, and the calendar's ``DESCRIPTION`` (RFC 7986) names them.

>>> import agreement_tracker as at
>>> text = calendar(at.load())
>>> event = text[text.index("UID:jwg-16@"):].split("END:VEVENT")[0].splitlines()
>>> event[2:6]
['DTSTART;VALUE=DATE:20240701', 'DTEND;VALUE=DATE:20240801', 'SUMMARY:16th India–Israel JWG on Defence Cooperation', 'STATUS:TENTATIVE']
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agreement_tracker.dates import DateBetween, DateRange, PartialDate, Precision, precision_label
from agreement_tracker.export._write import replace_file

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker
    from agreement_tracker.dates import When

__all__ = ["calendar", "escape", "fold", "form_in_words", "write"]


def escape(text: str) -> str:
    r"""Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, newline.

    >>> escape("Tel Aviv; Israel, 4\\5\nnext")
    'Tel Aviv\\; Israel\\, 4\\\\5\\nnext'
    """
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return re.sub(r"\r\n|\r|\n", r"\\n", text)


def fold(line: str) -> str:
    r"""Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character.

    >>> folded = fold("DESCRIPTION:" + "é" * 40)
    >>> [len(part.encode()) for part in folded.split("\r\n")]
    [74, 19]
    """
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _exact(when: When) -> bool:
    """Whether every day of ``when`` is known: one day, or a range of two known days."""
    if isinstance(when, PartialDate):
        return when.precision is Precision.DAY
    if isinstance(when, DateRange):
        ends = (when.start, when.end)
        return all(isinstance(e, PartialDate) and e.precision is Precision.DAY for e in ends)
    return False


def form_in_words(when: When) -> str:
    """The EDTF value and its form in words, for a calendar's description.

    >>> from agreement_tracker.dates import parse_when
    >>> form_in_words(parse_when("[2025-11-04..2025-11-06]"))
    '[2025-11-04..2025-11-06] (one day, not known which, from 2025-11-04 to 2025-11-06)'
    >>> form_in_words(parse_when("2025-07-22/2025-07-23"))
    '2025-07-22/2025-07-23 (from 2025-07-22 to 2025-07-23)'
    >>> form_in_words(parse_when("[..2025-07-23]"))
    '[..2025-07-23] (on or before 2025-07-23)'
    """
    first, last = when.earliest.isoformat(), when.latest.isoformat()
    if when.is_open:
        words = precision_label(when)
    elif isinstance(when, DateBetween):
        words = f"one day, not known which, from {first} to {last}"
    elif isinstance(when, DateRange):
        words = f"from {first} to {last}"
        if not _exact(when):
            words += f" at the widest; its ends are known only as {when.start} and {when.end}"
    elif when.precision is Precision.DAY:
        words = "the day itself"
    else:
        words = f"a {when.precision.value}: one day of it, not known which"
    return f"{when.isoformat()} ({words})"


def _stamp(tracker: Tracker) -> str:
    """A fixed DTSTAMP: the last day any record can be (the epoch for an undated dataset)."""
    lasts = [
        e.date.latest for e in tracker.timeline() if e.date is not None and not e.date.open_end
    ]
    latest = max(lasts, default=_dt.date(1970, 1, 1))
    return f"{latest.year:04d}{latest.month:02d}{latest.day:02d}T000000Z"


def _day(value: _dt.date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "dataset"


def _quote(record: Any, field: str) -> str:
    """The first quote backing the record's date (or else the record), with its source."""
    citations = list(record.citations)
    chosen = next((c for c in citations if field in c.supports), None) or (
        citations[0] if citations else None
    )
    if chosen is None:
        return ""
    return f" Quote: “{chosen.quote}” ({chosen.source})."


def calendar(tracker: Tracker) -> str:
    """The iCalendar text of ``tracker``'s dated records, in timeline order, CRLF lines.

    Records whose date has an open end are left out and named in the calendar's
    ``DESCRIPTION``.

    >>> import agreement_tracker as at
    >>> calendar(at.load()).count("BEGIN:VEVENT")
    20
    """
    from agreement_tracker._kinds import DATED

    stamp, dataset = _stamp(tracker), _slug(tracker.name)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//agreement_tracker//export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(tracker.name)}",
    ]
    events, left_out = [], []
    for entry in tracker.timeline():
        when = entry.date
        if when is None:
            continue
        if when.is_open:
            left_out.append(f"{entry.id} ({when.isoformat()})")
            continue
        record = entry.record
        kind = DATED[type(record)]
        assert kind.date_field is not None
        end = when.latest.add(days=1)
        description = (
            f"{kind.label.capitalize()}. Date: {form_in_words(when)}."
            + (f" ({entry.derived}.)" if entry.derived else "")
            + _quote(record, kind.date_field)
        )
        events += [
            "BEGIN:VEVENT",
            f"UID:{record.id}@{dataset}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_day(when.earliest)}",
            f"DTEND;VALUE=DATE:{_day(end)}",
            f"SUMMARY:{escape(entry.title)}",
            f"STATUS:{'CONFIRMED' if _exact(when) and not entry.derived else 'TENTATIVE'}",
            f"CATEGORIES:{escape(kind.label)}",
        ]
        place = getattr(record, "place", None)
        if place is not None:
            events.append(f"LOCATION:{escape(place.label)}")
        events += [f"DESCRIPTION:{escape(description)}", "END:VEVENT"]
    if left_out:
        note = "Left out, their dates having an open end: " + ", ".join(left_out) + "."
        lines.append(f"DESCRIPTION:{escape(note)}")
    lines += [*events, "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)


def write(tracker: Tracker, path: Path, *, license: str | None = None) -> None:
    r"""Write the calendar to the file ``path`` (the licence is not recorded in iCalendar).

    >>> import agreement_tracker as at, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "india-israel.ics"
    >>> write(at.load(), path)
    >>> path.read_bytes()[:17]
    b'BEGIN:VCALENDAR\r\n'
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, calendar(tracker).encode("utf-8"))
