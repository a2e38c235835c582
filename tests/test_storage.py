"""Users' own datasets: formats, saving, merging, validating and the limits on input."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import attrs
import pytest

import agreement_tracker as at
from agreement_tracker.cli import main
from agreement_tracker.storage import FILES, locate, locate_all, toml_dumps


def _problems(path: Path) -> list[str]:
    with pytest.raises(at.DatasetError) as caught:
        at.Tracker.from_path(path)
    return list(caught.value.problems)


# ------------------------------------------------------------------ round trips


@pytest.mark.parametrize(("name", "fmt"), [("copy", "toml"), ("copy.json", "json")])
def test_save_then_load_is_equal(tracker: at.Tracker, tmp_path: Path, name: str, fmt: str) -> None:
    """Saving the bundled dataset in either format and loading it back gives an equal tracker."""
    saved = tracker.save(tmp_path / name, format=fmt)
    again = at.Tracker.from_path(saved)
    assert again == tracker
    assert again.discrepancies() == tracker.discrepancies()
    assert again.origin("jwg-17") == ("meetings.toml" if fmt == "toml" else "copy.json")


def test_saving_is_canonical(tracker: at.Tracker, tmp_path: Path) -> None:
    """Saving twice, or saving what was loaded, writes byte-identical files."""
    first = tracker.save(tmp_path / "a")
    second = at.Tracker.from_path(first).save(tmp_path / "b")
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(
        [*FILES.values(), "dataset.toml", *(s.text_file for s in tracker.sources)]
    )
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_saved_records_are_sorted_by_id(tracker: at.Tracker, tmp_path: Path) -> None:
    """Saved files list records by id; the vocabulary keeps its curated order."""
    folder = tracker.save(tmp_path / "out")
    meetings = tomllib.loads((folder / "meetings.toml").read_text("utf-8"))["meeting"]
    assert [m["id"] for m in meetings] == sorted(m.id for m in tracker.meetings)
    areas = tomllib.loads((folder / "focus_areas.toml").read_text("utf-8"))["focus_area"]
    assert [a["id"] for a in areas] == [a.id for a in tracker.focus_areas]


def test_single_toml_file_with_inline_text(tmp_path: Path) -> None:
    """A single .toml file with a [dataset] table and inline source text loads."""
    path = tmp_path / "small.toml"
    path.write_text(
        toml_dumps(
            {
                "dataset": {"name": "Small", "version": "0.1"},
                "source": [
                    {"id": "s", "text_file": "s.txt", "text": "France and India met in Paris."}
                ],
                "series": [
                    {
                        "id": "dd",
                        "name": "Defence Dialogue",
                        "parties": ["FR", "IN"],
                        "citations": [{"source": "s", "quote": "France and India met"}],
                    }
                ],
            }
        ),
        "utf-8",
    )
    small = at.Tracker.from_path(path)
    assert (small.name, small.data_version, small.series("dd").parties) == (
        "Small",
        "0.1",
        ("FR", "IN"),
    )


def test_json_errors_name_line_and_column(tmp_path: Path) -> None:
    """Broken JSON is reported with its line and column."""
    path = tmp_path / "broken.json"
    path.write_text('{"dataset": {"name": "x"},\n "meeting": [}', "utf-8")
    assert _problems(path) == [
        "not valid JSON (Expecting value at line 2, column 14) @ broken.json"
    ]


def test_json_top_level_must_be_a_table(tmp_path: Path) -> None:
    """A JSON file whose top level is not an object is refused."""
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", "utf-8")
    assert _problems(path) == ["expected a table of record kinds, got list @ list.json"]


def test_unknown_top_level_key_in_a_single_file(tmp_path: Path) -> None:
    """An unknown record kind in a single file is named, with a suggestion."""
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"dataset": {"name": "x"}, "meetings": []}), "utf-8")
    assert _problems(path) == ["unknown top-level key 'meetings'; did you mean 'meeting'? @ x.json"]


def test_stray_data_file_in_a_folder(data_copy: Path) -> None:
    """A misnamed data file in a folder is reported rather than silently ignored."""
    (data_copy / "meetings.toml").rename(data_copy / "meeting.toml")
    problems = _problems(data_copy)
    assert problems[0] == "unexpected data file; did you mean 'meetings.toml'? @ meeting.toml"


def test_empty_folder_is_not_a_dataset(tmp_path: Path) -> None:
    """A folder without data files is an error, not an empty tracker."""
    assert _problems(tmp_path) == [
        f"no data files in {str(tmp_path)!r}: expected dataset.toml and files such as meetings.toml"
    ]


# ------------------------------------------------------------------ limits and safety


def test_files_over_the_size_limit_are_refused(data_copy: Path) -> None:
    """A file larger than max_bytes is refused before it is parsed."""
    size = (data_copy / "meetings.toml").stat().st_size
    with pytest.raises(at.DatasetError) as caught:
        at.Tracker.from_path(data_copy, max_bytes=size - 1)
    assert f"file is {size:,} bytes, more than the limit of {size - 1:,} @ meetings.toml" in (
        caught.value.problems
    )


def test_deeply_nested_json_is_refused(tmp_path: Path) -> None:
    """A JSON file nested far deeper than any dataset gives a DatasetError, not a RecursionError."""
    path = tmp_path / "deep.json"
    path.write_text('{"meeting": ' + "[" * 100_000 + "]" * 100_000 + "}", "utf-8")
    assert _problems(path) == ["nested too deeply to be a dataset @ deep.json"]


def test_saving_will_not_replace_a_folder_of_other_files(
    tracker: at.Tracker, tmp_path: Path
) -> None:
    """save() refuses to replace a folder that holds files other than a dataset's."""
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.docx").write_bytes(b"important")
    with pytest.raises(
        at.DatasetError, match=r"holds files that are not part of a dataset \(thesis.docx\)"
    ):
        tracker.save(precious)
    assert (precious / "thesis.docx").read_bytes() == b"important"


def test_saving_replaces_a_previous_save_whole(tracker: at.Tracker, tmp_path: Path) -> None:
    """Saving over an earlier save replaces it and leaves no temporary files behind."""
    target = tmp_path / "data"
    tracker.save(target)
    smaller = at.Tracker([*tracker.sources, *tracker.organisations], name=tracker.name, version="2")
    smaller.save(target)
    assert sorted(p.name for p in target.iterdir()) == [
        "dataset.toml",
        "organisations.toml",
        "sources",
        "sources.toml",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    assert at.Tracker.from_path(target).data_version == "2"


def test_atomic_json_write_leaves_old_file_on_failure(
    tracker: at.Tracker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing fails midway, the previous file is intact and no temporary file remains."""
    target = tracker.save(tmp_path / "data.json", format="json")
    before = target.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        tracker.save(target, format="json")
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"]


def test_a_failed_folder_save_leaves_the_old_folder(
    tracker: at.Tracker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder save failing while it writes leaves the old dataset, byte for byte, and nothing else."""
    target = tracker.save(tmp_path / "data")
    before = {p: p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()}
    calls: list[int] = []

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 4:
            raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    smaller = at.Tracker([*tracker.sources, *tracker.organisations], name="x", version="2")
    with pytest.raises(OSError, match="disk full"):
        smaller.save(target)
    assert {p: p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_locate_all_matches_locate(data_copy: Path) -> None:
    """locate_all gives, for many problems at once, what locate gives for each."""
    problems = [
        "x @ people.toml[amir-baram].name",
        "x @ series.toml",
        "no location here",
        "x @ missing.toml[a].b",
    ]
    assert locate_all(data_copy, problems) == [locate(data_copy, p) for p in problems]
    assert locate_all(data_copy, problems) == [
        (data_copy / "people.toml", 49),
        (data_copy / "series.toml", 1),
        None,
        None,
    ]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_saved_files_get_the_usual_permissions(tracker: at.Tracker, tmp_path: Path) -> None:
    """Saved files and folders follow the umask, not the private modes of temporary files."""
    old = os.umask(0o022)
    try:
        json_file = tracker.save(tmp_path / "data.json", format="json")
        folder = tracker.save(tmp_path / "data")
    finally:
        os.umask(old)
    assert json_file.stat().st_mode & 0o777 == 0o644
    assert folder.stat().st_mode & 0o777 == 0o755
    assert (folder / "meetings.toml").stat().st_mode & 0o777 == 0o644


def test_loading_restores_the_garbage_collector(tmp_path: Path) -> None:
    """The collector is paused only while reading: on again after a failure, off if it was."""
    import gc

    bad = tmp_path / "bad.json"
    bad.write_text('{"meeting": [{"id": "m"}]}', "utf-8")
    assert gc.isenabled()
    with pytest.raises(at.DatasetError):
        at.Tracker.from_path(bad)
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(at.DatasetError):
            at.Tracker.from_path(bad)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_repeated_builds_leave_no_garbage_behind(tracker: at.Tracker) -> None:
    """Pausing the collector while building must not keep it from freeing old trackers."""
    import gc

    records = list(tracker.all_records())
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(300):
        at.Tracker(records)
    # Each dropped tracker is a reference cycle (its Records point back at it); the
    # collector frees them as usual, so what is left stays far below 300 trackers' worth.
    assert len(gc.get_objects()) - before < 10_000
    assert gc.isenabled()


def test_unknown_format_is_an_error(tracker: at.Tracker, tmp_path: Path) -> None:
    """save() accepts only 'toml' and 'json'."""
    with pytest.raises(ValueError, match=r"^format must be 'toml' or 'json', got 'yaml'$"):
        tracker.save(tmp_path / "x", format="yaml")


# ------------------------------------------------------------------ extend and merge


def test_with_records_adds_immutably(tracker: at.Tracker) -> None:
    """with_records returns a new tracker; the original is unchanged."""
    meeting = at.Meeting(
        id="jwg-18",
        kind=at.MeetingKind.JWG_SESSION,
        title="18th JWG",
        series="jwg",
        number=18,
        date=at.PartialDate(2026),
        citations=(at.Citation(source="exam-2025-11", quote="Joint Working Group"),),
    )
    bigger = tracker.with_records(meeting)
    assert bigger.last_meeting("JWG", as_of="2027-01-01").id == "jwg-18"
    assert tracker.get("jwg-18") is None
    assert bigger.origin("jwg-18") == "<memory>"


def test_conflicting_ids_name_both_origins(tracker: at.Tracker) -> None:
    """A changed record under an existing id is refused unless told which wins."""
    changed = attrs.evolve(tracker.person("Ajit Doval"), aliases=("Doval",))
    with pytest.raises(at.DatasetError) as caught:
        tracker.with_records(changed)
    assert caught.value.problems == (
        "id 'ajit-doval' is in people.toml and in the new records; "
        "pass on_conflict='replace' or 'keep' @ <memory>[ajit-doval].id",
    )
    assert tracker.with_records(changed, on_conflict="replace").person("Doval").id == "ajit-doval"
    assert tracker.with_records(changed, on_conflict="keep").person("ajit-doval").aliases == ()
    with pytest.raises(ValueError, match=r"^on_conflict must be 'error', 'replace' or 'keep'"):
        tracker.with_records(changed, on_conflict="newest")


def test_merge_two_datasets(tracker: at.Tracker, tmp_path: Path) -> None:
    """Merging keeps both datasets' records and names the other file on conflict."""
    other_path = tracker.save(tmp_path / "other.json", format="json")
    other = at.Tracker.from_path(other_path)
    assert tracker.merge(other) == tracker  # identical records do not conflict
    renamed = other.with_records(
        attrs.evolve(other.meeting("jwg-16"), title="Sixteenth JWG"), on_conflict="replace"
    )
    with pytest.raises(
        at.DatasetError, match=r"id 'jwg-16' is in meetings.toml and in the other dataset"
    ):
        tracker.merge(renamed)
    assert tracker.merge(renamed, on_conflict="replace").meeting("jwg-16").title == "Sixteenth JWG"


def test_new_records_are_validated_with_the_rest(tracker: at.Tracker) -> None:
    """A new record that refers to nothing known is refused with its location."""
    stray = at.Meeting(
        id="x",
        kind=at.MeetingKind.TALKS,
        title="Talks",
        participants=("nobody",),
        citations=(at.Citation(source="exam-2025-11", quote="not in the text"),),
    )
    with pytest.raises(at.DatasetError) as caught:
        tracker.with_records(stray)
    assert caught.value.problems == (
        "quote not found verbatim in source 'exam-2025-11': 'not in the text' @ <memory>[x].citations[0].quote",
        "unknown person 'nobody' @ <memory>[x].participants[0]",
    )


# ------------------------------------------------------------------ validate


def test_validate_function(data_copy: Path) -> None:
    """validate() returns () for a clean dataset and every problem for a broken one."""
    assert at.validate(data_copy) == ()
    text = (data_copy / "events.toml").read_text("utf-8")
    (data_copy / "events.toml").write_text(
        text.replace('date = "2025-04-22"', 'date = "2025-04-31"'), "utf-8"
    )
    assert at.validate(data_copy) == (
        "'2025-04-31': day must be 1..30 for 2025-04, got 31 @ events.toml[pahalgam-attack-2025].date",
    )


def test_validate_command(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`validate PATH` prints file:line for each problem and exits 1; 0 when clean."""
    assert main(["validate", str(data_copy)]) == 0
    assert capsys.readouterr().out.startswith(f"{data_copy}: ok: <Tracker ")
    meetings = data_copy / "meetings.toml"
    text = meetings.read_text("utf-8")
    text = text.replace('date = "2024-07"', 'date = "2024-13"')
    text = text.replace(
        'participants = ["amir-baram", "ajit-doval"]',
        'participants = ["amir-baram", "ajit-dovall"]',
    )
    meetings.write_text(text, "utf-8")
    assert main(["validate", str(data_copy)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{meetings}:26: '2024-13': month must be 1..12, got 13 @ meetings.toml[jwg-16].date",
        f"{meetings}:5: unknown person 'ajit-dovall'; did you mean 'ajit-doval'? "
        "@ meetings.toml[doval-baram-2025-07].participants[1]",
    ]
    assert captured.err == "2 problems found\n"


def test_locate_finds_the_record_line(data_copy: Path) -> None:
    """locate() points a problem at the line of its record's id, or line 1."""
    assert locate(data_copy, "x @ people.toml[amir-baram].name") == (data_copy / "people.toml", 49)
    assert locate(data_copy, "x @ series.toml") == (data_copy / "series.toml", 1)
    assert locate(data_copy, "no location here") is None
