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

from .exceptions import NoMatchError

if TYPE_CHECKING:
    from .dataset import Tracker
    from .dates import DateLike, When
    from .model import Agreement, Meeting

__all__ = [
    "Table",
    "agreements_table",
    "counts_table",
    "escape_markdown",
    "series_table",
    "summary",
]

#: Text formats that pass cell text through unescaped; Markdown ones get escaped here.
_MARKDOWN_FORMATS = {"github", "pipe"}
_RAW_HTML_FORMATS = {"unsafehtml"}


def escape_markdown(text: str) -> str:
    r"""Escape a cell for a Markdown table: HTML special characters, ``|`` and newlines.

    >>> escape_markdown("<script>alert('x')</script> | y")
    '&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; \\| y'
    """
    escaped = html.escape(text, quote=True).replace("|", "\\|")
    return escaped.replace("\r\n", "<br>").replace("\n", "<br>")


class Table:
    """A titled table of strings that renders as text, HTML or any ``tabulate`` format.

    ``wrap`` is the width at which long cells wrap in text output (``None``: never).

    >>> t = Table(["name"], [["<b>x</b>"]], title="People")
    >>> t.columns, len(t)
    (('name',), 1)
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
        title = f" {self.title!r}" if self.title else ""
        return f"<Table{title}: {len(self)} rows × {len(self._columns)} columns>"

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


def _wrap(text: str, width: int) -> str:
    lines = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""])
    return "\n".join(lines)


def _tabulate(rows: Sequence[Sequence[str]], headers: Sequence[str], fmt: str) -> str:
    from tabulate import tabulate

    return str(tabulate(rows, headers=list(headers), tablefmt=fmt, disable_numparse=True))


# ----------------------------------------------------------------------- summaries


def _people_names(tracker: Tracker, ids: Sequence[str]) -> str:
    return ", ".join(tracker.person(i).name for i in ids)


def _date_text(date: When | None) -> str:
    return "unknown" if date is None else date.isoformat()


def series_table(tracker: Tracker, series: str) -> Table:
    """The meetings of a numbered series: number, date, place, co-chairs, gap since the previous.

    The gap is given in whole months between the latest possible days of the two
    meetings, and marked ``~`` when either date is imprecise.

    >>> import agreement_tracker as at
    >>> print(series_table(at.load(), "JWG"))
    India–Israel Joint Working Group on Defence Cooperation (JWG)
    <BLANKLINE>
      no.  date        place             co-chairs                       since previous
    -----  ----------  ----------------  ------------------------------  ----------------
       16  2024-07     India             unknown
       17  2025-11-04  Tel Aviv, Israel  Rajesh Kumar Singh, Amir Baram  ~16 months
    """
    chosen = tracker.series(series)
    meetings = [m for m in tracker.meetings if m.series == chosen.id]
    rows = []
    previous: Meeting | None = None
    for meeting in meetings:
        gap = ""
        if previous is not None and previous.date and meeting.date:
            months = _months_between(previous.date.latest, meeting.date.latest)
            exact = previous.date.precision.value == meeting.date.precision.value == "day"
            gap = f"{'' if exact else '~'}{months} months"
        rows.append(
            [
                "" if meeting.number is None else str(meeting.number),
                _date_text(meeting.date),
                meeting.place.label if meeting.place else "unknown",
                _people_names(tracker, meeting.co_chairs) or "unknown",
                gap,
            ]
        )
        previous = meeting
    title = chosen.name + (f" ({chosen.short_name})" if chosen.short_name else "")
    return Table(["no.", "date", "place", "co-chairs", "since previous"], rows, title=title)


def _months_between(start: Any, end: Any) -> int:
    return int((end.year - start.year) * 12 + (end.month - start.month))


def agreements_table(tracker: Tracker, agreements: Sequence[Agreement] | None = None) -> Table:
    """Agreements with kind, date, place, signatories and focus areas.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> agreements_table(t).rows[0][:4]
    ('mou-2025-11-defence-cooperation', 'MoU', '2025-11-04', 'Tel Aviv, Israel')
    """
    chosen = tracker.agreements if agreements is None else agreements
    rows = [
        [
            a.id,
            a.kind.label,
            _date_text(a.signed),
            a.place.label if a.place else "unknown",
            _people_names(tracker, a.signatories),
            ", ".join(tracker.focus_area(f).label for f in a.focus_areas),
        ]
        for a in chosen
    ]
    return Table(
        ["id", "kind", "signed", "place", "signatories", "focus areas"], rows, title="Agreements"
    )


def counts_table(tracker: Tracker) -> Table:
    """How many records of each kind the tracker holds.

    >>> import agreement_tracker as at
    >>> counts_table(at.load()).rows[:3]
    (('agreements', '1'), ('meetings', '6'), ('delegations', '3'))
    """
    groups: list[tuple[str, int]] = [
        ("agreements", len(tracker.agreements)),
        ("meetings", len(tracker.meetings)),
        ("delegations", len(tracker.delegations)),
        ("people", len(tracker.people)),
        ("organisations", len(tracker.organisations)),
        ("focus areas", len(tracker.focus_areas)),
        ("meeting series", len(tracker.meeting_series)),
        ("events", len(tracker.events)),
        ("sources", len(tracker.sources)),
        ("discrepancies", len(tracker.discrepancies())),
    ]
    return Table(["records", "count"], [[k, str(n)] for k, n in groups], title="Records")


def summary(tracker: Tracker, *, as_of: DateLike | None = None) -> str:
    """A plain-text overview of a dataset: counts, series, agreements, latest news.

    >>> import agreement_tracker as at
    >>> text = summary(at.load(), as_of="2025-11-30")
    >>> print(text.splitlines()[0])
    India–Israel defence relations, July 2024 – November 2025 (data version 1.0.0)
    """
    parts = [f"{tracker.name} (data version {tracker.data_version})", str(counts_table(tracker))]
    for series in tracker.meeting_series:
        parts.append(str(series_table(tracker, series.id)))
    if tracker.agreements:
        parts.append(str(agreements_table(tracker)))
    for series in tracker.meeting_series:
        try:
            last = tracker.last_meeting(series.id, as_of=as_of)
        except NoMatchError:
            continue
        since = tracker.meetings_since_last(series.id, as_of=as_of)
        rows = [[m.id, _date_text(m.date), m.title] for m in since]
        title = (
            f"Meetings since the last {series.short_name or series.name} "
            f"({last.id}, {_date_text(last.date)})"
        )
        parts.append(str(Table(["id", "date", "meeting"], rows, title=title)))
    discrepancies = tracker.discrepancies()
    if discrepancies:
        rows = [
            [d.record_id, d.field, " / ".join(d.values), ", ".join(c.citation.source for c in d.claims)]
            for d in discrepancies
        ]
        parts.append(
            str(Table(["record", "field", "claims", "sources"], rows, title="Disagreements between sources"))
        )
    return "\n\n".join(parts)
