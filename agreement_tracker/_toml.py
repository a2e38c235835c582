"""TOML for datasets: the canonical writer, and the bound checked before ``tomllib`` reads.

The writer handles exactly the shapes the library writes (strings, whole numbers that
fit in 64 bits, lists, tables, arrays of tables); the result reads back equal with
``tomllib``.

``tomllib`` spends time and memory quadratic in the number of parts of a dotted key
(``a.b.c... = 1``, or a ``[a.b.c...]`` header): 80 KB of one such key takes gigabytes.
No dataset needs more than a few parts, so :func:`deep_key` finds, in one linear pass,
a key of more than :data:`MAX_KEY_PARTS` parts before the text is parsed.

>>> print(toml_dumps({"dataset": {"name": "x"}, "meeting": [{"id": "m", "number": 5}]}))
[dataset]
name = "x"
<BLANKLINE>
[[meeting]]
id = "m"
number = 5
<BLANKLINE>
>>> deep_key("a.b.c = 1"), deep_key(".".join(["a"] * 100) + " = 1")
(None, 1)
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from .exceptions import DatasetError

__all__ = ["MAX_KEY_PARTS", "deep_key", "toml_dumps"]

#: The most parts a dotted key or table header may have (datasets use at most four).
MAX_KEY_PARTS = 16

_PART = r"""(?:[A-Za-z0-9_-]++|"[^"\n]*+"|'[^'\n]*+')"""
#: A run of more than MAX_KEY_PARTS key-like parts joined by dots.  It is looked for
#: everywhere, strings included, so no quoting can hide a key from it; natural text
#: has no such run (a dotted word of 17 parts).
_DEEP = re.compile(rf"(?<![A-Za-z0-9_-]){_PART}(?:[ \t]*\.[ \t]*{_PART}){{{MAX_KEY_PARTS},}}")

#: The whole numbers TOML can hold (64-bit signed).
_INT_RANGE = range(-(2**63), 2**63)


def deep_key(text: str) -> int | None:
    r"""The line of the first dotted key with over :data:`MAX_KEY_PARTS` parts, else None.

    >>> deep_key('title = "a.b"\n' + "x." * 20 + "y = 1")
    2
    """
    match = _DEEP.search(text)
    return None if match is None else text.count("\n", 0, match.start()) + 1


def _toml_string(text: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes; TOML also forbids DEL.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def _toml_value(value: Any, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if value not in _INT_RANGE:
            digits = len(str(abs(value))) if value.bit_length() < 14_000 else None
            size = f"{digits}-digit" if digits else "very large"
            raise DatasetError(
                [f"a {size} whole number does not fit in TOML's 64-bit integers @ {where}"]
            )
        return str(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v, f"{where}[{i}]") for i, v in enumerate(value)) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = ", ".join(
            f"{_toml_key(k)} = {_toml_value(v, f'{where}.{k}')}" for k, v in value.items()
        )
        return "{ " + inner + " }"
    raise TypeError(f"cannot write {type(value).__name__} {value!r} as TOML")


def _toml_key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
    return key if bare else _toml_string(key)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _assignment(key: str, value: Any, indent: str, where: str) -> list[str]:
    """``key = value``; a long list of values goes one item a line, for small diffs."""
    line = f"{indent}{_toml_key(key)} = {_toml_value(value, where)}"
    if isinstance(value, list) and len(line) > 88 and len(value) > 1:
        items = [f"{indent}    {_toml_value(v, f'{where}[{i}]')}," for i, v in enumerate(value)]
        return [f"{indent}{_toml_key(key)} = [", *items, f"{indent}]"]
    return [line]


def _item_where(where: str, index: int, item: Mapping[str, Any]) -> str:
    """Where an item of an array of tables is: ``meeting[jwg-16]``, else ``meeting[3]``."""
    label = item.get("id")
    return f"{where}[{label if isinstance(label, str) else index}]"


def _emit_table(
    lines: list[str], header: str, table: Mapping[str, Any], where: str, depth: int = 0
) -> None:
    indent = "  " * depth
    for key, value in table.items():
        if not _is_table_list(value):
            lines.extend(_assignment(key, value, indent, f"{where}.{key}"))
    for key, value in table.items():
        if _is_table_list(value):
            inner = "  " * (depth + 1)
            for index, item in enumerate(value):
                lines.append("")
                lines.append(f"{inner}[[{header}.{_toml_key(key)}]]")
                place = _item_where(f"{where}.{key}", index, item)
                _emit_table(lines, f"{header}.{_toml_key(key)}", item, place, depth + 1)


def toml_dumps(doc: Mapping[str, Any]) -> str:
    r"""Write a dataset document as TOML: plain keys, then ``[[kind]]`` tables.

    A whole number beyond 64 bits, which TOML cannot hold, raises
    :class:`~agreement_tracker.DatasetError` naming where it is.

    >>> text = toml_dumps({"focus_area": [{"id": "ai", "label": 'AI "x"', "synonyms": ["a"]}]})
    >>> import tomllib; tomllib.loads(text)
    {'focus_area': [{'id': 'ai', 'label': 'AI "x"', 'synonyms': ['a']}]}
    >>> toml_dumps({"meeting": [{"id": "m", "number": 2**64}]})
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DatasetError: 1 problem in the dataset:
      a 20-digit whole number does not fit in TOML's 64-bit integers @ meeting[m].number
    """
    lines: list[str] = []
    plain = {k: v for k, v in doc.items() if not _is_table_list(v) and not isinstance(v, dict)}
    for key, value in plain.items():
        lines.append(f"{_toml_key(key)} = {_toml_value(value, key)}")
    for key, value in doc.items():
        if isinstance(value, dict):
            if lines:
                lines.append("")
            lines.append(f"[{_toml_key(key)}]")
            _emit_table(lines, _toml_key(key), value, key)
    for key, value in doc.items():
        if _is_table_list(value):
            for index, item in enumerate(value):
                if lines:
                    lines.append("")
                lines.append(f"[[{_toml_key(key)}]]")
                _emit_table(lines, _toml_key(key), item, _item_where(key, index, item))
    return "\n".join(lines) + "\n"
