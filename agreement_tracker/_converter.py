"""The cattrs converter behind :mod:`agreement_tracker.serialize` (imported on demand).

Used to write records and, when the fast reader in :mod:`~agreement_tracker.serialize`
meets a bad record, to re-read it with detailed validation so that every problem is
reported with its location.
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
    Source,
)

__all__ = ["flatten_errors", "make_converter", "structure_detailed"]


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

    >>> from agreement_tracker.dates import DateBetween, PartialDate
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
    converter.register_unstructure_hook_factory(attrs.has, lambda cls: _omit_empty(converter, cls))
    # Registered last so that it wins over the attrs factory above.
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, PartialDate | DateRange | DateBetween),
        lambda value: value.isoformat(),
    )
    return converter


def _optional(hook: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def structure(value: object, type_: Any) -> Any:
        return None if value is None else hook(value, type_)

    return structure


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


def _field_names(cls: type[Any] | None) -> list[str]:
    return [f.name for f in attrs.fields(cls)] if cls is not None and attrs.has(cls) else []


def flatten_errors(error: BaseException, path: str, cls: type[Any] | None) -> list[str]:
    """One ``message @ path`` line for every leaf of a cattrs exception tree."""
    if isinstance(error, ClassValidationError):
        lines: list[str] = []
        with_notes, without = error.group_exceptions()
        hints = _attribute_types(error.cl)
        for inner, note in with_notes:
            lines += flatten_errors(inner, f"{path}.{note.name}", hints.get(note.name))
        for inner in without:
            lines += flatten_errors(inner, path, error.cl)
        return lines
    if isinstance(error, IterableValidationError):
        lines = []
        indexed, loose = error.group_exceptions()
        item = _item_type(cls)
        for inner, index_note in indexed:
            lines += flatten_errors(inner, f"{path}[{index_note.index}]", item)
        for inner in loose:
            lines += flatten_errors(inner, path, cls)
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


def structure_detailed(data: dict[str, Any], cls: type[Any], path: str) -> Any:
    """Structure with cattrs' detailed validation; raise :class:`DatasetError` with locations."""
    try:
        return _converter().structure(data, cls)
    except ClassValidationError as error:
        raise DatasetError(flatten_errors(error, path, cls)) from None
    except AgreementTrackerError as error:
        raise DatasetError([f"{error} @ {path}"]) from None


def unstructure(record: Any) -> dict[str, Any]:
    """Unstructure a record with the private converter."""
    return _converter().unstructure(record)  # type: ignore[no-any-return]
