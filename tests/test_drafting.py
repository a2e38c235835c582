"""Drafting proposals from an article, reviewing them and applying them."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import agreement_tracker as at
from agreement_tracker.cli import main
from agreement_tracker.drafting import rules
from agreement_tracker.drafting.review import dumps, loads, read_review, write_review

ARTICLES = Path(__file__).parent / "articles"


def _links(d: at.Draft, kind: str = "person") -> list[tuple[str, tuple[str, ...]]]:
    return [(p.target, p.candidates) for p in d.proposals if p.action == "link" and p.kind == kind]


def test_import_does_not_load_the_drafting_package() -> None:
    """``import agreement_tracker`` leaves the drafting package unimported."""
    code = (
        "import sys, agreement_tracker as at; "
        "print('agreement_tracker.drafting' in sys.modules, at.draft.__name__, "
        "'agreement_tracker.drafting' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "draft", "True"]


def test_unknown_attribute_is_an_attribute_error() -> None:
    """Names the package does not have still raise AttributeError."""
    with pytest.raises(AttributeError, match="no attribute 'drafts'"):
        _ = at.drafts


def test_similar_names_become_new_people_with_candidates(tracker: at.Tracker) -> None:
    """'Amir Eshel' is not 'Amir Baram' and 'Rajnath Singh' is not 'Rajesh Kumar Singh'."""
    d = at.draft(
        " date 2025-11-06 Major General Amir Eshel met with Defence Minister Rajnath Singh "
        "in New Delhi.",
        tracker=tracker,
    )
    assert _links(d) == [
        ("rajnath-singh", ("rajesh-kumar-singh",)),
        ("amir-eshel", ("amir-baram",)),
    ]
    t2 = d.accept_all().apply()
    assert t2.person("Rajnath Singh").roles[0].title == "Defence Minister"
    assert t2.meeting("eshel-singh-2025-11").participants == ("amir-eshel", "rajnath-singh")


def test_a_foreign_title_is_not_a_known_holder(tracker: at.Tracker) -> None:
    """'Grant Shapps, UK Defence Secretary' is a new British person, not India's Defence Secretary."""
    d = at.draft(
        " date 2025-11-06 Grant Shapps, UK Defence Secretary, met the Defence Secretary in London.",
        tracker=tracker,
    )
    assert _links(d) == [("grant-shapps", ())]
    roles = [p.value for p in d.proposals if p.field == "roles"]
    assert roles == [[{"title": "Defence Secretary", "country": "GB", "attested": ["2025-11-06"]}]]


def test_a_role_title_links_only_when_the_date_fits(tracker: at.Tracker) -> None:
    """'The Indian Defence Secretary' is Rajesh Kumar Singh in 2025, nobody known in 2021."""
    text = " date {} The Indian Defence Secretary said the talks went well."
    assert _links(at.draft(text.format("2021-10-29"), tracker=tracker)) == []
    d = at.draft(text.format("2025-11-20"), tracker=tracker)
    assert _links(d) == [("rajesh-kumar-singh", ())]
    assert d.proposals[1].basis == "role_title"


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The 18th meeting of the JWG was held on Wednesday.", "2021-10-29", "2021-10-27"),
        (
            "The 18th meeting of the JWG was held on July 22-23.",
            "2025-07-24",
            "2025-07-22/2025-07-23",
        ),
        ("The 18th meeting of the JWG was held in November 2025.", None, "2025-11"),
        ("The 18th meeting of the JWG was held on August 9.", None, None),
        ("The 18th meeting of the JWG was held on August 9.", "2025-08-20", "2025-08-09"),
        ("The 18th meeting of the JWG was held on September 9.", "2025-08-20", None),
    ],
)
def test_dates_have_the_precision_the_text_gives(
    tracker: at.Tracker, sentence: str, published: str | None, expected: str | None
) -> None:
    """Weekdays resolve against the dateline; a day without a year or dateline stays a question."""
    d = at.draft(sentence, tracker=tracker, published=published)
    dates = [p for p in d.proposals if p.field == "date"]
    assert [p.value for p in dates] == [expected]
    if expected is None:
        assert dates[0].reason.endswith("give the date")


def test_a_known_meeting_gets_citations_and_disagreements_become_claims(
    tracker: at.Tracker,
) -> None:
    """The same series and number cite jwg-17; a different place is a claim in discrepancies()."""
    d = at.draft(
        " date 2025-11-20 The 17th meeting of the JWG was held in New Delhi.",
        tracker=tracker,
        source_id="new-report",
    )
    assert {p.target for p in d.proposals if p.kind == "meeting"} == {"jwg-17"}
    assert [p.action for p in d.proposals if p.kind == "meeting"] == [
        "cite",
        "cite",
        "cite",
        "claim",
    ]
    t2 = d.accept_all().apply()
    assert len(t2.meetings) == len(tracker.meetings)
    jwg = t2.meeting("jwg-17")
    assert jwg.place == tracker.meeting("jwg-17").place
    assert [c.quote for c in jwg.citations if c.source == "new-report"] == [
        "The 17th meeting of the JWG was held in New Delhi."
    ]
    assert [(x.field, x.values) for x in t2.discrepancies() if x.record_id == "jwg-17"] == [
        (
            "place",
            ("{ city = 'Tel Aviv', country = 'IL' }", "{ city = 'New Delhi', country = 'IN' }"),
        )
    ]


def test_choose_links_a_mention_to_an_existing_person(tracker: at.Tracker) -> None:
    """Choosing a candidate puts the chosen id everywhere the mention was used."""
    d = at.draft(
        " date 2025-11-06 Major General Amir Eshel met with Defence Secretary Rajesh Kumar "
        "Singh in New Delhi.",
        tracker=tracker,
    )
    link = next(p for p in d.proposals if p.target == "amir-eshel" and p.action == "link")
    link.choose("amir-baram")
    t2 = d.accept_all().apply()
    assert t2.get("amir-eshel") is None
    assert t2.meeting("eshel-singh-2025-11").participants == ("amir-baram", "rajesh-kumar-singh")


def test_rejected_and_pending_proposals_are_left_out(tracker: at.Tracker) -> None:
    """Only accepted proposals change the tracker; a rejected link drops its references."""
    d = at.draft(
        " date 2025-11-06 Major General Amir Eshel met with Defence Minister Rajnath Singh.",
        tracker=tracker,
    )
    assert d.apply() is tracker
    next(p for p in d.proposals if p.target == "amir-eshel").reject()
    t2 = d.accept_all().apply()
    assert t2.get("amir-eshel") is None
    assert t2.meeting("eshel-singh-2025-11").participants == ("rajnath-singh",)


def test_every_quote_is_verbatim_in_the_bundled_articles(tracker: at.Tracker) -> None:
    """Each proposal drafted from a bundled source quotes it verbatim, and apply() validates."""
    for source in tracker.sources:
        d = at.draft(source.text, tracker=tracker, source_id=f"again-{source.id}")
        text = rules.normalise(source.text)
        assert all(p.quote and p.quote in text for p in d.proposals)
        d.accept_all().apply()


def test_bad_input_gets_clear_errors(tracker: at.Tracker) -> None:
    """Empty text, binary data, a bad date and a bad edit are refused with their field named."""
    with pytest.raises(at.FieldValueError, match="text: the article is empty"):
        at.draft("\n \n", tracker=tracker)
    with pytest.raises(at.FieldValueError, match="binary data"):
        at.draft("abc\x00def", tracker=tracker)
    with pytest.raises(at.DateFormatError, match="'yesterday' is not a date"):
        at.draft("Talks.", tracker=tracker, published="yesterday")
    d = at.draft(" date 2025-08-10 The 18th meeting of the JWG was held.", tracker=tracker)
    with pytest.raises(at.FieldValueError, match=r"proposal 4\.number: must be a positive"):
        d.proposal(4).edit(value=0)


def test_an_invalid_edit_made_by_setting_the_value_fails_at_apply(tracker: at.Tracker) -> None:
    """A value set directly that cannot fill the field names the proposal and field."""
    d = at.draft(" date 2025-08-10 The 18th meeting of the JWG was held.", tracker=tracker)
    d.accept_all()
    d.proposal(4).value = -3
    with pytest.raises(at.DatasetError, match=r"@ proposal 4 \(meeting jwg-18\)\.number"):
        d.apply()


def test_review_file_round_trip_and_carry_over(tracker: at.Tracker, tmp_path: Path) -> None:
    """The review file reads back equal; re-drafting keeps decisions on unchanged proposals."""
    text = (ARTICLES / "canberra-tokyo-2026-03-12.txt").read_text("utf-8")
    d = at.draft(text, tracker=tracker, published="2026-03-12")
    d.proposal(2).reject()
    d.proposal(7).accept()
    path = write_review(d, tmp_path / "review.toml")
    again = read_review(path, tracker=tracker)
    assert [(p.n, p.status, p.value) for p in again] == [(p.n, p.status, p.value) for p in d]
    assert dumps(again) == path.read_text("utf-8")
    fresh = at.draft(text, tracker=tracker, published="2026-03-12")
    assert fresh.carry_over(again) == 2
    assert [p.n for p in fresh if p.status != "pending"] == [2, 7]


def test_a_review_file_edited_into_an_invalid_state_names_proposal_and_field(
    tracker: at.Tracker,
) -> None:
    """A bad status or value in the review file is reported with its proposal and field."""
    text = dumps(
        at.draft(" date 2025-08-10 The 18th meeting of the JWG was held.", tracker=tracker)
    )
    broken = text.replace("value = 18\nquote", 'value = "eighteen"\nstatus_ = 1\nquote', 1)
    broken = broken.replace('n = 4\nstatus = "pending"', 'n = 4\nstatus = "edited"')
    bad_value = text.replace('n = 4\nstatus = "pending"', 'n = 4\nstatus = "edited"').replace(
        "value = 18", 'value = "eighteen"'
    )
    with pytest.raises(at.DatasetError) as caught:
        loads(bad_value, tracker=tracker)
    assert caught.value.problems == (
        "must be a positive whole number, got 'eighteen' @ review.toml[proposal 4].value (number)",
    )
    with pytest.raises(
        at.DatasetError, match=r"unknown key 'status_'.*@ review.toml\[proposal 4\]"
    ):
        loads(broken, tracker=tracker)


def test_html_is_escaped_and_quotes_are_marked(tracker: at.Tracker) -> None:
    """The notebook view escapes every text and marks each quote in the article."""
    d = at.draft(
        " date 2025-08-10 <script>x</script> The 18th meeting of the JWG.", tracker=tracker
    )
    page = d._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    assert page.count("<mark") == 2
    assert str(d).splitlines()[0].split() == [
        "n",
        "status",
        "action",
        "kind",
        "target",
        "field",
        "value",
        "basis",
        "quote",
    ]


def test_every_basis_is_a_rule_function_name(tracker: at.Tracker) -> None:
    """A proposal's basis names the rule function (in the rules module) that made it."""
    bases: set[str] = set()
    for path in sorted(ARTICLES.glob("*.txt")):
        bases |= {p.basis for p in at.draft(path.read_text("utf-8"), tracker=tracker).proposals}
    for source in tracker.sources:
        bases |= {p.basis for p in at.draft(source.text, tracker=tracker).proposals}
    assert all(callable(getattr(rules, basis, None)) for basis in bases)
    assert sorted(bases) == [
        "agreement_signed", "bilateral_meeting", "co_chairs", "context_event",
        "delegation_visit", "focus_area_term", "headline", "leading_date_line", "news_agency",
        "organisation_name", "series_meeting", "statement_event", "titled_person",
        "wire_dateline",
    ]  # fmt: skip


def test_cli_draft_review_apply_and_validate(
    tracker: at.Tracker, data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Draft writes a review file, review reads answers from stdin, apply changes the dataset."""
    for extra in ("snapshot.json", "snapshot.sums"):  # the bundled data's own cache
        (data_copy / extra).unlink()
    article = ARTICLES / "warsaw-london-2026-05-20.txt"
    review = data_copy / "reviews" / "warsaw.toml"
    count = len(at.draft(article.read_bytes(), tracker=at.Tracker.from_path(data_copy)).proposals)
    assert main(["draft", str(article), "--dataset", str(data_copy), "-o", str(review)]) == 0
    assert capsys.readouterr().out == f"wrote {review}: {count} proposals for report-2026-05-20\n"
    assert main(["validate", str(data_copy), "--no-pending"]) == 1
    assert "proposal 1 is pending" in capsys.readouterr().out
    from agreement_tracker.drafting import cli

    args = argparse.Namespace(command="review", review=str(review), dataset=str(data_copy))
    answers = io.StringIO("r\n" + "a\n" * 40)
    assert cli.run(args, stdin=answers) == 0
    assert capsys.readouterr().out.endswith(f"{count} decided, 0 pending in {review}\n")
    assert main(["apply", str(review), "--dataset", str(data_copy)]) == 0
    applied = f"applied {count - 1} proposals to {data_copy}: <Tracker"
    assert capsys.readouterr().out.startswith(applied)
    changed = at.Tracker.from_path(data_copy)
    assert changed.person("Grant Shapps").roles[0].country == "GB"
    signed = changed.agreement("letter-of-intent-2026-05-pl-gb").signed
    assert signed is not None
    assert signed.isoformat() == "2026-05-19"
    assert review.is_file()
    assert main(["validate", str(data_copy), "--no-pending"]) == 0


def test_cli_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A missing article or a binary one prints one error line and exits 2."""
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    assert main(["draft", str(binary)]) == 2
    assert capsys.readouterr().err == (
        "agreement-tracker: error: text: this is binary data, not an article: give the text (UTF-8)\n"
    )


_PHRASES = st.sampled_from(
    [
        ("on {weekday}", "day"),
        ("on {month} {day}", "day"),
        ("on {month} {day}, {year}", "day"),
        ("in {month} {year}", "month"),
        ("in {year}", "year"),
        ("on {month} {day}-{day2}", "day"),
        ("earlier this year", "year"),
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    phrase=_PHRASES,
    weekday=st.sampled_from(rules._WEEKDAYS),
    month=st.sampled_from(["January", "March", "July", "Nov", "December"]),
    day=st.integers(1, 20),
    year=st.integers(1995, 2030),
    dateline=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
)
def test_no_proposed_date_is_more_precise_than_its_quote(
    phrase: tuple[str, str], weekday: str, month: str, day: int, year: int, dateline: str | None
) -> None:
    """Whatever the phrase and dateline, a proposed date is no more precise than the phrase."""
    template, precision = phrase
    words = template.format(weekday=weekday, month=month, day=day, day2=day + 2, year=year)
    tracker = _small_tracker()
    d = at.draft(
        f"The 4th meeting of the JWG was held {words}.", tracker=tracker, published=dateline
    )
    rank = {"year": 0, "month": 1, "day": 2}
    for p in d.proposals:
        if p.field == "date" and p.value is not None:
            value = at.parse_when(p.value)
            first = value.start if isinstance(value, at.DateRange) else value
            assert isinstance(first, at.PartialDate)
            assert rank[first.precision.value] <= rank[precision]
            assert words in p.quote or p.inferred


_TRACKER: list[at.Tracker] = []


def _small_tracker() -> at.Tracker:
    if not _TRACKER:
        _TRACKER.append(at.load())
    return _TRACKER[0]


def test_context_events_statements_and_interviews(tracker: at.Tracker) -> None:
    """Attacks, named operations, statements and interviews become events with their dates."""
    d = at.draft(
        (ARTICLES / "manila-tokyo-2026-09-03.txt").read_text("utf-8"),
        tracker=tracker,
        published="2026-09-03",
    )
    events = [(p.target, p.field, p.value) for p in d.proposals if p.kind == "event"]
    assert events == [
        ("attack-2026-08-28", "title", "Bombing attack of 2026-08-28"),
        ("attack-2026-08-28", "kind", "attack"),
        ("attack-2026-08-28", "date", "2026-08-28"),
        ("operation-pacific-shield", "title", "Operation Pacific Shield"),
        ("operation-pacific-shield", "kind", "military-operation"),
    ]
    said = at.draft(
        " date 2026-01-15 The French defence ministry said on Wednesday that the talks went well. "
        "In an interview with AFP, Defence Minister Sebastien Lecornu praised the talks.",
        tracker=tracker,
    )
    t2 = said.accept_all().apply()
    statement = t2.event("fr-mod-statement-2026-01-14")
    assert (statement.kind.value, statement.organisations, statement.countries) == (
        "statement",
        ("fr-mod",),
        ("FR",),
    )
    assert t2.event("lecornu-afp-interview").people == ("sebastien-lecornu",)


def test_an_agreement_still_to_be_signed_is_proposed_without_a_date(tracker: at.Tracker) -> None:
    """'would sign ... later this year' is a proposed agreement, not a signed one."""
    d = at.draft(
        " date 2026-09-03 Japan and the Philippines would sign a Reciprocal Access Agreement "
        "later this year.",
        tracker=tracker,
    )
    agreement = {p.field: p.value for p in d.proposals if p.kind == "agreement"}
    assert agreement == {
        "title": "Japan–Philippines agreement",
        "kind": "agreement",
        "parties": ["JP", "PH"],
        "status": "proposed",
    }


def test_applying_the_same_draft_twice_adds_nothing(tracker: at.Tracker) -> None:
    """A second apply of the same accepted draft gives an equal tracker."""
    text = " date 2025-11-20 The 17th meeting of the JWG was held in New Delhi."
    once = at.draft(text, tracker=tracker, source_id="again").accept_all().apply()
    twice = at.draft(text, tracker=once, source_id="again").accept_all().apply()
    assert twice == once


def test_html_input_is_extracted_with_trafilatura(tracker: at.Tracker, tmp_path: Path) -> None:
    """A saved web page is read through trafilatura: date, headline and paragraphs."""
    pytest.importorskip("trafilatura")
    page = (
        "<!DOCTYPE html><html><head><title>UK and Poland sign letter of intent</title>"
        '<meta property="article:published_time" content="2026-05-20"></head><body>'
        "<nav>Home | World</nav><article><h1>UK and Poland sign letter of intent</h1>"
        "<p>A Letter of Intent on missile defence was signed by Deputy Defence Minister Pawel "
        "Bejda and Grant Shapps, UK Defence Secretary, in London on Tuesday.</p>"
        "</article><footer>Copyright</footer></body></html>"
    )
    d = at.draft(page, tracker=tracker)
    assert d.text.startswith("date 2026-05-20\n\nUK and Poland sign letter of intent\n\nA Letter")
    signed = [p.value for p in d.proposals if p.field == "signed"]
    signatories = [p.value for p in d.proposals if p.field == "signatories"]
    assert (signed, signatories) == (["2026-05-19"], ["pawel-bejda", "grant-shapps"])
    assert d.proposal(2).field == "title"


def test_rapidfuzz_and_difflib_rank_the_same_candidates(tracker: at.Tracker) -> None:
    """With rapidfuzz installed, near misses are the ones difflib finds."""
    pytest.importorskip("rapidfuzz")
    d = at.draft(
        " date 2025-11-06 Major General Amir Eshel met with Defence Minister Rajnath Singh.",
        tracker=tracker,
    )
    assert _links(d) == [
        ("rajnath-singh", ("rajesh-kumar-singh",)),
        ("amir-eshel", ("amir-baram",)),
    ]
