"""Reading and writing datasets: TOML folders, single TOML or JSON files, atomic saves.

Three layouts hold the same data:

* a **folder** like the bundled one: ``dataset.toml`` (metadata), one TOML file per
  record kind (``meetings.toml`` holds ``[[meeting]]`` tables ...) and the source texts
  as files, named by each source's ``text_file``;
* a **single TOML file** with a ``[dataset]`` table and ``[[meeting]]``, ``[[person]]``
  ... tables, source texts inline (``text = "..."``) or in files beside it;
* a **single JSON file**: ``{"dataset": {...}, "meeting": [...], ...}`` with the texts
  inline.

Only data is read (``tomllib``, ``json``); files larger than ``max_bytes`` or nested
too deeply are refused with a clear error.  Writing is canonical (records sorted by id,
fields in a fixed order, defaults left out) and atomic: a crash never leaves a
half-written file or folder.

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
import gc
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeGuard

from ._kinds import KINDS
from ._text import close_matches
from .exceptions import DatasetError
from .model import ID_RE, Record, Source
from .serialize import RECORD_TYPES, structure_record, unstructure_record

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

__all__ = [
    "FILES",
    "MAX_BYTES",
    "METADATA_FILE",
    "Loaded",
    "gc_paused",
    "locate",
    "read_dataset",
    "toml_dumps",
    "write_folder",
    "write_json",
]

#: Data-file name for each record kind in the folder layout, in load order.
FILES: dict[str, str] = {key: kind.file for key, kind in KINDS.items()}
METADATA_FILE = "dataset.toml"
METADATA_KEYS = ("name", "version", "description", "license", "citation")

#: Largest data file read by default (bytes).  Pass ``max_bytes`` to change it.
MAX_BYTES = 512 * 1024 * 1024


class Loaded:
    """What reading a dataset produced: records, where each came from, and problems.

    ``failed`` holds the ids of records that could not be built, by kind, so that
    checks of the other records do not report references to them as unknown; ``None``
    for a kind whose whole file could not be read (any id of that kind is assumed).

    >>> Loaded().problems
    []
    """

    __slots__ = ("failed", "metadata", "origins", "problems", "records")

    def __init__(self) -> None:
        self.records: list[Record] = []
        self.origins: dict[str, str] = {}
        self.metadata: dict[str, str] = {}
        self.problems: list[str] = []
        self.failed: dict[str, set[str] | None] = {}


# ------------------------------------------------------------------------- reading


class _OnDisk(Protocol):
    """What reading uses of a file or folder on disk (a ``pathlib.Path`` has it all)."""

    @property
    def name(self) -> str: ...
    @property
    def parent(self) -> _OnDisk: ...
    def is_dir(self) -> bool: ...
    def is_file(self) -> bool: ...
    def joinpath(self, *parts: str) -> _OnDisk: ...
    def read_bytes(self) -> bytes: ...
    def stat(self) -> os.stat_result: ...
    def glob(self, pattern: str) -> Iterable[_OnDisk]: ...


class _Local:
    """A file or folder on disk named by a string: what reading uses of ``pathlib.Path``.

    Loading the bundled data with it does not import pathlib (and with it urllib and
    ipaddress, about 5 ms).

    >>> import agreement_tracker, os
    >>> data = _Local(os.path.dirname(agreement_tracker.__file__)).joinpath("data")
    >>> data.is_dir(), data.joinpath("dataset.toml").is_file(), data.name
    (True, True, 'data')
    >>> sorted(entry.name for entry in data.glob("*.toml"))[:2]
    ['agreements.toml', 'dataset.toml']
    """

    __slots__ = ("_path",)

    def __init__(self, path: str) -> None:
        self._path = path

    def __fspath__(self) -> str:
        return self._path

    def __str__(self) -> str:
        return self._path

    def __repr__(self) -> str:
        return f"_Local({self._path!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Local) and other._path == self._path

    def __hash__(self) -> int:
        return hash(self._path)

    @property
    def name(self) -> str:
        """The last part of the path."""
        return os.path.basename(self._path)

    @property
    def parent(self) -> _Local:
        """The folder holding this file or folder."""
        return _Local(os.path.dirname(self._path))

    def is_dir(self) -> bool:
        """True for an existing folder."""
        return os.path.isdir(self._path)

    def is_file(self) -> bool:
        """True for an existing regular file."""
        return os.path.isfile(self._path)

    def joinpath(self, *parts: str) -> _Local:
        """The path with ``parts`` appended."""
        return _Local(os.path.join(self._path, *parts))

    def read_bytes(self) -> bytes:
        """The file's contents."""
        with open(self._path, "rb") as file:
            return file.read()

    def stat(self) -> os.stat_result:
        """The file's status (size, times ...)."""
        return os.stat(self._path)

    def glob(self, pattern: str) -> list[_Local]:
        """The entries of this folder whose name ends as ``pattern`` (``"*.toml"``) says."""
        if not pattern.startswith("*") or any(c in pattern[1:] for c in "*?[/"):
            raise ValueError(f"only patterns like '*.toml' are supported, got {pattern!r}")
        try:
            names = os.listdir(self._path)
        except (FileNotFoundError, NotADirectoryError):
            return []
        return [self.joinpath(n) for n in sorted(names) if n.endswith(pattern[1:])]


def _on_disk(entry: object) -> TypeGuard[_OnDisk]:
    """True for a file or folder on disk: a :class:`_Local` or a ``pathlib.Path``.

    A Path can exist only once pathlib is imported, so this does not import it.
    """
    if isinstance(entry, _Local):
        return True
    pathlib = sys.modules.get("pathlib")
    return pathlib is not None and isinstance(entry, pathlib.Path)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while many objects are made, then restore it.

    Building a large dataset allocates millions of objects and no reference cycles worth
    collecting; the collector would otherwise rescan them all again and again, which
    doubles the time a large load takes.  Nesting is safe, and a collector that was
    already off stays off.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_dataset(path: Traversable | _OnDisk, *, max_bytes: int = MAX_BYTES) -> Loaded:
    """Read a folder, a ``.toml`` file or a ``.json`` file; collect every problem.

    >>> from pathlib import Path
    >>> loaded = read_dataset(Path("no/such/file.json"))
    >>> loaded.problems
    ["no dataset at 'no/such/file.json': give a folder, a .toml file or a .json file"]
    """
    with gc_paused():
        return _read(path, max_bytes)


def _read(path: Traversable | _OnDisk, max_bytes: int) -> Loaded:
    loaded = Loaded()
    if path.is_dir():
        _read_folder(path, loaded, max_bytes)
    elif path.is_file() and path.name.endswith((".toml", ".json")):
        fmt = "json" if path.name.endswith(".json") else "toml"
        doc = _decode(path, path.name, fmt, loaded.problems, max_bytes)
        if doc is None:
            loaded.failed.update(dict.fromkeys(RECORD_TYPES))
        else:
            base = path.parent if _on_disk(path) else None
            _collect(doc, lambda kind: path.name, base, loaded, single=True, max_bytes=max_bytes)
    else:
        loaded.problems.append(
            f"no dataset at {str(path)!r}: give a folder, a .toml file or a .json file"
        )
    return loaded


def _read_folder(folder: Traversable | _OnDisk, loaded: Loaded, max_bytes: int) -> None:
    names = {METADATA_FILE, *FILES.values()}
    if _on_disk(folder):
        strays = sorted(p.name for p in folder.glob("*.toml") if p.name not in names)
        for stray in strays:
            close = close_matches(stray, sorted(names), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            loaded.problems.append(f"unexpected data file{hint} @ {stray}")
        if not any(folder.joinpath(n).is_file() for n in names):
            loaded.problems.append(
                f"no data files in {str(folder)!r}: expected {METADATA_FILE} and files such "
                f"as {FILES['meeting']}"
            )
            return
    meta = _decode(
        folder.joinpath(METADATA_FILE), METADATA_FILE, "toml", loaded.problems, max_bytes
    )
    if meta is not None:
        _metadata(meta, METADATA_FILE, loaded)
    for kind, filename in FILES.items():
        entry = folder.joinpath(filename)
        if not entry.is_file():
            continue
        doc = _decode(entry, filename, "toml", loaded.problems, max_bytes)
        if doc is None:
            loaded.failed[kind] = None
            continue
        for key in sorted(set(doc) - {kind}):
            close = close_matches(key, [kind], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; expected [[{kind}]] tables"
            loaded.problems.append(f"unknown top-level key {key!r}{hint} @ {filename}")
        _collect(
            {kind: doc[kind]} if kind in doc else {},
            lambda _, name=filename: name,
            folder,
            loaded,
            single=False,
            max_bytes=max_bytes,
        )


def _decode(
    entry: Traversable | _OnDisk, name: str, fmt: str, problems: list[str], max_bytes: int
) -> dict[str, Any] | None:
    if not entry.is_file():
        return None
    if _on_disk(entry):
        size = entry.stat().st_size
        if size > max_bytes:
            problems.append(
                f"file is {size:,} bytes, more than the limit of {max_bytes:,} @ {name}"
            )
            return None
    text = _read_text(entry, "file is", "not UTF-8 text", name, problems, max_bytes)
    if text is None:
        return None
    try:
        if fmt == "toml":
            import tomllib  # about 5 ms; a fresh bundled snapshot needs none of it

            doc = tomllib.loads(text)
        else:
            doc = json.loads(text)
    except RecursionError:
        problems.append(f"nested too deeply to be a dataset @ {name}")
        return None
    except ValueError as error:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        if isinstance(error, json.JSONDecodeError):
            problems.append(
                f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}) @ {name}"
            )
        else:
            problems.append(f"not valid TOML ({error}) @ {name}")
        return None
    if fmt == "json" and _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(doc):
        problems.append(
            f"text holds a lone surrogate escape (such as \\ud800), which is not Unicode @ {name}"
        )
        return None
    if not isinstance(doc, dict):
        problems.append(f"expected a table of record kinds, got {type(doc).__name__} @ {name}")
        return None
    return doc


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
        loaded.problems.append(f"expected a table, got {type(raw).__name__} @ {where}")
        return
    for key in sorted(set(raw) - set(METADATA_KEYS)):
        close = close_matches(key, METADATA_KEYS, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        loaded.problems.append(f"unknown field {key!r}{hint} @ {where}")
    for key in METADATA_KEYS:
        if key not in raw:
            continue
        if isinstance(raw[key], str):
            loaded.metadata[key] = raw[key]
        else:
            loaded.problems.append(f"expected text, got {type(raw[key]).__name__} @ {where}.{key}")


def _collect(
    doc: Mapping[str, Any],
    filename_of: Any,
    base: Traversable | _OnDisk | None,
    loaded: Loaded,
    *,
    single: bool,
    max_bytes: int,
) -> None:
    if single:
        name = filename_of("dataset")
        for key in sorted(set(doc) - {"dataset", *RECORD_TYPES}):
            close = close_matches(key, ["dataset", *RECORD_TYPES], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            loaded.problems.append(f"unknown top-level key {key!r}{hint} @ {name}")
        if "dataset" in doc:
            _metadata(doc["dataset"], f"{name}.dataset", loaded)
    for kind in RECORD_TYPES:
        if kind not in doc:
            continue
        filename = filename_of(kind)
        tables = doc[kind]
        if not isinstance(tables, list):
            loaded.failed[kind] = None
            loaded.problems.append(
                f"expected a list of [[{kind}]] tables, got {type(tables).__name__} @ {filename}"
            )
            continue
        for index, table in enumerate(tables):
            # Each table is dropped once read, so that its memory is reused at once for the
            # next records instead of being freed all together at the end.
            tables[index] = None
            label = table.get("id") if isinstance(table, dict) else None
            record_id = label if isinstance(label, str) else None
            if isinstance(table, dict) and kind == "source":
                table = _with_text(base, filename, index, table, loaded.problems, max_bytes)
                if table is None:
                    _failed(loaded, kind, record_id)
                    continue
            try:
                record = structure_record(table, kind, where=filename, index=index)
            except DatasetError as error:
                loaded.problems.extend(error.problems)
                _failed(loaded, kind, record_id)
                continue
            if record.id in loaded.origins:
                loaded.problems.append(
                    f"duplicate id {record.id!r} (already used in {loaded.origins[record.id]}) "
                    f"@ {filename}[{record.id}].id"
                )
                continue
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


def _with_text(
    base: Traversable | _OnDisk | None,
    filename: str,
    index: int,
    table: dict[str, Any],
    problems: list[str],
    max_bytes: int,
) -> dict[str, Any] | None:
    """A source table with its ``text``: given inline, or read from ``text_file``."""
    label = _label(table.get("id"), index)
    if "text" in table:
        return table
    path = table.get("text_file")
    where = f"{filename}[{label}].text_file"
    if not isinstance(path, str) or not path.strip():
        problems.append(f"required field missing (or give the text inline as 'text') @ {where}")
        return None
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if path.startswith("/") or "\\" in path or ":" in path or ".." in parts or not parts:
        problems.append(f"{path!r} must be a relative path inside the dataset @ {where}")
        return None
    entry = None if base is None else base.joinpath(*parts)
    if entry is None or not entry.is_file():
        problems.append(f"no file {path!r} in the dataset @ {where}")
        return None
    text = _read_text(
        entry, f"{path!r} is", f"{path!r} is not UTF-8 text", where, problems, max_bytes
    )
    return None if text is None else {**table, "text": text}


def _read_text(
    entry: Traversable | _OnDisk,
    size_subject: str,
    utf8_subject: str,
    where: str,
    problems: list[str],
    max_bytes: int,
) -> str | None:
    """The UTF-8 text of ``entry``, or None after noting why it cannot be read."""
    data = entry.read_bytes()
    if len(data) > max_bytes:
        problems.append(
            f"{size_subject} {len(data):,} bytes, more than the limit of {max_bytes:,} @ {where}"
        )
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"{utf8_subject} ({error.reason} at byte {error.start}) @ {where}")
        return None


_LOCATION = re.compile(r" @ ([^\[\s@]+?\.(?:toml|json))(?:\[([^\]]+)\])?")


def locate(root: Path, problem: str) -> tuple[Path, int] | None:
    r"""The file and line a problem line points at, where that can be found.

    The file is named after ``@``; the line is that of the record's ``id`` (or of its
    ``[[kind]]`` header when the id is unreadable), else 1.

    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "meetings.toml").write_text('[[meeting]]\nid = "m-1"\n')
    ...     path, line = locate(Path(folder), "bad date @ meetings.toml[m-1].date")
    ...     path.name, line
    ('meetings.toml', 2)
    """
    match = _LOCATION.search(problem)
    if match is None:
        return None
    name, record_id = match.group(1), match.group(2)
    path = root / name if root.is_dir() else root
    if not path.is_file() or path.name != name:
        return None
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return (path, 1)
    if record_id is not None:
        needles = (f'id = "{record_id}"', f'"id": "{record_id}"')
        for number, line in enumerate(lines, start=1):
            if any(line.strip().startswith(n) for n in needles):
                return (path, number)
    return (path, 1)


# ------------------------------------------------------------------------- writing


def _documents(records: Iterable[Record]) -> dict[str, list[dict[str, Any]]]:
    """Records as data-file tables by kind; canonical order (by id; vocabulary as given)."""
    kinds = {cls: key for key, cls in RECORD_TYPES.items()}
    grouped: dict[str, list[Record]] = {key: [] for key in RECORD_TYPES}
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


def write_json(path: Path, metadata: Mapping[str, str | None], records: Iterable[Record]) -> None:
    """Write one JSON file holding the metadata, every record and the source texts.

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
    docs = _documents(records)
    texts = {r.id: r.text for r in records if isinstance(r, Source)}
    for table in docs["source"]:
        table["text"] = texts[table["id"]]
    doc: dict[str, Any] = {"dataset": _metadata_table(metadata)}
    doc.update({kind: tables for kind, tables in docs.items() if tables})
    _atomic_write(path, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def write_folder(path: Path, metadata: Mapping[str, str | None], records: Iterable[Record]) -> None:
    """Write the folder layout; the folder is replaced as a whole, never left half-written.

    An existing folder is replaced only if it holds nothing but dataset files.

    >>> import agreement_tracker as at, tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = Path(folder) / "copy"
    ...     write_folder(target, {"name": "x", "version": "1"}, at.load().sources)
    ...     sorted(p.name for p in target.iterdir())
    ['dataset.toml', 'sources', 'sources.toml']
    """
    import shutil
    import tempfile
    from pathlib import Path

    records = list(records)
    path = Path(path)
    if path.exists():
        _check_replaceable(path)
    parent = path.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent))
    try:
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private (0o700)
        docs = _documents(records)
        _write_synced(staging / METADATA_FILE, toml_dumps(_metadata_table(metadata)))
        for kind, tables in docs.items():
            if tables:
                _write_synced(staging / FILES[kind], toml_dumps({kind: tables}))
        for record in records:
            if isinstance(record, Source):
                # A relative "/"-separated path with no empty, "." or ".." parts (the
                # Source validator makes sure), so its parts are what split gives.
                target = staging.joinpath(*record.text_file.split("/"))
                if staging.resolve() not in target.resolve().parents:
                    raise DatasetError(
                        [
                            f"{record.text_file!r} must be a relative path inside the dataset "
                            f"@ <memory>[{record.id}].text_file"
                        ]
                    )
                target.parent.mkdir(parents=True, exist_ok=True)
                _write_synced(target, record.text)
        _fsync_dir(staging)
        if path.exists():
            retired = parent / f".{path.name}.old-{os.getpid()}"
            os.replace(path, retired)
            os.replace(staging, path)
            shutil.rmtree(retired)
        else:
            os.replace(staging, path)
        _fsync_dir(parent)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _check_replaceable(path: Path) -> None:
    if not path.is_dir():
        raise DatasetError([f"{str(path)!r} exists and is not a folder; not replacing it"])
    allowed = {METADATA_FILE, *FILES.values()}
    strays = [
        p.name
        for p in path.iterdir()
        if not (p.name in allowed or p.is_dir() or p.suffix == ".txt")
    ]
    if strays:
        raise DatasetError(
            [
                f"{str(path)!r} holds files that are not part of a dataset "
                f"({', '.join(sorted(strays)[:3])}); not replacing it"
            ]
        )


def _write_synced(path: Path, text: str) -> None:
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can fsync a directory
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    """The process's file-creation mask, so saved files get the usual permissions."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then rename it over."""
    import tempfile
    from pathlib import Path

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private (0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        _fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


# ------------------------------------------------------------------------- TOML out


def _toml_string(text: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes; TOML also forbids DEL.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + inner + " }"
    raise TypeError(f"cannot write {type(value).__name__} {value!r} as TOML")


def _toml_key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
    return key if bare else _toml_string(key)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _assignment(key: str, value: Any, indent: str) -> list[str]:
    """``key = value``; a long list of values goes one item a line, for small diffs."""
    line = f"{indent}{_toml_key(key)} = {_toml_value(value)}"
    if isinstance(value, list) and len(line) > 88 and len(value) > 1:
        items = [f"{indent}    {_toml_value(item)}," for item in value]
        return [f"{indent}{_toml_key(key)} = [", *items, f"{indent}]"]
    return [line]


def _emit_table(lines: list[str], header: str, table: Mapping[str, Any], depth: int = 0) -> None:
    indent = "  " * depth
    for key, value in table.items():
        if not _is_table_list(value):
            lines.extend(_assignment(key, value, indent))
    for key, value in table.items():
        if _is_table_list(value):
            inner = "  " * (depth + 1)
            for item in value:
                lines.append("")
                lines.append(f"{inner}[[{header}.{_toml_key(key)}]]")
                _emit_table(lines, f"{header}.{_toml_key(key)}", item, depth + 1)


def toml_dumps(doc: Mapping[str, Any]) -> str:
    r"""Write a dataset document as TOML: plain keys, then ``[[kind]]`` tables.

    Handles exactly the shapes the library writes (strings, whole numbers, lists,
    tables, arrays of tables); the result reads back equal with ``tomllib``.

    >>> text = toml_dumps({"focus_area": [{"id": "ai", "label": 'AI "x"', "synonyms": ["a"]}]})
    >>> import tomllib; tomllib.loads(text)
    {'focus_area': [{'id': 'ai', 'label': 'AI "x"', 'synonyms': ['a']}]}
    """
    lines: list[str] = []
    plain = {k: v for k, v in doc.items() if not _is_table_list(v) and not isinstance(v, dict)}
    for key, value in plain.items():
        lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    for key, value in doc.items():
        if isinstance(value, dict):
            if lines:
                lines.append("")
            lines.append(f"[{_toml_key(key)}]")
            _emit_table(lines, _toml_key(key), value)
    for key, value in doc.items():
        if _is_table_list(value):
            for item in value:
                if lines:
                    lines.append("")
                lines.append(f"[[{_toml_key(key)}]]")
                _emit_table(lines, _toml_key(key), item)
    return "\n".join(lines) + "\n"
