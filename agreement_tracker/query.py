"""Pure query functions over records; :class:`~agreement_tracker.Tracker` methods wrap them.

The date rules live here, in one place:

* a meeting *has taken place by* ``as_of`` when its latest possible day is on or before
  ``as_of`` (a "July 2024" meeting has taken place by 2024-07-31, not by 2024-07-15);
* the *last* meeting of a series by ``as_of`` is, among those, the one whose latest
  possible day is latest (ties broken by earliest day, then number);
* a record happened *since* that meeting when its earliest possible day is on or after
  the meeting's latest possible day (``Tracker.meetings_since_last`` further keeps only
  meetings between the series' parties).  Sources give no times of day, so something on the
  same day as the meeting counts as since it; the meeting itself never does;
* records without a date are never in a date-based answer.

>>> import agreement_tracker as at
>>> from agreement_tracker.query import last_in_series
>>> t = at.load()
>>> last_in_series(t.meetings, "jwg", at.to_date("2025-11-01")).id
'jwg-16'
"""

from __future__ import annotations

import bisect
import datetime as _dt
import operator
from collections.abc import Iterable
from typing import Any, Literal, TypeAlias, TypeVar

import attrs

from .dates import When, precision_label
from .model import Agreement, Delegation, Event, Meeting, Record

__all__ = [
    "Mode",
    "TimeIndex",
    "TimelineEntry",
    "certainly_within",
    "last_in_series",
    "since",
    "timeline_entries",
    "timeline_key",
    "timeline_ordered",
]

#: How date filters treat imprecise dates: ``"certain"`` keeps only records known to fall
#: in the window, ``"possible"`` also those that may.
Mode: TypeAlias = Literal["certain", "possible"]

R = TypeVar("R", bound=Agreement | Meeting | Delegation | Event)

_KIND_ORDER = {"event": 0, "delegation": 1, "meeting": 2, "agreement": 3}


@attrs.frozen
class TimelineEntry:
    """One row of a timeline: a dated agreement, meeting, delegation or event.

    >>> import agreement_tracker as at
    >>> entry = at.load().timeline()[0]
    >>> entry.kind, entry.title, entry.date.isoformat(), entry.precision
    ('event', '7 October 2023 attacks in Israel', '2023-10-07', 'day')
    """

    kind: str
    record: Agreement | Meeting | Delegation | Event

    @property
    def date(self) -> When | None:
        """The record's date (signing date, meeting date, visit dates, event date).

        >>> import agreement_tracker as at
        >>> at.load().timeline()[-1].date is None
        True
        """
        return record_date(self.record)

    @property
    def title(self) -> str:
        """The record's title.

        >>> import agreement_tracker as at
        >>> at.load().timeline()[0].title
        '7 October 2023 attacks in Israel'
        """
        return self.record.title

    @property
    def id(self) -> str:
        """The record's id.

        >>> import agreement_tracker as at
        >>> at.load().timeline()[0].id
        'october-7-attacks-2023'
        """
        return self.record.id

    @property
    def precision(self) -> str:
        """The date's precision in words (see :func:`~agreement_tracker.dates.precision_label`).

        >>> import agreement_tracker as at
        >>> [e.precision for e in at.load().timeline() if e.id == "jwg-16"]
        ['month']
        """
        return precision_label(self.date)

    def sort_key(self) -> tuple[int, int, int, int, str]:
        """Chronological order (by day ordinals); undated entries last.

        >>> import agreement_tracker as at
        >>> at.load().timeline()[0].sort_key()[0]
        0
        """
        return timeline_key(self.record)


def timeline_key(
    record: Agreement | Meeting | Delegation | Event,
) -> tuple[int, int, int, int, str]:
    """Sort key of a record on the timeline.

    Dated records come first, by earliest then latest day, then kind (events,
    delegations, meetings, agreements), then id.

    >>> import agreement_tracker as at
    >>> timeline_key(at.load().meeting("jwg-17"))[3:]
    (2, 'jwg-17')
    """
    date = record_date(record)
    kind = _KIND_ORDER[type(record).__name__.lower()]
    if date is None:
        return (1, 0, 0, kind, record.id)
    return (0, date.first_ordinal, date.last_ordinal, kind, record.id)


def record_date(record: Record) -> When | None:
    """The date that places ``record`` on a timeline, if it has one.

    >>> import agreement_tracker as at
    >>> record_date(at.load().delegation("baram-india-2025-07")).isoformat()
    '2025-07-22/2025-07-23'
    """
    if isinstance(record, Agreement):
        return record.signed
    if isinstance(record, Meeting | Event):
        return record.date
    if isinstance(record, Delegation):
        return record.dates
    return None


# A timeline entry's kind: the record class's name in lower case.
_KIND_NAMES: dict[type[Any], str] = {
    cls: cls.__name__.lower() for cls in (Agreement, Meeting, Delegation, Event)
}


def _kind(record: Agreement | Meeting | Delegation | Event) -> str:
    return _KIND_NAMES[type(record)]


def timeline_entries(
    records: Iterable[Agreement | Meeting | Delegation | Event],
) -> tuple[TimelineEntry, ...]:
    """Timeline entries for ``records`` in chronological order (undated ones last).

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> [e.id for e in timeline_entries(t.agreements + t.meetings)][:2]
    ['jwg-16', 'doval-baram-2025-07']
    """
    ordered = sorted(records, key=timeline_key)
    return tuple(TimelineEntry(_kind(record), record) for record in ordered)


def last_in_series(meetings: Iterable[Meeting], series: str, as_of: _dt.date) -> Meeting | None:
    """The last meeting of ``series`` known to have taken place on or before ``as_of``.

    >>> import agreement_tracker as at
    >>> last_in_series(at.load().meetings, "jwg", at.to_date("2025-11-04")).id
    'jwg-17'
    """
    day = as_of.toordinal()
    candidates = [
        m
        for m in meetings
        if m.series == series and m.date is not None and m.date.last_ordinal <= day
    ]
    if not candidates:
        return None
    return max(candidates, key=last_key)


def last_key(meeting: Meeting) -> tuple[int, int, int, str]:
    """Order for "the last meeting": latest possible day, then earliest, number and id.

    Of two meetings of a series that may have ended on the same day, the later is the one
    that began later, then the one with the higher number (none counts as 0), then the
    one with the greater id, so that every way of asking picks the same meeting.

    >>> import agreement_tracker as at
    >>> last_key(at.load().meeting("jwg-16"))[2:]
    (16, 'jwg-16')
    """
    assert meeting.date is not None
    when = meeting.date
    return (when.last_ordinal, when.first_ordinal, meeting.number or 0, meeting.id)


def since(records: Iterable[Meeting], reference: Meeting, as_of: _dt.date) -> tuple[Meeting, ...]:
    """Meetings after ``reference`` (same day included) that took place by ``as_of``.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> [m.id for m in since(t.meetings, t.meeting("jwg-16"), at.to_date("2025-11-01"))]
    ['doval-baram-2025-07', 'singh-baram-2025-07-23']
    """
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


def timeline_ordered(records: Iterable[R]) -> tuple[R, ...]:
    """Records in chronological order of their date (undated last), then by id.

    >>> import agreement_tracker as at
    >>> [m.number for m in timeline_ordered(at.load().meetings) if m.number]
    [16, 17]
    """
    return tuple(sorted(records, key=timeline_key))


def certainly_within(date: When | None, start: _dt.date, end: _dt.date, mode: Mode) -> bool:
    """Whether ``date`` falls in ``start..end`` under ``mode`` (see :data:`Mode`).

    >>> import agreement_tracker as at
    >>> july = at.PartialDate.parse("2024-07")
    >>> certainly_within(july, at.to_date("2024-07-01"), at.to_date("2024-07-15"), "certain")
    False
    >>> certainly_within(july, at.to_date("2024-07-01"), at.to_date("2024-07-15"), "possible")
    True
    """
    if date is None:
        return False
    first, last = start.toordinal(), end.toordinal()
    if mode == "certain":
        return first <= date.first_ordinal and date.last_ordinal <= last
    return date.first_ordinal <= last and first <= date.last_ordinal


def item_date(item: Any) -> When | None:
    """The date of a record or of a timeline entry (None when undated).

    >>> import agreement_tracker as at
    >>> item_date(at.load().timeline()[1]).isoformat()
    '2024-07'
    """
    return item.date if isinstance(item, TimelineEntry) else record_date(item)


class TimeIndex:
    """Dated records sorted by earliest day, for range queries that cost what they return.

    Built once; :meth:`within` bisects on the earliest possible day, so a query touches
    only records that start inside the window (widened by the longest span for
    ``"possible"``), never the whole dataset.

    >>> import agreement_tracker as at
    >>> index = TimeIndex(at.load().meetings)
    >>> [m.id for m in index.within(at.to_date("2024-07-01"), at.to_date("2024-07-31"), "certain")]
    ['jwg-16']
    """

    __slots__ = ("_firsts", "_items", "_lasts", "_span")

    def __init__(
        self,
        records: Iterable[Agreement | Meeting | Delegation | Event | TimelineEntry],
        *,
        ordered: bool = False,
    ) -> None:
        """Index ``records``; ``ordered=True`` promises they are already in timeline order."""
        dated = [(r, when) for r in records if (when := item_date(r)) is not None]
        if not ordered:
            dated.sort(
                key=lambda p: timeline_key(p[0].record if isinstance(p[0], TimelineEntry) else p[0])
            )
        self._items: list[Any] = [r for r, _ in dated]
        self._firsts = [when.first_ordinal for _, when in dated]
        self._lasts = [when.last_ordinal for _, when in dated]
        self._span = max(map(operator.sub, self._lasts, self._firsts), default=0)

    @classmethod
    def from_days(cls, items: list[Any], firsts: list[int], lasts: list[int]) -> TimeIndex:
        """An index of ``items`` already in timeline order, with their first and last days.

        >>> index = TimeIndex.from_days(["a", "b"], [10, 12], [11, 12])
        >>> index.starting_between(10, 11)
        ['a']
        """
        index = cls.__new__(cls)
        index._items, index._firsts, index._lasts = items, firsts, lasts
        index._span = max(map(operator.sub, lasts, firsts), default=0)
        return index

    def __len__(self) -> int:
        return len(self._items)

    def within(self, start: _dt.date, end: _dt.date, mode: Mode) -> list[Any]:
        """Records dated in ``start..end`` under ``mode``, in timeline order.

        >>> import agreement_tracker as at
        >>> index = TimeIndex(at.load().meetings)
        >>> len(index.within(at.to_date("2024-07-01"), at.to_date("2024-07-15"), "possible"))
        1
        """
        first, last = start.toordinal(), end.toordinal()
        if mode == "certain":
            lo = bisect.bisect_left(self._firsts, first)
            hi = bisect.bisect_right(self._firsts, last)
            return [self._items[i] for i in range(lo, hi) if self._lasts[i] <= last]
        lo = bisect.bisect_left(self._firsts, first - self._span)
        hi = bisect.bisect_right(self._firsts, last)
        return [self._items[i] for i in range(lo, hi) if self._lasts[i] >= first]

    def starting_between(self, first: int, last: int) -> list[Any]:
        """Records whose earliest day is in ``first..last`` and latest day is at most ``last``.

        Both bounds are day ordinals; used for "since the last meeting".

        >>> import agreement_tracker as at
        >>> index = TimeIndex(at.load().meetings)
        >>> day = at.to_date("2025-07-23").toordinal()
        >>> [m.id for m in index.starting_between(day - 1, day)]
        ['doval-baram-2025-07', 'singh-baram-2025-07-23']
        """
        lo = bisect.bisect_left(self._firsts, first)
        hi = bisect.bisect_right(self._firsts, last)
        return [self._items[i] for i in range(lo, hi) if self._lasts[i] <= last]
