"""Every query helper against the real bundled data, with exact expected answers."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

import attrs
import pendulum
import pytest

import agreement_tracker as at
from agreement_tracker import query
from agreement_tracker._index import engagements_span, people_in

from . import open_dates, oracles

MOU = "mou-2025-11-defence-cooperation"


def _ids(records: Sequence[object]) -> list[str]:
    return [r.id for r in records]  # type: ignore[attr-defined]


# ------------------------------------------------------------------ focus areas


@pytest.mark.parametrize(
    "domain",
    [
        "cyber security",
        "Cyber Security",
        "cybersecurity",
        "cyber-security",
        "AI",
        "artificial intelligence",
        "Research and Develoment",
        "R&D",
        "emerging technologies",
        "electronic warfare",
        "defence industrial cooperation",
        "joint manufacturing",
    ],
)
def test_mous_match_synonyms_case_and_hierarchy(tracker: at.Tracker, domain: str) -> None:
    """mous() finds the MoU by any spelling of any of its focus areas or their umbrellas."""
    assert _ids(tracker.mous(domain=domain)) == [MOU]


@pytest.mark.parametrize("domain", ["counter-terrorism", "operational capability"])
def test_mous_for_a_known_area_no_mou_covers_is_empty(tracker: at.Tracker, domain: str) -> None:
    """A known focus area that no MoU names gives an empty answer, not an error."""
    assert tracker.mous(domain=domain) == ()


def test_mous_without_domain_lists_every_mou(tracker: at.Tracker) -> None:
    """mous() with no domain lists all MoUs."""
    assert _ids(tracker.mous()) == [MOU]


def test_unknown_domain_raises_with_suggestion(tracker: at.Tracker) -> None:
    """An unknown focus area raises a LookupError naming the closest term."""
    with pytest.raises(
        LookupError,
        match=r"^no focus area 'artifical intelligence'; did you mean 'Artificial Intelligence' or 'Intelligence sharing'\?$",
    ):
        tracker.mous(domain="artifical intelligence")


def test_unknown_domain_without_close_match_lists_the_vocabulary(tracker: at.Tracker) -> None:
    """With nothing close, the error lists the vocabulary instead."""
    with pytest.raises(at.UnknownRecordError) as caught:
        tracker.mous(domain="space")
    assert str(caught.value).startswith(
        "no focus area 'space'; the vocabulary has: Emerging technologies, Artificial Intelligence,"
    )


def test_mous_by_domain(tracker: at.Tracker) -> None:
    """mous_by_domain maps each directly named focus area, in vocabulary order, to its MoUs."""
    by_domain = tracker.mous_by_domain()
    assert [area.id for area in by_domain] == [
        "emerging-technologies",
        "artificial-intelligence",
        "cyber-security",
        "unmanned-systems",
        "electronic-warfare",
        "research-and-development",
        "defence-innovation",
        "start-up-ecosystems",
        "technology-sharing",
        "defence-industrial-cooperation",
        "co-development",
        "co-production",
        "advanced-weapon-systems",
        "training",
        "strategic-dialogue",
    ]
    assert {tuple(_ids(v)) for v in by_domain.values()} == {(MOU,)}


def test_agreements_about_filters_by_kind(tracker: at.Tracker) -> None:
    """agreements_about() narrows by kind; an unknown kind is a clear error."""
    assert _ids(tracker.agreements_about("training", kind="mou")) == [MOU]
    assert tracker.agreements_about("training", kind="treaty") == ()
    with pytest.raises(
        at.UnknownRecordError, match=r"no agreement kind 'moo'; did you mean 'mou'\?"
    ):
        tracker.agreements_about(kind="moo")


# ------------------------------------------------------------------ series and "since"


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2024-07-31", "jwg-16"),  # a July 2024 meeting has certainly happened by 31 July
        ("2025-11-01", "jwg-16"),
        ("2025-11-03", "jwg-16"),
        ("2025-11-05", "jwg-16"),  # the 17th may have lasted until the 6th
        ("2025-11-06", "jwg-17"),  # same day counts
        ("2026-11-23", "jwg-17"),
    ],
)
def test_last_meeting(tracker: at.Tracker, as_of: str, expected: str) -> None:
    """last_meeting returns the latest JWG known to have taken place by as_of."""
    assert tracker.last_meeting("JWG", as_of=as_of).id == expected
    # The series id and a day string seen before take the indexed path: same answer.
    assert tracker.last_meeting("jwg", as_of=as_of).id == expected
    assert tracker.last_meeting("jwg", as_of=as_of).id == expected


@pytest.mark.parametrize("series", ["jwg", "JWG"])
@pytest.mark.parametrize(
    "as_of",
    [None, "2026-11-23", datetime.date(2026, 11, 23), pendulum.Date(2026, 11, 23)],
)
def test_last_meeting_takes_any_date_form(
    tracker: at.Tracker, series: str, as_of: at.DateLike | None
) -> None:
    """Id or alias, a string, a date, a pendulum date or today: the same latest meeting."""
    assert tracker.last_meeting(series, as_of=as_of).id == "jwg-17"


@pytest.mark.parametrize("series", [["jwg"], None, 17])
def test_last_meeting_rejects_a_series_that_is_not_text(
    tracker: at.Tracker, series: object
) -> None:
    """A list, None or a number for the series raises a TypeError that says what is wrong."""
    with pytest.raises(TypeError, match=r"^series name must be a str, got "):
        tracker.last_meeting(series, as_of="2025-11-04")  # type: ignore[arg-type]


def test_last_meeting_facts(tracker: at.Tracker) -> None:
    """The last JWG before November 2025 is the 16th, July 2024, in India."""
    last = tracker.last_meeting("jwg", as_of="2025-11-01")
    assert (last.number, last.date, last.place) == (
        16,
        at.PartialDate(2024, 7),
        at.Place(country="IN"),
    )
    latest = tracker.last_meeting("Joint Working Group", as_of="2025-12-01")
    assert (latest.number, str(latest.date), latest.place and latest.place.label) == (
        17,
        "[2025-11..2025-11-04]/[2025-11..2025-11-06]",  # begun by the 4th, over by the 6th
        "Tel Aviv, Israel",
    )
    assert latest.co_chairs == ("rajesh-kumar-singh", "amir-baram")


def test_last_meeting_when_only_an_imprecise_one_might_have_happened(tracker: at.Tracker) -> None:
    """Mid-July 2024, the July 2024 JWG is not known to have happened: a NoMatchError says so."""
    with pytest.raises(at.NoMatchError) as caught:
        tracker.last_meeting("JWG", as_of="2024-07-15")
    assert str(caught.value) == (
        "no meeting of series 'jwg' is known to have taken place on or before 2024-07-15; "
        "jwg-16 (2024-07) may have, but its date is not precise enough to tell"
    )


def test_last_meeting_before_any_is_an_error(tracker: at.Tracker) -> None:
    """Before any JWG is recorded, last_meeting raises rather than returning nothing."""
    with pytest.raises(
        at.NoMatchError,
        match=r"^no meeting of series 'jwg' is known to have taken place on or before 2020-01-01$",
    ):
        tracker.last_meeting("JWG", as_of="2020-01-01")


def test_last_meeting_defaults_to_today(tracker: at.Tracker) -> None:
    """Without as_of, the answer is as of today."""
    assert tracker.last_meeting("JWG") == tracker.last_meeting("JWG", as_of=pendulum.today().date())


@pytest.mark.parametrize(
    "as_of",
    ["2025-11-01", datetime.date(2025, 11, 1), pendulum.date(2025, 11, 1)],
)
def test_as_of_accepts_strings_and_dates(tracker: at.Tracker, as_of: at.DateLike) -> None:
    """as_of may be an ISO string, a datetime.date or a pendulum date."""
    assert tracker.last_meeting("JWG", as_of=as_of).id == "jwg-16"


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        (
            datetime.datetime(2025, 11, 1, 12, 0),
            "as_of: datetime.datetime(2025, 11, 1, 12, 0) is a date-time",
        ),
        (
            pendulum.datetime(2025, 11, 1),
            "as_of: DateTime(2025, 11, 1, 0, 0, 0, tzinfo=Timezone('UTC')) is a date-time",
        ),
        ("2025-11", "as_of: '2025-11' is not a full day"),
        ("1 Nov 2025", "as_of: '1 Nov 2025' is not a day; give YYYY-MM-DD"),
        (
            20251101,
            "as_of: expected an ISO date string, datetime.date or pendulum.Date, got int 20251101",
        ),
    ],
)
def test_bad_as_of_is_a_clear_error(tracker: at.Tracker, as_of: object, message: str) -> None:
    """A date-time, a partial date, free text or a number for as_of raises DateFormatError."""
    with pytest.raises(at.DateFormatError) as caught:
        tracker.last_meeting("JWG", as_of=as_of)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


def test_unknown_series_raises_with_suggestion(tracker: at.Tracker) -> None:
    """An unknown series name raises UnknownRecordError naming the closest series."""
    with pytest.raises(at.UnknownRecordError, match=r"^no series 'JGW'; did you mean 'JWG'\?$"):
        tracker.last_meeting("JGW")


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2025-07-22", []),  # the Doval meeting may be on the 23rd: not yet certain
        ("2025-07-23", ["doval-baram-2025-07", "singh-baram-2025-07-23"]),
        ("2025-11-01", ["doval-baram-2025-07", "singh-baram-2025-07-23"]),
        ("2025-11-03", ["doval-baram-2025-07", "singh-baram-2025-07-23"]),
        # jwg-17 may have lasted until the 6th: until then jwg-16 is the last known
        ("2025-11-04", ["doval-baram-2025-07", "singh-baram-2025-07-23"]),
        (
            "2025-11-05",
            ["doval-baram-2025-07", "singh-baram-2025-07-23", "saar-jaishankar-2025-11"],
        ),
        ("2025-11-06", []),  # nothing is known to have begun after jwg-17 may have ended
    ],
)
def test_meetings_since_last(tracker: at.Tracker, as_of: str, expected: list[str]) -> None:
    """meetings_since_last lists, in date order, meetings after the last JWG and known by as_of."""
    assert _ids(tracker.meetings_since_last("JWG", as_of=as_of)) == expected


def test_meetings_since_last_never_includes_the_series_meeting(tracker: at.Tracker) -> None:
    """The last JWG itself is not 'since' itself, though it is on the same day."""
    assert "jwg-17" not in _ids(tracker.meetings_since_last("JWG", as_of="2025-12-31"))


# ------------------------------------------------------------------ people


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Amir Baram", "amir-baram"),
        ("amir baram", "amir-baram"),
        ("AMIR BARAM", "amir-baram"),
        ("Baram", "amir-baram"),
        ("Major General Baram", "amir-baram"),
        ("amir-baram", "amir-baram"),
        ("Dr S. Jaishankar", "s-jaishankar"),
        ("S Jaishankar", "s-jaishankar"),
        ("Defence Secretary Singh", "rajesh-kumar-singh"),
        ("  Gideon   Saar ", "gideon-saar"),
    ],
)
def test_person_by_name_or_alias(tracker: at.Tracker, name: str, expected: str) -> None:
    """person() finds people by id, name or alias, ignoring case, spacing and punctuation."""
    assert tracker.person(name).id == expected


def test_person_roles(tracker: at.Tracker) -> None:
    """Who is Amir Baram: Director General of Israel's Ministry of Defence, a reserve Major General."""
    baram = tracker.person("Amir Baram")
    role = baram.roles[0]
    assert (role.title, role.organisation, role.country, role.rank) == (
        "Director General",
        "il-mod",
        "IL",
        "Major General (Res.)",
    )
    assert [str(d) for d in role.attested] == ["2025-07-23", "2025-11", "2025-11-05", "2025-11-06"]
    assert role.held_on("2025-07-23") is True
    assert role.held_on("2025-11-20") is False
    assert role.held_on("2025-11-05") is True
    assert role.held_on("2025-11-20", mode="possible") is True
    assert role.held_on("2025-10-01", mode="possible") is False
    assert tracker.organisation(role.organisation or "").name == "Ministry of Defence (Israel)"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Amir Barram", "no person 'Amir Barram'; did you mean 'Amir Baram'?"),
        ("Rajesh Singh", "no person 'Rajesh Singh'; did you mean 'Rajesh Kumar Singh'?"),
        ("Netanyahoo", "no person 'Netanyahoo'; did you mean 'Benjamin Netanyahu'?"),
        ("Nobody At All", "no person 'Nobody At All'"),
    ],
)
def test_unknown_person_suggests_close_names(tracker: at.Tracker, name: str, message: str) -> None:
    """An unknown person raises UnknownRecordError with the closest people's names."""
    with pytest.raises(at.UnknownRecordError) as caught:
        tracker.person(name)
    assert str(caught.value) == message


def test_involving_a_person(tracker: at.Tracker) -> None:
    """involving() gives a person's meetings, agreements, visits and events in date order."""
    assert _ids(tracker.involving("Rajesh Kumar Singh")) == [
        "baram-india-2025-07",  # he is among the officials Baram's delegation met
        "singh-baram-2025-07-23",
        "jwg-17",
        MOU,
        "singh-israel-2025-11",  # by its engagements: from 4, 5 or 6 November
        "singh-katz-2025-11",
    ]
    assert _ids(tracker.involving("Aditya Raj Kaul")) == ["netanyahu-ndtv-interview-2025"]


# ------------------------------------------------------------------ countries and dates


def test_between_countries(tracker: at.Tracker) -> None:
    """between_countries() lists records involving both countries, by code or name."""
    assert _ids(tracker.between_countries("India", "Israel")) == [
        "saar-global-superpower-2025",  # an open start comes first: on or before 5 November
        "jwg-16",
        "baram-india-2025-07",
        "doval-baram-2025-07",
        "singh-baram-2025-07-23",
        "in-mod-statement-2025-07-23",
        "baram-key-ally-2025-07-24",
        "il-mod-statement-2025-07-24",
        "jwg-17",  # begun in November 2025 by the 4th
        "mod-unified-framework-2025-11",
        MOU,
        "saar-india-2025-11",
        "saar-jaishankar-2025-11",
        "mou-official-statement-2025-11",
        "singh-israel-2025-11",
        "singh-katz-2025-11",
        "in-mod-x-post-2025-11-06",
        "il-important-defence-partner",  # undated ones last: facts about the relationship
        "il-significant-supplier",
        "in-il-growing-partnership",
        "in-il-long-standing-relationship",
        "in-il-shared-concerns",
        "in-il-strategic-convergence",
        "in-il-three-decades",
        "in-il-ties-mutual-trust",
    ]
    assert _ids(tracker.between_countries("IL", "IR")) == ["operation-rising-lion"]
    assert tracker.between_countries("IN", "FR") == ()


def test_unknown_country_suggests(tracker: at.Tracker) -> None:
    """A misspelt country name raises with suggestions."""
    with pytest.raises(at.UnknownRecordError, match=r"^no country 'Isreal'; did you mean 'Israel'"):
        tracker.between_countries("India", "Isreal")


def test_between_dates_certain_and_possible(tracker: at.Tracker) -> None:
    """between() keeps records known to fall in the window, or that may, by mode."""
    assert _ids(tracker.between("2025-07-01", "2025-07-31")) == [
        "baram-india-2025-07",
        "doval-baram-2025-07",
        "singh-baram-2025-07-23",
        "in-mod-statement-2025-07-23",
        "baram-key-ally-2025-07-24",
        "il-mod-statement-2025-07-24",
    ]
    assert _ids(tracker.between("2025-11-05", "2025-11-05")) == []
    assert _ids(tracker.between("2025-11-05", "2025-11-05", mode="possible")) == [
        "saar-ndtv-interview-2025",  # on or before 5 November 2025
        "saar-global-superpower-2025",
        "netanyahu-ndtv-interview-2025",  # dated only "2025"
        "netanyahu-battle-tested-2025",
        "jwg-17",  # it may have lasted into the 5th
        "mod-unified-framework-2025-11",
        "saar-india-2025-11",
        "saar-jaishankar-2025-11",
        "mou-official-statement-2025-11",
        "singh-israel-2025-11",
        "singh-katz-2025-11",
    ]
    assert _ids(tracker.between("2025-01-01", "2025-03-31", mode="possible")) == [
        "operation-rising-lion",
        "saar-ndtv-interview-2025",
        "saar-global-superpower-2025",
        "netanyahu-ndtv-interview-2025",
        "netanyahu-battle-tested-2025",
    ]


def test_between_rejects_bad_arguments(tracker: at.Tracker) -> None:
    """A reversed window or an unknown mode is a ValueError."""
    with pytest.raises(ValueError, match=r"^start 2025-12-01 is after end 2025-01-01$"):
        tracker.between("2025-12-01", "2025-01-01")
    with pytest.raises(ValueError, match=r"^mode must be 'certain' or 'possible', got 'maybe'$"):
        tracker.between("2025-01-01", "2025-12-01", mode="maybe")  # type: ignore[arg-type]


def test_timeline_order_and_precision(tracker: at.Tracker) -> None:
    """The timeline holds every dated record in date order, undated ones last."""
    rows = [(e.kind, e.id, e.date and e.date.isoformat(), e.precision) for e in tracker.timeline()]
    assert rows == [
        ("event", "operation-rising-lion", "[..2025-07-23]", "on or before 2025-07-23"),
        ("event", "saar-ndtv-interview-2025", "[..2025-11-05]", "on or before 2025-11-05"),
        ("statement", "saar-global-superpower-2025", "[..2025-11-05]", "on or before 2025-11-05"),
        ("event", "october-7-attacks-2023", "2023-10-07", "day"),
        ("meeting", "jwg-16", "2024-07", "month"),
        ("event", "netanyahu-ndtv-interview-2025", "2025", "year"),
        ("statement", "netanyahu-battle-tested-2025", "2025", "year"),
        ("event", "pahalgam-attack-2025", "2025-04-22", "day"),
        (
            "event",
            "operation-sindoor-2025",
            "2025-05-07/[2025-05-10..2025-05-12]",
            "day range, end one of 3 days",
        ),
        ("delegation", "baram-india-2025-07", "2025-07-22/2025-07-23", "day range"),
        ("meeting", "doval-baram-2025-07", "[2025-07-22..2025-07-23]", "one of 2 days"),
        ("meeting", "singh-baram-2025-07-23", "2025-07-23", "day"),
        ("statement", "in-mod-statement-2025-07-23", "2025-07-23", "day"),
        ("statement", "baram-key-ally-2025-07-24", "2025-07-24", "day"),
        ("statement", "il-mod-statement-2025-07-24", "2025-07-24", "day"),
        (
            "meeting",
            "jwg-17",
            "[2025-11..2025-11-04]/[2025-11..2025-11-06]",
            "month range, start one of 4 days, end one of 6 days",
        ),
        ("statement", "mod-unified-framework-2025-11", "[2025-11..]", "in or after 2025-11"),
        ("agreement", MOU, "2025-11-04", "day"),
        ("delegation", "saar-india-2025-11", "[2025-11-04..2025-11-05]", "one of 2 days"),
        ("meeting", "saar-jaishankar-2025-11", "[2025-11-04..2025-11-05]", "one of 2 days"),
        (
            "statement",
            "mou-official-statement-2025-11",
            "[2025-11-04..2025-11-05]",
            "one of 2 days",
        ),
        (
            "delegation",
            "singh-israel-2025-11",
            "[2025-11-04..2025-11-06]/[2025-11-04..2025-11-06]",
            "day range, start one of 3 days, end one of 3 days",
        ),
        ("meeting", "singh-katz-2025-11", "[2025-11-04..2025-11-06]", "one of 3 days"),
        ("statement", "in-mod-x-post-2025-11-06", "2025-11-06", "day"),
        ("relationship_fact", "il-important-defence-partner", None, "unknown"),
        ("relationship_fact", "il-significant-supplier", None, "unknown"),
        ("relationship_fact", "in-il-growing-partnership", None, "unknown"),
        ("relationship_fact", "in-il-long-standing-relationship", None, "unknown"),
        ("relationship_fact", "in-il-shared-concerns", None, "unknown"),
        ("relationship_fact", "in-il-strategic-convergence", None, "unknown"),
        ("relationship_fact", "in-il-three-decades", None, "unknown"),
        ("relationship_fact", "in-il-ties-mutual-trust", None, "unknown"),
        ("materiel", "barak-missile", None, "unknown"),
        ("materiel", "harpy-drone", None, "unknown"),
    ]
    derived = [e.id for e in tracker.timeline() if e.derived]
    assert derived == ["saar-india-2025-11", "singh-israel-2025-11"]
    assert tracker.delegation("saar-india-2025-11").dates is None  # the record is unchanged


# ------------------------------------------------------------------ discrepancies, look-ups


def test_discrepancies(tracker: at.Tracker) -> None:
    """The MoU's timing (during or after the JWG) is the one disagreement, with every claim."""
    (only,) = tracker.discrepancies()
    assert (only.record_kind, only.record_id, only.field, only.values) == (
        "agreement",
        MOU,
        "meeting_timing",
        ("during", "after"),
    )
    assert [(c.value, c.citation.source) for c in only.claims] == [
        ("during", "report-2025-11-05"),
        ("after", "exam-2025-11"),
        ("during", "ians-2025-11-06"),
    ]
    # Nothing favours either timing, so the field stays unset; the signing day, which only
    # IANS gives, is set with an inference saying how it was read.
    assert tracker.agreement(MOU).meeting_timing is None
    assert [i.field for i in tracker.agreement(MOU).inferred] == ["signed"]


def test_lookup_by_id(tracker: at.Tracker) -> None:
    """get() returns a default for unknown ids; record() and typed look-ups raise with suggestions."""
    assert tracker.get("jwg-17") is tracker.meeting("jwg-17")
    assert tracker.get("nope") is None
    assert tracker.get("nope", "fallback") == "fallback"
    with pytest.raises(
        at.UnknownRecordError, match=r"^no meeting 'jwg-18'; did you mean 'jwg-17' or 'jwg-16'\?$"
    ):
        tracker.meeting("jwg-18")
    with pytest.raises(at.UnknownRecordError, match=r"^no agreement 'jwg-17'"):
        tracker.agreement("jwg-17")


def test_agreements_at_a_meeting(tracker: at.Tracker) -> None:
    """agreements_at() lists agreements linked to a meeting."""
    assert _ids(tracker.agreements_at("jwg-17")) == [MOU]
    assert tracker.agreements_at("jwg-16") == ()


def test_citations_include_nested_ones(tracker: at.Tracker) -> None:
    """citations() lists a record's own, claims' and nested citations with their sources."""
    sources = [s.id for _, s in tracker.citations(MOU)]
    assert len(sources) == 18  # the last one is its link's
    assert sources[-5:] == [
        "ians-2025-11-06",
        "report-2025-11-05",
        "exam-2025-11",
        "ians-2025-11-06",
        "report-2025-11-05",
    ]
    assert len(tracker.citations("baram-india-2025-07")) == 10


def test_indexed_answers_match_the_reference_rules(tracker: at.Tracker) -> None:
    """Day by day, the indexed queries agree with the plain scans that define the rules."""
    from agreement_tracker import query

    day = datetime.date(2024, 6, 1)
    while day <= datetime.date(2025, 12, 31):
        reference = oracles.last_in_series(tracker.meetings, "jwg", day)
        if reference is None:
            with pytest.raises(at.NoMatchError):
                tracker.last_meeting("JWG", as_of=day)
        else:
            assert tracker.last_meeting("JWG", as_of=day) is reference
            expected = oracles.since(tracker.meetings, reference, day)
            assert tuple(tracker.meetings_since_last("JWG", as_of=day)) == expected
        end = day + datetime.timedelta(days=30)
        for mode in ("certain", "possible"):
            found = [e.record for e in tracker.between(day, end, mode=mode)]
            scanned = [
                r
                for r in (e.record for e in tracker.timeline())
                if query.certainly_within(query.record_date(r), day, end, mode)
            ]
            assert found == scanned, (day, mode)
        day += datetime.timedelta(days=7)


def test_ids_win_over_names_and_shared_names_are_refused() -> None:
    """An id finds its own person even when it is another's alias; a shared name is an error."""
    source = at.Source(id="s", text_file="s.txt", text="Ann and Bo met.")
    cite = (at.Citation(source="s", quote="Ann and Bo met"),)
    ann = at.Person(id="ann", name="Ann", aliases=("bo", "A. B."), citations=cite)
    bo = at.Person(id="bo", name="Bo", aliases=("A B",), citations=cite)
    talks = at.Meeting(
        id="m", kind=at.MeetingKind.TALKS, title="Talks", participants=("ann", "bo"), citations=cite
    )
    small = at.Tracker([source, ann, bo, talks])
    assert (small.person("bo").id, small.person("Ann").id) == ("bo", "ann")
    assert [e.id for e in small.involving("bo")] == ["m"]
    with pytest.raises(at.UnknownRecordError) as caught:
        small.person("a.b.")
    assert (
        str(caught.value) == "no unique person 'a.b.'; it names 'ann' or 'bo'; look them up by id"
    )


# ------------------------------------------------------------------ indexes at scale


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> at.Tracker:
    """A seeded synthetic dataset of 3,000 records made by the benchmark generator."""
    import json
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        import generate  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.json"
    path.write_text(json.dumps(generate.generate(3000)), "utf-8")
    return at.Tracker.from_path(path)


def test_agreements_about_matches_a_plain_scan_for_every_term(synthetic: at.Tracker) -> None:
    """For every term, any of its names and every kind, the index answers as a full scan does."""
    kinds: list[at.AgreementKind | None] = [None, *at.AgreementKind]
    for area in synthetic.focus_areas:
        below = {a.id for a in synthetic.focus_areas.descendants(area)}
        for kind in kinds:
            expected = [
                a
                for a in synthetic.agreements
                if below & set(a.focus_areas) and (kind is None or a.kind is kind)
            ]
            for name in {area.id, area.label, area.label.upper()}:
                assert list(synthetic.agreements_about(name, kind=kind)) == expected, (name, kind)
    assert len(synthetic.mous("topic-050")) == 2  # fixed by the seed and the bundled vocabulary
    assert list(synthetic.mous("topic-050")) == [
        a for a in synthetic.agreements if "topic-050" in a.focus_areas and a.kind.value == "mou"
    ]


def test_timeline_order_matches_the_sort_key(synthetic: at.Tracker) -> None:
    """The timeline, each kind's tuple and the date windows follow query.timeline_key."""
    from agreement_tracker import query

    everything: list[at.Agreement | at.Meeting | at.Delegation | at.Event] = [
        *synthetic.agreements,
        *synthetic.meetings,
        *synthetic.delegations,
    ]
    expected = sorted(everything, key=query.timeline_key)
    assert [e.record for e in synthetic.timeline()] == expected
    assert list(synthetic.meetings) == [r for r in expected if isinstance(r, at.Meeting)]
    start, end = datetime.date(2001, 1, 1), datetime.date(2003, 6, 30)
    for mode in ("certain", "possible"):
        scanned = [
            r for r in expected if query.certainly_within(query.record_date(r), start, end, mode)
        ]
        assert [e.record for e in synthetic.between(start, end, mode=mode)] == scanned
        assert len(scanned) > 100


def test_series_people_and_pairs_match_plain_scans(synthetic: at.Tracker) -> None:
    """last_meeting, meetings_since_last, involving and between_countries agree with scans."""
    for series in synthetic.meeting_series[:40]:
        for as_of in ("1995-06-30", "2005-01-01", "2015-12-31", "2030-01-01"):
            day = datetime.date.fromisoformat(as_of)
            reference = oracles.last_in_series(synthetic.meetings, series.id, day)
            if reference is None:
                with pytest.raises(at.NoMatchError):
                    synthetic.last_meeting(series.id, as_of=as_of)
                continue
            # By id (the indexed path, asked twice so the day string is known) and by name.
            assert synthetic.last_meeting(series.id, as_of=as_of) is reference
            assert synthetic.last_meeting(series.id, as_of=as_of) is reference
            assert synthetic.last_meeting(series.short_name or "", as_of=as_of) is reference
            pair = set(series.parties)
            expected = [
                m
                for m in oracles.since(synthetic.meetings, reference, day)
                if pair <= oracles.countries_of(synthetic, m)
            ]
            assert list(synthetic.meetings_since_last(series.id, as_of=as_of)) == expected
        a, b = series.parties
        scanned = [
            e.id
            for e in synthetic.timeline()
            if {a, b} <= oracles.countries_of(synthetic, e.record)
        ]
        assert [e.id for e in synthetic.between_countries(a, b)] == scanned
    for person in synthetic.people[:40]:
        scanned = [e.id for e in synthetic.timeline() if person.id in people_in(e.record)]
        assert [e.id for e in synthetic.involving(person.id)] == scanned


def test_a_series_id_wins_over_another_series_alias() -> None:
    """series(id) finds that series even when the id is also another series' alias."""
    source = at.Source(id="s", text_file="s.txt", text="Two groups met.")
    cite = (at.Citation(source="s", quote="Two groups", supports=("name",)),)
    first = at.Series(id="alpha", name="First group", aliases=("beta",), citations=cite)
    second = at.Series(id="beta", name="Second group", citations=cite)
    small = at.Tracker([source, first, second])
    assert (small.series("beta").id, small.series("alpha").id) == ("beta", "alpha")
    assert small.series("First group").id == "alpha"


# ------------------------------------------------------------------ an analyst's questions


def test_expand_resolves_every_id_a_record_holds(tracker: at.Tracker) -> None:
    """expand() gives records for ids, nested values expanded, other fields as they are."""
    meeting = tracker.expand(tracker.meeting("jwg-17"))
    assert meeting.series is tracker.series("jwg")
    assert [p.name for p in meeting.participants] == ["Rajesh Kumar Singh", "Amir Baram"]
    assert [p.id for p in meeting.co_chairs] == ["rajesh-kumar-singh", "amir-baram"]
    assert [f.label for f in meeting.focus_areas] == [
        "Counter-terrorism",
        "Operational capability",
        "Research and Development",
        "Technological innovation",
    ]
    assert meeting.title == "17th India–Israel JWG on Defence Cooperation"
    assert meeting.record is tracker.meeting("jwg-17")
    visit = tracker.expand(tracker.delegation("singh-israel-2025-11"))
    assert visit.leader.name == "Rajesh Kumar Singh"
    assert [[o.id for o in e.organisations] for e in visit.engagements] == [
        [],
        ["elbit-systems", "rafael", "iai"],
        [],
    ]
    assert [e.meeting.id if e.meeting else None for e in visit.engagements] == [
        "jwg-17",
        None,
        "singh-katz-2025-11",
    ]
    baram = tracker.expand(tracker.person("amir-baram"))
    assert [r.organisation.id for r in baram.roles] == ["il-mod"]
    mou = tracker.expand(tracker.agreement(MOU))
    assert (mou.meeting.id, [p.id for p in mou.signatories]) == (
        "jwg-17",
        ["rajesh-kumar-singh", "amir-baram"],
    )


def test_expand_refuses_a_record_the_tracker_does_not_hold(tracker: at.Tracker) -> None:
    """A record whose id is unknown is an UnknownRecordError, not a half-resolved view."""
    stranger = at.Source(id="elsewhere", text_file="e.txt", text="text")
    with pytest.raises(at.UnknownRecordError, match=r"^no record 'elsewhere'"):
        tracker.expand(stranger)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (
            "2025-11-03",
            [
                "baram-india-2025-07",
                "doval-baram-2025-07",
                "singh-baram-2025-07-23",
                "in-mod-statement-2025-07-23",
                "baram-key-ally-2025-07-24",
                "il-mod-statement-2025-07-24",
            ],
        ),
        (  # jwg-16 is still the last known: the 17th may have lasted until the 6th
            "2025-11-04",
            [
                "baram-india-2025-07",
                "doval-baram-2025-07",
                "singh-baram-2025-07-23",
                "in-mod-statement-2025-07-23",
                "baram-key-ally-2025-07-24",
                "il-mod-statement-2025-07-24",
                "mou-2025-11-defence-cooperation",
            ],
        ),
        # after the 17th, only what certainly began once it may have ended: the X post
        ("2025-11-30", ["in-mod-x-post-2025-11-06"]),
    ],
)
def test_since_last_covers_every_kind(tracker: at.Tracker, as_of: str, expected: list[str]) -> None:
    """since_last() lists agreements, visits and meetings between the parties since the JWG."""
    assert [e.id for e in tracker.since_last("JWG", as_of=as_of)] == expected
    kinds = {e.kind for e in tracker.since_last("JWG", as_of="2025-11-03")}
    assert kinds == {"delegation", "meeting", "statement"}


def test_between_takes_months_years_and_date_objects(tracker: at.Tracker) -> None:
    """A month or year bound means its whole span; date objects work as bounds."""
    november = [
        "jwg-17",
        MOU,
        "saar-india-2025-11",
        "saar-jaishankar-2025-11",
        "mou-official-statement-2025-11",
        "singh-israel-2025-11",
        "singh-katz-2025-11",
        "in-mod-x-post-2025-11-06",
    ]
    assert [e.id for e in tracker.between("2025-11", "2025-11")] == november
    assert [e.id for e in tracker.between(at.PartialDate(2025, 11), at.PartialDate(2025, 11))] == (
        november
    )
    assert [e.id for e in tracker.between("2024", "2024-07")] == ["jwg-16"]
    assert len(tracker.between("2024-07", "2025-11")) == 17
    assert [e.id for e in tracker.between("2025-07", "2025-07", mode="possible")] == [
        "operation-rising-lion",
        "saar-ndtv-interview-2025",
        "saar-global-superpower-2025",
        "netanyahu-ndtv-interview-2025",
        "netanyahu-battle-tested-2025",
        "baram-india-2025-07",
        "doval-baram-2025-07",
        "singh-baram-2025-07-23",
        "in-mod-statement-2025-07-23",
        "baram-key-ally-2025-07-24",
        "il-mod-statement-2025-07-24",
    ]
    with pytest.raises(at.DateFormatError, match="start"):
        tracker.between("2025-13", "2025-12")


def test_search_is_case_and_accent_insensitive_and_whole_word(tracker: at.Tracker) -> None:
    """search() finds titles, names, quotes and source texts; whole words unless told."""
    found = [(m.record_id, m.field) for m in tracker.search("CYBER")]
    assert found == [
        ("ians-2025-11-06", "text"),
        ("report-2025-11-05", "text"),
        ("cyber-security", "label"),
        ("mou-2025-11-defence-cooperation", "citations[3].quote"),
        ("mou-2025-11-defence-cooperation", "citations[12].quote"),
    ]
    assert len(tracker.search("cyber", whole_word=False)) == 11
    assert tracker.search("Élbit")[1].text == "Elbit Systems"
    assert tracker.search("Elbit").kind == "match"
    assert tracker.search("no such words here") == ()
    with pytest.raises(ValueError, match="give some text"):
        tracker.search("  ")


def test_involving_takes_people_organisations_and_countries(tracker: at.Tracker) -> None:
    """involving() finds a person, then an organisation, then a country."""
    assert [e.id for e in tracker.involving("Rafael")] == ["singh-israel-2025-11"]
    assert [e.id for e in tracker.involving("in-mod")] == [
        "in-mod-statement-2025-07-23",
        "in-mod-x-post-2025-11-06",
    ]
    assert [e.id for e in tracker.involving("Pakistan")] == ["operation-sindoor-2025"]
    assert len(tracker.involving("IL")) == len(tracker.involving("Israel"))
    with pytest.raises(at.UnknownRecordError) as error:
        tracker.involving("rafel")
    assert str(error.value) == (
        "no person, organisation or country 'rafel'; did you mean "
        "'Rafael Advanced Defence Systems', 'Israel Aerospace Industries' or 'Israel Katz'?"
    )


# ------------------------------------------------------------- open and uncertain ends


@pytest.fixture(scope="module")
def open_tracker() -> at.Tracker:
    """A constructed dataset whose dates have open and uncertain ends (tests/open_dates.py)."""
    return open_dates.tracker()


def test_timeline_places_open_starts_first_and_open_ends_last(open_tracker: at.Tracker) -> None:
    """An open start sorts as the earliest day, an open end as the latest, with exact labels."""
    assert [(e.id, e.date.isoformat() if e.date else None) for e in open_tracker.timeline()] == [
        (record_id, date) for record_id, date in open_dates.DATES.items()
    ]
    assert {e.id: e.precision for e in open_tracker.timeline()}["rising-lion"] == (
        "on or before 2025-07-23"
    )


@pytest.mark.parametrize(
    ("start", "end", "mode", "expected"),
    [
        ("2025-05-01", "2025-05-31", "certain", ["sindoor"]),
        ("2025-05-01", "2025-05-31", "possible", ["rising-lion", "sindoor", "open-talks"]),
        ("2025-05-11", "2025-05-11", "certain", []),
        ("2025-05-11", "2025-05-11", "possible", ["rising-lion", "sindoor", "open-talks"]),
        ("2025", "2025", "certain", ["sindoor", "m1", "visit-report"]),
        ("2025-04-30", "2025-04-30", "possible", ["before-range", "rising-lion"]),
        (
            "2030-01-01",
            "2030-12-31",
            "possible",
            ["open-talks", "m2", "tour", "after-nov"],
        ),
        # a window from the calendar's first day holds every day an open start can be
        ("0001-01-01", "2025-04-30", "certain", ["before-range"]),
    ],
)
def test_between_with_open_and_uncertain_ends(
    open_tracker: at.Tracker, start: str, end: str, mode: at.Mode, expected: list[str]
) -> None:
    """An open end is never certainly inside a window and may reach every day on its side."""
    assert _ids(open_tracker.between(start, end, mode=mode)) == expected


def test_between_with_open_ends_matches_a_plain_scan(open_tracker: at.Tracker) -> None:
    """The indexed between() agrees with the rule applied to every entry, for many windows."""
    days = [f"2025-{m:02d}-{d:02d}" for m in (4, 5, 7, 8, 11) for d in (1, 10, 23, 30)]
    for start in days:
        for end in (d for d in days if d >= start):
            for mode in ("certain", "possible"):
                scanned = [
                    e.id
                    for e in open_tracker.timeline()
                    if query.certainly_within(e.date, at.to_date(start), at.to_date(end), mode)
                ]
                assert _ids(open_tracker.between(start, end, mode=mode)) == scanned


def test_certainly_within_an_open_end(open_tracker: at.Tracker) -> None:
    """certainly_within is False for an open end whatever the window, possible when they meet."""
    rising_lion = at.parse_when("[..2025-07-23]")
    first, last = at.to_date("2025-01-01"), at.to_date("2025-12-31")
    assert query.certainly_within(rising_lion, first, last, "certain") is False
    assert query.certainly_within(rising_lion, first, last, "possible") is True
    later = at.to_date("2025-07-24"), at.to_date("2025-08-01")
    assert query.certainly_within(rising_lion, *later, "possible") is False


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("[..2025-07-23]", "2025-07-23", True),
        ("[..2025-07-23]", "2025-07-22", False),
        ("2025-05-07/..", "9999-12-30", False),
        ("2025-05-07/[2025-05-10..2025-05-12]", "2025-05-11", False),
        ("2025-05-07/[2025-05-10..2025-05-12]", "2025-05-12", True),
    ],
)
def test_taken_place_by_with_open_and_uncertain_ends(text: str, day: str, expected: bool) -> None:
    """A date has taken place by a day only when its latest possible day is on or before it."""
    assert query.taken_place_by(at.parse_when(text), at.to_date(day).toordinal()) is expected


def test_last_meeting_skips_a_meeting_with_an_open_end(open_tracker: at.Tracker) -> None:
    """A meeting on or after a day (open end) is never known to have taken place."""
    assert open_tracker.last_meeting("talks", as_of="2025-12-31").id == "m1"
    assert open_tracker.last_meeting("talks", as_of="2025-07-23").id == "m1"


def test_since_with_open_ends(open_tracker: at.Tracker) -> None:
    """Since m1: only what certainly starts on or after it and has certainly ended by as_of."""
    assert _ids(open_tracker.since_last("talks", as_of="2025-12-31")) == ["visit-report"]
    m1, m2 = open_tracker.meeting("m1"), open_tracker.meeting("m2")
    day = at.to_date("2030-01-01")
    assert _ids(query.since(open_tracker.timeline(), m1, day)) == ["visit-report"]
    assert query.since(open_tracker.timeline(), m2, day) == ()


def test_a_delegation_span_keeps_an_engagement_open_end(open_tracker: at.Tracker) -> None:
    """A delegation dated by its engagements has ends as uncertain as they make them."""
    tour = open_tracker.delegation("tour")
    span = engagements_span(tour)
    assert span == at.DateRange(
        at.PartialDate(2025, 7, 24), at.DateBetween(at.PartialDate(2025, 8, 1), None)
    )
    both_open = attrs.evolve(
        tour,
        engagements=(
            attrs.evolve(tour.engagements[0], date=at.parse_when("[..2025-07-24]")),
            tour.engagements[1],
        ),
    )
    assert engagements_span(
        both_open
    ) == at.DateRange(  # began by 24 July, ended in August or later
        at.DateBetween(None, at.PartialDate(2025, 7, 24)),
        at.DateBetween(at.PartialDate(2025, 8, 1), None),
    )
