"""The registry of record kinds: the one place that lists them.

Every module that needs "each kind of record" (reading and writing files, checking
references, indexing, labels in messages, table titles and columns) reads :data:`KINDS`.
Adding a record kind means adding its class to :mod:`~agreement_tracker.model`, one
:class:`Kind` here and its description in the docs.

>>> from agreement_tracker._kinds import KINDS, BY_CLASS
>>> KINDS["meeting"].file, KINDS["meeting"].label, KINDS["meeting"].date_field
('meetings.toml', 'meeting', 'date')
>>> BY_CLASS[KINDS["series"].cls].attribute
'meeting_series'
"""

from __future__ import annotations

from typing import Any

import attrs

from .model import (
    Agreement,
    Delegation,
    Engagement,
    Event,
    FocusArea,
    Involvement,
    Link,
    Materiel,
    Meeting,
    Organisation,
    Person,
    RelationshipFact,
    Role,
    Series,
    Source,
    Statement,
    Unnamed,
)

__all__ = [
    "BY_CLASS",
    "DATED",
    "KINDS",
    "NESTED",
    "REFERENCES",
    "TABLES",
    "Kind",
    "Table",
]


@attrs.frozen
class Table:
    """How a kind of row is shown: a table title and the columns shown by default.

    >>> Table("Timeline", ("date", "id")).title
    'Timeline'
    """

    title: str
    columns: tuple[str, ...]


@attrs.frozen
class Kind:
    """One kind of record: its data-file key, class, file, labels, date and table.

    >>> KINDS["focus_area"].label
    'focus area'
    """

    key: str  #: the kind's key in data files and ``Records.kind`` (``"focus_area"``)
    cls: type[Any]  #: the record class
    file: str  #: the data file of a dataset folder
    label: str  #: the kind in words, as messages name it (``"focus area"``)
    attribute: str  #: the ``Tracker`` attribute that holds the records
    table: Table  #: how the records are shown
    date_field: str | None = None  #: the field that dates the record, if any
    #: Place among dated kinds on the timeline on the same dates (lower first).
    timeline_rank: int | None = None


#: Every record kind, by key, in canonical order (the order of ``Tracker.all_records``).
KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in (
        Kind(
            "source",
            Source,
            "sources.toml",
            "source",
            "sources",
            Table("Sources", ("id", "title", "agency", "publisher", "published")),
            date_field="published",
        ),
        Kind(
            "organisation",
            Organisation,
            "organisations.toml",
            "organisation",
            "organisations",
            Table("Organisations", ("id", "name", "kind", "country")),
        ),
        Kind(
            "person",
            Person,
            "people.toml",
            "person",
            "people",
            Table("People", ("id", "name", "roles")),
        ),
        Kind(
            "focus_area",
            FocusArea,
            "focus_areas.toml",
            "focus area",
            "focus_areas",
            Table("Focus areas", ("id", "label", "synonyms", "parents")),
        ),
        Kind(
            "series",
            Series,
            "series.toml",
            "series",
            "meeting_series",
            Table("Meeting series", ("id", "name", "short_name", "parties")),
        ),
        Kind(
            "meeting",
            Meeting,
            "meetings.toml",
            "meeting",
            "meetings",
            Table("Meetings", ("id", "kind", "number", "date", "place", "participants")),
            date_field="date",
            timeline_rank=2,
        ),
        Kind(
            "agreement",
            Agreement,
            "agreements.toml",
            "agreement",
            "agreements",
            Table("Agreements", ("id", "kind", "signed", "place", "signatories", "focus_areas")),
            date_field="signed",
            timeline_rank=3,
        ),
        Kind(
            "delegation",
            Delegation,
            "delegations.toml",
            "delegation",
            "delegations",
            Table("Delegations", ("id", "leader", "route", "dates", "itinerary")),
            date_field="dates",
            timeline_rank=1,
        ),
        Kind(
            "event",
            Event,
            "events.toml",
            "event",
            "events",
            Table("Events", ("id", "kind", "date", "title")),
            date_field="date",
            timeline_rank=0,
        ),
        Kind(
            "statement",
            Statement,
            "statements.toml",
            "statement",
            "statements",
            Table("Statements", ("id", "date", "speaker", "words")),
            date_field="date",
            timeline_rank=4,
        ),
        Kind(
            "relationship_fact",
            RelationshipFact,
            "relationship_facts.toml",
            "relationship fact",
            "relationship_facts",
            Table("Facts about relationships", ("id", "parties", "description", "focus_areas")),
            date_field="date",
            timeline_rank=5,
        ),
        Kind(
            "materiel",
            Materiel,
            "materiel.toml",
            "materiel",
            "materiel",
            Table("Materiel", ("id", "name", "supplier", "user", "used_in")),
            timeline_rank=6,
        ),
    )
}

#: Each record class's kind.
BY_CLASS: dict[type[Any], Kind] = {kind.cls: kind for kind in KINDS.values()}

#: The kinds that stand on the timeline, by class.
DATED: dict[type[Any], Kind] = {
    kind.cls: kind for kind in KINDS.values() if kind.timeline_rank is not None
}

#: Tables of rows that are not records: timeline entries, disagreements, search results.
TABLES: dict[str, Table] = {
    **{key: kind.table for key, kind in KINDS.items()},
    "timeline": Table("Timeline", ("date", "precision", "kind", "id", "title")),
    "discrepancy": Table("Disagreements between sources", ("record", "field", "values", "sources")),
    "match": Table("Search results", ("id", "kind", "field", "text")),
    "related": Table("Related records", ("relation", "other", "kind", "title", "sources")),
    "provenance": Table("Which sources name each value", ("value", "label", "sources")),
}

#: Every field that holds the id (or ids) of another record: class -> field -> kind key
#: (``"record"``: a record of any kind).  Loading checks that each resolves;
#: ``Tracker.expand`` replaces each by its record.
REFERENCES: dict[type[Any], dict[str, str]] = {
    Source: {"publisher": "organisation", "agency": "organisation"},
    Link: {"target": "record"},
    Involvement: {"organisation": "organisation"},
    Unnamed: {"organisation": "organisation"},
    Statement: {
        "speaker": "person",
        "organisation": "organisation",
        "occasion": "record",
        "about": "record",
    },
    RelationshipFact: {"focus_areas": "focus_area"},
    Materiel: {"operator": "organisation", "used_in": "event"},
    Organisation: {"parent": "organisation"},
    Role: {"organisation": "organisation"},
    Meeting: {
        "series": "series",
        "participants": "person",
        "co_chairs": "person",
        "focus_areas": "focus_area",
    },
    Agreement: {"signatories": "person", "focus_areas": "focus_area", "meeting": "meeting"},
    Delegation: {"leader": "person", "members": "person"},
    Engagement: {"meeting": "meeting", "organisations": "organisation", "people": "person"},
    Event: {"people": "person", "organisations": "organisation"},
}

#: Fields that hold values with references (and citations) of their own (tuples of them).
NESTED: dict[type[Any], tuple[str, ...]] = {
    Person: ("roles", "identifiers"),
    Organisation: ("identifiers",),
    Series: ("identifiers",),
    Meeting: ("links",),
    Agreement: ("actions", "identifiers", "links"),
    Delegation: ("engagements", "links"),
    Engagement: ("unnamed",),
    Event: ("involved", "quantities", "links"),
    Statement: ("unnamed", "links"),
    RelationshipFact: ("quantities",),
}
