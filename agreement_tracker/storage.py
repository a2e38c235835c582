"""Reading and writing datasets: TOML folders, single TOML or JSON files, safe saves.

Three layouts hold the same data:

* a **folder** like the bundled one: ``dataset.toml`` (metadata), one TOML file per
  record kind (``meetings.toml`` holds ``[[meeting]]`` tables ...) and the source texts
  as files, named by each source's ``text_file``;
* a **single TOML file** with a ``[dataset]`` table and ``[[meeting]]``, ``[[person]]``
  ... tables, source texts inline (``text = "..."``) or in files beside it;
* a **single JSON file**: ``{"dataset": {...}, "meeting": [...], ...}`` with the texts
  inline.

Only data is read (``tomllib``, ``json``), and only regular files inside the dataset:
symbolic links are refused unless ``follow_links=True`` (and then only links that stay
inside), every file's size is checked before it is read, a TOML key with too many
dotted parts is refused before it is parsed, and at most :data:`MAX_PROBLEMS` problems
are listed.  Anything that goes wrong becomes a problem naming the file, never a
traceback.

Writing is canonical (records sorted by id, fields in a fixed order, defaults left
out) and atomic.  A folder save replaces only the dataset's own files, through a
journal that makes the switch all or nothing (docs/file-format.md, "Saving").

>>> print(toml_dumps({"dataset": {"name": "x"}, "meeting": [{"id": "m", "place": {"country": "FR"}}]}))
[dataset]
name = "x"
<BLANKLINE>
[[meeting]]
id = "m"
place = { country = "FR" }
<BLANKLINE>
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._kinds import KINDS
from ._text import close_matches, path_key
from ._toml import MAX_KEY_PARTS, deep_key, toml_dumps
from .exceptions import DatasetError
from .model import ID_RE, Record, Source
from .serialize import structure_record, unstructure_record

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "FILES",
    "MAX_BYTES",
    "MAX_PROBLEMS",
    "METADATA_FILE",
    "SAVE_FOLDER",
    "Loaded",
    "locate",
    "locate_all",
    "read_dataset",
    "toml_dumps",
    "write_folder",
    "write_json",
]

#: Data-file name for each record kind in the folder layout, in load order.
FILES: dict[str, str] = {key: kind.file for key, kind in KINDS.items()}
METADATA_FILE = "dataset.toml"
METADATA_KEYS = ("name", "version", "description", "license", "citation")

#: Largest file read by default (bytes), data files and source texts alike.
MAX_BYTES = 512 * 1024 * 1024

#: Most problems listed for one dataset; a last line says how much more was left out.
MAX_PROBLEMS = 1000

#: The folder inside a dataset folder where a save writes the new files and its
#: journal.  It exists only while a save runs, or after one was killed: the next save
#: finishes that save (or drops it, if it had not got as far as its journal).
SAVE_FOLDER = ".agreement-tracker-save"
_JOURNAL = "journal.json"
_NEW = "new"

_LONG = 300  # a problem line longer than this has its middle cut out
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a named pipe must not wait
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class Loaded:
    """What reading a dataset produced: records, where each came from, and problems.

    ``failed`` holds the ids of records that could not be built, by kind, so that
    checks of the other records do not report references to them as unknown; ``None``
    for a kind whose whole file could not be read (any id of that kind is assumed).
    Problems go in through :meth:`add`, which keeps each to one readable line and
    stops listing after :data:`MAX_PROBLEMS`.

    >>> loaded = Loaded()
    >>> loaded.add("bad @ x.toml", "too " + "long " * 100 + "@ x.toml[a].b")
    >>> loaded.problems[0], len(loaded.problems[1]) < 300
    ('bad @ x.toml', True)
    """

    __slots__ = (
        "_dropped",
        "_skipped",
        "_stopped_at",
        "failed",
        "metadata",
        "origins",
        "problems",
        "records",
    )

    def __init__(self) -> None:
        self.records: list[Record] = []
        self.origins: dict[str, str] = {}
        self.metadata: dict[str, str] = {}
        self.problems: list[str] = []
        self.failed: dict[str, set[str] | None] = {}
        self._dropped = 0  # problems found but not listed
        self._skipped = 0  # records not read at all once the list was full
        self._stopped_at = ""

    @property
    def full(self) -> bool:
        """True once :data:`MAX_PROBLEMS` problems are listed: reading records stops.

        >>> Loaded().full
        False
        """
        return len(self.problems) >= MAX_PROBLEMS

    def add(self, *problems: str) -> None:
        r"""List ``problems`` (made printable, over-long ones shortened); past the cap, count them.

        >>> loaded = Loaded()
        >>> loaded.add("bad tab\there @ x.toml")
        >>> loaded.problems
        ['bad tab\\x09here @ x.toml']
        """
        for problem in problems:
            if self.full:
                self._dropped += 1
                self._stopped_at = self._stopped_at or _file_of(problem)
            else:
                self.problems.append(_shorten(problem))

    def skip(self, count: int, where: str) -> None:
        """Note ``count`` records of file ``where`` left unread because the list is full (see :meth:`finish`)."""
        self._skipped += count
        self._stopped_at = self._stopped_at or where

    def finish(self) -> None:
        """Add the closing line saying what was left out, if anything was.

        >>> loaded = Loaded()
        >>> loaded.add(*(f"bad @ x.json[#{i}]" for i in range(MAX_PROBLEMS + 2)))
        >>> loaded.skip(10, "x.json")
        >>> loaded.finish()
        >>> len(loaded.problems), loaded.problems[-1]
        (1001, '… and 2 more problems not listed and 10 records not read: reading stops after 1,000 problems @ x.json')
        """
        left = []
        if self._dropped:
            left.append(f"{self._dropped:,} more problems not listed")
        if self._skipped:
            left.append(f"{self._skipped:,} records not read")
        if left:
            self.problems.append(
                f"… and {' and '.join(left)}: reading stops after {MAX_PROBLEMS:,} problems "
                f"@ {self._stopped_at}"
            )


def _file_of(problem: str) -> str:
    """The file a problem line names after its last ``@`` (the whole location if none)."""
    location = problem.rpartition(" @ ")[2]
    match = re.match(r"[^\[]*?\.(?:toml|json)", location)
    return location if match is None else match.group()


def _cut(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return f"{text[: width * 2 // 3]}…({len(text):,} characters)…{text[-(width // 4) :]}"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _shorten(problem: str) -> str:
    r"""One printable problem line of at most about ``_LONG`` characters.

    Control characters (from file names, say) are written as escapes; an over-long
    message or location loses its middle.

    >>> _shorten("bad name @ x\n\x1b[2J.json")
    'bad name @ x\\x0a\\x1b[2J.json'
    """
    problem = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", problem)
    if len(problem) <= _LONG:
        return problem
    message, at, location = problem.rpartition(" @ ")
    if not at:
        return _cut(problem, _LONG - 40)
    return f"{_cut(message, 200)} @ {_cut(location, 60)}"


# ------------------------------------------------------------------------- reading


class _Files:
    """The files of one dataset, read only if they are regular files inside it.

    ``root`` is the dataset folder (or the folder of a single file).  On disk, a link
    (anywhere below ``root``) is refused unless ``follow_links`` allows links that stay
    inside; each file's size is checked before reading; every ``OSError`` becomes a
    problem.  A journal left by a killed save, if any, says which files stand for the
    dataset's (``staged``) and which are gone (``deleted``).
    """

    def __init__(
        self, root: Path | Traversable, loaded: Loaded, max_bytes: int, follow_links: bool
    ) -> None:
        self.root = root
        self.loaded = loaded
        self.max_bytes = max_bytes
        self.follow_links = follow_links
        self.real_root = os.path.realpath(root) if isinstance(root, Path) else ""
        self.staged: dict[str, Path] = {}
        self.deleted: set[str] = set()

    def apply_journal(self) -> None:
        """Read the folder as a killed save that reached its journal left it: the new version."""
        assert isinstance(self.root, Path)
        try:
            journal = _read_journal(self.root)
        except DatasetError as error:
            self.loaded.add(*error.problems)
            return
        if journal is not None:
            new = self.root / SAVE_FOLDER / _NEW
            self.staged = {rel: new.joinpath(*rel.split("/")) for rel in journal["write"]}
            self.deleted = set(journal["delete"])

    def entry(self, rel: str) -> Path | Traversable | None:
        """The file that holds ``rel`` (a "/"-separated path), or None if a save deleted it."""
        if rel in self.deleted:
            return None
        staged = self.staged.get(rel)
        if staged is not None and os.path.lexists(staged):
            return staged
        return self.root.joinpath(*rel.split("/"))

    def exists(self, rel: str) -> bool:
        """True if something (a file, a folder, a link ...) stands at ``rel``."""
        entry = self.entry(rel)
        if entry is None or not isinstance(entry, Path):
            return entry is not None and entry.is_file()
        try:
            os.lstat(entry)
        except OSError:
            return False
        return True

    def read(self, rel: str, where: str, noun: str, *, missing: str | None) -> bytes | None:
        """The bytes of ``rel``; None after noting why not (``missing``: the message if absent).

        ``noun`` names the file in messages; ``missing=None`` lets an absent file pass
        silently (an optional data file).
        """
        entry = self.entry(rel)
        if entry is None or not isinstance(entry, Path):
            return self._read_resource(entry, where, noun, missing)
        try:
            return self._read_path(entry, rel, where, noun, missing)
        except OSError as error:
            self.loaded.add(f"{noun} cannot be read ({_reason(error)}) @ {where}")
            return None

    def _read_resource(
        self, entry: Traversable | None, where: str, noun: str, missing: str | None
    ) -> bytes | None:
        if entry is None or not entry.is_file():
            if missing is not None:
                self.loaded.add(f"{missing} @ {where}")
            return None
        try:
            data = entry.read_bytes()
        except OSError as error:
            self.loaded.add(f"{noun} cannot be read ({_reason(error)}) @ {where}")
            return None
        return self._sized(data, len(data), where, noun)

    def _read_path(
        self, path: Path, rel: str, where: str, noun: str, missing: str | None
    ) -> bytes | None:
        named = rel == ""  # the single file the user named: any link to it is theirs
        try:
            os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            if missing is not None:
                self.loaded.add(f"{missing} @ {where}")
            return None
        if not named:
            real = os.path.realpath(path)
            plain = os.path.join(self.real_root, os.path.relpath(path, str(self.root)))
            if real != plain and not self.follow_links:
                self.loaded.add(
                    f"{noun} is a symbolic link or inside one; pass follow_links=True to "
                    f"follow links that stay inside the dataset @ {where}"
                )
                return None
            if real != plain and not _inside(real, self.real_root):
                self.loaded.add(f"{noun} is a symbolic link to outside the dataset @ {where}")
                return None
        flags = os.O_RDONLY | _O_NONBLOCK | _O_CLOEXEC
        if not (named or self.follow_links):
            flags |= _O_NOFOLLOW
        try:
            fd = os.open(path, flags)
        except FileNotFoundError:
            self.loaded.add(f"{noun} is a broken symbolic link @ {where}")
            return None
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode):
                kind = _kind_of(status.st_mode)
                self.loaded.add(f"{noun} is not a regular file but {kind} @ {where}")
                return None
            if status.st_size > self.max_bytes:
                return self._sized(b"", status.st_size, where, noun)
            data = _read_fd(fd, self.max_bytes + 1)
        finally:
            os.close(fd)
        return self._sized(data, len(data), where, noun)

    def _sized(self, data: bytes, size: int, where: str, noun: str) -> bytes | None:
        if size > self.max_bytes:
            self.loaded.add(
                f"{noun} is {size:,} bytes, more than the limit of {self.max_bytes:,} @ {where}"
            )
            return None
        return data


def _read_fd(fd: int, limit: int) -> bytes:
    """At most ``limit`` bytes from the open file ``fd``, read in chunks."""
    chunks = []
    left = limit
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _kind_of(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")


def read_dataset(
    path: Path | Traversable, *, max_bytes: int = MAX_BYTES, follow_links: bool = False
) -> Loaded:
    """Read a folder, a ``.toml`` file or a ``.json`` file; collect every problem.

    Files inside the dataset that are symbolic links (or sit in a linked folder) are
    refused unless ``follow_links`` is true, and then only links that stay inside the
    dataset are followed.  A folder is read under a shared lock, so a save running at
    the same time is seen whole or not at all.

    >>> from pathlib import Path
    >>> loaded = read_dataset(Path("no/such/file.json"))
    >>> loaded.problems
    ["no dataset at 'no/such/file.json': give a folder, a .toml file or a .json file"]
    """
    loaded = Loaded()
    if isinstance(path, Path):
        _read_path(path, loaded, max_bytes, follow_links)
    elif path.is_dir():
        _read_folder(_Files(path, loaded, max_bytes, follow_links))
    elif path.is_file() and path.name.endswith((".toml", ".json")):
        _read_single(_Files(path, loaded, max_bytes, follow_links), path.name, path)
    else:
        loaded.add(_no_dataset(path))
    loaded.finish()
    return loaded


def _no_dataset(path: object) -> str:
    return f"no dataset at {str(path)!r}: give a folder, a .toml file or a .json file"


def _read_path(path: Path, loaded: Loaded, max_bytes: int, follow_links: bool) -> None:
    try:
        is_dir = stat.S_ISDIR(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        loaded.add(_no_dataset(path))
        return
    except (OSError, ValueError) as error:  # ValueError: a name holding a NUL character
        reason = _reason(error) if isinstance(error, OSError) else str(error)
        loaded.add(f"cannot read {str(path)!r} ({reason}) @ {path.name}")
        return
    if is_dir:
        files = _Files(path, loaded, max_bytes, follow_links)
        with _locked(path, shared=True):
            files.apply_journal()
            _read_folder(files)
    elif path.name.endswith((".toml", ".json")):
        _read_single(_Files(path.parent, loaded, max_bytes, follow_links), path.name, path)
    else:
        loaded.add(_no_dataset(path))


def _read_single(files: _Files, name: str, entry: Path | Traversable) -> None:
    loaded = files.loaded
    fmt = "json" if name.endswith(".json") else "toml"
    if isinstance(entry, Path):
        try:
            data = files._read_path(entry, "", name, "file", None)
        except OSError as error:
            loaded.add(f"file cannot be read ({_reason(error)}) @ {name}")
            data = None
    else:
        data = files._read_resource(entry, name, "file", None)
    doc = None if data is None else _decode(data, name, fmt, loaded)
    if doc is None:
        loaded.failed.update(dict.fromkeys(KINDS))
        return
    for key in sorted(set(doc) - {"dataset", *KINDS}):
        close = close_matches(key, ["dataset", *KINDS], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        loaded.add(f"unknown top-level key {key!r}{hint} @ {name}")
    if "dataset" in doc:
        _metadata(doc["dataset"], f"{name}.dataset", loaded)
    _collect(doc, lambda kind: name, files)


def _read_folder(files: _Files) -> None:
    loaded, folder = files.loaded, files.root
    names = {METADATA_FILE, *FILES.values()}
    if isinstance(folder, Path):
        try:
            listing = set(os.listdir(folder))
        except OSError as error:
            loaded.add(f"cannot list the folder ({_reason(error)}) @ {folder.name}")
            return
        for stray in sorted(n for n in listing if n.endswith(".toml") and n not in names):
            close = close_matches(stray, sorted(names), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            loaded.add(f"unexpected data file{hint} @ {stray}")
        present = (listing | set(files.staged)) - files.deleted
        if not names & present:
            loaded.add(
                f"no data files in {str(folder)!r}: expected {METADATA_FILE} and files such "
                f"as {FILES['meeting']}"
            )
            return
    data = files.read(METADATA_FILE, METADATA_FILE, "file", missing=None)
    meta = None if data is None else _decode(data, METADATA_FILE, "toml", loaded)
    if meta is not None:
        _metadata(meta, METADATA_FILE, loaded)
    for kind, filename in FILES.items():
        data = files.read(filename, filename, "file", missing=None)
        doc = None if data is None else _decode(data, filename, "toml", loaded)
        if doc is None:
            if files.exists(filename):
                loaded.failed[kind] = None  # there, but unreadable: assume any id of it
            continue
        for key in sorted(set(doc) - {kind}):
            close = close_matches(key, [kind], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; expected [[{kind}]] tables"
            loaded.add(f"unknown top-level key {key!r}{hint} @ {filename}")
        _collect({kind: doc[kind]} if kind in doc else {}, lambda _, n=filename: n, files)


class _DuplicateKeyError(ValueError):
    """A JSON object with a key twice (``json`` would keep the last silently)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table = dict(pairs)
    if len(table) != len(pairs):
        seen: set[str] = set()
        key = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise _DuplicateKeyError(key)
    return table


def _decode(data: bytes, name: str, fmt: str, loaded: Loaded) -> dict[str, Any] | None:
    """The document in ``data``, or None after noting why it cannot be read."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        loaded.add(f"not UTF-8 text ({error.reason} at byte {error.start}) @ {name}")
        return None
    if text.startswith("\ufeff"):
        loaded.add(f"starts with a byte-order mark (BOM); save it as UTF-8 without one @ {name}")
        return None
    doc, problem = _parse_json(text) if fmt == "json" else _parse_toml(text)
    if problem is not None:
        loaded.add(f"{problem} @ {name}")
        return None
    if fmt == "json" and _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(doc):
        loaded.add(
            f"text holds a lone surrogate escape (such as \\ud800), which is not Unicode @ {name}"
        )
        return None
    if not isinstance(doc, dict):
        loaded.add(f"expected a table of record kinds, got {type(doc).__name__} @ {name}")
        return None
    return doc


def _parse_json(text: str) -> tuple[Any, str | None]:
    """The JSON document in ``text``, or None and what is wrong with it."""
    try:
        return json.loads(text, object_pairs_hook=_unique_keys), None
    except RecursionError:
        return None, "nested too deeply to be a dataset"
    except _DuplicateKeyError as error:
        return None, f"key {_cut(str(error), 60)!r} appears twice in one JSON object"
    except json.JSONDecodeError as error:
        return None, f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})"
    except ValueError:  # int() refusing a number of more digits than the interpreter reads
        return None, _TOO_MANY_DIGITS.format(sys.get_int_max_str_digits())


def _parse_toml(text: str) -> tuple[Any, str | None]:
    """The TOML document in ``text``, or None and what is wrong with it."""
    line = deep_key(text)
    if line is not None:
        return None, (
            f"a dotted key on line {line} has more than {MAX_KEY_PARTS} parts, more than any "
            "dataset needs"
        )
    import tomllib  # about 5 ms; a fresh bundled snapshot needs none of it

    try:
        return tomllib.loads(text), None
    except RecursionError:
        return None, "nested too deeply to be a dataset"
    except tomllib.TOMLDecodeError as error:
        return None, f"not valid TOML ({error})"
    except ValueError:
        return None, _TOO_MANY_DIGITS.format(sys.get_int_max_str_digits())


_TOO_MANY_DIGITS = "holds a whole number of more than {:,} digits"
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _has_lone_surrogate(value: Any) -> bool:
    """True when any string in a decoded JSON document cannot be encoded as UTF-8."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _metadata(raw: Any, where: str, loaded: Loaded) -> None:
    if not isinstance(raw, dict):
        loaded.add(f"expected a table, got {type(raw).__name__} @ {where}")
        return
    for key in sorted(set(raw) - set(METADATA_KEYS)):
        close = close_matches(key, METADATA_KEYS, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        loaded.add(f"unknown field {key!r}{hint} @ {where}")
    for key in METADATA_KEYS:
        if key not in raw:
            continue
        if isinstance(raw[key], str):
            loaded.metadata[key] = raw[key]
        else:
            loaded.add(f"expected text, got {type(raw[key]).__name__} @ {where}.{key}")


def _collect(doc: Mapping[str, Any], filename_of: Any, files: _Files) -> None:
    loaded = files.loaded
    texts: dict[str, str] = {}  # a text file's comparison key -> the source using it
    for kind in KINDS:
        if kind not in doc:
            continue
        filename = filename_of(kind)
        tables = doc[kind]
        if not isinstance(tables, list):
            loaded.failed[kind] = None
            loaded.add(
                f"expected a list of [[{kind}]] tables, got {type(tables).__name__} @ {filename}"
            )
            continue
        for index, table in enumerate(tables):
            if loaded.full:
                loaded.skip(len(tables) - index, filename)
                loaded.failed[kind] = None
                break
            # Each table is dropped once read, so that its memory is reused at once for the
            # next records instead of being freed all together at the end.
            tables[index] = None
            label = table.get("id") if isinstance(table, dict) else None
            record_id = label if isinstance(label, str) else None
            if isinstance(table, dict) and kind == "source":
                table = _with_text(files, filename, index, table)
                if table is None:
                    _failed(loaded, kind, record_id)
                    continue
            try:
                record = structure_record(table, kind, where=filename, index=index)
            except DatasetError as error:
                loaded.add(*error.problems)
                _failed(loaded, kind, record_id)
                continue
            if record.id in loaded.origins:
                loaded.add(
                    f"duplicate id {record.id!r} (already used in {loaded.origins[record.id]}) "
                    f"@ {filename}[{record.id}].id"
                )
                continue
            if isinstance(record, Source):
                key = path_key(record.text_file)
                if key in texts:
                    loaded.add(
                        f"text file {record.text_file!r} is also the text of source "
                        f"{texts[key]!r}; give each source its own file "
                        f"@ {filename}[{record.id}].text_file"
                    )
                    _failed(loaded, kind, record.id)
                    continue
                texts[key] = record.id
            loaded.records.append(record)
            loaded.origins[record.id] = filename


def _failed(loaded: Loaded, kind: str, record_id: str | None) -> None:
    if kind in loaded.failed and loaded.failed[kind] is None:
        return
    if record_id is None:
        loaded.failed[kind] = None  # an unreadable id: any reference may be to it
    else:
        loaded.failed.setdefault(kind, set()).add(record_id)  # type: ignore[union-attr]


def _label(record_id: object, index: int) -> str:
    """How a record is named in a location: its id when readable, else ``#index``."""
    if isinstance(record_id, str) and ID_RE.fullmatch(record_id):
        return record_id
    return f"#{index}"


def _safe_relative(path: str) -> bool:
    """True for a relative "/"-separated path that stays inside the dataset."""
    parts = path.split("/")
    return not (
        path.startswith("/")
        or "\\" in path
        or ":" in path
        or any(part in ("", ".", "..") for part in parts)
        or any(ord(c) < 32 for c in path)
    )


def _with_text(
    files: _Files, filename: str, index: int, table: dict[str, Any]
) -> dict[str, Any] | None:
    """A source table with its ``text``: given inline, or read from ``text_file``."""
    label = _label(table.get("id"), index)
    if "text" in table:
        return table
    path = table.get("text_file")
    where = f"{filename}[{label}].text_file"
    if not isinstance(path, str) or not path.strip():
        files.loaded.add(f"required field missing (or give the text inline as 'text') @ {where}")
        return None
    rel = "/".join(part for part in path.split("/") if part not in ("", "."))
    if path.startswith("/") or not rel or not _safe_relative(rel):
        files.loaded.add(f"{path!r} must be a relative path inside the dataset @ {where}")
        return None
    shown = repr(path)
    data = files.read(rel, where, shown, missing=f"no file {shown} in the dataset")
    if data is None:
        return None
    try:
        return {**table, "text": data.decode("utf-8")}
    except UnicodeDecodeError as error:
        files.loaded.add(
            f"{shown} is not UTF-8 text ({error.reason} at byte {error.start}) @ {where}"
        )
        return None


# ------------------------------------------------------------------------- locating

_LOCATION = re.compile(r" @ ([^\[\s@]+?\.(?:toml|json))(?:\[([^\]]+)\])?")
_ID_LINE = re.compile(r'\s*(?:id\s*=\s*|"id":\s*)"([^"\\]*)"')


def locate_all(
    root: Path, problems: Sequence[str], *, max_bytes: int = MAX_BYTES
) -> list[tuple[Path, int] | None]:
    r"""The file and line each problem points at, where that can be found; each file read once.

    The file is named after ``@``; the line is that of the record's ``id`` (or of its
    ``[[kind]]`` header when the id is unreadable), else 1.  A file that is not a
    regular file, or is larger than ``max_bytes``, is not read (line 1).

    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "meetings.toml").write_text('[[meeting]]\nid = "m-1"\n')
    ...     found = locate_all(Path(folder), ["bad @ meetings.toml[m-1].date", "no place"])
    ...     [(path.name, line) for path, line in found[:1]], found[1]
    ([('meetings.toml', 2)], None)
    """
    lines: dict[Path, dict[str, int] | None] = {}
    found: list[tuple[Path, int] | None] = []
    for problem in problems:
        match = _LOCATION.search(problem)
        if match is None:
            found.append(None)
            continue
        name, record_id = match.group(1), match.group(2)
        try:
            path = root / name if root.is_dir() else root
        except OSError:
            path = root
        if path.name != name:
            found.append(None)
            continue
        if path not in lines:
            lines[path] = _id_lines(path, max_bytes)
        ids = lines[path]
        if ids is None:
            found.append(None)
        else:
            found.append((path, ids.get(record_id or "", 1)))
    return found


def _id_lines(path: Path, max_bytes: int) -> dict[str, int] | None:
    """The line of each record id in ``path``; None if it is no regular file, {} if unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_CLOEXEC)
    except (OSError, ValueError):
        return None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            return None
        if status.st_size > max_bytes:
            return {}
        text = _read_fd(fd, max_bytes).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    finally:
        os.close(fd)
    ids: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _ID_LINE.match(line)
        if match is not None:
            ids.setdefault(match.group(1), number)
    return ids


def locate(root: Path, problem: str) -> tuple[Path, int] | None:
    r"""The file and line one problem line points at (see :func:`locate_all` for many).

    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "meetings.toml").write_text('[[meeting]]\nid = "m-1"\n')
    ...     path, line = locate(Path(folder), "bad date @ meetings.toml[m-1].date")
    ...     path.name, line
    ('meetings.toml', 2)
    """
    return locate_all(root, [problem])[0]


# ------------------------------------------------------------------------- writing


def _documents(records: Iterable[Record]) -> dict[str, list[dict[str, Any]]]:
    """Records as data-file tables by kind; canonical order (by id; vocabulary as given)."""
    kinds = {kind.cls: key for key, kind in KINDS.items()}
    grouped: dict[str, list[Record]] = {key: [] for key in KINDS}
    for record in records:
        grouped[kinds[type(record)]].append(record)
    out: dict[str, list[dict[str, Any]]] = {}
    for kind, items in grouped.items():
        if kind != "focus_area":
            items = sorted(items, key=lambda r: r.id)
        out[kind] = [unstructure_record(r) for r in items]
    return out


def _metadata_table(metadata: Mapping[str, str | None]) -> dict[str, str]:
    return {key: value for key in METADATA_KEYS if (value := metadata.get(key)) is not None}


def _check_sources(records: Sequence[Record], *, folder: bool) -> None:
    """Refuse (in a folder) a source text where saving keeps its own files.

    Sources that share a text file never reach a save: every tracker refuses them.
    """
    problems = [
        f"{record.text_file!r} is inside {SAVE_FOLDER}, which saving uses "
        f"@ <memory>[{record.id}].text_file"
        for record in records
        if folder and isinstance(record, Source) and record.text_file.split("/")[0] == SAVE_FOLDER
    ]
    if problems:
        raise DatasetError(problems)


def write_json(path: Path, metadata: Mapping[str, str | None], records: Iterable[Record]) -> None:
    """Write one JSON file holding the metadata, every record and the source texts.

    The file is replaced atomically and keeps its permissions (a new one follows the
    umask); a path that is a symbolic link has the link's target replaced.

    >>> import agreement_tracker as at, json, tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = Path(folder) / "data.json"
    ...     write_json(target, {"name": "x", "version": "1"}, at.load().sources[:1])
    ...     doc = json.loads(target.read_text("utf-8"))
    >>> sorted(doc), doc["source"][0]["id"], doc["source"][0]["text"][:9]
    (['dataset', 'source'], 'ani-2025-07-24', ' date 202')
    """
    records = list(records)
    _check_sources(records, folder=False)
    docs = _documents(records)
    texts = {r.id: r.text for r in records if isinstance(r, Source)}
    for table in docs["source"]:
        table["text"] = texts[table["id"]]
    doc: dict[str, Any] = {"dataset": _metadata_table(metadata)}
    doc.update({kind: tables for kind, tables in docs.items() if tables})
    data = (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    _atomic_write(Path(os.path.realpath(path)), data, shown=str(path))


def _atomic_write(path: Path, data: bytes, *, shown: str) -> None:
    """Write ``data`` beside ``path``, fsync it, then rename it over (under the folder's lock)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.saving")
    with _locked(path.parent, shared=False):
        mode = _mode_of(path)
        if mode is None and os.path.lexists(path):
            raise DatasetError([f"{shown!r} exists and is not a regular file; not replacing it"])
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)  # left by a save that was killed
        try:
            _write_new(temporary, data, mode)
            os.replace(temporary, path)
            _fsync_dir(path.parent)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise


def write_folder(path: Path, metadata: Mapping[str, str | None], records: Iterable[Record]) -> None:
    """Write the folder layout, replacing only the dataset's own files, all or nothing.

    The dataset's own files are ``dataset.toml``, the data files and the source texts
    that the dataset already there names; anything else in the folder is left alone.
    A folder that holds other files but no dataset is refused, and so is a save that
    would overwrite a file the dataset there does not own or write through a link
    inside the folder.  Saves of one folder are serialised by a lock; a save killed
    midway is finished (or dropped) by the next one.  A path that is a link to a
    folder saves into that folder.

    >>> import agreement_tracker as at, tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = Path(folder) / "copy"
    ...     write_folder(target, {"name": "x", "version": "1"}, at.load().sources)
    ...     _ = (target / "notes.txt").write_text("mine")
    ...     write_folder(target, {"name": "x", "version": "2"}, at.load().sources[:1])
    ...     sorted(p.name for p in target.iterdir()), len(list(target.glob("sources/*")))
    (['dataset.toml', 'notes.txt', 'sources', 'sources.toml'], 1)
    """
    records = list(records)
    _check_sources(records, folder=True)
    files = _folder_files(metadata, records)
    target = Path(os.path.realpath(path))
    if os.path.lexists(target) and not target.is_dir():
        raise DatasetError([f"{str(path)!r} exists and is not a folder; not replacing it"])
    target.mkdir(parents=True, exist_ok=True)
    with _locked(target, shared=False):
        _finish_interrupted(target)
        owned = _owned_files(target)
        _check_target(target, files, owned, shown=str(path))
        try:
            _stage(target, files, sorted(owned - files.keys()))
        except BaseException:
            if not os.path.lexists(target / SAVE_FOLDER / _JOURNAL):
                _drop_stage(target)  # not committed: the old dataset stands
            raise
        _finish_interrupted(target)


def _folder_files(metadata: Mapping[str, str | None], records: list[Record]) -> dict[str, bytes]:
    """Every file of the folder layout by its "/"-separated path, with its bytes."""
    files = {METADATA_FILE: toml_dumps(_metadata_table(metadata)).encode("utf-8")}
    for kind, tables in _documents(records).items():
        if tables:
            files[FILES[kind]] = toml_dumps({kind: tables}).encode("utf-8")
    for record in records:
        if isinstance(record, Source):
            # A relative "/"-separated path with no empty, "." or ".." parts (the Source
            # validator makes sure), ending in .txt, so it never names a data file.
            files[record.text_file] = record.text.encode("utf-8")
    return files


def _owned_files(folder: Path) -> set[str]:
    """The files of the dataset in ``folder``: data files present, and its sources' texts."""
    owned = {n for n in (METADATA_FILE, *FILES.values()) if _mode_of(folder / n) is not None}
    loaded = Loaded()
    files = _Files(folder, loaded, MAX_BYTES, follow_links=False)
    data = files.read(FILES["source"], FILES["source"], "file", missing=None)
    doc = None if data is None else _decode(data, FILES["source"], "toml", loaded)
    tables = doc.get("source") if doc is not None else None
    for table in tables if isinstance(tables, list) else ():
        text_file = table.get("text_file") if isinstance(table, dict) else None
        if isinstance(text_file, str) and _safe_relative(text_file) and _plain(folder, text_file):
            owned.add(text_file)
    return owned


def _plain(folder: Path, rel: str) -> bool:
    """True if ``rel`` is a regular file in ``folder`` reached through no link."""
    path = folder.joinpath(*rel.split("/"))
    real = os.path.join(os.path.realpath(folder), *rel.split("/"))
    return _mode_of(path) is not None and os.path.realpath(path) == real


def _check_target(folder: Path, files: Mapping[str, bytes], owned: set[str], *, shown: str) -> None:
    """Refuse, before writing anything, a save that would touch what is not the dataset's."""
    entries = sorted(os.listdir(folder))
    if not {METADATA_FILE, *FILES.values()} & set(entries):
        foreign = [name for name in entries if not name.startswith(".")]
        if foreign:
            more = ", ..." if len(foreign) > 3 else ""
            raise DatasetError(
                [
                    f"{shown!r} holds files that are not part of a dataset "
                    f"({', '.join(foreign[:3])}{more}); not saving there"
                ]
            )
    found = (_obstacle(folder, rel, rel in owned, shown) for rel in files)
    problems = list(dict.fromkeys(problem for problem in found if problem is not None))
    if problems:
        raise DatasetError(problems)


def _obstacle(folder: Path, rel: str, owned: bool, shown: str) -> str | None:
    """Why the save may not write ``rel`` in ``folder``, or None if it may."""
    parts = rel.split("/")
    for depth in range(1, len(parts) + 1):
        step = "/".join(parts[:depth])
        try:
            mode = os.lstat(folder.joinpath(*parts[:depth])).st_mode
        except FileNotFoundError:
            return None  # nothing there yet: the save makes it
        if stat.S_ISLNK(mode):
            return f"{step!r} in {shown!r} is a symbolic link; not saving through it"
        if depth < len(parts) and not stat.S_ISDIR(mode):
            return f"{step!r} in {shown!r} is not a folder; not saving {rel!r}"
    if not stat.S_ISREG(mode):
        return f"{rel!r} in {shown!r} is not a regular file; not replacing it"
    if not owned:
        return (
            f"{rel!r} in {shown!r} is not one of the files of the dataset there; not overwriting it"
        )
    return None


def _stage(folder: Path, files: Mapping[str, bytes], deletes: list[str]) -> None:
    """Write every new file under the save folder, then the journal: the commit point."""
    stage = folder / SAVE_FOLDER
    new = stage / _NEW
    os.mkdir(stage, 0o700)
    os.mkdir(new, 0o700)
    folders = {stage, new}
    for rel, data in files.items():
        staged = new.joinpath(*rel.split("/"))
        staged.parent.mkdir(parents=True, exist_ok=True)
        folders.add(staged.parent)
        _write_new(staged, data, _mode_of(folder.joinpath(*rel.split("/"))))
    for each in folders:
        _fsync_dir(each)
    journal = json.dumps({"write": sorted(files), "delete": deletes}, indent=1).encode("utf-8")
    _write_new(stage / f"{_JOURNAL}.tmp", journal, None)
    os.replace(stage / f"{_JOURNAL}.tmp", stage / _JOURNAL)
    _fsync_dir(stage)


def _read_journal(folder: Path) -> dict[str, list[str]] | None:
    """The journal a save committed in ``folder`` (None if there is none)."""
    stage = folder / SAVE_FOLDER
    where = f"{SAVE_FOLDER}/{_JOURNAL}"
    try:
        link = stat.S_ISLNK(os.lstat(stage).st_mode)
    except OSError:
        return None  # no save folder (or an unreadable dataset folder, reported on listing)
    if link:
        raise DatasetError([f"{SAVE_FOLDER} is a symbolic link, not a save's folder @ {where}"])
    try:
        fd = os.open(stage / _JOURNAL, os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise DatasetError(
            [f"cannot read an unfinished save's journal ({_reason(error)}) @ {where}"]
        ) from None
    try:
        journal = json.loads(_read_fd(fd, 64 * 1024 * 1024))
    except (OSError, ValueError, RecursionError):
        journal = None
    finally:
        os.close(fd)
    lists = [journal.get(key) if isinstance(journal, dict) else None for key in ("write", "delete")]
    if not all(
        isinstance(paths, list) and all(isinstance(p, str) and _safe_relative(p) for p in paths)
        for paths in lists
    ):
        raise DatasetError([f"an unfinished save's journal is damaged; not using it @ {where}"])
    return {"write": lists[0], "delete": lists[1]}  # type: ignore[dict-item]


def _finish_interrupted(folder: Path) -> None:
    """Complete the save whose journal is in ``folder``, or drop one that never got that far."""
    stage = folder / SAVE_FOLDER
    if not os.path.lexists(stage):
        return
    if not stage.is_dir() or stage.is_symlink():
        raise DatasetError(
            [f"{str(stage)!r} is not a folder that saving made; move it away and save again"]
        )
    journal = _read_journal(folder)
    if journal is not None:
        touched = {folder}
        for rel in journal["write"]:
            staged = stage.joinpath(_NEW, *rel.split("/"))
            if os.path.lexists(staged):
                target = folder.joinpath(*rel.split("/"))
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged, target)
                touched.add(target.parent)
        for rel in journal["delete"]:
            target = folder.joinpath(*rel.split("/"))
            if _plain(folder, rel):
                os.unlink(target)
                touched.add(target.parent)
                _remove_empty(folder, target.parent)
        for each in touched:
            _fsync_dir(each)
        os.unlink(stage / _JOURNAL)
    _drop_stage(folder)


def _drop_stage(folder: Path) -> None:
    """Remove the save folder (the files of a save that did not commit, or empty folders)."""
    import shutil

    shutil.rmtree(folder / SAVE_FOLDER, ignore_errors=True)
    _fsync_dir(folder)


def _remove_empty(root: Path, folder: Path) -> None:
    """Remove ``folder`` and its parents below ``root`` while they are empty."""
    while folder != root and _inside(str(folder), str(root)):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _mode_of(path: Path) -> int | None:
    """The permission bits of the regular file (not link) at ``path``, else None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    return stat.S_IMODE(mode) if stat.S_ISREG(mode) else None


def _write_new(path: Path, data: bytes, mode: int | None) -> None:
    """Create ``path`` (umask permissions, or ``mode``), write ``data`` and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_CLOEXEC, 0o666)
    with os.fdopen(fd, "wb") as handle:
        if mode is not None:
            os.chmod(path, mode)
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can fsync a directory
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _locked(folder: Path, *, shared: bool) -> Iterator[None]:
    """Hold ``flock`` on ``folder`` itself (no lock file): shared to read, exclusive to save.

    Where ``fcntl`` or locking is not available, nothing is locked.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _O_CLOEXEC)
    except OSError:
        yield  # reading then reports what is wrong with the folder
        return
    try:
        with contextlib.suppress(OSError):  # a file system without locks
            fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
