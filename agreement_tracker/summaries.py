"""The ready-made summary tables: a series, the focus matrix, the timeline, sources ...

>>> import agreement_tracker as at
>>> print(at.load().tables.counts())  # doctest: +ELLIPSIS
Records
<BLANKLINE>
records ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .dates import precision_label
from .exceptions import NoMatchError
from .model import Meeting, Source
from .render import Table, date_text, organisation_name, people_text, place_text

if TYPE_CHECKING:
    from .dataset import Tracker
    from .dates import DateLike

__all__ = ["Summaries", "summary"]


class Summaries:
    """Ready-made summary tables of a tracker, each one call (``tracker.tables``).

    >>> import agreement_tracker as at
    >>> tables = at.load().tables
    >>> print(tables.series("JWG").select(["no.", "place", "since previous"]))
    India–Israel Joint Working Group on Defence Cooperation (JWG)
    <BLANKLINE>
    no.    place             since previous
    -----  ----------------  ----------------
    16     India
    17     Tel Aviv, Israel  ~16 months
    """

    __slots__ = ("_tracker",)

    def __init__(self, tracker: Tracker) -> None:
        self._tracker = tracker

    def __repr__(self) -> str:
        return f"<Summaries of {self._tracker!r}>"

    def series(self, name: str) -> Table:
        """The sessions of a numbered series: number, date, place, co-chairs, gap since the previous.

        The gap counts whole calendar months between the two sessions' latest possible
        days, marked ``~`` when either date is less precise than a day, and left empty
        when either has an open end.

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
            # an open end has no latest day to count from (the gap stays empty)
            if (
                previous is not None
                and previous.date
                and meeting.date
                and not (previous.date.open_end or meeting.date.open_end)
            ):
                months = _months_between(previous.date.latest, meeting.date.latest)
                exact = all(
                    isinstance(d, type(meeting.date)) and precision_label(d) == "day"
                    for d in (previous.date, meeting.date)
                )
                gap = f"{'' if exact else '~'}{months} months"
            rows.append(
                [
                    "" if meeting.number is None else str(meeting.number),
                    date_text(meeting.date),
                    place_text(meeting.place),
                    people_text(tracker, meeting.co_chairs) or "unknown",
                    gap,
                ]
            )
            previous = meeting
        title = chosen.name + (f" ({chosen.short_name})" if chosen.short_name else "")
        return Table(["no.", "date", "place", "co-chairs", "since previous"], rows, title=title)

    def focus_matrix(self, kind: str | None = "mou", *, sources: bool = False) -> Table:
        """Focus areas × agreements: ``●`` named directly, ``○`` through a narrower term.

        ``kind`` limits the agreements (``None`` for all kinds).  Rows follow the
        vocabulary and include only areas some agreement reaches.  With ``sources``, a
        ``●`` cell also lists the sources whose quotes name the area for that agreement
        (:meth:`Tracker.provenance`).

        >>> import agreement_tracker as at
        >>> matrix = at.load().tables.focus_matrix()
        >>> matrix.columns
        ('focus area', 'mou-2025-11-defence-cooperation')
        >>> matrix.rows[:2]
        (('Emerging technologies', '●'), ('Artificial Intelligence', '●'))
        >>> at.load().tables.focus_matrix(sources=True).rows[0]
        ('Emerging technologies', '● exam-2025-11')
        """
        tracker = self._tracker
        agreements = tracker.agreements_about(kind=kind)
        rows = []
        named = {
            a.id: {row.value: row.sources for row in tracker.provenance(a.id, "focus_areas")}
            for a in (agreements if sources else ())
        }
        for area in tracker.focus_areas:
            below = {a.id for a in tracker.focus_areas.descendants(area)}
            cells = []
            for agreement in agreements:
                if area.id in agreement.focus_areas:
                    by = named.get(agreement.id, {}).get(area.id, ())
                    cells.append(" ".join(["●", ", ".join(by)]) if by else "●")
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
        ('Amir Baram', 'Major General (Res.) Director General, Ministry of Defence (Israel)', 'Israel', '2025-07-23, 2025-11, 2025-11-05, 2025-11-06')
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
        ('ani-2025-07-24', '(untitled)', 'ANI', '2025-07-24', '12', '29')
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
                organisation_name(tracker, s.agency) or organisation_name(tracker, s.publisher),
                date_text(s.published),
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
            ("statements", len(t.statements)),
            ("facts about relationships", len(t.relationship_facts)),
            ("materiel", len(t.materiel)),
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
            f"({last.id}, {date_text(last.date)})"
        )
        return table


def _months_between(start: Any, end: Any) -> int:
    return int((end.year - start.year) * 12 + (end.month - start.month))


def summary(tracker: Tracker, *, as_of: DateLike | None = None) -> str:
    """A plain-text overview of a dataset: counts, series, agreements, latest news.

    >>> import agreement_tracker as at
    >>> text = summary(at.load(), as_of="2025-11-30")
    >>> print(text.splitlines()[0])
    India–Israel defence relations, July 2024 – November 2025 (data version 1.2.0)
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
