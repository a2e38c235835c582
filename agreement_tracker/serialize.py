"""Turning data-file dictionaries into records and back, with errors that say where.

Two readers share one set of rules.  A fast reader, built once per record class from its
annotations (a loop over the fields for a few tables, a compiled function for many: see
:func:`fast_reader`), handles well-formed tables without cattrs: it checks types
strictly (``3`` is not silently ``"3"``, a string is not a list of characters), refuses
unknown keys, parses EDTF strings into :class:`PartialDate`, :class:`DateRange` or
:class:`DateBetween`, reads enums by value, and lets the records' own validators run.  When anything is wrong, the
record is read again by one private :class:`cattrs.Converter` (never the global one,
imported only then) with detailed validation, so that every problem is reported.
Writing uses the same converter.

Errors are flattened into one line per problem, each ending in a location such as
``meetings.toml[jwg-17].date``.

>>> record = {"id": "x", "kind": "talks", "title": "Talks", "date": "2025-11",
...           "citations": [{"source": "s", "quote": "q"}]}
>>> structure_record(record, "meeting", where="meetings.toml").date
PartialDate(year=2025, month=11, day=None)
>>> structure_record({**record, "date": "2025-13"}, "meeting", where="meetings.toml")
Traceback (most recent call last):
...
agreement_tracker.exceptions.DatasetError: 1 problem in the dataset:
  '2025-13': month must be 1..12, got 13 @ meetings.toml[x].date
"""

from __future__ import annotations

import enum
import functools
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._kinds import KINDS
from .dates import DateBetween, DateRange, PartialDate, parse_when
from .exceptions import DatasetError
from .model import (
    _ID_RE,
    Agreement,
    Citation,
    Place,
    Record,
)

if typing.TYPE_CHECKING:
    import cattrs

__all__ = [
    "COMPILE_FROM",
    "RECORD_TYPES",
    "fast_reader",
    "make_converter",
    "structure_record",
    "unstructure_record",
]

#: The record kinds a dataset holds, by the key used in data files, in canonical order.
RECORD_TYPES: dict[str, type[Any]] = {key: kind.cls for key, kind in KINDS.items()}


class _SlowPathError(Exception):
    """The fast reader cannot take this value: let the detailed reader explain why."""


def make_converter() -> cattrs.Converter:
    """A new cattrs converter configured for the library's records (never the global one).

    >>> make_converter().unstructure(PartialDate(2025, 11))
    '2025-11'
    """
    from ._converter import make_converter as make

    return make()


_WHEN = (PartialDate, DateRange, DateBetween)


@functools.lru_cache(maxsize=65_536)
def _parse_when_cached(text: str) -> Any:
    # Large datasets repeat the same few thousand date strings: parse each once.
    return parse_when(text)


@functools.lru_cache(maxsize=65_536)
def _parse_partial_cached(text: str) -> PartialDate:
    # A field that holds only a PartialDate is parsed as the detailed reader parses it
    # (PartialDate.parse, which unlike parse_when takes no surrounding spaces).
    return PartialDate.parse(text)


@functools.cache
def _annotation(module: str, text: str) -> Any:
    # ``typing.get_type_hints`` compiles every annotation anew (150 fields, 23 distinct
    # strings); evaluating each distinct string once saves a quarter of a bundled load.
    return eval(text, vars(sys.modules[module]))


def _field_type(cls: type[Any], field: attrs.Attribute[Any]) -> Any:
    return _annotation(cls.__module__, field.type) if isinstance(field.type, str) else field.type


#: Fields whose values recur so often that the compiled reader reads equal ones as one
#: shared object: the few lists of field names a citation supports, and pairs of parties.
_SHARED = {(Citation, "supports"), (Agreement, "parties")}


def _reader(type_: Any) -> Callable[[Any], Any]:
    """A function that checks and converts a value of ``type_`` or raises ``_SlowPathError``."""
    origin = typing.get_origin(type_)
    args = typing.get_args(type_)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(args) - len(options) == 1:  # Optional[...]
            if len(options) == 1:
                inner = _reader(options[0])
            elif set(options) <= set(_WHEN):
                inner = _read_when
            else:  # pragma: no cover - a new field type
                raise TypeError(f"no fast reader for {type_!r}")

            def optional(value: Any) -> Any:
                return None if value is None else inner(value)

            return optional
        if set(options) <= set(_WHEN):
            return _read_when
        raise TypeError(f"no fast reader for {type_!r}")  # pragma: no cover - a new field type
    if origin is tuple:
        if args[0] is str:
            return _read_strs
        item = _reader(args[0])

        def sequence(value: Any) -> tuple[Any, ...]:
            if type(value) is not list and type(value) is not tuple:
                raise _SlowPathError
            return tuple(map(item, value))

        return sequence
    if type_ is str:
        return _read_str
    if type_ is int:
        return _read_int
    if type_ in _WHEN:
        return _read_partial if type_ is PartialDate else _read_when
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return _read_enum(type_)
    if attrs.has(type_):
        return _record_reader(type_)
    raise TypeError(f"no fast reader for {type_!r}")  # pragma: no cover - a new field type


def _read_str(value: Any) -> str:
    if type(value) is not str:
        raise _SlowPathError
    return value


def _read_strs(value: Any) -> tuple[str, ...]:
    if type(value) is not list and type(value) is not tuple:
        raise _SlowPathError
    for item in value:
        if type(item) is not str:
            raise _SlowPathError
    return tuple(value)


def _read_int(value: Any) -> int:
    if type(value) is not int:
        raise _SlowPathError
    return value


def _read_when(value: Any) -> Any:
    if type(value) is not str:
        raise _SlowPathError
    return _parse_when_cached(value)


def _read_enum(kind: type[enum.Enum]) -> Callable[[Any], Any]:
    members = {member.value: member for member in kind}

    def read(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise _SlowPathError from None

    return read


@functools.cache
def _record_reader(cls: type[Any]) -> Callable[[Any], Any]:
    """The reader of ``cls`` for a few tables: quick to make, a loop over the fields.

    It checks what the compiled reader checks (see :func:`_compiled`), then calls
    ``cls(**values)``.
    """
    fields = [f for f in attrs.fields(cls) if f.init]
    readers = {f.name: _reader(_field_type(cls, f)) for f in fields}
    allowed = frozenset(readers)
    required = frozenset(f.name for f in fields if f.default is attrs.NOTHING)
    # Plain text fields are checked inline: most values are text, and a call per value
    # was a fifth of reading a large dataset.
    inline = {name: (None if reader is _read_str else reader) for name, reader in readers.items()}

    def read(data: Any) -> Any:
        if type(data) is not dict:
            raise _SlowPathError
        keys = data.keys()
        if not keys <= allowed or not required <= keys:
            raise _SlowPathError
        values = {}
        for key, value in data.items():
            reader = inline[key]
            if reader is not None:
                values[key] = reader(value)
            elif type(value) is str:
                values[key] = value
            else:
                raise _SlowPathError
        return cls(**values)

    return _interning(read) if cls is Place else read


@functools.cache
def _compiled(cls: type[Any]) -> Callable[[Any], Any]:
    """The reader of ``cls`` for many tables: compiled once, about a millisecond per class."""
    fields = [f for f in attrs.fields(cls) if f.init]
    types_ = {f.name: _field_type(cls, f) for f in fields}
    allowed = frozenset(types_)
    required = frozenset(f.name for f in fields if f.default is attrs.NOTHING)
    compiled = _compiled_reader(cls, fields, types_, allowed, required)
    return _interning(compiled) if cls is Place else compiled


def _compiled_reader(
    cls: type[Any],
    fields: list[attrs.Attribute[Any]],
    types_: dict[str, Any],
    allowed: frozenset[str],
    required: frozenset[str],
) -> Callable[[Any], Any]:
    """Write and compile the reader of ``cls``: one straight-line function per class.

    The function does what ``cls(**values)`` does, the way attrs' own generated
    ``__init__`` does it: it sets every field, then runs every field's validator in field
    order, then ``__attrs_post_init__``.  It differs in two ways, both measured on a large
    dataset: values go straight from the table to the slots (no keyword arguments), and
    a field left at its default is not validated again, since its default was validated
    once here, when the reader was made (validators depend only on the value).  Each
    value's type is checked inline, as the field's annotation says; nested records go
    through their own compiled readers.
    """
    _check_plain_attrs(cls, fields)
    names: dict[str, Any] = {
        "new": object.__new__,
        "cls": cls,
        "allowed": allowed,
        "required": required,
        "Slow": _SlowPathError,
        "validators_off": attrs.validators.get_disabled,
        "parse_when": _parse_when_cached,
        "parse_partial": _parse_partial_cached,
    }
    lines = [
        "def read(data):",
        "    if type(data) is not dict:",
        "        raise Slow",
        "    keys = data.keys()",
        "    if not keys <= allowed or not required <= keys:",
        "        raise Slow",
        "    get = data.get",
        "    self = new(cls)",
    ]
    checks: list[str] = []
    for index, field in enumerate(fields):
        value = f"v{index}"
        names[f"set{index}"] = getattr(cls, field.name).__set__
        present: str | None
        if field.default is attrs.NOTHING:
            lines.append(f"    {value} = data[{field.name!r}]")
            present = None
        else:
            names[f"d{index}"] = field.default
            lines.append(f"    {value} = get({field.name!r}, d{index})")
            present = f"{value} is not d{index}"
        block = _conversion(types_[field.name], value, f"{index}", names)
        if (cls, field.name) in _SHARED:
            names[f"shared{index}"] = {}
            block = [
                *block,
                f"{value} = shared{index}.setdefault({value}, {value})",
                f"if len(shared{index}) > 4096:",
                f"    shared{index}.clear()",
            ]
        lines += _indented(_when(present, block), "    ")
        lines.append(f"    set{index}(self, {value})")
        if field.validator is not None:
            names[f"check{index}"] = field.validator
            names[f"field{index}"] = field
            if present is not None and not _passes(field, field.default):
                present = None  # a default that fails its check is checked every time
            call = f"check{index}(self, field{index}, {value})"
            checks += _indented(_when(present, [call]), "        ")
    if checks:
        lines += ["    if not validators_off():", *checks]
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    self.__attrs_post_init__()")
    lines.append("    return self")
    code = "\n".join(lines)
    exec(compile(code, f"<reader of {cls.__qualname__}>", "exec"), names)
    return names["read"]  # type: ignore[no-any-return]


def _read_partial(value: Any) -> PartialDate:
    """A partial date from its EDTF text (in a list, such as a role's attested days)."""
    if type(value) is not str:
        raise _SlowPathError
    return _parse_partial_cached(value)


def _when(present: str | None, block: list[str]) -> list[str]:
    """``block`` as is (a required field), or run only when the value was given."""
    if present is None or not block:
        return block
    return [f"if {present}:", *_indented(block, "    ")]


def _indented(block: list[str], indent: str) -> list[str]:
    return [indent + line for line in block]


def _conversion(type_: Any, value: str, key: str, names: dict[str, Any]) -> list[str]:
    """Lines that check the variable ``value`` against ``type_`` and convert it in place.

    Anything unusual raises (``Slow``; the ``KeyError`` or ``TypeError`` of an unknown or
    unhashable enum value; the ``DateFormatError`` of a bad date), so that the detailed
    reader can say what is wrong.
    """
    fail = ["    raise Slow"]
    origin, args = typing.get_origin(type_), typing.get_args(type_)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if set(options) <= set(_WHEN):
            block = [f"if type({value}) is not str:", *fail, f"{value} = parse_when({value})"]
        elif len(options) == 1:
            block = _conversion(options[0], value, key, names)
        else:  # pragma: no cover - a new field type
            raise TypeError(f"no fast reader for {type_!r}")
        if len(options) == len(args):
            return block
        return _when(f"{value} is not None", block)
    if origin is tuple:
        head = [f"if type({value}) is not list and type({value}) is not tuple:", *fail]
        if args[0] is str:
            items = [f"for item in {value}:", "    if type(item) is not str:", "    " + fail[0]]
            return [*head, *items, f"{value} = tuple({value})"]
        names[f"item{key}"] = _read_partial if args[0] is PartialDate else _compiled(args[0])
        return [*head, f"{value} = tuple(map(item{key}, {value}))"]
    if type_ is str or type_ is int:
        return [f"if type({value}) is not {type_.__name__}:", *fail]
    if type_ is PartialDate:
        return [f"if type({value}) is not str:", *fail, f"{value} = parse_partial({value})"]
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        names[f"members{key}"] = {member.value: member for member in type_}
        return [f"{value} = members{key}[{value}]"]
    if attrs.has(type_):
        names[f"read{key}"] = _compiled(type_)
        return [f"{value} = read{key}({value})"]
    raise TypeError(f"no fast reader for {type_!r}")  # pragma: no cover - a new field type


def _passes(field: attrs.Attribute[Any], value: Any) -> bool:
    """Whether ``value`` passes the field's validator (which ignores the instance)."""
    try:
        field.validator(None, field, value)  # type: ignore[misc]
    except Exception:
        return False
    return True


def _check_plain_attrs(cls: type[Any], fields: list[attrs.Attribute[Any]]) -> None:
    """Refuse a class whose ``__init__`` does more than set, validate and post-init."""
    if (
        any(
            f.converter is not None or f.on_setattr is not None or f.alias != f.name for f in fields
        )
        or hasattr(cls, "_attrs_cached_hash")  # cache_hash=True: a slot __init__ resets
        or hasattr(cls, "__attrs_pre_init__")
        or "__slots__" not in vars(cls)
        or len(fields) != len(attrs.fields(cls))
        or getattr(cls, "__attrs_init__", None) is not None
    ):  # pragma: no cover - a new kind of record class
        raise TypeError(f"no compiled reader for {cls.__qualname__}")


def _interning(build: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A reader for a small all-text value record that hands out one object per value.

    Places repeat across a large dataset (a few hundred countries and cities); they are
    immutable, so equal ones can be the same object: less to build, less memory.
    """
    made: dict[tuple[tuple[str, Any], ...], Any] = {}

    def read(data: Any) -> Any:
        if type(data) is not dict:
            raise _SlowPathError
        if attrs.validators.get_disabled():
            return build(data)  # unchecked: never hand it out later
        key = tuple(data.items())
        for _, value in key:
            if type(value) is not str:
                return build(data)
        found = made.get(key)
        if found is None:
            found = made[key] = build(data)
            if len(made) > 65_536:
                made.clear()
        return found

    return read


#: From how many tables of one kind compiling a reader pays: compiling takes about a
#: millisecond a class, and the compiled reader saves a few microseconds a record.
COMPILE_FROM = 1000


def fast_reader(kind: str, count: int = COMPILE_FROM) -> Callable[[Any], Record]:
    """The fast reader for ``count`` tables of ``kind``: a record from a well-formed table.

    From :data:`COMPILE_FROM` tables on, the reader is compiled: one straight-line function
    per record class (made once per process); for fewer, a loop over the fields that costs
    nothing to make.  Both check the same things; either raises on anything unusual,
    without saying what, and :func:`structure_record` then reads the table again and
    reports every problem with its location.

    >>> fast_reader("focus_area")({"id": "training", "label": "Training"})
    <FocusArea training: Training>
    """
    cls: Any = RECORD_TYPES[kind]
    return _compiled(cls) if count >= COMPILE_FROM else _record_reader(cls)


def _location(where: str, record_id: object, index: int | None) -> str:
    """``where[id]`` for a readable id, else ``where[#n]`` by position (never raw text)."""
    if isinstance(record_id, str) and _ID_RE.fullmatch(record_id):
        return f"{where}[{record_id}]"
    return f"{where}[#{index}]" if index is not None else where


def structure_record(
    data: Mapping[str, Any], kind: str, *, where: str, index: int | None = None
) -> Record:
    """Build one record of ``kind`` (a key of :data:`RECORD_TYPES`) from a data-file table.

    ``where`` names the file for error messages; the record's ``id`` (when readable) is
    added, so problems read ``message @ file[id].field``.  Raises :class:`DatasetError`
    listing every problem in the record.  A record whose id is unreadable is named by
    its position, ``file[#3]``, counted from 0.

    >>> structure_record({"id": "x", "label": "X", "colour": "red"}, "focus_area",
    ...                  where="focus_areas.toml")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DatasetError: 1 problem in the dataset:
      unknown field 'colour' @ focus_areas.toml[x]
    """
    cls = RECORD_TYPES[kind]
    if type(data) is dict:
        try:
            return _record_reader(cls)(data)  # type: ignore[no-any-return,arg-type]
        except Exception:
            pass
    record_id = data.get("id") if isinstance(data, Mapping) else None
    path = _location(where, record_id, index)
    if not isinstance(data, Mapping):
        raise DatasetError([f"expected a table, got {type(data).__name__} {data!r} @ {path}"])
    from ._converter import structure_detailed

    return structure_detailed(dict(data), cls, path)  # type: ignore[no-any-return]


def unstructure_record(record: Record) -> dict[str, Any]:
    """The data-file table for ``record``: fields at their default are left out.

    >>> from agreement_tracker import FocusArea
    >>> unstructure_record(FocusArea(id="training", label="Training"))
    {'id': 'training', 'label': 'Training'}
    """
    from ._converter import unstructure

    return unstructure(record)
