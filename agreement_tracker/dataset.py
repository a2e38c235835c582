"""The :class:`Tracker`: an immutable, validated, indexed set of records, and :func:`load`.

>>> import agreement_tracker as at
>>> t = at.load()
>>> t.data_version
'1.2.0'
>>> len(t.meetings), len(t.agreements)
(6, 1)
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import gc
import operator
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from . import _snapshot, query
from ._checks import all_citations, cross_problems
from ._index import Index, TimelineEntry, timeline_key
from ._kinds import BY_CLASS, DATED, KINDS, REFERENCES
from ._text import NUMBER_WORDS, close_matches, name_key, normalise_text, or_list
from .countries import ALIASES, lookup_code
from .countries import NAMES as COUNTRY_NAMES
from .dates import DateLike, When, day_ordinal
from .exceptions import (
    ArgumentError,
    ArgumentTypeError,
    DatasetError,
    UnknownRecordError,
)
from .model import (
    Agreement,
    AgreementKind,
    Citation,
    Delegation,
    Discrepancy,
    Event,
    FocusArea,
    Materiel,
    Meeting,
    Organisation,
    Person,
    Record,
    RelationshipFact,
    Series,
    Source,
    Statement,
)
from .query import Mode
from .records import Records
from .storage import (
    FILES,
    MAX_BYTES,
    Loaded,
    read_dataset,
    write_folder,
    write_json,
)
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

    from .summaries import Summaries

__all__ = ["Tracker", "load", "normalise_text", "validate"]

R = TypeVar("R")


class _Metadata(NamedTuple):
    name: str
    version: str
    description: str = ""
    license: str | None = None
    citation: str | None = None


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a dataset is read and built.

    Building a large dataset makes millions of objects and no garbage cycles; the
    collector would scan them over and over (measured: loads 1.3-1.6x faster paused).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Tracker:
    """An immutable, validated collection of records with indexes and query helpers.

    Build one with :func:`load` (the bundled dataset) or :meth:`from_path`.  Reference
    records are in id order, dated ones in date order (undated last).  In the examples,
    ``at`` is ``agreement_tracker`` and ``t`` is ``at.load()``.

    >>> t.last_meeting("JWG", as_of="2025-11-01").number
    16
    """

    sources: Records[Source]
    organisations: Records[Organisation]
    people: Records[Person]
    focus_areas: Vocabulary
    meeting_series: Records[Series]
    meetings: Records[Meeting]
    agreements: Records[Agreement]
    delegations: Records[Delegation]
    events: Records[Event]
    statements: Records[Statement]
    relationship_facts: Records[RelationshipFact]
    materiel: Records[Materiel]

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
        with _collector_paused():
            self._meta = _Metadata(name, version, description, license, citation)
            self._origins = dict(origins or {})
            by_class: dict[type[Any], list[Any]] = defaultdict(list)
            for record in records:
                by_class[type(record)].append(record)
            for kind in KINDS.values():
                group = by_class[kind.cls]
                if kind.cls is FocusArea:  # the vocabulary keeps file (display) order
                    self.focus_areas = Vocabulary(group)
                    continue
                group.sort(key=timeline_key if kind.cls in DATED else operator.attrgetter("id"))
                setattr(self, kind.attribute, Records(group, kind=kind.key, tracker=self))
            problems = cross_problems(self.all_records(), self._origins)
            if problems:
                raise DatasetError(problems)
            self._index = Index(by_class)

    @classmethod
    def from_path(
        cls,
        path: str | Path,
        *,
        max_bytes: int = MAX_BYTES,
        base: Tracker | None = None,
        follow_links: bool = False,
    ) -> Tracker:
        """Load a dataset: a folder like the bundled one, a ``.toml`` file or a ``.json`` file.

        Every problem is raised at once (:class:`DatasetError`); nothing is half-loaded.
        ``base`` (e.g. ``at.load()``): the dataset adds to that one.  ``follow_links``:
        accept links that stay inside the dataset.  See docs/file-format.md.

        >>> at.Tracker.from_path("no/such/folder")
        Traceback (most recent call last):
        agreement_tracker.exceptions.DatasetError: 1 problem in the dataset: ...
        """
        from pathlib import Path

        with _collector_paused():
            loaded = read_dataset(Path(path), max_bytes=max_bytes, follow_links=follow_links)
            return _from_loaded(loaded, base)

    def save(self, path: str | Path, format: str = "toml") -> Path:
        """Write the dataset: ``"toml"`` makes a folder, ``"json"`` a single file.

        The output is canonical and loads back equal; a JSON file's name gets ``.json``
        if it lacks it.  Returns the path written.  See docs/file-format.md.

        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     at.Tracker.from_path(t.save(pathlib.Path(folder) / "t", format="json")) == t
        True
        """
        return _save(self, path, format)

    def with_records(self, *records: Record, on_conflict: str = "error") -> Tracker:
        """A new tracker with ``records`` added; this one is unchanged.

        A reused id is an error unless ``on_conflict`` is ``"replace"`` or ``"keep"``.

        >>> import attrs
        >>> renamed = attrs.evolve(t.meeting("jwg-16"), title="JWG 16")
        >>> t.with_records(renamed, on_conflict="replace").meeting("jwg-16").title
        'JWG 16'
        """
        return _combine(self, records, {}, on_conflict, "the new records")

    def merge(self, other: Tracker, *, on_conflict: str = "error") -> Tracker:
        """A new tracker holding the records of both; metadata comes from this one.

        Conflicting ids are an error naming both origins unless ``on_conflict`` is
        ``"replace"`` (``other`` wins) or ``"keep"`` (this one wins).

        >>> t.merge(t, on_conflict="keep") == t
        True
        """
        records = tuple(other.all_records())
        return _combine(self, records, other._origins, on_conflict, "the other dataset")

    def __eq__(self, other: object) -> bool:
        """Trackers are equal when their metadata and all their records are equal."""
        if not isinstance(other, Tracker):
            return NotImplemented
        return self._meta == other._meta and _canonical(self) == _canonical(other)

    __hash__ = None  # type: ignore[assignment]

    @property
    def tables(self) -> Summaries:
        """Ready-made summary tables (JWG series, focus matrix, timeline ...), each one call.

        >>> t.tables.focus_matrix().rows[2]
        ('Cyber Security', '●')
        """
        from .summaries import Summaries

        return Summaries(self)

    @property
    def name(self) -> str:
        """The dataset's name.

        >>> t.name
        'India–Israel defence relations, July 2024 – November 2025'
        """
        return self._meta.name

    @property
    def data_version(self) -> str:
        """The dataset's own version (not the library's).

        >>> t.data_version
        '1.2.0'
        """
        return self._meta.version

    @property
    def description(self) -> str:
        """A paragraph describing the dataset.

        >>> t.description.startswith("Agreements, meetings")
        True
        """
        return self._meta.description

    def origin(self, record_id: str) -> str:
        """The data file a record was read from (``"<memory>"`` for records built in code).

        >>> t.origin("jwg-17")
        'meetings.toml'
        """
        self.record(record_id)
        return self._origins.get(record_id, "<memory>")

    def cite(self, style: str = "text") -> str:
        """How to cite the dataset and its sources: ``"text"``, ``"bibtex"`` or ``"csl-json"``.

        The dataset's ``citation`` text may hold ``{version}`` and ``{sources}`` (the
        number of sources, in words); nothing else in it is interpreted.

        >>> t.cite().splitlines()[1], t.cite(style="bibtex").count("@misc")
        ('Year: 2025. Licence: CC-BY-4.0.', 6)
        """
        return _citation_text(self) if style == "text" else _citation(self, style)

    def __repr__(self) -> str:
        shown: tuple[str, ...] = ("agreement", "meeting", "delegation", "person")
        shown += ("organisation", "event", "statement", "source")
        counts = ", ".join(
            f"{len(getattr(self, KINDS[k].attribute))} {KINDS[k].attribute}" for k in shown
        )
        return f"<Tracker {self.name!r} v{self.data_version}: {counts}>"

    def get(self, record_id: str, default: R | None = None) -> Record | R | None:
        """The record with ``record_id`` (any kind), else ``default``.

        >>> t.get("jwg-17").number
        17
        >>> t.get("jwg-99") is None
        True
        """
        return self._index.by_id.get(record_id, default)

    def record(self, record_id: str) -> Record:
        """The record with ``record_id``; raises :class:`UnknownRecordError` with close ids.

        >>> t.record("jwg-71")
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.UnknownRecordError: no record 'jwg-71'; did you mean 'jwg-17', 'jwg-16' or 'jwg'?
        """
        return _find(self._index, object, "record", record_id)  # type: ignore[return-value]

    def agreement(self, record_id: str) -> Agreement:
        """The agreement with ``record_id``.

        >>> t.agreement("mou-2025-11-defence-cooperation").kind.label
        'MoU'
        """
        return _find(self._index, Agreement, "agreement", record_id)

    def meeting(self, record_id: str) -> Meeting:
        """The meeting with ``record_id``.

        >>> t.meeting("jwg-16").date.isoformat()
        '2024-07'
        """
        return _find(self._index, Meeting, "meeting", record_id)

    def delegation(self, record_id: str) -> Delegation:
        """The delegation with ``record_id``.

        >>> t.delegation("saar-india-2025-11").leader
        'gideon-saar'
        """
        return _find(self._index, Delegation, "delegation", record_id)

    def event(self, record_id: str) -> Event:
        """The context event with ``record_id``.

        >>> t.event("operation-sindoor-2025").date.isoformat()
        '2025-05-07/[2025-05-10..2025-05-12]'
        """
        return _find(self._index, Event, "event", record_id)

    def statement(self, record_id: str) -> Statement:
        """The statement with ``record_id``.

        >>> t.statement("baram-key-ally-2025-07-24").speaker
        'amir-baram'
        """
        return _find(self._index, Statement, "statement", record_id)

    def source(self, record_id: str) -> Source:
        """The source with ``record_id``.

        >>> t.source("exam-2025-11").title
        'India and Israel Sign Pact to Deepen Defence and Technology Cooperation'
        """
        return _find(self._index, Source, "source", record_id)

    def person(self, name: str) -> Person:
        """The person with this id, name or alias (case and punctuation ignored).

        >>> t.person("amir baram").id, t.person("Dr S Jaishankar").id
        ('amir-baram', 's-jaishankar')
        """
        return _find_named(self, self._index.people_by_name, "person", name, Person)

    def organisation(self, name: str) -> Organisation:
        """The organisation with this id, name or alias (case and punctuation ignored).

        >>> t.organisation("Israeli Defence Ministry").id
        'il-mod'
        """
        return _find_named(self, self._index.orgs_by_name, "organisation", name, Organisation)

    def series(self, name: str) -> Series:
        """The meeting series with this id, name, short name or alias.

        >>> t.series("joint working group").short_name
        'JWG'
        """
        return name if isinstance(name, Series) else _find_series(self, name)

    def focus_area(self, term: str) -> FocusArea:
        """The focus area named ``term`` (id, label or synonym).

        >>> t.focus_area("R&D").label
        'Research and Development'
        """
        return self.focus_areas.lookup(term)

    def country(self, code_or_name: str) -> str:
        """The ISO 3166-1 alpha-2 code for a code or English country name.

        >>> t.country("israel"), t.country("IN"), at.load().country("UK")
        ('IL', 'IN', 'GB')
        """
        return _country_code(code_or_name)

    def agreements_at(self, meeting: str) -> Records[Agreement]:
        """Agreements linked to a meeting (signed at it, or just before or after).

        >>> [a.id for a in t.agreements_at("jwg-17")]
        ['mou-2025-11-defence-cooperation']
        """
        self.meeting(meeting)
        return self._wrap("agreement", self._index.agreements_at.get(meeting, ()))

    def citations(self, record_id: str) -> tuple[tuple[Citation, Source], ...]:
        """Every citation of a record (nested ones included) with its source.

        >>> [(c.source, s.label) for c, s in t.citations("jwg-16")][0]
        ('key-ally-2025-07', 'Israel Calls India ‘Key Strategic Ally’, Seeks Deeper Defence Collaboration')
        """
        record = self.record(record_id)
        return tuple((c, self.source(c.source)) for c in all_citations(record))

    def agreements_about(
        self, domain: str | FocusArea | None = None, *, kind: str | AgreementKind | None = None
    ) -> Records[Agreement]:
        """Agreements whose focus areas match ``domain`` (synonyms, case and hierarchy).

        An umbrella term matches the terms below it; ``kind`` narrows to one
        :class:`AgreementKind` (``"mou"``, ``"treaty"`` ...).

        >>> [a.id for a in t.agreements_about("unmanned systems", kind="mou")]
        ['mou-2025-11-defence-cooperation']
        """
        wanted = _agreement_kind(kind)
        if domain is None:
            found = self.agreements if wanted is None else self._index.by_kind.get(wanted, [])
            return self._wrap("agreement", found)
        areas = [a.id for a in self.focus_areas.descendants(domain)]
        return self._wrap("agreement", query.agreements_about(self._index, areas, wanted))

    def mous(self, domain: str | FocusArea | None = None) -> Records[Agreement]:
        """MoUs whose focus areas match ``domain`` (all MoUs when ``domain`` is None).

        >>> [m.title for m in t.mous(domain="emerging technologies")]
        ['India–Israel MoU on defence cooperation']
        """
        return self.agreements_about(domain, kind=AgreementKind.MOU)

    def mous_by_domain(self) -> dict[FocusArea, list[Agreement]]:
        """Each focus area that MoUs are tagged with, mapped to those MoUs.

        Keys follow the vocabulary's order; only terms an MoU names directly appear.

        >>> [area.label for area in t.mous_by_domain()][:3]
        ['Emerging technologies', 'Artificial Intelligence', 'Cyber Security']
        """
        tagged = self._index.by_area_kind
        mou = AgreementKind.MOU
        return {a: list(tagged[a.id, mou]) for a in self.focus_areas if (a.id, mou) in tagged}

    def last_meeting(self, series: str, as_of: DateLike | None = None) -> Meeting:
        """The latest meeting of ``series`` known to have taken place on or before ``as_of``.

        ``as_of`` defaults to today (the local date).  A "July 2024" meeting has taken
        place by 2024-07-31, not by 2024-07-15.  :class:`NoMatchError` when none has.

        >>> t.last_meeting("JWG", as_of="2025-11-03").id
        'jwg-16'
        """
        chosen, day = self.series(series), self._as_of(as_of)
        return query.last_meeting(self._index, chosen, day, strict=True)

    def meetings_since_last(self, series: str, as_of: DateLike | None = None) -> Records[Meeting]:
        """Meetings (of any kind) since the last meeting of ``series``, up to ``as_of``.

        Only meetings between the series' parties count; same-day meetings count, the
        series meeting itself does not (the rules: :mod:`agreement_tracker.query`).

        >>> [m.id for m in t.meetings_since_last("JWG", as_of="2025-11-03")]
        ['doval-baram-2025-07', 'singh-baram-2025-07-23']
        """
        chosen, day = self.series(series), self._as_of(as_of)
        last = self.last_meeting(chosen.id, _dt.date.fromordinal(day))
        return self._wrap("meeting", query.meetings_since(self._index, chosen, last, day))

    def since_last(self, series: str, as_of: DateLike | None = None) -> Records[TimelineEntry]:
        """Everything (meetings, agreements, visits, events) since the last meeting of ``series``.

        The rule of :meth:`meetings_since_last`, over the whole timeline.

        >>> [e.id for e in t.since_last("JWG", as_of="2025-11-30")]
        ['in-mod-x-post-2025-11-06']
        """
        chosen, day = self.series(series), self._as_of(as_of)
        last = self.last_meeting(chosen.id, _dt.date.fromordinal(day))
        found = query.meetings_since(self._index, chosen, last, day, kinds="all")
        return self._wrap("timeline", found)

    def related(self, record_id: str) -> Records[query.Related]:
        """Every typed link from or to a record, read from its side, with the quotes.

        >>> [(r.relation, r.other) for r in t.related("singh-baram-2025-07-23")][:2]
        [('condemns', 'pahalgam-attack-2025'), ('condemns', 'october-7-attacks-2023')]
        """
        self.record(record_id)  # an unknown id is an error naming close ids
        return self._wrap("related", self._index.links.get(record_id, ()))

    def provenance(self, record_id: str, field: str) -> Records[query.Provenance]:
        """Which sources name each value of a record's list field (focus areas, people ...).

        >>> rows = t.provenance("mou-2025-11-defence-cooperation", "focus_areas")
        >>> rows["cyber-security"].sources
        ('report-2025-11-05', 'exam-2025-11', 'ians-2025-11-06')
        """
        return self._wrap("provenance", _provenance(self, self.record(record_id), field))

    def expand(self, record: Record) -> query.Expanded:
        """``record`` with every id it holds replaced by the record it names.

        >>> t.expand(t.agreement("mou-2025-11-defence-cooperation")).meeting.number
        17
        """
        held = self.record(record.id)  # an error for a record the tracker does not hold
        return query.Expanded(record if held is record else held, self._index.by_id)

    def search(self, text: str, *, whole_word: bool = True) -> Records[query.Match]:
        """Every title, name, outcome, description, quote and source text where ``text`` occurs.

        Case and accents are ignored; whole words by default.

        >>> [(m.record_id, m.field) for m in t.search("Elbit")][:2]
        [('ians-2025-11-06', 'text'), ('elbit-systems', 'name')]
        """
        found = query.search(self.all_records(), text, whole_word=whole_word)
        return self._wrap("match", found)

    def known_by(self, records: Records[R], as_of: DateLike) -> Records[R]:
        """Those of ``records`` known to have happened on or before ``as_of``.

        That is, its latest possible day is on or before ``as_of``; undated never are.

        >>> [m.id for m in t.known_by(t.meetings, "2025-07-22")]
        ['jwg-16']
        """
        day = day_ordinal(as_of, what="as_of")
        kept = [r for r in records if query.taken_place_by(query.item_date(r), day)]
        return self._wrap(records.kind, kept)

    def meetings_in_series(self, series: str) -> Records[Meeting]:
        """Every meeting of a series, in date order.

        >>> [m.number for m in t.meetings_in_series("JWG")]
        [16, 17]
        """
        chosen = self.series(series).id
        return self._wrap("meeting", (m for m in self.meetings if m.series == chosen))

    def involving(self, name: str) -> Records[TimelineEntry]:
        """Timeline of everything a person, an organisation or a country is part of.

        ``name`` is looked up as a person, then an organisation (records that name it),
        then a country (as :meth:`between_countries` counts them).

        >>> [e.id for e in t.involving("Rafael")], len(t.involving("Pakistan"))
        (['singh-israel-2025-11'], 1)
        """
        return self._wrap("timeline", _involving(self, name))

    def between_countries(self, first: str, second: str) -> Records[TimelineEntry]:
        """Timeline of records that involve both countries (codes or English names).

        How a record's countries are found: :func:`agreement_tracker._index.countries_of`.

        >>> [e.id for e in t.between_countries("IN", "PK")]
        ['operation-sindoor-2025']
        """
        pair = _country_pair(first, second)
        return self._wrap("timeline", self._index.by_pair.get(pair, ()))

    def between(
        self, start: DateLike | When, end: DateLike | When, *, mode: Mode = "certain"
    ) -> Records[TimelineEntry]:
        """Timeline of records dated within ``start..end`` (inclusive).

        A bound may be a day, a month or a year (its whole span), or a date object;
        ``mode="possible"`` adds records that may fall inside.

        >>> [e.id for e in t.between("2024-07-01", "2024-07-15")]
        []
        >>> [e.id for e in t.between("2024-07-01", "2024-07-15", mode="possible")][-2:]
        ['saar-global-superpower-2025', 'jwg-16']
        """
        return self._wrap("timeline", query.between(self._index, start, end, mode))

    def timeline(self) -> Records[TimelineEntry]:
        """Every record of the kinds on the timeline, by date: open starts first, undated last.

        >>> [e.id for e in t.timeline()][3:6]
        ['october-7-attacks-2023', 'jwg-16', 'netanyahu-ndtv-interview-2025']
        """
        return self._wrap("timeline", self._index.entries)

    def discrepancies(self) -> Records[Discrepancy]:
        """Every field on which sources disagree, with each source's claim and quote.

        >>> for d in t.discrepancies():
        ...     print(d.record_id, d.field, d.values)
        mou-2025-11-defence-cooperation meeting_timing ('during', 'after')
        """
        return self._wrap("discrepancy", query.discrepancies(self.all_records()))

    def all_records(self) -> Iterator[Record]:
        """Every record, kind by kind, in the registry's order (sources first).

        >>> sum(1 for _ in t.all_records())
        81
        """
        for kind in KINDS.values():
            yield from getattr(self, kind.attribute)

    def _wrap(self, kind: str, items: Iterable[R]) -> Records[R]:
        return Records(items, kind=kind, tracker=self)

    def _as_of(self, as_of: DateLike | None) -> int:
        """``as_of`` (today, the local date, when None) as a day ordinal."""
        return _dt.date.today().toordinal() if as_of is None else day_ordinal(as_of, what="as_of")

    def export(self, format: str, path: str | Path) -> Path:
        """Write the dataset as ``format`` to ``path``; see :mod:`agreement_tracker.export`.

        >>> import agreement_tracker as at, tempfile, pathlib
        >>> at.load().export("sqlite", pathlib.Path(tempfile.mkdtemp()) / "t.db").name
        't.db'
        """
        from .export import export

        return export(self, format, path, license=self._meta.license)


def _provenance(tracker: Tracker, record: Any, field: str) -> list[query.Provenance]:
    """:func:`query.provenance` for a list field of ids, with the names of what they name."""
    kind = REFERENCES.get(type(record), {}).get(field)
    value = getattr(record, field, None)
    if kind is None or not isinstance(value, tuple):
        fields = [
            f
            for f, k in REFERENCES.get(type(record), {}).items()
            if isinstance(getattr(record, f), tuple)
        ]
        label = f"{BY_CLASS[type(record)].label} {record.id!r}"
        choices = f"choose from {or_list(fields)}" if fields else "it has none"
        raise ArgumentError(f"{field!r} is not a list field of ids of {label}; {choices}")
    names = {}
    for held in value:
        target = tracker.record(held)
        found = [getattr(target, n, None) for n in ("label", "name", "title", "short_name")]
        found += [*getattr(target, "aliases", ()), *getattr(target, "synonyms", ())]
        names[held] = [n for n in found if n]
    return query.provenance(record, field, names)


def _country_pair(first: str, second: str) -> tuple[str, str]:
    """Two different countries' codes, sorted, or an error."""
    a, b = sorted((_country_code(first), _country_code(second)))
    if a == b:
        raise ArgumentError(f"give two different countries, got {first!r} and {second!r}")
    return a, b


def _save(tracker: Tracker, path: str | Path, format: str) -> Path:
    """What :meth:`Tracker.save` does."""
    from pathlib import Path

    writers = {"json": write_json, "toml": write_folder}
    if format not in writers:
        raise ArgumentError(f"format must be 'toml' or 'json', got {format!r}")
    target = Path(path)
    if format == "json" and target.suffix.lower() != ".json":
        target = target.with_name(target.name + ".json")  # what from_path reads
    metadata = tracker._meta._asdict()
    metadata["description"] = tracker.description or None
    writers[format](target, metadata, tracker.all_records())
    return target


def _combine(
    tracker: Tracker,
    records: Sequence[Record],
    origins: Mapping[str, str],
    on_conflict: str,
    label: str,
) -> Tracker:
    if on_conflict not in ("error", "replace", "keep"):
        raise ArgumentError(
            f"on_conflict must be 'error', 'replace' or 'keep', got {on_conflict!r}"
        )
    mine = tracker._index.by_id
    clashes = [r.id for r in records if r.id in mine and mine[r.id] != r]
    if clashes and on_conflict == "error":
        raise DatasetError(
            [
                f"id {i!r} is in {tracker._origins.get(i, '<memory>')} and in {label}"
                f"{' (' + origins[i] + ')' if i in origins else ''}; "
                f"pass on_conflict='replace' or 'keep' @ <memory>[{i}].id"
                for i in dict.fromkeys(clashes)
            ]
        )
    merged: dict[str, Record] = {r.id: r for r in tracker.all_records()}
    new_origins = dict(tracker._origins)
    for record in records:
        if record.id in merged and (on_conflict == "keep" or merged[record.id] == record):
            continue
        merged[record.id] = record
        if record.id in origins:
            new_origins[record.id] = origins[record.id]
        else:
            new_origins.pop(record.id, None)
    return Tracker(merged.values(), origins=new_origins, **tracker._meta._asdict())


def _citation(tracker: Tracker, style: str) -> str:
    """The dataset's citation as BibTeX or CSL-JSON (see :mod:`agreement_tracker.export`)."""
    from .export import citation

    styles = {"bibtex": citation.bibtex, "csl-json": citation.csl}
    if style not in styles:
        raise ArgumentError(f"style must be 'text', 'bibtex' or 'csl-json', got {style!r}")
    return styles[style](tracker, license=tracker._meta.license)


def _citation_text(tracker: Tracker) -> str:
    """The text of :meth:`Tracker.cite`."""
    template = tracker._meta.citation or f"{tracker.name}, version {{version}}."
    text = template.replace("{version}", tracker.data_version)
    text = text.replace("{sources}", _in_words(len(tracker.sources)))
    years = [
        s.published.latest.year for s in tracker.sources if s.published and not s.published.open_end
    ]
    facts = [f"Year: {max(years)}."] if years else []
    if tracker._meta.license:
        facts.append(f"Licence: {tracker._meta.license}.")
    from . import __version__

    software = f"Software: agreement_tracker {__version__}, MIT licence (see CITATION.cff)."
    lines = [normalise_text(text), *([" ".join(facts)] if facts else []), software, "Sources:"]
    for source in tracker.sources:
        parts = [f"[{source.id}] {source.title or '(untitled)'}."]
        for label, org_id in (("Publisher", source.publisher), ("Agency", source.agency)):
            if org_id:
                parts.append(f"{label}: {tracker.organisation(org_id).name}.")
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


def _find(index: Index, kind: type[R], label: str, record_id: str) -> R:
    """The record of class ``kind`` with ``record_id``, or an error naming close ids."""
    _require_text(record_id, f"{label} id")
    found = index.by_id.get(record_id)
    if found is not None and isinstance(found, kind):
        return found
    ids = [key for key, value in index.by_id.items() if isinstance(value, kind)]
    raise UnknownRecordError(label, record_id, close_matches(record_id, ids, key=str.casefold))


def _find_named(
    tracker: Tracker, index: Mapping[str, Sequence[R]], label: str, name: str, kind: type[R]
) -> R:
    """The one record of ``kind`` with this id or name, or an error with close names."""
    _require_text(name, f"{label} name")
    exact = tracker._index.by_id.get(name)
    if isinstance(exact, kind):
        return exact  # an id always means its own record
    found = index.get(name_key(name), ())
    if len(found) == 1:
        return found[0]
    if found:
        ids = or_list(r.id for r in found)  # type: ignore[attr-defined]
        raise UnknownRecordError(
            f"unique {label}", name, hint=f"it names {ids}; look them up by id"
        )
    raise UnknownRecordError(
        label, name, _suggest_names(name, getattr(tracker, BY_CLASS[kind].attribute))
    )


def _find_series(tracker: Tracker, name: str) -> Series:
    """The series with this id or name, or an error naming close names."""
    _require_text(name, "series name")
    index = tracker._index
    found = index.series_by_id.get(name) or index.series_by_name.get(name_key(name))
    if found is None:
        series = tracker.meeting_series
        names = [n for s in series for n in (s.short_name, s.name, *s.aliases, s.id) if n]
        raise UnknownRecordError("series", name, close_matches(name, names, key=name_key))
    return found


def _country_code(code_or_name: str) -> str:
    """The alpha-2 code for ``code_or_name``, or an error naming close country names."""
    _require_text(code_or_name, "country")
    found = lookup_code(code_or_name)
    if found is not None:
        return found
    names = [*COUNTRY_NAMES.values(), *ALIASES]
    raise UnknownRecordError(
        "country", code_or_name, close_matches(code_or_name, names, key=str.casefold)
    )


def _involving(tracker: Tracker, name: str) -> Sequence[TimelineEntry]:
    """The timeline entries of the person, organisation or country ``name``."""
    _require_text(name, "name")
    index = tracker._index
    for finder, held in (
        (tracker.person, index.by_person),
        (tracker.organisation, index.by_org),
    ):
        try:
            return held.get(finder(name).id, [])
        except UnknownRecordError as error:
            if error.kind.startswith("unique"):
                raise
    code = lookup_code(name)
    if code is not None:
        return index.by_country.get(code, [])
    suggestions = _suggest_names(name, [*tracker.people, *tracker.organisations])
    suggestions += close_matches(name, COUNTRY_NAMES.values(), key=str.casefold)
    raise UnknownRecordError("person, organisation or country", name, suggestions[:3])


def _in_words(count: int) -> str:
    """A count as English words up to twelve, else digits."""
    return NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)


def _require_text(value: object, what: str) -> None:
    """Raise a clear TypeError when a look-up key is not a string."""
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{what} must be a str, got {type(value).__name__} {value!r}")


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

    key = name_key(wanted)
    scored: list[tuple[float, str]] = []
    for record in records:
        names = tuple(record.names) if hasattr(record, "names") else (record.name, *record.aliases)
        best = 0.0
        for name in names:
            other = name_key(name)
            for candidate in (other, *other.split()):
                ratio = difflib.SequenceMatcher(None, key, candidate).ratio()
                if key and (key in other.split() or other.startswith(key)):
                    ratio = max(ratio, 0.8)
                best = max(best, ratio)
        if best >= 0.6:
            scored.append((best, names[0]))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [name for _, name in scored[:3]]


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


@functools.cache
def load() -> Tracker:
    """The bundled dataset, validated and indexed; cached, so later calls are free.

    >>> import agreement_tracker as at
    >>> at.load() is at.load()
    True
    """
    folder = _bundled_data()
    snapshot = _snapshot.fresh(folder)
    with _collector_paused():
        if snapshot is not None:
            loaded = read_dataset(snapshot)
            if not loaded.problems:
                # Name the curated files, as a load of the folder would.
                files = {kind.cls: FILES[key] for key, kind in KINDS.items()}
                loaded.origins = {r.id: files[type(r)] for r in loaded.records}
                return _from_loaded(loaded)
        return _from_loaded(read_dataset(folder))


def _bundled_data() -> Path | Traversable:
    """The bundled data folder: a path when the package is installed as files.

    Otherwise (a zip import, for example) whatever importlib.resources provides.
    """
    from pathlib import Path

    here = Path(__file__).parent / "data"
    if here.is_dir():
        return here
    from importlib.resources import files

    return files("agreement_tracker").joinpath("data")


def validate(
    path: str | Path,
    *,
    max_bytes: int = MAX_BYTES,
    base: Tracker | None = None,
    follow_links: bool = False,
) -> tuple[str, ...]:
    """Every problem in the dataset at ``path`` (empty when it loads cleanly).

    Each problem reads ``message @ file[record-id].field``; nothing is raised for bad
    data, so a checker can report everything at once.  ``base`` and ``follow_links``
    are as for :meth:`Tracker.from_path`.

    >>> import agreement_tracker as at
    >>> at.validate("no/such.json")
    ("no dataset at 'no/such.json': give a folder, a .toml file or a .json file",)
    """
    try:
        Tracker.from_path(path, max_bytes=max_bytes, base=base, follow_links=follow_links)
    except DatasetError as error:
        return error.problems
    return ()


def _from_loaded(loaded: Loaded, base: Tracker | None = None) -> Tracker:
    """Build a tracker from what was read (added to ``base``), or raise every problem."""
    records, origins = list(loaded.records), dict(loaded.origins)
    if base is not None:
        reused = {r.id for r in records} & set(base._index.by_id)
        problems = [
            f"id {i!r} is also in the base dataset ({base._origins.get(i, '<memory>')}) "
            f"@ {origins.get(i, '<memory>')}[{i}].id"
            for i in sorted(reused)
        ]
        if problems:
            raise DatasetError([*loaded.problems, *problems])
        origins.update({i: f"base: {o}" for i, o in base._origins.items()})
        records += base.all_records()
    if loaded.problems:
        # Check the records that could be built too, so one run reports everything;
        # references to records that failed are not reported again.
        problems = cross_problems(records, origins, assume=loaded.failed)
        raise DatasetError([*loaded.problems, *problems])
    return Tracker(records, origins=origins, **loaded.metadata)
