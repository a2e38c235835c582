"""A small constructed dataset whose dates have open and uncertain ends.

The bundled data may not use every date form, so the queries and exports are tested on
this one too.  In timeline order (earliest possible day, then latest, kind, id):

* ``before-range``, event, ``../2025-04-30``: open .. 2025-04-30
* ``rising-lion``, event, ``[..2025-07-23]``: open .. 2025-07-23
* ``sindoor``, event, ``2025-05-07/[2025-05-10..2025-05-12]``: 2025-05-07 .. 2025-05-12
* ``open-talks``, meeting of ``talks``, ``2025-05-07/..``: 2025-05-07 .. open
* ``m1``, meeting of ``talks``, ``2025-07-23``
* ``m2``, meeting of ``talks``, ``[2025-07-23..]``: 2025-07-23 .. open
* ``visit-report``, event, ``[2025-07-24..2025-07-30]``
* ``tour``, delegation dated by its engagements (2025-07-24 and ``[2025-08..]``):
  ``2025-07-24/[2025-08-01..]``
* ``after-nov``, event, ``[2025-11..]``: 2025-11-01 .. open
"""

from __future__ import annotations

import agreement_tracker as at

TEXT = "Ann led talks. Rising Lion came first. Sindoor began on 7 May and went on."

#: Each dated record's id and its EDTF date, in timeline order (the tour's is derived).
DATES = {
    "before-range": "../2025-04-30",
    "rising-lion": "[..2025-07-23]",
    "sindoor": "2025-05-07/[2025-05-10..2025-05-12]",
    "open-talks": "2025-05-07/..",
    "m1": "2025-07-23",
    "m2": "[2025-07-23..]",
    "visit-report": "[2025-07-24..2025-07-30]",
    "tour": "2025-07-24/[2025-08-01..]",
    "after-nov": "[2025-11..]",
}


def tracker() -> at.Tracker:
    """The constructed dataset (see the module's table)."""
    cite = (at.Citation(source="s", quote="Ann led talks"),)
    source = at.Source(id="s", text_file="s.txt", text=TEXT)
    ann = at.Person(id="ann", name="Ann", citations=cite)
    series = at.Series(id="talks", name="Talks", parties=("IN", "IL"), citations=cite)

    def event(record_id: str) -> at.Event:
        return at.Event(
            id=record_id,
            kind=at.EventKind.OTHER,
            title=record_id.replace("-", " ").title(),
            date=at.parse_when(DATES[record_id]),
            countries=("IN", "IL"),
            citations=cite,
        )

    def meeting(record_id: str, number: int | None) -> at.Meeting:
        return at.Meeting(
            id=record_id,
            kind=at.MeetingKind.TALKS,
            title=f"Talks {record_id}",
            series="talks",
            number=number,
            date=at.parse_when(DATES[record_id]),
            participants=("ann",),
            citations=cite,
        )

    tour = at.Delegation(
        id="tour",
        title="Ann's tour",
        leader="ann",
        origin="IN",
        host="IL",
        engagements=(
            at.Engagement(
                kind=at.EngagementKind.SITE_VISIT,
                description="A site visit",
                date=at.parse_when("2025-07-24"),
                citations=cite,
            ),
            at.Engagement(
                kind=at.EngagementKind.OTHER,
                description="Talks that went on",
                date=at.parse_when("[2025-08..]"),
                citations=cite,
            ),
        ),
        citations=cite,
    )
    events = [event(i) for i in ("before-range", "rising-lion", "sindoor", "visit-report")]
    return at.Tracker(
        [
            source,
            ann,
            series,
            *events,
            event("after-nov"),
            meeting("open-talks", None),
            meeting("m1", 1),
            meeting("m2", 2),
            tour,
        ],
        name="Open dates",
        version="1",
    )
