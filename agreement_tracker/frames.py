"""The optional outputs that need pandas or matplotlib: DataFrames and timeline plots.

Neither library is imported until one of these functions runs.

>>> import agreement_tracker as at
>>> records_dataframe(at.load().meetings, "meeting", at.load()).shape[0]
6
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._index import TimelineEntry
from ._kinds import KINDS, REFERENCES
from .dates import DateRange, precision_label
from .render import COLUMNS, records_table

if TYPE_CHECKING:
    from .dataset import Tracker

__all__ = ["plot_timeline", "records_dataframe"]


#: The field that dates each kind of row (timeline entries have a ``date`` of their own).
_DATE_FIELDS = {
    **{key: kind.date_field for key, kind in KINDS.items() if kind.date_field},
    "timeline": "date",
}


def records_dataframe(records: Sequence[Any], kind: str, tracker: Tracker | None) -> Any:
    """``records`` as a pandas DataFrame with the date split into real columns.

    Every column of the kind's table is included, named as ``columns=`` names it (the
    date column keeps its name: ``signed`` for agreements, ``dates`` for delegations),
    with ``earliest`` and ``latest`` (``datetime64``) and ``precision`` beside the date;
    each column that shows names of people, organisations, series or focus areas has a
    ``..._ids`` column beside it.  Needs the ``pandas`` extra, imported here.

    >>> import agreement_tracker as at
    >>> frame = at.load().meetings_in_series("JWG").to_dataframe()
    >>> list(frame["participants_ids"])
    ['', 'rajesh-kumar-singh, amir-baram']
    """
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError(
            "to_dataframe() needs pandas: pip install 'agreement-tracker[pandas]'"
        ) from error
    names = [c.name for c in COLUMNS[kind]]
    table = records_table(records, kind, tracker, columns=names)
    frame = pd.DataFrame(list(table.rows), columns=names)
    for position, name in reversed(list(enumerate(names))):
        ids = [_ids_of(item, name) for item in records]
        if any(value is not None for value in ids):
            frame.insert(position + 1, f"{name}_ids", [value or "" for value in ids])
    if "number" in frame.columns:
        frame["number"] = pd.array(
            [None if n == "" else int(n) for n in frame["number"]], dtype="Int64"
        )
    field = _DATE_FIELDS.get(kind)
    if field is not None:
        dates = [
            item.date if isinstance(item, TimelineEntry) else getattr(item, field)
            for item in records
        ]
        frame[field] = [None if d is None else d.isoformat() for d in dates]
        for column, is_open in (("earliest", "open_start"), ("latest", "open_end")):
            # an open end has no such day: NaT, never year 1 or 9999
            days = [
                None if d is None or getattr(d, is_open) else str(getattr(d, column)) for d in dates
            ]
            frame[column] = pd.to_datetime(pd.Series(days, dtype="object"))
        frame["precision"] = [precision_label(d) for d in dates]
    return frame


def _ids_of(item: Any, column: str) -> str | None:
    """The ids behind a column that shows names, joined; None for other columns."""
    record = item.record if isinstance(item, TimelineEntry) else item
    if column not in REFERENCES.get(type(record), {}):
        return None
    value = getattr(record, column)
    if value is None:
        return ""
    return ", ".join(value) if isinstance(value, tuple) else str(value)


#: The colour of each kind of timeline entry in plots.
_COLOURS = {
    "event": "#b2182b",
    "meeting": "#2166ac",
    "agreement": "#1b7837",
    "delegation": "#762a83",
    "statement": "#e08214",
    "relationship_fact": "#4d4d4d",
    "materiel": "#8c510a",
}


def plot_timeline(
    entries: Sequence[TimelineEntry], *, ax: Any = None, title: str | None = None
) -> Any:
    """Plot a timeline with matplotlib: exact days as points, imprecise dates as spans.

    A date with an open end is drawn to the edge of the days the plot shows.

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
    colours = _COLOURS
    labels = []
    known = [day for e in dated if e.date is not None for day in e.date.written_ordinals]
    for row, entry in enumerate(dated):
        assert entry.date is not None
        # an open end runs to the edge of the days written anywhere on the plot
        first = min(known) if entry.date.open_start else entry.date.first_ordinal
        last = max(known) if entry.date.open_end else entry.date.last_ordinal
        start = dt.date.fromordinal(first)
        end = dt.date.fromordinal(last) + dt.timedelta(days=1)
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
        tick.set_parse_math(False)  # a "$" in a title is text, not mathtext
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
    ax.set_title(
        title or "Points are exact days; bars are imprecise dates", fontsize=10, parse_math=False
    )
    if undated:
        ax.text(
            0,
            -0.12,
            "Not dated in the sources: " + "; ".join(e.title for e in undated),
            transform=ax.transAxes,
            fontsize=7,
            va="top",
            wrap=True,
            parse_math=False,
        )
    return ax
