"""What the sources say: statements, links, roles in events, quantities and more.

Relationship facts, materiel and per-value provenance too: on the bundled data, with
exact values, and against bad input.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

import attrs
import pytest

import agreement_tracker as at
from agreement_tracker._kinds import NESTED, REFERENCES
from agreement_tracker._text import normalise_quote
from agreement_tracker.dates import precision_label
from agreement_tracker.model import SCHEMES

MOU = "mou-2025-11-defence-cooperation"


def exactly(message: str) -> str:
    """A ``match=`` pattern that accepts ``message`` and nothing else."""
    return f"^{re.escape(message)}$"


def cite(quote: str, *supports: str) -> at.Citation:
    """A citation of a made-up source."""
    return at.Citation(source="s", quote=quote, supports=supports)


# --------------------------------------------------------------- the bundled data


def test_baram_statement_has_its_speaker_and_his_words(tracker: at.Tracker) -> None:
    """Baram's words in the Israeli ministry's statement are his, verbatim, said in it."""
    said = tracker.statement("baram-key-ally-2025-07-24")
    assert (said.speaker, said.organisation, said.kind, said.speech) == (
        "amir-baram",
        "il-mod",
        at.StatementKind.WRITTEN_STATEMENT,
        at.Speech.DIRECT,
    )
    assert said.words == (
        "India is a key strategic ally of Israel, and our partnership has proven resilient "
        "through difficult times. Recent operational achievements and common security "
        "challenges create an important window to expand our nations’ defence-industrial "
        "collaboration",
    )
    assert said.date is not None
    assert (said.occasion, said.date.isoformat()) == ("il-mod-statement-2025-07-24", "2025-07-24")
    assert [i.field for i in said.inferred] == ["date"]


def test_statements_separate_speakers_from_people_spoken_about(tracker: at.Tracker) -> None:
    """Each statement names who said it; the people it is about are in ``about``."""
    rows = sorted((s.id, s.speaker, s.organisation, s.speech.value) for s in tracker.statements)
    assert rows == [
        ("baram-key-ally-2025-07-24", "amir-baram", "il-mod", "direct"),
        ("il-mod-statement-2025-07-24", None, "il-mod", "direct"),
        ("in-mod-statement-2025-07-23", None, "in-mod", "direct"),
        ("in-mod-x-post-2025-11-06", None, "in-mod", "direct"),
        ("mod-unified-framework-2025-11", None, None, "reported"),
        ("mou-official-statement-2025-11", None, None, "direct"),
        ("netanyahu-battle-tested-2025", "benjamin-netanyahu", None, "direct"),
        ("saar-global-superpower-2025", "gideon-saar", None, "direct"),
    ]
    post = tracker.statement("in-mod-x-post-2025-11-06")
    assert [u.description for u in post.unnamed] == ["Spokesperson of Indian Defence Ministry"]
    assert post.about == ("rajesh-kumar-singh", "elbit-systems", "rafael", "iai")


def test_netanyahu_keeps_the_reports_bracketed_insertions(tracker: at.Tracker) -> None:
    """The outlet's own insertions in brackets stay in the words as it prints them."""
    (words,) = tracker.statement("netanyahu-battle-tested-2025").words
    assert "(equipment/ammunition)" in words
    assert words.endswith("we develop our weapons in the field and they are battle-tested).")


def test_the_23_july_meeting_links_to_the_pahalgam_attack(tracker: at.Tracker) -> None:
    """Baram condemned the Pahalgam attack at the meeting: a cited link, read both ways."""
    rows = [
        (r.relation, r.other, r.outgoing, r.sources)
        for r in tracker.related("singh-baram-2025-07-23")
    ]
    assert rows == [
        ("condemns", "pahalgam-attack-2025", True, ("ani-2025-07-24",)),
        ("condemns", "october-7-attacks-2023", True, ("ani-2025-07-24",)),
        ("reported by", "in-mod-statement-2025-07-23", False, ("key-ally-2025-07",)),
    ]
    back = tracker.related("pahalgam-attack-2025")
    assert [(r.relation, r.other, r.via) for r in back] == [
        ("condemned at", "singh-baram-2025-07-23", "links[0]")
    ]
    assert back[0].citations[0].quote.startswith("During the meeting, Major General Baram")


def test_every_kind_of_link_in_the_data(tracker: at.Tracker) -> None:
    """Reports, about, presents, coincides-with, at and used-in links hold as curated."""
    outgoing = sorted(
        (r.record_id, r.relation, r.other)
        for record in tracker.all_records()
        for r in tracker.related(record.id)
        if r.outgoing
    )
    assert outgoing == [
        ("barak-missile", "used-in", "operation-sindoor-2025"),
        ("baram-india-2025-07", "presents", "operation-rising-lion"),
        ("baram-key-ally-2025-07-24", "at", "il-mod-statement-2025-07-24"),
        ("harpy-drone", "used-in", "operation-sindoor-2025"),
        ("il-mod-statement-2025-07-24", "about", "co-production"),
        ("il-mod-statement-2025-07-24", "about", "defence-industrial-cooperation"),
        ("il-mod-statement-2025-07-24", "about", "research-and-development"),
        ("il-mod-statement-2025-07-24", "reports", "baram-india-2025-07"),
        ("in-mod-statement-2025-07-23", "about", "baram-india-2025-07"),
        ("in-mod-statement-2025-07-23", "reports", "singh-baram-2025-07-23"),
        ("in-mod-x-post-2025-11-06", "about", "elbit-systems"),
        ("in-mod-x-post-2025-11-06", "about", "iai"),
        ("in-mod-x-post-2025-11-06", "about", "rafael"),
        ("in-mod-x-post-2025-11-06", "about", "rajesh-kumar-singh"),
        ("in-mod-x-post-2025-11-06", "reports", "singh-israel-2025-11"),
        ("mod-unified-framework-2025-11", "about", MOU),
        (MOU, "coincides-with", "saar-india-2025-11"),
        ("mou-official-statement-2025-11", "about", MOU),
        ("netanyahu-battle-tested-2025", "about", "operation-sindoor-2025"),
        ("netanyahu-battle-tested-2025", "at", "netanyahu-ndtv-interview-2025"),
        ("netanyahu-ndtv-interview-2025", "about", "operation-sindoor-2025"),
        ("saar-global-superpower-2025", "at", "saar-ndtv-interview-2025"),
        ("singh-baram-2025-07-23", "condemns", "october-7-attacks-2023"),
        ("singh-baram-2025-07-23", "condemns", "pahalgam-attack-2025"),
        ("singh-katz-2025-11", "about", "jwg-17"),
    ]


def test_rising_lion_has_its_actor_and_target(tracker: at.Tracker) -> None:
    """Israel launched Operation Rising Lion against Iran."""
    involved = tracker.event("operation-rising-lion").involved
    assert [(i.role.value, i.country, i.organisation) for i in involved] == [
        ("actor", "IL", None),
        ("target", "IR", None),
    ]
    assert {c.quote for i in involved for c in i.citations} == {
        "Operation Rising Lion was launched by Israel against Iran"
    }


def test_october_7_and_sindoor_roles_say_what_is_inferred(tracker: at.Tracker) -> None:
    """Hamas's role and the Indian military's are readings, each marked inferred."""
    october = tracker.event("october-7-attacks-2023").involved
    assert [(i.role.value, i.country, i.organisation) for i in october] == [
        ("actor", None, "hamas"),
        ("location", "IL", None),
    ]
    assert [i.field for i in october[0].inferred] == ["role"]
    sindoor = tracker.event("operation-sindoor-2025").involved
    assert [(i.role.value, i.country, i.organisation) for i in sindoor] == [
        ("actor", "IN", "indian-military"),  # no role for Pakistan: repelling is no target
    ]
    assert [i.field for i in sindoor[0].inferred] == ["organisation", "role", "country"]


def test_the_pahalgam_casualties_are_a_quantity_with_its_part(tracker: at.Tracker) -> None:
    """26 people were killed, including one foreign national: two exact quantities."""
    killed, foreign = tracker.event("pahalgam-attack-2025").quantities
    assert (killed.measure, killed.value, killed.unit, killed.qualifier, killed.text) == (
        "killed",
        26,
        "people",
        at.Qualifier.EXACT,
        "26",
    )
    assert (foreign.value, foreign.part_of, foreign.text) == (
        1,
        "killed",
        "including one foreign national",
    )


def test_qualified_numbers_keep_their_qualifiers(tracker: at.Tracker) -> None:
    """'over 1,200', 'more than 250', 'nearly 100-hour', 'over three decades'."""
    found = [
        (record.id, q.measure, q.label)
        for record in tracker.all_records()
        for q in getattr(record, "quantities", ())
    ]
    assert found == [
        ("october-7-attacks-2023", "killed", "more than 1200 people"),
        ("october-7-attacks-2023", "taken hostage", "more than 250 Israelis and foreigners"),
        ("pahalgam-attack-2025", "killed", "26 people"),
        ("pahalgam-attack-2025", "foreign nationals killed", "1 people"),
        ("operation-sindoor-2025", "duration", "nearly 100 hours"),
        ("in-il-three-decades", "duration", "more than 3 decades"),
    ]


def test_between_countries_shows_the_facts_about_the_relationship(tracker: at.Tracker) -> None:
    """Facts about India–Israel relations as a whole are in their timeline, undated, last."""
    facts = [e.id for e in tracker.between_countries("IN", "IL") if e.kind == "relationship_fact"]
    assert facts == [
        "il-important-defence-partner",
        "il-significant-supplier",
        "in-il-growing-partnership",
        "in-il-long-standing-relationship",
        "in-il-shared-concerns",
        "in-il-strategic-convergence",
        "in-il-three-decades",
        "in-il-ties-mutual-trust",
    ]
    decades = tracker.record("in-il-three-decades")
    assert isinstance(decades, at.RelationshipFact)
    assert decades.focus_areas == (
        "intelligence-sharing",
        "drone-systems",
        "radar-technologies",
        "missile-defence",
    )


def test_materiel_names_user_and_use_and_leaves_the_supplier_unknown(
    tracker: at.Tracker,
) -> None:
    """Barak missiles and HARPY drones: used by the Indian military; no source names a supplier."""
    rows = [(m.id, m.name, m.user, m.operator, m.used_in, m.supplier) for m in tracker.materiel]
    assert rows == [
        (
            "barak-missile",
            "Barak missiles",
            "IN",
            "indian-military",
            ("operation-sindoor-2025",),
            None,
        ),
        ("harpy-drone", "HARPY drones", "IN", "indian-military", ("operation-sindoor-2025",), None),
    ]
    assert [(r.relation, r.other) for r in tracker.related("operation-sindoor-2025")] == [
        ("subject of", "netanyahu-ndtv-interview-2025"),
        ("subject of", "netanyahu-battle-tested-2025"),
        ("used", "barak-missile"),
        ("used", "harpy-drone"),
    ]


def test_the_focus_areas_the_ians_report_names_for_the_mou(tracker: at.Tracker) -> None:
    """Per-value provenance: which sources name each of the MoU's focus areas."""
    rows = tracker.provenance(MOU, "focus_areas")
    assert [r.value for r in rows if "ians-2025-11-06" in r.sources] == [
        "artificial-intelligence",
        "cyber-security",
        "research-and-development",
        "technology-sharing",
        "co-development",
        "co-production",
        "training",
        "defence-industrial-cooperation",
        "strategic-dialogue",
    ]
    assert rows["cyber-security"].sources == (
        "report-2025-11-05",
        "exam-2025-11",
        "ians-2025-11-06",
    )
    assert rows["strategic-dialogue"].sources == ("ians-2025-11-06",)
    assert [r.value for r in rows if not r.sources] == []  # every area is named by a quote


def test_provenance_of_people_and_the_table(tracker: at.Tracker) -> None:
    """Provenance works for any list field of ids, and shows as a table."""
    rows = tracker.provenance("jwg-17", "co_chairs")
    assert [(r.value, r.sources) for r in rows] == [
        ("rajesh-kumar-singh", ("report-2025-11-05", "ians-2025-11-06")),
        ("amir-baram", ("report-2025-11-05", "ians-2025-11-06")),
    ]
    assert rows.as_table().rows[0] == (
        "rajesh-kumar-singh",
        "Rajesh Kumar Singh",
        "report-2025-11-05, ians-2025-11-06",
    )


def test_the_focus_matrix_can_show_the_sources_of_each_cell(tracker: at.Tracker) -> None:
    """With ``sources=True`` each named cell lists the sources that name the area."""
    matrix = tracker.tables.focus_matrix(sources=True)
    cells: dict[str, str] = {row[0]: row[1] for row in matrix.rows}
    assert cells["Cyber Security"] == "● report-2025-11-05, exam-2025-11, ians-2025-11-06"
    assert cells["Strategic dialogue"] == "● ians-2025-11-06"
    assert cells["Emerging technologies"] == "● exam-2025-11"


def test_small_gaps_are_filled(tracker: at.Tracker) -> None:
    """A visit's ordinal, a series' description, unnamed participants, source kinds."""
    visit = tracker.delegation("baram-india-2025-07")
    assert (visit.ordinal, visit.visit_kind) == (1, "working visit")
    assert tracker.series("JWG").description == (
        "The principal platform for policy-level discussions on defence collaboration"
    )
    unnamed = [(u.description, u.country) for stop in visit.engagements for u in stop.unnamed]
    assert unnamed == [("key Indian officials", "IN"), ("Indian defence companies", "IN")]
    assert [
        (s.id, s.kind and s.kind.value, s.date_line and s.date_line.value) for s in tracker.sources
    ] == [
        ("ani-2025-07-24", "news-report", "stamp"),
        ("exam-2025-11", "explainer", "none"),
        ("ians-2025-11-06", "wire-report", "printed"),
        ("key-ally-2025-07", "news-report", "none"),
        ("report-2025-11-05", "news-report", "stamp"),
    ]


def test_the_signing_is_the_first_step_of_the_mous_lifecycle(tracker: at.Tracker) -> None:
    """``lifecycle`` shows the signing from ``signed`` with its citations and inference."""
    (signing,) = tracker.agreement(MOU).lifecycle
    assert signing.date is not None
    assert signing.place is not None
    assert (signing.kind, signing.date.isoformat(), signing.place.city) == (
        at.ActionKind.SIGNATURE,
        "2025-11-04",
        "Tel Aviv",
    )
    assert {c.source for c in signing.citations} >= {"ians-2025-11-06"}
    assert all(set(c.supports) <= {"date", "place"} for c in signing.citations)
    assert [i.field for i in signing.inferred] == ["date"]


# ------------------------------------------------------------ the catalogue checks


def _nested(value: Any) -> list[Any]:
    """Every nested value under ``value`` (roles, engagements, links, quantities ...)."""
    found = []
    for name in NESTED.get(type(value), ()):
        for inner in getattr(value, name):
            found += [inner, *_nested(inner)]
    return found


def test_every_statements_words_are_verbatim_in_the_source_named(tracker: at.Tracker) -> None:
    """Each item of ``words`` is in the text of a source whose citation supports ``words``."""
    checked = 0
    for said in tracker.statements:
        for words in said.words:
            texts = [
                normalise_quote(tracker.source(c.source).text)
                for c in said.citations
                if "words" in c.supports
            ]
            assert any(normalise_quote(words) in text for text in texts), (said.id, words)
            checked += 1
    assert checked == 11


def test_every_link_resolves(tracker: at.Tracker) -> None:
    """Every link target, occasion and ``about`` id is a record of the dataset."""
    targets = []
    for record in tracker.all_records():
        for value in (record, *_nested(record)):
            for field, kind in REFERENCES.get(type(value), {}).items():
                if kind == "record":
                    held = getattr(value, field)
                    targets += list(held) if isinstance(held, tuple) else [held] * bool(held)
    assert len(targets) == 23
    assert [t for t in targets if tracker.get(t) is None] == []


def test_no_quantity_is_more_precise_than_its_quote(tracker: at.Tracker) -> None:
    """A quantity's words are in its quote, and its value is the number they state."""
    for record in tracker.all_records():
        for q in getattr(record, "quantities", ()):
            assert any(q.text in c.quote for c in q.citations), (record.id, q.text)
            digits = re.findall(r"[0-9][0-9,]*", q.text)
            if digits:
                assert int(digits[0].replace(",", "")) == q.value


_MONTHS = list(calendar.month_name)[1:]


def _evidence(quote: str, value: at.PartialDate) -> bool:
    """Whether ``quote`` states ``value`` to its precision: its year, month and day."""
    year = str(value.year) in quote
    if value.month is None:
        return year
    names = (
        _MONTHS[value.month - 1],
        _MONTHS[value.month - 1][:3],
        f"{value.year}-{value.month:02d}",
    )
    month = any(name in quote for name in names)
    if value.day is None:
        return month
    return month and (str(value.day) in quote or value.isoformat() in quote)


def _ends(value: Any) -> list[at.PartialDate]:
    if isinstance(value, at.PartialDate):
        return [value]
    if isinstance(value, at.DateRange):
        return [*_ends(value.start), *_ends(value.end)]
    if isinstance(value, at.DateBetween):
        return [*_ends(value.lower), *_ends(value.upper)]
    return []


def test_no_date_is_more_precise_than_its_quote_unless_inferred(tracker: at.Tracker) -> None:
    """A date that is not marked inferred is stated, to its precision, by a quote of it."""
    checked = 0
    for record in tracker.all_records():
        for value in (record, *_nested(record)):
            cls = type(value)
            for name in ("date", "dates", "signed", "published"):
                if name not in getattr(cls, "FACT_FIELDS", ()) or getattr(value, name) is None:
                    continue
                if any(i.field == name for i in value.inferred):
                    continue
                quotes = [c.quote for c in value.citations if name in c.supports or not c.supports]
                for end in _ends(getattr(value, name)):
                    assert any(_evidence(q, end) for q in quotes), (record.id, name, end)
                    checked += 1
    assert checked == 8


# ---------------------------------------------------------------------- bad input


def test_words_not_in_any_supporting_quote_are_refused() -> None:
    """A statement's words must be the source's, found in a citation that supports them."""
    message = (
        "words[0]: 'a global power' is not in the quote of any citation that supports "
        "'words': it must be the words of the source, as printed"
    )
    with pytest.raises(at.FieldValueError, match=exactly(message)):
        at.Statement(
            id="x",
            kind=at.StatementKind.INTERVIEW,
            title="X",
            words=("a global power",),
            citations=(cite("described India as a global superpower", "words"),),
        )
    with pytest.raises(at.FieldValueError, match=r"^words\[0\]: 'superpower' is not in"):
        at.Statement(  # the quote has the words but does not support 'words'
            id="x",
            kind=at.StatementKind.INTERVIEW,
            title="X",
            words=("superpower",),
            citations=(cite("a global superpower", "speaker"),),
        )
    with pytest.raises(at.FieldValueError, match=r"^words: a statement needs the words said"):
        at.Statement(
            id="x", kind=at.StatementKind.POST, title="X", words=(), citations=(cite("q"),)
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"text": "over 1,200", "value": 1300},
            "value: 1300 is not the 1200 that 'over 1,200' states",
        ),
        ({"text": "over 1,200"}, "qualifier: 'over 1,200' says 'more-than', not 'exact'"),
        (
            {"text": "1,200", "qualifier": at.Qualifier.NEARLY},
            "qualifier: '1,200' has none of the words of 'nearly' ('nearly' or 'almost')",
        ),
        (
            {"text": "some people"},
            "text: 'some people' must state exactly one number, in digits (1,200) or as a word up to twelve",
        ),
        (
            {"text": "1,300"},
            "text: '1,300' is not in the quote of any citation of the quantity: it must be "
            "the words of the source, as printed",
        ),
    ],
)
def test_a_quantity_must_say_what_its_words_say(changes: dict[str, Any], message: str) -> None:
    """Value, qualifier and text of a quantity agree with each other and the quote."""
    base = {
        "measure": "killed",
        "text": "1,200",
        "value": 1200,
        "unit": "people",
        "citations": (cite("where over 1,200 people were killed and some people fled"),),
    }
    with pytest.raises(at.FieldValueError, match=exactly(message)):
        at.Quantity(**{**base, **changes})


def test_a_part_must_name_another_quantity() -> None:
    """``part_of`` names the measure of another quantity of the same record."""
    one = at.Quantity(
        measure="foreign nationals killed",
        text="one",
        value=1,
        unit="people",
        part_of="dead",
        citations=(cite("including one foreign national"),),
    )
    with pytest.raises(
        at.FieldValueError,
        match=exactly("quantities[0].part_of: 'dead' is not the measure of another quantity here"),
    ):
        at.Event(
            id="e", kind=at.EventKind.ATTACK, title="E", quantities=(one,), citations=(cite("q"),)
        )


def test_identifiers_are_checked_against_their_scheme() -> None:
    """Known schemes only, values in the scheme's form, and a word on where they come from."""
    assert set(SCHEMES) == {"wikidata", "unts", "atop", "dcad"}
    with pytest.raises(at.FieldValueError, match=r"^scheme: 'wikidat' is not a known scheme "):
        at.Identifier(scheme="wikidat", value="Q1", curator_note="x")
    with pytest.raises(at.FieldValueError, match=r"did you mean 'wikidata'\?$"):
        at.Identifier(scheme="wikidat", value="Q1", curator_note="x")
    with pytest.raises(
        at.FieldValueError,
        match=exactly("value: '12a' is not a atop identifier, which looks like '3435'"),
    ):
        at.Identifier(scheme="atop", value="12a", curator_note="x")
    with pytest.raises(at.FieldValueError, match=r"^curator_note: an identifier no source states"):
        at.Identifier(scheme="wikidata", value="Q801")
    cited = at.Identifier(scheme="unts", value="I-54669", citations=(cite("No. I-54669"),))
    assert cited.curator_note is None


def test_the_signing_is_not_an_action_and_links_need_citations() -> None:
    """A signing goes in ``signed``; a link, involvement or placeholder needs a quote."""
    signing = at.Action(kind=at.ActionKind.SIGNATURE, citations=(cite("signed"),))
    with pytest.raises(
        at.FieldValueError,
        match=exactly("actions[0].kind: the signing is written in `signed`, not as an action"),
    ):
        at.Agreement(
            id="a",
            kind=at.AgreementKind.MOU,
            title="A",
            parties=("IN", "IL"),
            actions=(signing,),
            citations=(cite("q"),),
        )
    with pytest.raises(at.FieldValueError, match=r"^citations: needs at least 1 citation"):
        at.Link(relation=at.LinkRelation.AT, target="x", citations=())
    with pytest.raises(at.FieldValueError, match=r"^country: an involvement names a country"):
        at.Involvement(role=at.InvolvementRole.ACTOR, citations=(cite("q"),))
    with pytest.raises(at.FieldValueError, match=r"^description: 'key officials' is not in"):
        at.Unnamed(description="key officials", citations=(cite("key Indian officials"),))


def test_a_link_to_an_unknown_record_is_located(tracker: at.Tracker) -> None:
    """A dangling link target names the file, record and field, with a close id."""
    meeting = tracker.meeting("singh-baram-2025-07-23")
    link = attrs.evolve(meeting.links[0], target="pahalgam-attack-2052")
    with pytest.raises(at.DatasetError) as info:
        tracker.with_records(
            attrs.evolve(meeting, links=(link, *meeting.links[1:])), on_conflict="replace"
        )
    assert info.value.problems == (
        "unknown record 'pahalgam-attack-2052'; did you mean 'pahalgam-attack-2025'? "
        "@ <memory>[singh-baram-2025-07-23].links[0].target",
    )


def test_related_and_provenance_refuse_what_they_cannot_answer(tracker: at.Tracker) -> None:
    """An unknown id names close ids; a field that holds no list of ids is refused."""
    with pytest.raises(at.UnknownRecordError, match=r"^no record 'jwg-71'; did you mean 'jwg-17'"):
        tracker.related("jwg-71")
    with pytest.raises(
        at.ArgumentError,
        match=exactly(
            "'title' is not a list field of ids of agreement "
            "'mou-2025-11-defence-cooperation'; choose from 'signatories' or 'focus_areas'"
        ),
    ):
        tracker.provenance(MOU, "title")
    assert tracker.related("ani") == ()  # a record with no links has none, not an error


def test_open_and_uncertain_ends_in_since_and_between(tracker: at.Tracker) -> None:
    """Rising Lion, on or before 23 July 2025, is possibly but never certainly in a window."""
    lion = tracker.event("operation-rising-lion")
    assert (str(lion.date), lion.date.open_start if lion.date else None) == ("[..2025-07-23]", True)
    in_may = [e.id for e in tracker.between("2025-05", "2025-05")]
    assert in_may == ["operation-sindoor-2025"]  # 7 May to 10, 11 or 12 May: within May
    maybe = [e.id for e in tracker.between("2025-05-11", "2025-05-11", mode="possible")]
    assert maybe[:2] == ["operation-rising-lion", "saar-ndtv-interview-2025"]
    assert "operation-sindoor-2025" in maybe
    assert "operation-sindoor-2025" not in [
        e.id for e in tracker.between("2025-05-11", "2025-05-11")
    ]
    since = [e.id for e in tracker.since_last("JWG", as_of="2025-11-03")]
    assert "operation-rising-lion" not in since  # it may have begun before the 16th JWG
    sindoor = tracker.event("operation-sindoor-2025").date
    assert sindoor is not None
    assert sindoor.isoformat() == "2025-05-07/[2025-05-10..2025-05-12]"
    assert (str(sindoor.earliest), str(sindoor.latest)) == ("2025-05-07", "2025-05-12")
    assert precision_label(sindoor) == "day range, end one of 3 days"


def test_search_finds_a_statements_words_and_a_links_note(tracker: at.Tracker) -> None:
    """The words said and a link's note are searched like every other text field."""
    found = {(m.record_id, m.field) for m in tracker.search("superpower")}
    assert ("saar-global-superpower-2025", "words[0]") in found
    noted = {(m.record_id, m.field) for m in tracker.search("condemned the attack")}
    assert noted == {("singh-baram-2025-07-23", "links[0].note")}


def test_a_link_to_its_own_record_is_refused(tracker: at.Tracker) -> None:
    """A record cannot be related to itself: the link is located and refused."""
    meeting = tracker.meeting("singh-katz-2025-11")
    link = attrs.evolve(meeting.links[0], target="singh-katz-2025-11")
    with pytest.raises(at.DatasetError) as info:
        tracker.with_records(attrs.evolve(meeting, links=(link,)), on_conflict="replace")
    assert info.value.problems == (
        "'singh-katz-2025-11' links to itself; name another record "
        "@ <memory>[singh-katz-2025-11].links[0].target",
    )


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "quote", "message"),
    [
        (
            "more than 25",
            25,
            at.Qualifier.MORE_THAN,
            "more than 250 Israelis",
            "text: 'more than 25' is not in the quote of any citation of the quantity: it must "
            "be the words of the source, as printed",
        ),
        (
            "1,200",
            1200,
            at.Qualifier.EXACT,
            "where over 1,200 people were killed",
            "text: the quote says 'more-than' before '1,200': write the words as the source "
            "gives them, qualifier included",
        ),
        (
            "no more than 5",
            5,
            at.Qualifier.MORE_THAN,
            "no more than 5 people",
            "qualifier: 'no more than 5' says 'up-to', not 'more-than'",
        ),
        (
            "fewer than 5",
            5,
            at.Qualifier.EXACT,
            "fewer than 5 people",
            "qualifier: 'fewer than 5' says 'less-than', not 'exact'",
        ),
        (
            "twenty-six",
            26,
            at.Qualifier.EXACT,
            "twenty-six people",
            "text: 'twenty-six' must state exactly one number, in digits (1,200) or as a word "
            "up to twelve",
        ),
        (
            "12th",
            12,
            at.Qualifier.EXACT,
            "the 12th meeting",
            "text: '12th' must state exactly one number, in digits (1,200) or as a word up to "
            "twelve",
        ),
    ],
)
def test_a_quantity_keeps_to_the_sources_words(
    text: str, value: int, qualifier: at.Qualifier, quote: str, message: str
) -> None:
    """Whole words and whole numbers only, the qualifier the quote gives, plain cardinals."""
    with pytest.raises(at.FieldValueError, match=exactly(message)):
        at.Quantity(
            measure="m",
            text=text,
            value=value,
            unit="people",
            qualifier=qualifier,
            citations=(cite(quote),),
        )


def test_an_agreements_actions_are_checked_against_it() -> None:
    """An action is by a party to the agreement, not before its signing, and cited."""
    signed = at.PartialDate(2025, 11, 4)

    def agreement(action: at.Action) -> at.Agreement:
        return at.Agreement(
            id="a",
            kind=at.AgreementKind.MOU,
            title="A",
            parties=("IN", "IL"),
            signed=signed,
            actions=(action,),
            citations=(cite("q"),),
        )

    with pytest.raises(at.FieldValueError, match=r"^actions\[0\]\.party: 'FR' is not a party"):
        agreement(at.Action(kind=at.ActionKind.RATIFICATION, party="FR", citations=(cite("q"),)))
    with pytest.raises(
        at.FieldValueError,
        match=exactly("actions[0].date: '2020' is before the signing (2025-11-04)"),
    ):
        agreement(
            at.Action(
                kind=at.ActionKind.ENTRY_INTO_FORCE,
                date=at.PartialDate(2020),
                citations=(cite("q"),),
            )
        )
    with pytest.raises(
        at.FieldValueError, match=exactly("citations: needs at least 1 citation, got 0")
    ):
        at.Action(kind=at.ActionKind.RATIFICATION)
    later = agreement(
        at.Action(
            kind=at.ActionKind.ENTRY_INTO_FORCE, date=at.PartialDate(2026), citations=(cite("q"),)
        )
    )
    assert [step.kind.value for step in later.lifecycle] == ["signature", "entry-into-force"]


def test_words_must_be_whole_words_of_the_quote() -> None:
    """A fragment of a word is not the source's words."""
    with pytest.raises(at.FieldValueError, match=r"^words\[0\]: 'key strat' is not in the quote"):
        at.Statement(
            id="x",
            kind=at.StatementKind.WRITTEN_STATEMENT,
            title="X",
            words=("key strat",),
            citations=(cite("a key strategic ally", "words"),),
        )
