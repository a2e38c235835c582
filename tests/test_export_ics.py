"""The iCalendar export, parsed back with the ``icalendar`` package."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import attrs
import pytest

import agreement_tracker as at
from agreement_tracker.export.ics import calendar, escape, fold

from . import open_dates

icalendar = pytest.importorskip("icalendar")

DATASET = "india-israel-defence-relations-july-2024-november-2025"


def _events(text: str) -> dict[str, Any]:
    parsed = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]).split("@")[0]: e for e in parsed.walk("VEVENT")}


def _plain(value: Any) -> _dt.date:
    return _dt.date.fromisoformat(value.isoformat())


def test_every_dated_record_is_an_all_day_event() -> None:
    """Each record dated at both ends is one all-day event over all its possible days."""
    t = at.load()
    events = _events(calendar(t))
    dated = [e for e in t.timeline() if e.date is not None and not e.date.is_open]
    assert sorted(events) == sorted(e.id for e in dated)
    for entry in dated:
        assert entry.date is not None
        event = events[entry.id]
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is _dt.date  # all-day, not midnight
        assert type(end) is _dt.date
        assert start == _plain(entry.date.earliest)
        assert end == _plain(entry.date.latest) + _dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == entry.title
        assert str(event["UID"]) == f"{entry.id}@{DATASET}"


def test_status_is_tentative_unless_the_days_are_known() -> None:
    """A month, a year or one-of-a-few-days is TENTATIVE; a day or a range of days is not."""
    events = _events(calendar(at.load()))
    status = {uid: str(e["STATUS"]) for uid, e in events.items()}
    assert status["jwg-16"] == "TENTATIVE"  # July 2024
    assert status["singh-katz-2025-11"] == "TENTATIVE"  # one of 4-6 November
    assert status["jwg-17"] == "TENTATIVE"  # begun 1-4 November, over 1-6 November
    assert status["in-mod-x-post-2025-11-06"] == "CONFIRMED"  # 6 November
    assert status["baram-india-2025-07"] == "CONFIRMED"  # 22-23 July, both days known


def test_description_gives_the_edtf_value_its_form_and_a_quote() -> None:
    """The description says the EDTF value, its form in words, and quotes the source."""
    event = _events(calendar(at.load()))["singh-katz-2025-11"]
    description = str(event["DESCRIPTION"])
    assert description.startswith(
        "Meeting. Date: [2025-11-04..2025-11-06] (one day, not known which, from 2025-11-04 "
        "to 2025-11-06). Quote: “"
    )
    record = at.load().meeting("singh-katz-2025-11")
    assert any(f"“{c.quote}” ({c.source})" in description for c in record.citations)


def test_stamp_is_fixed_and_the_output_repeatable() -> None:
    """DTSTAMP is the data's last possible day, not the time of export; output is repeatable."""
    t = at.load()
    first, second = calendar(t), calendar(t)
    assert first == second
    stamps = {e["DTSTAMP"].dt for e in _events(first).values()}
    assert stamps == {_dt.datetime(2025, 12, 31, tzinfo=_dt.UTC)}


def test_text_from_data_is_escaped_and_lines_folded() -> None:
    """Commas, semicolons, backslashes and newlines in data survive the round trip."""
    t = at.load()
    tricky = "Talks; agenda: cyber, AI \\ drones\nsecond line"
    meeting = attrs.evolve(t.meeting("jwg-17"), title=tricky)
    text = calendar(t.with_records(meeting, on_conflict="replace"))
    assert str(_events(text)["jwg-17"]["SUMMARY"]) == tricky
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75


def test_escape_and_fold_follow_rfc_5545() -> None:
    """Escaping doubles backslashes and marks ; , newline; folding never splits a character."""
    assert escape("a\\b;c,d\r\ne") == "a\\\\b\\;c\\,d\\ne"
    folded = fold("X:" + "ऄ" * 30)  # three octets each
    assert [len(p.encode()) for p in folded.split("\r\n")] == [74, 19]
    assert folded.replace("\r\n ", "") == "X:" + "ऄ" * 30


def test_written_file_parses(tmp_path: Path) -> None:
    """The file written by Tracker.export is a calendar icalendar reads whole."""
    target = tmp_path / "cal.ics"
    at.load().export("ics", target)
    parsed = icalendar.Calendar.from_ical(target.read_bytes())
    # icalendar keeps an X- property's text as written: escaped, as RFC 5545 asks.
    assert str(parsed["X-WR-CALNAME"]) == escape(at.load().name)
    # two visits are dated by their engagements; four records with an open end are left out
    assert len(list(parsed.walk("VEVENT"))) == 20


def test_dates_with_an_open_end_are_left_out_and_named() -> None:
    """An open end has no day to put in a calendar: the record is left out and named."""
    text = calendar(open_dates.tracker())
    events = _events(text)
    assert sorted(events) == ["m1", "sindoor", "visit-report"]
    parsed = icalendar.Calendar.from_ical(text)
    assert str(parsed["DESCRIPTION"]) == (
        "Left out, their dates having an open end: before-range (../2025-04-30), "
        "rising-lion ([..2025-07-23]), open-talks (2025-05-07/..), m2 ([2025-07-23..]), "
        "tour (2025-07-24/[2025-08-01..]), after-nov ([2025-11..])."
    )
    assert "0001" not in text
    assert "9999" not in text


def test_an_uncertain_range_end_is_tentative_over_every_possible_day() -> None:
    """A range ending on one of three days spans to the last of them, TENTATIVE, in words."""
    text = calendar(open_dates.tracker())
    sindoor = _events(text)["sindoor"]
    assert (sindoor["DTSTART"].dt, sindoor["DTEND"].dt) == (
        _dt.date(2025, 5, 7),
        _dt.date(2025, 5, 13),
    )
    assert str(sindoor["STATUS"]) == "TENTATIVE"
    assert str(sindoor["DESCRIPTION"]).startswith(
        "Event. Date: 2025-05-07/[2025-05-10..2025-05-12] (from 2025-05-07 to 2025-05-12 at "
        "the widest; its ends are known only as 2025-05-07 and [2025-05-10..2025-05-12])."
    )
    stamps = {e["DTSTAMP"].dt for e in events_of(text)}
    assert stamps == {_dt.datetime(2025, 7, 30, tzinfo=_dt.UTC)}


def events_of(text: str) -> list[Any]:
    """The calendar's events, in order."""
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def test_only_a_calendar_that_leaves_records_out_has_a_description() -> None:
    """The bundled calendar names the records it leaves out; one without open ends has none."""
    parsed = icalendar.Calendar.from_ical(calendar(at.load()))
    assert str(parsed["DESCRIPTION"]) == (
        "Left out, their dates having an open end: operation-rising-lion ([..2025-07-23]), "
        "saar-ndtv-interview-2025 ([..2025-11-05]), saar-global-superpower-2025 "
        "([..2025-11-05]), mod-unified-framework-2025-11 ([2025-11..])."
    )
    t = open_dates.tracker()
    closed = at.Tracker(
        r
        for r in t.all_records()
        if r.id not in ("before-range", "rising-lion", "open-talks", "m2", "tour", "after-nov")
    )
    assert "DESCRIPTION" not in icalendar.Calendar.from_ical(calendar(closed))


def test_dated_statements_are_on_the_calendar() -> None:
    """Statements stand on the timeline, so each dated one is an event of category statement."""
    t = at.load()
    events = _events(calendar(t))
    dated = sorted(s.id for s in t.statements if s.date is not None and not s.date.is_open)
    assert dated == [
        "baram-key-ally-2025-07-24",
        "il-mod-statement-2025-07-24",
        "in-mod-statement-2025-07-23",
        "in-mod-x-post-2025-11-06",
        "mou-official-statement-2025-11",
        "netanyahu-battle-tested-2025",
    ]
    assert (
        sorted(uid for uid, e in events.items() if str(e["CATEGORIES"].cats[0]) == "statement")
        == dated
    )
    event = events["in-mod-x-post-2025-11-06"]
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (
        _dt.date(2025, 11, 6),
        _dt.date(2025, 11, 7),
    )
    assert str(event["DESCRIPTION"]).startswith("Statement. Date: 2025-11-06 (the day itself).")
