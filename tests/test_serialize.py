"""The private converter: strict structuring, located errors, and round trips."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import agreement_tracker as at
from agreement_tracker.serialize import (
    RECORD_TYPES,
    _record_reader,
    structure_record,
    unstructure_record,
)

CITATION = {"source": "s", "quote": "q"}


def _meeting(**changes: Any) -> dict[str, Any]:
    return {"id": "m-1", "kind": "talks", "title": "Talks", "citations": [CITATION], **changes}


def _problems(data: dict[str, Any], kind: str = "meeting") -> tuple[str, ...]:
    with pytest.raises(at.DatasetError) as caught:
        structure_record(data, kind, where="meetings.toml")
    return caught.value.problems


def test_the_converter_is_private() -> None:
    """The library's converter is its own, and leaves cattrs' global converter alone."""
    import cattrs

    from agreement_tracker._converter import CONVERTER

    assert CONVERTER is not cattrs.global_converter
    assert CONVERTER.unstructure(at.PartialDate(2025, 11)) == "2025-11"
    assert cattrs.global_converter.unstructure(at.PartialDate(2025, 11)) == {
        "year": 2025,
        "month": 11,
        "day": None,
    }


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2025", at.PartialDate),
        ("2025-11", at.PartialDate),
        ("2025-11-04", at.PartialDate),
        ("2025-07-22/2025-07-23", at.DateRange),
        ("[2025-11-04..2025-11-06]", at.DateBetween),
    ],
)
def test_date_fields_read_every_edtf_form(text: str, kind: type) -> None:
    """A date field accepts each supported EDTF form and writes it back unchanged."""
    record = structure_record(_meeting(date=text), "meeting", where="meetings.toml")
    assert isinstance(record, at.Meeting)
    assert type(record.date) is kind
    assert unstructure_record(record)["date"] == text


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"number": True, "series": "jwg"},
            "expected a whole number, got bool True @ meetings.toml[m-1].number",
        ),
        ({"title": 3}, "expected text, got int 3 @ meetings.toml[m-1].title"),
        ({"participants": "a"}, "expected a list, got str 'a' @ meetings.toml[m-1].participants"),
        (
            {"participants": ["a", 3]},
            "expected text, got int 3 @ meetings.toml[m-1].participants[1]",
        ),
        ({"place": {"city": "X"}}, "required field missing @ meetings.toml[m-1].place.country"),
        (
            {"place": {"country": "ZZ"}},
            "'ZZ' is not an ISO 3166-1 alpha-2 country code @ meetings.toml[m-1].place.country",
        ),
        ({"place": "Tel Aviv"}, "expected a table, got str 'Tel Aviv' @ meetings.toml[m-1].place"),
        (
            {"date": "2025-02-29"},
            "'2025-02-29': day must be 1..28 for 2025-02, got 29 @ meetings.toml[m-1].date",
        ),
        (
            {"date": "2025-07-23/2025-07-22"},
            "'2025-07-23/2025-07-22': range '2025-07-23' .. '2025-07-22' is out of order: the first date must not come after the second @ meetings.toml[m-1].date",
        ),
        ({"citations": []}, "needs at least 1 citation, got 0 @ meetings.toml[m-1].citations"),
        (
            {"citations": [{"source": "s"}]},
            "required field missing @ meetings.toml[m-1].citations[0].quote",
        ),
        (
            {"citations": [{"source": "s", "quote": "q", "page": 3}]},
            "unknown field 'page' @ meetings.toml[m-1].citations[0]",
        ),
        (
            {"kind": "summit meeting"},
            "'summit meeting' is not a MeetingKind; did you mean 'summit'? @ meetings.toml[m-1].kind",
        ),
        (
            {"id": "M 1"},
            "'M 1' is not an id: use lower-case letters, digits and single hyphens, like 'jwg-17' @ meetings.toml.id",
        ),
        ({"number": 3}, "3 is given but series is not @ meetings.toml[m-1].number"),
    ],
)
def test_bad_values_are_located(changes: dict[str, Any], expected: str) -> None:
    """Each kind of bad value gives one message ending in file[record].field."""
    assert _problems(_meeting(**changes)) == (expected,)


def test_a_bad_place_is_refused_and_located() -> None:
    """A good place is read as a Place; a bad one is refused and located."""
    place = {"city": "Tel Aviv", "country": "IL"}
    record = structure_record(_meeting(place=place), "meeting", where="meetings.toml")
    assert isinstance(record, at.Meeting)
    assert record.place == at.Place(city="Tel Aviv", country="IL")
    assert _problems(_meeting(place={"city": "Tel Aviv", "country": "XX"})) == (
        "'XX' is not an ISO 3166-1 alpha-2 country code @ meetings.toml[m-1].place.country",
    )
    assert _problems(_meeting(place={"city": ["Tel Aviv"], "country": "IL"})) == (
        "expected text, got list ['Tel Aviv'] @ meetings.toml[m-1].place.city",
    )


def _fast_refuses(table: dict[str, Any]) -> str:
    with pytest.raises(Exception) as caught:  # noqa: PT011 - whatever the check raises
        _record_reader(at.Meeting)(table)
    return str(caught.value)


def test_the_fast_reader_sets_defaults_and_runs_every_check() -> None:
    """Fields left out get their defaults; given values, even default-like ones, are checked."""
    record = _record_reader(at.Meeting)(_meeting())
    assert record == at.Meeting(
        id="m-1",
        kind=at.MeetingKind.TALKS,
        title="Talks",
        citations=(at.Citation(source="s", quote="q"),),
    )
    assert record.participants == ()
    assert record.series is None
    assert record.notes is None
    assert "more than once" in _fast_refuses(_meeting(participants=["p-1", "p-1"]))
    assert "series is not" in _fast_refuses(_meeting(number=2))
    assert "at least 1 citation" in _fast_refuses(_meeting(citations=[]))
    assert "must be non-empty text" in _fast_refuses(_meeting(notes=" "))
    with attrs.validators.disabled():  # as attrs' own __init__ does
        assert _record_reader(at.Meeting)(_meeting(notes=" ")).notes == " "


def test_the_fast_reader_takes_partial_dates_as_the_detailed_reader_does() -> None:
    """A padded day in a role's attested list is refused, so the real problem is reported."""
    role = {"title": "T", "citations": [CITATION], "attested": [" 2025-11-04"]}
    person = {"id": "p", "name": "P", "citations": [CITATION], "roles": [role]}
    with pytest.raises(at.DateFormatError):
        _record_reader(at.Person)(person)
    good = {**role, "attested": ["2025-11-04"]}
    record = _record_reader(at.Person)({**person, "roles": [good]})
    assert isinstance(record, at.Person)
    assert record.roles[0].attested == (at.PartialDate(2025, 11, 4),)
    with pytest.raises(at.DatasetError) as caught:
        structure_record({**person, "roles": [good], "notes": " "}, "person", where="p.toml")
    assert caught.value.problems == ("must be non-empty text, got ' ' @ p.toml[p].notes",)


def test_an_unreadable_id_is_located_by_position() -> None:
    """A record whose id is not an id is named by its position, never by the raw text."""
    with pytest.raises(at.DatasetError) as caught:
        structure_record(_meeting(id="x] @ y\nz"), "meeting", where="m.toml", index=3)
    assert caught.value.problems == (
        "'x] @ y\\nz' is not an id: use lower-case letters, digits and single hyphens, "
        "like 'jwg-17' @ m.toml[#3].id",
    )


def test_several_problems_in_one_record_are_all_reported() -> None:
    """Problems in different fields of one record are reported together."""
    assert _problems(_meeting(title=1, date="soon", extra=True)) == (
        "expected text, got int 1 @ meetings.toml[m-1].title",
        "'soon' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD @ meetings.toml[m-1].date",
        "unknown field 'extra' @ meetings.toml[m-1]",
    )


def test_several_unknown_fields_are_reported_one_by_one() -> None:
    """Each unknown key gets its own line, in sorted order, with a close match if any."""
    assert _problems(_meeting(zeta=1, titel="T")) == (
        "unknown field 'titel'; did you mean 'title'? @ meetings.toml[m-1]",
        "unknown field 'zeta' @ meetings.toml[m-1]",
    )


def test_a_failed_check_inside_a_nested_value_names_its_field() -> None:
    """A check that fails while a nested record is made is located at that record's field."""
    citation = {**CITATION, "supports": ["colour"]}
    assert _problems(_meeting(citations=[citation])) == (
        "'colour' is not a fact field of Meeting; choose from kind, series, number, date, "
        "place, participants, co_chairs, outcomes, focus_areas, links "
        "@ meetings.toml[m-1].citations[0].supports",
    )


def test_a_record_that_is_not_a_table() -> None:
    """A list where a table belongs is reported, not crashed on."""
    with pytest.raises(at.DatasetError) as caught:
        structure_record(["x"], "meeting", where="meetings.toml")  # type: ignore[arg-type]
    assert caught.value.problems == ("expected a table, got list ['x'] @ meetings.toml",)


def test_every_bundled_record_round_trips(tracker: at.Tracker) -> None:
    """Unstructuring then structuring every bundled record gives an equal record."""
    kinds = {cls: key for key, cls in RECORD_TYPES.items()}
    records: list[Any] = [
        *tracker.organisations,
        *tracker.people,
        *tracker.focus_areas,
        *tracker.meeting_series,
        *tracker.meetings,
        *tracker.agreements,
        *tracker.delegations,
        *tracker.events,
        *tracker.statements,
        *tracker.relationship_facts,
        *tracker.materiel,
    ]
    for record in records:
        data = unstructure_record(record)
        assert structure_record(data, kinds[type(record)], where="x") == record
    for source in tracker.sources:
        data = {**unstructure_record(source), "text": source.text}
        assert "text" not in unstructure_record(source)
        assert structure_record(data, "source", where="x") == source


def test_unstructure_leaves_out_defaults() -> None:
    """Fields at their default are not written, so files stay small and stable."""
    record = structure_record(_meeting(), "meeting", where="x")
    assert unstructure_record(record) == {
        "id": "m-1",
        "kind": "talks",
        "title": "Talks",
        "citations": [{"source": "s", "quote": "q"}],
    }
