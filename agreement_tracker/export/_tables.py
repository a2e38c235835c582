"""The flat tables every export writes: made once, from the public API and the registry.

Each record kind is a table named after its ``Tracker`` attribute (``meetings``,
``meeting_series``, ``statements`` ...); every tuple of ids, texts or countries is a
link table ``{table}_{field}``; nested values (a person's roles, a delegation's
engagements, an event's links, involvements and quantities ...) are child tables keyed
by their record's id and their position, and a value nested in a nested one (an
engagement's unnamed people) adds its parent's position.  Shared parts have one table
each: ``citations``, ``inferences``, ``claims`` and ``backing`` (one row for each field
and the quote, inference or claim behind it).  ``records`` lists every id with its
kind, so that anything naming "a record" of any kind (a link's target, a statement's
occasion) has a foreign key; ``timeline``, ``links``, ``record_countries``,
``record_people`` and ``focus_area_descendants`` hold what the query helpers read, so
that their SQL is plain joins.

A date is never handed over as one native date: a field ``f`` holding a date becomes
``f`` (the EDTF string), ``f_form`` (``day``, ``month``, ``year``, ``range`` or
``one-of``) and ``f_earliest`` / ``f_latest`` (the first and last possible day, typed;
empty for an open end, which has no such day).

>>> import agreement_tracker as at
>>> tables = {table.name: table for table in build(at.load())}
>>> meetings = tables["meetings"]
>>> row = next(dict(zip(meetings.column_names, r)) for r in meetings.rows if r[0] == "jwg-16")
>>> row["date"], row["date_form"], row["date_earliest"], row["date_latest"]
('2024-07', 'month', datetime.date(2024, 7, 1), datetime.date(2024, 7, 31))
>>> tables["meetings_participants"].primary_key
('record_id', 'position')
"""

from __future__ import annotations

import datetime as _dt
import enum
import operator
import types
import typing
from typing import TYPE_CHECKING, Any

import attrs

from agreement_tracker._index import countries_of, people_in, record_date
from agreement_tracker._kinds import DATED, KINDS
from agreement_tracker._kinds import REFERENCES as _REGISTERED
from agreement_tracker.dates import DateBetween, DateRange, PartialDate, parse_when, precision_label
from agreement_tracker.exceptions import DateFormatError
from agreement_tracker.model import Citation, Claim, FocusArea, Inference, LinkRelation, Place

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker
    from agreement_tracker.dates import When

__all__ = [
    "COUNTRY_TUPLES",
    "REFERENCES",
    "Column",
    "ForeignKey",
    "Table",
    "bounds",
    "build",
    "date_cells",
    "date_form",
    "shared_prefix",
]

#: Fields holding ids that the registry (``_kinds.REFERENCES``) leaves to others: the
#: vocabulary checks a focus area's ``parents``.  class -> field -> kind key.
REFERENCES: dict[type[Any], dict[str, str]] = {FocusArea: {"parents": "focus_area"}}

#: Fields holding tuples of ISO 3166-1 alpha-2 country codes.
COUNTRY_TUPLES = frozenset({"parties", "countries"})

_WHEN = (PartialDate, DateRange, DateBetween)
_SHARED = (Citation, Inference, Claim)


def _reference(cls: type[Any], field: str) -> str | None:
    """The kind of record ``cls.field`` names (``"record"``: any kind), or None."""
    return _REGISTERED.get(cls, {}).get(field) or REFERENCES.get(cls, {}).get(field)


def _child_key(parent_key: tuple[str, ...]) -> tuple[str, ...]:
    """The key of a row in a list held by a row keyed ``parent_key``.

    >>> _child_key(("id",)), _child_key(("record_id", "position"))
    (('record_id', 'position'), ('record_id', 'parent_position', 'position'))
    """
    if parent_key == ("id",):
        return ("record_id", "position")
    return ("record_id", *(f"parent_{name}" for name in parent_key[1:]), "position")


def _key_columns(key: tuple[str, ...], parent: str) -> list[Column]:
    columns = [Column("record_id", "string", "The id of the record it belongs to.")]
    for name in key[1:-1]:
        columns.append(
            Column(name, "integer", f"The position of the row of {parent} it belongs to.")
        )
    columns.append(Column("position", "integer", "Its position in the list (from 0)."))
    return columns


@attrs.frozen
class Column:
    """One column: its name, type (``string``, ``integer`` or ``date``) and meaning.

    >>> Column("id", "string", "The record's id.").type
    'string'
    """

    name: str
    type: str
    description: str


@attrs.frozen
class ForeignKey:
    """Columns of a table that name rows of another table.

    >>> ForeignKey(("source",), "sources", ("id",)).table
    'sources'
    """

    columns: tuple[str, ...]
    table: str
    target: tuple[str, ...]


@attrs.frozen
class Table:
    """A flat table: name, description, columns, keys and rows (in a fixed order).

    >>> table = Table("t", "A table.", (Column("id", "string", "Id."),), ("id",), (), [("a",)])
    >>> table.column_names
    ('id',)
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: list[tuple[Any, ...]] = attrs.field(factory=list, eq=False)

    @property
    def column_names(self) -> tuple[str, ...]:
        """The names of the columns, in order.

        >>> Table("t", "", (Column("a", "string", ""),), ("a",), ()).column_names
        ('a',)
        """
        return tuple(column.name for column in self.columns)


def date_form(value: When) -> str:
    """The form of a date in one word: ``day``, ``month``, ``year``, ``range`` or ``one-of``.

    >>> [date_form(parse_when(s)) for s in ("2025-11-04", "2024", "2025-07-22/2025-07-23")]
    ['day', 'year', 'range']
    >>> date_form(parse_when("[2025-11-04..2025-11-06]"))
    'one-of'
    """
    if isinstance(value, DateRange):
        return "range"
    if isinstance(value, DateBetween):
        return "one-of"
    return value.precision.value


def shared_prefix(value: When) -> str:
    """The longest date both bounds share: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``""``.

    For a format that holds only one date: what is certain, and no more.  A value with an
    open end shares nothing.

    >>> [shared_prefix(parse_when(s)) for s in ("2024-07", "[2025-11-04..2025-11-06]")]
    ['2024-07', '2025-11']
    >>> shared_prefix(parse_when("2024-12/2025-01")), shared_prefix(parse_when("2025-11-04"))
    ('', '2025-11-04')
    >>> shared_prefix(parse_when("[..2025-07-23]"))
    ''
    """
    first, last = bounds(value)
    if first is None or last is None:
        return ""
    if first == last:
        return first.isoformat()
    if first.year != last.year:
        return ""
    return (
        f"{first.year:04d}-{first.month:02d}" if first.month == last.month else f"{first.year:04d}"
    )


def bounds(value: When) -> tuple[_dt.date | None, _dt.date | None]:
    """The first and last day ``value`` can be, as plain :class:`datetime.date` values.

    An open end has no such day and is None, never year 1 or 9999.

    >>> bounds(parse_when("2024-07"))
    (datetime.date(2024, 7, 1), datetime.date(2024, 7, 31))
    >>> bounds(parse_when("2025-05-07/.."))
    (datetime.date(2025, 5, 7), None)
    """
    return (
        None if value.open_start else _dt.date.fromordinal(value.first_ordinal),
        None if value.open_end else _dt.date.fromordinal(value.last_ordinal),
    )


def date_cells(value: When | None) -> tuple[Any, ...]:
    """The four cells of a date: EDTF string, form, earliest day, latest day.

    An open end leaves its earliest or latest cell empty (None).

    >>> date_cells(parse_when("2024"))
    ('2024', 'year', datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    >>> date_cells(parse_when("[..2025-07-23]"))
    ('[..2025-07-23]', 'one-of', None, datetime.date(2025, 7, 23))
    >>> date_cells(None)
    (None, None, None, None)
    """
    if value is None:
        return (None, None, None, None)
    return (value.isoformat(), date_form(value), *bounds(value))


def _facets(value: When | None) -> tuple[int | None, str | None]:
    """The year and month the bounds share, for faceting (None where they differ)."""
    prefix = shared_prefix(value) if value is not None else ""
    return (int(prefix[:4]) if prefix else None, prefix[:7] if len(prefix) >= 7 else None)


def _date_columns(name: str, what: str) -> list[Column]:
    return [
        Column(name, "string", f"{what}: the EDTF string, only as precise as known."),
        Column(f"{name}_form", "string", f"{what}: day, month, year, range or one-of."),
        Column(f"{name}_earliest", "date", f"{what}: the first day it can be (empty: open)."),
        Column(f"{name}_latest", "date", f"{what}: the last day it can be (empty: open)."),
    ]


_FACETS = [
    Column("date_year", "integer", "The year both bounds of the record's date share, if any."),
    Column("date_month", "string", "The month (YYYY-MM) both bounds of the date share, if any."),
]


def _shape(hint: Any) -> tuple[str, Any]:
    """What a field's type asks for: date, place, enum, scalar, list, dates, nested, shared."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        if any(member in _WHEN for member in members):
            return ("date", None)
        hint = members[0]
    elif origin is tuple:
        item = args[0]
        if item in _SHARED:
            return ("shared", item)
        if attrs.has(item):
            return ("nested", item)
        if item is PartialDate:
            return ("dates", None)
        return ("list", None)
    if hint is Place:
        return ("place", None)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return ("enum", None)
    return ("scalar", hint)


def _text(value: Any) -> str | None:
    """A field's value as one text, for the ``backing`` table."""
    if value is None or value == ():
        return None
    if isinstance(value, _WHEN):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        if any(attrs.has(type(item)) for item in value):
            return None
        return "; ".join(map(str, value))
    return str(value)


_Plan = list[tuple[str, str, Any]]


class _Builder:
    """Collects the tables of one tracker."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self.tables: dict[str, Table] = {}
        self.plans: dict[str, _Plan] = {}
        self.names = {kind.key: kind.attribute for kind in KINDS.values()}
        self.names["record"] = "records"  # a reference to a record of any kind

    def add(
        self,
        name: str,
        description: str,
        columns: list[Column],
        key: tuple[str, ...],
        foreign: list[ForeignKey],
    ) -> Table:
        table = Table(name, description, tuple(columns), key, tuple(foreign))
        self.tables[name] = table
        return table

    # -------------------------------------------------------------- structure

    def structure(
        self, cls: type[Any], name: str, description: str, parent: Table | None = None
    ) -> None:
        """Make the table of ``cls`` and its link tables, and remember how to fill them.

        ``parent`` is the table of the row that holds these values, for nested ones.
        """
        hints = typing.get_type_hints(cls)
        if parent is not None:
            key = _child_key(parent.primary_key)
            columns = _key_columns(key, parent.name)
            foreign = [ForeignKey(key[:-1], parent.name, parent.primary_key)]
        else:
            key, columns, foreign = ("id",), [], []
        plan: _Plan = []
        links: list[tuple[str, str]] = []
        children: list[tuple[type[Any], str]] = []
        for field in attrs.fields(cls):
            shape, extra = _shape(hints[field.name])
            what = f"The {field.name.replace('_', ' ')}"
            if shape == "date":
                columns += _date_columns(field.name, what)
            elif shape == "place":
                columns += [
                    Column(f"{field.name}_city", "string", f"{what}: the city, where known."),
                    Column(f"{field.name}_region", "string", f"{what}: the region, where known."),
                    Column(f"{field.name}_country", "string", f"{what}: the country code."),
                ]
            elif shape in ("scalar", "enum"):
                typ = "integer" if extra is int else "string"
                meaning = "The record's id, unique in the dataset." if field.name == "id" else what
                target = _reference(cls, field.name)
                if target is not None:
                    meaning += f": the id of a row of {self.names[target]}"
                columns.append(Column(field.name, typ, meaning + ("" if "." in meaning else ".")))
                if target is not None:
                    foreign.append(ForeignKey((field.name,), self.names[target], ("id",)))
            elif shape in ("list", "dates"):
                links.append((field.name, shape))
            elif shape == "nested":
                children.append((extra, field.name))
            plan.append((field.name, shape, extra))
        if parent is None:
            if cls in _DATE_FIELDS:
                columns += _FACETS
            foreign.append(ForeignKey(("id",), "records", ("id",)))
        self.plans[name] = plan
        table = self.add(name, description, columns, key, foreign)
        for field_name, shape in links:
            self.link(cls, table, field_name, shape)
        for child, field_name in children:
            self.structure(
                child, f"{name}_{field_name}", f"The {field_name} of each row of {name}.", table
            )

    def link(self, cls: type[Any], parent: Table, field: str, shape: str) -> None:
        key = _child_key(parent.primary_key)
        foreign = [ForeignKey(key[:-1], parent.name, parent.primary_key)]
        target = _reference(cls, field)
        if shape == "dates":
            values = _date_columns("value", "The date")
        elif target is not None:
            table = self.names[target]
            values = [Column("value", "string", f"The id of a row of {table}.")]
            foreign.append(ForeignKey(("value",), table, ("id",)))
        elif field in COUNTRY_TUPLES:
            values = [Column("value", "string", "An ISO 3166-1 alpha-2 country code.")]
        else:
            values = [Column("value", "string", "The text.")]
        self.add(
            f"{parent.name}_{field}",
            f"The {field.replace('_', ' ')} of each row of {parent.name}, in order.",
            [*_key_columns(key, parent.name), *values],
            key,
            foreign,
        )

    # -------------------------------------------------------------- rows

    def fill(
        self, record: Any, table: str, key: tuple[Any, ...], record_id: str, path: str
    ) -> None:
        """Add ``record`` (a record, or a value nested in one) and everything in it.

        ``key`` is the nested value's key (record id and positions); empty for a record.
        """
        row: list[Any] = list(key)
        own = key or (record_id,)
        for name, shape, extra in self.plans[table]:
            value = getattr(record, name)
            if shape == "date":
                row += date_cells(value)
            elif shape == "place":
                row += [value.city, value.region, value.country] if value else [None] * 3
            elif shape == "enum":
                row.append(None if value is None else value.value)
            elif shape == "scalar":
                row.append(value)
            elif shape == "list":
                rows = self.tables[f"{table}_{name}"].rows
                rows += [(*own, i, item) for i, item in enumerate(value)]
            elif shape == "dates":
                rows = self.tables[f"{table}_{name}"].rows
                rows += [(*own, i, *date_cells(item)) for i, item in enumerate(value)]
            elif shape == "nested":
                for i, item in enumerate(value):
                    self.fill(item, f"{table}_{name}", (*own, i), record_id, f"{path}{name}[{i}].")
            elif extra is Citation:
                for i, citation in enumerate(value):
                    self.citation(record, record_id, f"{path}citations[{i}]", path, citation)
            elif extra is Inference:
                for i, item in enumerate(value):
                    item_id = f"{record_id}/{path}inferred[{i}]"
                    field = path + item.field
                    self.tables["inferences"].rows.append((item_id, record_id, field, item.reason))
                    self.statement(
                        item_id,
                        record_id,
                        field,
                        getattr(record, item.field),
                        "inferred",
                        reason=item.reason,
                    )
            elif extra is Claim:
                for i, claim in enumerate(value):
                    claim_id = f"{record_id}/claims[{i}]"
                    citation_id = self.citation(
                        record, record_id, f"claims[{i}].citation", path, claim.citation, claim
                    )
                    self.tables["claims"].rows.append(
                        (claim_id, record_id, claim.field, claim.value, citation_id, claim.inferred)
                    )
        date_field = None if key else _DATE_FIELDS.get(type(record))
        if date_field:
            row += _facets(getattr(record, date_field))
        self.tables[table].rows.append(tuple(row))

    def citation(
        self,
        record: Any,
        record_id: str,
        where: str,
        path: str,
        citation: Citation,
        claim: Claim | None = None,
    ) -> str:
        citation_id = f"{record_id}/{where}"
        supports = " ".join(citation.supports) or None
        self.tables["citations"].rows.append(
            (citation_id, record_id, citation.source, citation.quote, supports)
        )
        if claim is not None:
            value = _claimed(claim)
            self.tables["backing"].rows.append(
                (
                    f"{record_id}/{where}/{claim.field}",
                    record_id,
                    claim.field,
                    claim.value,
                    *(_statement_dates(value)),
                    citation.source,
                    citation.quote,
                    "claim",
                    claim.inferred,
                )
            )
            return citation_id
        for field in citation.supports or ("",):
            value = getattr(record, field) if field else None
            self.statement(
                f"{citation_id}/{field or '(record)'}",
                record_id,
                path + field if field else None,
                value,
                "quote",
                citation,
            )
        return citation_id

    def statement(
        self,
        statement_id: str,
        record_id: str,
        field: str | None,
        value: Any,
        basis: str,
        citation: Citation | None = None,
        *,
        reason: str | None = None,
    ) -> None:
        self.tables["backing"].rows.append(
            (
                statement_id,
                record_id,
                field,
                _text(value),
                *_statement_dates(value if isinstance(value, _WHEN) else None),
                citation.source if citation else None,
                citation.quote if citation else None,
                basis,
                reason,
            )
        )


def _claimed(claim: Claim) -> When | None:
    """The claimed value as a date, when the claim is about a date field and reads as one."""
    if claim.field not in _DATE_FIELD_NAMES:
        return None
    try:
        return parse_when(claim.value)
    except DateFormatError:
        return None


def _statement_dates(value: When | None) -> tuple[Any, ...]:
    if value is None:
        return (None, None, None)
    return (precision_label(value), *bounds(value))


_DATE_FIELDS: dict[type[Any], str] = {
    kind.cls: kind.date_field for kind in KINDS.values() if kind.date_field
}
_DATE_FIELD_NAMES = frozenset({"published", "signed", "date", "dates", "start", "end"})

_RECORD_FK = ForeignKey(("record_id",), "records", ("id",))


def _shared_tables(builder: _Builder) -> None:
    add = builder.add
    add(
        "records",
        "Every record of the dataset: its id, kind and label.",
        [
            Column("id", "string", "The record's id, unique in the dataset."),
            Column("kind", "string", "The record's kind (source, meeting, agreement ...)."),
            Column("table", "string", "The table that holds the record."),
            Column("label", "string", "The record's title, name or label."),
            Column(
                "kind_rank", "integer", "Order on the timeline on equal dates (empty: not on it)."
            ),
            *_date_columns("date", "The record's date (signed, date, dates or published)"),
        ],
        ("id",),
        [],
    )
    add(
        "citations",
        "Every citation: a verbatim quote from a source backing fields of a record.",
        [
            Column("id", "string", "The citation's id: record id, then where it sits."),
            Column("record_id", "string", "The record the citation belongs to."),
            Column("source", "string", "The id of the source quoted."),
            Column("quote", "string", "The verbatim quote."),
            Column("supports", "string", "The fields backed, space-separated (empty: all)."),
        ],
        ("id",),
        [_RECORD_FK, ForeignKey(("source",), builder.names["source"], ("id",))],
    )
    add(
        "inferences",
        "Facts no source states literally, each with its reason.",
        [
            Column("id", "string", "The inference's id: record id, then where it sits."),
            Column("record_id", "string", "The record it belongs to."),
            Column("field", "string", "The field inferred (roles[0].start for nested ones)."),
            Column("reason", "string", "Why, in one line, naming the premises."),
        ],
        ("id",),
        [_RECORD_FK],
    )
    add(
        "claims",
        "What each source says about a field that sources disagree on.",
        [
            Column("id", "string", "The claim's id: record id, then its position."),
            Column("record_id", "string", "The record the claim is about."),
            Column("field", "string", "The field the sources disagree on."),
            Column("value", "string", "The value this source gives, as in the data file."),
            Column("citation", "string", "The id of the claim's citation."),
            Column("inferred", "string", "Why, when the value is read from the quote."),
        ],
        ("id",),
        [_RECORD_FK, ForeignKey(("citation",), "citations", ("id",))],
    )
    add(
        "backing",
        "One row for each field of each record and what backs it: a quote, an inference "
        "or a claim.",
        [
            Column("id", "string", "The statement's id: what backs it, then the field."),
            Column("record_id", "string", "The record."),
            Column("field", "string", "The field (empty: the record as a whole)."),
            Column("value", "string", "The field's value as text (EDTF for dates)."),
            Column("precision", "string", "For dates: day, month, year, day range, one of N days."),
            Column("earliest", "date", "For dates: the first day the value can be (empty: open)."),
            Column("latest", "date", "For dates: the last day the value can be (empty: open)."),
            Column("source", "string", "The id of the source quoted."),
            Column("quote", "string", "The verbatim quote."),
            Column("basis", "string", "quote, inferred or claim."),
            Column("reason", "string", "For inferences and inferred claims: why."),
        ],
        ("id",),
        [_RECORD_FK, ForeignKey(("source",), builder.names["source"], ("id",))],
    )


def _query_tables(builder: _Builder) -> None:
    """The tables the query helpers' SQL reads, filled from the public API."""
    t = builder.tracker
    names = builder.names
    timeline = builder.add(
        "timeline",
        "Every record on the timeline in date order; undated ones last.",
        [
            Column("id", "string", "The record's id."),
            Column("kind", "string", "The record's kind: agreement, meeting, statement ..."),
            Column("kind_rank", "integer", "Order among kinds on the same dates (lower first)."),
            Column("title", "string", "The record's title."),
            *_date_columns("date", "The record's date"),
        ],
        ("id",),
        [ForeignKey(("id",), "records", ("id",))],
    )
    ranks = {kind.key: kind.timeline_rank for kind in KINDS.values()}
    for entry in t.timeline():
        timeline.rows.append(
            (
                entry.id,
                entry.kind,
                ranks[entry.kind],
                entry.title,
                *date_cells(entry.date),
            )
        )
    links = builder.add(
        "links",
        "Every typed link between two records, once, from the record that holds it: its "
        "links, a statement's occasion and what it is about, the events materiel was used in.",
        [
            Column("record_id", "string", "The id of the record that holds the link."),
            Column("via", "string", "The field that holds it (links[0], occasion, about[1] ...)."),
            Column("position", "integer", "The link's place in the dataset's order (from 0)."),
            Column("relation", "string", "The relation read from the holder (at, reports ...)."),
            Column("inverse", "string", "The relation read from the target (occasion of ...)."),
            Column("target", "string", "The id of the record linked to."),
            Column("sources", "string", "The ids of the sources its quotes are from, in order."),
        ],
        ("record_id", "via"),
        [
            ForeignKey(("record_id",), "records", ("id",)),
            ForeignKey(("target",), "records", ("id",)),
        ],
    )
    for record in t.all_records():
        for held in t.related(record.id):
            if held.outgoing:
                links.rows.append(
                    (
                        record.id,
                        held.via,
                        len(links.rows),
                        held.relation,
                        LinkRelation(held.relation).inverse,
                        held.other,
                        " ".join(held.sources) or None,
                    )
                )
    countries = builder.add(
        "record_countries",
        "The countries each record on the timeline involves.",
        [
            Column("record_id", "string", "The record's id."),
            Column("country", "string", "An ISO 3166-1 alpha-2 country code."),
        ],
        ("record_id", "country"),
        [ForeignKey(("record_id",), "records", ("id",))],
    )
    people = builder.add(
        "record_people",
        "The people each record on the timeline involves.",
        [
            Column("record_id", "string", "The record's id."),
            Column("person", "string", "The id of a person."),
        ],
        ("record_id", "person"),
        [
            ForeignKey(("record_id",), "records", ("id",)),
            ForeignKey(("person",), names["person"], ("id",)),
        ],
    )
    role_countries = {p.id: {r.country for r in p.roles if r.country} for p in t.people}
    series_parties = {s.id: s.parties for s in t.meeting_series}
    for entry in t.timeline():
        record = entry.record
        found = countries_of(record, series_parties.__getitem__, role_countries.__getitem__)
        countries.rows.extend([(record.id, country) for country in found])
        people.rows.extend([(record.id, person) for person in people_in(record)])
    descendants = builder.add(
        "focus_area_descendants",
        "Each focus area and every term below it (itself included): what 'about' matches.",
        [
            Column("area", "string", "A focus area's id."),
            Column("descendant", "string", "The id of the area itself or of a term below it."),
        ],
        ("area", "descendant"),
        [
            ForeignKey(("area",), names["focus_area"], ("id",)),
            ForeignKey(("descendant",), names["focus_area"], ("id",)),
        ],
    )
    for area in t.focus_areas:
        descendants.rows.extend([(area.id, below.id) for below in t.focus_areas.descendants(area)])


def build(tracker: Tracker) -> list[Table]:
    """Every table of ``tracker``: record kinds and their link tables first, in registry order.

    >>> import agreement_tracker as at
    >>> [table.name for table in build(at.load())][:4]
    ['sources', 'organisations', 'organisations_aliases', 'organisations_identifiers']
    """
    builder = _Builder(tracker)
    for kind in KINDS.values():
        builder.structure(kind.cls, kind.attribute, f"Every {kind.label} of the dataset.")
    _shared_tables(builder)
    records = builder.tables["records"].rows
    for kind in KINDS.values():
        group = getattr(tracker, kind.attribute)
        for record in group:
            label = next(
                (v for v in (getattr(record, n, None) for n in ("title", "name", "label")) if v),
                record.id,
            )
            # The timeline's date: a delegation without dates is placed by its engagements.
            when = record_date(record) if kind.cls in DATED else None
            if when is None and kind.date_field:
                when = getattr(record, kind.date_field)
            records.append(
                (record.id, kind.key, kind.attribute, label, kind.timeline_rank, *date_cells(when))
            )
            builder.fill(record, kind.attribute, (), record.id, "")
    _query_tables(builder)
    for table in builder.tables.values():
        if table.name != "timeline":
            positions = [table.column_names.index(c) for c in table.primary_key]
            table.rows.sort(key=operator.itemgetter(*positions))
    return list(builder.tables.values())
