"""Plain scans that state the query rules directly; the indexed queries must agree with them."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import agreement_tracker as at
from agreement_tracker._index import Dated, last_key, timeline_key
from agreement_tracker._index import countries_of as _countries_of


def last_in_series(
    meetings: Iterable[at.Meeting], series: str, as_of: datetime.date
) -> at.Meeting | None:
    """The last meeting of ``series`` known to have taken place on or before ``as_of``."""
    day = as_of.toordinal()
    candidates = [
        m
        for m in meetings
        if m.series == series and m.date is not None and m.date.last_ordinal <= day
    ]
    return max(candidates, key=last_key) if candidates else None


def since(
    records: Iterable[at.Meeting], reference: at.Meeting, as_of: datetime.date
) -> tuple[at.Meeting, ...]:
    """Meetings after ``reference`` (same day included) that took place by ``as_of``."""
    assert reference.date is not None
    start, day = reference.date.last_ordinal, as_of.toordinal()
    found = [
        m
        for m in records
        if m is not reference
        and m.date is not None
        and m.date.first_ordinal >= start
        and m.date.last_ordinal <= day
    ]
    return tuple(sorted(found, key=timeline_key))


def countries_of(tracker: at.Tracker, record: Dated) -> set[str]:
    """The countries ``record`` involves, looked up through the tracker's public API."""
    return _countries_of(
        record,
        lambda series: tracker.series(series).parties,
        lambda person: {r.country for r in tracker.person(person).roles if r.country},
    )
