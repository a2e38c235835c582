"""The date rules, each written once, and the queries over a dataset's index.

:class:`~agreement_tracker.Tracker` methods are thin wrappers around the functions here.

* a record *has taken place by* ``as_of`` when its latest possible day is on or before
  ``as_of`` (a "July 2024" meeting has taken place by 2024-07-31, not by 2024-07-15):
  :func:`taken_place_by`;
* the *last* meeting of a series by ``as_of`` is, among those, the one whose latest
  possible day is latest (ties broken by earliest day, then number, then id:
  :func:`last_key`): :func:`last_meeting`;
* a record happened *since* that meeting when its earliest possible day is on or after
  the meeting's latest possible day and it has taken place by ``as_of``.  Sources give no
  times of day, so something on the same day as the meeting counts as since it; the
  meeting itself never does: :func:`since`;
* a record is *within* a window for certain when both its possible ends are inside, and
  possibly when its possible days overlap the window: :func:`certainly_within`;
* records without a date are never in a date-based answer;
* an open end (``[..2025-07-23]``, ``2025-05-07/..``) takes the calendar's first or last
  day in these rules: it is never known to have taken place by a day (an open end) or
  to be since a meeting (an open start), never certainly within a window short of the
  calendar's ends, and possibly within every window on its open side.

>>> import agreement_tracker as at
>>> t = at.load()
>>> [m.id for m in since(t.meetings, t.meeting("jwg-16"), at.to_date("2025-11-01"))]
['doval-baram-2025-07', 'singh-baram-2025-07-23']
"""

from __future__ import annotations

import bisect
import datetime as _dt
import typing
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypeAlias, TypeVar

import attrs

from ._index import (
    Dated,
    Index,
    Related,
    TimelineEntry,
    field_citations,
    item_date,
    last_key,
    record_date,
    timeline_key,
)
from ._kinds import NESTED, REFERENCES
from ._text import fold_text
from .dates import DateBetween, DateLike, DateRange, PartialDate, When, day_ordinal, parse_when
from .exceptions import ArgumentError, ArgumentTypeError, DateFormatError, NoMatchError
from .model import (
    Agreement,
    AgreementKind,
    Citation,
    Discrepancy,
    Meeting,
    Record,
    Series,
)

__all__ = [
    "Expanded",
    "Match",
    "Mode",
    "Provenance",
    "Related",
    "TimelineEntry",
    "bound",
    "certainly_within",
    "item_date",
    "last_key",
    "provenance",
    "record_date",
    "search",
    "since",
    "taken_place_by",
    "timeline_entries",
    "timeline_key",
]

#: How date filters treat imprecise dates: ``"certain"`` keeps only records known to fall
#: in the window, ``"possible"`` also those that may.
Mode: TypeAlias = Literal["certain", "possible"]

T = TypeVar("T")


def within_days(first: int, last: int, start: int, end: int, mode: Mode) -> bool:
    """The rule of :func:`certainly_within` on day ordinals: ``first..last`` in ``start..end``.

    >>> within_days(10, 12, 10, 11, "certain"), within_days(10, 12, 10, 11, "possible")
    (False, True)
    """
    if mode == "certain":
        return start <= first and last <= end
    return first <= end and start <= last


def since_days(first: int, last: int, reference_last: int, day: int) -> bool:
    """The rule of :func:`since` on day ordinals: on or after the reference, known by ``day``.

    >>> since_days(5, 6, 5, 6), since_days(4, 6, 5, 6), since_days(5, 7, 5, 6)
    (True, False, False)
    """
    return first >= reference_last and last <= day


def taken_place_by(date: When | None, day: int) -> bool:
    """Whether something dated ``date`` is known to have happened by the ordinal ``day``.

    >>> import agreement_tracker as at
    >>> july = at.PartialDate.parse("2024-07")
    >>> taken_place_by(july, at.to_date("2024-07-31").toordinal()), taken_place_by(None, 10**6)
    (True, False)
    """
    return date is not None and date.last_ordinal <= day


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
    return within_days(
        date.first_ordinal, date.last_ordinal, start.toordinal(), end.toordinal(), mode
    )


def since(records: Iterable[T], reference: Meeting, as_of: _dt.date) -> tuple[T, ...]:
    """Those of ``records`` after ``reference`` (same day included) known by ``as_of``.

    ``records`` may be records or timeline entries; the answer keeps their order.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> [m.id for m in since(t.meetings, t.meeting("jwg-16"), at.to_date("2025-11-01"))]
    ['doval-baram-2025-07', 'singh-baram-2025-07-23']
    """
    assert reference.date is not None
    start, day = reference.date.last_ordinal, as_of.toordinal()
    return tuple(
        item
        for item in records
        if (item.record if isinstance(item, TimelineEntry) else item) is not reference
        and (date := item_date(item)) is not None
        and since_days(date.first_ordinal, date.last_ordinal, start, day)
    )


def timeline_entries(records: Iterable[Dated]) -> tuple[TimelineEntry, ...]:
    """Timeline entries for ``records`` in chronological order (undated ones last).

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> [e.id for e in timeline_entries(t.agreements + t.meetings)][:2]
    ['jwg-16', 'doval-baram-2025-07']
    """
    return tuple(TimelineEntry.of(record) for record in sorted(records, key=timeline_key))


@typing.overload
def last_meeting(index: Index, series: Series, day: int, *, strict: Literal[True]) -> Meeting: ...
@typing.overload
def last_meeting(
    index: Index, series: Series, day: int, *, strict: bool = False
) -> Meeting | None: ...


def last_meeting(index: Index, series: Series, day: int, *, strict: bool = False) -> Meeting | None:
    """The last meeting of ``series`` known to have taken place by the ordinal ``day``.

    A series' meetings are kept in :func:`last_key` order, whose first part is the
    latest possible day, so those taken place by ``day`` are a prefix of them.  None
    when there is none, or with ``strict`` a :class:`NoMatchError` that says why.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> last_meeting(t._index, t.series("JWG"), at.to_date("2025-11-03").toordinal()).id
    'jwg-16'
    """
    position = bisect.bisect_right(index.series_lasts.get(series.id, []), day)
    if position:
        return index.series_meetings[series.id][position - 1]
    if strict:
        raise NoMatchError(no_meeting_message(index, series, day))
    return None


def no_meeting_message(index: Index, series: Series, day: int) -> str:
    """Why no meeting of ``series`` is known by ``day``, naming one that may have been.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> print(no_meeting_message(t._index, t.series("JWG"), at.to_date("2024-07-15").toordinal()))
    no meeting of series 'jwg' is known to have taken place on or before 2024-07-15; jwg-16 (2024-07) may have, but its date is not precise enough to tell
    """
    message = (
        f"no meeting of series {series.id!r} is known to have taken place on or before "
        f"{_dt.date.fromordinal(day)}"
    )
    possible = sorted(
        (
            m
            for m in index.series_meetings.get(series.id, [])
            if m.date and m.date.first_ordinal <= day
        ),
        key=timeline_key,
    )
    if possible:
        first = possible[0]
        assert first.date is not None
        message += (
            f"; {first.id} ({first.date.isoformat()}) may have, but its date is not precise "
            "enough to tell"
        )
    return message


def meetings_since(
    index: Index, series: Series, last: Meeting, day: int, *, kinds: str = "meeting"
) -> tuple[Any, ...]:
    """Meetings between the series' parties :func:`since` ``last``, known by ``day``.

    A series of fewer than two parties counts every meeting.  ``kinds="all"`` gives
    timeline entries of every kind instead of meetings.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> jwg = t.series("JWG")
    >>> [m.id for m in meetings_since(t._index, jwg, t.meeting("jwg-16"),
    ...                               at.to_date("2025-11-03").toordinal())]
    ['doval-baram-2025-07', 'singh-baram-2025-07-23']
    """
    assert last.date is not None
    pools = index.pair_meetings if kinds == "meeting" else index.pair_timeline
    if len(series.parties) >= 2:
        first, second = sorted(series.parties[:2])
        pool = pools.get((first, second))
        if pool is None:
            return ()
    else:
        pool = index.meetings if kinds == "meeting" else index.dated
    start = last.date.last_ordinal
    return tuple(
        item
        for item, first, final in pool.candidates(start, day)
        if (item.record if isinstance(item, TimelineEntry) else item) is not last
        and since_days(first, final, start, day)
    )


def between(
    index: Index, start: DateLike | When, end: DateLike | When, mode: Mode
) -> list[TimelineEntry]:
    """Timeline entries :func:`certainly_within` ``start..end`` (see :func:`bound`).

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> between(t._index, "2024-07-01", "2024-07-15", "certain")
    []
    >>> [e.id for e in between(t._index, "2024", "2024-07", "certain")]
    ['jwg-16']
    """
    if mode not in ("certain", "possible"):
        raise ArgumentError(f"mode must be 'certain' or 'possible', got {mode!r}")
    first = _dt.date.fromordinal(bound(start, what="start", end=False))
    last = _dt.date.fromordinal(bound(end, what="end", end=True))
    if first > last:
        raise ArgumentError(f"start {first} is after end {last}")
    low, high = first.toordinal(), last.toordinal()
    found = index.dated.candidates(low, high, overlapping=mode == "possible")
    return [e for e, a, b in found if within_days(a, b, low, high, mode)]


def agreements_about(
    index: Index, areas: Sequence[str], kind: AgreementKind | None
) -> list[Agreement]:
    """Agreements tagged with any of the focus-area ids ``areas``, in timeline order.

    ``kind`` narrows to one kind of agreement.

    >>> import agreement_tracker as at
    >>> [a.id for a in agreements_about(at.load()._index, ["cyber-security"], None)]
    ['mou-2025-11-defence-cooperation']
    """
    if kind is None:
        lists = [index.by_area.get(area, []) for area in areas]
    else:
        lists = [index.by_area_kind.get((area, kind), []) for area in areas]
    lists = [found for found in lists if found]
    if len(lists) == 1:
        return list(lists[0])
    unique = {a.id: a for found in lists for a in found}
    return sorted(unique.values(), key=timeline_key)


def discrepancies(records: Iterable[Record]) -> list[Discrepancy]:
    """Every field of ``records`` on which their claims disagree, by record id and field.

    >>> import agreement_tracker as at
    >>> [(d.record_id, d.field) for d in discrepancies(at.load().all_records())][:1]
    [('mou-2025-11-defence-cooperation', 'meeting_timing')]
    """
    found: list[Discrepancy] = []
    for record in sorted(records, key=lambda r: r.id):
        grouped: dict[str, list[Any]] = defaultdict(list)
        for claim in record.claims:
            grouped[claim.field].append(claim)
        for field, claims in sorted(grouped.items()):
            if len({c.value for c in claims}) > 1:
                found.append(
                    Discrepancy(
                        record_kind=type(record).__name__.lower(),
                        record_id=record.id,
                        field=field,
                        claims=tuple(claims),
                    )
                )
    return found


def bound(value: DateLike | When, *, what: str, end: bool) -> int:
    """A window's bound as a day ordinal: the first day of a start, the last of an end.

    A bound may be a day, a month (``"2025-07"``), a year (``"2025"``), any of the
    library's dates, or a ``datetime.date``; a month or a year means its whole span, and
    an open end the calendar's first or last day.

    >>> import datetime
    >>> bound("2025-07", what="start", end=False) == datetime.date(2025, 7, 1).toordinal()
    True
    >>> bound("2025-07", what="end", end=True) == datetime.date(2025, 7, 31).toordinal()
    True
    """
    if isinstance(value, str) and not value[:1].isspace():
        try:
            parsed = parse_when(value)
        except DateFormatError:
            return day_ordinal(value, what=what)  # says what is wrong with it
        return parsed.last_ordinal if end else parsed.first_ordinal
    if isinstance(value, PartialDate | DateRange | DateBetween):
        return value.last_ordinal if end else value.first_ordinal
    return day_ordinal(value, what=what)


@attrs.frozen
class Match:
    """A place where searched-for text was found: a record, a field and the text there.

    >>> import agreement_tracker as at
    >>> match = at.load().search("Elbit")[1]
    >>> match.record_id, match.kind, match.field, match.text
    ('elbit-systems', 'organisation', 'name', 'Elbit Systems')
    """

    record_id: str
    kind: str
    field: str
    text: str


#: The text fields searched, besides names, quotes and source texts.
_SEARCHED = (
    "title",
    "name",
    "aliases",
    "outcomes",
    "summary",
    "purpose",
    "description",
    "details",
    "notes",
    "label",
    "synonyms",
    "words",
    "note",
)


def search(records: Iterable[Record], text: str, *, whole_word: bool = True) -> list[Match]:
    """Every text field, quote and source text of ``records`` in which ``text`` occurs.

    Case and accents are ignored; ``whole_word=False`` also finds ``text`` inside words.

    >>> import agreement_tracker as at
    >>> sorted({m.record_id for m in search(at.load().all_records(), "elbit")})[:3]
    ['elbit-systems', 'iai', 'ians-2025-11-06']
    """
    import re

    if not isinstance(text, str):
        raise ArgumentTypeError(f"search text must be a str, got {type(text).__name__} {text!r}")
    if not text.strip():
        raise ArgumentError("give some text to search for")
    wanted = re.escape(fold_text(text).strip())
    pattern = re.compile(rf"(?<!\w){wanted}(?!\w)" if whole_word else wanted)
    found: list[Match] = []
    for record in records:
        kind = type(record).__name__.lower()
        for field, value in _texts(record, ""):
            if pattern.search(fold_text(value)):
                found.append(Match(record.id, kind, field, value))
    return found


def _texts(value: Any, prefix: str) -> Iterable[tuple[str, str]]:
    """(field, text) for every searchable text of a record or nested value."""
    for name in _SEARCHED:
        held = getattr(value, name, None)
        if isinstance(held, str) and held:
            yield prefix + name, held
        elif isinstance(held, tuple):
            yield from ((f"{prefix}{name}[{i}]", t) for i, t in enumerate(held) if t)
    if isinstance(getattr(value, "text", None), str):
        yield prefix + "text", value.text
    for index, citation in enumerate(getattr(value, "citations", ())):
        yield f"{prefix}citations[{index}].quote", citation.quote
    for field in NESTED.get(type(value), ()):
        for index, inner in enumerate(getattr(value, field)):
            yield from _texts(inner, f"{prefix}{field}[{index}].")


class Expanded:
    """A record seen with every id it holds replaced by the record that id names.

    Fields that hold no ids read as the record's own; nested values (a delegation's
    engagements, a person's roles) are expanded too.  ``.record`` is the record itself.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> [p.name for p in t.expand(t.meeting("jwg-17")).participants]
    ['Rajesh Kumar Singh', 'Amir Baram']
    """

    __slots__ = ("_by_id", "_value")

    def __init__(self, value: Any, by_id: Mapping[str, Record]) -> None:
        """Expand ``value`` through the look-up ``by_id``."""
        self._value = value
        self._by_id = by_id

    @property
    def record(self) -> Any:
        """The record (or nested value) as stored, with its ids.

        >>> import agreement_tracker as at
        >>> t = at.load()
        >>> t.expand(t.meeting("jwg-17")).record.participants
        ('rajesh-kumar-singh', 'amir-baram')
        """
        return self._value

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._value, name)
        if name in REFERENCES.get(type(self._value), {}):
            if isinstance(value, tuple):
                return tuple(self._by_id[v] for v in value)
            return None if value is None else self._by_id[value]
        if name in NESTED.get(type(self._value), ()):
            return tuple(Expanded(inner, self._by_id) for inner in value)
        return value

    def __repr__(self) -> str:
        return f"Expanded({self._value!r})"


@attrs.frozen
class Provenance:
    """One value of a list field and the sources whose quotes for that field name it.

    >>> import agreement_tracker as at
    >>> rows = at.load().provenance("mou-2025-11-defence-cooperation", "focus_areas")
    >>> rows["cyber-security"].sources
    ('report-2025-11-05', 'exam-2025-11', 'ians-2025-11-06')
    """

    value: str
    label: str
    citations: tuple[Citation, ...]

    @property
    def id(self) -> str:
        """The value itself, so that rows can be looked up by it.

        >>> import agreement_tracker as at
        >>> at.load().provenance("jwg-17", "co_chairs")[0].id
        'rajesh-kumar-singh'
        """
        return self.value

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources that name the value, each once, in citation order.

        >>> import agreement_tracker as at
        >>> at.load().provenance("jwg-17", "co_chairs")[0].sources
        ('report-2025-11-05', 'ians-2025-11-06')
        """
        return tuple(dict.fromkeys(c.source for c in self.citations))


def _names_in(text: str, names: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``names`` as whole words.

    The words of a name may be written apart, hyphenated or run together ("cyber
    security", "cybersecurity").
    """
    import re

    folded = fold_text(text)
    for name in names:
        words = re.findall(r"\w+|[^\w\s-]", fold_text(name))
        if words:
            pattern = r"[\s-]*".join(map(re.escape, words))
            if re.search(rf"(?<!\w){pattern}(?!\w)", folded):
                return True
    return False


def provenance(record: Any, field: str, names: Mapping[str, Sequence[str]]) -> list[Provenance]:
    """For each value of ``record``'s list ``field``, the citations of the field naming it.

    A citation names a value when it supports ``field`` and its quote holds one of the
    value's ``names`` as whole words (case and accents ignored; a name's words may be
    written apart, hyphenated or run together).  A value no quote names
    gets no citations: it is the curator's (see the record's ``inferred``).

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> rows = provenance(t.meeting("jwg-17"), "co_chairs",
    ...                   {"rajesh-kumar-singh": ["Singh"], "amir-baram": ["Baram"]})
    >>> [(r.value, r.sources) for r in rows]
    [('rajesh-kumar-singh', ('report-2025-11-05', 'ians-2025-11-06')), ('amir-baram', ('report-2025-11-05', 'ians-2025-11-06'))]
    """
    cited = field_citations(record, field)
    return [
        Provenance(
            value,
            (names.get(value) or [value])[0],
            tuple(c for c in cited if _names_in(c.quote, names.get(value, ()))),
        )
        for value in getattr(record, field)
    ]
