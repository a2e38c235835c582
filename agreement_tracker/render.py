"""Tables: one object that prints as text, displays as HTML in Jupyter and exports Markdown.

A :class:`Table` holds a title, column headers and rows of plain strings.  ``print()``
gives a text table, Jupyter calls :meth:`Table._repr_html_` (every cell escaped), and
:meth:`Table.table` accepts any ``tabulate`` format.  ``tabulate`` itself is imported
only when a table is first rendered.

>>> table = Table(["id", "date"], [["jwg-16", "2024-07"], ["jwg-17", "2025-11-04"]])
>>> print(table)
id      date
------  ----------
jwg-16  2024-07
jwg-17  2025-11-04
>>> print(table.to_markdown())
| id     | date       |
|--------|------------|
| jwg-16 | 2024-07    |
| jwg-17 | 2025-11-04 |
"""

from __future__ import annotations

import csv
import html
import io
import re
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._index import TimelineEntry
from ._kinds import BY_CLASS, TABLES
from ._text import close_matches
from .countries import NAMES as COUNTRY_NAMES
from .exceptions import ArgumentError
from .model import (
    Delegation,
    Discrepancy,
    Person,
)

if TYPE_CHECKING:
    from .dataset import Tracker
    from .dates import When

__all__ = [
    "COLUMNS",
    "CSV_FORMATS",
    "REFUSED_FORMATS",
    "Column",
    "Table",
    "check_format",
    "citations_table",
    "date_text",
    "escape_markdown",
    "formula_safe",
    "organisation_name",
    "people_text",
    "place_text",
    "records_table",
    "strip_controls",
    "table_formats",
]

#: Markdown formats: cells are escaped here (tabulate passes them raw).
_MARKDOWN_FORMATS = {"github", "pipe"}
#: Formats that would pass data through as markup, commands or cell separators, so that
#: text from a dataset could forge cells and rows, include files or inject markup.
REFUSED_FORMATS = frozenset(
    {
        "unsafehtml",
        "rst",
        "latex_raw",
        "mediawiki",
        "jira",
        "moinmoin",
        "textile",
        "asciidoc",
        "orgtbl",
        "youtrack",
        "psql",
        "presto",
        "colon_grid",
    }
)
#: Formats written with :mod:`csv` (quoted as needed, formula-leading cells neutralised).
CSV_FORMATS = {"csv": ",", "tsv": "\t"}

_CONTROL = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.)?|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
_MARKDOWN_SPECIAL = re.compile(r"([\\\[\]()!|])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def strip_controls(text: str) -> str:
    r"""``text`` without terminal escape sequences and control characters (tab, newline kept).

    >>> strip_controls("ok\x1b]0;title\x07 \x1b[2Jdone\x85")
    'ok done'
    """
    return _CONTROL.sub("", text)


def escape_markdown(text: str) -> str:
    r"""Escape a cell for a Markdown table: markup, links, images, ``|`` and newlines.

    ``<``, ``>`` and ``&`` become entities; ``[ ] ( ) ! |`` and the backslash get a
    backslash, so text from data never becomes a link or an image or splits a cell.

    >>> escape_markdown("<script>alert('x')</script> | y")
    "&lt;script&gt;alert\\('x'\\)&lt;/script&gt; \\| y"
    >>> escape_markdown("[x](javascript:alert(1)) ![i](http://e/i.png)")
    '\\[x\\]\\(javascript:alert\\(1\\)\\) \\!\\[i\\]\\(http://e/i.png\\)'
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return escaped.replace("\r\n", "<br>").replace("\n", "<br>")


def formula_safe(text: str) -> str:
    """A CSV cell that no spreadsheet reads as a formula: a leading ``= + - @`` gets a ``'``.

    The rule is OWASP's for CSV injection (tab and carriage return count too).

    >>> formula_safe("=HYPERLINK(1)"), formula_safe("-5"), formula_safe("India")
    ("'=HYPERLINK(1)", "'-5", 'India')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


class Table:
    """A titled table of strings that renders as text, HTML or any ``tabulate`` format.

    ``wrap`` is the width at which long cells wrap in text output (``None``: never).

    >>> t = Table(["name"], [["<b>x</b>"]], title="People")
    >>> t.columns, len(t)
    (('name',), 1)
    >>> t
    People
    <BLANKLINE>
    name
    --------
    <b>x</b>
    >>> "&lt;b&gt;x&lt;/b&gt;" in t._repr_html_()
    True
    """

    __slots__ = ("_columns", "_rows", "title", "wrap")

    def __init__(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[object]],
        *,
        title: str | None = None,
        wrap: int | None = 40,
    ) -> None:
        self._columns = tuple(strip_controls(str(c)) for c in columns)
        cells = [
            tuple("" if cell is None else strip_controls(str(cell)) for cell in row) for row in rows
        ]
        for index, row in enumerate(cells):
            if len(row) != len(self._columns):
                raise ArgumentError(
                    f"row {index} has {len(row)} cells but the table has "
                    f"{len(self._columns)} columns"
                )
        self._rows = tuple(cells)
        self.title = None if title is None else strip_controls(title)
        self.wrap = wrap

    @property
    def columns(self) -> tuple[str, ...]:
        """The column headers.

        >>> Table(["a", "b"], []).columns
        ('a', 'b')
        """
        return self._columns

    @property
    def rows(self) -> tuple[tuple[str, ...], ...]:
        """The rows, each a tuple of cell strings.

        >>> Table(["a"], [[1], [None]]).rows
        (('1',), ('',))
        """
        return self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Table):
            return NotImplemented
        return (self._columns, self._rows, self.title) == (other._columns, other._rows, other.title)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        # The REPL and notebooks' text view show the table itself, as pandas does.
        return str(self)

    def select(self, columns: Sequence[str]) -> Table:
        """A table with only ``columns``, in the order given.

        >>> Table(["a", "b"], [[1, 2]]).select(["b"]).rows
        (('2',),)
        >>> Table(["a", "b"], [[1, 2]]).select(["c"])
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.ArgumentError: unknown column 'c'; the table has 'a', 'b'
        """
        positions = []
        for name in columns:
            if name not in self._columns:
                known = ", ".join(repr(c) for c in self._columns)
                raise ArgumentError(f"unknown column {name!r}; the table has {known}")
            positions.append(self._columns.index(name))
        rows = [[row[i] for i in positions] for row in self._rows]
        return Table([self._columns[i] for i in positions], rows, title=self.title, wrap=self.wrap)

    def table(self, fmt: str = "simple", columns: Sequence[str] | None = None) -> str:
        r"""Render in a ``tabulate`` format, ``"csv"`` or ``"tsv"``; data is always escaped.

        ``github`` and ``pipe`` cells are escaped for Markdown, ``html`` is written here
        with every cell escaped, ``csv``/``tsv`` are quoted by :mod:`csv` with formula
        cells neutralised (:meth:`to_csv`).  Formats that cannot escape data
        (:data:`REFUSED_FORMATS`: ``rst``, ``latex_raw``, wiki markups ...) are refused.

        >>> print(Table(["a"], [["x|y"]]).table("github"))
        | a    |
        |------|
        | x\|y |
        >>> Table(["a"], [["x"]]).table("rst")
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.ArgumentError: format 'rst' cannot escape text from data; use one of csv, github, html, latex, simple ...
        """
        chosen = self.select(columns) if columns is not None else self
        check_format(fmt)
        fmt = "github" if fmt == "markdown" else fmt
        if fmt in CSV_FORMATS:
            return chosen.to_csv(delimiter=CSV_FORMATS[fmt])
        if fmt == "html":
            return chosen._html()
        rows: Sequence[Sequence[str]] = chosen._rows
        headers: Sequence[str] = chosen._columns
        if fmt in _MARKDOWN_FORMATS:
            rows = [[escape_markdown(c) for c in row] for row in rows]
            headers = [escape_markdown(h) for h in headers]
        elif self.wrap:  # ids and dates stay whole, as in HTML
            rows = [
                [
                    c if name in _UNBROKEN else _wrap(c, self.wrap)
                    for name, c in zip(headers, row, strict=False)
                ]
                for row in rows
            ]
        return _tabulate(rows, headers, fmt)

    def to_csv(self, *, delimiter: str = ",", raw: bool = False) -> str:
        r"""The table as CSV (RFC 4180 quoting); cells starting ``= + - @`` get a ``'``.

        The prefix keeps spreadsheets from running text from data as a formula (the
        OWASP rule, :func:`formula_safe`); ``raw=True`` writes the values unchanged.

        >>> print(Table(["a", "b"], [["=1+1", "x, y"]]).to_csv(), end="")
        a,b
        '=1+1,"x, y"
        """
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        writer.writerow(self._columns)
        for row in self._rows:
            writer.writerow(row if raw else [formula_safe(c) for c in row])
        return out.getvalue()

    def _html(self) -> str:
        """An HTML table: every cell escaped, text left-aligned, line breaks kept.

        Each cell carries its own style, so notebook style sheets that right-align
        table cells do not apply; ids and dates do not break.
        """
        head = "".join(f'<th style="{_LEFT}">{html.escape(c)}</th>' for c in self._columns)
        body = "".join(
            "<tr>"
            + "".join(
                f'<td style="{_LEFT}{_NOWRAP if name in _UNBROKEN else ""}">'
                f"{html.escape(cell).replace(chr(10), '<br>')}</td>"
                for name, cell in zip(self._columns, row, strict=True)
            )
            + "</tr>\n"
            for row in self._rows
        )
        return (
            '<table class="agreement-tracker">\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"
        )

    def __str__(self) -> str:
        body = self.table("simple")
        if not self._rows:
            body += "\n(no rows)"
        return f"{self.title}\n\n{body}" if self.title else body

    def to_markdown(self) -> str:
        """The table as GitHub-flavoured Markdown, with every cell escaped.

        >>> print(Table(["a"], [["<i>"]]).to_markdown())
        | a         |
        |-----------|
        | &lt;i&gt; |
        """
        return self.table("github")

    def _repr_html_(self) -> str:
        body = self._html()
        if self.title:
            return f"<p><strong>{html.escape(self.title)}</strong></p>\n{body}"
        return body

    def to_dataframe(self) -> Any:
        """The table as a ``pandas.DataFrame`` of strings (needs the ``pandas`` extra).

        Example: ``Table(["a"], [["1"]]).to_dataframe().shape`` is ``(1, 1)``.
        """
        try:
            import pandas as pd
        except ImportError as error:  # pragma: no cover - depends on the environment
            raise ImportError(
                "to_dataframe() needs pandas: pip install 'agreement-tracker[pandas]'"
            ) from error
        return pd.DataFrame(list(self._rows), columns=list(self._columns))


def check_format(fmt: str) -> None:
    """Raise ValueError unless ``fmt`` is a format the tables can write with data escaped.

    The message lists the valid formats, or names the closest one.

    >>> check_format("githb")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.ArgumentError: unknown table format 'githb'; did you mean 'github'?
    """
    if fmt == "unsafehtml":
        raise ArgumentError(f"format {fmt!r} does not escape cells; use 'html' instead")
    if fmt in REFUSED_FORMATS:
        shown = ", ".join(["csv", "github", "html", "latex", "simple"])
        raise ArgumentError(f"format {fmt!r} cannot escape text from data; use one of {shown} ...")
    valid = table_formats()
    if fmt not in valid:
        close = close_matches(fmt, valid, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; choose one of {', '.join(valid)}"
        raise ArgumentError(f"unknown table format {fmt!r}{hint}")


def table_formats() -> list[str]:
    """Every format :meth:`Table.table` writes: tabulate's safe ones, csv, tsv, markdown.

    >>> "csv" in table_formats(), "rst" in table_formats()
    (True, False)
    """
    from tabulate import tabulate_formats

    return sorted({*tabulate_formats, *CSV_FORMATS, "markdown"} - REFUSED_FORMATS)


#: Columns whose cells must not break inside (ids and dates).
_UNBROKEN = frozenset(
    {"id", "date", "signed", "dates", "published", "record", "source", "other record", "said at"}
)
_LEFT = "text-align: left; vertical-align: top"
_NOWRAP = "; white-space: nowrap"


def _wrap(text: str, width: int) -> str:
    lines = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""])
    return "\n".join(lines)


def _tabulate(rows: Sequence[Sequence[str]], headers: Sequence[str], fmt: str) -> str:
    from tabulate import tabulate

    return str(tabulate(rows, headers=list(headers), tablefmt=fmt, disable_numparse=True))


# ----------------------------------------------------------------------- columns


@attrs.frozen
class Column:
    """One column of a record table: its name, header and how to get a cell from a record.

    ``get`` receives the tracker (``None`` when the records stand alone, in which case ids
    are shown instead of names) and the record.

    >>> column = COLUMNS["meeting"][0]
    >>> column.name, column.header
    ('id', 'id')
    """

    name: str
    header: str
    get: Any  # Callable[[Tracker | None, Any], str]


def _person(tracker: Tracker | None, person_id: str) -> str:
    if tracker is None:
        return person_id
    found = tracker.get(person_id)
    return found.name if isinstance(found, Person) else person_id


def people_text(tracker: Tracker | None, ids: Sequence[str]) -> str:
    """The names of the people ``ids`` (ids without a tracker), joined by commas.

    >>> people_text(None, ["amir-baram", "rajesh-kumar-singh"])
    'amir-baram, rajesh-kumar-singh'
    """
    return ", ".join(_person(tracker, i) for i in ids)


def organisation_name(tracker: Tracker | None, org_id: str | None) -> str:
    """The organisation's name (its id without a tracker, empty for None).

    >>> import agreement_tracker as at
    >>> organisation_name(at.load(), "il-mod"), organisation_name(None, None)
    ('Ministry of Defence (Israel)', '')
    """
    if org_id is None:
        return ""
    return tracker.organisation(org_id).name if tracker else org_id


def _focus(tracker: Tracker | None, ids: Sequence[str]) -> str:
    if tracker is None:
        return ", ".join(ids)
    return ", ".join(tracker.focus_area(i).label for i in ids)


def date_text(date: When | None) -> str:
    """A date as EDTF text, ``"unknown"`` for None.

    >>> date_text(None)
    'unknown'
    """
    return "unknown" if date is None else date.isoformat()


def place_text(place: Any) -> str:
    """A place's label, ``"unknown"`` for None.

    >>> place_text(None)
    'unknown'
    """
    return place.label if place is not None else "unknown"


def _country(code: str) -> str:
    return COUNTRY_NAMES.get(code, code)


def _role_text(tracker: Tracker | None, role: Any) -> str:
    parts = [" ".join(p for p in (role.rank, role.title) if p)]
    if role.organisation:
        parts.append(organisation_name(tracker, role.organisation))
    elif role.country:
        parts.append(_country(role.country))
    return ", ".join(p for p in parts if p)


def _itinerary(tracker: Tracker | None, delegation: Delegation) -> str:
    lines = []
    for stop in delegation.engagements:
        date = stop.date
        if date is None and stop.meeting and tracker is not None:
            date = tracker.meeting(stop.meeting).date
        when = date.isoformat() if date else "undated"
        lines.append(f"{when}: {stop.description}")
    return "\n".join(lines)


def _speaker(tracker: Tracker | None, statement: Any) -> str:
    parts = [_person(tracker, statement.speaker)] if statement.speaker else []
    parts += [u.description for u in statement.unnamed]
    if statement.organisation:
        parts.append(organisation_name(tracker, statement.organisation))
    return ", ".join(p for p in parts if p)


def _kind_of(tracker: Tracker | None, record_id: str) -> str:
    record = tracker.get(record_id) if tracker is not None else None
    kind = BY_CLASS.get(type(record))
    return kind.label if kind is not None else ""


def _title_of(tracker: Tracker | None, record_id: str) -> str:
    record = tracker.get(record_id) if tracker is not None else None
    return next(
        (v for v in (getattr(record, n, None) for n in ("title", "name", "label")) if v), ""
    )


def _c(name: str, header: str, get: Any) -> Column:
    return Column(name, header, get)


COLUMNS: dict[str, tuple[Column, ...]] = {
    "agreement": (
        _c("id", "id", lambda t, r: r.id),
        _c("kind", "kind", lambda t, r: r.kind.label),
        _c("title", "title", lambda t, r: r.title),
        _c("signed", "signed", lambda t, r: date_text(r.signed)),
        _c("place", "place", lambda t, r: place_text(r.place)),
        _c("parties", "parties", lambda t, r: ", ".join(_country(c) for c in r.parties)),
        _c("signatories", "signatories", lambda t, r: people_text(t, r.signatories)),
        _c("focus_areas", "focus areas", lambda t, r: _focus(t, r.focus_areas)),
        _c("meeting", "meeting", lambda t, r: r.meeting or ""),
        _c("status", "status", lambda t, r: r.status.value),
    ),
    "meeting": (
        _c("id", "id", lambda t, r: r.id),
        _c("kind", "kind", lambda t, r: r.kind.value),
        _c("number", "no.", lambda t, r: "" if r.number is None else str(r.number)),
        _c("title", "title", lambda t, r: r.title),
        _c("date", "date", lambda t, r: date_text(r.date)),
        _c("place", "place", lambda t, r: place_text(r.place)),
        _c("participants", "participants", lambda t, r: people_text(t, r.participants)),
        _c("co_chairs", "co-chairs", lambda t, r: people_text(t, r.co_chairs)),
        _c("outcomes", "outcomes", lambda t, r: "\n".join(r.outcomes)),
        _c("focus_areas", "focus areas", lambda t, r: _focus(t, r.focus_areas)),
    ),
    "delegation": (
        _c("id", "id", lambda t, r: r.id),
        _c("leader", "leader", lambda t, r: _person(t, r.leader)),
        _c("route", "from → to", lambda t, r: f"{_country(r.origin)} → {_country(r.host)}"),
        _c("dates", "dates", lambda t, r: date_text(r.dates)),
        _c("purpose", "purpose", lambda t, r: r.purpose or ""),
        _c("itinerary", "itinerary", _itinerary),
    ),
    "person": (
        _c("id", "id", lambda t, r: r.id),
        _c("name", "name", lambda t, r: r.name),
        _c("roles", "roles", lambda t, r: "\n".join(_role_text(t, x) for x in r.roles)),
        _c(
            "country",
            "country",
            lambda t, r: ", ".join(
                dict.fromkeys(_country(x.country) for x in r.roles if x.country)
            ),
        ),
        _c(
            "attested",
            "attested",
            lambda t, r: "; ".join(", ".join(d.isoformat() for d in x.attested) for x in r.roles),
        ),
        _c("aliases", "also called", lambda t, r: ", ".join(r.aliases)),
    ),
    "organisation": (
        _c("id", "id", lambda t, r: r.id),
        _c("name", "name", lambda t, r: r.name),
        _c("kind", "kind", lambda t, r: r.kind.value),
        _c("country", "country", lambda t, r: _country(r.country) if r.country else ""),
    ),
    "series": (
        _c("id", "id", lambda t, r: r.id),
        _c("name", "name", lambda t, r: r.name),
        _c("short_name", "short name", lambda t, r: r.short_name or ""),
        _c("parties", "parties", lambda t, r: ", ".join(_country(c) for c in r.parties)),
    ),
    "event": (
        _c("id", "id", lambda t, r: r.id),
        _c("kind", "kind", lambda t, r: r.kind.value),
        _c("title", "title", lambda t, r: r.title),
        _c("date", "date", lambda t, r: date_text(r.date)),
        _c("place", "place", lambda t, r: place_text(r.place) if r.place else ""),
        _c("description", "description", lambda t, r: r.description or "; ".join(r.details)),
        _c("people", "people", lambda t, r: people_text(t, r.people)),
        _c(
            "organisations",
            "organisations",
            lambda t, r: ", ".join(organisation_name(t, o) for o in r.organisations),
        ),
        _c("countries", "countries", lambda t, r: ", ".join(_country(c) for c in r.countries)),
        _c("details", "details", lambda t, r: "\n".join(r.details)),
    ),
    "source": (
        _c("id", "id", lambda t, r: r.id),
        _c("title", "title", lambda t, r: r.title or "(untitled)"),
        _c("agency", "agency", lambda t, r: organisation_name(t, r.agency)),
        _c("publisher", "publisher", lambda t, r: organisation_name(t, r.publisher) or "unknown"),
        _c(
            "published",
            "published",
            lambda t, r: (
                date_text(r.published)
                + (" (inferred)" if any(i.field == "published" for i in r.inferred) else "")
            ),
        ),
    ),
    "focus_area": (
        _c("id", "id", lambda t, r: r.id),
        _c("label", "label", lambda t, r: r.label),
        _c("synonyms", "synonyms", lambda t, r: ", ".join(r.synonyms)),
        _c("parents", "under", lambda t, r: ", ".join(r.parents)),
    ),
    "timeline": (
        _c("date", "date", lambda t, r: date_text(r.date) + (" (derived)" if r.derived else "")),
        _c("precision", "precision", lambda t, r: r.precision),
        _c("kind", "kind", lambda t, r: r.kind),
        _c("id", "id", lambda t, r: r.id),
        _c("title", "title", lambda t, r: r.title),
    ),
    "discrepancy": (
        _c("record", "record", lambda t, r: r.record_id),
        _c("field", "field", lambda t, r: r.field),
        _c("values", "claims", lambda t, r: " / ".join(r.values)),
        _c(
            "sources",
            "claimed by",
            lambda t, r: "\n".join(f"{c.value}: {c.citation.source}" for c in r.claims),
        ),
    ),
    "statement": (
        _c("id", "id", lambda t, r: r.id),
        _c("kind", "kind", lambda t, r: r.kind.value),
        _c("title", "title", lambda t, r: r.title),
        _c("date", "date", lambda t, r: date_text(r.date)),
        _c("speaker", "speaker", _speaker),
        _c("words", "words", lambda t, r: "\n".join(f"“{w}”" for w in r.words)),
        _c("occasion", "said at", lambda t, r: r.occasion or ""),
        _c("about", "about", lambda t, r: ", ".join(r.about)),
        _c("countries", "countries", lambda t, r: ", ".join(_country(c) for c in r.countries)),
    ),
    "relationship_fact": (
        _c("id", "id", lambda t, r: r.id),
        _c("title", "title", lambda t, r: r.title),
        _c("parties", "parties", lambda t, r: ", ".join(_country(c) for c in r.parties)),
        _c("description", "description", lambda t, r: r.description),
        _c("focus_areas", "focus areas", lambda t, r: _focus(t, r.focus_areas)),
        _c("quantities", "quantities", lambda t, r: "; ".join(q.label for q in r.quantities)),
    ),
    "materiel": (
        _c("id", "id", lambda t, r: r.id),
        _c("name", "name", lambda t, r: r.name),
        _c("category", "category", lambda t, r: r.category or ""),
        _c("supplier", "supplier", lambda t, r: _country(r.supplier) if r.supplier else "unknown"),
        _c("user", "user", lambda t, r: _country(r.user) if r.user else "unknown"),
        _c("operator", "operator", lambda t, r: organisation_name(t, r.operator)),
        _c("used_in", "used in", lambda t, r: ", ".join(r.used_in)),
    ),
    "related": (
        _c("relation", "relation", lambda t, r: r.relation),
        _c("other", "other record", lambda t, r: r.other),
        _c("kind", "kind", lambda t, r: _kind_of(t, r.other)),
        _c("title", "title", lambda t, r: _title_of(t, r.other)),
        _c("sources", "sources", lambda t, r: ", ".join(r.sources)),
    ),
    "provenance": (
        _c("value", "value", lambda t, r: r.value),
        _c("label", "label", lambda t, r: r.label),
        _c("sources", "named by", lambda t, r: ", ".join(r.sources) or "no quote (curator's)"),
    ),
    "match": (
        _c("id", "id", lambda t, r: r.record_id),
        _c("kind", "kind", lambda t, r: r.kind),
        _c("field", "field", lambda t, r: r.field),
        _c("text", "text", lambda t, r: r.text),
    ),
}


def _record_of(item: Any) -> Any:
    return item.record if isinstance(item, TimelineEntry) else item


def _citation_sources(tracker: Tracker | None, item: Any) -> str:
    record = _record_of(item)
    if isinstance(record, Discrepancy):
        return ", ".join(dict.fromkeys(c.citation.source for c in record.claims))
    if tracker is None or not hasattr(record, "id"):
        return ""
    return ", ".join(dict.fromkeys(c.source for c, _ in tracker.citations(record.id)))


def records_table(
    records: Sequence[Any],
    kind: str,
    tracker: Tracker | None,
    *,
    columns: Sequence[str] | None = None,
    cited: bool = False,
) -> Table:
    """A :class:`Table` of ``records``, rows of ``kind``, with the columns defined for it.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> records_table(t.people, "person", t, columns=["name", "roles"]).rows[1]
    ('Ajit Doval', 'National Security Advisor, India')
    >>> records_table(t.people, "person", t, columns=["nme"])
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.ArgumentError: unknown column 'nme' for person records; did you mean 'name'? (columns: id, name, roles, country, attested, aliases)
    """
    spec = {c.name: c for c in COLUMNS[kind]}
    names = list(TABLES[kind].columns if columns is None else columns)
    for name in names:
        if name not in spec:
            close = close_matches(name, list(spec), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ArgumentError(
                f"unknown column {name!r} for {kind} records{hint} (columns: {', '.join(spec)})"
            )
    chosen = [spec[n] for n in names]
    rows = []
    for item in records:
        disputed = _disputed(item)
        rows.append(
            [
                column.get(tracker, item) + (" (disputed)" if column.name in disputed else "")
                for column in chosen
            ]
        )
    headers = [column.header for column in chosen]
    if cited:
        headers.append("sources")
        for row, item in zip(rows, records, strict=True):
            row.append(_citation_sources(tracker, item))
    return Table(headers, rows, title=TABLES[kind].title)


def _disputed(item: Any) -> set[str]:
    """The columns of a row whose value the sources disagree on (a timeline's ``date``)."""
    record = _record_of(item)
    values: dict[str, set[str]] = {}
    for claim in getattr(record, "claims", ()):
        values.setdefault(claim.field, set()).add(claim.value)
    fields = {field for field, found in values.items() if len(found) > 1}
    kind = BY_CLASS.get(type(record))
    if isinstance(item, TimelineEntry) and kind is not None and kind.date_field in fields:
        fields.add("date")
    return fields


def citations_table(records: Sequence[Any], tracker: Tracker | None) -> Table:
    """One row per citation behind ``records``: record id, fields supported, source, quote.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> len(citations_table(t.mous("AI"), t))
    18
    """
    rows = []
    for item in records:
        record = _record_of(item)
        if isinstance(record, Discrepancy):
            for claim in record.claims:
                rows.append(
                    [record.record_id, claim.field, claim.citation.source, claim.citation.quote]
                )
            continue
        if tracker is None:
            citations = list(record.citations)
        else:
            citations = [c for c, _ in tracker.citations(record.id)]
        for citation in citations:
            rows.append([record.id, ", ".join(citation.supports), citation.source, citation.quote])
    return Table(["record", "supports", "source", "quote"], rows, title="Citations", wrap=60)
