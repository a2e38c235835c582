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

import html
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._text import close_matches
from .countries import NAMES as COUNTRY_NAMES
from .dates import DateRange, precision_label
from .exceptions import NoMatchError
from .model import (
    Delegation,
    Discrepancy,
    Meeting,
    Person,
    Source,
)
from .query import TimelineEntry
from .records import Records

if TYPE_CHECKING:
    from .dataset import Tracker
    from .dates import DateLike, When

__all__ = [
    "Column",
    "Summaries",
    "Table",
    "citations_table",
    "escape_markdown",
    "plot_timeline",
    "records_dataframe",
    "records_table",
    "summary",
]

#: Text formats that pass cell text through unescaped; Markdown ones get escaped here.
_MARKDOWN_FORMATS = {"github", "pipe"}
_RAW_HTML_FORMATS = {"unsafehtml"}


def escape_markdown(text: str) -> str:
    r"""Escape a cell for a Markdown table: ``<``, ``>``, ``&``, ``|`` and newlines.

    Quotes are left alone: outside an HTML attribute they are harmless.

    >>> escape_markdown("<script>alert('x')</script> | y")
    "&lt;script&gt;alert('x')&lt;/script&gt; \\| y"
    """
    escaped = html.escape(text, quote=False).replace("|", "\\|")
    return escaped.replace("\r\n", "<br>").replace("\n", "<br>")


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
        self._columns = tuple(str(c) for c in columns)
        cells = [tuple("" if cell is None else str(cell) for cell in row) for row in rows]
        for index, row in enumerate(cells):
            if len(row) != len(self._columns):
                raise ValueError(
                    f"row {index} has {len(row)} cells but the table has "
                    f"{len(self._columns)} columns"
                )
        self._rows = tuple(cells)
        self.title = title
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
        ValueError: unknown column 'c'; the table has 'a', 'b'
        """
        positions = []
        for name in columns:
            if name not in self._columns:
                known = ", ".join(repr(c) for c in self._columns)
                raise ValueError(f"unknown column {name!r}; the table has {known}")
            positions.append(self._columns.index(name))
        rows = [[row[i] for i in positions] for row in self._rows]
        return Table([self._columns[i] for i in positions], rows, title=self.title, wrap=self.wrap)

    def table(self, fmt: str = "simple", columns: Sequence[str] | None = None) -> str:
        r"""Render with any ``tabulate`` format; Markdown and HTML formats are escaped.

        ``github`` and ``pipe`` cells are escaped for Markdown, ``html`` is escaped by
        tabulate; ``unsafehtml`` is refused because it would pass data through as markup.

        >>> print(Table(["a"], [["x|y"]]).table("github"))
        | a    |
        |------|
        | x\|y |
        """
        chosen = self.select(columns) if columns is not None else self
        if fmt in _RAW_HTML_FORMATS:
            raise ValueError(f"format {fmt!r} does not escape cells; use 'html' instead")
        check_format(fmt)
        rows: Sequence[Sequence[str]] = chosen._rows
        headers: Sequence[str] = chosen._columns
        if fmt in _MARKDOWN_FORMATS:
            rows = [[escape_markdown(c) for c in row] for row in rows]
            headers = [escape_markdown(h) for h in headers]
        elif fmt not in {"html"} and self.wrap:
            rows = [[_wrap(c, self.wrap) for c in row] for row in rows]
        return _tabulate(rows, headers, fmt)

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
        body = self.table("html")
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
    """Raise ValueError, naming the closest format, unless ``fmt`` is a tabulate format.

    >>> check_format("githb")
    Traceback (most recent call last):
    ...
    ValueError: unknown table format 'githb'; did you mean 'github'?
    """
    from tabulate import tabulate_formats

    if fmt not in tabulate_formats:
        close = close_matches(fmt, [f for f in tabulate_formats if f not in _RAW_HTML_FORMATS], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else "; see tabulate's tablefmt list"
        raise ValueError(f"unknown table format {fmt!r}{hint}")


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


def _people(tracker: Tracker | None, ids: Sequence[str]) -> str:
    return ", ".join(_person(tracker, i) for i in ids)


def _organisation(tracker: Tracker | None, org_id: str | None) -> str:
    if org_id is None:
        return ""
    return tracker.organisation(org_id).name if tracker else org_id


def _focus(tracker: Tracker | None, ids: Sequence[str]) -> str:
    if tracker is None:
        return ", ".join(ids)
    return ", ".join(tracker.focus_area(i).label for i in ids)


def _date_text(date: When | None) -> str:
    return "unknown" if date is None else date.isoformat()


def _place(place: Any) -> str:
    return place.label if place is not None else "unknown"


def _country(code: str) -> str:
    return COUNTRY_NAMES.get(code, code)


def _role_text(tracker: Tracker | None, role: Any) -> str:
    parts = [" ".join(p for p in (role.rank, role.title) if p)]
    if role.organisation:
        parts.append(_organisation(tracker, role.organisation))
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


def _c(name: str, header: str, get: Any) -> Column:
    return Column(name, header, get)


COLUMNS: dict[str, tuple[Column, ...]] = {
    "agreement": (
        _c("id", "id", lambda t, r: r.id),
        _c("kind", "kind", lambda t, r: r.kind.label),
        _c("title", "title", lambda t, r: r.title),
        _c("signed", "signed", lambda t, r: _date_text(r.signed)),
        _c("place", "place", lambda t, r: _place(r.place)),
        _c("parties", "parties", lambda t, r: ", ".join(_country(c) for c in r.parties)),
        _c("signatories", "signatories", lambda t, r: _people(t, r.signatories)),
        _c("focus_areas", "focus areas", lambda t, r: _focus(t, r.focus_areas)),
        _c("meeting", "meeting", lambda t, r: r.meeting or ""),
        _c("status", "status", lambda t, r: r.status.value),
    ),
    "meeting": (
        _c("id", "id", lambda t, r: r.id),
        _c("kind", "kind", lambda t, r: r.kind.value),
        _c("number", "no.", lambda t, r: "" if r.number is None else str(r.number)),
        _c("title", "title", lambda t, r: r.title),
        _c("date", "date", lambda t, r: _date_text(r.date)),
        _c("place", "place", lambda t, r: _place(r.place)),
        _c("participants", "participants", lambda t, r: _people(t, r.participants)),
        _c("co_chairs", "co-chairs", lambda t, r: _people(t, r.co_chairs)),
        _c("outcomes", "outcomes", lambda t, r: "\n".join(r.outcomes)),
        _c("focus_areas", "focus areas", lambda t, r: _focus(t, r.focus_areas)),
    ),
    "delegation": (
        _c("id", "id", lambda t, r: r.id),
        _c("leader", "leader", lambda t, r: _person(t, r.leader)),
        _c("route", "from → to", lambda t, r: f"{_country(r.origin)} → {_country(r.host)}"),
        _c("dates", "dates", lambda t, r: _date_text(r.dates)),
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
        _c("date", "date", lambda t, r: _date_text(r.date)),
        _c("place", "place", lambda t, r: _place(r.place) if r.place else ""),
        _c("description", "description", lambda t, r: r.description or "; ".join(r.details)),
        _c("people", "people", lambda t, r: _people(t, r.people)),
        _c(
            "organisations",
            "organisations",
            lambda t, r: ", ".join(_organisation(t, o) for o in r.organisations),
        ),
        _c("countries", "countries", lambda t, r: ", ".join(_country(c) for c in r.countries)),
        _c("details", "details", lambda t, r: "\n".join(r.details)),
    ),
    "source": (
        _c("id", "id", lambda t, r: r.id),
        _c("title", "title", lambda t, r: r.title or "(untitled)"),
        _c("agency", "agency", lambda t, r: _organisation(t, r.agency)),
        _c("publisher", "publisher", lambda t, r: _organisation(t, r.publisher) or "unknown"),
        _c(
            "published",
            "published",
            lambda t, r: (
                _date_text(r.published)
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
        _c("date", "date", lambda t, r: _date_text(r.date)),
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
            "sources",
            lambda t, r: "\n".join(f"{c.value}: {c.citation.source}" for c in r.claims),
        ),
    ),
}

#: Columns shown when none are chosen (the rest are available by name).
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "agreement": ("id", "kind", "signed", "place", "signatories", "focus_areas"),
    "meeting": ("id", "kind", "number", "date", "place", "participants"),
    "delegation": ("id", "leader", "route", "dates", "itinerary"),
    "person": ("id", "name", "roles"),
    "organisation": ("id", "name", "kind", "country"),
    "series": ("id", "name", "short_name", "parties"),
    "event": ("id", "kind", "date", "title"),
    "source": ("id", "title", "agency", "publisher", "published"),
    "focus_area": ("id", "label", "synonyms", "parents"),
    "timeline": ("date", "precision", "kind", "id", "title"),
    "discrepancy": ("record", "field", "values", "sources"),
}

_TITLES = {
    "agreement": "Agreements",
    "meeting": "Meetings",
    "delegation": "Delegations",
    "person": "People",
    "organisation": "Organisations",
    "series": "Meeting series",
    "event": "Events",
    "source": "Sources",
    "focus_area": "Focus areas",
    "timeline": "Timeline",
    "discrepancy": "Disagreements between sources",
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
    records: Records[Any],
    tracker: Tracker | None,
    *,
    columns: Sequence[str] | None = None,
    cited: bool = False,
) -> Table:
    """A :class:`Table` of ``records`` using the columns defined for their kind.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> records_table(t.people, t, columns=["name", "roles"]).rows[1]
    ('Ajit Doval', 'National Security Advisor, India')
    >>> records_table(t.people, t, columns=["nme"])
    Traceback (most recent call last):
    ...
    ValueError: unknown column 'nme' for person records; did you mean 'name'? Columns: id, name, roles, country, attested, aliases
    """
    spec = {c.name: c for c in COLUMNS[records.kind]}
    names = list(DEFAULT_COLUMNS[records.kind] if columns is None else columns)
    for name in names:
        if name not in spec:
            close = close_matches(name, list(spec), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ValueError(
                f"unknown column {name!r} for {records.kind} records{hint} "
                f"(columns: {', '.join(spec)})"
            )
    chosen = [spec[n] for n in names]
    rows = [[column.get(tracker, item) for column in chosen] for item in records]
    headers = [column.header for column in chosen]
    if cited:
        headers.append("sources")
        for row, item in zip(rows, records, strict=True):
            row.append(_citation_sources(tracker, item))
    return Table(headers, rows, title=_TITLES[records.kind])


def citations_table(records: Records[Any], tracker: Tracker | None) -> Table:
    """One row per citation behind ``records``: record id, fields supported, source, quote.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> len(citations_table(t.mous("AI"), t))
    17
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


_DATE_FIELDS = {
    "agreement": "signed",
    "meeting": "date",
    "delegation": "dates",
    "event": "date",
    "source": "published",
    "timeline": "date",
}


def records_dataframe(records: Records[Any], tracker: Tracker | None) -> Any:
    """``records`` as a pandas DataFrame with the date split into real columns.

    Every column of the kind's table is included (as text), and the record's date
    becomes ``date`` (EDTF text), ``earliest`` and ``latest`` (``datetime64``) and
    ``precision``.  Needs the ``pandas`` extra; pandas is imported here, not before.
    Example: ``at.load().meetings.to_dataframe()``.
    """
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError(
            "to_dataframe() needs pandas: pip install 'agreement-tracker[pandas]'"
        ) from error
    names = [c.name for c in COLUMNS[records.kind]]
    table = records_table(records, tracker, columns=names)
    frame = pd.DataFrame(list(table.rows), columns=names)
    if "number" in frame.columns:
        frame["number"] = pd.array(
            [None if n == "" else int(n) for n in frame["number"]], dtype="Int64"
        )
    field = _DATE_FIELDS.get(records.kind)
    if field is not None:
        dates = [
            item.date if isinstance(item, TimelineEntry) else getattr(item, field)
            for item in records
        ]
        frame["date"] = [None if d is None else d.isoformat() for d in dates]
        for column in ("earliest", "latest"):
            days = [None if d is None else str(getattr(d, column)) for d in dates]
            frame[column] = pd.to_datetime(pd.Series(days, dtype="object"))
        frame["precision"] = [precision_label(d) for d in dates]
        for old in ("signed", "dates", "published"):
            if old in frame.columns:
                frame = frame.drop(columns=old)
    return frame


def plot_timeline(
    entries: Sequence[TimelineEntry], *, ax: Any = None, title: str | None = None
) -> Any:
    """Plot a timeline with matplotlib: exact days as points, imprecise dates as spans.

    Undated entries cannot be placed and are listed in the plot's footnote.  Returns
    the matplotlib ``Axes``.  Needs the ``plot`` extra; matplotlib is imported here.
    Example: ``plot_timeline(at.load().timeline())``.
    """
    try:
        import matplotlib.dates as mdates
        import matplotlib.pyplot as plt
        from matplotlib.artist import Artist
        from matplotlib.lines import Line2D
        from matplotlib.patches import Rectangle
    except ImportError as error:
        raise ImportError(
            "plotting needs matplotlib: pip install 'agreement-tracker[plot]'"
        ) from error
    import datetime as dt

    dated = [e for e in entries if e.date is not None]
    undated = [e for e in entries if e.date is None]
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 0.32 * max(len(dated), 4) + 1.4))
    colours = {
        "event": "#b2182b",
        "meeting": "#2166ac",
        "agreement": "#1b7837",
        "delegation": "#762a83",
    }
    labels = []
    for row, entry in enumerate(dated):
        assert entry.date is not None
        start = dt.date.fromisoformat(str(entry.date.earliest))
        end = dt.date.fromisoformat(str(entry.date.latest)) + dt.timedelta(days=1)
        colour = colours[entry.kind]
        if entry.date.earliest == entry.date.latest:
            ax.plot([start + dt.timedelta(hours=12)], [row], "o", color=colour, markersize=6)
        else:
            ax.barh(
                row,
                end - start,
                left=start,
                height=0.55,
                color=colour,
                alpha=0.3,
                edgecolor=colour,
                hatch=None if isinstance(entry.date, DateRange) else "///",
            )
        title_text = entry.title if len(entry.title) <= 48 else entry.title[:47] + "…"
        labels.append(f"{title_text}  {entry.date.isoformat()}")
    ax.set_yticks(range(len(dated)), labels, fontsize=8)
    for tick, entry in zip(ax.get_yticklabels(), dated, strict=True):
        tick.set_color(colours[entry.kind])
    ax.set_ylim(len(dated) - 0.5, -0.5)
    ax.grid(axis="x", alpha=0.3)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))  # type: ignore[no-untyped-call]
    handles: list[Artist] = [
        Line2D([], [], marker="o", linestyle="", color=c, label=k) for k, c in colours.items()
    ]
    handles.append(Rectangle((0, 0), 1, 1, color="grey", alpha=0.3, label="lasted over the span"))
    handles.append(
        Rectangle(
            (0, 0),
            1,
            1,
            facecolor="white",
            edgecolor="grey",
            hatch="///",
            label="one day somewhere in the span",
        )
    )
    ax.legend(handles=handles, fontsize=7, loc="lower left", framealpha=0.9)
    ax.set_title(title or "Points are exact days; bars are imprecise dates", fontsize=10)
    if undated:
        ax.text(
            0,
            -0.12,
            "Not dated in the sources: " + "; ".join(e.title for e in undated),
            transform=ax.transAxes,
            fontsize=7,
            va="top",
            wrap=True,
        )
    return ax


# ----------------------------------------------------------------------- summaries


class Summaries:
    """Ready-made summary tables of a tracker, each one call (``tracker.tables``).

    >>> import agreement_tracker as at
    >>> tables = at.load().tables
    >>> print(tables.series("JWG"))
    India–Israel Joint Working Group on Defence Cooperation (JWG)
    <BLANKLINE>
    no.    date        place             co-chairs                       since previous
    -----  ----------  ----------------  ------------------------------  ----------------
    16     2024-07     India             unknown
    17     2025-11-04  Tel Aviv, Israel  Rajesh Kumar Singh, Amir Baram  ~16 months
    """

    __slots__ = ("_tracker",)

    def __init__(self, tracker: Tracker) -> None:
        self._tracker = tracker

    def __repr__(self) -> str:
        return f"<Summaries of {self._tracker!r}>"

    def series(self, name: str) -> Table:
        """The sessions of a numbered series: number, date, place, co-chairs, gap since the previous.

        The gap counts whole calendar months between the two sessions' latest possible
        days, marked ``~`` when either date is less precise than a day.

        >>> import agreement_tracker as at
        >>> at.load().tables.series("JWG").rows[1][-1]
        '~16 months'
        """
        tracker = self._tracker
        chosen = tracker.series(name)
        rows = []
        previous: Meeting | None = None
        for meeting in tracker.meetings_in_series(chosen.id):
            gap = ""
            if previous is not None and previous.date and meeting.date:
                months = _months_between(previous.date.latest, meeting.date.latest)
                exact = all(
                    isinstance(d, type(meeting.date)) and precision_label(d) == "day"
                    for d in (previous.date, meeting.date)
                )
                gap = f"{'' if exact else '~'}{months} months"
            rows.append(
                [
                    "" if meeting.number is None else str(meeting.number),
                    _date_text(meeting.date),
                    _place(meeting.place),
                    _people(tracker, meeting.co_chairs) or "unknown",
                    gap,
                ]
            )
            previous = meeting
        title = chosen.name + (f" ({chosen.short_name})" if chosen.short_name else "")
        return Table(["no.", "date", "place", "co-chairs", "since previous"], rows, title=title)

    def focus_matrix(self, kind: str | None = "mou") -> Table:
        """Focus areas × agreements: ``●`` named directly, ``○`` through a narrower term.

        ``kind`` limits the agreements (``None`` for all kinds).  Rows follow the
        vocabulary and include only areas some agreement reaches.

        >>> import agreement_tracker as at
        >>> matrix = at.load().tables.focus_matrix()
        >>> matrix.columns
        ('focus area', 'mou-2025-11-defence-cooperation')
        >>> matrix.rows[:2]
        (('Emerging technologies', '●'), ('Artificial Intelligence', '●'))
        """
        tracker = self._tracker
        agreements = tracker.agreements_about(kind=kind)
        rows = []
        for area in tracker.focus_areas:
            below = {a.id for a in tracker.focus_areas.descendants(area)}
            cells = []
            for agreement in agreements:
                if area.id in agreement.focus_areas:
                    cells.append("●")
                elif below.intersection(agreement.focus_areas):
                    cells.append("○")
                else:
                    cells.append("")
            if any(cells):
                rows.append([area.label, *cells])
        return Table(
            ["focus area", *(a.id for a in agreements)],
            rows,
            title="Focus areas × agreements (● named, ○ through a narrower term)",
        )

    def timeline(self, start: DateLike | None = None, end: DateLike | None = None) -> Table:
        """Everything in date order with each date's precision; optionally a window.

        >>> import agreement_tracker as at
        >>> at.load().tables.timeline("2025-07-01", "2025-07-31").rows[0]
        ('2025-07-22/2025-07-23', 'day range', 'delegation', 'baram-india-2025-07', "Amir Baram's first working visit to India")
        """
        tracker = self._tracker
        if start is None and end is None:
            entries = tracker.timeline()
        else:
            entries = tracker.between(start or "0001-01-01", end or "9999-12-31")
        return entries.as_table()

    def people(self) -> Table:
        """People with their roles, countries and the dates the roles are attested.

        >>> import agreement_tracker as at
        >>> at.load().tables.people().rows[2]
        ('Amir Baram', 'Major General (Res.) Director General, Ministry of Defence (Israel)', 'Israel', '2025-07-23, 2025-11')
        """
        return self._tracker.people.as_table(["name", "roles", "country", "attested"])

    def delegations(self) -> Table:
        """Delegations with their route, dates and itinerary.

        >>> import agreement_tracker as at
        >>> at.load().tables.delegations().rows[0][:3]
        ('baram-india-2025-07', 'Amir Baram', 'Israel → India')
        """
        return self._tracker.delegations.as_table()

    def sources(self) -> Table:
        """Each source with what it contributed: records citing it and quotes taken.

        >>> import agreement_tracker as at
        >>> at.load().tables.sources().rows[0]
        ('ani-2025-07-24', '(untitled)', 'ANI', '2025-07-24', '10', '24')
        """
        tracker = self._tracker
        records: dict[str, set[str]] = {s.id: set() for s in tracker.sources}
        quotes: dict[str, int] = {s.id: 0 for s in tracker.sources}
        for record in tracker.all_records():
            if isinstance(record, Source):
                continue
            for citation, _ in tracker.citations(record.id):
                records[citation.source].add(record.id)
                quotes[citation.source] += 1
        rows = [
            [
                s.id,
                s.title or "(untitled)",
                _organisation(tracker, s.agency) or _organisation(tracker, s.publisher),
                _date_text(s.published),
                str(len(records[s.id])),
                str(quotes[s.id]),
            ]
            for s in tracker.sources
        ]
        return Table(
            ["id", "title", "agency", "published", "records", "quotes"], rows, title="Sources"
        )

    def discrepancies(self) -> Table:
        """Disagreements side by side: one row per claim, with its source and quote.

        >>> import agreement_tracker as at
        >>> at.load().tables.discrepancies().rows[1][:4]
        ('mou-2025-11-defence-cooperation', 'meeting_timing', 'after', 'exam-2025-11')
        """
        rows = []
        for d in self._tracker.discrepancies():
            for claim in d.claims:
                rows.append(
                    [
                        d.record_id,
                        d.field,
                        claim.value,
                        claim.citation.source,
                        claim.citation.quote,
                        claim.inferred or "",
                    ]
                )
        return Table(
            ["record", "field", "claim", "source", "quote", "inferred because"],
            rows,
            title="Disagreements between sources",
            wrap=36,
        )

    def counts(self) -> Table:
        """How many records of each kind there are.

        >>> import agreement_tracker as at
        >>> at.load().tables.counts().rows[:3]
        (('agreements', '1'), ('meetings', '6'), ('delegations', '3'))
        """
        t = self._tracker
        groups: list[tuple[str, int]] = [
            ("agreements", len(t.agreements)),
            ("meetings", len(t.meetings)),
            ("delegations", len(t.delegations)),
            ("people", len(t.people)),
            ("organisations", len(t.organisations)),
            ("focus areas", len(t.focus_areas)),
            ("meeting series", len(t.meeting_series)),
            ("events", len(t.events)),
            ("sources", len(t.sources)),
            ("discrepancies", len(t.discrepancies())),
        ]
        return Table(["records", "count"], [[k, str(n)] for k, n in groups], title="Records")

    def since_last(self, series: str, as_of: DateLike | None = None) -> Table:
        """Meetings since the last session of a series, titled with that session.

        >>> import agreement_tracker as at
        >>> at.load().tables.since_last("JWG", as_of="2025-11-01").title
        'Meetings since the last JWG (jwg-16, 2024-07)'
        """
        tracker = self._tracker
        chosen = tracker.series(series)
        last = tracker.last_meeting(chosen.id, as_of=as_of)
        since = tracker.meetings_since_last(chosen.id, as_of=as_of)
        table = since.as_table(["id", "date", "title"])
        table.title = (
            f"Meetings since the last {chosen.short_name or chosen.name} "
            f"({last.id}, {_date_text(last.date)})"
        )
        return table


def _months_between(start: Any, end: Any) -> int:
    return int((end.year - start.year) * 12 + (end.month - start.month))


def summary(tracker: Tracker, *, as_of: DateLike | None = None) -> str:
    """A plain-text overview of a dataset: counts, series, agreements, latest news.

    >>> import agreement_tracker as at
    >>> text = summary(at.load(), as_of="2025-11-30")
    >>> print(text.splitlines()[0])
    India–Israel defence relations, July 2024 – November 2025 (data version 1.0.0)
    """
    tables = tracker.tables
    parts = [f"{tracker.name} (data version {tracker.data_version})", str(tables.counts())]
    for series in tracker.meeting_series:
        parts.append(str(tables.series(series.id)))
    if tracker.agreements:
        parts.append(
            str(tracker.agreements.as_table(["id", "kind", "signed", "place", "signatories"]))
        )
        parts.append(str(tables.focus_matrix(kind=None)))
    for series in tracker.meeting_series:
        try:
            parts.append(str(tables.since_last(series.id, as_of=as_of)))
        except NoMatchError:
            continue
    if tracker.discrepancies():
        parts.append(str(tracker.discrepancies().as_table()))
    return "\n\n".join(parts)
