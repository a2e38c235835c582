"""The bundled catalogue as a whole, and loading (good and bad) data folders."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import pytest

import agreement_tracker as at
from agreement_tracker import _snapshot, dataset
from agreement_tracker._kinds import NESTED
from agreement_tracker.dataset import normalise_text
from agreement_tracker.storage import FILES, Loaded, read_dataset

DATA = files("agreement_tracker").joinpath("data")
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# ------------------------------------------------------------------ the catalogue


def _records(tracker: at.Tracker) -> list[Any]:
    return list(tracker.all_records())


def test_counts_per_kind(tracker: at.Tracker) -> None:
    """The bundled dataset holds exactly the records curated from the five sources."""
    assert {
        "sources": len(tracker.sources),
        "organisations": len(tracker.organisations),
        "people": len(tracker.people),
        "focus_areas": len(tracker.focus_areas),
        "series": len(tracker.meeting_series),
        "meetings": len(tracker.meetings),
        "agreements": len(tracker.agreements),
        "delegations": len(tracker.delegations),
        "events": len(tracker.events),
        "statements": len(tracker.statements),
        "relationship_facts": len(tracker.relationship_facts),
        "materiel": len(tracker.materiel),
    } == {
        "sources": 5,
        "organisations": 10,
        "people": 8,
        "focus_areas": 23,
        "series": 1,
        "meetings": 6,
        "agreements": 1,
        "delegations": 3,
        "events": 6,
        "statements": 8,
        "relationship_facts": 8,
        "materiel": 2,
    }


def test_ids_are_unique_across_kinds(tracker: at.Tracker) -> None:
    """No two records share an id, whatever their kinds."""
    ids = [r.id for r in _records(tracker)]
    assert len(ids) == len(set(ids)) == 81


def test_every_record_but_vocabulary_terms_and_sources_is_cited(tracker: at.Tracker) -> None:
    """Every agreement, meeting, delegation, person, organisation, series and event has citations."""
    uncited = [
        r.id
        for r in _records(tracker)
        if not isinstance(r, at.FocusArea | at.Source) and not r.citations
    ]
    assert uncited == []


def _unbacked_fields(record: Any, prefix: str = "") -> list[str]:
    """Fact fields holding a value that no citation, inference or claim names.

    A nested value (role, engagement, link, quantity ...) is checked against its own
    citations, where one with an empty ``supports`` backs the whole value.
    """
    backed = {field for c in record.citations for field in c.supports}
    backed |= {i.field for i in getattr(record, "inferred", ())}
    backed |= {c.field for c in getattr(record, "claims", ())}
    whole = prefix and any(not c.supports for c in record.citations)
    missing = []
    nested = NESTED.get(type(record), ())
    for name in type(record).FACT_FIELDS:
        value = getattr(record, name)
        if name in nested:
            for index, inner in enumerate(value):
                missing += _unbacked_fields(inner, f"{prefix}{name}[{index}].")
            continue
        field = attrs.fields_dict(type(record))[name]
        if value != field.default and name not in backed and not whole:
            missing.append(prefix + name)
    return missing


def test_every_fact_field_is_cited_or_inferred(tracker: at.Tracker) -> None:
    """Each fact-bearing field that holds a value is named by a citation, inference or claim."""
    problems = {r.id: _unbacked_fields(r) for r in _records(tracker)}
    assert {key: value for key, value in problems.items() if value} == {}


def test_every_quote_is_verbatim_in_its_source(tracker: at.Tracker) -> None:
    """Every quote, nested ones included, is a whitespace-normalised substring of its source."""
    checked = 0
    for record in _records(tracker):
        if isinstance(record, at.FocusArea | at.Source):
            citations = list(record.citations)
        else:
            citations = [c for c, _ in tracker.citations(record.id)]
        for citation in citations:
            text = normalise_text(tracker.source(citation.source).text)
            assert normalise_text(citation.quote) in text, (record.id, citation.quote)
            checked += 1
    assert checked == 210


def test_bundled_texts_match_the_original_documents(tracker: at.Tracker) -> None:
    """Each bundled source text is byte-for-byte the document it was taken from."""
    if not SEEDS.is_dir():
        pytest.skip("the five original news reports (shared/seeds, beside the checkout) are absent")
    originals = {p.name: p.read_text("utf-8") for p in SEEDS.glob("*.txt")}
    bundled = {Path(s.text_file).name: s.text for s in tracker.sources}
    assert bundled == originals


def test_inferred_reasons_are_recorded_for_resolved_facts(tracker: at.Tracker) -> None:
    """Facts deduced rather than stated carry an inference with its reason."""
    inferred = {(r.id, i.field) for r in _records(tracker) for i in r.inferred}
    assert {
        ("jwg-16", "number"),
        ("jwg-17", "date"),
        ("mou-2025-11-defence-cooperation", "signed"),
        ("singh-katz-2025-11", "date"),
        ("saar-jaishankar-2025-11", "date"),
        ("doval-baram-2025-07", "date"),
        ("baram-india-2025-07", "dates"),
        ("operation-sindoor-2025", "date"),
        ("netanyahu-ndtv-interview-2025", "date"),
        ("netanyahu-ndtv-interview-2025", "kind"),
        ("key-ally-2025-07", "published"),
    } <= inferred
    assert len(inferred) == 49


def test_weekday_dates_match_their_resolution(tracker: at.Tracker) -> None:
    """Dates resolved from weekday mentions agree with resolve_weekday against the dateline."""
    tuesday = at.resolve_weekday("Tuesday", "2025-11-06").value
    jwg17 = tracker.meeting("jwg-17").date
    assert jwg17 is not None
    assert jwg17.last_ordinal >= tuesday.first_ordinal  # begun by that Tuesday, maybe on it
    assert tracker.agreement("mou-2025-11-defence-cooperation").signed == tuesday
    thursday = at.resolve_weekday("Thursday", "2025-11-06").value
    assert tracker.statement("in-mod-x-post-2025-11-06").date == thursday
    # 003 has no dateline: its weekdays are read against the 22-23 July visit.
    after_visit = at.resolve_weekday("Thursday", "2025-07-23", relation="after").value
    assert tracker.statement("il-mod-statement-2025-07-24").date == after_visit
    wednesday = at.resolve_weekday("Wednesday", "2025-07-22", relation="on_or_after").value
    assert tracker.statement("in-mod-statement-2025-07-23").date == wednesday
    this_year = at.resolve_this_year("2025-11-05").value
    assert tracker.event("netanyahu-ndtv-interview-2025").date == this_year
    assert tracker.statement("netanyahu-battle-tested-2025").date == this_year


def test_unknown_stays_unknown(tracker: at.Tracker) -> None:
    """No source names a publisher or a supplier; a date known at one end is open at the other."""
    assert [s.publisher for s in tracker.sources] == [None] * 5
    assert [s.title is None for s in tracker.sources] == [True, False, True, False, True]
    assert tracker.event("operation-rising-lion").date == at.parse_when("[..2025-07-23]")
    assert tracker.record("barak-missile").supplier is None  # type: ignore[union-attr]
    assert tracker.delegation("singh-israel-2025-11").dates is None
    assert tracker.meeting("jwg-16").participants == ()


def test_data_files_are_in_canonical_order() -> None:
    """Records in each data file are sorted by id (the vocabulary keeps its curated order)."""
    for kind, name in FILES.items():
        if kind == "focus_area":
            continue
        ids = [t["id"] for t in tomllib.loads(DATA.joinpath(name).read_text("utf-8"))[kind]]
        assert ids == sorted(ids), name


def test_data_version_and_citation(tracker: at.Tracker) -> None:
    """The dataset has its own version and says how to cite it and its sources."""
    assert tracker.data_version == "1.2.0"
    cite = tracker.cite()
    assert cite.splitlines()[0] == (
        'agreement_tracker bundled dataset "India–Israel defence relations, July 2024 – '
        'November 2025", version 1.2.0. Curated from five news reports (listed below); '
        "every fact carries a verbatim quote from its source."
    )
    assert cite.splitlines()[1:3] == [
        "Year: 2025. Licence: CC-BY-4.0.",
        f"Software: agreement_tracker {at.__version__}, MIT licence (see CITATION.cff).",
    ]
    assert len(cite.splitlines()) == 9


def test_load_is_cached() -> None:
    """load() builds the tracker once and hands out the same object afterwards."""
    assert at.load() is at.load()


def test_origins_name_the_data_file(tracker: at.Tracker) -> None:
    """Each record remembers which file it came from."""
    assert tracker.origin("jwg-17") == "meetings.toml"
    assert tracker.origin("amir-baram") == "people.toml"


# ------------------------------------------------------------------ the JSON snapshot


def test_the_snapshot_is_current(tracker: at.Tracker, tmp_path: Path) -> None:
    """The committed snapshot was made from the current data files, exactly as save() writes it."""
    folder = Path(str(DATA))
    assert _snapshot.fresh(folder) == folder / _snapshot.SNAPSHOT, (
        "data/snapshot.json is out of date: run `python3 tasks.py snapshot`"
    )
    from_toml = at.Tracker.from_path(folder)
    written = from_toml.save(tmp_path / "snapshot.json", format="json")
    assert written.read_bytes() == (folder / _snapshot.SNAPSHOT).read_bytes()
    assert at.Tracker.from_path(folder / _snapshot.SNAPSHOT) == from_toml == tracker


def _load_from(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[at.Tracker, list[str]]:
    """Run load() (uncached) on ``folder``; also return the names of the paths it read."""
    read: list[str] = []
    real = read_dataset

    def spy(path: Path) -> Loaded:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(dataset, "_bundled_data", lambda: folder)
    monkeypatch.setattr(dataset, "read_dataset", spy)
    return dataset.load.__wrapped__(), read


def test_load_reads_a_fresh_snapshot(
    data_copy: Path, tracker: at.Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the data files unchanged, load() reads only the snapshot; origins name the TOML files."""
    loaded, read = _load_from(data_copy, monkeypatch)
    assert read == ["snapshot.json"]
    assert loaded == tracker
    assert loaded.origin("jwg-17") == "meetings.toml"


def test_load_reads_edited_data_files_not_the_snapshot(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edited data file makes the snapshot stale: load() reads (and checks) the TOML files."""
    _edit(data_copy, "dataset.toml", 'version = "1.2.0"', 'version = "1.2.1"')
    loaded, read = _load_from(data_copy, monkeypatch)
    assert (read, loaded.data_version) == (["data"], "1.2.1")
    _edit(data_copy, "meetings.toml", 'id = "jwg-17"', 'id = "JWG 17"')
    with pytest.raises(at.DatasetError, match=r"@ meetings\.toml\[#\d+\]\.id"):
        _load_from(data_copy, monkeypatch)


@pytest.mark.parametrize("damage", ["garbage", "missing", "sums"])
def test_a_damaged_snapshot_falls_back_to_the_data_files(
    data_copy: Path, tracker: at.Tracker, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """A snapshot that cannot be read, or is missing, or has no sums, costs only speed."""
    if damage == "garbage":
        (data_copy / _snapshot.SNAPSHOT).write_text("{not json", "utf-8")
    elif damage == "missing":
        (data_copy / _snapshot.SNAPSHOT).unlink()
    else:
        (data_copy / _snapshot.SUMS).unlink()
    loaded, read = _load_from(data_copy, monkeypatch)
    assert read == (["snapshot.json", "data"] if damage == "garbage" else ["data"])
    assert loaded == tracker


def test_sums_with_windows_line_ends_still_match(data_copy: Path) -> None:
    """A sums file with CRLF line ends (a Windows checkout) still marks the snapshot fresh."""
    sums = data_copy / _snapshot.SUMS
    sums.write_bytes(sums.read_bytes().replace(b"\n", b"\r\n"))
    assert _snapshot.fresh(data_copy) == data_copy / _snapshot.SNAPSHOT


def test_an_added_data_file_makes_the_snapshot_stale(data_copy: Path) -> None:
    """A data file the snapshot was not made from (here a stray one) is noticed."""
    assert _snapshot.fresh(data_copy) is not None
    (data_copy / "extra.toml").write_text("", "utf-8")
    assert _snapshot.fresh(data_copy) is None


# ------------------------------------------------------------------ loading folders


def test_a_copy_of_the_bundled_folder_loads_equal(data_copy: Path, tracker: at.Tracker) -> None:
    """Tracker.from_path reads a folder in the bundled layout into an equal tracker."""
    copy = at.Tracker.from_path(data_copy)
    assert copy.meetings == tracker.meetings
    assert copy.sources == tracker.sources
    assert copy.data_version == tracker.data_version


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def _problems(folder: Path) -> list[str]:
    with pytest.raises(at.DatasetError) as caught:
        at.Tracker.from_path(folder)
    return list(caught.value.problems)


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "meetings.toml",
            'date = "2025-07-23"',
            'date = "2025-06-31"',
            "'2025-06-31': day must be 1..30 for 2025-06, got 31 "
            "@ meetings.toml[singh-baram-2025-07-23].date",
        ),
        (
            "meetings.toml",
            'date = "2025-07-23"',
            "date = 2025-07-23",
            "expected a quoted EDTF date string such as '2025-11', got date "
            "datetime.date(2025, 7, 23) @ meetings.toml[singh-baram-2025-07-23].date",
        ),
        (
            "meetings.toml",
            "number = 17",
            'number = "17"',
            "expected a whole number, got str '17' @ meetings.toml[jwg-17].number",
        ),
        (
            "meetings.toml",
            'co_chairs = ["rajesh-kumar-singh", "amir-baram"]',
            'co_chair = ["rajesh-kumar-singh", "amir-baram"]',
            "unknown field 'co_chair'; did you mean 'co_chairs'? @ meetings.toml[jwg-17]",
        ),
        (
            "meetings.toml",
            'kind = "jwg-session"\ntitle = "17th',
            'kind = "jwg"\ntitle = "17th',
            "'jwg' is not a MeetingKind; did you mean 'jwg-session'? @ meetings.toml[jwg-17].kind",
        ),
        (
            "agreements.toml",
            'signatories = ["rajesh-kumar-singh", "amir-baram"]',
            'signatories = ["rajesh-kumar-singh", "amir-barram"]',
            "unknown person 'amir-barram'; did you mean 'amir-baram'? "
            "@ agreements.toml[mou-2025-11-defence-cooperation].signatories[1]",
        ),
        (
            "agreements.toml",
            '    "cyber-security",\n',
            '    "cybersecurity",\n',
            "unknown focus area 'cybersecurity'; did you mean 'cyber-security'? "
            "@ agreements.toml[mou-2025-11-defence-cooperation].focus_areas[1]",
        ),
        (
            "people.toml",
            'quote = "National Security Advisor Ajit Doval"',
            'quote = "National Security Adviser Ajit Doval"',
            "quote not found verbatim in source 'key-ally-2025-07': "
            "'National Security Adviser Ajit Doval' (the source has 'National Security Advis' "
            "but then 'or Ajit Doval and De', not 'er Ajit Doval') "
            "@ people.toml[ajit-doval].citations[0].quote",
        ),
        (
            "relationship_facts.toml",
            'id = "in-il-ties-mutual-trust"',
            'id = "jwg-17"',
            "duplicate id 'jwg-17' (already used in meetings.toml) "
            "@ relationship_facts.toml[jwg-17].id",
        ),
        (
            "people.toml",
            'country = "IN"\n  attested = ["2025-07"]',
            'country = "India"\n  attested = ["2025-07"]',
            "'India' is not an ISO 3166-1 alpha-2 country code; 'India' is 'IN' "
            "@ people.toml[ajit-doval].roles[0].country",
        ),
        (
            "sources.toml",
            'text_file = "sources/004_f9e2a4b2ded0a76f.txt"',
            'text_file = "sources/missing.txt"',
            "no file 'sources/missing.txt' in the dataset @ sources.toml[ani-2025-07-24].text_file",
        ),
        (
            "sources.toml",
            'text_file = "sources/004_f9e2a4b2ded0a76f.txt"',
            'text_file = "../../etc/passwd"',
            "'../../etc/passwd' must be a relative path inside the dataset "
            "@ sources.toml[ani-2025-07-24].text_file",
        ),
        (
            "sources.toml",
            'text_file = "sources/004_f9e2a4b2ded0a76f.txt"',
            'text_file = "sources\\\\004_f9e2a4b2ded0a76f.txt"',
            "'sources\\\\004_f9e2a4b2ded0a76f.txt' must be a relative path inside the dataset "
            "@ sources.toml[ani-2025-07-24].text_file",
        ),
        (
            "sources.toml",
            'text_file = "sources/004_f9e2a4b2ded0a76f.txt"',
            'text_file = "C:/sources/004_f9e2a4b2ded0a76f.txt"',
            "'C:/sources/004_f9e2a4b2ded0a76f.txt' must be a relative path inside the dataset "
            "@ sources.toml[ani-2025-07-24].text_file",
        ),
        (
            "sources.toml",
            'text_file = "sources/004_f9e2a4b2ded0a76f.txt"',
            'text_file = "/etc/hostname"',
            "'/etc/hostname' must be a relative path inside the dataset "
            "@ sources.toml[ani-2025-07-24].text_file",
        ),
        (
            "series.toml",
            'short_name = "JWG"',
            'short_name = "JWG"\nshort_name = "X"',
            "not valid TOML (Cannot overwrite a value (at line 7, column 17)) @ series.toml",
        ),
        (
            "delegations.toml",
            'leader = "gideon-saar"\n',
            "",
            "required field missing @ delegations.toml[saar-india-2025-11].leader",
        ),
        (
            "meetings.toml",
            'participants = ["amir-baram", "ajit-doval"]',
            'participants = "amir-baram"',
            "expected a list, got str 'amir-baram' @ meetings.toml[doval-baram-2025-07].participants",
        ),
        (
            "meetings.toml",
            'supports = ["kind", "date", "place", "participants"]',
            'supports = ["kind", "dates"]',
            "'dates' is not a fact field of Meeting; choose from kind, series, number, date, "
            "place, participants, co_chairs, outcomes, focus_areas, links "
            "@ meetings.toml[doval-baram-2025-07].citations[0].supports",
        ),
        (
            "focus_areas.toml",
            'parents = ["emerging-technologies"]',
            'parents = ["emerging-technology"]',
            "unknown focus area 'emerging-technology'; did you mean 'emerging-technologies'? "
            "@ focus_areas.toml[artificial-intelligence].parents",
        ),
    ],
)
def test_bad_data_names_file_record_and_field(
    data_copy: Path, name: str, old: str, new: str, expected: str
) -> None:
    """A broken data file fails to load with one line naming file, record and field."""
    _edit(data_copy, name, old, new)
    assert _problems(data_copy) == [expected]


def test_a_reused_series_number_is_reported_on_both_meetings(data_copy: Path) -> None:
    """Two meetings of one series with the same number each get a problem line."""
    _edit(data_copy, "meetings.toml", 'series = "jwg"\nnumber = 16', 'series = "jwg"\nnumber = 17')
    assert _problems(data_copy) == [
        "jwg number 17 is also used by 'jwg-17' @ meetings.toml[jwg-16].number",
        "jwg number 17 is also used by 'jwg-16' @ meetings.toml[jwg-17].number",
    ]


def test_a_misspelt_table_name_is_reported(data_copy: Path) -> None:
    """A [[serie]] table is an unknown top-level key, with the right name suggested."""
    _edit(data_copy, "series.toml", "[[series]]", "[[serie]]")
    assert _problems(data_copy) == [
        "unknown top-level key 'serie'; did you mean 'series'? @ series.toml",
        # its [[series.citations]] sub-tables now make a bare [series] table
        "expected a list of [[series]] tables, got dict @ series.toml",
    ]


def test_every_problem_is_reported_at_once(data_copy: Path) -> None:
    """Problems in several files are all listed in one DatasetError; nothing is loaded."""
    _edit(data_copy, "meetings.toml", 'date = "2024-07"', 'date = "July 2024"')
    _edit(data_copy, "events.toml", 'countries = ["IL", "IR"]', 'countries = ["IL", "XX"]')
    _edit(data_copy, "people.toml", 'name = "Israel Katz"', "name = 42")
    assert _problems(data_copy) == [
        "expected text, got int 42 @ people.toml[israel-katz].name",
        "'July 2024' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD @ meetings.toml[jwg-16].date",
        "item 1: 'XX' is not an ISO 3166-1 alpha-2 country code @ events.toml[operation-rising-lion].countries",
    ]


def test_a_file_that_is_not_utf8_is_reported(data_copy: Path) -> None:
    """Bytes that are not UTF-8 give a problem naming the file."""
    (data_copy / "series.toml").write_bytes(b"\xff\xfe[[series]]\n")
    assert _problems(data_copy) == ["not UTF-8 text (invalid start byte at byte 0) @ series.toml"]


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    """Loading a folder that does not exist says so."""
    missing = tmp_path / "nowhere"
    with pytest.raises(
        at.DatasetError, match=re.escape(f"no dataset at {str(missing)!r}: give a folder")
    ):
        at.Tracker.from_path(missing)


def test_metadata_keys_are_checked(data_copy: Path) -> None:
    """dataset.toml rejects unknown keys and non-text values."""
    _edit(data_copy, "dataset.toml", 'version = "1.2.0"', 'version = 1\nauthor = "x"')
    assert _problems(data_copy) == [
        "unknown field 'author' @ dataset.toml",
        "expected text, got int @ dataset.toml.version",
    ]


def test_records_built_in_code_are_validated_too() -> None:
    """A Tracker built from records checks references just as a loaded one does."""
    meeting = at.Meeting(
        id="m",
        kind=at.MeetingKind.TALKS,
        title="Talks",
        participants=("nobody",),
        citations=(at.Citation(source="s", quote="q"),),
    )
    with pytest.raises(at.DatasetError) as caught:
        at.Tracker([meeting])
    assert caught.value.problems == (
        "unknown source 's' @ <memory>[m].citations[0].source",
        "unknown person 'nobody' @ <memory>[m].participants[0]",
    )


def test_cite_reads_no_format_fields_from_data() -> None:
    """A citation with braces (BibTeX) is shown as written; only {version}/{sources} change."""
    source = at.Source(id="s", text_file="s.txt", text="x")
    bibtex = (
        "@misc{tracker, title = {Defence}, note = {v{version}, {sources} sources}} {0.__class__}"
    )
    tracker = at.Tracker([source], name="n", version="2.1", citation=bibtex, license="MIT")
    assert tracker.cite().splitlines()[:2] == [
        "@misc{tracker, title = {Defence}, note = {v2.1, one sources}} {0.__class__}",
        "Licence: MIT.",
    ]
    huge = at.Tracker([source], citation="{version:>100000000}")
    assert huge.cite().splitlines()[0] == "{version:>100000000}"


def test_cite_counts_the_sources_of_an_extended_dataset(tracker: at.Tracker) -> None:
    """A sixth source makes the bundled citation say six, with the year and licence."""
    sixth = at.Source(id="sixth", text_file="sixth.txt", text="More news.", title="More")
    lines = tracker.with_records(sixth).cite().splitlines()
    assert "Curated from six news reports (listed below)" in lines[0]
    assert lines[1] == "Year: 2025. Licence: CC-BY-4.0."
    assert lines[-1] == "  [sixth] More."


def test_a_folder_of_additions_is_checked_against_and_merged_with_a_base(
    tracker: at.Tracker, tmp_path: Path
) -> None:
    """A dataset that only adds records loads with base=, naming the base's records."""
    folder = tmp_path / "additions"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "new.txt").write_text("The 18th JWG met in New Delhi.", "utf-8")
    (folder / "dataset.toml").write_text('name = "additions"\nversion = "0.1"\n', "utf-8")
    (folder / "sources.toml").write_text(
        '[[source]]\nid = "new"\ntext_file = "sources/new.txt"\n', "utf-8"
    )
    (folder / "meetings.toml").write_text(
        '[[meeting]]\nid = "jwg-18"\nkind = "jwg-session"\ntitle = "18th JWG"\nseries = "jwg"\n'
        'number = 18\nparticipants = ["amir-baram"]\n'
        '[[meeting.citations]]\nsource = "new"\nquote = "The 18th JWG met"\n'
        'supports = ["series", "number"]\n',
        "utf-8",
    )
    assert at.validate(folder)[0] == "unknown series 'jwg' @ meetings.toml[jwg-18].series"
    assert at.validate(folder, base=tracker) == ()
    extended = at.Tracker.from_path(folder, base=tracker)
    assert extended.name == "additions"
    assert [m.number for m in extended.meetings_in_series("JWG")] == [16, 17, 18]
    assert extended.origin("jwg-18") == "meetings.toml"
    assert extended.origin("jwg-17") == "base: meetings.toml"
    (folder / "meetings.toml").write_text(
        (folder / "meetings.toml").read_text("utf-8").replace('"jwg-18"', '"jwg-17"'), "utf-8"
    )
    assert at.validate(folder, base=tracker) == (
        "id 'jwg-17' is also in the base dataset (meetings.toml) @ meetings.toml[jwg-17].id",
    )


def test_a_name_where_an_id_belongs_gets_the_id() -> None:
    """A reference that gives a record's name, label or synonym is told that record's id."""
    source = at.Source(id="s", text_file="s.txt", text="Amir Baram met.")
    said = at.Citation(source="s", quote="Amir Baram met.", supports=("name",))
    person = at.Person(id="amir-baram", name="Amir Baram", aliases=("baram",), citations=(said,))
    meeting = at.Meeting(
        id="m",
        kind=at.MeetingKind.TALKS,
        title="Talks",
        participants=("baram",),
        citations=(attrs.evolve(said, supports=("participants",)),),
    )
    with pytest.raises(at.DatasetError) as error:
        at.Tracker([source, person, meeting])
    assert error.value.problems == (
        "unknown person 'baram'; did you mean 'amir-baram'? (a name of it; give the id) "
        "@ <memory>[m].participants[0]",
    )


def test_a_json_save_adds_the_suffix_from_path_reads(tracker: at.Tracker, tmp_path: Path) -> None:
    """save(format="json") to a name without .json writes name.json, which loads back."""
    written = tracker.save(tmp_path / "out", format="json")
    assert written == tmp_path / "out.json"
    assert at.Tracker.from_path(written) == tracker


def test_merged_sources_may_not_share_a_text_file(tracker: at.Tracker) -> None:
    """with_records() refuses a second source naming a text file already used (NFC, case)."""
    twin = at.Source(id="twin", text_file="Sources/000_42BA1490349E997A.txt", text="other")
    first = [s for s in tracker.sources if s.text_file.upper() == twin.text_file.upper()]
    with pytest.raises(at.DatasetError) as error:
        tracker.with_records(twin)
    assert error.value.problems == (
        f"text file {twin.text_file!r} is also the text of source {first[0].id!r}; "
        "give each source its own file @ <memory>[twin].text_file",
    )


@pytest.mark.parametrize(
    ("call", "builtin"),
    [
        (lambda t: t.between("2025-01-01", "2025-12-01", mode="maybe"), ValueError),
        (lambda t: t.between("2025", "2024"), ValueError),
        (lambda t: t.save("out", format="yaml"), ValueError),
        (lambda t: t.with_records(on_conflict="merge"), ValueError),
        (lambda t: t.between_countries("IN", "India"), ValueError),
        (lambda t: t.search(" "), ValueError),
        (lambda t: t.people.table(columns=["nope"]), ValueError),
        (lambda t: t.people.table("rst"), ValueError),
        (lambda t: t.people.plot(), TypeError),
        (lambda t: t.person(42), TypeError),
        (lambda t: t.focus_area(None), TypeError),
    ],
)
def test_argument_errors_are_the_librarys_own(
    tracker: at.Tracker, call: Any, builtin: type[Exception]
) -> None:
    """Every argument error users can make is an AgreementTrackerError and the built-in."""
    with pytest.raises(at.AgreementTrackerError) as error:
        call(tracker)
    assert isinstance(error.value, builtin)
    assert isinstance(error.value, at.ArgumentError | at.ArgumentTypeError)


def test_cite_as_bibtex_and_csl_json(tracker: at.Tracker) -> None:
    """cite() also gives BibTeX (escaped) and CSL-JSON: the dataset first, then each source."""
    import json

    bib = tracker.cite(style="bibtex")
    assert bib.splitlines()[:3] == [
        "@misc{india-israel-defence-relations-july-2024-november-2025,",
        "  title = {India–Israel defence relations, July 2024 – November 2025},",
        f"  version = {{{tracker.data_version}}},",
    ]
    assert bib.count("@misc{") == 1 + len(tracker.sources)
    assert "  license = {CC-BY-4.0}" in bib
    items = json.loads(tracker.cite(style="csl-json"))
    assert [i["id"] for i in items[1:]] == [s.id for s in tracker.sources]
    assert (items[0]["type"], items[0]["license"]) == ("dataset", "CC-BY-4.0")
    hostile = at.Tracker(
        [at.Source(id="s", text_file="s.txt", text="x", title=r"50% {of} \input{x}")], name="n"
    )
    assert r"title = {50\% \{of\} \textbackslash{}input\{x\}}" in hostile.cite(style="bibtex")
    with pytest.raises(at.ArgumentError, match=r"^style must be"):
        tracker.cite(style="apa")
