"""How to cite a dataset as BibTeX or CSL-JSON: the dataset itself, then each source.

:meth:`Tracker.cite` calls these for ``style="bibtex"`` and ``style="csl-json"``.  Text
from the data is escaped for BibTeX (braces, backslashes and the characters TeX treats
specially), and written through :mod:`json` for CSL-JSON.

>>> import agreement_tracker as at
>>> print(bibtex(at.load()).splitlines()[0])
@misc{india-israel-defence-relations-july-2024-november-2025,
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from .datapackage import csl_json

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker
    from agreement_tracker.dates import When

__all__ = ["bibtex", "csl", "escape_bibtex"]

_TEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_TEX = re.compile("|".join(re.escape(c) for c in _TEX_SPECIAL))


def escape_bibtex(text: str) -> str:
    r"""``text`` for a BibTeX field: braces, backslashes and TeX's special characters escaped.

    >>> escape_bibtex("50% of {x} & \\input{y}")
    '50\\% of \\{x\\} \\& \\textbackslash{}input\\{y\\}'
    """
    return _TEX.sub(lambda m: _TEX_SPECIAL[m.group()], " ".join(text.split()))


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "dataset"


def _published_year(published: When | None) -> int | None:
    """The last year a publication date can be in; None when unknown or open-ended."""
    if published is None or published.open_end:
        return None
    return published.latest.year


def _year(tracker: Tracker) -> int | None:
    years = [y for s in tracker.sources if (y := _published_year(s.published)) is not None]
    return max(years) if years else None


def bibtex(tracker: Tracker, *, license: str | None = None) -> str:
    """The dataset as a BibTeX ``@misc`` entry, then one ``@misc`` entry per source.

    >>> import agreement_tracker as at
    >>> text = bibtex(at.load(), license="CC-BY-4.0")
    >>> text.count("@misc{"), "version = {1.2.0}" in text, "license = {CC-BY-4.0}" in text
    (6, True, True)
    """
    fields = {
        "title": tracker.name,
        "version": tracker.data_version,
        "year": str(_year(tracker) or ""),
        "note": tracker.cite().splitlines()[0],
        "license": license or "",
    }
    entries = [_entry(_key(tracker.name), fields)]
    names = {o.id: o.name for o in tracker.organisations}
    for source in tracker.sources:
        published = source.published
        entries.append(
            _entry(
                source.id,
                {
                    "title": source.title or "(untitled)",
                    "author": names.get(source.agency or "", ""),
                    "publisher": names.get(source.publisher or "", ""),
                    "year": str(_published_year(published) or ""),
                    "date": published.isoformat() if published else "",
                    "url": source.url or "",
                },
            )
        )
    return "\n\n".join(entries) + "\n"


def _entry(key: str, fields: dict[str, str]) -> str:
    body = ",\n".join(
        f"  {name} = {{{escape_bibtex(value)}}}" for name, value in fields.items() if value
    )
    return f"@misc{{{key},\n{body}\n}}"


def csl(tracker: Tracker, *, license: str | None = None) -> str:
    """The dataset and its sources as CSL-JSON (a list of items), for reference managers.

    >>> import agreement_tracker as at, json
    >>> items = json.loads(csl(at.load()))
    >>> items[0]["type"], items[0]["version"], [i["id"] for i in items[1:3]]
    ('dataset', '1.2.0', ['ani-2025-07-24', 'exam-2025-11'])
    """
    year = _year(tracker)
    item: dict[str, Any] = {
        "id": _key(tracker.name),
        "type": "dataset",
        "title": tracker.name,
        "version": tracker.data_version,
        "note": tracker.cite().splitlines()[0],
    }
    if year is not None:
        item["issued"] = {"date-parts": [[year]]}
    if license:
        item["license"] = license
    return json.dumps([item, *csl_json(tracker)], ensure_ascii=False, indent=2) + "\n"
