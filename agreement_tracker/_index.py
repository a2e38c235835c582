"""The indexes of a dataset, built once by one plain pass over its records.

The small helpers here say what a record *is* for the queries: its date
(:func:`record_date`), its place on the timeline (:func:`timeline_key`), the people it
involves (:func:`people_in`) and the countries it involves (:func:`countries_of`).
:class:`Index` calls the same helpers while it files every record, so an indexed answer
and a plain scan over the records agree by construction.

>>> import agreement_tracker as at
>>> t = at.load()
>>> sorted(people_in(t.meeting("jwg-17")))
['amir-baram', 'rajesh-kumar-singh']
>>> record_date(t.agreement("mou-2025-11-defence-cooperation")).isoformat()
'2025-11-04'
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from ._kinds import DATED, NESTED, REFERENCES
from ._text import name_key
from .dates import DateBetween, DateRange, PartialDate, When, precision_label
from .model import (
    Agreement,
    AgreementKind,
    Citation,
    Delegation,
    Event,
    LinkRelation,
    Materiel,
    Meeting,
    Organisation,
    Person,
    Record,
    RelationshipFact,
    Series,
    Statement,
)

__all__ = [
    "DERIVED",
    "Dated",
    "Index",
    "Related",
    "TimeIndex",
    "TimelineEntry",
    "countries_of",
    "engagements_span",
    "field_citations",
    "last_key",
    "links_by_record",
    "organisations_in",
    "people_in",
    "record_date",
    "timeline_key",
]

#: A record that can stand on the timeline.
Dated = Agreement | Meeting | Delegation | Event | Statement | RelationshipFact | Materiel

R = TypeVar("R")


def record_date(record: Record) -> When | None:
    """The date that places ``record`` on a timeline, if it has one.

    A delegation without dates of its own is placed by its dated engagements
    (:func:`engagements_span`).

    >>> import agreement_tracker as at
    >>> record_date(at.load().delegation("baram-india-2025-07")).isoformat()
    '2025-07-22/2025-07-23'
    >>> record_date(at.load().delegation("singh-israel-2025-11")).isoformat()
    '[2025-11-04..2025-11-06]/[2025-11-04..2025-11-06]'
    """
    kind = DATED.get(type(record))
    if kind is None or kind.date_field is None:
        return None
    found: When | None = getattr(record, kind.date_field)
    if found is None and isinstance(record, Delegation):
        return engagements_span(record)
    return found


#: Why a delegation's date is its engagements' span (shown beside derived dates).
DERIVED = "no dates of its own: the span of its dated engagements"


def engagements_span(delegation: Delegation) -> When | None:
    """The days a delegation's dated engagements fall in (None when none is dated).

    One dated engagement gives its own date, as do several on the same known days.  Others
    give a range whose ends are as
    uncertain as the engagements make them: it began on or before the first day the
    earliest one can be over (and no sooner than the earliest day any can be), and it
    ended on or after the last day any can begin (and no later than the latest day any
    can be).  An engagement's open start (or end) leaves that bound of the span open.
    The visit may have been longer: this places it, it does not bound it.

    >>> import agreement_tracker as at
    >>> engagements_span(at.load().delegation("saar-india-2025-11")).isoformat()
    '[2025-11-04..2025-11-05]'
    >>> engagements_span(at.load().delegation("singh-israel-2025-11")).isoformat()
    '[2025-11-04..2025-11-06]/[2025-11-04..2025-11-06]'
    """
    dates = [stop.date for stop in delegation.engagements if stop.date is not None]
    if not dates:
        return None
    if len(dates) == 1 or (len(set(dates)) == 1 and not isinstance(dates[0], DateBetween)):
        return dates[0]  # one stop, or stops on the very same known days
    opens = any(d.open_start for d in dates)
    closes = any(d.open_end for d in dates)
    start = _one_of(
        None if opens else min(d.first_ordinal for d in dates), min(d.last_ordinal for d in dates)
    )
    end = _one_of(
        max(d.first_ordinal for d in dates), None if closes else max(d.last_ordinal for d in dates)
    )
    return DateRange(start, end)


def _one_of(lower: int | None, upper: int | None) -> PartialDate | DateBetween:
    """The day ``lower`` (when both are one day), else one of the days between them."""
    day = PartialDate.from_date
    if lower == upper and lower is not None:
        return day(_dt.date.fromordinal(lower))
    return DateBetween(
        None if lower is None else day(_dt.date.fromordinal(lower)),
        None if upper is None else day(_dt.date.fromordinal(upper)),
    )


def timeline_key(record: Dated) -> tuple[int, int, int, int, str]:
    """Sort key of a record on the timeline.

    Dated records come first, by earliest then latest day, then kind (events,
    delegations, meetings, agreements, statements, relationship facts, materiel), then
    id.  An open start counts as the earliest day of all, an open end as the latest.

    >>> import agreement_tracker as at
    >>> timeline_key(at.load().meeting("jwg-17"))[3:]
    (2, 'jwg-17')
    """
    date = record_date(record)
    rank = DATED[type(record)].timeline_rank or 0
    if date is None:
        return (1, 0, 0, rank, record.id)
    return (0, date.first_ordinal, date.last_ordinal, rank, record.id)


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


def people_in(record: Dated) -> set[str]:
    """Everyone a record involves: participants, signatories, leader, members, people met.

    >>> import agreement_tracker as at
    >>> sorted(people_in(at.load().agreement("mou-2025-11-defence-cooperation")))
    ['amir-baram', 'rajesh-kumar-singh']
    """
    if isinstance(record, Meeting):
        return set(record.participants)
    if isinstance(record, Agreement):
        return set(record.signatories)
    if isinstance(record, Delegation):
        found = {record.leader, *record.members}
        for stop in record.engagements:
            found.update(stop.people)
        return found
    if isinstance(record, Statement):
        return {record.speaker} if record.speaker else set()
    return set(getattr(record, "people", ()))


def organisations_in(value: Any) -> set[str]:
    """Every organisation a record (or a nested value) names in its own fields.

    >>> import agreement_tracker as at
    >>> sorted(organisations_in(at.load().delegation("singh-israel-2025-11")))
    ['elbit-systems', 'iai', 'rafael']
    """
    found = {
        held
        for field, kind in REFERENCES.get(type(value), {}).items()
        if kind == "organisation"
        for held in _as_tuple(getattr(value, field))
    }
    for field in NESTED.get(type(value), ()):
        for inner in getattr(value, field):
            found |= organisations_in(inner)
    return found


def _as_tuple(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def countries_of(
    record: Dated,
    series_parties: Callable[[str], Sequence[str]],
    person_countries: Callable[[str], Iterable[str]],
) -> set[str]:
    """The countries a record involves.

    Agreements and relationship facts count by their parties, delegations by origin and
    host, events by their countries and those of their involvements, statements by their
    countries, materiel by supplier and user, and meetings by their series' parties or,
    failing that, by their place and the countries of their participants' roles
    (``series_parties`` and ``person_countries`` look those up).

    >>> import agreement_tracker as at
    >>> sorted(countries_of(at.load().event("operation-sindoor-2025"), None, None))
    ['IN', 'PK']
    """
    if isinstance(record, Agreement | RelationshipFact):
        return set(record.parties)
    if isinstance(record, Delegation):
        return {record.origin, record.host}
    if isinstance(record, Event):
        return set(record.countries) | {i.country for i in record.involved if i.country}
    if isinstance(record, Statement):
        return set(record.countries)
    if isinstance(record, Materiel):
        return {c for c in (record.supplier, record.user) if c}
    if record.series:
        return set(series_parties(record.series))
    found = {record.place.country} if record.place else set()
    for person_id in record.participants:
        found.update(person_countries(person_id))
    return found


@attrs.frozen
class TimelineEntry:
    """One row of a timeline: a record of a kind that stands on it, dated or not.

    >>> import agreement_tracker as at
    >>> entry = at.load().timeline()[3]
    >>> entry.kind, entry.title, entry.date.isoformat(), entry.precision
    ('event', '7 October 2023 attacks in Israel', '2023-10-07', 'day')
    """

    kind: str
    record: Dated

    @classmethod
    def of(cls, record: Dated) -> TimelineEntry:
        """The entry for ``record``, its kind taken from the registry.

        >>> import agreement_tracker as at
        >>> TimelineEntry.of(at.load().meeting("jwg-17")).kind
        'meeting'
        """
        return cls(DATED[type(record)].key, record)

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
        >>> at.load().timeline()[3].title
        '7 October 2023 attacks in Israel'
        """
        record = self.record
        return record.name if isinstance(record, Materiel) else record.title

    @property
    def id(self) -> str:
        """The record's id.

        >>> import agreement_tracker as at
        >>> at.load().timeline()[3].id
        'october-7-attacks-2023'
        """
        return self.record.id

    @property
    def derived(self) -> str | None:
        """Why the entry's date is derived rather than the record's own (None if it is).

        >>> import agreement_tracker as at
        >>> [e.derived for e in at.load().timeline() if e.id == "saar-india-2025-11"]
        ['no dates of its own: the span of its dated engagements']
        """
        if isinstance(self.record, Delegation) and self.record.dates is None and self.date:
            return DERIVED
        return None

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


def item_date(item: Any) -> When | None:
    """The date of a record or of a timeline entry (None when undated).

    >>> import agreement_tracker as at
    >>> item_date(at.load().timeline()[4]).isoformat()
    '2024-07'
    """
    return item.date if isinstance(item, TimelineEntry) else record_date(item)


class TimeIndex:
    """Dated items in timeline order with their earliest and latest days, for bisection.

    :meth:`candidates` narrows a date window to the items that may matter (those that
    start inside it, widened by the longest span, and those with an open end that start
    before it), with their days read once at indexing; the queries apply their rule to those alone, so a query costs what it
    returns, not the size of the dataset.

    >>> import agreement_tracker as at
    >>> index = TimeIndex(at.load().meetings)
    >>> len(index), index.candidates(0, 10**6)[0][0] == at.load().meeting("jwg-16")
    (6, True)
    """

    __slots__ = ("_firsts", "_items", "_lasts", "_open", "_span")

    def __init__(self, items: Iterable[Any]) -> None:
        """Index the dated ones of ``items``, which are in timeline order."""
        dated = [(item, when) for item in items if (when := item_date(item)) is not None]
        self._items = [item for item, _ in dated]
        self._firsts = [when.first_ordinal for _, when in dated]
        self._lasts = [when.last_ordinal for _, when in dated]
        #: Positions of the items with an open end, whose span would widen every window.
        self._open = [i for i, (_, when) in enumerate(dated) if when.is_open]
        closed = [i for i in range(len(dated)) if not dated[i][1].is_open]
        self._span = max((self._lasts[i] - self._firsts[i] for i in closed), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def candidates(
        self, first: int, last: int, *, overlapping: bool = False
    ) -> list[tuple[Any, int, int]]:
        """(item, earliest day, latest day) of items starting in ``first..last``, in order.

        Days are ordinals.  ``overlapping=True`` also takes items that start up to the
        longest span earlier, so that every item that may overlap the window is there.

        >>> import agreement_tracker as at
        >>> index = TimeIndex(at.load().meetings)
        >>> day = at.to_date("2024-07-15").toordinal()
        >>> index.candidates(day, day), [m.id for m, _, _ in index.candidates(day, day, overlapping=True)]
        ([], ['jwg-16'])
        """
        low = first - self._span if overlapping else first
        start = bisect.bisect_left(self._firsts, low)
        end = bisect.bisect_right(self._firsts, last)
        positions: Iterable[int] = range(start, end)
        if overlapping and self._open:
            # items with an open end may reach the window from any earlier start
            positions = [*(i for i in self._open if i < start), *positions]
        return [(self._items[i], self._firsts[i], self._lasts[i]) for i in positions]


class Index:
    """Every look-up table of a dataset, filled by one pass over its records.

    ``records`` maps each record class to its records, each dated kind's in
    :func:`timeline_key` order; the timeline merges them.

    >>> import agreement_tracker as at
    >>> index = at.load()._index
    >>> [m.id for m in index.series_meetings["jwg"]]
    ['jwg-16', 'jwg-17']
    """

    def __init__(self, records: Mapping[type[Any], Sequence[Any]]) -> None:
        """File ``records`` (every kind's records, by class)."""
        self.by_id: dict[str, Record] = {}
        for group in records.values():
            self.by_id.update((r.id, r) for r in group)
        self.timeline: list[Dated] = list(
            heapq.merge(*(records.get(cls, ()) for cls in DATED), key=timeline_key)
        )
        self.entries = [TimelineEntry.of(r) for r in self.timeline]
        people: Sequence[Person] = records.get(Person, ())
        self.series_by_id: dict[str, Series] = {s.id: s for s in records.get(Series, ())}
        self.people_by_name: dict[str, list[Person]] = _by_names(people, lambda p: (p.id, *p.names))
        self.orgs_by_name: dict[str, list[Organisation]] = _by_names(
            records.get(Organisation, ()), lambda o: (o.id, o.name, *o.aliases)
        )
        self.series_by_name: dict[str, Series] = {}
        for series in self.series_by_id.values():
            for name in series.names:
                self.series_by_name.setdefault(name_key(name), series)
        self._role_countries = {p.id: {r.country for r in p.roles if r.country} for p in people}
        self.agreements_at: dict[str, list[Agreement]] = defaultdict(list)
        self.by_area: dict[str, list[Agreement]] = defaultdict(list)
        self.by_kind: dict[AgreementKind, list[Agreement]] = defaultdict(list)
        self.by_area_kind: dict[tuple[str, AgreementKind], list[Agreement]] = defaultdict(list)
        self.series_meetings: dict[str, list[Meeting]] = defaultdict(list)
        self.by_person: dict[str, list[TimelineEntry]] = defaultdict(list)
        self.by_pair: dict[tuple[str, str], list[TimelineEntry]] = defaultdict(list)
        self.by_org: dict[str, list[TimelineEntry]] = defaultdict(list)
        self.by_country: dict[str, list[TimelineEntry]] = defaultdict(list)
        for entry in self.entries:
            self._file(entry)
        for meetings in self.series_meetings.values():
            meetings.sort(key=last_key)
        #: Each series' dated meetings' latest days, in :func:`last_key` order.
        self.series_lasts = {
            key: [m.date.last_ordinal for m in meetings if m.date]
            for key, meetings in self.series_meetings.items()
        }

    def _file(self, entry: TimelineEntry) -> None:
        """Put one dated record in every index it belongs to."""
        record = entry.record
        for person_id in people_in(record):
            self.by_person[person_id].append(entry)
        for org_id in organisations_in(record):
            self.by_org[org_id].append(entry)
        countries = sorted(self.countries_of(record))
        for code in countries:
            self.by_country[code].append(entry)
        for position, first in enumerate(countries):
            for second in countries[position + 1 :]:
                self.by_pair[first, second].append(entry)
        if isinstance(record, Agreement):
            self.by_kind[record.kind].append(record)
            for area in record.focus_areas:
                self.by_area[area].append(record)
                self.by_area_kind[area, record.kind].append(record)
            if record.meeting:
                self.agreements_at[record.meeting].append(record)
        elif isinstance(record, Meeting) and record.series and record.date is not None:
            self.series_meetings[record.series].append(record)

    def countries_of(self, record: Dated) -> set[str]:
        """The countries ``record`` involves (see :func:`countries_of`).

        >>> import agreement_tracker as at
        >>> sorted(at.load()._index.countries_of(at.load().meeting("jwg-17")))
        ['IL', 'IN']
        """
        return countries_of(
            record, lambda s: self.series_by_id[s].parties, self._role_countries.__getitem__
        )

    @functools.cached_property
    def dated(self) -> TimeIndex:
        """Every dated timeline entry, for date windows.

        >>> import agreement_tracker as at
        >>> len(at.load()._index.dated)
        24
        """
        return TimeIndex(self.entries)

    @functools.cached_property
    def meetings(self) -> TimeIndex:
        """Every dated meeting, for "since the last meeting" of a series of fewer than two parties.

        >>> import agreement_tracker as at
        >>> len(at.load()._index.meetings)
        6
        """
        return TimeIndex(e.record for e in self.entries if e.kind == "meeting")

    @functools.cached_property
    def pair_timeline(self) -> dict[tuple[str, str], TimeIndex]:
        """The dated timeline entries involving each pair of countries, for windows.

        >>> import agreement_tracker as at
        >>> len(at.load()._index.pair_timeline["IL", "IN"])
        17
        """
        return {pair: TimeIndex(entries) for pair, entries in self.by_pair.items()}

    @functools.cached_property
    def links(self) -> dict[str, list[Related]]:
        """Every typed link, under both of its ends (see :func:`links_by_record`).

        >>> import agreement_tracker as at
        >>> [r.other for r in at.load()._index.links["pahalgam-attack-2025"]]
        ['singh-baram-2025-07-23']
        """
        return links_by_record(self.by_id.values())

    @functools.cached_property
    def pair_meetings(self) -> dict[tuple[str, str], TimeIndex]:
        """The dated meetings between each pair of countries (sorted codes), for windows.

        >>> import agreement_tracker as at
        >>> len(at.load()._index.pair_meetings["IL", "IN"])
        6
        """
        return {
            pair: TimeIndex(e.record for e in entries if e.kind == "meeting")
            for pair, entries in self.by_pair.items()
        }


@attrs.frozen
class Related:
    """A link seen from one of its ends: the relation in words, the other record, the quotes.

    ``outgoing`` is True when the record asked about holds the link (it *reports*,
    *condemns* ... the other), False when the other record holds it (the record is
    *reported by* it); ``via`` names the field that holds it.

    >>> import agreement_tracker as at
    >>> row = at.load().related("pahalgam-attack-2025")[0]
    >>> row.relation, row.other, row.outgoing
    ('condemned at', 'singh-baram-2025-07-23', False)
    """

    record_id: str
    relation: str
    other: str
    via: str
    outgoing: bool
    citations: tuple[Citation, ...]

    @property
    def id(self) -> str:
        """The other record's id, so that rows can be looked up by it.

        >>> import agreement_tracker as at
        >>> at.load().related("pahalgam-attack-2025")["singh-baram-2025-07-23"].relation
        'condemned at'
        """
        return self.other

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources the link's citations quote, each once.

        >>> import agreement_tracker as at
        >>> at.load().related("pahalgam-attack-2025")[0].sources
        ('ani-2025-07-24',)
        """
        return tuple(dict.fromkeys(c.source for c in self.citations))


def field_citations(record: Any, field: str) -> tuple[Citation, ...]:
    """The record's own citations that support ``field``.

    >>> import agreement_tracker as at
    >>> [c.source for c in field_citations(at.load().meeting("jwg-17"), "co_chairs")]
    ['report-2025-11-05', 'ians-2025-11-06']
    """
    return tuple(c for c in record.citations if field in c.supports)


def links_by_record(records: Iterable[Record]) -> dict[str, list[Related]]:
    """Every typed link of ``records``, filed under both of its ends.

    Links are a record's ``links``, a statement's ``occasion`` (``at``) and ``about``,
    and a materiel item's ``used_in`` (``used-in``).

    >>> import agreement_tracker as at
    >>> found = links_by_record(at.load().all_records())
    >>> [(r.relation, r.other) for r in found["operation-rising-lion"]]
    [('presented at', 'baram-india-2025-07')]
    """
    found: dict[str, list[Related]] = defaultdict(list)

    def add(holder: str, relation: LinkRelation, target: str, via: str, cited: Any) -> None:
        found[holder].append(Related(holder, relation.value, target, via, True, cited))
        found[target].append(Related(target, relation.inverse, holder, via, False, cited))

    for record in records:
        for index, link in enumerate(getattr(record, "links", ())):
            add(record.id, link.relation, link.target, f"links[{index}]", link.citations)
        if isinstance(record, Statement):
            if record.occasion is not None:
                cited = field_citations(record, "occasion")
                add(record.id, LinkRelation.AT, record.occasion, "occasion", cited)
            for index, target in enumerate(record.about):
                cited = field_citations(record, "about")
                add(record.id, LinkRelation.ABOUT, target, f"about[{index}]", cited)
        if isinstance(record, Materiel):
            for index, target in enumerate(record.used_in):
                cited = field_citations(record, "used_in")
                add(record.id, LinkRelation.USED_IN, target, f"used_in[{index}]", cited)
    return dict(found)


def _by_names(records: Iterable[R], names: Callable[[R], Iterable[str]]) -> dict[str, list[R]]:
    """Each record under the key of each of its names (a name shared by two lists both)."""
    found: dict[str, list[R]] = defaultdict(list)
    for record in records:
        for key in dict.fromkeys(map(name_key, names(record))):
            found[key].append(record)
    return dict(found)
