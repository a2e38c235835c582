"""The focus-area vocabulary: ids, labels, synonyms, a hierarchy and forgiving look-up.

Sources write "AI" and "Artificial Intelligence", "cybersecurity" and "Cyber Security",
and even "Research and Develoment".  A :class:`Vocabulary` maps all of them to one
:class:`FocusArea`, and knows that an umbrella such as "emerging technologies" contains
AI, cyber security, unmanned systems and electronic warfare.

>>> import agreement_tracker as at
>>> vocab = at.load().focus_areas
>>> vocab.lookup("cybersecurity").label
'Cyber Security'
>>> vocab.lookup("AI").id
'artificial-intelligence'
>>> [a.id for a in vocab.children("emerging-technologies")]
['artificial-intelligence', 'cyber-security', 'electronic-warfare', 'unmanned-systems']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from ._text import close_matches
from .exceptions import ArgumentTypeError, UnknownRecordError
from .model import FocusArea

__all__ = ["Vocabulary", "normalise_term", "problems"]

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise_term(term: str) -> str:
    """The key terms are compared by: case-folded, ``&`` read as "and", punctuation and spaces dropped.

    Letters, digits and the marks written on letters are kept, in any script (NFKC, so
    that full-width and composed forms compare as their plain equivalents); everything
    else, including zero-width and other format characters, is dropped.

    >>> normalise_term("Cyber-Security") == normalise_term("cybersecurity")
    True
    >>> normalise_term("R&D")
    'randd'
    >>> normalise_term("साइबर सुरक्षा"), normalise_term("Sécurité  Cyber")
    ('साइबरसुरक्षा', 'sécuritécyber')
    """
    if term.isascii():
        return _NON_WORD.sub("", term.lower().replace("&", " and "))
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", term).casefold())
    kept = "".join(
        char for char in folded.replace("&", " and ") if unicodedata.category(char)[0] in "LMN"
    )
    return unicodedata.normalize("NFKC", kept)


class Vocabulary:
    """An immutable, ordered set of :class:`FocusArea` terms with look-up by any name.

    Terms are kept in the order given.  Look-ups ignore case, spaces, hyphens and
    punctuation and treat ``&`` as "and"; :meth:`get` returns a default when nothing
    matches and :meth:`lookup` raises :class:`UnknownRecordError` with close matches.

    The constructor assumes a consistent vocabulary (unique ids and names, parents that
    exist, no cycles); :func:`problems` lists what is wrong with one that is not.

    >>> vocab = Vocabulary([FocusArea(id="cyber-security", label="Cyber Security",
    ...                               synonyms=("cybersecurity",))])
    >>> vocab.get("Cyber security").id
    'cyber-security'
    >>> vocab.get("space") is None
    True
    >>> vocab.lookup("cyber securty")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.UnknownRecordError: no focus area 'cyber securty'; did you mean 'Cyber Security'?
    """

    __slots__ = ("_by_id", "_by_key", "_children", "_descendants", "_exact", "_order")

    def __init__(self, areas: Iterable[FocusArea]) -> None:
        self._order: tuple[FocusArea, ...] = tuple(areas)
        self._by_id = {area.id: area for area in self._order}
        self._by_key: dict[str, FocusArea] = {}
        for area in self._order:
            for name in (area.id, *area.names):
                self._by_key.setdefault(normalise_term(name), area)
        # Each name exactly as written, answering as its normalised form does: a query
        # that names a term as the data does skips normalising.
        self._exact = {
            name: self._by_key[normalise_term(name)]
            for area in self._order
            for name in (area.id, *area.names)
        }
        self._descendants: dict[str, tuple[FocusArea, ...]] = {}
        children: dict[str, list[FocusArea]] = {area.id: [] for area in self._order}
        for area in self._order:
            for parent in area.parents:
                children.setdefault(parent, []).append(area)
        self._children = {
            key: tuple(sorted(value, key=lambda a: a.id)) for key, value in children.items()
        }

    def __iter__(self) -> Iterator[FocusArea]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.get(term) is not None

    def __repr__(self) -> str:
        return f"<Vocabulary of {len(self)} focus areas>"

    def get(self, term: str, default: FocusArea | None = None) -> FocusArea | None:
        """The term whose id, label or synonym matches ``term``, else ``default``.

        >>> import agreement_tracker as at
        >>> at.load().focus_areas.get("Research and Develoment").label
        'Research and Development'
        """
        found = self._exact.get(term)
        if found is not None:
            return found
        return self._by_key.get(normalise_term(term), default)

    def lookup(self, term: str) -> FocusArea:
        """The term matching ``term``; raises :class:`UnknownRecordError` with close matches.

        >>> import agreement_tracker as at
        >>> at.load().focus_areas.lookup("artifical inteligence").id
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.UnknownRecordError: no focus area 'artifical inteligence'; did you mean 'Artificial Intelligence'?
        """
        if not isinstance(term, str):
            raise ArgumentTypeError(
                f"a focus area is named by a str, got {type(term).__name__} {term!r}"
            )
        found = self.get(term)
        if found is None:
            labels = ", ".join(area.label for area in self)
            raise UnknownRecordError(
                "focus area", term, self.suggest(term), hint=f"the vocabulary has: {labels}"
            )
        return found

    def suggest(self, term: str, n: int = 3) -> tuple[str, ...]:
        """Up to ``n`` labels close to ``term``, best first (for error messages).

        >>> import agreement_tracker as at
        >>> at.load().focus_areas.suggest("cyber")
        ('Cyber Security',)
        """
        names = {normalise_term(name): area.label for area in self for name in area.names}
        keys = close_matches(normalise_term(term), list(names), n=n * 3)
        labels: list[str] = []
        for key in keys:
            if names[key] not in labels:
                labels.append(names[key])
        return tuple(labels[:n])

    def children(self, term: str | FocusArea) -> tuple[FocusArea, ...]:
        """The terms directly under ``term``, sorted by id.

        >>> import agreement_tracker as at
        >>> [a.id for a in at.load().focus_areas.children("emerging-technologies")]
        ['artificial-intelligence', 'cyber-security', 'electronic-warfare', 'unmanned-systems']
        """
        area = self._resolve(term)
        return self._children.get(area.id, ())

    def descendants(self, term: str | FocusArea) -> tuple[FocusArea, ...]:
        """``term`` itself followed by every term below it, depth first.

        >>> import agreement_tracker as at
        >>> [a.id for a in at.load().focus_areas.descendants("AI")]
        ['artificial-intelligence']
        """
        area = self._resolve(term)
        known = self._descendants.get(area.id)
        if known is not None and known[0] is area:
            return known
        found: list[FocusArea] = []
        stack = [area]
        while stack:
            current = stack.pop()
            if current in found:
                continue
            found.append(current)
            stack.extend(reversed(self._children.get(current.id, ())))
        self._descendants[area.id] = answer = tuple(found)
        return answer

    def ancestors(self, term: str | FocusArea) -> tuple[FocusArea, ...]:
        """Every broader term above ``term``, nearest first.

        >>> import agreement_tracker as at
        >>> [a.id for a in at.load().focus_areas.ancestors("cybersecurity")]
        ['emerging-technologies']
        """
        area = self._resolve(term)
        found: list[FocusArea] = []
        queue = [self._by_id[p] for p in area.parents if p in self._by_id]
        while queue:
            current = queue.pop(0)
            if current not in found:
                found.append(current)
                queue.extend(self._by_id[p] for p in current.parents if p in self._by_id)
        return tuple(found)

    def _resolve(self, term: str | FocusArea) -> FocusArea:
        return term if isinstance(term, FocusArea) else self.lookup(term)


def problems(areas: Iterable[FocusArea]) -> list[tuple[str, str, str]]:
    """Every inconsistency in ``areas`` as ``(term id, field, message)`` triples.

    Checks that names do not collide between terms, that parents exist and that the
    hierarchy has no cycle.

    >>> problems([FocusArea(id="a", label="A", parents=("b",))])
    [('a', 'parents', "unknown focus area 'b'")]
    """
    found: list[tuple[str, str, str]] = []
    areas = tuple(areas)
    by_id = {area.id: area for area in areas}
    owner: dict[str, str] = {}
    seen_ids: set[str] = set()
    for area in areas:
        if area.id in seen_ids:
            found.append((area.id, "id", f"duplicate focus area id {area.id!r}"))
            continue
        seen_ids.add(area.id)
        for field, names in (
            ("id", (area.id,)),
            ("label", (area.label,)),
            ("synonyms", area.synonyms),
        ):
            for name in names:
                key = normalise_term(name)
                if not key:
                    found.append((area.id, field, f"{name!r} has no letters or digits"))
                elif owner.setdefault(key, area.id) != area.id:
                    found.append((area.id, field, f"{name!r} is already a name of {owner[key]!r}"))
        for parent in area.parents:
            if parent not in by_id:
                close = close_matches(parent, list(by_id), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                found.append((area.id, "parents", f"unknown focus area {parent!r}{hint}"))
    for area in areas:
        seen = {area.id}
        stack = [p for p in area.parents if p in by_id]
        while stack:
            current = stack.pop()
            if current == area.id:
                found.append((area.id, "parents", "the hierarchy loops back to this term"))
                break
            if current not in seen:
                seen.add(current)
                stack.extend(p for p in by_id[current].parents if p in by_id)
    return found
