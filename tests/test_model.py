"""Tests for ``agreement_tracker.model``: record construction, validators, immutability and enums."""

from __future__ import annotations

import copy
import re
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from agreement_tracker.dates import DateBetween, DateRange, PartialDate
from agreement_tracker.exceptions import AgreementTrackerError, FieldValueError
from agreement_tracker.model import (
    Action,
    ActionKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Citation,
    Claim,
    Delegation,
    Discrepancy,
    Engagement,
    EngagementKind,
    Event,
    EventKind,
    FocusArea,
    Identifier,
    Inference,
    Involvement,
    InvolvementRole,
    Link,
    LinkRelation,
    Materiel,
    Meeting,
    MeetingKind,
    MeetingTiming,
    Organisation,
    OrganisationKind,
    Person,
    Place,
    Quantity,
    RelationshipFact,
    Role,
    Series,
    Source,
    Statement,
    StatementKind,
    Unnamed,
)


def exactly(message: str) -> str:
    """A ``match=`` pattern that accepts ``message`` and nothing else."""
    return f"^{re.escape(message)}$"


ID_MESSAGE = "{!r} is not an id: use lower-case letters, digits and single hyphens, like 'jwg-17'"

CITATION = Citation(source="ians-2025-11-06", quote="held in Tel Aviv")
CITES = (CITATION,)
TEL_AVIV = Place(city="Tel Aviv", country="IL")

#: Keyword arguments that build a valid instance of each record class.
VALID: dict[type[Any], dict[str, Any]] = {
    Place: {"city": "Tel Aviv", "country": "IL"},
    Citation: {"source": "ians-2025-11-06", "quote": "held in Tel Aviv", "supports": ("place",)},
    Inference: {"field": "number", "reason": "the JWG before the 17th"},
    Claim: {"field": "meeting_timing", "value": "after", "citation": CITATION},
    FocusArea: {"id": "artificial-intelligence", "label": "Artificial Intelligence"},
    Organisation: {
        "id": "iai",
        "name": "Israel Aerospace Industries",
        "kind": OrganisationKind.COMPANY,
        "citations": CITES,
    },
    Role: {"title": "Defence Secretary", "citations": CITES},
    Person: {"id": "rajesh-kumar-singh", "name": "Rajesh Kumar Singh", "citations": CITES},
    Series: {"id": "jwg", "name": "Joint Working Group", "citations": CITES},
    Meeting: {
        "id": "jwg-17",
        "kind": MeetingKind.JWG_SESSION,
        "title": "17th JWG",
        "citations": CITES,
    },
    Agreement: {
        "id": "mou-2025-11",
        "kind": AgreementKind.MOU,
        "title": "MoU on defence cooperation",
        "parties": ("IN", "IL"),
        "citations": CITES,
    },
    Engagement: {
        "kind": EngagementKind.SITE_VISIT,
        "description": "Visited Rafael",
        "citations": CITES,
    },
    Delegation: {
        "id": "singh-israel-2025-11",
        "title": "Singh visits Israel",
        "leader": "rajesh-kumar-singh",
        "origin": "IN",
        "host": "IL",
        "citations": CITES,
    },
    Event: {
        "id": "pahalgam-attack-2025",
        "kind": EventKind.ATTACK,
        "title": "Pahalgam attack",
        "citations": CITES,
    },
    Source: {"id": "ians-2025-11-06", "text_file": "sources/ians.txt", "text": "Some text."},
    Statement: {
        "id": "katz-statement",
        "kind": StatementKind.REMARKS,
        "title": "Katz speaks",
        "words": ("held in Tel Aviv",),
        "citations": (Citation(source="s", quote="it was held in Tel Aviv", supports=("words",)),),
    },
    RelationshipFact: {
        "id": "in-il-decades",
        "title": "Decades of ties",
        "parties": ("IN", "IL"),
        "description": "Close defence relations",
        "citations": CITES,
    },
    Materiel: {"id": "barak-missile", "name": "Barak missiles", "citations": CITES},
    Link: {"relation": LinkRelation.AT, "target": "jwg-17", "citations": CITES},
    Involvement: {"role": InvolvementRole.ACTOR, "country": "IL", "citations": CITES},
    Quantity: {
        "measure": "killed",
        "text": "26",
        "value": 26,
        "unit": "people",
        "citations": (Citation(source="s", quote="26 people were killed"),),
    },
    Unnamed: {
        "description": "key Indian officials",
        "citations": (Citation(source="s", quote="met key Indian officials"),),
    },
    Identifier: {"scheme": "wikidata", "value": "Q801", "curator_note": "from Wikidata"},
    Action: {"kind": ActionKind.RATIFICATION, "citations": CITES},
}

#: Record classes with an ``id`` field.
WITH_ID = [
    FocusArea,
    Organisation,
    Person,
    Series,
    Meeting,
    Agreement,
    Delegation,
    Event,
    Source,
    Statement,
    RelationshipFact,
    Materiel,
]

#: Record classes whose ``citations`` must not be empty.
CITATIONS_REQUIRED = [
    Organisation,
    Role,
    Person,
    Series,
    Meeting,
    Agreement,
    Engagement,
    Delegation,
    Event,
    Statement,
    RelationshipFact,
    Materiel,
    Link,
    Involvement,
    Quantity,
    Unnamed,
]

#: Record classes that check citations, inferences and claims against ``FACT_FIELDS``.
WITH_FACT_FIELDS = [
    FocusArea,
    Organisation,
    Person,
    Series,
    Meeting,
    Agreement,
    Delegation,
    Event,
    Source,
    Statement,
    RelationshipFact,
    Materiel,
]


def build(cls: type[Any], **changes: Any) -> Any:
    """A ``cls`` built from its valid arguments with ``changes`` applied."""
    return cls(**{**VALID[cls], **changes})


def raises_field_error(field: str, message: str) -> pytest.RaisesExc[FieldValueError]:
    """Expect a FieldValueError on ``field`` whose message is exactly ``message``."""
    return pytest.raises(FieldValueError, match=exactly(f"{field}: {message}"))


# -------------------------------------------------------------------------- construction


@pytest.mark.parametrize("cls", list(VALID), ids=lambda cls: cls.__name__)
def test_every_record_builds_from_valid_values(cls: type[Any]) -> None:
    """Each record class accepts valid values and keeps them as given."""
    record = build(cls)
    for name, value in VALID[cls].items():
        assert getattr(record, name) == value


def test_place() -> None:
    """A place keeps city, region and country and labels itself with the country name."""
    place = Place(city="Pahalgam", region="Jammu and Kashmir", country="IN")
    assert (place.city, place.region, place.country) == ("Pahalgam", "Jammu and Kashmir", "IN")
    assert place.label == "Pahalgam, Jammu and Kashmir, India"
    assert str(place) == "Pahalgam, Jammu and Kashmir, India"
    assert Place(country="IL").label == "Israel"
    assert repr(TEL_AVIV) == "Place(city='Tel Aviv', region=None, country='IL')"


def test_value_reprs_show_every_field_as_attrs_would() -> None:
    """Value classes repr as ``Name(field=value, ...)``, private computed fields left out."""
    citation = Citation(source="s", quote="q", supports=("date",))
    assert repr(citation) == "Citation(source='s', quote='q', supports=('date',))"
    assert repr(Inference(field="date", reason="why")) == "Inference(field='date', reason='why')"
    claim = Claim(field="date", value="2025", citation=citation)
    assert repr(claim) == f"Claim(field='date', value='2025', citation={citation!r}, inferred=None)"
    assert repr(DateRange.parse("2025-07-22/2025-07-23")) == (
        "DateRange(start=PartialDate(year=2025, month=7, day=22), "
        "end=PartialDate(year=2025, month=7, day=23))"
    )
    assert repr(DateBetween.parse("[2025-11-04..2025-11-06]")) == (
        "DateBetween(lower=PartialDate(year=2025, month=11, day=4), "
        "upper=PartialDate(year=2025, month=11, day=6))"
    )


def _every_value_class() -> list[type[Any]]:
    import agreement_tracker._index as index_module
    import agreement_tracker.dates as dates_module
    import agreement_tracker.model as model_module

    return [
        value
        for module in (dates_module, model_module, index_module)
        for value in vars(module).values()
        if isinstance(value, type) and attrs.has(value) and value.__module__ == module.__name__
    ]


def _one_of_each_value_class() -> list[Any]:
    """One instance of each of the 21 classes: built from VALID, or taken from the data."""
    import agreement_tracker as at
    from agreement_tracker.dates import resolve_this_year

    tracker = at.load()
    made = [build(cls) for cls in VALID]
    made += [
        PartialDate(2025, 11, 3),
        DateRange.parse("2025-07-22/2025-07-23"),
        DateBetween.parse("[2025-11-04..2025-11-06]"),
        resolve_this_year("2025-11-05"),
        tracker.discrepancies()[0],
        tracker.timeline()[0],
        tracker.related("jwg-17")[0],
    ]
    assert {type(v) for v in made} == set(_every_value_class())
    return made


@pytest.mark.parametrize("value", _one_of_each_value_class(), ids=lambda v: type(v).__name__)
def test_equality_and_hash_follow_every_compared_field(value: Any) -> None:
    """Equal values hash alike; a change to any one compared field makes them unequal."""
    same = attrs.evolve(value) if attrs.fields(type(value))[0].init else copy.copy(value)
    assert same is not value
    assert value == same
    assert not value != same  # noqa: SIM202 - __ne__ is what is tested
    assert hash(value) == hash(same)
    assert value.__eq__(object()) is NotImplemented
    for field in attrs.fields(type(value)):
        changed = copy.copy(same)
        object.__setattr__(changed, field.name, object())
        assert (value == changed) is not field.eq, field.name
        assert (value != changed) is field.eq, field.name
        if not field.eq:
            assert hash(value) == hash(changed), field.name


def test_equal_values_of_different_classes_are_not_equal() -> None:
    """Values are equal by class and fields: a month is not the range of its days."""
    assert PartialDate(2025, 11) == PartialDate.parse("2025-11")
    assert hash(PartialDate(2025, 11)) == hash(PartialDate.parse("2025-11"))
    month: object = PartialDate(2025, 11)
    assert month != DateRange.parse("2025-11-01/2025-11-30")


def test_hashes_are_the_same_from_run_to_run_under_a_fixed_seed() -> None:
    """Hashes depend on the class's name and the values, not on addresses in memory.

    (Values holding None are left out: before Python 3.12, None hashes by address.)
    """
    import os
    import subprocess
    import sys

    code = (
        "from agreement_tracker.model import Place; from agreement_tracker.dates import "
        "PartialDate; print(hash(Place(city='Pune', region='MH', country='IN')), hash(PartialDate(2025, 11, 3)))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout
        for _ in range(3)
    }
    assert len(runs) == 1


def test_citation_inference_claim() -> None:
    """Citations, inferences and claims keep their values; supports defaults to empty."""
    citation = Citation(source="ani-2025-07-24", quote="On July 23, 2025")
    assert citation.supports == ()
    inference = Inference(field="number", reason="the JWG before the 17th")
    assert (inference.field, inference.reason) == ("number", "the JWG before the 17th")
    claim = Claim(
        field="meeting_timing", value="after", citation=citation, inferred="read from 'after'"
    )
    assert (claim.field, claim.value, claim.citation, claim.inferred) == (
        "meeting_timing",
        "after",
        citation,
        "read from 'after'",
    )


def test_focus_area() -> None:
    """A focus area's names are its label then its synonyms; citations are optional."""
    area = FocusArea(
        id="artificial-intelligence",
        label="Artificial Intelligence",
        synonyms=("AI",),
        parents=("emerging-technologies",),
        description="Machine intelligence.",
    )
    assert area.names == ("Artificial Intelligence", "AI")
    assert str(area) == "Artificial Intelligence"
    assert area.citations == ()


def test_organisation() -> None:
    """An organisation keeps its kind, country and parent."""
    org = Organisation(
        id="iai",
        name="Israel Aerospace Industries",
        aliases=("IAI",),
        kind=OrganisationKind.COMPANY,
        country="IL",
        parent="il-mod",
        citations=CITES,
    )
    assert (org.kind, org.country, org.parent, org.aliases) == (
        OrganisationKind.COMPANY,
        "IL",
        "il-mod",
        ("IAI",),
    )


def test_role_and_person() -> None:
    """A person's names and role label come from the name, aliases and first role."""
    role = Role(
        title="Defence Secretary",
        organisation="in-mod",
        country="IN",
        rank="Dr",
        start=PartialDate(2024, 11),
        attested=(PartialDate(2025, 7, 23), PartialDate(2025, 11)),
        citations=CITES,
    )
    person = Person(
        id="rajesh-kumar-singh",
        name="Rajesh Kumar Singh",
        aliases=("Singh", "R. K. Singh"),
        roles=(role,),
        citations=CITES,
    )
    assert person.names == ("Rajesh Kumar Singh", "Singh", "R. K. Singh")
    assert person.role_label == "Dr Defence Secretary"
    assert Person(id="x", name="X", citations=CITES).role_label == ""
    assert role.held_on("2025-07-23") is True
    assert role.held_on("2025-11-30") is False  # "2025-11" does not certainly mean the 30th
    assert role.held_on("2025-11-30", mode="possible") is True
    assert role.held_on("2025-07-24") is False
    with pytest.raises(ValueError, match=r"^mode must be 'certain' or 'possible', got 'maybe'$"):
        role.held_on("2025-07-23", mode="maybe")


def test_an_unknown_mode_is_the_librarys_argument_error() -> None:
    """A bad ``mode`` raises ArgumentError, caught as AgreementTrackerError and ValueError."""
    import agreement_tracker as at
    from agreement_tracker import exceptions

    role = Role(title="Defence Secretary", attested=(PartialDate(2025, 7, 23),), citations=CITES)
    with pytest.raises(at.ArgumentError) as caught:
        role.held_on("2025-07-23", mode="maybe")
    assert isinstance(caught.value, AgreementTrackerError)
    assert isinstance(caught.value, ValueError)
    errors = [getattr(exceptions, name) for name in exceptions.__all__]
    assert all(issubclass(error, AgreementTrackerError) for error in errors)
    assert issubclass(at.ArgumentTypeError, TypeError)


def test_role_with_organisation_only() -> None:
    """A role may name only an organisation."""
    role = Role(organisation="in-mod", citations=CITES)
    assert (role.title, role.organisation) == (None, "in-mod")


def test_series() -> None:
    """A series' names are its id, name, short name and aliases."""
    series = Series(
        id="jwg",
        name="Joint Working Group on Defence Cooperation",
        short_name="JWG",
        aliases=("India-Israel JWG",),
        parties=("IN", "IL"),
        citations=CITES,
    )
    assert series.names == (
        "jwg",
        "Joint Working Group on Defence Cooperation",
        "JWG",
        "India-Israel JWG",
    )
    assert series.parties == ("IN", "IL")


def test_meeting() -> None:
    """A meeting keeps its series, number, date, place, people and topics."""
    meeting = Meeting(
        id="jwg-17",
        kind=MeetingKind.JWG_SESSION,
        title="17th JWG on Defence Cooperation",
        series="jwg",
        number=17,
        date=PartialDate(2025, 11, 4),
        place=TEL_AVIV,
        participants=("rajesh-kumar-singh", "amir-baram"),
        co_chairs=("rajesh-kumar-singh", "amir-baram"),
        outcomes=("MoU signed",),
        focus_areas=("artificial-intelligence",),
        citations=(
            Citation(source="ians-2025-11-06", quote="17th", supports=("number", "series")),
        ),
        inferred=(Inference(field="date", reason="the Tuesday before the dateline"),),
        notes="Held in Tel Aviv.",
    )
    assert (meeting.series, meeting.number, meeting.date, meeting.place) == (
        "jwg",
        17,
        PartialDate(2025, 11, 4),
        TEL_AVIV,
    )
    assert meeting.co_chairs == ("rajesh-kumar-singh", "amir-baram")


def test_agreement_defaults_and_values() -> None:
    """An agreement defaults to signed and links its meeting and timing."""
    agreement = Agreement(
        id="mou-2025-11",
        kind=AgreementKind.MOU,
        title="MoU on defence cooperation",
        parties=("IN", "IL"),
        signed=PartialDate(2025, 11, 4),
        place=TEL_AVIV,
        signatories=("rajesh-kumar-singh", "amir-baram"),
        meeting="jwg-17",
        meeting_timing=MeetingTiming.DURING,
        summary="Cooperation in defence.",
        citations=CITES,
    )
    assert agreement.status is AgreementStatus.SIGNED
    assert (agreement.meeting, agreement.meeting_timing) == ("jwg-17", MeetingTiming.DURING)


def test_delegation_with_engagements() -> None:
    """A delegation keeps its leader, members, countries, dates and engagements."""
    stop = Engagement(
        kind=EngagementKind.MEETING,
        description="17th JWG",
        date=PartialDate(2025, 11, 4),
        place=TEL_AVIV,
        meeting="jwg-17",
        people=("amir-baram",),
        citations=CITES,
        inferred=(Inference(field="date", reason="the day of the JWG"),),
    )
    visit = Delegation(
        id="singh-israel-2025-11",
        title="Singh visits Israel",
        leader="rajesh-kumar-singh",
        members=("an-official",),
        origin="IN",
        host="IL",
        dates=DateRange(PartialDate(2025, 11, 3), PartialDate(2025, 11, 5)),
        purpose="JWG",
        engagements=(stop,),
        citations=CITES,
    )
    assert (visit.leader, visit.members, visit.origin, visit.host) == (
        "rajesh-kumar-singh",
        ("an-official",),
        "IN",
        "IL",
    )
    assert visit.engagements == (stop,)
    assert visit.dates is not None
    assert visit.dates.isoformat() == "2025-11-03/2025-11-05"


def test_event() -> None:
    """An event keeps its date, place, actors, countries and details."""
    event = Event(
        id="pahalgam-attack-2025",
        kind=EventKind.ATTACK,
        title="Pahalgam attack",
        date=DateBetween(PartialDate(2025, 4, 21), PartialDate(2025, 4, 22)),
        place=Place(city="Pahalgam", country="IN"),
        description="An attack.",
        people=("someone",),
        organisations=("some-group",),
        countries=("IN", "PK"),
        details=("26 killed",),
        citations=CITES,
    )
    assert event.countries == ("IN", "PK")
    assert event.details == ("26 killed",)


def test_source_label_and_repr() -> None:
    """A source's label is its title or id; its text is kept but left out of the repr."""
    source = Source(
        id="ians-2025-11-06",
        agency="ians",
        published=PartialDate(2025, 11, 6),
        dateline=Place(city="New Delhi", country="IN"),
        text_file="sources/ians.txt",
        text="Some text.",
    )
    assert source.label == "ians-2025-11-06"
    assert source.language == "en"
    assert source.text == "Some text."
    assert "Some text." not in repr(source)
    assert attrs.evolve(source, title="IANS report").label == "IANS report"


def test_discrepancy_values() -> None:
    """A discrepancy's values are the distinct claimed values in first-claimed order."""
    claims = tuple(
        Claim(field="meeting_timing", value=value, citation=CITATION)
        for value in ("during", "after", "during")
    )
    discrepancy = Discrepancy(
        record_kind="agreement", record_id="mou-2025-11", field="meeting_timing", claims=claims
    )
    assert discrepancy.values == ("during", "after")


# ---------------------------------------------------------------------------------- ids


@pytest.mark.parametrize("bad", ["JWG 17", "", "a--b", "-a", "a-", "Jwg", "jwg_17", "jwg 17"])
def test_id_rejects_bad_ids(bad: str) -> None:
    """Ids must be lower-case letters and digits joined by single hyphens."""
    with raises_field_error("id", ID_MESSAGE.format(bad)) as info:
        build(Meeting, id=bad)
    assert info.value.field == "id"
    assert info.value.message == ID_MESSAGE.format(bad)


@pytest.mark.parametrize("cls", WITH_ID, ids=lambda cls: cls.__name__)
def test_every_record_id_is_validated(cls: type[Any]) -> None:
    """Every record class with an id rejects 'JWG 17'."""
    with raises_field_error("id", ID_MESSAGE.format("JWG 17")):
        build(cls, id="JWG 17")


@pytest.mark.parametrize(
    "good", ["jwg", "jwg-17", "17", "a-b-c", "mou-2025-11-defence-cooperation"]
)
def test_id_accepts_good_ids(good: str) -> None:
    """Lower-case letters and digits joined by single hyphens make an id."""
    assert build(Meeting, id=good).id == good


@pytest.mark.parametrize(
    ("cls", "field"),
    [
        (Citation, "source"),
        (Meeting, "series"),
        (Agreement, "meeting"),
        (Organisation, "parent"),
        (Source, "publisher"),
        (Source, "agency"),
        (Role, "organisation"),
        (Engagement, "meeting"),
        (Delegation, "leader"),
    ],
)
def test_id_fields_are_validated(cls: type[Any], field: str) -> None:
    """Fields that refer to other records by id reject non-ids."""
    with raises_field_error(field, ID_MESSAGE.format("JWG 17")) as info:
        build(cls, **{field: "JWG 17"})
    assert info.value.field == field


def test_id_rejects_non_string() -> None:
    """An id must be a str."""
    with raises_field_error("id", ID_MESSAGE.format(17)):
        build(Meeting, id=17)


def test_id_rejects_trailing_newline() -> None:
    """An id with a trailing newline is not an id."""
    with raises_field_error("id", ID_MESSAGE.format("jwg-17\n")):
        build(Meeting, id="jwg-17\n")


@pytest.mark.parametrize(
    ("cls", "field", "value", "message"),
    [
        (Meeting, "participants", ("a", "Y Z"), "item 1: 'Y Z' is not an id"),
        (Meeting, "participants", ("a", 5), "item 1: 5 is not an id"),
        (Meeting, "participants", ["a"], "must be a tuple of ids, got list"),
        (Meeting, "participants", ("x", "y", "x"), "lists 'x' more than once"),
        (Meeting, "co_chairs", ("b", "a", "b", "a"), "lists 'a' more than once"),
        (Meeting, "focus_areas", ("ai", "ai"), "lists 'ai' more than once"),
        (Agreement, "signatories", ("a", "a"), "lists 'a' more than once"),
        (Agreement, "focus_areas", "ai", "must be a tuple of ids, got str"),
        (Delegation, "members", ("m", "m"), "lists 'm' more than once"),
        (Engagement, "organisations", ("rafael", "rafael"), "lists 'rafael' more than once"),
        (Engagement, "people", ("Amir Baram",), "item 0: 'Amir Baram' is not an id"),
        (Event, "people", ("p", "p"), "lists 'p' more than once"),
        (Event, "organisations", ("o", "o"), "lists 'o' more than once"),
        (FocusArea, "parents", ("p", "p"), "lists 'p' more than once"),
    ],
)
def test_id_tuples_are_validated(cls: type[Any], field: str, value: Any, message: str) -> None:
    """Tuples of ids must be tuples of distinct ids."""
    with raises_field_error(field, message) as info:
        build(cls, **{field: value})
    assert info.value.field == field


def test_repeated_ids_are_refused_even_when_each_id_was_seen_before() -> None:
    """Ids remembered as well formed still count as repeats, and a non-id is still refused."""
    build(Meeting, participants=("known-a", "known-b"))
    with raises_field_error("participants", "lists 'known-a' more than once"):
        build(Meeting, participants=("known-a", "known-b", "known-a"))
    with raises_field_error("participants", "item 1: ['known-a'] is not an id"):
        build(Meeting, participants=("known-a", ["known-a"]))


# ---------------------------------------------------------------------------- countries


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("XX", "'XX' is not an ISO 3166-1 alpha-2 country code"),
        ("India", "'India' is not an ISO 3166-1 alpha-2 country code; 'India' is 'IN'"),
        ("india", "'india' is not an ISO 3166-1 alpha-2 country code; 'india' is 'IN'"),
        ("in", "'in' is not an ISO 3166-1 alpha-2 country code; did you mean 'IN'?"),
        ("Il", "'Il' is not an ISO 3166-1 alpha-2 country code; did you mean 'IL'?"),
        ("Indai", "'Indai' is not an ISO 3166-1 alpha-2 country code; did you mean 'IN' (India)?"),
        ("", "'' is not an ISO 3166-1 alpha-2 country code"),
        (5, "5 is not an ISO 3166-1 alpha-2 country code"),
        (None, "None is not an ISO 3166-1 alpha-2 country code"),
    ],
)
def test_place_country_is_validated(value: Any, message: str) -> None:
    """A place's country must be an ISO code; names and lower case get a suggestion."""
    with raises_field_error("country", message) as info:
        Place(country=value)
    assert info.value.field == "country"
    assert info.value.message == message


@pytest.mark.parametrize(
    ("cls", "field"),
    [(Delegation, "origin"), (Delegation, "host"), (Organisation, "country"), (Role, "country")],
)
def test_country_fields_are_validated(cls: type[Any], field: str) -> None:
    """Every country field suggests the code for a country name."""
    message = "'India' is not an ISO 3166-1 alpha-2 country code; 'India' is 'IN'"
    with raises_field_error(field, message):
        build(cls, **{field: "India"})


@pytest.mark.parametrize(
    ("cls", "field", "value", "message"),
    [
        (
            Series,
            "parties",
            ("IN", "India"),
            "item 1: 'India' is not an ISO 3166-1 alpha-2 country code; 'India' is 'IN'",
        ),
        (
            Agreement,
            "parties",
            ("in", "IL"),
            "item 0: 'in' is not an ISO 3166-1 alpha-2 country code; did you mean 'IN'?",
        ),
        (Series, "parties", ("IN", "IN"), "lists a country more than once: ('IN', 'IN')"),
        (Event, "countries", ["IN"], "must be a tuple of country codes, got list"),
        (Event, "countries", ("XX",), "item 0: 'XX' is not an ISO 3166-1 alpha-2 country code"),
    ],
)
def test_country_tuples_are_validated(cls: type[Any], field: str, value: Any, message: str) -> None:
    """Tuples of countries must be tuples of distinct ISO codes."""
    with raises_field_error(field, message):
        build(cls, **{field: value})


def test_agreement_needs_two_parties() -> None:
    """An agreement must have at least two parties."""
    with raises_field_error("parties", "needs at least 2 parties, got 1"):
        build(Agreement, parties=("IN",))


# -------------------------------------------------------------------------------- enums


@pytest.mark.parametrize(
    ("cls", "field", "value", "message"),
    [
        (
            Meeting,
            "kind",
            "talks",
            "'talks' is not a MeetingKind; choose one of 'jwg-session', 'bilateral-meeting', "
            "'call-on', 'talks', 'dialogue', 'summit', 'other'",
        ),
        (
            Agreement,
            "kind",
            "memorandum",
            "'memorandum' is not an AgreementKind; choose one of 'mou', 'treaty', 'agreement', "
            "'protocol', 'letter-of-intent', 'other'",
        ),
        (
            Agreement,
            "status",
            "ratified",
            "'ratified' is not an AgreementStatus; choose one of 'proposed', 'signed', "
            "'in-force', 'expired', 'terminated'",
        ),
        (
            Organisation,
            "kind",
            MeetingKind.OTHER,
            "<MeetingKind.OTHER: 'other'> is not an OrganisationKind; choose one of 'ministry', "
            "'government', 'armed-forces', 'company', 'agency', 'news-outlet', 'news-agency', "
            "'armed-group', 'other'",
        ),
        (
            Event,
            "kind",
            "riot",
            "'riot' is not an EventKind; choose one of 'attack', 'military-operation', "
            "'statement', 'interview', 'other'",
        ),
        (
            Engagement,
            "kind",
            "lunch",
            "'lunch' is not an EngagementKind; choose one of 'meeting', 'site-visit', "
            "'travel', 'other'",
        ),
    ],
)
def test_enum_fields_reject_wrong_values(
    cls: type[Any], field: str, value: Any, message: str
) -> None:
    """Enum fields take only members of their enum, and list the choices."""
    with raises_field_error(field, message):
        build(cls, **{field: value})


def test_meeting_timing_rejects_wrong_value() -> None:
    """meeting_timing takes only a MeetingTiming."""
    message = "'during' is not a MeetingTiming; choose one of 'before', 'during', 'after'"
    with raises_field_error("meeting_timing", message):
        build(Agreement, meeting="jwg-17", meeting_timing="during")


@pytest.mark.parametrize(
    ("member", "label"),
    [
        (AgreementKind.MOU, "MoU"),
        (AgreementKind.TREATY, "Treaty"),
        (AgreementKind.AGREEMENT, "Agreement"),
        (AgreementKind.PROTOCOL, "Protocol"),
        (AgreementKind.LETTER_OF_INTENT, "Letter of intent"),
        (AgreementKind.OTHER, "Other"),
    ],
)
def test_agreement_kind_labels(member: AgreementKind, label: str) -> None:
    """Agreement kinds have short human labels; MoU keeps its capitals."""
    assert member.label == label


@pytest.mark.parametrize(
    ("member", "text"),
    [
        (AgreementKind.MOU, "mou"),
        (AgreementStatus.IN_FORCE, "in-force"),
        (MeetingKind.CALL_ON, "call-on"),
        (MeetingTiming.AFTER, "after"),
        (OrganisationKind.NEWS_AGENCY, "news-agency"),
        (EventKind.MILITARY_OPERATION, "military-operation"),
        (EngagementKind.SITE_VISIT, "site-visit"),
    ],
)
def test_enum_str_is_data_file_value(member: Any, text: str) -> None:
    """An enum member prints as the string written in data files, and that string finds it."""
    assert str(member) == text
    assert type(member)(text) is member


# ------------------------------------------------------------------------- text fields


@pytest.mark.parametrize(
    ("cls", "field", "value", "message"),
    [
        (Meeting, "title", "", "must be non-empty text, got ''"),
        (Meeting, "title", "   ", "must be non-empty text, got '   '"),
        (Meeting, "title", None, "must be non-empty text, got None"),
        (Meeting, "notes", "", "must be non-empty text, got ''"),
        (Place, "city", "", "must be non-empty text, got ''"),
        (Citation, "quote", " ", "must be non-empty text, got ' '"),
        (Inference, "reason", "", "must be non-empty text, got ''"),
        (Claim, "value", "", "must be non-empty text, got ''"),
        (Source, "text", "", "must be non-empty text, got ''"),
        (Person, "aliases", ("Singh", ""), "item 1 must be non-empty text, got ''"),
        (Person, "aliases", ["Singh"], "must be a tuple of strings, got list"),
        (Citation, "supports", "place", "must be a tuple of strings, got str"),
        (Meeting, "outcomes", (5,), "item 0 must be non-empty text, got 5"),
        (
            Meeting,
            "outcomes",
            ("MoU signed", "\t\n"),
            "item 1 must be non-empty text, got '\\t\\n'",
        ),
    ],
)
def test_text_fields_are_validated(cls: type[Any], field: str, value: Any, message: str) -> None:
    """Text fields need non-empty text; text tuples need tuples of non-empty text."""
    with raises_field_error(field, message):
        build(cls, **{field: value})


SHOWS_NOTHING = (
    "which shows nothing: it holds only whitespace, format characters (such as zero-width "
    "spaces and joiners), control characters or combining marks with no letter"
)


@pytest.mark.parametrize(
    ("cls", "field", "value", "shown"),
    [
        (Meeting, "title", "\u200b", "'\\u200b'"),
        (Meeting, "title", "\u200d\u200c\u2060", "'\\u200d\\u200c\\u2060'"),
        (Agreement, "title", " \ufeff ", "' \\ufeff '"),
        (Person, "name", "\u0301\u0308", "'\\u0301\\u0308'"),
        (Organisation, "name", "\u00ad", "'\\xad'"),
        (FocusArea, "label", "\u200e\u200f", "'\\u200e\\u200f'"),
        (Citation, "quote", "\u3164", "'\\u3164'"),
        (Event, "title", "\x00\x7f", "'\\x00\\x7f'"),
        (Place, "city", "\u2800", "'\\u2800'"),
        (Meeting, "notes", "\u200b \u0301", "'\\u200b \\u0301'"),
    ],
)
def test_text_that_shows_nothing_is_refused(
    cls: type[Any], field: str, value: str, shown: str
) -> None:
    """Text made only of invisible characters is refused, naming the field and each code point."""
    with raises_field_error(field, f"must be non-empty text, got {shown}, {SHOWS_NOTHING}"):
        build(cls, **{field: value})


@pytest.mark.parametrize(
    ("cls", "field", "value", "message"),
    [
        (
            Person,
            "aliases",
            ("Baram", "\u200b"),
            f"item 1 must be non-empty text, got '\\u200b', {SHOWS_NOTHING}",
        ),
        (
            Meeting,
            "outcomes",
            ("\u0301",),
            f"item 0 must be non-empty text, got '\\u0301', {SHOWS_NOTHING}",
        ),
        (
            FocusArea,
            "synonyms",
            ("AI", "\ufeff"),
            f"item 1 must be non-empty text, got '\\ufeff', {SHOWS_NOTHING}",
        ),
    ],
)
def test_text_tuples_refuse_items_that_show_nothing(
    cls: type[Any], field: str, value: tuple[str, ...], message: str
) -> None:
    """An item of a text tuple made only of invisible characters is refused by its index."""
    with raises_field_error(field, message):
        build(cls, **{field: value})


@pytest.mark.parametrize(
    "value",
    [
        "e\u0301",  # a letter with its accent
        "\u200bAmir",  # a zero-width space before a name
        "\u0938\u093e",  # Devanagari: a consonant and its vowel sign
        "\u05e1\u05d9\u05d9\u05d1\u05e8",  # Hebrew
        "\u202eabc",  # a direction override before letters still shows the letters
        "\U0001f680",
    ],
)
def test_text_with_a_visible_character_is_accepted(value: str) -> None:
    """Text with at least one visible character is kept as given."""
    assert build(Meeting, title=value).title == value


NFD_NAME = "Jose\u0301 Pe\u0301rez"
NFC_NAME = "Jos\u00e9 P\u00e9rez"


@pytest.mark.parametrize(
    ("cls", "field", "value", "stored"),
    [
        (Person, "name", NFD_NAME, NFC_NAME),
        (Person, "aliases", ("Pe\u0301rez", "Jose\u0301"), ("P\u00e9rez", "Jos\u00e9")),
        (Organisation, "name", "Mine\u0301ral", "Min\u00e9ral"),
        (Organisation, "aliases", ("Se\u0301ne\u0301gal",), ("S\u00e9n\u00e9gal",)),
        (Series, "name", "Comite\u0301 mixte", "Comit\u00e9 mixte"),
        (Series, "short_name", "Comite\u0301", "Comit\u00e9"),
        (Series, "aliases", ("Re\u0301union",), ("R\u00e9union",)),
        (FocusArea, "label", "Se\u0301curite\u0301", "S\u00e9curit\u00e9"),
        (FocusArea, "synonyms", ("cybe\u0301r",), ("cyb\u00e9r",)),
    ],
)
def test_names_are_stored_in_nfc(cls: type[Any], field: str, value: Any, stored: Any) -> None:
    """A name, alias, short name, label or synonym given in NFD is stored in NFC."""
    assert getattr(build(cls, **{field: value}), field) == stored


def test_a_name_in_nfd_and_nfc_builds_one_record() -> None:
    """Two records that differ only in the Unicode form of a name are equal, hash alike and evolve alike."""
    nfd, nfc = build(Person, name=NFD_NAME), build(Person, name=NFC_NAME)
    assert nfd == nfc
    assert hash(nfd) == hash(nfc)
    assert attrs.evolve(nfc, name=NFD_NAME).name == NFC_NAME


def test_names_already_in_nfc_are_kept_as_the_same_objects() -> None:
    """A tuple of names already in NFC is kept as given, not copied."""
    aliases = ("Singh", "R. K. Singh")
    assert build(Person, aliases=aliases).aliases is aliases


def test_a_name_of_the_wrong_type_is_still_reported() -> None:
    """Normalising leaves a non-text name for the validator, which names it."""
    with raises_field_error("name", "must be non-empty text, got 5"):
        build(Person, name=5)
    with raises_field_error("aliases", "must be a tuple of strings, got list"):
        build(Person, aliases=["Singh"])
    with raises_field_error("aliases", "item 0 must be non-empty text, got None"):
        build(Person, aliases=(None,))


# ---------------------------------------------------------------------- nested records


@pytest.mark.parametrize(
    ("cls", "field", "value", "message"),
    [
        (Person, "roles", ("x",), "item 0 must be a Role, got 'x'"),
        (Person, "roles", [], "must be a tuple of Role, got list"),
        (Delegation, "engagements", (CITATION,), f"item 0 must be a Engagement, got {CITATION!r}"),
        (Meeting, "citations", ("ians",), "item 0 must be a Citation, got 'ians'"),
        (Meeting, "inferred", ("why",), "item 0 must be a Inference, got 'why'"),
        (Meeting, "claims", (CITATION,), f"item 0 must be a Claim, got {CITATION!r}"),
        (Meeting, "place", "Tel Aviv", "must be a Place, got str 'Tel Aviv'"),
        (Agreement, "place", ("IL",), "must be a Place, got tuple ('IL',)"),
        (Meeting, "citations", [CITATION], "must be a tuple of Citation, got list"),
        (Meeting, "citations", (CITATION, None), "item 1 must be a Citation, got None"),
        (
            Meeting,
            "date",
            "2025-11-04",
            "must be a PartialDate, DateRange or DateBetween, got str",
        ),
        (
            Role,
            "attested",
            (PartialDate(2025), "2025"),
            "must be a tuple of PartialDate, got "
            "(PartialDate(year=2025, month=None, day=None), '2025')",
        ),
        (
            Role,
            "attested",
            (DateRange(PartialDate(2025), PartialDate(2026)),),
            "must be a tuple of PartialDate, got (DateRange(start=PartialDate(year=2025, "
            "month=None, day=None), end=PartialDate(year=2026, month=None, day=None)),)",
        ),
    ],
)
def test_nested_values_are_type_checked(
    cls: type[Any], field: str, value: Any, message: str
) -> None:
    """Fields holding other records or dates reject values of the wrong type."""
    with raises_field_error(field, message):
        build(cls, **{field: value})


def test_a_subclass_of_a_nested_record_is_accepted() -> None:
    """Instances of a subclass (of Citation, here) pass the type check, as isinstance would."""

    @attrs.frozen(kw_only=True)
    class PageCitation(Citation):
        page: int = 1

    cited = PageCitation(source=CITATION.source, quote=CITATION.quote, page=4)
    assert build(Meeting, citations=(CITATION, cited)).citations[1] is cited


@pytest.mark.parametrize(
    ("cls", "field", "value"),
    [
        (Meeting, "place", "Tel Aviv"),
        (Agreement, "place", "Tel Aviv"),
        (Source, "dateline", "New Delhi"),
        (Claim, "citation", "ians-2025-11-06"),
    ],
)
def test_place_and_citation_fields_raise_field_value_error(
    cls: type[Any], field: str, value: str
) -> None:
    """A Place or Citation field given a str raises FieldValueError naming the field."""
    with pytest.raises(FieldValueError, match=re.escape(repr(value))) as info:
        build(cls, **{field: value})
    assert info.value.field == field


# ----------------------------------------------------------------------------- citations


@pytest.mark.parametrize("cls", CITATIONS_REQUIRED, ids=lambda cls: cls.__name__)
def test_citations_required(cls: type[Any]) -> None:
    """Records that need a source reject an empty citations tuple."""
    with raises_field_error("citations", "needs at least 1 citation, got 0") as info:
        build(cls, citations=())
    assert info.value.field == "citations"


@pytest.mark.parametrize("cls", [FocusArea, Source], ids=lambda cls: cls.__name__)
def test_citations_optional(cls: type[Any]) -> None:
    """Focus areas and sources may have no citations."""
    assert build(cls, citations=()).citations == ()


def test_meeting_citation_supports_must_name_fact_field() -> None:
    """A citation may only support a meeting's fact fields."""
    citation = Citation(source="ians-2025-11-06", quote="17th JWG", supports=("number", "title"))
    message = (
        "'title' is not a fact field of Meeting; choose from kind, series, number, date, "
        "place, participants, co_chairs, outcomes, focus_areas, links"
    )
    with raises_field_error("citations[1].supports", message) as info:
        build(Meeting, citations=(CITATION, citation), series="jwg", number=17)
    assert info.value.field == "citations[1].supports"


@pytest.mark.parametrize("cls", WITH_FACT_FIELDS, ids=lambda cls: cls.__name__)
def test_citation_supports_checked_for_every_record(cls: type[Any]) -> None:
    """Every record with fact fields rejects a citation supporting an unknown field."""
    citation = Citation(source="ians-2025-11-06", quote="q", supports=("nonsense",))
    expected = (
        f"'nonsense' is not a fact field of {cls.__name__}; "
        f"choose from {', '.join(cls.FACT_FIELDS)}"
    )
    with raises_field_error("citations[0].supports", expected):
        build(cls, citations=(citation,))


@pytest.mark.parametrize(
    ("cls", "fields"),
    [
        (Person, ("name", "aliases", "roles", "identifiers")),
        (Series, ("name", "short_name", "aliases", "parties", "description", "identifiers")),
        (Organisation, ("name", "aliases", "kind", "country", "parent", "identifiers")),
        (FocusArea, ("label", "synonyms", "parents")),
        (Source, ("title", "publisher", "agency", "published", "dateline", "kind", "date_line")),
        (
            Delegation,
            (
                "leader",
                "members",
                "origin",
                "host",
                "dates",
                "purpose",
                "engagements",
                "ordinal",
                "visit_kind",
                "links",
            ),
        ),
        (
            Event,
            (
                "kind",
                "date",
                "place",
                "description",
                "people",
                "organisations",
                "countries",
                "details",
                "involved",
                "quantities",
                "links",
            ),
        ),
        (
            Agreement,
            (
                "kind",
                "parties",
                "signed",
                "place",
                "signatories",
                "focus_areas",
                "meeting",
                "meeting_timing",
                "status",
                "summary",
                "actions",
                "identifiers",
                "links",
            ),
        ),
    ],
)
def test_fact_fields(cls: type[Any], fields: tuple[str, ...]) -> None:
    """Each record class lists the fields a citation may support."""
    assert fields == cls.FACT_FIELDS
    citation = Citation(source="ians-2025-11-06", quote="q", supports=fields)
    assert build(cls, citations=(citation,)).citations == (citation,)


@pytest.mark.parametrize("cls", [Role, Engagement], ids=lambda cls: cls.__name__)
def test_nested_record_citation_supports_checked(cls: type[Any]) -> None:
    """Roles and engagements reject a citation supporting a field they do not have."""
    citation = Citation(source="ians-2025-11-06", quote="q", supports=("nonsense",))
    with pytest.raises(FieldValueError, match="'nonsense' is not a") as info:
        build(cls, citations=(citation,))
    assert info.value.field == "citations[0].supports"


@pytest.mark.parametrize("label", ["inferred", "claims"])
@pytest.mark.parametrize("cls", WITH_FACT_FIELDS, ids=lambda cls: cls.__name__)
def test_inferred_and_claims_must_name_fact_field(cls: type[Any], label: str) -> None:
    """Inferences and claims may only name the record's fact fields."""
    item: Inference | Claim = (
        Inference(field="nope", reason="r")
        if label == "inferred"
        else Claim(field="nope", value="v", citation=CITATION)
    )
    expected = (
        f"'nope' is not a fact field of {cls.__name__}; choose from {', '.join(cls.FACT_FIELDS)}"
    )
    with raises_field_error(f"{label}[0].field", expected) as info:
        build(cls, **{label: (item,)})
    assert info.value.field == f"{label}[0].field"


def test_meeting_inferred_unknown_field_message() -> None:
    """The error for an unknown inferred field lists the meeting's fact fields."""
    message = (
        "'nope' is not a fact field of Meeting; choose from kind, series, number, date, "
        "place, participants, co_chairs, outcomes, focus_areas, links"
    )
    with raises_field_error("inferred[1].field", message):
        build(
            Meeting,
            inferred=(Inference(field="date", reason="r"), Inference(field="nope", reason="r")),
        )


def test_engagement_inferred_must_name_field() -> None:
    """An engagement's inferences may only name its own fields."""
    message = (
        "'title' is not a field of Engagement; choose from kind, description, date, place, "
        "meeting, organisations, people, unnamed"
    )
    with raises_field_error("inferred[0].field", message):
        build(Engagement, inferred=(Inference(field="title", reason="r"),))


def test_disputed_field_must_be_unset_or_explained() -> None:
    """A field with competing claims must be unset or carry an inference saying why."""
    claims = (
        Claim(field="meeting_timing", value="during", citation=CITATION),
        Claim(field="meeting_timing", value="after", citation=CITATION),
    )
    message = (
        "sources disagree (after, during) but the field holds during; "
        "leave it unset or add an inferred entry saying why"
    )
    with raises_field_error("meeting_timing", message):
        build(Agreement, meeting="jwg-17", meeting_timing=MeetingTiming.DURING, claims=claims)
    unset = build(Agreement, meeting="jwg-17", claims=claims)
    assert unset.meeting_timing is None
    explained = build(
        Agreement,
        meeting="jwg-17",
        meeting_timing=MeetingTiming.DURING,
        claims=claims,
        inferred=(Inference(field="meeting_timing", reason="the official release says so"),),
    )
    assert explained.meeting_timing is MeetingTiming.DURING


def test_agreeing_claims_need_no_explanation() -> None:
    """Claims that all give the same value do not make the field disputed."""
    claims = (
        Claim(field="meeting_timing", value="during", citation=CITATION),
        Claim(field="meeting_timing", value="during", citation=CITATION),
    )
    agreement = build(
        Agreement, meeting="jwg-17", meeting_timing=MeetingTiming.DURING, claims=claims
    )
    assert agreement.claims == claims


# -------------------------------------------------------------------- cross-field rules


@pytest.mark.parametrize(
    ("number", "message"),
    [
        (0, "must be a positive whole number, got 0"),
        (-1, "must be a positive whole number, got -1"),
        (True, "must be a positive whole number, got True"),
        ("17", "must be a positive whole number, got '17'"),
        (17.0, "must be a positive whole number, got 17.0"),
    ],
)
def test_meeting_number_must_be_positive_int(number: Any, message: str) -> None:
    """A meeting number is a positive int."""
    with raises_field_error("number", message):
        build(Meeting, series="jwg", number=number)


def test_meeting_number_needs_series() -> None:
    """A meeting number without a series is rejected."""
    with raises_field_error("number", "17 is given but series is not") as info:
        build(Meeting, number=17)
    assert info.value.field == "number"


def test_meeting_co_chair_must_be_participant() -> None:
    """Every co-chair must be listed among the participants."""
    message = "'amir-baram' is a co-chair but not listed in participants"
    with raises_field_error("co_chairs", message) as info:
        build(
            Meeting,
            participants=("rajesh-kumar-singh",),
            co_chairs=("rajesh-kumar-singh", "amir-baram"),
        )
    assert info.value.field == "co_chairs"


def test_agreement_meeting_timing_needs_meeting() -> None:
    """An agreement cannot say when it was signed relative to a meeting it does not name."""
    with raises_field_error("meeting_timing", "is given but meeting is not") as info:
        build(Agreement, meeting_timing=MeetingTiming.DURING)
    assert info.value.field == "meeting_timing"


def test_delegation_leader_not_in_members() -> None:
    """The leader of a delegation is not listed among its members."""
    message = "'rajesh-kumar-singh' is the leader; list members only"
    with raises_field_error("members", message) as info:
        build(Delegation, members=("an-official", "rajesh-kumar-singh"))
    assert info.value.field == "members"


def test_role_needs_title_or_organisation() -> None:
    """A role with neither title nor organisation is rejected."""
    with raises_field_error("title", "a role needs a title, an organisation or both") as info:
        Role(citations=CITES)
    assert info.value.field == "title"


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (PartialDate(2025), PartialDate(2024), "'2024' is before start '2025'"),
        (
            PartialDate(2025, 7, 2),
            PartialDate(2025, 7, 1),
            "'2025-07-01' is before start '2025-07-02'",
        ),
    ],
)
def test_role_end_not_before_start(start: PartialDate, end: PartialDate, message: str) -> None:
    """A role cannot end before it starts."""
    with raises_field_error("end", message):
        build(Role, start=start, end=end)


def test_role_end_may_share_a_month_with_start() -> None:
    """A role whose end month contains its start day is accepted."""
    role = build(Role, start=PartialDate(2025, 7, 15), end=PartialDate(2025, 7))
    assert role.end == PartialDate(2025, 7)


def test_engagement_meeting_kind_needs_meeting() -> None:
    """A 'meeting' engagement must name its meeting."""
    with raises_field_error("meeting", "a 'meeting' engagement must name its meeting") as info:
        build(Engagement, kind=EngagementKind.MEETING)
    assert info.value.field == "meeting"


def test_field_value_error_is_library_and_value_error() -> None:
    """FieldValueError is an AgreementTrackerError and a ValueError carrying field and message."""
    with pytest.raises(FieldValueError) as info:
        Place(country="XX")
    assert isinstance(info.value, AgreementTrackerError)
    assert isinstance(info.value, ValueError)
    assert (info.value.field, info.value.message) == (
        "country",
        "'XX' is not an ISO 3166-1 alpha-2 country code",
    )
    assert str(info.value) == "country: 'XX' is not an ISO 3166-1 alpha-2 country code"


# ------------------------------------------------------------------ frozen and evolve


@pytest.mark.parametrize("cls", list(VALID), ids=lambda cls: cls.__name__)
def test_records_are_frozen(cls: type[Any]) -> None:
    """Assigning to a field of any record raises FrozenInstanceError."""
    record = build(cls)
    name = next(iter(VALID[cls]))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, name, VALID[cls][name])


def test_place_assignment_is_refused() -> None:
    """Assigning a place's city raises FrozenInstanceError and leaves the place unchanged."""
    place = Place(city="Tel Aviv", country="IL")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        place.city = "Haifa"  # type: ignore[misc]
    assert place.city == "Tel Aviv"


def test_evolve_makes_a_changed_copy() -> None:
    """attrs.evolve returns a changed copy and leaves the original alone."""
    meeting = build(Meeting)
    later = attrs.evolve(meeting, series="jwg", number=18, date=PartialDate(2026))
    assert (later.series, later.number, later.date) == ("jwg", 18, PartialDate(2026))
    assert (meeting.series, meeting.number, meeting.date) == (None, None, None)
    assert later.id == meeting.id


def test_evolve_validates() -> None:
    """attrs.evolve runs the validators and the cross-field checks."""
    place = Place(city="Tel Aviv", country="IL")
    with raises_field_error(
        "country", "'Israel' is not an ISO 3166-1 alpha-2 country code; 'Israel' is 'IL'"
    ):
        attrs.evolve(place, country="Israel")
    with raises_field_error("number", "3 is given but series is not"):
        attrs.evolve(build(Meeting), number=3)


def test_records_compare_and_hash_by_value() -> None:
    """Records with equal fields are equal and hash equally."""
    assert build(Meeting) == build(Meeting)
    assert hash(build(Meeting)) == hash(build(Meeting))
    assert build(Meeting) != build(Meeting, title="Other")


# ----------------------------------------------------------------------------- properties


ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"


@given(st.from_regex(ID_PATTERN, fullmatch=True))
def test_any_well_formed_id_is_accepted(value: str) -> None:
    """Every string of lower-case letters and digits joined by single hyphens is an id."""
    assert Citation(source=value, quote="q").source == value


@given(st.text(alphabet="abcXY -_09\n", max_size=8))
def test_id_validator_matches_pattern(value: str) -> None:
    """A string without a trailing newline is accepted as an id exactly when it matches the id pattern."""
    assume(not value.endswith("\n"))  # see test_id_rejects_trailing_newline
    if re.fullmatch(ID_PATTERN, value) is not None:
        assert Citation(source=value, quote="q").source == value
    else:
        with raises_field_error("source", ID_MESSAGE.format(value)):
            Citation(source=value, quote="q")
