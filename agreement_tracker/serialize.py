"""Turning data-file dictionaries into records and back, with errors that say where.

One private :class:`cattrs.Converter` (never the global one) does the work, with an
explicit hook for every custom type: EDTF strings become :class:`PartialDate`,
:class:`DateRange` or :class:`DateBetween`; enums are read by value; strings, numbers
and lists are checked strictly instead of coerced (``3`` is not silently ``"3"``, a
string is not a list of characters); unknown keys are errors.

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
from collections.abc import Callable, Mapping
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn

from ._text import close_matches
from .dates import DateBetween, DateRange, PartialDate, When, parse_when
from .exceptions import AgreementTrackerError, DatasetError, FieldValueError
from .model import (
    Agreement,
    Delegation,
    Event,
    FocusArea,
    Meeting,
    Organisation,
    Person,
    Record,
    Series,
    Source,
)

__all__ = ["RECORD_TYPES", "make_converter", "structure_record", "unstructure_record"]

#: The record kinds a dataset holds, by the key used in data files, in canonical order.
RECORD_TYPES: dict[str, type[Any]] = {
    "source": Source,
    "organisation": Organisation,
    "person": Person,
    "focus_area": FocusArea,
    "series": Series,
    "meeting": Meeting,
    "agreement": Agreement,
    "delegation": Delegation,
    "event": Event,
}


class _ShapeError(AgreementTrackerError, ValueError):
    """A value of the wrong shape in a data file (message is shown as is)."""


def _describe(value: object) -> str:
    return f"{type(value).__name__} {value!r}"


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _ShapeError(f"expected text, got {_describe(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _ShapeError(f"expected a whole number, got {_describe(value)}")
    return value


def _structure_when(value: object, _: type) -> When:
    if not isinstance(value, str):
        raise _ShapeError(
            f"expected a quoted EDTF date string such as '2025-11', got {_describe(value)}"
        )
    return parse_when(value)


def _structure_partial(value: object, _: type) -> PartialDate:
    if not isinstance(value, str):
        raise _ShapeError(
            f"expected a quoted date string such as '2025-11', got {_describe(value)}"
        )
    return PartialDate.parse(value)


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    try:
        return kind(value)
    except ValueError:
        choices = [str(member.value) for member in kind]
        close = close_matches(str(value), choices, n=1)
        hint = (
            f"; did you mean {close[0]!r}?"
            if close
            else f"; choose one of {', '.join(map(repr, choices))}"
        )
        article = "an" if kind.__name__[:1] in "AEIOU" else "a"
        raise _ShapeError(f"{value!r} is not {article} {kind.__name__}{hint}") from None


def _is_homogenous_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _strict_tuple_factory(type_: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = homogenous_tuple_structure_factory(type_, converter)

    def structure(value: object, target: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise _ShapeError(f"expected a list, got {_describe(value)}")
        return inner(value, target)

    return structure


def _strict_attrs_factory(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

    def structure(value: object, target: Any) -> Any:
        if not isinstance(value, Mapping):
            raise _ShapeError(f"expected a table, got {_describe(value)}")
        return inner(value, target)

    return structure


def _omit_empty(converter: cattrs.Converter, cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    """Unstructure hook for a record: fields equal to their default are left out."""
    fields = attrs.fields(cls)

    def unstructure(record: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field in fields:
            if cls is Source and field.name == "text":
                continue
            value = getattr(record, field.name)
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            if default is not attrs.NOTHING and value == default:
                continue
            out[field.name] = converter.unstructure(value)
        return out

    return unstructure


def make_converter() -> cattrs.Converter:
    """A new converter configured for the library's records (one per caller; not global).

    >>> conv = make_converter()
    >>> conv.unstructure(PartialDate(2025, 11))
    '2025-11'
    >>> conv.structure("[2025-11-04..2025-11-06]", DateBetween).latest
    Date(2025, 11, 6)
    """
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(PartialDate, _structure_partial)
    for kind in (DateRange, DateBetween):
        converter.register_structure_hook(kind, _structure_when)
    converter.register_structure_hook(When, _structure_when)
    converter.register_structure_hook(When | None, _optional(_structure_when))
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda value: value.value
    )
    converter.register_structure_hook_factory(_is_homogenous_tuple, _strict_tuple_factory)
    converter.register_structure_hook_factory(attrs.has, _strict_attrs_factory)
    converter.register_unstructure_hook_factory(
        lambda t: attrs.has(t), functools.partial(_omit_empty_factory, converter)
    )
    # Registered last so that it wins over the attrs factory above.
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, PartialDate | DateRange | DateBetween),
        lambda value: value.isoformat(),
    )
    return converter


def _omit_empty_factory(converter: cattrs.Converter, cls: type[Any]) -> Callable[[Any], Any]:
    return _omit_empty(converter, cls)


def _optional(hook: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def structure(value: object, type_: Any) -> Any:
        return None if value is None else hook(value, type_)

    return structure


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


def _field_names(cls: type[Any] | None) -> list[str]:
    return [f.name for f in attrs.fields(cls)] if cls is not None and attrs.has(cls) else []


def _flatten(error: BaseException, path: str, cls: type[Any] | None) -> list[str]:
    """One ``message @ path`` line for every leaf of a cattrs exception tree."""
    if isinstance(error, ClassValidationError):
        lines: list[str] = []
        with_notes, without = error.group_exceptions()
        hints = _attribute_types(error.cl)
        for inner, note in with_notes:
            lines += _flatten(inner, f"{path}.{note.name}", hints.get(note.name))
        for inner in without:
            lines += _flatten(inner, path, error.cl)
        return lines
    if isinstance(error, IterableValidationError):
        lines = []
        indexed, loose = error.group_exceptions()
        item = _item_type(cls)
        for inner, index_note in indexed:
            lines += _flatten(inner, f"{path}[{index_note.index}]", item)
        for inner in loose:
            lines += _flatten(inner, path, cls)
        return lines
    if isinstance(error, ForbiddenExtraKeysError):
        known = _field_names(error.cl)
        lines = []
        for key in sorted(error.extra_fields):
            close = close_matches(key, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            lines.append(f"unknown field {key!r}{hint} @ {path}")
        return lines
    if isinstance(error, FieldValueError):
        return [f"{error.message} @ {path}.{error.field}"]
    if isinstance(error, KeyError):
        return [f"required field missing @ {path}"]
    if isinstance(error, AgreementTrackerError):
        return [f"{error} @ {path}"]
    if isinstance(error, TypeError | ValueError | AttributeError):
        return [f"invalid value ({error}) @ {path}"]
    raise error  # pragma: no cover - a bug: let it surface


def _attribute_types(cls: type[Any]) -> dict[str, Any]:
    return {f.name: f.type for f in attrs.fields(cls)} if attrs.has(cls) else {}


def _item_type(type_: Any) -> Any:
    args = get_args(type_)
    return args[0] if args else None


def structure_record(data: Mapping[str, Any], kind: str, *, where: str) -> Record:
    """Build one record of ``kind`` (a key of :data:`RECORD_TYPES`) from a data-file table.

    ``where`` names the file for error messages; the record's ``id`` (when readable) is
    added, so problems read ``message @ file[id].field``.  Raises :class:`DatasetError`
    listing every problem in the record.

    >>> structure_record({"id": "x", "label": "X", "colour": "red"}, "focus_area",
    ...                  where="focus_areas.toml")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DatasetError: 1 problem in the dataset:
      unknown field 'colour' @ focus_areas.toml[x]
    """
    cls = RECORD_TYPES[kind]
    record_id = data.get("id") if isinstance(data, Mapping) else None
    path = f"{where}[{record_id}]" if isinstance(record_id, str) else where
    if not isinstance(data, Mapping):
        raise DatasetError([f"expected a table, got {_describe(data)} @ {path}"])
    try:
        return _converter().structure(dict(data), cls)  # type: ignore[no-any-return]
    except ClassValidationError as error:
        raise DatasetError(_flatten(error, path, cls)) from None
    except AgreementTrackerError as error:
        raise DatasetError([f"{error} @ {path}"]) from None


def unstructure_record(record: Record) -> dict[str, Any]:
    """The data-file table for ``record``: fields at their default are left out.

    >>> from agreement_tracker import FocusArea
    >>> unstructure_record(FocusArea(id="training", label="Training"))
    {'id': 'training', 'label': 'Training'}
    """
    return _converter().unstructure(record)  # type: ignore[no-any-return]
