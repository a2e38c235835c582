"""The :class:`Tracker`: an immutable, validated, indexed set of records, and :func:`load`.

>>> import agreement_tracker as at
>>> t = at.load()
>>> t.data_version
'1.0.0'
>>> len(t.meetings), len(t.agreements)
(6, 1)
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import operator
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from . import _snapshot, query
from ._text import close_matches, or_list
from .countries import ALIASES, lookup_code
from .countries import NAMES as COUNTRY_NAMES
from .dates import DateLike, day_ordinal
from .exceptions import DatasetError, NoMatchError, UnknownRecordError
from .model import (
    Agreement,
    AgreementKind,
    Citation,
    Delegation,
    Discrepancy,
    Event,
    FocusArea,
    Meeting,
    Organisation,
    Person,
    Record,
    Series,
    Source,
)
from .query import Mode, TimelineEntry
from .records import Records
from .serialize import RECORD_TYPES
from .storage import (
    FILES,
    MAX_BYTES,
    Loaded,
    _Local,
    _OnDisk,
    gc_paused,
    read_dataset,
    write_folder,
    write_json,
)
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

    from .render import Summaries
from .vocabulary import problems as vocabulary_problems

__all__ = ["Tracker", "load", "validate"]

_WS = re.compile(r"\s+")
_NAME_PUNCT = re.compile(r"[^\w\s]")

R = TypeVar("R")


def normalise_text(text: str) -> str:
    r"""Collapse every run of whitespace to one space and strip the ends.

    This is the whitespace normalisation under which quotes must match their sources.

    >>> normalise_text("  India and\n\n Israel ")
    'India and Israel'
    """
    return _WS.sub(" ", text).strip()


def _name_key(name: str) -> str:
    return " ".join(_NAME_PUNCT.sub(" ", name.casefold()).split())


class _Metadata(NamedTuple):
    name: str
    version: str
    description: str = ""
    license: str | None = None
    citation: str | None = None


class Tracker:
    """An immutable, validated collection of records with indexes and query helpers.

    Build one with :func:`load` (the bundled dataset) or :meth:`from_path`.  Records are
    grouped by kind in tuples sorted by id; look-ups by id are dictionary look-ups.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> [m.id for m in t.mous("cyber security")]
    ['mou-2025-11-defence-cooperation']
    >>> t.last_meeting("JWG", as_of="2025-11-01").number
    16
    >>> [m.id for m in t.meetings_since_last("JWG", as_of="2025-11-01")]
    ['doval-baram-2025-07', 'singh-baram-2025-07-23']
    >>> t.person("Amir Baram").role_label
    'Major General (Res.) Director General'
    """

    def __init__(
        self,
        records: Iterable[Record],
        *,
        name: str = "untitled dataset",
        version: str = "0",
        description: str = "",
        license: str | None = None,
        citation: str | None = None,
        origins: Mapping[str, str] | None = None,
    ) -> None:
        with gc_paused():
            self._build(
                records,
                _Metadata(name, version, description, license, citation),
                dict(origins or {}),
            )

    def _build(self, records: Iterable[Record], meta: _Metadata, origins: dict[str, str]) -> None:
        by_kind: dict[type[Any], list[Any]] = defaultdict(list)
        for record in records:
            by_kind[type(record)].append(record)
        self._meta = meta
        self._origins = origins

        def sort(kind: type[R]) -> tuple[R, ...]:
            return tuple(sorted(by_kind.get(kind, ()), key=lambda r: r.id))

        # Reference data in id order; dated records in date order (undated last).  The
        # dated kinds are sorted together once, on one number per record (equal dates
        # fall in id order); the timeline reuses the order.
        self.sources: Records[Source] = self._wrap("source", sort(Source))
        self.organisations: Records[Organisation] = self._wrap("organisation", sort(Organisation))
        self.people: Records[Person] = self._wrap("person", sort(Person))
        self.meeting_series: Records[Series] = self._wrap("series", sort(Series))
        keys, everything = _timeline_sorted(by_kind)
        ordered: dict[type[Any], list[Any]] = {
            Agreement: [],
            Meeting: [],
            Delegation: [],
            Event: [],
        }
        for record in everything:
            ordered[type(record)].append(record)
        self.meetings: Records[Meeting] = self._wrap("meeting", ordered[Meeting])
        self.agreements: Records[Agreement] = self._wrap("agreement", ordered[Agreement])
        self.delegations: Records[Delegation] = self._wrap("delegation", ordered[Delegation])
        self.events: Records[Event] = self._wrap("event", ordered[Event])
        # The vocabulary keeps file order: it is curated display order.
        self.focus_areas: Vocabulary = Vocabulary(by_kind.get(FocusArea, ()))
        problems = cross_problems(self.all_records(), self._origins)
        if problems:
            raise DatasetError(problems)
        self._build_indexes(everything, keys)

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_path(cls, path: str | Path, *, max_bytes: int = MAX_BYTES) -> Tracker:
        """Load a dataset: a folder like the bundled one, a ``.toml`` file or a ``.json`` file.

        Every problem in every file is collected and raised together as one
        :class:`DatasetError`; nothing is half-loaded.  Files over ``max_bytes`` are
        refused.  See docs/file-format.md for the layouts.

        >>> import agreement_tracker as at
        >>> at.Tracker.from_path("no/such/folder")
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.DatasetError: 1 problem in the dataset:
          no dataset at 'no/such/folder': give a folder, a .toml file or a .json file
        """
        from pathlib import Path

        with gc_paused():  # one pause for reading and building, not two
            return _from_loaded(read_dataset(Path(path), max_bytes=max_bytes))

    def save(self, path: str | Path, format: str = "toml") -> Path:
        """Write the dataset: ``"toml"`` makes a folder, ``"json"`` a single file.

        The output is canonical (records sorted by id, the vocabulary in its order,
        fields in a fixed order, defaults left out) and written atomically; loading it
        back gives an equal tracker.  Returns the path written.

        >>> import agreement_tracker as at, tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     saved = at.load().save(pathlib.Path(folder) / "india-israel.json", format="json")
        ...     at.Tracker.from_path(saved) == at.load()
        True
        """
        from pathlib import Path

        target = Path(path)
        metadata = {
            "name": self.name,
            "version": self.data_version,
            "description": self.description or None,
            "license": self._meta.license,
            "citation": self._meta.citation,
        }
        if format == "json":
            write_json(target, metadata, self.all_records())
        elif format == "toml":
            write_folder(target, metadata, self.all_records())
        else:
            raise ValueError(f"format must be 'toml' or 'json', got {format!r}")
        return target

    def with_records(self, *records: Record, on_conflict: str = "error") -> Tracker:
        """A new tracker with ``records`` added; this one is unchanged.

        A record whose id is already used is an error naming both origins, unless
        ``on_conflict`` is ``"replace"`` (the new record wins) or ``"keep"`` (the
        existing one stays).  The result is validated as a whole.

        >>> import agreement_tracker as at, attrs
        >>> t = at.load()
        >>> renamed = attrs.evolve(t.meeting("jwg-16"), title="JWG 16")
        >>> t.with_records(renamed)
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.DatasetError: 1 problem in the dataset:
          id 'jwg-16' is in meetings.toml and in the new records; pass on_conflict='replace' or 'keep' @ <memory>[jwg-16].id
        >>> t.with_records(renamed, on_conflict="replace").meeting("jwg-16").title
        'JWG 16'
        """
        return self._combined(records, {}, on_conflict, "the new records")

    def merge(self, other: Tracker, *, on_conflict: str = "error") -> Tracker:
        """A new tracker holding the records of both; metadata comes from this one.

        Conflicting ids are an error naming both origins unless ``on_conflict`` is
        ``"replace"`` (``other`` wins) or ``"keep"`` (this one wins).

        >>> import agreement_tracker as at
        >>> t = at.load()
        >>> t.merge(t, on_conflict="keep") == t
        True
        """
        return self._combined(
            tuple(other.all_records()), other._origins, on_conflict, "the other dataset"
        )

    def _combined(
        self,
        records: Sequence[Record],
        origins: Mapping[str, str],
        on_conflict: str,
        label: str,
    ) -> Tracker:
        if on_conflict not in ("error", "replace", "keep"):
            raise ValueError(
                f"on_conflict must be 'error', 'replace' or 'keep', got {on_conflict!r}"
            )
        incoming = {r.id: r for r in records}
        clashes = [i for i in incoming if i in self._by_id and self._by_id[i] != incoming[i]]
        if clashes and on_conflict == "error":
            raise DatasetError(
                [
                    f"id {i!r} is in {self._origins.get(i, '<memory>')} and in {label}"
                    f"{' (' + origins[i] + ')' if i in origins else ''}; "
                    f"pass on_conflict='replace' or 'keep' @ <memory>[{i}].id"
                    for i in clashes
                ]
            )
        keep_mine = on_conflict == "keep"
        merged: dict[str, Record] = {}
        new_origins = dict(self._origins)
        for record in self.all_records():
            merged[record.id] = record
        for record in records:
            if record.id in merged and (keep_mine or merged[record.id] == record):
                continue
            merged[record.id] = record
            if record.id in origins:
                new_origins[record.id] = origins[record.id]
            else:
                new_origins.pop(record.id, None)
        return Tracker(merged.values(), origins=new_origins, **self._metadata_kwargs())

    def _metadata_kwargs(self) -> dict[str, Any]:
        return {
            "name": self._meta.name,
            "version": self._meta.version,
            "description": self._meta.description,
            "license": self._meta.license,
            "citation": self._meta.citation,
        }

    def __eq__(self, other: object) -> bool:
        """Trackers are equal when their metadata and all their records are equal."""
        if not isinstance(other, Tracker):
            return NotImplemented
        return self._meta == other._meta and _canonical(self) == _canonical(other)

    __hash__ = None  # type: ignore[assignment]

    def _wrap(self, kind: str, items: Iterable[R]) -> Records[R]:
        return Records._make(items, kind, self)

    @property
    def tables(self) -> Summaries:
        """Ready-made summary tables (JWG series, focus matrix, timeline ...), each one call.

        >>> import agreement_tracker as at
        >>> at.load().tables.focus_matrix().rows[2]
        ('Cyber Security', '●')
        """
        from .render import Summaries

        return Summaries(self)

    def _build_indexes(self, everything: list[Any], keys: list[int]) -> None:
        """Build the look-up indexes from the dated records in timeline order and their keys.

        ``keys`` are the packed sort numbers of :func:`_timeline_sorted`.
        """
        self._by_id: dict[str, Record] = {}
        for group in (
            self.sources,
            self.organisations,
            self.people,
            self.meeting_series,
            self.meetings,
            self.agreements,
            self.delegations,
            self.events,
            tuple(self.focus_areas),
        ):
            self._by_id.update(zip(map(_record_id, group), group, strict=True))
        self._people_by_name: dict[str, list[Person]] = defaultdict(list)
        for person in self.people:
            for key in {_name_key(n) for n in (person.id, *person.names)}:
                self._people_by_name[key].append(person)
        self._orgs_by_name: dict[str, list[Organisation]] = defaultdict(list)
        for org in self.organisations:
            for key in {_name_key(n) for n in (org.id, org.name, *org.aliases)}:
                self._orgs_by_name[key].append(org)
        self._series_ids = {series.id: series for series in self.meeting_series}
        self._series_by_name: dict[str, Series] = {}
        for series in self.meeting_series:
            for name in series.names:
                self._series_by_name.setdefault(_name_key(name), series)
        # One pass over the agreements, meetings, delegations and events, in timeline
        # order (so every list below is in that order), makes every other index.
        agreements_at: dict[str, list[Agreement]] = defaultdict(list)
        position: dict[str, int] = {}  # in self.agreements
        by_area: dict[str, list[Agreement]] = defaultdict(list)
        by_kind: dict[AgreementKind, list[Agreement]] = defaultdict(list)
        by_area_kind: dict[tuple[str, AgreementKind], list[Agreement]] = defaultdict(list)
        series_meetings: dict[str, list[Meeting]] = defaultdict(list)
        # Who took part in what, and which country pairs each record involves; country
        # pairs are keyed as sorted (a, b) tuples.
        by_person: dict[str, list[Any]] = defaultdict(list)
        by_pair: dict[tuple[str, str], list[Any]] = defaultdict(list)
        meetings_by_pair: dict[tuple[str, str], list[Meeting]] = defaultdict(list)
        # Timeline entries are made once here, so queries only slice and filter lists.
        entries: list[TimelineEntry] = []
        dated_meetings: list[int] = []  # positions in everything
        kinds = query._KIND_NAMES
        series_parties = {s.id: tuple(sorted(set(s.parties))) for s in self.meeting_series}
        # A series with exactly two parties (most of them) gives its meetings one pair.
        series_pair = {k: v if len(v) == 2 else None for k, v in series_parties.items()}
        # The countries of a meeting with no series come from its place and its
        # participants' roles (the rule of _countries_of, which the tests use as the
        # reference); each person's are worked out once.
        role_countries: dict[str, set[str]] = {}
        for person in self.people:
            role_countries[person.id] = {r.country for r in person.roles if r.country}
        for index, record in enumerate(everything):
            # Everything by kind, inline: this loop runs once per record.  Id tuples hold
            # no repeats (their validator refuses them), nor do parties.
            kind = type(record)
            entry = TimelineEntry(kinds[kind], record)
            entries.append(entry)
            countries: Sequence[str]
            if kind is Meeting:
                for person_id in record.participants:
                    by_person[person_id].append(entry)
                if record.date is not None:
                    dated_meetings.append(index)
                    if record.series:
                        series_meetings[record.series].append(record)
                if record.series:
                    pair = series_pair[record.series]
                    if pair is not None:
                        by_pair[pair].append(entry)
                        meetings_by_pair[pair].append(record)
                        continue
                    countries = series_parties[record.series]
                else:
                    found = {record.place.country} if record.place else set()
                    for person_id in record.participants:
                        found |= role_countries[person_id]
                    countries = sorted(found)
            elif kind is Agreement:
                position[record.id] = len(position)
                by_kind[record.kind].append(record)
                for area in record.focus_areas:
                    by_area[area].append(record)
                    by_area_kind[area, record.kind].append(record)
                if record.meeting:
                    agreements_at[record.meeting].append(record)
                for person_id in record.signatories:
                    by_person[person_id].append(entry)
                countries = record.parties
                if len(countries) == 2:
                    a, b = countries
                    by_pair[(a, b) if a < b else (b, a)].append(entry)
                    continue
                countries = sorted(countries)
            else:
                for person_id in _people_in(record):
                    by_person[person_id].append(entry)
                if kind is Delegation:
                    a, b = record.origin, record.host
                    if a != b:
                        by_pair[(a, b) if a < b else (b, a)].append(entry)
                    continue
                countries = sorted(self._countries_of(record))
            for i, a in enumerate(countries):
                for b in countries[i + 1 :]:
                    by_pair[a, b].append(entry)
                    if kind is Meeting:
                        meetings_by_pair[a, b].append(record)
        self._agreements_at = agreements_at
        self._position = position
        self._by_area = by_area
        self._by_kind = by_kind
        # The answer to "agreements of this kind about this term" for every single term.
        self._by_area_kind = {key: tuple(found) for key, found in by_area_kind.items()}
        # Each series' dated meetings ordered by (latest day, earliest day, number, id), with
        # their latest days beside them, keyed by series id: the last meeting by a day is
        # one look-up and a bisection on the latest days (or a day table made from them).
        self._series_last_index: dict[str, tuple[list[int], list[Meeting]]] = {}
        for series_id, items in series_meetings.items():
            items.sort(key=query.last_key)
            lasts = [m.date.last_ordinal for m in items]  # type: ignore[union-attr]
            self._series_last_index[series_id] = (lasts, items)
        # Each asked-about series' day table (see _series_day_table), made on first use.
        self._series_days: dict[str, tuple[int, int, Sequence[int], list[Meeting]] | None] = {}
        self._entries = entries
        self._by_person = dict(by_person)
        self._by_pair = dict(by_pair)
        # Indexed by day on first use: most pairs are never asked about.
        self._meetings_by_pair: dict[tuple[str, str], list[Meeting] | query.TimeIndex] = dict(
            meetings_by_pair
        )
        # The day indexes reuse the sort keys (see _timeline_sorted).
        dated_count = bisect.bisect_left(keys, _UNDATED)
        firsts = [key >> 25 for key in keys[:dated_count]]
        lasts = [(key >> 3) & _DAY_MASK for key in keys[:dated_count]]
        self._all_dated = query.TimeIndex.from_days(entries[:dated_count], firsts, lasts)
        self._all_meetings = query.TimeIndex.from_days(
            [everything[i] for i in dated_meetings],
            [firsts[i] for i in dated_meetings],
            [lasts[i] for i in dated_meetings],
        )

    # ------------------------------------------------------------------ metadata

    @property
    def name(self) -> str:
        """The dataset's name.

        >>> import agreement_tracker as at
        >>> at.load().name
        'India–Israel defence relations, July 2024 – November 2025'
        """
        return self._meta.name

    @property
    def data_version(self) -> str:
        """The dataset's own version (not the library's).

        >>> import agreement_tracker as at
        >>> at.load().data_version
        '1.0.0'
        """
        return self._meta.version

    @property
    def description(self) -> str:
        """A paragraph describing the dataset.

        >>> import agreement_tracker as at
        >>> at.load().description.startswith("Agreements, meetings")
        True
        """
        return self._meta.description

    def origin(self, record_id: str) -> str:
        """The data file a record was read from (``"<memory>"`` for records built in code).

        >>> import agreement_tracker as at
        >>> at.load().origin("jwg-17")
        'meetings.toml'
        """
        self.record(record_id)
        return self._origins.get(record_id, "<memory>")

    def cite(self) -> str:
        """How to cite the dataset and each of its sources, as plain text.

        >>> import agreement_tracker as at
        >>> print(at.load().cite())  # doctest: +ELLIPSIS
        agreement_tracker bundled dataset "India–Israel defence relations, ... version 1.0.0. ...
        Sources:
          [ani-2025-07-24] (untitled). Agency: ANI. Published 2025-07-24.
          [exam-2025-11] India and Israel Sign Pact to Deepen Defence and Technology Cooperation. Published 2025-11 (inferred).
          [ians-2025-11-06] (untitled). Agency: IANS. Published 2025-11-06. Dateline: Tel Aviv, Israel.
          [key-ally-2025-07] Israel Calls India ‘Key Strategic Ally’, Seeks Deeper Defence Collaboration. Published 2025-07 (inferred).
          [report-2025-11-05] (untitled). Published 2025-11-05.
        """
        template = self._meta.citation or f"{self.name}, version {{version}}."
        lines = [normalise_text(template.format(version=self.data_version)), "Sources:"]
        for source in self.sources:
            parts = [f"[{source.id}] {source.title or '(untitled)'}."]
            for label, org_id in (("Publisher", source.publisher), ("Agency", source.agency)):
                if org_id:
                    parts.append(f"{label}: {self.organisation(org_id).name}.")
            if source.published:
                inferred = any(i.field == "published" for i in source.inferred)
                parts.append(
                    f"Published {source.published.isoformat()}{' (inferred)' if inferred else ''}."
                )
            if source.dateline:
                parts.append(f"Dateline: {source.dateline.label}.")
            if source.url:
                parts.append(source.url)
            lines.append("  " + " ".join(parts))
        return "\n".join(lines)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(group)} {label}"
            for label, group in (
                ("agreements", self.agreements),
                ("meetings", self.meetings),
                ("delegations", self.delegations),
                ("people", self.people),
                ("organisations", self.organisations),
                ("events", self.events),
                ("sources", self.sources),
            )
        )
        return f"<Tracker {self.name!r} v{self.data_version}: {counts}>"

    # ------------------------------------------------------------------ look-ups

    def get(self, record_id: str, default: R | None = None) -> Record | R | None:
        """The record with ``record_id`` (any kind), else ``default``.

        >>> import agreement_tracker as at
        >>> at.load().get("jwg-17").number
        17
        >>> at.load().get("jwg-99") is None
        True
        """
        return self._by_id.get(record_id, default)

    def record(self, record_id: str) -> Record:
        """The record with ``record_id``; raises :class:`UnknownRecordError` with close ids.

        >>> import agreement_tracker as at
        >>> at.load().record("jwg-71")
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.UnknownRecordError: no record 'jwg-71'; did you mean 'jwg-17', 'jwg-16' or 'jwg'?
        """
        _require_text(record_id, "record id")
        found = self._by_id.get(record_id)
        if found is None:
            raise UnknownRecordError(
                "record", record_id, _close(record_id, self._by_id, key=str.casefold)
            )
        return found

    def _typed(self, kind: type[R], label: str, record_id: str) -> R:
        _require_text(record_id, f"{label} id")
        found = self._by_id.get(record_id)
        if isinstance(found, kind):
            return found
        ids = [key for key, value in self._by_id.items() if isinstance(value, kind)]
        raise UnknownRecordError(label, record_id, _close(record_id, ids, key=str.casefold))

    def agreement(self, record_id: str) -> Agreement:
        """The agreement with ``record_id``.

        >>> import agreement_tracker as at
        >>> at.load().agreement("mou-2025-11-defence-cooperation").kind.label
        'MoU'
        """
        return self._typed(Agreement, "agreement", record_id)

    def meeting(self, record_id: str) -> Meeting:
        """The meeting with ``record_id``.

        >>> import agreement_tracker as at
        >>> at.load().meeting("jwg-16").date.isoformat()
        '2024-07'
        """
        return self._typed(Meeting, "meeting", record_id)

    def delegation(self, record_id: str) -> Delegation:
        """The delegation with ``record_id``.

        >>> import agreement_tracker as at
        >>> at.load().delegation("saar-india-2025-11").leader
        'gideon-saar'
        """
        return self._typed(Delegation, "delegation", record_id)

    def event(self, record_id: str) -> Event:
        """The context event with ``record_id``.

        >>> import agreement_tracker as at
        >>> at.load().event("operation-sindoor-2025").date.isoformat()
        '2025-05-07/2025-05-11'
        """
        return self._typed(Event, "event", record_id)

    def source(self, record_id: str) -> Source:
        """The source with ``record_id``.

        >>> import agreement_tracker as at
        >>> at.load().source("exam-2025-11").title
        'India and Israel Sign Pact to Deepen Defence and Technology Cooperation'
        """
        return self._typed(Source, "source", record_id)

    def person(self, name: str) -> Person:
        """The person with this id, name or alias (case and punctuation ignored).

        >>> import agreement_tracker as at
        >>> t = at.load()
        >>> t.person("amir baram").id, t.person("Dr S Jaishankar").id
        ('amir-baram', 's-jaishankar')
        >>> t.person("Rajesh Singh")
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.UnknownRecordError: no person 'Rajesh Singh'; did you mean 'Rajesh Kumar Singh'?
        """
        return self._by_name(self._people_by_name, "person", name, Person)

    def organisation(self, name: str) -> Organisation:
        """The organisation with this id, name or alias (case and punctuation ignored).

        >>> import agreement_tracker as at
        >>> at.load().organisation("Israeli Defence Ministry").id
        'il-mod'
        """
        return self._by_name(self._orgs_by_name, "organisation", name, Organisation)

    def _by_name(self, index: Mapping[str, Sequence[R]], label: str, name: str, kind: type[R]) -> R:
        _require_text(name, f"{label} name")
        exact = self._by_id.get(name)
        if isinstance(exact, kind):
            return exact  # an id always means its own record
        found = index.get(_name_key(name), ())
        if len(found) == 1:
            return found[0]
        if found:
            ids = or_list(r.id for r in found)  # type: ignore[attr-defined]
            raise UnknownRecordError(
                f"unique {label}", name, hint=f"it names {ids}; look them up by id"
            )
        raise UnknownRecordError(label, name, _suggest_names(name, _unique(index)))

    def series(self, name: str) -> Series:
        """The meeting series with this id, name, short name or alias.

        >>> import agreement_tracker as at
        >>> at.load().series("joint working group").short_name
        'JWG'
        >>> at.load().series("JGW")
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.UnknownRecordError: no series 'JGW'; did you mean 'JWG'?
        """
        if type(name) is str:
            exact = self._series_ids.get(name)
            if exact is not None:
                return exact  # an id always means its own series
        if isinstance(name, Series):
            return name
        _require_text(name, "series name")
        found = self._series_by_name.get(_name_key(name))
        if found is None:
            names = [
                n
                for s in self.meeting_series
                for n in (s.short_name, s.name, *s.aliases, s.id)
                if n
            ]
            raise UnknownRecordError("series", name, _close(name, names, key=_name_key))
        return found

    def focus_area(self, term: str) -> FocusArea:
        """The focus area named ``term`` (id, label or synonym).

        >>> import agreement_tracker as at
        >>> at.load().focus_area("R&D").label
        'Research and Development'
        """
        return self.focus_areas.lookup(term)

    def country(self, code_or_name: str) -> str:
        """The ISO 3166-1 alpha-2 code for a code or English country name.

        >>> import agreement_tracker as at
        >>> at.load().country("israel"), at.load().country("IN"), at.load().country("UK")
        ('IL', 'IN', 'GB')
        """
        _require_text(code_or_name, "country")
        found = lookup_code(code_or_name)
        if found is not None:
            return found
        names = [*COUNTRY_NAMES.values(), *ALIASES]
        raise UnknownRecordError(
            "country", code_or_name, close_matches(code_or_name, names, key=str.casefold)
        )

    def agreements_at(self, meeting: str) -> Records[Agreement]:
        """Agreements linked to a meeting (signed at it, or just before or after).

        >>> import agreement_tracker as at
        >>> [a.id for a in at.load().agreements_at("jwg-17")]
        ['mou-2025-11-defence-cooperation']
        """
        self.meeting(meeting)
        return self._wrap("agreement", self._agreements_at.get(meeting, ()))

    def citations(self, record_id: str) -> tuple[tuple[Citation, Source], ...]:
        """Every citation of a record (nested ones included) with its source.

        >>> import agreement_tracker as at
        >>> [(c.source, s.label) for c, s in at.load().citations("jwg-16")][0]
        ('key-ally-2025-07', 'Israel Calls India ‘Key Strategic Ally’, Seeks Deeper Defence Collaboration')
        """
        record = self.record(record_id)
        return tuple((c, self.source(c.source)) for c in _all_citations(record))

    # ------------------------------------------------------------------ queries

    def agreements_about(
        self, domain: str | FocusArea | None = None, *, kind: str | AgreementKind | None = None
    ) -> Records[Agreement]:
        """Agreements whose focus areas match ``domain`` (synonyms, case and hierarchy).

        An umbrella term matches agreements tagged with any term below it.  ``kind``
        narrows to one :class:`AgreementKind` (``"mou"``, ``"treaty"`` ...).

        >>> import agreement_tracker as at
        >>> [a.id for a in at.load().agreements_about("unmanned systems", kind="mou")]
        ['mou-2025-11-defence-cooperation']
        >>> at.load().agreements_about("cyber securty")
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.UnknownRecordError: no focus area 'cyber securty'; did you mean 'Cyber Security'?
        """
        wanted_kind = _agreement_kind(kind)
        if domain is None:
            found = self.agreements if wanted_kind is None else self._by_kind.get(wanted_kind, [])
            return self._wrap("agreement", found)
        areas = [a.id for a in self.focus_areas.descendants(domain)]
        if len(areas) == 1 and wanted_kind is not None:
            return self._wrap("agreement", self._by_area_kind.get((areas[0], wanted_kind), ()))
        lists = [self._by_area[a] for a in areas if a in self._by_area]
        if len(lists) == 1:
            candidates: Iterable[Agreement] = lists[0]
        else:
            unique = {a.id: a for group in lists for a in group}
            candidates = sorted(unique.values(), key=lambda a: self._position[a.id])
        return self._wrap(
            "agreement", (a for a in candidates if wanted_kind is None or a.kind is wanted_kind)
        )

    def mous(self, domain: str | FocusArea | None = None) -> Records[Agreement]:
        """MoUs whose focus areas match ``domain`` (all MoUs when ``domain`` is None).

        >>> import agreement_tracker as at
        >>> [m.title for m in at.load().mous(domain="emerging technologies")]
        ['India–Israel MoU on defence cooperation']
        """
        return self.agreements_about(domain, kind=AgreementKind.MOU)

    def mous_by_domain(self) -> dict[FocusArea, list[Agreement]]:
        """Each focus area that MoUs are tagged with, mapped to those MoUs.

        Keys follow the vocabulary's order and include only terms an MoU names directly
        (an umbrella appears only when an MoU is tagged with it).

        >>> import agreement_tracker as at
        >>> by_domain = at.load().mous_by_domain()
        >>> [area.label for area in by_domain][:3]
        ['Emerging technologies', 'Artificial Intelligence', 'Cyber Security']
        >>> len(by_domain)
        17
        """
        tagged: dict[str, list[Agreement]] = defaultdict(list)
        for mou in self._by_kind.get(AgreementKind.MOU, []):
            for area in mou.focus_areas:
                tagged[area].append(mou)
        return {area: tagged[area.id] for area in self.focus_areas if area.id in tagged}

    def last_meeting(self, series: str, as_of: DateLike | None = None) -> Meeting:
        """The latest meeting of ``series`` known to have taken place on or before ``as_of``.

        ``as_of`` defaults to today.  A meeting dated only "July 2024" has taken place by
        2024-07-31 but is not known to have by 2024-07-15.  Raises :class:`NoMatchError`
        when no meeting qualifies.

        >>> import agreement_tracker as at
        >>> t = at.load()
        >>> t.last_meeting("JWG").id
        'jwg-17'
        >>> t.last_meeting("JWG", as_of="2025-11-03").id
        'jwg-16'
        """
        return self._last_meeting(self.series(series), self._as_of(as_of))

    def _last_meeting(self, chosen: Series, day: int) -> Meeting:
        """The last meeting of ``chosen`` known to have taken place by the ordinal ``day``."""
        lasts, meetings = self._series_last_index.get(chosen.id, ([], []))
        position = bisect.bisect_right(lasts, day)
        if position == 0:
            raise NoMatchError(self._no_meeting_message(chosen, day))
        return meetings[position - 1]

    def _series_day_table(self, series_id: str, lasts: list[int], meetings: list[Meeting]) -> None:
        """Index a series' last meeting by every day from its first meeting's end to its last.

        ``table[day - lasts[0]]`` is the position of the last meeting by ``day``, the same
        as ``bisect_right(lasts, day) - 1``, in one step instead of a bisection (about
        0.1 µs less for a series of 600 meetings).  Two bytes a day (four for a series of
        over 65,536 meetings), made only for series that are asked about; a series whose
        meetings span more than 100,000 days (274 years) is marked None and keeps the
        bisection.
        """
        first, size = lasts[0], lasts[-1] - lasts[0] + 1
        if size > _MAX_DAY_TABLE:
            self._series_days[series_id] = None
            return
        from array import array  # an extension module: imported when first needed

        table = array("H" if len(meetings) <= 0x10000 else "I")
        for position, (last, after) in enumerate(
            zip(lasts, [*lasts[1:], first + size], strict=True)
        ):
            if after > last:  # meetings ending on the same day: the last of them counts
                table.extend(array(table.typecode, [position]) * (after - last))
        self._series_days[series_id] = (first, size, table, meetings)

    def _no_meeting_message(self, series: Series, day: int) -> str:
        message = (
            f"no meeting of series {series.id!r} is known to have taken place on or before "
            f"{_dt.date.fromordinal(day)}"
        )
        possible = sorted(
            (
                m
                for m in self._series_last_index.get(series.id, ([], []))[1]
                if m.date and m.date.first_ordinal <= day
            ),
            key=query.timeline_key,
        )
        if possible:
            m = possible[0]
            assert m.date is not None
            message += (
                f"; {m.id} ({m.date.isoformat()}) may have, but its date is not precise "
                "enough to tell"
            )
        return message

    def meetings_since_last(self, series: str, as_of: DateLike | None = None) -> Records[Meeting]:
        """Meetings (of any kind) since the last meeting of ``series``, up to ``as_of``.

        Only meetings between the series' parties count (for the India–Israel JWG, those
        involving both India and Israel); a series with fewer than two parties counts
        every meeting.  See :mod:`agreement_tracker.query` for the date rule: same-day
        meetings count, the series meeting itself does not, and only meetings known to
        have taken place by ``as_of`` are included.  In date order.

        >>> import agreement_tracker as at
        >>> [m.id for m in at.load().meetings_since_last("JWG", as_of="2025-11-30")]
        ['saar-jaishankar-2025-11', 'singh-katz-2025-11']
        """
        chosen = self.series(series)
        day = self._as_of(as_of)
        last = self._last_meeting(chosen, day)
        assert last.date is not None
        index = self._all_meetings
        if len(chosen.parties) >= 2:
            first, second = sorted(chosen.parties[:2])
            pair = (first, second)
            found_index = self._meetings_by_pair.get(pair, [])
            if not isinstance(found_index, query.TimeIndex):
                found_index = query.TimeIndex(found_index, ordered=True)
                self._meetings_by_pair[pair] = found_index
            index = found_index
        found = index.starting_between(last.date.last_ordinal, day)
        return self._wrap("meeting", (m for m in found if m is not last))

    def known_by(self, records: Records[R], as_of: DateLike) -> Records[R]:
        """Those of ``records`` known to have happened on or before ``as_of``.

        A record qualifies when its latest possible day is on or before ``as_of``;
        undated records never do.

        >>> import agreement_tracker as at
        >>> t = at.load()
        >>> [m.id for m in t.known_by(t.meetings, "2025-07-22")]
        ['jwg-16']
        """
        day = day_ordinal(as_of, what="as_of")
        kept = [
            r for r in records if (d := query.item_date(r)) is not None and d.last_ordinal <= day
        ]
        return self._wrap(records.kind, kept)

    def meetings_in_series(self, series: str) -> Records[Meeting]:
        """Every meeting of a series, in date order.

        >>> import agreement_tracker as at
        >>> [m.number for m in at.load().meetings_in_series("JWG")]
        [16, 17]
        """
        chosen = self.series(series).id
        return self._wrap("meeting", (m for m in self.meetings if m.series == chosen))

    def involving(self, person: str) -> Records[TimelineEntry]:
        """Timeline of every agreement, meeting, delegation and event a person is part of.

        >>> import agreement_tracker as at
        >>> [e.id for e in at.load().involving("Israel Katz")]
        ['singh-katz-2025-11', 'singh-israel-2025-11']
        """
        who = self.person(person).id
        return self._wrap("timeline", self._by_person.get(who, ()))

    def between_countries(self, first: str, second: str) -> Records[TimelineEntry]:
        """Timeline of records that involve both countries (codes or English names).

        Agreements count by their parties, delegations by origin and host, events by their
        countries, and meetings by their series' parties or, failing that, by the
        countries of their participants' roles and their place.

        >>> import agreement_tracker as at
        >>> len(at.load().between_countries("India", "Israel"))
        10
        >>> [e.id for e in at.load().between_countries("IN", "PK")]
        ['operation-sindoor-2025']
        """
        a, b = sorted((self.country(first), self.country(second)))
        if a == b:
            raise ValueError(f"give two different countries, got {first!r} and {second!r}")
        records = self._by_pair.get((a, b), ())
        return self._wrap("timeline", records)

    def _countries_of(self, record: Agreement | Meeting | Delegation | Event) -> set[str]:
        if isinstance(record, Agreement):
            return set(record.parties)
        if isinstance(record, Delegation):
            return {record.origin, record.host}
        if isinstance(record, Event):
            return set(record.countries)
        if record.series:
            return set(self.series(record.series).parties)
        found = {record.place.country} if record.place else set()
        for person_id in record.participants:
            person = self._by_id[person_id]
            assert isinstance(person, Person)
            found.update(r.country for r in person.roles if r.country)
        return found

    def between(
        self, start: DateLike, end: DateLike, *, mode: Mode = "certain"
    ) -> Records[TimelineEntry]:
        """Timeline of records dated within ``start..end`` (inclusive).

        ``mode="certain"`` keeps records known to fall inside; ``mode="possible"`` also
        those whose imprecise date overlaps the window.

        >>> import agreement_tracker as at
        >>> t = at.load()
        >>> [e.id for e in t.between("2024-07-01", "2024-07-15")]
        []
        >>> [e.id for e in t.between("2024-07-01", "2024-07-15", mode="possible")]
        ['jwg-16']
        """
        if mode not in ("certain", "possible"):
            raise ValueError(f"mode must be 'certain' or 'possible', got {mode!r}")
        first = _dt.date.fromordinal(day_ordinal(start, what="start"))
        last = _dt.date.fromordinal(day_ordinal(end, what="end"))
        if first > last:
            raise ValueError(f"start {first} is after end {last}")
        return self._wrap("timeline", self._all_dated.within(first, last, mode))

    def timeline(self) -> Records[TimelineEntry]:
        """Every agreement, meeting, delegation and event in date order; undated ones last.

        >>> import agreement_tracker as at
        >>> [e.id for e in at.load().timeline()][:3]
        ['october-7-attacks-2023', 'jwg-16', 'netanyahu-ndtv-interview-2025']
        """
        return self._wrap("timeline", self._entries)

    def discrepancies(self) -> Records[Discrepancy]:
        """Every field on which sources disagree, with each source's claim and quote.

        >>> import agreement_tracker as at
        >>> for d in at.load().discrepancies():
        ...     print(d.record_id, d.field, d.values)
        mou-2025-11-defence-cooperation meeting_timing ('during', 'after')
        mou-2025-11-defence-cooperation signed ('2025-11-04', '2025-11-05')
        """
        found: list[Discrepancy] = []
        for record in sorted(self._by_id.values(), key=lambda r: r.id):
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
        return self._wrap("discrepancy", found)

    def all_records(self) -> Iterable[Record]:
        """Every record of every kind, kind by kind.

        The order is sources, organisations, people, focus areas, series, meetings,
        agreements, delegations, events.

        >>> import agreement_tracker as at
        >>> sum(1 for _ in at.load().all_records())
        66
        """
        yield from self.sources
        yield from self.organisations
        yield from self.people
        yield from self.focus_areas
        yield from self.meeting_series
        yield from self.meetings
        yield from self.agreements
        yield from self.delegations
        yield from self.events

    def _as_of(self, as_of: DateLike | None) -> int:
        """``as_of`` (today when None) as a day ordinal."""
        if as_of is None:
            return _dt.date.today().toordinal()
        return day_ordinal(as_of, what="as_of")


_UNDATED = 1 << 50
#: The widest span, in days, that a series' day table covers (see Tracker._series_day_table).
_MAX_DAY_TABLE = 100_000
_DAY_MASK = (1 << 22) - 1


def _timeline_sorted(
    by_kind: Mapping[type[Any], Sequence[Any]],
) -> tuple[list[int], list[Any]]:
    """Dated records in :func:`query.timeline_key` order, with their sort numbers.

    A record's number packs its first day, its last day (22 bits each, enough for any
    Gregorian ordinal) and its kind's rank, with undated records after all dated ones;
    records with equal numbers are put in id order.  A million records sort on plain
    integers, which is twice as fast as sorting them on ``(number, id)`` pairs.
    """
    records: list[Any] = []
    numbers: list[int] = []
    for cls, field in (
        (Agreement, "signed"),
        (Meeting, "date"),
        (Delegation, "dates"),
        (Event, "date"),
    ):
        rank = query._KIND_ORDER[cls.__name__.lower()]
        when_of = operator.attrgetter(field)
        for record in by_kind.get(cls, ()):
            when = when_of(record)
            if when is None:
                number = _UNDATED | rank
            else:
                number = (when.first_ordinal << 25) | (when.last_ordinal << 3) | rank
            records.append(record)
            numbers.append(number)
    order = sorted(range(len(numbers)), key=numbers.__getitem__)
    numbers = [numbers[i] for i in order]
    records = [records[i] for i in order]
    start, count = 0, len(numbers)
    while start < count:  # each run of equal numbers in id order
        end, number = start + 1, numbers[start]
        while end < count and numbers[end] == number:
            end += 1
        if end - start > 1:
            records[start:end] = sorted(records[start:end], key=_record_id)
        start = end
    return numbers, records


_record_id = operator.attrgetter("id")


def _people_in(record: Agreement | Meeting | Delegation | Event) -> set[str]:
    """Everyone a record involves: participants, signatories, leader, members, people met."""
    if isinstance(record, Meeting):
        return set(record.participants)
    if isinstance(record, Agreement):
        return set(record.signatories)
    if isinstance(record, Delegation):
        found = {record.leader, *record.members}
        for stop in record.engagements:
            found.update(stop.people)
        return found
    return set(record.people)


def _require_text(value: object, what: str) -> None:
    """Raise a clear TypeError when a look-up key is not a string."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, got {type(value).__name__} {value!r}")


def _canonical(tracker: Tracker) -> tuple[Any, ...]:
    return (
        tuple(tracker.focus_areas),
        tuple(
            sorted(
                (r for r in tracker.all_records() if not isinstance(r, FocusArea)),
                key=lambda r: (type(r).__name__, r.id),
            )
        ),
    )


def _suggest_names(wanted: str, records: Sequence[Any]) -> list[str]:
    """The main name of up to three records with a name close to ``wanted``, best first."""
    import difflib  # only error messages need it

    key = _name_key(wanted)
    scored: list[tuple[float, str]] = []
    for record in records:
        best = 0.0
        for name in _names(record):
            other = _name_key(name)
            for candidate in (other, *other.split()):
                ratio = difflib.SequenceMatcher(None, key, candidate).ratio()
                if key and (key in other.split() or other.startswith(key)):
                    ratio = max(ratio, 0.8)
                best = max(best, ratio)
        if best >= 0.6:
            scored.append((best, _names(record)[0]))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [name for _, name in scored[:3]]


def _unique(index: Mapping[str, Sequence[R]]) -> list[R]:
    seen: dict[int, R] = {}
    for group in index.values():
        for item in group:
            seen.setdefault(id(item), item)
    return list(seen.values())


def _names(record: Any) -> tuple[str, ...]:
    return tuple(record.names) if hasattr(record, "names") else (record.name, *record.aliases)


_close = close_matches


def _agreement_kind(kind: str | AgreementKind | None) -> AgreementKind | None:
    if kind is None or isinstance(kind, AgreementKind):
        return kind
    _require_text(kind, "agreement kind")
    for member in AgreementKind:
        if kind.casefold() in (member.value, member.label.casefold()):
            return member
    choices = [k.value for k in AgreementKind]
    raise UnknownRecordError(
        "agreement kind",
        kind,
        close_matches(kind, choices, n=2, key=str.casefold),
        hint=f"choose one of {', '.join(choices)}",
    )


def _all_citations(record: Any) -> list[Citation]:
    found = list(record.citations)
    found += [claim.citation for claim in getattr(record, "claims", ())]
    for role in getattr(record, "roles", ()):
        found += role.citations
    for engagement in getattr(record, "engagements", ()):
        found += engagement.citations
    return found


_LABELS: dict[type[Any], str] = {
    Source: "source",
    Organisation: "organisation",
    Person: "person",
    FocusArea: "focus area",
    Series: "series",
    Meeting: "meeting",
    Agreement: "agreement",
    Delegation: "delegation",
    Event: "event",
}
_KIND_LABELS = {
    "source": "source",
    "organisation": "organisation",
    "person": "person",
    "focus_area": "focus area",
    "series": "series",
    "meeting": "meeting",
    "agreement": "agreement",
    "delegation": "delegation",
    "event": "event",
}


def cross_problems(
    records: Iterable[Record],
    origins: Mapping[str, str],
    *,
    assume: Mapping[str, set[str] | None] | None = None,
) -> list[str]:
    """Every cross-record problem: duplicate ids, unresolved references, quotes not found.

    ``assume`` names ids (by record-kind key, e.g. ``"person"``) to treat as existing:
    records that failed to load, so that references to them are not reported twice;
    ``None`` for a kind means any id of that kind.

    >>> import agreement_tracker as at
    >>> cross_problems(at.load().all_records(), {})
    []
    """
    problems: list[str] = []

    def where(record_id: str, field: str) -> str:
        return f"{origins.get(record_id, '<memory>')}[{record_id}].{field}"

    # One pass groups the records; each kind's ids, and whether any id is reused, follow.
    by_label: dict[str, list[Any]] = {label: [] for label in _LABELS.values()}
    for record in records:
        by_label[_LABELS[type(record)]].append(record)
    ids = {label: set(map(_record_id, items)) for label, items in by_label.items()}
    count = sum(map(len, by_label.values()))
    if sum(map(len, ids.values())) != count or len(set().union(*ids.values())) != count:
        # Some id is used twice: report each reuse, in order.
        owner: dict[str, str] = {}
        for label, items in by_label.items():
            for record in items:
                if record.id in owner:
                    problems.append(
                        f"duplicate id {record.id!r} (already used by a {owner[record.id]}) "
                        f"@ {where(record.id, 'id')}"
                    )
                owner.setdefault(record.id, label)
    groups = list(by_label.items())
    anything: set[str] = set()
    for key, assumed in (assume or {}).items():
        if assumed is None:
            anything.add(_KIND_LABELS[key])
        else:
            ids[_KIND_LABELS[key]] |= assumed
    texts = {s.id: normalise_text(s.text) for s in by_label["source"]}

    def ref(record_id: str, field: str, kind: str, value: str | None) -> None:
        if value is not None and value not in ids[kind] and kind not in anything:
            hint = _close(value, ids[kind])
            suffix = f"; did you mean {hint[0]!r}?" if hint else ""
            problems.append(f"unknown {kind} {value!r}{suffix} @ {where(record_id, field)}")

    def refs(record_id: str, field: str, kind: str, values: Sequence[str]) -> None:
        known = ids[kind]
        if known.issuperset(values):
            return
        for index, value in enumerate(values):
            if value not in known:  # locations are spelt out only for problems
                ref(record_id, f"{field}[{index}]", kind, value)

    def cites(record_id: str, field: str, citations: Iterable[Citation]) -> None:
        for index, citation in enumerate(citations):
            text = texts.get(citation.source)
            if text is None:
                if citation.source not in ids["source"] and "source" not in anything:
                    ref(record_id, f"{field}[{index}].source", "source", citation.source)
            # A quote found as written is found normalised too (the text has no other
            # whitespace than single spaces), so most quotes skip normalising.
            elif citation.quote not in text and normalise_text(citation.quote) not in text:
                problems.append(
                    f"quote not found verbatim in source {citation.source!r}: "
                    f"{_shorten(citation.quote)!r} @ {where(record_id, f'{field}[{index}].quote')}"
                )

    # The loops below settle the common case inline (every reference known, every quote
    # found as written) and call the functions above, which spell out locations, only
    # for a record that may have a problem.
    text_of = texts.get
    for _, items in groups:
        for record in items:
            for citation in record.citations:
                text = text_of(citation.source)
                if text is None or citation.quote not in text:
                    cites(record.id, "citations", record.citations)
                    break
            for index, claim in enumerate(record.claims):
                cites(record.id, f"claims[{index}].citation", (claim.citation,))
    for source in by_label["source"]:
        ref(source.id, "publisher", "organisation", source.publisher)
        ref(source.id, "agency", "organisation", source.agency)
    for org in by_label["organisation"]:
        ref(org.id, "parent", "organisation", org.parent)
    for person in by_label["person"]:
        for index, role in enumerate(person.roles):
            ref(person.id, f"roles[{index}].organisation", "organisation", role.organisation)
            cites(person.id, f"roles[{index}].citations", role.citations)
    numbered: dict[tuple[str, int], list[str]] = defaultdict(list)
    for meeting in by_label["meeting"]:
        if meeting.series and meeting.number is not None:
            numbered[(meeting.series, meeting.number)].append(meeting.id)
    people, areas = ids["person"], ids["focus area"]
    for meeting in by_label["meeting"]:
        if meeting.series is not None and meeting.series not in ids["series"]:
            ref(meeting.id, "series", "series", meeting.series)
        if not people.issuperset(meeting.participants):
            refs(meeting.id, "participants", "person", meeting.participants)
        if not areas.issuperset(meeting.focus_areas):
            refs(meeting.id, "focus_areas", "focus area", meeting.focus_areas)
        if meeting.series and meeting.number is not None:
            same = numbered[(meeting.series, meeting.number)]
            others = [m for m in same if m != meeting.id] if len(same) > 1 else None
            if others:
                problems.append(
                    f"{meeting.series} number {meeting.number} is also used by "
                    f"{or_list(others)} @ {where(meeting.id, 'number')}"
                )
    for agreement in by_label["agreement"]:
        if not people.issuperset(agreement.signatories):
            refs(agreement.id, "signatories", "person", agreement.signatories)
        if not areas.issuperset(agreement.focus_areas):
            refs(agreement.id, "focus_areas", "focus area", agreement.focus_areas)
        ref(agreement.id, "meeting", "meeting", agreement.meeting)
    for delegation in by_label["delegation"]:
        if delegation.leader not in people:
            ref(delegation.id, "leader", "person", delegation.leader)
        if not people.issuperset(delegation.members):
            refs(delegation.id, "members", "person", delegation.members)
        for index, stop in enumerate(delegation.engagements):
            base = f"engagements[{index}]"
            ref(delegation.id, f"{base}.meeting", "meeting", stop.meeting)
            refs(delegation.id, f"{base}.organisations", "organisation", stop.organisations)
            refs(delegation.id, f"{base}.people", "person", stop.people)
            cites(delegation.id, f"{base}.citations", stop.citations)
    for event in by_label["event"]:
        refs(event.id, "people", "person", event.people)
        refs(event.id, "organisations", "organisation", event.organisations)
    for area_id, field, message in vocabulary_problems(by_label["focus area"]):
        problems.append(f"{message} @ {where(area_id, field)}")
    return problems


def _shorten(text: str, width: int = 60) -> str:
    text = normalise_text(text)
    return text if len(text) <= width else text[: width - 1] + "…"


@functools.cache
def load() -> Tracker:
    """The bundled dataset, validated and indexed; cached, so later calls are free.

    >>> import agreement_tracker as at
    >>> at.load() is at.load()
    True
    """
    folder = _bundled_data()
    snapshot = _snapshot.fresh(folder)
    if snapshot is not None:
        loaded = read_dataset(snapshot)
        if not loaded.problems:
            # Name the curated files, as a load of the folder would.
            files = {cls: FILES[kind] for kind, cls in RECORD_TYPES.items()}
            loaded.origins = {r.id: files[type(r)] for r in loaded.records}
            return _from_loaded(loaded)
    return _from_loaded(read_dataset(folder))


def _bundled_data() -> Traversable | _OnDisk:
    """The bundled data folder, as a plain path when the package is installed as files.

    Otherwise (a zip import, for example) whatever importlib.resources provides.
    """
    here = _Local(os.path.join(os.path.dirname(__file__), "data"))
    if here.is_dir():
        return here  # this skips importing importlib.resources (and pathlib)
    from importlib.resources import files

    return files("agreement_tracker").joinpath("data")


def validate(path: str | Path, *, max_bytes: int = MAX_BYTES) -> tuple[str, ...]:
    """Every problem in the dataset at ``path`` (empty when it loads cleanly).

    Each problem reads ``message @ file[record-id].field``; nothing is raised for bad
    data, so a checker can report everything at once.

    >>> import agreement_tracker as at
    >>> at.validate("no/such.json")
    ("no dataset at 'no/such.json': give a folder, a .toml file or a .json file",)
    """
    from pathlib import Path

    try:
        with gc_paused():
            _from_loaded(read_dataset(Path(path), max_bytes=max_bytes))
    except DatasetError as error:
        return error.problems
    return ()


def _from_loaded(loaded: Loaded) -> Tracker:
    """Build a tracker from what was read, or raise every problem found at once."""
    problems = list(loaded.problems)
    if problems:
        # Check the records that could be built too, so one run reports everything;
        # references to records that failed are not reported again.
        problems += cross_problems(loaded.records, loaded.origins, assume=loaded.failed)
        raise DatasetError(problems)
    return Tracker(loaded.records, origins=loaded.origins, **loaded.metadata)
