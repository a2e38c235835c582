"""``Records``: the tuples the tracker returns, which also know how to show themselves.

A :class:`Records` is an ordinary tuple of records (compare it with ``()``, index it,
loop over it) that additionally prints as a text table, displays as an escaped HTML
table in Jupyter, and renders in any ``tabulate`` format.  Rendering code is imported
only when a table is first shown.

>>> import agreement_tracker as at
>>> t = at.load()
>>> jwgs = t.meetings_in_series("JWG")
>>> jwgs == (t.meeting("jwg-16"), t.meeting("jwg-17"))
True
>>> print(jwgs.table(columns=["id", "number", "place"]))
id      no.    place
------  -----  ----------------
jwg-16  16     India
jwg-17  17     Tel Aviv, Israel
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, SupportsIndex, TypeVar, overload

if TYPE_CHECKING:
    from .dataset import Tracker
    from .render import Table

__all__ = ["Records"]

T = TypeVar("T")


class Records(tuple[T, ...]):
    """A tuple of records that renders as a table (text, HTML, Markdown, DataFrame).

    ``kind`` names what the rows are (``"meeting"``, ``"timeline"`` ...) and picks the
    columns; the tracker is kept so that ids can be shown as names.

    >>> import agreement_tracker as at
    >>> people = at.load().people
    >>> isinstance(people, tuple), people.kind, len(people)
    (True, 'person', 8)
    """

    kind: str
    _tracker: Tracker | None

    def __new__(
        cls, items: Iterable[T] = (), *, kind: str, tracker: Tracker | None = None
    ) -> Records[T]:
        """Wrap ``items`` as records of ``kind`` (see the class docstring)."""
        made = super().__new__(cls, items)
        made.kind = kind
        made._tracker = tracker
        return made

    @overload
    def __getitem__(self, key: SupportsIndex) -> T: ...
    @overload
    def __getitem__(self, key: slice) -> Records[T]: ...
    @overload
    def __getitem__(self, key: str) -> T: ...

    def __getitem__(self, key: SupportsIndex | slice | str) -> T | Records[T]:
        """Index by position or by record id; a slice is again ``Records`` of the same kind.

        >>> import agreement_tracker as at
        >>> at.load().meetings["jwg-17"].number, at.load().meetings[0].id
        (17, 'jwg-16')
        >>> at.load().meetings[:2].kind
        'meeting'
        """
        if isinstance(key, str):
            found = self.get(key)
            if found is None:
                from ._text import close_matches
                from .exceptions import UnknownRecordError

                ids = [getattr(item, "id", "") for item in self]
                raise UnknownRecordError(self.kind, key, close_matches(key, ids, key=str.casefold))
            return found
        if isinstance(key, slice):
            return Records(tuple.__getitem__(self, key), kind=self.kind, tracker=self._tracker)
        return tuple.__getitem__(self, key)

    def filter(self, predicate: Callable[[T], bool]) -> Records[T]:
        """Those of these records for which ``predicate`` is true, in the same order.

        >>> import agreement_tracker as at
        >>> print(at.load().meetings.filter(lambda m: m.number == 17).table(columns=["id"]))
        id
        ------
        jwg-17
        """
        return Records(
            (item for item in self if predicate(item)), kind=self.kind, tracker=self._tracker
        )

    def sorted(self, key: Callable[[T], Any], *, reverse: bool = False) -> Records[T]:
        """These records ordered by ``key`` (as :func:`sorted` orders), still a table.

        >>> import agreement_tracker as at
        >>> [p.id for p in at.load().people.sorted(lambda p: p.name, reverse=True)][:2]
        ['s-jaishankar', 'rajesh-kumar-singh']
        """
        ordered = sorted(self, key=key, reverse=reverse)
        return Records(ordered, kind=self.kind, tracker=self._tracker)

    def get(self, record_id: str, default: T | None = None) -> T | None:
        """The record with this id among these records, else ``default``.

        >>> import agreement_tracker as at
        >>> at.load().meetings.get("jwg-99") is None
        True
        """
        for item in self:
            if getattr(item, "id", None) == record_id:
                return item
        return default

    def __repr__(self) -> str:
        # Shown as a table at the prompt, like a DataFrame; ``tuple(records)`` for the items.
        return str(self.as_table())

    def as_table(self, columns: Sequence[str] | None = None, *, cited: bool = False) -> Table:
        """These records as a :class:`~agreement_tracker.render.Table`.

        ``columns`` picks and orders columns by name; ``cited=True`` adds a column with
        the ids of the sources each row's facts come from.

        >>> import agreement_tracker as at
        >>> at.load().meetings_in_series("JWG").as_table(cited=True).columns[-1]
        'sources'
        """
        from .render import records_table

        return records_table(self, self.kind, self._tracker, columns=columns, cited=cited)

    def table(
        self, fmt: str = "simple", columns: Sequence[str] | None = None, *, cited: bool = False
    ) -> str:
        """Render in any ``tabulate`` format (``github``, ``latex_booktabs``, ``rounded_grid`` ...).

        >>> import agreement_tracker as at
        >>> print(at.load().meetings_in_series("JWG").table("github", columns=["id", "number"]))
        | id     | no.   |
        |--------|-------|
        | jwg-16 | 16    |
        | jwg-17 | 17    |
        """
        return self.as_table(columns, cited=cited).table(fmt)

    def to_markdown(self, columns: Sequence[str] | None = None, *, cited: bool = False) -> str:
        """GitHub-flavoured Markdown with every cell escaped.

        >>> import agreement_tracker as at
        >>> print(at.load().meetings_in_series("JWG").to_markdown(["id"]))
        | id     |
        |--------|
        | jwg-16 |
        | jwg-17 |
        """
        return self.as_table(columns, cited=cited).to_markdown()

    def sources(self) -> Table:
        """Where each row's facts come from: one line per citation, with its quote.

        >>> import agreement_tracker as at
        >>> view = at.load().meetings_in_series("JWG").sources()
        >>> view.columns
        ('record', 'supports', 'source', 'quote')
        >>> view.rows[0][:3]
        ('jwg-16', 'kind, series, date, place', 'key-ally-2025-07')
        """
        from .render import citations_table

        return citations_table(self, self._tracker)

    def to_dataframe(self) -> Any:
        """A ``pandas.DataFrame`` (needs the ``pandas`` extra); dates become real columns.

        Columns are named after the table columns (``id``, ``number``, ``participants``
        ...); the record's date becomes ``date`` (EDTF text), ``earliest`` and ``latest``
        (``datetime64``, missing when undated) and ``precision``, so sorting and
        filtering work while the precision is kept.  Numbers are nullable integers.
        Example: ``t.meetings.to_dataframe()``.
        """
        from .frames import records_dataframe

        return records_dataframe(self, self.kind, self._tracker)

    def plot(self, *, ax: Any = None, title: str | None = None) -> Any:
        """A timeline plot (needs the ``plot`` extra): exact days as points, spans otherwise.

        Works for timelines and for agreements, meetings, delegations and events; returns
        the matplotlib ``Axes``.  Example: ``t.timeline().plot()``.
        """
        from .frames import plot_timeline
        from .query import timeline_entries

        if self.kind not in ("timeline", "agreement", "meeting", "delegation", "event"):
            from .exceptions import ArgumentTypeError

            raise ArgumentTypeError(f"{self.kind} records have no dates to plot")
        entries: Any = self if self.kind == "timeline" else timeline_entries(self)  # type: ignore[arg-type]
        return plot_timeline(entries, ax=ax, title=title)

    def __str__(self) -> str:
        return str(self.as_table())

    def _repr_html_(self) -> str:
        return self.as_table()._repr_html_()
