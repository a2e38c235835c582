"""Turning data-file dictionaries into records and back, with errors that say where.

A well-formed table is read by a plain loop over its record class's fields, made once
per class from its annotations: it checks types strictly (``3`` is not silently ``"3"``,
a string is not a list of characters), refuses unknown and missing keys, parses EDTF
strings into :class:`PartialDate`, :class:`DateRange` or :class:`DateBetween`, reads
enums by value, and lets the records' own validators run.  It keeps cattrs, which costs
more to import than the rest of the library, off the path of a dataset that is fine.
When it refuses a table, the table is read again by the library's one cattrs converter
with detailed validation, so that every problem is reported, one line each, ending in a
location such as ``meetings.toml[jwg-17].date``.  Writing uses the same converter.

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
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._kinds import KINDS
from .dates import DateBetween, DateRange, PartialDate, parse_when
from .exceptions import DatasetError
from .model import ID_RE, Record

__all__ = ["RECORD_TYPES", "structure_record", "unstructure_record"]

#: The record kinds a dataset holds, by the key used in data files, in canonical order.
RECORD_TYPES: dict[str, type[Any]] = {key: kind.cls for key, kind in KINDS.items()}

_WHEN = {PartialDate, DateRange, DateBetween}


class _RefusedError(Exception):
    """The fast reader does not take this value: the detailed reader says why."""


def _read_str(value: Any) -> str:
    if type(value) is not str:
        raise _RefusedError
    return value


def _read_int(value: Any) -> int:
    if type(value) is not int:
        raise _RefusedError
    return value


def _read_when(value: Any) -> Any:
    return parse_when(_read_str(value))


def _read_partial(value: Any) -> PartialDate:
    # As the detailed reader: PartialDate.parse, which unlike parse_when takes no spaces.
    return PartialDate.parse(_read_str(value))


def _read_strs(value: Any) -> tuple[str, ...]:
    if type(value) is not list and type(value) is not tuple:
        raise _RefusedError
    for item in value:
        if type(item) is not str:
            raise _RefusedError
    return tuple(value)


def _read_enum(kind: type[enum.Enum]) -> Callable[[Any], Any]:
    members = {member.value: member for member in kind}

    def read(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise _RefusedError from None

    return read


def _read_tuple(item: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    def read(value: Any) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            raise _RefusedError
        return tuple(map(item, value))

    return read


def _read_optional(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        return None if value is None else inner(value)

    return read


def _reader(type_: Any) -> Callable[[Any], Any]:
    """A function that checks and converts a value of ``type_``, or raises."""
    origin, args = typing.get_origin(type_), typing.get_args(type_)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner: Callable[[Any], Any]
        if set(options) <= _WHEN:
            inner = _read_when
        elif len(options) == 1:
            inner = _reader(options[0])
        else:  # pragma: no cover - a new field type
            raise TypeError(f"no fast reader for {type_!r}")
        return _read_optional(inner) if len(options) < len(args) else inner
    if origin is tuple:
        return _read_strs if args[0] is str else _read_tuple(_reader(args[0]))
    if type_ is str or type_ is int:
        return _read_str if type_ is str else _read_int
    if type_ in _WHEN:
        return _read_partial if type_ is PartialDate else _read_when
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return _read_enum(type_)
    if attrs.has(type_):
        return _record_reader(type_)
    raise TypeError(f"no fast reader for {type_!r}")  # pragma: no cover - a new field type


@functools.cache
def _record_reader(cls: Any) -> Callable[[Any], Any]:
    """The fast reader of ``cls``: a loop over the table, then ``cls(**values)``."""
    fields = attrs.fields(cls)
    if any(isinstance(f.type, str) for f in fields):  # annotations left as text
        fields = attrs.fields(attrs.resolve_types(cls))
    # Text fields (None) are checked in the loop: most values are text.
    readers = {f.name: None if f.type is str else _reader(f.type) for f in fields if f.init}
    required = {f.name for f in fields if f.init and f.default is attrs.NOTHING}

    def read(data: Any) -> Any:
        if type(data) is not dict or not data.keys() <= readers.keys() or required - data.keys():
            raise _RefusedError
        values = {}
        for key, value in data.items():
            reader = readers[key]
            if reader is not None:
                value = reader(value)
            elif type(value) is not str:
                raise _RefusedError
            values[key] = value
        return cls(**values)

    return read


def _location(where: str, record_id: object, index: int | None) -> str:
    """``where[id]`` for a readable id, else ``where[#n]`` by position (never raw text)."""
    if isinstance(record_id, str) and ID_RE.fullmatch(record_id):
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
    cls: Any = RECORD_TYPES[kind]
    read = _record_reader(cls)  # outside the try: a field type it cannot read is a bug
    try:
        return read(data)  # type: ignore[no-any-return]
    except Exception:  # whatever it was, the detailed reader explains it
        pass
    record_id = data.get("id") if isinstance(data, Mapping) else None
    path = _location(where, record_id, index)
    if not isinstance(data, Mapping):
        raise DatasetError([f"expected a table, got {type(data).__name__} {data!r} @ {path}"])
    from ._converter import structure_detailed

    return structure_detailed(data, cls, path)  # type: ignore[no-any-return]


def unstructure_record(record: Record) -> dict[str, Any]:
    """The data-file table for ``record``: fields at their default are left out.

    A source's text is not part of its table: it lives in its own file.

    >>> from agreement_tracker import FocusArea
    >>> unstructure_record(FocusArea(id="training", label="Training"))
    {'id': 'training', 'label': 'Training'}
    """
    from ._converter import CONVERTER

    return CONVERTER.unstructure(record)  # type: ignore[no-any-return]
