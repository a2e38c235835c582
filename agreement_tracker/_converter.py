"""The one cattrs converter behind :mod:`agreement_tracker.serialize` (imported on demand).

It writes records (fields at their default left out, a source's text never written) and,
when the fast reader in :mod:`~agreement_tracker.serialize` refuses a table, reads it
again with detailed validation; :func:`cattrs.transform_error` then turns what went wrong
into one ``message @ location`` line per problem.  It is configured once, here, and is
never cattrs' global converter.

>>> from agreement_tracker.dates import DateBetween, PartialDate
>>> CONVERTER.unstructure(PartialDate(2025, 11))
'2025-11'
>>> CONVERTER.structure("[2025-11-04..2025-11-06]", DateBetween).latest
Date(2025, 11, 6)
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import AttributeValidationNote, ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._text import close_matches
from .dates import DateBetween, DateRange, PartialDate, When, parse_when
from .exceptions import AgreementTrackerError, DatasetError, FieldValueError
from .model import Source

__all__ = ["CONVERTER", "structure_detailed"]


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


def _structure_optional_when(value: object, type_: type) -> When | None:
    return None if value is None else _structure_when(value, type_)


def _structure_partial(value: object, _: type) -> PartialDate:
    if not isinstance(value, str):
        raise _ShapeError(
            f"expected a quoted date string such as '2025-11', got {_describe(value)}"
        )
    return PartialDate.parse(value)


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


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


def _strict_tuple(type_: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The tuple hook of cattrs, refusing a string or a table (which it would iterate)."""
    inner = homogenous_tuple_structure_factory(type_, converter)

    def structure(value: object, target: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise _ShapeError(f"expected a list, got {_describe(value)}")
        return inner(value, target)

    return structure


def _strict_attrs(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The hook of cattrs for a record class, refusing a non-table, locating every problem.

    A check that fails while the record is made raises a :class:`FieldValueError`
    naming its field: it is noted with that field, so that its location ends in it.
    Several unknown keys are reported one by one.
    """
    inner = make_dict_structure_fn(cls, converter)

    def structure(value: object, target: Any) -> Any:
        if not isinstance(value, Mapping):
            raise _ShapeError(f"expected a table, got {_describe(value)}")
        try:
            return inner(value, target)
        except ClassValidationError as error:
            problems: list[Exception] = []
            for problem in error.exceptions:
                if isinstance(problem, ForbiddenExtraKeysError):
                    problems += [
                        ForbiddenExtraKeysError("", problem.cl, {key})
                        for key in sorted(problem.extra_fields)
                    ]
                    continue
                if isinstance(problem, FieldValueError) and not hasattr(problem, "__notes__"):
                    problem.add_note(AttributeValidationNote(problem.field, problem.field, None))
                problems.append(problem)
            raise ClassValidationError(error.message, problems, cls) from None

    return structure


def _unstructure_attrs(cls: type[Any], converter: cattrs.Converter) -> Callable[[Any], Any]:
    """The hook of cattrs for writing a record class, keeping the fields in their order.

    cattrs writes the fields without a default first; data files list them as the class
    does.  A source's text is left out: it lives in its own file.
    """
    if cls is Source:
        inner = make_dict_unstructure_fn(
            cls, converter, _cattrs_omit_if_default=True, text=override(omit=True)
        )
    else:
        inner = make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
    names = [f.name for f in attrs.fields(cls)]

    def unstructure(record: Any) -> dict[str, Any]:
        table = inner(record)
        return {name: table[name] for name in names if name in table}

    return unstructure


def _make() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(PartialDate, _structure_partial)
    for when in (DateRange, DateBetween, When):
        converter.register_structure_hook(when, _structure_when)
    converter.register_structure_hook(When | None, _structure_optional_when)
    converter.register_structure_hook_func(_is_enum, _structure_enum)
    converter.register_structure_hook_factory(_is_homogenous_tuple, _strict_tuple)
    converter.register_structure_hook_factory(attrs.has, _strict_attrs)
    for date_kind in (PartialDate, DateRange, DateBetween):
        converter.register_unstructure_hook(date_kind, date_kind.isoformat)
    converter.register_unstructure_hook_factory(attrs.has, _unstructure_attrs)
    return converter


#: The library's converter: strict reading with detailed errors, writing without defaults.
CONVERTER = _make()


def _message(error: BaseException, _: type | None) -> str:
    """The text of one problem, before its location (for :func:`cattrs.transform_error`)."""
    if isinstance(error, ForbiddenExtraKeysError):
        (key,) = error.extra_fields
        known = [f.name for f in attrs.fields(error.cl)]
        close = close_matches(key, known, n=1)
        return f"unknown field {key!r}" + (f"; did you mean {close[0]!r}?" if close else "")
    if isinstance(error, FieldValueError):
        return error.message
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, AgreementTrackerError):
        return str(error)
    if isinstance(error, TypeError | ValueError | AttributeError):
        return f"invalid value ({error})"
    raise error  # pragma: no cover - a bug: let it surface


def structure_detailed(data: Mapping[str, Any], cls: type[Any], path: str) -> Any:
    """``cls`` from ``data``, or :class:`DatasetError` listing every problem at ``path``.

    >>> from agreement_tracker import FocusArea
    >>> structure_detailed({"id": "x", "label": 3}, FocusArea, "focus_areas.toml[x]")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DatasetError: 1 problem in the dataset:
      expected text, got int 3 @ focus_areas.toml[x].label
    """
    try:
        return CONVERTER.structure(data, cls)
    except (ClassValidationError, AgreementTrackerError) as error:
        raise DatasetError(cattrs.transform_error(error, path, _message)) from None
