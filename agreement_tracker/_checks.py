"""Checks across records: reused ids, references that resolve, quotes found verbatim.

Used when a :class:`~agreement_tracker.Tracker` is built and by
:func:`~agreement_tracker.validate`.  Each problem reads ``message @ file[id].field``.

>>> import agreement_tracker as at
>>> cross_problems(at.load().all_records(), {})
[]
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._kinds import BY_CLASS, KINDS, NESTED, REFERENCES
from ._text import close_matches, name_key, normalise_quote, normalise_text, or_list, path_key
from .model import Citation, Record
from .vocabulary import problems as vocabulary_problems

__all__ = ["all_citations", "cross_problems"]


def all_citations(record: Any) -> list[Citation]:
    """Every citation of a record: its own, its claims' and its nested values'.

    Nested values are roles, engagements, links, quantities and the like.

    >>> import agreement_tracker as at
    >>> len(all_citations(at.load().person("amir-baram"))) > 1
    True
    """
    found = list(record.citations)
    found += [claim.citation for claim in getattr(record, "claims", ())]
    for field in NESTED.get(type(record), ()):
        for inner in getattr(record, field):
            found += all_citations(inner)
    return found


def _where_it_breaks(quote: str, text: str) -> str:
    """Where a quote stops matching its source, when a good part of it does match."""
    low, high = 0, len(quote)  # the longest prefix found in the text: low
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    if low < 12:
        return ""
    after = text.find(quote[:low]) + low
    return (
        f" (the source has {_shorten(quote[:low], 40, left=True)!r} but then "
        f"{text[after : after + 20]!r}, not {quote[low : low + 20]!r})"
    )


def _shorten(text: str, width: int = 60, *, left: bool = False) -> str:
    text = normalise_text(text)
    if len(text) <= width:
        return text
    return "…" + text[1 - width :] if left else text[: width - 1] + "…"


class _Checker:
    """The ids of every kind and the problems found so far, with ways to add one."""

    def __init__(
        self,
        by_kind: Mapping[str, list[Any]],
        origins: Mapping[str, str],
        assume: Mapping[str, set[str] | None],
    ) -> None:
        self.origins = origins
        self.problems: list[str] = []
        self.ids = {key: {r.id for r in records} for key, records in by_kind.items()}
        self.anything = {key for key, assumed in assume.items() if assumed is None}
        for key, assumed in assume.items():
            self.ids[key] |= assumed or set()
        self.ids["record"] = set().union(*self.ids.values())
        if self.anything:
            self.anything.add("record")
        self.texts = {s.id: normalise_quote(s.text) for s in by_kind["source"]}
        self.by_kind = by_kind

    @functools.cached_property
    def names(self) -> dict[str, dict[str, str]]:
        """Each kind's records' ids by their names and labels (made only for a problem)."""
        found: dict[str, dict[str, str]] = {}
        for key, records in self.by_kind.items():
            for record in records:
                names = [getattr(record, a, None) for a in ("name", "label", "short_name")]
                names += list(getattr(record, "aliases", ())) + list(
                    getattr(record, "synonyms", ())
                )
                for name in names:
                    if name:
                        found.setdefault(key, {}).setdefault(name_key(name), record.id)
        return found

    def where(self, record_id: str, field: str) -> str:
        return f"{self.origins.get(record_id, '<memory>')}[{record_id}].{field}"

    def ref(self, record_id: str, field: str, kind: str, value: str | None) -> None:
        """Report ``value`` unless it is the id of a record of ``kind`` (or None)."""
        if kind == "record" and value == record_id:
            self.problems.append(
                f"{record_id!r} links to itself; name another record @ {self.where(record_id, field)}"
            )
            return
        if value is None or value in self.ids[kind] or kind in self.anything:
            return
        named = self.names.get(kind, {}).get(name_key(value))
        hint = [named] if named else close_matches(value, self.ids[kind])
        suffix = f"; did you mean {hint[0]!r}?" if hint else ""
        if named:
            suffix += " (a name of it; give the id)"
        label = KINDS[kind].label if kind in KINDS else kind
        self.problems.append(f"unknown {label} {value!r}{suffix} @ {self.where(record_id, field)}")

    def refs(self, record_id: str, field: str, kind: str, values: Sequence[str]) -> None:
        for index, value in enumerate(values):
            self.ref(record_id, f"{field}[{index}]", kind, value)

    def cites(self, record_id: str, field: str, citations: Iterable[Citation]) -> None:
        """Report each citation whose source is unknown or whose quote is not in it."""
        for index, citation in enumerate(citations):
            text = self.texts.get(citation.source)
            if text is None:
                self.ref(record_id, f"{field}[{index}].source", "source", citation.source)
            elif (quote := normalise_quote(citation.quote)) not in text:
                self.problems.append(
                    f"quote not found verbatim in source {citation.source!r}: "
                    f"{_shorten(quote)!r}{_where_it_breaks(quote, text)} @ "
                    f"{self.where(record_id, f'{field}[{index}].quote')}"
                )


def cross_problems(
    records: Iterable[Record],
    origins: Mapping[str, str],
    *,
    assume: Mapping[str, set[str] | None] | None = None,
) -> list[str]:
    """Every cross-record problem: duplicate ids, unresolved references, quotes not found.

    ``assume`` names ids (by record-kind key, e.g. ``"person"``) to treat as existing:
    records that failed to load, so that references to them are not reported twice;
    ``None`` for a kind means any id of that kind.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> cross_problems([t.meeting("jwg-17")], {"jwg-17": "meetings.toml"})[0]
    "unknown source 'report-2025-11-05' @ meetings.toml[jwg-17].citations[0].source"
    >>> cross_problems([t.meeting("jwg-17")], {}, assume={"source": None, "person": None,
    ...                "focus_area": None})
    ["unknown series 'jwg' @ <memory>[jwg-17].series"]
    """
    by_kind: dict[str, list[Any]] = {key: [] for key in KINDS}
    for record in records:
        by_kind[BY_CLASS[type(record)].key].append(record)
    check = _Checker(by_kind, origins, assume or {})
    check.problems += _reused_ids(by_kind, check)
    for group in by_kind.values():
        for record in group:
            check.cites(record.id, "citations", record.citations)
            for index, claim in enumerate(record.claims):
                check.cites(record.id, f"claims[{index}].citation", (claim.citation,))
    _references(by_kind, check)
    for area_id, field, message in vocabulary_problems(by_kind["focus_area"]):
        check.problems.append(f"{message} @ {check.where(area_id, field)}")
    return check.problems


def _reused_ids(by_kind: Mapping[str, list[Any]], check: _Checker) -> list[str]:
    owner: dict[str, str] = {}
    found = []
    for key, group in by_kind.items():
        for record in group:
            if record.id in owner:
                found.append(
                    f"duplicate id {record.id!r} (already used by a {owner[record.id]}) "
                    f"@ {check.where(record.id, 'id')}"
                )
            owner.setdefault(record.id, KINDS[key].label)
    return found


def _references(by_kind: Mapping[str, list[Any]], check: _Checker) -> None:
    """Report every reference that does not resolve and every series number used twice."""
    numbered: dict[tuple[str, int], list[str]] = defaultdict(list)
    for meeting in by_kind["meeting"]:
        if meeting.series and meeting.number is not None:
            numbered[meeting.series, meeting.number].append(meeting.id)
    for key, group in by_kind.items():
        for record in group:
            _check_references(check, record.id, record, "")
            if key == "meeting":
                same = numbered.get((record.series, record.number), [])
                others = [m for m in same if m != record.id]
                if others:
                    check.problems.append(
                        f"{record.series} number {record.number} is also used by "
                        f"{or_list(others)} @ {check.where(record.id, 'number')}"
                    )
        if key == "organisation":
            check.problems += _parent_cycles(group, check)
        if key == "source":
            check.problems += _shared_texts(group, check)


def _check_references(check: _Checker, record_id: str, value: Any, prefix: str) -> None:
    """Check the references of ``value`` (a record or a nested value) and of what it nests."""
    for field, kind in REFERENCES.get(type(value), {}).items():
        target = getattr(value, field)
        if isinstance(target, tuple):
            check.refs(record_id, prefix + field, kind, target)
        else:
            check.ref(record_id, prefix + field, kind, target)
    for field in NESTED.get(type(value), ()):
        for index, inner in enumerate(getattr(value, field)):
            where = f"{prefix}{field}[{index}]"
            _check_references(check, record_id, inner, where + ".")
            check.cites(record_id, where + ".citations", inner.citations)


def _shared_texts(sources: Sequence[Any], check: _Checker) -> list[str]:
    """Two sources that name one text file (compared as a file system may compare them)."""
    owner: dict[str, str] = {}
    found = []
    for source in sources:
        first = owner.setdefault(path_key(source.text_file), source.id)
        if first != source.id:
            found.append(
                f"text file {source.text_file!r} is also the text of source {first!r}; "
                f"give each source its own file @ {check.where(source.id, 'text_file')}"
            )
    return found


def _parent_cycles(organisations: Sequence[Any], check: _Checker) -> list[str]:
    """An organisation that is its own parent, directly or through others."""
    parent = {org.id: org.parent for org in organisations}
    found = []
    for org in organisations:
        seen = [org.id]
        up = org.parent
        while up is not None and up in parent and up not in seen:
            seen.append(up)
            up = parent[up]
        if up == org.id:
            chain = " -> ".join([*seen, org.id])
            found.append(
                f"organisation parents form a cycle: {chain} @ {check.where(org.id, 'parent')}"
            )
    return found
