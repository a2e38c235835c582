"""Hostile datasets and file systems: saves that never delete a user's files, loads that stay inside.

Each test names the finding it keeps fixed.  The mutation suite at the end generates
several hundred damaged datasets and file-system tricks and counts how each ends;
run ``python -m tests.test_hostile`` to print its figures.
"""

from __future__ import annotations

import collections
import json
import os
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

import agreement_tracker as at
from agreement_tracker.storage import (
    FILES,
    MAX_BYTES,
    MAX_PROBLEMS,
    SAVE_FOLDER,
    locate_all,
    read_dataset,
    toml_dumps,
)

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file system")
ROOT = Path(__file__).resolve().parents[1]
DATA_NAMES = sorted(["dataset.toml", *FILES.values(), "sources"])


def _problems(path: Path, *, follow_links: bool = False) -> list[str]:
    with pytest.raises(at.DatasetError) as caught:
        at.Tracker.from_path(path, follow_links=follow_links)
    return list(caught.value.problems)


def _loaded_problems(path: Path, **options: bool) -> list[str]:
    return read_dataset(path, **options).problems


def _version_two(tracker: at.Tracker) -> at.Tracker:
    """The bundled dataset with new metadata and a renamed meeting: another version."""
    renamed = attrs.evolve(tracker.meeting("jwg-16"), title="Sixteenth JWG")
    records = [renamed if r.id == "jwg-16" else r for r in tracker.all_records()]
    return at.Tracker(records, name=tracker.name, version="2")


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


# ------------------------------------------------------------------ 1. saves own only their files


def test_a_save_keeps_the_users_files_in_a_dataset_folder(
    tracker: at.Tracker, tmp_path: Path
) -> None:
    """Saving over a dataset folder keeps .git/, photos/, README.txt and sources/original.pdf (finding 1)."""
    target = tracker.save(tmp_path / "data")
    mine = {
        ".git/HEAD": b"ref: refs/heads/main\n",
        "photos/visit.jpg": b"\xff\xd8jpeg",
        "README.txt": b"my notes",
        "sources/original.pdf": b"%PDF-1.7",
    }
    for rel, data in mine.items():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_bytes(data)
    _version_two(tracker).save(target)
    assert {rel: (target / rel).read_bytes() for rel in mine} == mine
    assert at.Tracker.from_path(target).data_version == "2"
    assert sorted(p.name for p in target.iterdir()) == sorted(
        [*DATA_NAMES, ".git", "photos", "README.txt"]
    )


def test_a_folder_that_is_not_a_dataset_is_refused_and_kept(
    tracker: at.Tracker, tmp_path: Path
) -> None:
    """A folder holding only backup/company.db is not saved into, and nothing in it is touched (finding 1)."""
    target = tmp_path / "work"
    (target / "backup").mkdir(parents=True)
    (target / "backup" / "company.db").write_bytes(b"SQLite format 3\x00")
    with pytest.raises(at.DatasetError) as caught:
        tracker.save(target)
    assert caught.value.problems == (
        f"{str(target)!r} holds files that are not part of a dataset (backup); not saving there",
    )
    assert _tree(target) == {"backup/company.db": b"SQLite format 3\x00"}


def test_a_save_never_overwrites_a_file_the_dataset_does_not_own(
    tracker: at.Tracker, tmp_path: Path
) -> None:
    """A new source text at the path of a user's file is refused before anything is written."""
    target = tracker.save(tmp_path / "data")
    (target / "sources" / "mine.txt").write_text("my own file", "utf-8")
    source = attrs.evolve(tracker.sources[0], id="another", text_file="sources/mine.txt")
    before = _tree(target)
    with pytest.raises(at.DatasetError) as caught:
        tracker.with_records(source).save(target)
    assert caught.value.problems == (
        f"'sources/mine.txt' in {str(target)!r} is not one of the files of the dataset "
        "there; not overwriting it",
    )
    assert _tree(target) == before


def test_dropped_records_remove_only_the_datasets_own_files(
    tracker: at.Tracker, tmp_path: Path
) -> None:
    """A smaller save removes the data files and texts the old dataset had, nothing else."""
    target = tracker.save(tmp_path / "data")
    (target / "sources" / "notes.md").write_text("mine", "utf-8")
    keep = at.Source(id="only", text_file=tracker.sources[0].text_file, text="The one text.")
    at.Tracker([keep], name="one", version="3").save(target)
    assert sorted(_tree(target)) == sorted(
        ["dataset.toml", keep.text_file, "sources.toml", "sources/notes.md"]
    )


# ------------------------------------------------------------------ 2. one text file per source


def test_reused_text_files_are_refused_on_load(tracker: at.Tracker, tmp_path: Path) -> None:
    """Two sources with one text_file do not load, in any layout (finding 2)."""
    saved = tracker.save(tmp_path / "data.json", format="json")
    doc = json.loads(saved.read_text("utf-8"))
    first, second = doc["source"][0], doc["source"][1]
    second["text_file"] = first["text_file"].upper().replace(".TXT", ".txt")
    saved.write_text(json.dumps(doc), "utf-8")
    assert _problems(saved)[0] == (
        f"text file {second['text_file']!r} is also the text of source {first['id']!r}; "
        f"give each source its own file @ data.json[{second['id']}].text_file"
    )


def test_a_save_refuses_two_sources_sharing_a_text_file(
    tracker: at.Tracker, tmp_path: Path
) -> None:
    """Sources sharing a text file make no tracker, so nothing is saved over a good folder (finding 2)."""
    target = tracker.save(tmp_path / "data")
    before = _tree(target)
    first = at.Source(id="first", text_file="sources/report.txt", text="One report.")
    second = at.Source(id="second", text_file="sources/report.txt", text="Another report.")
    with pytest.raises(at.DatasetError) as caught:
        at.Tracker([first, second])
    assert caught.value.problems == (
        f"text file {first.text_file!r} is also the text of source {first.id!r}; "
        f"give each source its own file @ <memory>[{second.id}].text_file",
    )
    with pytest.raises(at.DatasetError):
        tracker.with_records(attrs.evolve(second, text_file=tracker.sources[0].text_file))
    assert _tree(target) == before


# ------------------------------------------------------------------ 3, 4. kills, concurrency

_CHILD = """
import os, sys
from pathlib import Path
import agreement_tracker as at

source, target, point, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
calls = 0
real = getattr(os, point)

def crash(*args):
    global calls
    calls += 1
    if calls == count:
        os._exit(17)  # killed: no cleanup, no finally blocks
    return real(*args)

tracker = at.Tracker.from_path(source)
setattr(os, point, crash)
tracker.save(Path(target), format="json" if target.endswith(".json") else "toml")
"""


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled dataset (version 1.2.0) and a changed one (version 2), as JSON files."""
    folder = tmp_path_factory.mktemp("versions")
    one = at.load()
    return (
        one.save(folder / "one.json", format="json"),
        _version_two(one).save(folder / "two.json", format="json"),
    )


def _child(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", _CHILD, *map(str, args)], capture_output=True, timeout=120
    )


@POSIX
@pytest.mark.parametrize(
    ("point", "count", "expected"),
    [("fsync", 3, "1.2.0"), ("replace", 1, "1.2.0"), ("replace", 2, "2"), ("replace", 9, "2")],
)
def test_a_killed_save_leaves_one_whole_version(
    versions: tuple[Path, Path], tmp_path: Path, point: str, count: int, expected: str
) -> None:
    """Killed while writing, at its commit or between renames, a save leaves the old or the new dataset (finding 3)."""
    one, two = (at.Tracker.from_path(v) for v in versions)
    target = one.save(tmp_path / "data")
    (target / "README.txt").write_text("mine", "utf-8")
    done = _child(versions[1], target, point, str(count))
    assert (done.returncode, done.stderr) == (17, b"")
    assert (target / SAVE_FOLDER).is_dir()  # the killed save's leftovers
    loaded = at.Tracker.from_path(target)
    assert loaded.data_version == expected
    assert loaded == (one if expected == "1.2.0" else two)
    one.save(target)  # the next save finishes or drops the killed one, then saves
    assert sorted(p.name for p in target.iterdir()) == sorted([*DATA_NAMES, "README.txt"])
    assert at.Tracker.from_path(target) == one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


@POSIX
def test_a_killed_json_save_leaves_the_old_file(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    """A JSON save killed before its rename leaves the old file; the next save removes its leftover (finding 3)."""
    one = at.Tracker.from_path(versions[0])
    target = one.save(tmp_path / "data.json", format="json")
    done = _child(versions[1], target, "replace", "1")
    assert (done.returncode, done.stderr) == (17, b"")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".data.json.saving", "data.json"]
    assert at.Tracker.from_path(target) == one
    one.save(target, format="json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"]


@POSIX
def test_concurrent_saves_are_serialised(versions: tuple[Path, Path], tmp_path: Path) -> None:
    """Two processes saving one folder at once both succeed; the folder holds one whole version (finding 3)."""
    target = at.Tracker.from_path(versions[0]).save(tmp_path / "data")
    loop = (
        "import sys; from pathlib import Path; import agreement_tracker as at\n"
        "t = at.Tracker.from_path(sys.argv[1])\n"
        "for _ in range(6): t.save(Path(sys.argv[2]))\n"
    )
    savers = [
        subprocess.Popen([sys.executable, "-c", loop, str(v), str(target)], stderr=subprocess.PIPE)
        for v in versions
    ]
    errors = [s.communicate(timeout=120)[1] for s in savers]
    assert ([s.returncode for s in savers], errors) == ([0, 0], [b"", b""])
    assert at.Tracker.from_path(target).data_version in {"1.2.0", "2"}
    assert sorted(p.name for p in target.iterdir()) == DATA_NAMES


@POSIX
def test_a_load_during_saves_reads_one_version(versions: tuple[Path, Path], tmp_path: Path) -> None:
    """Loads while another process saves two versions in turn read one whole version each time (finding 4)."""
    one, two = (at.Tracker.from_path(v) for v in versions)
    target = one.save(tmp_path / "data")
    loop = (
        "import sys; from pathlib import Path; import agreement_tracker as at\n"
        "ts = [at.Tracker.from_path(p) for p in sys.argv[1:3]]\n"
        "for i in range(16): ts[i % 2].save(Path(sys.argv[3]))\n"
    )
    saver = subprocess.Popen(
        [sys.executable, "-c", loop, *map(str, versions), str(target)], stderr=subprocess.PIPE
    )
    seen: collections.Counter[str] = collections.Counter()
    while True:
        running = saver.poll() is None
        loaded = at.Tracker.from_path(target)
        assert loaded in (one, two)
        seen["one" if loaded == one else "two"] += 1
        if not running:
            break
    assert (saver.returncode, saver.communicate()[1]) == (0, b"")


# ------------------------------------------------------------------ 5. what a data file must be


@POSIX
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "file is not a regular file but a folder"),
        (lambda p: os.mkfifo(p), "file is not a regular file but a named pipe"),
        (lambda p: p.symlink_to(p.parent / "gone.toml"), "file is a symbolic link or inside one"),
        (lambda p: p.symlink_to("/dev/null"), "file is a symbolic link or inside one"),
    ],
    ids=["folder", "fifo", "broken-link", "dev-null"],
)
def test_a_data_file_that_is_not_a_file_is_refused(
    data_copy: Path, make: Callable[[Path], None], message: str
) -> None:
    """A data file that is a folder, a FIFO, a broken link or a link to /dev/null is named, not skipped (finding 5)."""
    for name in ("events.toml", "dataset.toml"):
        (data_copy / name).unlink()
        make(data_copy / name)
    problems = _problems(data_copy)
    tail = "; pass follow_links=True to follow links that stay inside the dataset"
    expected = [
        f"{message}{tail if 'link' in message else ''} @ {n}"
        for n in ("dataset.toml", "events.toml")
    ]
    assert problems == expected


@POSIX
def test_followed_links_must_stay_inside(data_copy: Path) -> None:
    """With follow_links=True a link to a data file inside loads; /dev/null and broken links do not."""
    (data_copy / "inside").mkdir()
    (data_copy / "events.toml").rename(data_copy / "inside" / "events.toml")
    (data_copy / "events.toml").symlink_to(data_copy / "inside" / "events.toml")
    loaded = read_dataset(data_copy, follow_links=True)
    assert (loaded.problems, len(loaded.records)) == ([], len(list(at.load().all_records())))
    (data_copy / "events.toml").unlink()
    (data_copy / "events.toml").symlink_to("/dev/null")
    assert _loaded_problems(data_copy, follow_links=True) == [
        "file is a symbolic link to outside the dataset @ events.toml"
    ]


# ------------------------------------------------------------------ 6. JSON duplicate keys


@pytest.mark.parametrize("key", ["event", "title"])
def test_duplicate_json_keys_are_refused(tracker: at.Tracker, tmp_path: Path, key: str) -> None:
    """A JSON object with a key twice is refused rather than resolved last-wins (finding 6)."""
    saved = tracker.save(tmp_path / "data.json", format="json")
    text = saved.read_text("utf-8")
    if key == "event":
        text = text.rstrip().removesuffix("}") + ', "event": []\n}\n'
    else:
        text = text.replace('"title": ', '"title": "forged", "title": ', 1)
    saved.write_text(text, "utf-8")
    assert _problems(saved) == [f"key {key!r} appears twice in one JSON object @ data.json"]


# ------------------------------------------------------------------ 7. permissions and links


@POSIX
def test_saves_keep_permissions(tracker: at.Tracker, tmp_path: Path) -> None:
    """A 0600 file stays 0600 and a 0700 folder 0700 after a save (finding 7)."""
    folder = tracker.save(tmp_path / "data")
    folder.chmod(0o700)
    (folder / "meetings.toml").chmod(0o600)
    json_file = tracker.save(tmp_path / "data.json", format="json")
    json_file.chmod(0o600)
    _version_two(tracker).save(folder)
    _version_two(tracker).save(json_file, format="json")
    modes = [stat.S_IMODE(p.stat().st_mode) for p in (folder, folder / "meetings.toml", json_file)]
    assert modes == [0o700, 0o600, 0o600]


@POSIX
def test_saving_through_a_link_writes_the_links_target(tracker: at.Tracker, tmp_path: Path) -> None:
    """A link to a folder or a file stays a link; the save goes to what it points at (finding 7)."""
    real = tracker.save(tmp_path / "real")
    (tmp_path / "link").symlink_to(real)
    real_json = tracker.save(tmp_path / "real.json", format="json")
    (tmp_path / "link.json").symlink_to(real_json)
    two = _version_two(tracker)
    two.save(tmp_path / "link")
    two.save(tmp_path / "link.json", format="json")
    assert (tmp_path / "link").is_symlink()
    assert (tmp_path / "link.json").is_symlink()
    assert at.Tracker.from_path(real) == at.Tracker.from_path(real_json) == two


@POSIX
def test_a_save_does_not_write_through_a_link_inside(tracker: at.Tracker, tmp_path: Path) -> None:
    """A sources folder that is a link elsewhere is refused, and what it points at is untouched."""
    target = tracker.save(tmp_path / "data")
    elsewhere = tmp_path / "elsewhere"
    (target / "sources").rename(elsewhere)
    (target / "sources").symlink_to(elsewhere)
    before = _tree(elsewhere)
    with pytest.raises(at.DatasetError) as caught:
        tracker.save(target)
    assert caught.value.problems == (
        f"'sources' in {str(target)!r} is a symbolic link; not saving through it",
    )
    assert _tree(elsewhere) == before


# ------------------------------------------------------------------ 8. reading what it should not


@POSIX
@pytest.mark.parametrize("where", ["file", "folder"])
def test_linked_source_texts_are_not_read(data_copy: Path, where: str) -> None:
    """A text file that is a link (to /etc/passwd) or sits in a linked folder is refused (finding 8)."""
    text_file = at.load().sources[0].text_file
    if where == "file":
        (data_copy / text_file).unlink()
        (data_copy / text_file).symlink_to("/etc/passwd")
    else:
        (data_copy / "sources").rename(data_copy / "real-sources")
        (data_copy / "sources").symlink_to(data_copy / "real-sources")
    problems = _problems(data_copy)
    source = at.load().sources[0].id
    assert problems[0] == (
        f"{text_file!r} is a symbolic link or inside one; pass follow_links=True to follow "
        f"links that stay inside the dataset @ sources.toml[{source}].text_file"
    )
    inside = read_dataset(data_copy, follow_links=True).problems
    assert inside == (
        [
            f"{text_file!r} is a symbolic link to outside the dataset "
            f"@ sources.toml[{source}].text_file"
        ]
        if where == "file"
        else []
    )


# ------------------------------------------------------------------ 9. limits that hold


def test_a_file_of_dotted_keys_is_refused_fast(tmp_path: Path) -> None:
    """80 KB of one dotted key is refused before tomllib parses it, in well under a second (finding 9)."""
    path = tmp_path / "keys.toml"
    path.write_text("[[meeting]]\n" + ".".join(["a"] * 40_000) + " = 1\n", "utf-8")
    start = time.perf_counter()
    problems = _problems(path)
    assert time.perf_counter() - start < 1
    assert problems == [
        "a dotted key on line 2 has more than 16 parts, more than any dataset needs @ keys.toml"
    ]


def test_problems_are_capped(tmp_path: Path) -> None:
    """Many bad tables give at most MAX_PROBLEMS lines and one saying how much was left out (finding 9)."""
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"focus_area": [{"id": "x"}] * (MAX_PROBLEMS + 500)}), "utf-8")
    problems = _loaded_problems(path)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1] == (
        "… and 500 records not read: reading stops after 1,000 problems @ many.json"
    )


def test_long_values_are_shortened_in_messages(tmp_path: Path) -> None:
    """A 5 MB value is quoted in a problem line of a few hundred characters (finding 9)."""
    path = tmp_path / "long.json"
    path.write_text(json.dumps({"focus_area": [{"id": "x", "label": "L", "y" * 5_000_000: 1}]}))
    (problem,) = _problems(path)
    assert len(problem) < 400
    assert problem.startswith("unknown field 'yyyy")
    assert "…(5,000,016 characters)…" in problem


@POSIX
def test_sizes_are_checked_before_reading(tracker: at.Tracker, tmp_path: Path) -> None:
    """A 4 GiB (sparse) source text or data file is refused without being read, by load and locate (finding 9)."""
    target = tracker.save(tmp_path / "data")
    text = target / tracker.sources[0].text_file
    huge = 4 * 1024**3
    for path in (text, target / "events.toml"):
        with open(path, "r+b") as handle:
            handle.truncate(huge)
    start = time.perf_counter()
    problems = _problems(target)
    found = locate_all(target, [*problems, "x @ events.toml[e].date"])
    assert time.perf_counter() - start < 2
    assert problems[:2] == [
        f"{text.relative_to(target).as_posix()!r} is {huge:,} bytes, more than the limit of "
        f"{MAX_BYTES:,} @ sources.toml[{tracker.sources[0].id}].text_file",
        f"file is {huge:,} bytes, more than the limit of {at.storage.MAX_BYTES:,} @ events.toml",
    ]
    assert found[-1] == (target / "events.toml", 1)


def test_locate_all_reads_each_file_once(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Locating a thousand problems in one file opens it once (finding 9)."""
    opened: list[str] = []
    real = os.open

    def spy(path: str, *args: int) -> int:
        opened.append(os.path.basename(path))
        return real(path, *args)

    monkeypatch.setattr(os, "open", spy)
    problems = ["bad @ people.toml[amir-baram].name"] * 1000 + ["bad @ series.toml"]
    found = locate_all(data_copy, problems)
    assert opened == ["people.toml", "series.toml"]
    assert found[0] == (data_copy / "people.toml", 49)
    assert found[-1] == (data_copy / "series.toml", 1)


# ------------------------------------------------------------------ 10. OS errors are problems


def test_unreadable_files_are_reported(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that cannot be opened is a located problem in validate(), not a PermissionError (finding 10)."""
    real = os.open

    def denied(path: str, *args: int) -> int:
        if os.path.basename(path) == "events.toml":
            raise PermissionError(13, "Permission denied", path)
        return real(path, *args)

    monkeypatch.setattr(os, "open", denied)
    assert at.validate(data_copy) == ("file cannot be read (Permission denied) @ events.toml",)


def test_over_long_names_are_reported(tracker: at.Tracker, tmp_path: Path) -> None:
    """A text_file name longer than the file system allows is a located problem (finding 10)."""
    saved = tracker.save(tmp_path / "data")
    sources = saved / "sources.toml"
    first = tracker.sources[0]
    sources.write_text(
        sources.read_text("utf-8").replace(first.text_file, "sources/" + "n" * 300 + ".txt"),
        "utf-8",
    )
    (problem,) = at.validate(saved)
    assert problem.endswith(
        f"cannot be read (File name too long) @ sources.toml[{first.id}].text_file"
    )


# ------------------------------------------------------------------ 14. quieter wrongs, file side


def test_a_json_integer_of_many_digits_is_named(tmp_path: Path) -> None:
    """A JSON number of 5,000 digits is reported as such, not as "not valid TOML" (finding 14)."""
    path = tmp_path / "big.json"
    path.write_text('{"meeting": [{"id": "m", "number": ' + "9" * 5000 + "}]}", "utf-8")
    assert _problems(path) == [
        f"holds a whole number of more than {sys.get_int_max_str_digits():,} digits @ big.json"
    ]


@pytest.mark.parametrize("name", ["bom.toml", "bom.json"])
def test_a_byte_order_mark_is_named(tmp_path: Path, name: str) -> None:
    """A UTF-8 BOM gives a message saying so (finding 14)."""
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf" + (b'{"dataset": {}}' if name.endswith("json") else b""))
    assert _problems(path) == [
        f"starts with a byte-order mark (BOM); save it as UTF-8 without one @ {name}"
    ]


def test_the_toml_writer_refuses_integers_beyond_64_bits(tmp_path: Path) -> None:
    """TOML cannot hold 2**63; the writer says where such a number is (finding 14)."""
    with pytest.raises(at.DatasetError) as caught:
        toml_dumps({"meeting": [{"id": "m", "number": 2**63}]})
    assert caught.value.problems == (
        "a 19-digit whole number does not fit in TOML's 64-bit integers @ meeting[m].number",
    )
    assert toml_dumps({"n": 2**63 - 1, "m": -(2**63)}) == (
        "n = 9223372036854775807\nm = -9223372036854775808\n"
    )


# ------------------------------------------------------------------ the mutation suite


def _fs_tricks(
    folder: Path, text_file: str, secret: Path
) -> Iterator[tuple[str, Callable[[], None]]]:
    """File-system tricks on a saved folder (``secret``: a file outside it), for a fresh copy."""
    targets = ["dataset.toml", *FILES.values(), text_file]

    def replace(rel: str, how: str) -> Callable[[], None]:
        def apply() -> None:
            path = folder / rel
            if path.exists() or path.is_symlink():
                path.unlink()
            if how == "folder":
                path.mkdir()
            elif how == "fifo":
                os.mkfifo(path)
            elif how == "dev-null":
                path.symlink_to("/dev/null")
            elif how == "broken":
                path.symlink_to(folder / "gone")
            elif how == "outside":
                path.symlink_to(secret)

        return apply

    for rel in targets:
        for how in ("folder", "fifo", "dev-null", "broken", "outside"):
            yield f"{rel} as {how}", replace(rel, how)


def _document_mutations(
    doc: dict[str, object],
) -> Iterator[tuple[str, dict[str, object], bool]]:
    """Damaged JSON documents (wrong types, hostile values, missing and unknown fields).

    Each comes with whether it must be refused.
    """
    hostile: list[object] = [
        None,
        True,
        -1,
        2**80,
        1.5,
        "",
        "x" * 100_000,
        "\u200b",
        "../../etc/passwd",
        [],
        {},
        [[[[[]]]]],
        {"a": {"b": {"c": {}}}},
    ]
    for kind, tables in doc.items():
        if kind == "dataset" or not isinstance(tables, list) or not tables:
            continue
        table = tables[0]
        assert isinstance(table, dict)
        for field in list(table):
            for index, value in enumerate(hostile):
                if value == table[field] or (field == "text" and isinstance(value, str)):
                    continue
                changed = json.loads(json.dumps(doc))
                changed[kind][0][field] = value
                name = f"{kind}.{field} = hostile[{index}]"
                yield name, changed, _must_fail(name, table[field], value)
            dropped = json.loads(json.dumps(doc))
            del dropped[kind][0][field]
            yield f"{kind} without {field}", dropped, False
        extra = json.loads(json.dumps(doc))
        extra[kind][0]["unexpected"] = 1
        yield f"{kind} with an unknown field", extra, True


def _json_type(value: object) -> str:
    return "null" if value is None else type(value).__name__.replace("bool", "boolean")


def _must_fail(name: str, old: object, new: object) -> bool:
    """A mutation that must be refused: an unknown field, or a value of another JSON type."""
    if name.endswith("with an unknown field"):
        return True
    if " without " in name or new is None:
        return False  # an optional field may be left out (or null)
    return _json_type(old) != _json_type(new)


def _text_mutations(rel: str, data: bytes) -> Iterator[tuple[str, bytes, bool]]:
    """Damaged bytes of one file of a folder, each with whether it must be refused."""
    data_file = rel.endswith(".toml")
    yield f"{rel} with a BOM", b"\xef\xbb\xbf" + data, data_file
    yield f"{rel} with a bad UTF-8 byte", data[:20] + b"\xff" + data[20:], True
    yield f"{rel} with a NUL", data[:20] + b"\x00" + data[20:], data_file
    yield f"{rel} with a deep key", data + b"\n" + b".".join([b"k"] * 5000) + b" = 1\n", data_file
    yield f"{rel} with a long number", b"n = " + b"9" * 5000 + b"\n" + data, data_file
    yield f"{rel} with a table twice", data + b"\n[x]\n[x]\n", data_file
    yield f"{rel} emptied to a list", b"x = [" * 50 + data, data_file


def _holds(path: Path, data: bytes) -> bool:
    return path.is_file() and path.read_bytes() == data


def run_mutation_suite(tracker: at.Tracker, workdir: Path) -> dict[str, int]:
    """Load every generated mutation; count how each ends and whether user files survived."""
    tally = collections.Counter({"tried": 0, "rejected": 0, "loaded": 0})
    tally.update({"tracebacks": 0, "silent accepts": 0, "files lost": 0})
    base = tracker.save(workdir / "base")
    base_json = tracker.save(workdir / "base.json", format="json")
    doc = json.loads(base_json.read_text("utf-8"))

    def outcome(path: Path, must_fail: bool, *, follow_links: bool = False) -> None:
        tally["tried"] += 1
        try:
            if follow_links:
                problems = read_dataset(path, follow_links=True).problems
            else:
                problems = list(at.validate(path))  # reading and every check
        except Exception:  # anything but a list of problems is a traceback for a user
            tally["tracebacks"] += 1
            return
        located = all(" @ " in p and p.count("\n") == 0 for p in problems)
        if problems and located:
            tally["rejected"] += 1
        elif problems:
            tally["tracebacks"] += 1  # unlocated: as unhelpful as a traceback
        elif must_fail:
            tally["silent accepts"] += 1
        else:
            tally["loaded"] += 1

    def saved(what: at.Tracker, where: Path) -> None:
        tally["tried"] += 1
        try:
            what.save(where)
        except at.DatasetError:
            tally["rejected"] += 1
        except Exception:
            tally["tracebacks"] += 1
        else:
            tally["loaded"] += 1  # saved

    for number, (_, changed, must_fail) in enumerate(_document_mutations(doc)):
        path = workdir / f"m{number}.json"
        path.write_text(json.dumps(changed), "utf-8")
        outcome(path, must_fail=must_fail)
        path.unlink()
    for rel, data in sorted(_tree(base).items()):
        for _, damaged, must_fail in _text_mutations(rel, data):
            (base / rel).write_bytes(damaged)
            outcome(base, must_fail=must_fail)
        (base / rel).write_bytes(data)
    text = tracker.sources[0].text_file
    secret = workdir / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_bytes(b"not the dataset's")
    if os.name == "posix":
        import shutil

        for number, (name, _) in enumerate(_fs_tricks(base, text, secret)):
            copy = workdir / f"fs{number}"
            shutil.copytree(base, copy, symlinks=True)
            dict(_fs_tricks(copy, text, secret))[name]()
            outcome(copy, must_fail=True)
            outcome(copy, must_fail=True, follow_links=True)
            saved(tracker, copy)  # a save into the tricked folder
            tally["files lost"] += not _holds(secret, b"not the dataset's")
            shutil.rmtree(copy)
    raw = base_json.read_bytes()
    for cut in range(0, len(raw), max(1, len(raw) // 150)):
        path = workdir / "cut.json"
        path.write_bytes(raw[:cut])
        outcome(path, must_fail=True)
    # Saves over a folder holding the user's files: none may be lost.
    mine = {".git/HEAD": b"ref", "notes.txt": b"n", "sources/original.pdf": b"%PDF"}
    two = at.Tracker(tracker.all_records(), name="another", version="2")
    for round_ in range(6):
        for rel, data in mine.items():
            (base / rel).parent.mkdir(parents=True, exist_ok=True)
            (base / rel).write_bytes(data)
        saved(two if round_ % 2 else tracker, base)
        lost = [r for r, data in mine.items() if not _holds(base / r, data)]
        tally["files lost"] += len(lost)
    return dict(tally)


def _small() -> at.Tracker:
    return at.Tracker.from_path(ROOT / "examples" / "data" / "india_france.toml")


def test_the_mutation_suite_ends_with_located_problems_only(tmp_path: Path) -> None:
    """Every generated mutation loads or gives located problems: no traceback, no silent accept, no file lost."""
    tally = run_mutation_suite(_small(), tmp_path)
    assert (tally["tracebacks"], tally["silent accepts"], tally["files lost"]) == (0, 0, 0)
    assert tally["tried"] == tally["rejected"] + tally["loaded"]
    assert tally["rejected"] > 500


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        figures = run_mutation_suite(_small(), Path(scratch))
    print(json.dumps(figures, indent=1))


# ------------------------------------------------------------------ 14. quieter wrongs, model side

NFC_JOSE = "Jos\u00e9 P\u00e9rez"
NFD_JOSE = "Jose\u0301 Pe\u0301rez"
HINDI_CYBER = "\u0938\u093e\u0907\u092c\u0930 \u0938\u0941\u0930\u0915\u094d\u0937\u093e"
HEBREW_CYBER = "\u05e1\u05d9\u05d9\u05d1\u05e8"


def _bundled_json(
    tracker: at.Tracker, tmp_path: Path
) -> tuple[Path, dict[str, list[dict[str, object]]]]:
    """The bundled dataset saved as one JSON file, and its document to change."""
    path = tracker.save(tmp_path / "sent.json", format="json")
    return path, json.loads(path.read_text("utf-8"))


def _write(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


def _person(doc: dict[str, list[dict[str, object]]], person_id: str) -> dict[str, object]:
    return next(p for p in doc["person"] if p["id"] == person_id)


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("meeting", "title", "\u200b\u200d"),
        ("person", "name", "\u0301\u0308"),
        ("event", "title", "\ufeff \u2060"),
        ("organisation", "name", "\u3164"),
    ],
)
def test_a_title_of_invisible_characters_is_refused_on_load(
    tracker: at.Tracker, tmp_path: Path, kind: str, field: str, value: str
) -> None:
    """Zero-width, format and baseless combining characters do not make a required text non-empty (finding 14)."""
    path, doc = _bundled_json(tracker, tmp_path)
    record = doc[kind][0]
    record[field] = value
    assert _problems(_write(path, doc)) == [
        f"must be non-empty text, got {value!a}, which shows nothing: it holds only whitespace, "
        "format characters (such as zero-width spaces and joiners), control characters or "
        f"combining marks with no letter @ sent.json[{record['id']}].{field}"
    ]


def test_a_name_in_nfd_loads_in_nfc_and_is_found_either_way(
    tracker: at.Tracker, tmp_path: Path
) -> None:
    """A person named in NFD is stored in NFC and found by the name typed in NFC or NFD (finding 14)."""
    path, doc = _bundled_json(tracker, tmp_path)
    _person(doc, "amir-baram")["aliases"] = [NFD_JOSE]
    loaded = at.Tracker.from_path(_write(path, doc))
    assert loaded.person("amir-baram").aliases == (NFC_JOSE,)
    assert loaded.person(NFC_JOSE).id == "amir-baram"
    assert loaded.person(NFD_JOSE).id == "amir-baram"
    assert NFC_JOSE in loaded.save(tmp_path / "again.json", format="json").read_text("utf-8")


def test_names_in_nfc_and_nfd_are_one_name(tracker: at.Tracker, tmp_path: Path) -> None:
    """Two people named "José Pérez", one in NFC and one in NFD, share one name for look-ups (finding 14)."""
    path, doc = _bundled_json(tracker, tmp_path)
    first, second = _person(doc, "amir-baram"), _person(doc, "ajit-doval")
    first["aliases"], second["aliases"] = [NFC_JOSE], [NFD_JOSE]
    loaded = at.Tracker.from_path(_write(path, doc))
    assert loaded.person("amir-baram").aliases == loaded.person("ajit-doval").aliases
    for typed in (NFC_JOSE, NFD_JOSE):
        with pytest.raises(at.UnknownRecordError) as caught:
            loaded.person(typed)
        assert str(caught.value) == (
            f"no unique person {typed!r}; it names 'ajit-doval' or 'amir-baram'; look them up by id"
        )


@pytest.mark.parametrize("twin", ["Ami\u200br Baram", "Amir Ba\u2060ram", "\ufeffAmir Baram\u200d"])
def test_a_zero_width_twin_is_a_shared_name(tracker: at.Tracker, tmp_path: Path, twin: str) -> None:
    """A second person whose name differs from "Amir Baram" only by zero-width characters makes the name shared, said plainly (finding 14)."""
    path, doc = _bundled_json(tracker, tmp_path)
    copy = json.loads(json.dumps(_person(doc, "amir-baram")))
    copy.update(id="amir-baram-twin", name=twin, aliases=[])
    del copy["roles"]
    doc["person"].append(copy)
    loaded = at.Tracker.from_path(_write(path, doc))
    with pytest.raises(at.UnknownRecordError) as caught:
        loaded.person("Amir Baram")
    assert str(caught.value) == (
        "no unique person 'Amir Baram'; it names 'amir-baram' or 'amir-baram-twin'; "
        "look them up by id"
    )
    assert loaded.person("amir-baram").name == "Amir Baram"
    assert loaded.person("amir-baram-twin").name == twin


def test_a_quote_in_nfd_is_found_in_a_source_in_nfc(tracker: at.Tracker, tmp_path: Path) -> None:
    """A quote and its source compare in NFC, whichever of the two is decomposed (finding 14)."""
    import unicodedata

    path, doc = _bundled_json(tracker, tmp_path)
    source = next(s for s in doc["source"] if s["id"] == "ani-2025-07-24")
    source["text"] = f"{source['text']}\nSpokesman {NFC_JOSE} said so.\n"
    person = _person(doc, "amir-baram")
    person["aliases"] = [NFD_JOSE]
    citation = {
        "source": "ani-2025-07-24",
        "quote": f"Spokesman {NFD_JOSE} said",
        "supports": ["aliases"],
    }
    person["citations"] = [*person["citations"], citation]  # type: ignore[misc]
    loaded = at.Tracker.from_path(_write(path, doc))
    assert loaded.person("amir-baram").citations[-1].quote == f"Spokesman {NFD_JOSE} said"
    source["text"] = unicodedata.normalize("NFD", source["text"])  # type: ignore[arg-type]
    citation["quote"] = f"Spokesman {NFC_JOSE} said"
    assert list(at.validate(_write(path, doc))) == []


def test_focus_areas_labelled_in_other_scripts_load_and_are_found(
    tracker: at.Tracker, tmp_path: Path
) -> None:
    """Hindi and Hebrew focus-area labels are names of their own, not "no letters or digits" (finding 14)."""
    path, doc = _bundled_json(tracker, tmp_path)
    doc["focus_area"] += [
        {"id": "cyber-security-hi", "label": HINDI_CYBER, "parents": ["cyber-security"]},
        {"id": "cyber-he", "label": HEBREW_CYBER, "parents": ["cyber-security"]},
    ]
    loaded = at.Tracker.from_path(_write(path, doc))
    assert loaded.focus_areas.lookup(HINDI_CYBER).id == "cyber-security-hi"
    assert loaded.focus_areas.lookup(HEBREW_CYBER).id == "cyber-he"
    assert [a.id for a in loaded.focus_areas.children("cyber-security")] == [
        "cyber-he",
        "cyber-security-hi",
    ]


@pytest.mark.parametrize(
    ("parents", "expected"),
    [
        ({"iai": "iai"}, ["organisation parents form a cycle: iai -> iai @ sent.json[iai].parent"]),
        (
            {"iai": "rafael", "rafael": "iai"},
            [
                "organisation parents form a cycle: iai -> rafael -> iai @ sent.json[iai].parent",
                "organisation parents form a cycle: rafael -> iai -> rafael @ sent.json[rafael].parent",
            ],
        ),
    ],
)
def test_an_organisation_may_not_be_its_own_parent(
    tracker: at.Tracker, tmp_path: Path, parents: dict[str, str], expected: list[str]
) -> None:
    """An organisation that is its own parent, directly or through another, is refused on load (finding 14)."""
    path, doc = _bundled_json(tracker, tmp_path)
    for org in doc["organisation"]:
        if org["id"] in parents:
            org["parent"] = parents[str(org["id"])]
    assert _problems(_write(path, doc)) == expected
