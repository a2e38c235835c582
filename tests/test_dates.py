"""Tests for ``agreement_tracker.dates``: partial dates, ranges, comparisons and resolution."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from agreement_tracker.dates import (
    DateBetween,
    DateRange,
    PartialDate,
    Precision,
    Resolved,
    When,
    day_ordinal,
    parse_when,
    precision_label,
    resolve_this_year,
    resolve_weekday,
    to_date,
)
from agreement_tracker.exceptions import AgreementTrackerError, DateFormatError


def exactly(message: str) -> str:
    """A ``match=`` pattern that accepts ``message`` and nothing else."""
    return f"^{re.escape(message)}$"


# ------------------------------------------------------------------------- strategies


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Any valid PartialDate, of any precision."""
    year = draw(st.integers(min_value=1, max_value=9999))
    month = draw(st.none() | st.integers(min_value=1, max_value=12))
    if month is None:
        return PartialDate(year)
    last = calendar.monthrange(year, month)[1]
    day = draw(st.none() | st.integers(min_value=1, max_value=last))
    return PartialDate(year, month, day)


def _ordered(first: PartialDate, second: PartialDate) -> tuple[PartialDate, PartialDate]:
    """The two dates in an order that DateRange and DateBetween accept."""
    if first.earliest > second.latest:
        return second, first
    return first, second


@st.composite
def closed_betweens(draw: st.DrawFn) -> DateBetween:
    """Any DateBetween with both bounds (they differ)."""
    lower, upper = _ordered(draw(partial_dates()), draw(partial_dates()))
    assume(lower != upper)
    return DateBetween(lower, upper)


@st.composite
def date_betweens(draw: st.DrawFn) -> DateBetween:
    """Any valid DateBetween: both bounds, or one of them open."""
    value = draw(closed_betweens())
    open_side = draw(st.sampled_from(("none", "lower", "upper")))
    if open_side == "lower":
        return DateBetween(None, value.upper)
    if open_side == "upper":
        return DateBetween(value.lower, None)
    return value


@st.composite
def date_ranges(draw: st.DrawFn) -> DateRange:
    """Any valid DateRange: each end a date, one of several days, or open (not both)."""
    ends = draw(st.lists(partial_dates() | date_betweens(), min_size=2, max_size=2))
    ends.sort(key=lambda e: (e.first_ordinal, e.last_ordinal))
    start, end = ends  # sorted by first day, so the start is never after the end
    open_side = draw(st.sampled_from(("none", "start", "end")))
    return DateRange(None if open_side == "start" else start, None if open_side == "end" else end)


def whens() -> st.SearchStrategy[When]:
    """Any value of the three date kinds."""
    return st.one_of(partial_dates(), date_ranges(), date_betweens())


# ------------------------------------------------------------------------ PartialDate


@pytest.mark.parametrize(
    ("value", "precision", "earliest", "latest", "iso"),
    [
        (PartialDate(2024), Precision.YEAR, (2024, 1, 1), (2024, 12, 31), "2024"),
        (PartialDate(2024, 7), Precision.MONTH, (2024, 7, 1), (2024, 7, 31), "2024-07"),
        (PartialDate(2024, 4), Precision.MONTH, (2024, 4, 1), (2024, 4, 30), "2024-04"),
        (PartialDate(2024, 2), Precision.MONTH, (2024, 2, 1), (2024, 2, 29), "2024-02"),
        (PartialDate(2025, 2), Precision.MONTH, (2025, 2, 1), (2025, 2, 28), "2025-02"),
        (PartialDate(2025, 11, 4), Precision.DAY, (2025, 11, 4), (2025, 11, 4), "2025-11-04"),
        (PartialDate(2024, 2, 29), Precision.DAY, (2024, 2, 29), (2024, 2, 29), "2024-02-29"),
        (PartialDate(7), Precision.YEAR, (7, 1, 1), (7, 12, 31), "0007"),
    ],
)
def test_partial_date_precision_bounds_and_isoformat(
    value: PartialDate,
    precision: Precision,
    earliest: tuple[int, int, int],
    latest: tuple[int, int, int],
    iso: str,
) -> None:
    """A partial date's precision, first and last possible day and EDTF string follow its fields."""
    assert value.precision is precision
    assert value.earliest == pendulum.date(*earliest)
    assert value.latest == pendulum.date(*latest)
    assert value.isoformat() == iso
    assert str(value) == iso


def test_month_precision_latest_is_last_day_of_month() -> None:
    """A month-precision date's latest day is the last day of that month."""
    assert PartialDate(2025, 11).latest == pendulum.date(2025, 11, 30)


def test_earliest_and_latest_are_pendulum_dates() -> None:
    """Earliest and latest are pendulum.Date values."""
    value = PartialDate(2025, 7)
    assert type(value.earliest) is pendulum.Date
    assert type(value.latest) is pendulum.Date


def test_leap_february_has_29_days_and_common_february_28() -> None:
    """29 February exists in 2024 and is rejected in 2025."""
    assert PartialDate(2024, 2, 29).isoformat() == "2024-02-29"
    with pytest.raises(DateFormatError, match=exactly("day must be 1..28 for 2025-02, got 29")):
        PartialDate(2025, 2, 29)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0,), "year must be 1..9999, got 0"),
        ((10000,), "year must be 1..9999, got 10000"),
        ((2025, 0), "month must be 1..12, got 0"),
        ((2025, 13), "month must be 1..12, got 13"),
        ((2025, 4, 31), "day must be 1..30 for 2025-04, got 31"),
        ((2025, 7, 0), "day must be 1..31 for 2025-07, got 0"),
        ((2025, 7, 32), "day must be 1..31 for 2025-07, got 32"),
        ((2025, None, 3), "a day (3) needs a month"),
    ],
)
def test_partial_date_rejects_out_of_range_fields(args: tuple[Any, ...], message: str) -> None:
    """Out-of-range years, months and days, and a day without a month, are rejected."""
    with pytest.raises(DateFormatError, match=exactly(message)):
        PartialDate(*args)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2025",), "year must be an int, got str '2025'"),
        ((True,), "year must be an int, got bool True"),
        ((2025.0,), "year must be an int, got float 2025.0"),
        ((2025, True), "month must be an int, got bool True"),
        ((2025, "7"), "month must be an int, got str '7'"),
    ],
)
def test_partial_date_rejects_non_int_year_and_month(args: tuple[Any, ...], message: str) -> None:
    """Bools, strings and floats are not accepted as a year or month."""
    with pytest.raises(DateFormatError, match=exactly(message)):
        PartialDate(*args)


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (True, "day must be an int, got bool True"),
        ("1", "day must be an int, got str '1'"),
        (1.0, "day must be an int, got float 1.0"),
    ],
)
def test_partial_date_rejects_non_int_day(day: Any, message: str) -> None:
    """A non-int day is reported as not an int, like a non-int year or month."""
    with pytest.raises(DateFormatError, match=exactly(message)):
        PartialDate(2025, 7, day)


def test_partial_date_error_is_a_value_error_and_library_error() -> None:
    """DateFormatError is both a ValueError and an AgreementTrackerError."""
    with pytest.raises(DateFormatError) as info:
        PartialDate(2025, 13)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, AgreementTrackerError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025", PartialDate(2025)),
        ("2025-07", PartialDate(2025, 7)),
        ("2025-11-04", PartialDate(2025, 11, 4)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
        ("0001", PartialDate(1)),
        ("9999-12-31", PartialDate(9999, 12, 31)),
    ],
)
def test_partial_date_parse_good_strings(text: str, expected: PartialDate) -> None:
    """EDTF day, month and year strings parse to the matching PartialDate."""
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2025-7",
        "25-07",
        " 2025",
        "2025 ",
        "2025-07-1",
        "4 Nov 2025",
        "July 2024",
        "2025/07/04",
        "20250704",
        "",
        "2025-",
        "+2025",
        "-2025",
    ],
)
def test_partial_date_parse_rejects_malformed_strings(text: str) -> None:
    """Strings not of the form YYYY, YYYY-MM or YYYY-MM-DD are rejected, quoted in the message."""
    message = f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    with pytest.raises(DateFormatError, match=exactly(message)):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0000", "'0000': year must be 1..9999, got 0"),
        ("2025-13", "'2025-13': month must be 1..12, got 13"),
        ("2025-00", "'2025-00': month must be 1..12, got 0"),
        ("2025-02-29", "'2025-02-29': day must be 1..28 for 2025-02, got 29"),
        ("2025-07-00", "'2025-07-00': day must be 1..31 for 2025-07, got 0"),
    ],
)
def test_partial_date_parse_rejects_impossible_dates(text: str, message: str) -> None:
    """Well-formed strings naming impossible dates are rejected with the text as a prefix."""
    with pytest.raises(DateFormatError, match=exactly(message)):
        PartialDate.parse(text)


@pytest.mark.parametrize("value", [2025, None, pendulum.date(2025, 1, 1)])
def test_partial_date_parse_rejects_non_strings(value: Any) -> None:
    """PartialDate.parse refuses anything but a str."""
    message = f"expected a date string, got {type(value).__name__} {value!r}"
    with pytest.raises(DateFormatError, match=exactly(message)):
        PartialDate.parse(value)


@pytest.mark.parametrize("text", ["2025\n", "2025-07-04\n", "\u0662\u0660\u0662\u0665", "２０２５"])
def test_partial_date_parse_rejects_trailing_newline_and_non_ascii_digits(text: str) -> None:
    """A trailing newline or non-ASCII digits make a string malformed."""
    message = f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    with pytest.raises(DateFormatError, match=exactly(message)):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2025, 11, 4), PartialDate(2025, 11, 4)),
        (pendulum.date(2024, 2, 29), PartialDate(2024, 2, 29)),
    ],
)
def test_partial_date_from_date(value: dt.date, expected: PartialDate) -> None:
    """from_date gives a day-precision value for a datetime.date or pendulum.Date."""
    assert PartialDate.from_date(value) == expected
    assert PartialDate.from_date(value).precision is Precision.DAY


def test_partial_date_from_date_rejects_datetime() -> None:
    """from_date refuses a date-time rather than truncating it."""
    with pytest.raises(DateFormatError, match="is a date-time"):
        PartialDate.from_date(dt.datetime(2025, 11, 4, 12, 0))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2024-06-30", False),
        ("2024-07-01", True),
        ("2024-07-15", True),
        ("2024-07-31", True),
        ("2024-08-01", False),
        (dt.date(2024, 7, 4), True),
    ],
)
def test_partial_date_contains(day: str | dt.date, expected: bool) -> None:
    """A month-precision date contains exactly the days of its month."""
    assert PartialDate(2024, 7).contains(day) is expected


def test_partial_date_is_frozen_and_hashable() -> None:
    """PartialDate values are hashable and equal by value."""
    assert {PartialDate(2025, 7), PartialDate.parse("2025-07")} == {PartialDate(2025, 7)}
    assert PartialDate(2025) != PartialDate(2025, 1)


# ---------------------------------------------------------------------------- Precision


def test_precision_rank() -> None:
    """Rank is 0 for day, 1 for month and 2 for year."""
    assert [p.rank for p in (Precision.DAY, Precision.MONTH, Precision.YEAR)] == [0, 1, 2]


@pytest.mark.parametrize(
    ("finer", "coarser"),
    [
        (Precision.DAY, Precision.MONTH),
        (Precision.MONTH, Precision.YEAR),
        (Precision.DAY, Precision.YEAR),
    ],
)
def test_precision_orders_finer_before_coarser(finer: Precision, coarser: Precision) -> None:
    """A finer precision compares less than a coarser one, and not the other way round."""
    assert (finer < coarser) is True
    assert (coarser < finer) is False
    assert (coarser > finer) is True
    assert (finer > coarser) is False


def test_precision_sorts_and_takes_max() -> None:
    """Sorting precisions gives day, month, year; max is the coarsest."""
    values = [Precision.YEAR, Precision.DAY, Precision.MONTH]
    assert sorted(values) == [Precision.DAY, Precision.MONTH, Precision.YEAR]
    assert max(values) is Precision.YEAR


def test_precision_is_not_less_than_itself() -> None:
    """A precision is not strictly less than itself."""
    assert (Precision.MONTH < Precision.MONTH) is False


def test_precision_refuses_comparison_with_other_types() -> None:
    """Comparing a precision with a non-precision raises TypeError."""
    day = Precision.DAY
    other: Any = "month"
    with pytest.raises(TypeError, match="'<' not supported"):
        _ = day < other


def test_precision_supports_le_and_ge() -> None:
    """Precisions support <= and >= consistently with <."""
    assert (Precision.DAY <= Precision.MONTH) is True
    assert (Precision.MONTH <= Precision.MONTH) is True
    assert (Precision.YEAR >= Precision.DAY) is True
    assert (Precision.YEAR <= Precision.DAY) is False
    assert (Precision.DAY >= Precision.MONTH) is False


# ------------------------------------------------------------------ DateRange, DateBetween


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "earliest", "latest"),
    [
        (
            "2025-07-22/2025-07-23",
            PartialDate(2025, 7, 22),
            PartialDate(2025, 7, 23),
            Precision.DAY,
            (2025, 7, 22),
            (2025, 7, 23),
        ),
        (
            "2025-07/2025-08-02",
            PartialDate(2025, 7),
            PartialDate(2025, 8, 2),
            Precision.MONTH,
            (2025, 7, 1),
            (2025, 8, 2),
        ),
        (
            "2024/2025-02",
            PartialDate(2024),
            PartialDate(2025, 2),
            Precision.YEAR,
            (2024, 1, 1),
            (2025, 2, 28),
        ),
        (
            "2025-07-22/2025-07-22",
            PartialDate(2025, 7, 22),
            PartialDate(2025, 7, 22),
            Precision.DAY,
            (2025, 7, 22),
            (2025, 7, 22),
        ),
        (
            "2025-07-15/2025-07",
            PartialDate(2025, 7, 15),
            PartialDate(2025, 7),
            Precision.MONTH,
            (2025, 7, 15),
            (2025, 7, 31),
        ),
    ],
)
def test_date_range_parse(
    text: str,
    start: PartialDate,
    end: PartialDate,
    precision: Precision,
    earliest: tuple[int, int, int],
    latest: tuple[int, int, int],
) -> None:
    """A range parses to its ends, has the coarser precision, and spans start to end."""
    value = DateRange.parse(text)
    assert value == DateRange(start, end)
    assert value.start == start
    assert value.end == end
    assert value.precision is precision
    assert value.earliest == pendulum.date(*earliest)
    assert value.latest == pendulum.date(*latest)
    assert value.isoformat() == text
    assert str(value) == text


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (
            PartialDate(2025, 7, 23),
            PartialDate(2025, 7, 22),
            "range '2025-07-23' .. '2025-07-22' is out of order: "
            "the first date must not come after the second",
        ),
        (
            PartialDate(2025, 8),
            PartialDate(2025, 7, 31),
            "range '2025-08' .. '2025-07-31' is out of order: "
            "the first date must not come after the second",
        ),
    ],
)
def test_date_range_rejects_out_of_order(
    start: PartialDate, end: PartialDate, message: str
) -> None:
    """A range whose start is after its end is rejected."""
    with pytest.raises(DateFormatError, match=exactly(message)):
        DateRange(start, end)


def test_date_range_parse_prefixes_out_of_order_error_with_text() -> None:
    """Parsing an out-of-order range quotes the text in the error."""
    message = (
        "'2025-07-23/2025-07-22': range '2025-07-23' .. '2025-07-22' is out of order: "
        "the first date must not come after the second"
    )
    with pytest.raises(DateFormatError, match=exactly(message)):
        DateRange.parse("2025-07-23/2025-07-22")


@pytest.mark.parametrize("text", ["2025", "[2025-11-04..2025-11-06]"])
def test_date_range_parse_rejects_other_kinds(text: str) -> None:
    """DateRange.parse refuses strings that are not START/END."""
    message = f"{text!r} is not a range of the form START/END"
    with pytest.raises(DateFormatError, match=exactly(message)):
        DateRange.parse(text)


@pytest.mark.parametrize(
    ("text", "lower", "upper", "precision", "earliest", "latest"),
    [
        (
            "[2025-11-04..2025-11-06]",
            PartialDate(2025, 11, 4),
            PartialDate(2025, 11, 6),
            Precision.DAY,
            (2025, 11, 4),
            (2025, 11, 6),
        ),
        (
            "[2025-11..2025-11-06]",
            PartialDate(2025, 11),
            PartialDate(2025, 11, 6),
            Precision.MONTH,
            (2025, 11, 1),
            (2025, 11, 6),
        ),
        (
            "[2024..2025]",
            PartialDate(2024),
            PartialDate(2025),
            Precision.YEAR,
            (2024, 1, 1),
            (2025, 12, 31),
        ),
    ],
)
def test_date_between_parse(
    text: str,
    lower: PartialDate,
    upper: PartialDate,
    precision: Precision,
    earliest: tuple[int, int, int],
    latest: tuple[int, int, int],
) -> None:
    """A one-of-a-set value parses to its bounds and spans lower to upper."""
    value = DateBetween.parse(text)
    assert value == DateBetween(lower, upper)
    assert value.lower == lower
    assert value.upper == upper
    assert value.precision is precision
    assert value.earliest == pendulum.date(*earliest)
    assert value.latest == pendulum.date(*latest)
    assert value.isoformat() == text
    assert str(value) == text


def test_date_between_rejects_equal_bounds() -> None:
    """Equal bounds are rejected: the date itself should be written instead."""
    message = "both bounds are '2025-11-04'; write the date itself"
    with pytest.raises(DateFormatError, match=exactly(message)):
        DateBetween(PartialDate(2025, 11, 4), PartialDate(2025, 11, 4))
    with pytest.raises(DateFormatError, match=exactly(f"'[2025-11-04..2025-11-04]': {message}")):
        DateBetween.parse("[2025-11-04..2025-11-04]")


def test_date_between_rejects_out_of_order() -> None:
    """Bounds whose lower is after upper are rejected."""
    message = (
        "bounds '2025-11-06' .. '2025-11-04' are out of order: "
        "the first date must not come after the second"
    )
    with pytest.raises(DateFormatError, match=exactly(message)):
        DateBetween(PartialDate(2025, 11, 6), PartialDate(2025, 11, 4))


@pytest.mark.parametrize("text", ["2025", "2025-01/2025-02"])
def test_date_between_parse_rejects_other_kinds(text: str) -> None:
    """DateBetween.parse refuses strings that are not [LOWER..UPPER]."""
    message = f"{text!r} is not of the form [LOWER..UPPER]"
    with pytest.raises(DateFormatError, match=exactly(message)):
        DateBetween.parse(text)


# --------------------------------------------------------------------------- parse_when


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-07", PartialDate(2024, 7)),
        (" 2024-07 ", PartialDate(2024, 7)),
        ("2025", PartialDate(2025)),
        ("2025-07-22/2025-07-23", DateRange(PartialDate(2025, 7, 22), PartialDate(2025, 7, 23))),
        (
            "[2025-11-04..2025-11-06]",
            DateBetween(PartialDate(2025, 11, 4), PartialDate(2025, 11, 6)),
        ),
    ],
)
def test_parse_when_dispatches_on_form(text: str, expected: When) -> None:
    """parse_when returns the date kind that the string's form names."""
    parsed = parse_when(text)
    assert type(parsed) is type(expected)
    assert parsed == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("/2025", "'/2025': the start is empty; write '..' for an open start"),
        ("2025-07-22/", "'2025-07-22/': the end is empty; write '..' for an open end"),
        ("../..", "'../..': both ends are open, which says nothing; give a start, an end or both"),
        ("[..]", "'[..]': [..] has neither bound; give a lower bound, an upper bound or both"),
        (
            "..",
            "'..': an open end alone is no date; it belongs in a range ('../2025-07-23') "
            "or a bound ('[..2025-07-23]')",
        ),
        (
            "[2025-11-04,2025-11-06]",
            "'[2025-11-04,2025-11-06]': expected [LOWER..UPPER], [..UPPER] or [LOWER..]",
        ),
        ("[2025..2026", "'[2025..2026': expected [LOWER..UPPER], [..UPPER] or [LOWER..]"),
        ("2025..2026]", "'2025..2026]': expected [LOWER..UPPER], [..UPPER] or [LOWER..]"),
        (
            "[[2025..2026]..2027]",
            "'[[2025..2026]..2027]': nested brackets are not supported; write one [LOWER..UPPER]",
        ),
        (
            "2025-05-07/[[2025-05-10..2025-05-11]..2025-05-12]",
            "'2025-05-07/[[2025-05-10..2025-05-11]..2025-05-12]': nested brackets are not "
            "supported; write one [LOWER..UPPER]",
        ),
        (
            "2025-05-12/[2025-05-10..2025-05-11]",
            "'2025-05-12/[2025-05-10..2025-05-11]': range '2025-05-12' .. "
            "'[2025-05-10..2025-05-11]' is out of order: the first date must not come after "
            "the second",
        ),
        (
            "2025/2026/2027",
            "'2025/2026/2027': a range has one '/' between its start and its end",
        ),
        ("2025-13/2026", "'2025-13/2026': '2025-13': month must be 1..12, got 13"),
        ("[2025-13..2026]", "'[2025-13..2026]': '2025-13': month must be 1..12, got 13"),
        ("[..2025-13]", "'[..2025-13]': '2025-13': month must be 1..12, got 13"),
        ("July 2024", "'July 2024' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_parse_when_errors(text: str, message: str) -> None:
    """Empty ends, bare or doubled opens, malformed sets and bad dates are refused, naming the text."""
    with pytest.raises(DateFormatError, match=exactly(message)):
        parse_when(text)


# ----------------------------------------------------------- open and uncertain ends


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[..2025-07-23]", DateBetween(None, PartialDate(2025, 7, 23))),
        ("[2025-11..]", DateBetween(PartialDate(2025, 11), None)),
        ("../2025-07-23", DateRange(None, PartialDate(2025, 7, 23))),
        ("2025-05-07/..", DateRange(PartialDate(2025, 5, 7), None)),
        (
            "2025-05-07/[2025-05-10..2025-05-12]",
            DateRange(
                PartialDate(2025, 5, 7),
                DateBetween(PartialDate(2025, 5, 10), PartialDate(2025, 5, 12)),
            ),
        ),
        (
            "[2025-05-01..2025-05-03]/2025-05-09",
            DateRange(
                DateBetween(PartialDate(2025, 5, 1), PartialDate(2025, 5, 3)),
                PartialDate(2025, 5, 9),
            ),
        ),
        (
            "[..2025-05-03]/[2025-05-09..]",
            DateRange(
                DateBetween(None, PartialDate(2025, 5, 3)),
                DateBetween(PartialDate(2025, 5, 9), None),
            ),
        ),
    ],
)
def test_open_and_uncertain_forms_parse_and_round_trip(text: str, expected: When) -> None:
    """Each open or uncertain form parses to its value, and isoformat and str give the text back."""
    parsed = parse_when(text)
    assert parsed == expected
    assert parsed.isoformat() == text
    assert str(parsed) == text


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "open_start", "open_end", "precision"),
    [
        ("[..2025-07-23]", (1, 1, 1), (2025, 7, 23), True, False, Precision.DAY),
        ("[2025-11..]", (2025, 11, 1), (9999, 12, 31), False, True, Precision.MONTH),
        ("../2025-07", (1, 1, 1), (2025, 7, 31), True, False, Precision.MONTH),
        ("2025-05-07/..", (2025, 5, 7), (9999, 12, 31), False, True, Precision.DAY),
        (
            "2025-05-07/[2025-05-10..2025-05-12]",
            (2025, 5, 7),
            (2025, 5, 12),
            False,
            False,
            Precision.DAY,
        ),
        (
            "2025/[2025-05-10..2025-05-12]",
            (2025, 1, 1),
            (2025, 5, 12),
            False,
            False,
            Precision.YEAR,
        ),
        ("[..2025-05-03]/2025-05-09", (1, 1, 1), (2025, 5, 9), True, False, Precision.DAY),
        ("2025-05-01/[2025-05-09..]", (2025, 5, 1), (9999, 12, 31), False, True, Precision.DAY),
        ("2025-05", (2025, 5, 1), (2025, 5, 31), False, False, Precision.MONTH),
    ],
)
def test_open_ends_reach_the_calendar_ends_and_say_so(
    text: str,
    earliest: tuple[int, int, int],
    latest: tuple[int, int, int],
    open_start: bool,
    open_end: bool,
    precision: Precision,
) -> None:
    """An open end stands in as 0001-01-01 or 9999-12-31 and is flagged open_start/open_end."""
    value = parse_when(text)
    assert value.earliest == pendulum.date(*earliest)
    assert value.latest == pendulum.date(*latest)
    assert value.first_ordinal == dt.date(*earliest).toordinal()
    assert value.last_ordinal == dt.date(*latest).toordinal()
    assert (value.open_start, value.open_end) == (open_start, open_end)
    assert value.is_open is (open_start or open_end)
    assert value.precision is precision


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("[..2025-07-23]", "on or before 2025-07-23"),
        ("[2025-11..]", "in or after 2025-11"),
        ("[..2025]", "in or before 2025"),
        ("[2025-11-04..]", "on or after 2025-11-04"),
        ("../2025-07-23", "day range, open start"),
        ("2025-05-07/..", "day range, open end"),
        ("2025-05-07/[2025-05-10..2025-05-12]", "day range, end one of 3 days"),
        ("[2025-05-01..2025-05-03]/2025-05", "month range, start one of 3 days"),
        (
            "[..2025-05-03]/[2025-05-09..]",
            "day range, start on or before 2025-05-03, end on or after 2025-05-09",
        ),
    ],
)
def test_precision_label_of_open_and_uncertain_ends(text: str, label: str) -> None:
    """precision_label says an open or uncertain end in words, never with year 1 or 9999."""
    assert precision_label(parse_when(text)) == label


JULY_23 = "[..2025-07-23]"


@pytest.mark.parametrize(
    ("day", "certainly_before", "possibly_before", "certainly_after", "possibly_after"),
    [
        ("2025-07-24", True, True, False, False),
        ("2025-07-23", False, True, False, False),
        ("1990-01-01", False, True, False, True),
    ],
)
def test_an_open_start_is_possibly_before_every_day_and_certainly_after_none(
    day: str,
    certainly_before: bool,
    possibly_before: bool,
    certainly_after: bool,
    possibly_after: bool,
) -> None:
    """[..2025-07-23] is certainly before only days after 23 July and certainly after no day."""
    value = parse_when(JULY_23)
    assert value.certainly_before(day) is certainly_before
    assert value.possibly_before(day) is possibly_before
    assert value.certainly_after(day) is certainly_after
    assert value.possibly_after(day) is possibly_after


@pytest.mark.parametrize(
    ("day", "certainly_after", "possibly_after", "possibly_before"),
    [
        ("2025-10-31", True, True, False),
        ("2025-11-01", False, True, False),
        ("9000-01-01", False, True, True),
    ],
)
def test_an_open_end_is_possibly_after_every_day(
    day: str, certainly_after: bool, possibly_after: bool, possibly_before: bool
) -> None:
    """[2025-11..] is certainly after days before November and possibly after every day."""
    value = parse_when("[2025-11..]")
    assert value.certainly_after(day) is certainly_after
    assert value.possibly_after(day) is possibly_after
    assert value.possibly_before(day) is possibly_before
    assert value.certainly_before(day) is False


@pytest.mark.parametrize(
    ("text", "start", "end", "certain"),
    [
        ("[..2025-07-23]", "2025-01-01", "2025-12-31", False),
        ("2025-05-07/[2025-05-10..2025-05-12]", "2025-05-07", "2025-05-12", True),
        ("2025-05-07/[2025-05-10..2025-05-12]", "2025-05-07", "2025-05-11", False),
        ("2025-05-07/..", "2025-05-07", "2999-12-31", False),
    ],
)
def test_certainly_within_with_open_and_uncertain_ends(
    text: str, start: str, end: str, certain: bool
) -> None:
    """A value is certainly within a window only when every day it may cover is inside."""
    assert parse_when(text).certainly_within(start, end) is certain


@pytest.mark.parametrize(
    ("text", "certain_days"),
    [
        ("2025-07-22/2025-07-23", ((2025, 7, 22), (2025, 7, 23))),
        ("2025-05-07/[2025-05-10..2025-05-12]", ((2025, 5, 7), (2025, 5, 10))),
        ("[2025-05-01..2025-05-03]/2025-05-09", ((2025, 5, 3), (2025, 5, 9))),
        ("../2025-07-23", ((2025, 7, 23), (2025, 7, 23))),
        ("2025-05-07/..", ((2025, 5, 7), (2025, 5, 7))),
        ("[..2025-05-03]/[2025-05-09..]", ((2025, 5, 3), (2025, 5, 9))),
        ("2025-07/2025-07-23", ((2025, 7, 23), (2025, 7, 23))),
        ("2025-07/2025-07", None),
        ("../2025-07", None),
        ("2025/..", None),
    ],
)
def test_certain_days_of_a_range(
    text: str, certain_days: tuple[tuple[int, int, int], tuple[int, int, int]] | None
) -> None:
    """certain_days runs from the latest possible start to the earliest possible end."""
    value = DateRange.parse(text)
    expected = (
        None
        if certain_days is None
        else (pendulum.date(*certain_days[0]), pendulum.date(*certain_days[1]))
    )
    assert value.certain_days == expected


@pytest.mark.parametrize(
    ("day", "covered"),
    [("2025-05-06", False), ("2025-05-07", True), ("2025-05-10", True), ("2025-05-11", False)],
)
def test_certainly_covers_only_the_certain_days(day: str, covered: bool) -> None:
    """A range certainly covers a day only between its latest start and earliest end."""
    assert DateRange.parse("2025-05-07/[2025-05-10..2025-05-12]").certainly_covers(day) is covered


def test_open_values_sort_first_and_last() -> None:
    """sort_key puts an open start before every bounded start and an open end after every end."""
    texts = [
        "2025-05-07/..",
        "2025-05-07",
        "[..2025-07-23]",
        "2024",
        "2025-05-07/[2025-05-10..2025-05-12]",
    ]
    ordered = sorted(texts, key=lambda s: parse_when(s).sort_key())
    assert ordered == [
        "[..2025-07-23]",
        "2024",
        "2025-05-07",
        "2025-05-07/[2025-05-10..2025-05-12]",
        "2025-05-07/..",
    ]


def test_date_between_with_both_bounds_open_is_refused() -> None:
    """DateBetween(None, None) says nothing and is refused."""
    message = "both bounds are open, which says nothing; give a lower bound, an upper bound or both"
    with pytest.raises(DateFormatError, match=exactly(message)):
        DateBetween(None, None)


def test_date_range_with_both_ends_open_is_refused() -> None:
    """DateRange(None, None) says nothing and is refused."""
    message = "both ends are open, which says nothing; give a start, an end or both"
    with pytest.raises(DateFormatError, match=exactly(message)):
        DateRange(None, None)


def test_range_end_of_the_wrong_type_is_refused() -> None:
    """A range end that is neither a date, a DateBetween nor None is refused, naming the field."""
    value: Any = "2025-05-07"
    message = "start must be a PartialDate, a DateBetween or None (open), got str '2025-05-07'"
    with pytest.raises(DateFormatError, match=exactly(message)):
        DateRange(value, PartialDate(2025, 5, 9))


def test_range_end_may_not_be_a_range() -> None:
    """A DateRange cannot be the end of another range."""
    value: Any = DateRange.parse("2025-05-10/2025-05-12")
    message = (
        "end must be a PartialDate, a DateBetween or None (open), got DateRange "
        "DateRange(start=PartialDate(year=2025, month=5, day=10), "
        "end=PartialDate(year=2025, month=5, day=12))"
    )
    with pytest.raises(DateFormatError, match=exactly(message)):
        DateRange(PartialDate(2025, 5, 7), value)


def test_between_bound_of_the_wrong_type_is_refused() -> None:
    """A DateBetween bound that is not a PartialDate or None is refused, naming the field."""
    value: Any = DateBetween.parse("[2025-05-10..2025-05-12]")
    message = (
        "upper must be a PartialDate or None (open), got DateBetween "
        "DateBetween(lower=PartialDate(year=2025, month=5, day=10), "
        "upper=PartialDate(year=2025, month=5, day=12))"
    )
    with pytest.raises(DateFormatError, match=exactly(message)):
        DateBetween(PartialDate(2025, 5, 1), value)


def test_parse_when_rejects_non_string() -> None:
    """parse_when refuses anything but a str."""
    value: Any = 2025
    with pytest.raises(DateFormatError, match=exactly("expected a date string, got int 2025")):
        parse_when(value)


# ------------------------------------------------------------------- honest comparisons


JULY_2024 = PartialDate(2024, 7)


@pytest.mark.parametrize(
    ("day", "certainly", "possibly"),
    [
        ("2024-06-30", False, False),
        ("2024-07-01", False, False),
        ("2024-07-02", False, True),
        ("2024-07-15", False, True),
        ("2024-07-31", False, True),
        ("2024-08-01", True, True),
    ],
)
def test_before_edges(day: str, certainly: bool, possibly: bool) -> None:
    """'2024-07' is certainly before a day only after July ends, possibly before from 2 July."""
    assert JULY_2024.certainly_before(day) is certainly
    assert JULY_2024.possibly_before(day) is possibly


@pytest.mark.parametrize(
    ("day", "certainly", "possibly"),
    [
        ("2024-06-30", True, True),
        ("2024-07-01", False, True),
        ("2024-07-30", False, True),
        ("2024-07-31", False, False),
        ("2024-08-01", False, False),
    ],
)
def test_after_edges(day: str, certainly: bool, possibly: bool) -> None:
    """'2024-07' is certainly after a day only before July starts, possibly after until 30 July."""
    assert JULY_2024.certainly_after(day) is certainly
    assert JULY_2024.possibly_after(day) is possibly


def test_comparisons_accept_dates() -> None:
    """Comparisons take datetime.date and pendulum.Date as well as strings."""
    assert JULY_2024.certainly_before(dt.date(2024, 8, 1)) is True
    assert JULY_2024.certainly_before(pendulum.date(2024, 7, 31)) is False


def test_comparisons_refuse_partial_day() -> None:
    """A comparison's cut-off must be a full day, not a month."""
    message = "date: '2024-08' is not a full day; give YYYY-MM-DD, for example '2024-08-31'"
    with pytest.raises(DateFormatError, match=exactly(message)):
        JULY_2024.certainly_before("2024-08")


@pytest.mark.parametrize(
    ("value", "start", "end", "expected"),
    [
        (JULY_2024, "2024-07-01", "2024-07-31", True),
        (JULY_2024, "2024-06-01", "2024-08-31", True),
        (JULY_2024, "2024-07-01", "2024-07-30", False),
        (JULY_2024, "2024-07-02", "2024-07-31", False),
        (DateRange.parse("2025-07-22/2025-07-23"), "2025-07-22", "2025-07-23", True),
        (DateRange.parse("2025-07-22/2025-07-23"), "2025-07-23", "2025-07-31", False),
        (DateBetween.parse("[2025-11-04..2025-11-06]"), "2025-11-01", "2025-11-05", False),
        (DateBetween.parse("[2025-11-04..2025-11-06]"), "2025-11-04", "2025-11-06", True),
    ],
)
def test_certainly_within(value: When, start: str, end: str, expected: bool) -> None:
    """A value is certainly within a span only when all its possible days are inside it."""
    assert value.certainly_within(start, end) is expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("2025-11", "2025-11-04", True),
        ("2025-10", "2025-11-04", False),
        ("2025", "2025-11", True),
        ("2025-07-22/2025-07-23", "2025-07-23", True),
        ("2025-07-22/2025-07-23", "2025-07-24", False),
        ("2025-07-22/2025-07-23", "2025-07-21", False),
        ("[2025-11-04..2025-11-06]", "2025-11-06/2025-11-08", True),
        ("[2025-11-04..2025-11-06]", "2025-11-07/2025-11-08", False),
        ("2024", "2025", False),
    ],
)
def test_overlaps(first: str, second: str, expected: bool) -> None:
    """Two values overlap when they can share a day; overlap is symmetric."""
    assert parse_when(first).overlaps(parse_when(second)) is expected
    assert parse_when(second).overlaps(parse_when(first)) is expected


def test_sort_key_orders_by_earliest_then_latest() -> None:
    """Sorting by sort_key orders by earliest possible day, then by latest."""
    texts = [
        "2025-11-04",
        "2025",
        "2025-11",
        "2025-10-31/2025-11-02",
        "[2025-11-01..2025-11-03]",
        "2024-12",
    ]
    ordered = sorted(texts, key=lambda text: parse_when(text).sort_key())
    assert ordered == [
        "2024-12",
        "2025",
        "2025-10-31/2025-11-02",
        "[2025-11-01..2025-11-03]",
        "2025-11",
        "2025-11-04",
    ]


def test_sort_key_value() -> None:
    """The sort key is the pair (earliest, latest)."""
    assert JULY_2024.sort_key() == (pendulum.date(2024, 7, 1), pendulum.date(2024, 7, 31))


# ------------------------------------------------------------------------------ to_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-01", (2025, 11, 1)),
        (" 2025-11-01 ", (2025, 11, 1)),
        (dt.date(2025, 11, 1), (2025, 11, 1)),
        (pendulum.date(2024, 2, 29), (2024, 2, 29)),
    ],
)
def test_to_date_accepts_days(value: str | dt.date, expected: tuple[int, int, int]) -> None:
    """ISO day strings, datetime.date and pendulum.Date give a pendulum.Date."""
    result = to_date(value)
    assert result == pendulum.date(*expected)
    assert type(result) is pendulum.Date


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            dt.datetime(2025, 11, 1, 9, 30),
            "as_of: datetime.datetime(2025, 11, 1, 9, 30) is a date-time; "
            "pass a date (for example value.date())",
        ),
        (
            pendulum.datetime(2025, 11, 1),
            "as_of: DateTime(2025, 11, 1, 0, 0, 0, tzinfo=Timezone('UTC')) is a date-time; "
            "pass a date (for example value.date())",
        ),
        (
            "2025-11",
            "as_of: '2025-11' is not a full day; give YYYY-MM-DD, for example '2025-11-30'",
        ),
        ("2025", "as_of: '2025' is not a full day; give YYYY-MM-DD, for example '2025-12-31'"),
        (
            20251101,
            "as_of: expected an ISO date string, datetime.date or pendulum.Date, got int 20251101",
        ),
        (
            None,
            "as_of: expected an ISO date string, datetime.date or pendulum.Date, got NoneType None",
        ),
        (
            "1 Nov 2025",
            "as_of: '1 Nov 2025' is not a day; give YYYY-MM-DD, for example '2025-11-30'",
        ),
    ],
)
def test_to_date_rejects_non_days(value: Any, message: str) -> None:
    """Date-times (pendulum's too), partial strings, ints and junk are refused."""
    with pytest.raises(DateFormatError, match=exactly(message)):
        to_date(value, what="as_of")


def test_to_date_default_name_is_date() -> None:
    """Without ``what`` the error names the argument 'date'."""
    value: Any = 5
    message = "date: expected an ISO date string, datetime.date or pendulum.Date, got int 5"
    with pytest.raises(DateFormatError, match=exactly(message)):
        to_date(value)


# ---------------------------------------------------------------------- resolve_weekday


@pytest.mark.parametrize(
    ("weekday", "relation", "expected", "reason"),
    [
        (
            "Tuesday",
            "on_or_before",
            PartialDate(2025, 11, 4),
            "'Tuesday' read as the latest Tuesday on or before the dateline, Thursday 2025-11-06",
        ),
        (
            "Thursday",
            "on_or_before",
            PartialDate(2025, 11, 6),
            "'Thursday' read as the latest Thursday on or before the dateline, Thursday 2025-11-06",
        ),
        (
            "Thursday",
            "before",
            PartialDate(2025, 10, 30),
            "'Thursday' read as the latest Thursday before the dateline, Thursday 2025-11-06",
        ),
        (
            "Tuesday",
            "before",
            PartialDate(2025, 11, 4),
            "'Tuesday' read as the latest Tuesday before the dateline, Thursday 2025-11-06",
        ),
        (
            "Thursday",
            "on_or_after",
            PartialDate(2025, 11, 6),
            "'Thursday' read as the first Thursday on or after the dateline, Thursday 2025-11-06",
        ),
        (
            "Tuesday",
            "on_or_after",
            PartialDate(2025, 11, 11),
            "'Tuesday' read as the first Tuesday on or after the dateline, Thursday 2025-11-06",
        ),
        (
            "Thursday",
            "after",
            PartialDate(2025, 11, 13),
            "'Thursday' read as the first Thursday after the dateline, Thursday 2025-11-06",
        ),
        (
            "Friday",
            "after",
            PartialDate(2025, 11, 7),
            "'Friday' read as the first Friday after the dateline, Thursday 2025-11-06",
        ),
    ],
)
def test_resolve_weekday_relations(
    weekday: str, relation: Any, expected: PartialDate, reason: str
) -> None:
    """Each relation picks the right day around a Thursday dateline and says why."""
    resolved = resolve_weekday(weekday, "2025-11-06", relation=relation)
    assert resolved == Resolved(expected, reason)


def test_resolve_weekday_default_is_on_or_before() -> None:
    """Without a relation, a weekday is the latest such day on or before the dateline."""
    assert resolve_weekday("Tuesday", dateline="2025-11-06").value == PartialDate(2025, 11, 4)
    assert resolve_weekday("Thursday", dateline="2025-11-06").value == PartialDate(2025, 11, 6)


@pytest.mark.parametrize(
    ("weekday", "name"),
    [
        ("Tue", "Tuesday"),
        ("tue", "Tuesday"),
        ("TUESDAY", "Tuesday"),
        ("tUeSdAy", "Tuesday"),
        (" Tuesday ", "Tuesday"),
        ("mon", "Monday"),
        ("SUN", "Sunday"),
    ],
)
def test_resolve_weekday_accepts_abbreviations_and_any_case(weekday: str, name: str) -> None:
    """Three-letter abbreviations and any case are accepted; the reason quotes the stripped input."""
    resolved = resolve_weekday(weekday, dt.date(2025, 11, 6))
    expected_day = {"Tuesday": 4, "Monday": 3, "Sunday": 2}[name]
    assert resolved.value == PartialDate(2025, 11, expected_day)
    assert resolved.reason == (
        f"{weekday.strip()!r} read as the latest {name} on or before the dateline, "
        "Thursday 2025-11-06"
    )


@pytest.mark.parametrize(
    ("weekday", "message"),
    [
        ("Wensday", "unknown weekday 'Wensday'; did you mean 'Wednesday'?"),
        ("Thurs", "unknown weekday 'Thurs'; did you mean 'Thursday'?"),
        ("zzz", "unknown weekday 'zzz'"),
        ("", "unknown weekday ''"),
    ],
)
def test_resolve_weekday_unknown_weekday(weekday: str, message: str) -> None:
    """Unknown weekday names are rejected, with a suggestion when one is close."""
    with pytest.raises(DateFormatError, match=exactly(message)):
        resolve_weekday(weekday, "2025-07-24")


def test_resolve_weekday_invalid_relation() -> None:
    """A relation other than the four supported ones is rejected."""
    relation: Any = "sometime"
    message = (
        "relation must be one of 'on_or_before', 'before', 'on_or_after', 'after', got 'sometime'"
    )
    with pytest.raises(DateFormatError, match=exactly(message)):
        resolve_weekday("Tuesday", "2025-11-06", relation=relation)


def test_resolve_weekday_dateline_must_be_a_day() -> None:
    """A month-precision dateline is refused and named 'dateline' in the error."""
    message = "dateline: '2025-11' is not a full day; give YYYY-MM-DD, for example '2025-11-30'"
    with pytest.raises(DateFormatError, match=exactly(message)):
        resolve_weekday("Tuesday", "2025-11")


# -------------------------------------------------------------------- resolve_this_year


@pytest.mark.parametrize(
    ("dateline", "expected", "reason"),
    [
        ("2025-11-05", PartialDate(2025), "'this year' read against the dateline 2025-11-05"),
        (
            dt.date(2024, 1, 1),
            PartialDate(2024),
            "'this year' read against the dateline 2024-01-01",
        ),
        (
            pendulum.date(2023, 12, 31),
            PartialDate(2023),
            "'this year' read against the dateline 2023-12-31",
        ),
    ],
)
def test_resolve_this_year(dateline: str | dt.date, expected: PartialDate, reason: str) -> None:
    """The dateline's year is what 'this year' means, with the dateline in the reason."""
    assert resolve_this_year(dateline) == Resolved(expected, reason)


def test_resolve_this_year_rejects_partial_dateline() -> None:
    """resolve_this_year needs a full-day dateline."""
    message = "dateline: '2025' is not a full day; give YYYY-MM-DD, for example '2025-12-31'"
    with pytest.raises(DateFormatError, match=exactly(message)):
        resolve_this_year("2025")


# ---------------------------------------------------------------------------- properties


@given(partial_dates())
def test_partial_date_isoformat_round_trips(value: PartialDate) -> None:
    """Parsing a PartialDate's EDTF string gives the same PartialDate."""
    assert PartialDate.parse(value.isoformat()) == value
    assert parse_when(value.isoformat()) == value


@given(date_ranges())
def test_date_range_isoformat_round_trips(value: DateRange) -> None:
    """Parsing a DateRange's EDTF string gives the same DateRange."""
    assert parse_when(value.isoformat()) == value
    assert DateRange.parse(value.isoformat()) == value


@given(date_betweens())
def test_date_between_isoformat_round_trips(value: DateBetween) -> None:
    """Parsing a DateBetween's EDTF string gives the same DateBetween."""
    assert parse_when(value.isoformat()) == value
    assert DateBetween.parse(value.isoformat()) == value


@given(partial_dates())
def test_partial_date_contains_its_bounds(value: PartialDate) -> None:
    """A PartialDate contains its earliest and latest days and not the days just outside."""
    assert value.earliest <= value.latest
    assert value.contains(value.earliest) is True
    assert value.contains(value.latest) is True
    if value.earliest > pendulum.date(1, 1, 1):
        assert value.contains(value.earliest.subtract(days=1)) is False
    if value.latest < pendulum.date(9999, 12, 31):
        assert value.contains(value.latest.add(days=1)) is False


@given(partial_dates())
def test_partial_date_precision_matches_fields(value: PartialDate) -> None:
    """Precision is day when a day is given, month when only a month is, year otherwise."""
    expected = (
        Precision.DAY
        if value.day is not None
        else Precision.MONTH
        if value.month is not None
        else Precision.YEAR
    )
    assert value.precision is expected
    assert (value.earliest == value.latest) is (expected is Precision.DAY)


@given(whens())
def test_any_when_has_ordered_bounds(value: When) -> None:
    """Every date kind's earliest possible day is not after its latest."""
    assert value.earliest <= value.latest
    assert value.certainly_within(value.earliest, value.latest) is True
    assert value.overlaps(value) is True
    assert value.sort_key() == (value.earliest, value.latest)


@given(whens(), st.dates())
def test_certainly_implies_possibly(value: When, day: dt.date) -> None:
    """Certainly before (after) a day implies possibly before (after) it."""
    if value.certainly_before(day):
        assert value.possibly_before(day) is True
    if value.certainly_after(day):
        assert value.possibly_after(day) is True
    assert value.possibly_before(day) is (value.earliest < day)
    assert value.certainly_before(day) is (value.latest < day)


@given(whens(), whens())
def test_overlaps_is_symmetric(first: When, second: When) -> None:
    """Overlap does not depend on the order of the two values."""
    assert first.overlaps(second) is second.overlaps(first)


@given(st.dates())
def test_to_date_round_trips_dates(value: dt.date) -> None:
    """to_date returns the same day for a date, its pendulum form and its ISO string."""
    assert to_date(value) == value
    assert to_date(pendulum.date(value.year, value.month, value.day)) == value
    assert to_date(value.isoformat()) == value
    assert PartialDate.from_date(value).earliest == value


def test_day_ordinal_reports_a_bad_day_every_time() -> None:
    """A day string that is not a full day is refused on every call, naming the argument."""
    for what in ("as_of", "start"):
        with pytest.raises(
            DateFormatError,
            match=exactly(
                f"{what}: '2025-11' is not a full day; give YYYY-MM-DD, for example '2025-11-30'"
            ),
        ):
            day_ordinal("2025-11", what=what)


def test_day_ordinal_of_many_day_strings() -> None:
    """Thousands of distinct day strings, asked twice, give their ordinals; padding is ignored."""
    days = [dt.date(2000, 1, 1) + dt.timedelta(days=n) for n in range(5000)]
    for _ in range(2):
        assert [day_ordinal(d.isoformat()) for d in days] == [d.toordinal() for d in days]
    assert day_ordinal(" 2025-11-04 ") == dt.date(2025, 11, 4).toordinal()


def test_partial_date_fields_are_year_month_day() -> None:
    """A PartialDate's attrs fields are its year, month and day, and nothing else."""
    assert [f.name for f in attrs.fields(PartialDate)] == ["year", "month", "day"]
    assert attrs.asdict(PartialDate(2024, 7)) == {"year": 2024, "month": 7, "day": None}
    assert attrs.asdict(DateRange.parse("2025-07-22/2025-07-23")) == {
        "start": {"year": 2025, "month": 7, "day": 22},
        "end": {"year": 2025, "month": 7, "day": 23},
    }


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("2025-07", ["2025-07-01", "2025-07-31"]),
        ("[..2025-07-23]", ["2025-07-23", "2025-07-23"]),
        ("2025-05-07/..", ["2025-05-07", "2025-05-07"]),
        (
            "2025-05-07/[2025-05-10..2025-05-12]",
            ["2025-05-07", "2025-05-07", "2025-05-10", "2025-05-10", "2025-05-12", "2025-05-12"],
        ),
        ("[2025-11..]", ["2025-11-01", "2025-11-30"]),
    ],
)
def test_written_ordinals_hold_only_written_days(text: str, days: list[str]) -> None:
    """written_ordinals gives the first and last day of each date written, none for an open end."""
    found = [dt.date.fromordinal(d).isoformat() for d in parse_when(text).written_ordinals]
    assert found == days
