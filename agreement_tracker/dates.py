"""Dates that know their precision.

News reports say "July 2024", "November 2025", "July 22-23" or "earlier on Tuesday".
This module models those without pretending to more precision than the sources give:

* :class:`PartialDate` -- one day known to year, month or day precision
  (EDTF ``2024``, ``2024-07``, ``2025-11-04``);
* :class:`DateRange` -- something that lasted from a start to an end
  (EDTF interval ``2025-07-22/2025-07-23``); an end may itself be one of several days
  (``2025-05-07/[2025-05-10..2025-05-12]``) or open (``../2025-07-23``, ``2025-05-07/..``);
* :class:`DateBetween` -- one day that is not known exactly but lies between two bounds
  (EDTF "one of a set" ``[2025-11-04..2025-11-06]``), one of which may be missing
  (``[..2025-07-23]``: on or before 23 July 2025; ``[2025-11..]``: in or after November).

All three expose ``earliest`` and ``latest``: the first and last day the value can
possibly cover, as :class:`pendulum.Date`.  Comparisons are honest: a value is
*certainly* before a day only when its latest possible day is before it, and *possibly*
before it when its earliest possible day is.

An open end has no first (or last) possible day.  The rules treat it as reaching the
first (or last) day the calendar holds, 0001-01-01 (or 9999-12-31), so every rule stays
one comparison: ``[..2025-07-23]`` is *possibly* before every later day and *certainly*
after none.  ``open_start`` and ``open_end`` say when a bound is such a stand-in, so that
displays and exports write an open end as open, never as year 1 or 9999.

>>> rising_lion = parse_when("[..2025-07-23]")
>>> rising_lion.certainly_before("2025-07-24"), rising_lion.certainly_after("1990-01-01")
(True, False)
>>> rising_lion.open_start, rising_lion.earliest
(True, Date(1, 1, 1))

>>> july = PartialDate.parse("2024-07")
>>> july.earliest, july.latest
(Date(2024, 7, 1), Date(2024, 7, 31))
>>> july.certainly_before("2024-08-01"), july.certainly_before("2024-07-15")
(True, False)
>>> july.possibly_before("2024-07-15")
True

Relative mentions are resolved against a report's dateline; the result carries the
reasoning so the data can mark it as inferred:

>>> resolved = resolve_weekday("Tuesday", dateline="2025-11-06")
>>> resolved.value.isoformat()
'2025-11-04'
>>> resolved.reason
"'Tuesday' read as the latest Tuesday on or before the dateline, Thursday 2025-11-06"
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from ._text import close_matches
from .exceptions import DateFormatError

if TYPE_CHECKING:
    import pendulum

__all__ = [
    "DateBetween",
    "DateLike",
    "DateRange",
    "PartialDate",
    "Precision",
    "RangeEnd",
    "Resolved",
    "When",
    "parse_when",
    "precision_label",
    "resolve_this_year",
    "resolve_weekday",
    "to_date",
]

#: What the query helpers accept wherever they take a day.
DateLike: TypeAlias = str | _dt.date  # pendulum.Date is a datetime.date

#: The ordinals that stand in for an open start and an open end.
_OPEN_FIRST = _dt.date.min.toordinal()
_OPEN_LAST = _dt.date.max.toordinal()

_DAY_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _pendulum() -> Any:
    """pendulum, imported on first use: loading and most queries never need it."""
    import pendulum

    return pendulum


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def day_ordinal(value: DateLike, *, what: str = "date") -> int:
    """The day as a proleptic Gregorian ordinal (``datetime.date.toordinal``).

    Accepts what :func:`to_date` accepts, with the same errors, without needing pendulum.

    >>> import datetime
    >>> day_ordinal("2025-11-04") == datetime.date(2025, 11, 4).toordinal()
    True
    """
    if isinstance(value, _dt.datetime):
        raise DateFormatError(
            f"{what}: {value!r} is a date-time; pass a date (for example value.date())"
        )
    if isinstance(value, _dt.date):
        return value.toordinal()
    if isinstance(value, str):
        if len(value) == 10 and value[4] == value[7] == "-":
            try:  # the common well-formed day, read by the standard library
                return _dt.date.fromisoformat(value).toordinal()
            except ValueError:
                pass  # the detailed reader says what is wrong
        return _text_day_ordinal(value, what)
    raise DateFormatError(
        f"{what}: expected an ISO date string, datetime.date or pendulum.Date, "
        f"got {type(value).__name__} {value!r}"
    )


def _text_day_ordinal(value: str, what: str) -> int:
    try:
        partial = PartialDate.parse(value.strip())
    except DateFormatError:
        raise DateFormatError(
            f"{what}: {value!r} is not a day; give YYYY-MM-DD, for example '2025-11-30'"
        ) from None
    if partial.precision is not Precision.DAY:
        last = _dt.date.fromordinal(partial.last_ordinal).isoformat()
        raise DateFormatError(
            f"{what}: {value!r} is not a full day; give YYYY-MM-DD, for example {last!r}"
        )
    return partial.first_ordinal


def to_date(value: DateLike, *, what: str = "date") -> pendulum.Date:
    """Turn an ISO ``YYYY-MM-DD`` string, a ``datetime.date`` or a pendulum date into a day.

    Date-times are refused rather than truncated, and so are partial strings such as
    ``"2025-11"``: a query's cut-off must be a day.  ``what`` names the argument in errors.

    >>> to_date("2025-11-01")
    Date(2025, 11, 1)
    >>> import datetime
    >>> to_date(datetime.date(2025, 11, 1))
    Date(2025, 11, 1)
    >>> to_date("2025-11", what="as_of")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DateFormatError: as_of: '2025-11' is not a full day; give YYYY-MM-DD, for example '2025-11-30'
    """
    return _pendulum().Date.fromordinal(day_ordinal(value, what=what))  # type: ignore[no-any-return]


@functools.total_ordering
class Precision(enum.Enum):
    """How precisely a date is known: to the day, the month or the year.

    >>> PartialDate.parse("2024-07").precision
    <Precision.MONTH: 'month'>
    >>> Precision.DAY < Precision.YEAR
    True
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"

    @property
    def rank(self) -> int:
        """0 for day, 1 for month, 2 for year: larger is coarser.

        >>> Precision.MONTH.rank
        1
        """
        return _PRECISION_RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Precision):
            return NotImplemented
        return self.rank < other.rank


_PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


class _Span:
    """Comparison rules shared by every date kind; subclasses define earliest/latest."""

    __slots__ = ()

    @property
    def first_ordinal(self) -> int:  # pragma: no cover - overridden
        """The earliest possible day as a ``datetime.date`` ordinal (fast to compare)."""
        raise NotImplementedError

    @property
    def last_ordinal(self) -> int:  # pragma: no cover - overridden
        """The latest possible day as a ``datetime.date`` ordinal (fast to compare)."""
        raise NotImplementedError

    @property
    def open_start(self) -> bool:
        """True when this value has no first possible day (its start is open).

        ``first_ordinal`` and ``earliest`` then hold the calendar's first day, 0001-01-01,
        as a stand-in that no display should print.

        >>> parse_when("[..2025-07-23]").open_start, parse_when("2025-07").open_start
        (True, False)
        """
        return False

    @property
    def open_end(self) -> bool:
        """True when this value has no last possible day (its end is open).

        ``last_ordinal`` and ``latest`` then hold the calendar's last day, 9999-12-31,
        as a stand-in that no display should print.

        >>> parse_when("2025-05-07/..").open_end, parse_when("2025-05-07/..").open_start
        (True, False)
        """
        return False

    @property
    def is_open(self) -> bool:
        """True when either end is open (see :attr:`open_start`, :attr:`open_end`).

        >>> parse_when("[2025-11..]").is_open, parse_when("[2025-11..2025-12]").is_open
        (True, False)
        """
        return self.open_start or self.open_end

    @property
    def written_ordinals(self) -> tuple[int, ...]:
        """The first and last day of every date written in this value, as ordinals.

        An open end writes none, so these never hold the stand-ins for open ends: a
        display can scale its axis to them.

        >>> import datetime
        >>> [datetime.date.fromordinal(d).isoformat()
        ...  for d in parse_when("../[2025-05-10..2025-05-12]").written_ordinals]
        ['2025-05-10', '2025-05-10', '2025-05-12', '2025-05-12']
        """
        return tuple(
            day for part in self._written() for day in (part.first_ordinal, part.last_ordinal)
        )

    def _written(self) -> tuple[PartialDate, ...]:  # pragma: no cover - overridden
        """The dates written in this value."""
        raise NotImplementedError

    @property
    def earliest(self) -> pendulum.Date:
        """The first day this value can be, as a pendulum date (0001-01-01 when open).

        >>> PartialDate(2025).earliest
        Date(2025, 1, 1)
        """
        return _pendulum().Date.fromordinal(self.first_ordinal)  # type: ignore[no-any-return]

    @property
    def latest(self) -> pendulum.Date:
        """The last day this value can be, as a pendulum date (9999-12-31 when open).

        >>> PartialDate(2024, 2).latest
        Date(2024, 2, 29)
        """
        return _pendulum().Date.fromordinal(self.last_ordinal)  # type: ignore[no-any-return]

    def isoformat(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def certainly_before(self, day: DateLike) -> bool:
        """True when every day this value can cover is before ``day``.

        >>> PartialDate.parse("2024-07").certainly_before("2024-08-01")
        True
        """
        return self.last_ordinal < day_ordinal(day)

    def possibly_before(self, day: DateLike) -> bool:
        """True when some day this value can cover is before ``day``.

        >>> PartialDate.parse("2024-07").possibly_before("2024-07-02")
        True
        """
        return self.first_ordinal < day_ordinal(day)

    def certainly_after(self, day: DateLike) -> bool:
        """True when every day this value can cover is after ``day``.

        >>> PartialDate.parse("2024-07").certainly_after("2024-06-30")
        True
        """
        return self.first_ordinal > day_ordinal(day)

    def possibly_after(self, day: DateLike) -> bool:
        """True when some day this value can cover is after ``day``.

        >>> PartialDate.parse("2024-07").possibly_after("2024-07-30")
        True
        """
        return self.last_ordinal > day_ordinal(day)

    def certainly_within(self, start: DateLike, end: DateLike) -> bool:
        """True when every day this value can cover lies in ``start..end`` (inclusive).

        >>> PartialDate.parse("2024-07").certainly_within("2024-07-01", "2024-07-31")
        True
        >>> PartialDate.parse("2024-07").certainly_within("2024-07-01", "2024-07-30")
        False
        """
        return day_ordinal(start) <= self.first_ordinal and self.last_ordinal <= day_ordinal(end)

    def overlaps(self, other: _Span) -> bool:
        """True when this value and ``other`` can share at least one day.

        >>> PartialDate.parse("2025-11").overlaps(PartialDate.parse("2025-11-04"))
        True
        >>> PartialDate.parse("2025-10").overlaps(PartialDate.parse("2025-11-04"))
        False
        """
        return self.first_ordinal <= other.last_ordinal and other.first_ordinal <= self.last_ordinal

    def sort_key(self) -> tuple[pendulum.Date, pendulum.Date]:
        """Key for chronological sorting: earliest possible day, then latest.

        >>> sorted(["2025-11", "2025-11-04", "2025"], key=lambda s: parse_when(s).sort_key())
        ['2025', '2025-11', '2025-11-04']
        """
        return (self.earliest, self.latest)

    def __str__(self) -> str:
        return self.isoformat()


def _check_int(name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DateFormatError(f"{name} must be an int, got {type(value).__name__} {value!r}")
    if not low <= value <= high:
        raise DateFormatError(f"{name} must be {low}..{high}, got {value!r}")
    return value


@attrs.frozen
class PartialDate(_Span):
    """One day known to year, month or day precision.

    ``PartialDate(2024, 7)`` is "July 2024": the day is somewhere from 1 to 31 July.
    Build one from an EDTF string with :meth:`parse` or from a date with
    :meth:`from_date`.

    >>> d = PartialDate(2024, 7)
    >>> d.isoformat(), d.precision.value
    ('2024-07', 'month')
    >>> d.contains("2024-07-15")
    True
    >>> PartialDate(2025, 2, 29)
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DateFormatError: day must be 1..28 for 2025-02, got 29
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        _check_int("year", self.year, 1, 9999)
        if self.month is not None:
            _check_int("month", self.month, 1, 12)
        if self.day is not None:
            if self.month is None:
                raise DateFormatError(f"a day ({self.day!r}) needs a month")
            last = _days_in_month(self.year, self.month)
            if isinstance(self.day, bool) or not isinstance(self.day, int):
                raise DateFormatError(
                    f"day must be an int, got {type(self.day).__name__} {self.day!r}"
                )
            if not 1 <= self.day <= last:
                raise DateFormatError(
                    f"day must be 1..{last} for {self.year:04d}-{self.month:02d}, got {self.day!r}"
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse an EDTF day, month or year: ``2025-11-04``, ``2025-11`` or ``2025``.

        >>> PartialDate.parse("2025-11-04")
        PartialDate(year=2025, month=11, day=4)
        >>> PartialDate.parse("4 Nov 2025")
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.DateFormatError: '4 Nov 2025' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD
        """
        if not isinstance(text, str):
            raise DateFormatError(f"expected a date string, got {type(text).__name__} {text!r}")
        match = _DAY_RE.fullmatch(text)
        if match is None:
            raise DateFormatError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g is not None else None for g in match.groups())
        assert year is not None  # the pattern requires it
        try:
            return cls(year, month, day)
        except DateFormatError as error:
            raise DateFormatError(f"{text!r}: {error}") from None

    @classmethod
    def from_date(cls, value: _dt.date) -> PartialDate:
        """A day-precision value from a ``datetime.date`` or pendulum date.

        >>> import datetime
        >>> PartialDate.from_date(datetime.date(2025, 11, 4)).isoformat()
        '2025-11-04'
        """
        day = _dt.date.fromordinal(day_ordinal(value))
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        """How precisely this day is known.

        >>> PartialDate(2025).precision
        <Precision.YEAR: 'year'>
        """
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def first_ordinal(self) -> int:
        """The first possible day as a ``datetime.date`` ordinal.

        >>> import datetime
        >>> PartialDate(2025).first_ordinal == datetime.date(2025, 1, 1).toordinal()
        True
        """
        return _dt.date(self.year, self.month or 1, self.day or 1).toordinal()

    @property
    def last_ordinal(self) -> int:
        """The last possible day as a ``datetime.date`` ordinal.

        >>> import datetime
        >>> PartialDate(2024, 2).last_ordinal == datetime.date(2024, 2, 29).toordinal()
        True
        """
        if self.month is None:
            return _dt.date(self.year, 12, 31).toordinal()
        day = self.day or _days_in_month(self.year, self.month)
        return _dt.date(self.year, self.month, day).toordinal()

    def _written(self) -> tuple[PartialDate, ...]:
        return (self,)

    def contains(self, day: DateLike) -> bool:
        """True when ``day`` is one of the days this value can be.

        >>> PartialDate(2025, 11).contains("2025-12-01")
        False
        """
        return self.first_ordinal <= day_ordinal(day) <= self.last_ordinal

    def isoformat(self) -> str:
        """The EDTF string: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        >>> PartialDate(2025, 11, 4).isoformat()
        '2025-11-04'
        """
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def _partial(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, PartialDate):
        raise DateFormatError(
            f"{attribute.name} must be a PartialDate or None (open), "
            f"got {type(value).__name__} {value!r}"
        )


def _range_end(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, PartialDate | DateBetween):
        raise DateFormatError(
            f"{attribute.name} must be a PartialDate, a DateBetween or None (open), "
            f"got {type(value).__name__} {value!r}"
        )


def _check_order(kind: str, first: _Span, second: _Span) -> None:
    if first.first_ordinal > second.last_ordinal:
        raise DateFormatError(
            f"{kind} {first.isoformat()!r} .. {second.isoformat()!r} {'are' if kind == 'bounds' else 'is'} out of order: "
            "the first date must not come after the second"
        )


@attrs.frozen
class DateBetween(_Span):
    """One day that is not known exactly but lies between ``lower`` and ``upper``.

    A call-on that came after a meeting on 4 November and was reported on 6 November is
    ``DateBetween.parse("[2025-11-04..2025-11-06]")``: a single day, one of those three.
    Either bound may be ``None`` (open, not both): an operation presented at a visit on
    23 July 2025 happened on or before that day, ``[..2025-07-23]``.

    >>> call_on = DateBetween.parse("[2025-11-04..2025-11-06]")
    >>> call_on.earliest, call_on.latest
    (Date(2025, 11, 4), Date(2025, 11, 6))
    >>> DateBetween(None, PartialDate(2025, 7, 23)).isoformat()
    '[..2025-07-23]'
    >>> DateBetween.parse("[2025-11-04..2025-11-04]")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DateFormatError: '[2025-11-04..2025-11-04]': both bounds are '2025-11-04'; write the date itself
    """

    lower: PartialDate | None = attrs.field(validator=_partial)
    upper: PartialDate | None = attrs.field(validator=_partial)

    def __attrs_post_init__(self) -> None:
        if self.lower is None or self.upper is None:
            if self.lower is None and self.upper is None:
                raise DateFormatError(
                    "both bounds are open, which says nothing; give a lower bound, "
                    "an upper bound or both"
                )
            return
        if self.lower == self.upper:
            raise DateFormatError(
                f"both bounds are {self.lower.isoformat()!r}; write the date itself"
            )
        _check_order("bounds", self.lower, self.upper)

    @classmethod
    def parse(cls, text: str) -> DateBetween:
        """Parse an EDTF one-of-a-set range ``[LOWER..UPPER]``, ``[..UPPER]`` or ``[LOWER..]``.

        >>> DateBetween.parse("[2025-11..2025-11-06]").lower
        PartialDate(year=2025, month=11, day=None)
        >>> DateBetween.parse("[2025-11..]").upper is None
        True
        """
        parsed = parse_when(text)
        if not isinstance(parsed, DateBetween):
            raise DateFormatError(f"{text!r} is not of the form [LOWER..UPPER]")
        return parsed

    @property
    def precision(self) -> Precision:
        """The coarser of the bounds' precisions (of the one bound when the other is open).

        >>> DateBetween.parse("[2025-11-04..2025-11-06]").precision.value
        'day'
        >>> DateBetween.parse("[2025-11..]").precision.value
        'month'
        """
        bounds = [b.precision for b in (self.lower, self.upper) if b is not None]
        return max(bounds, key=lambda p: p.rank)

    @property
    def open_start(self) -> bool:
        """True when there is no lower bound.

        >>> DateBetween.parse("[..2025-07-23]").open_start
        True
        """
        return self.lower is None

    @property
    def open_end(self) -> bool:
        """True when there is no upper bound.

        >>> DateBetween.parse("[..2025-07-23]").open_end
        False
        """
        return self.upper is None

    @property
    def first_ordinal(self) -> int:
        """The first day this can be, as an ordinal (the calendar's first when open).

        >>> DateBetween.parse("[2025-11..2025-11-06]").earliest
        Date(2025, 11, 1)
        """
        return _OPEN_FIRST if self.lower is None else self.lower.first_ordinal

    @property
    def last_ordinal(self) -> int:
        """The last day this can be, as an ordinal (the calendar's last when open).

        >>> DateBetween.parse("[2025-11..2025-11-06]").latest
        Date(2025, 11, 6)
        """
        return _OPEN_LAST if self.upper is None else self.upper.last_ordinal

    def _written(self) -> tuple[PartialDate, ...]:
        return tuple(bound for bound in (self.lower, self.upper) if bound is not None)

    def contains(self, day: DateLike) -> bool:
        """True when ``day`` is one of the days this value can be.

        >>> DateBetween.parse("[..2025-07-23]").contains("1999-01-01")
        True
        """
        return self.first_ordinal <= day_ordinal(day) <= self.last_ordinal

    def isoformat(self) -> str:
        """The EDTF one-of-a-set string; an open bound is left empty.

        >>> DateBetween(PartialDate(2025, 11, 4), PartialDate(2025, 11, 6)).isoformat()
        '[2025-11-04..2025-11-06]'
        >>> DateBetween(PartialDate(2025, 11), None).isoformat()
        '[2025-11..]'
        """
        lower = "" if self.lower is None else self.lower.isoformat()
        upper = "" if self.upper is None else self.upper.isoformat()
        return f"[{lower}..{upper}]"


#: What a range's start or end can be: a date, one of several days, or None (open).
RangeEnd: TypeAlias = PartialDate | DateBetween | None


@attrs.frozen
class DateRange(_Span):
    """Something that lasted from ``start`` to ``end`` (both inclusive).

    Baram's visit to New Delhi "on July 22-23" is ``DateRange.parse("2025-07-22/2025-07-23")``.
    Either end may be one of several days (:class:`DateBetween`): "a nearly 100-hour
    period starting May 7" is ``2025-05-07/[2025-05-10..2025-05-12]``.  Either end may be
    ``None``, open (EDTF ``..``), but not both.

    >>> visit = DateRange.parse("2025-07-22/2025-07-23")
    >>> visit.earliest, visit.latest, visit.precision.value
    (Date(2025, 7, 22), Date(2025, 7, 23), 'day')
    >>> DateRange.parse("2025-05-07/[2025-05-10..2025-05-12]").latest
    Date(2025, 5, 12)
    >>> DateRange.parse("2025-07-23/2025-07-22")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DateFormatError: '2025-07-23/2025-07-22': range '2025-07-23' .. '2025-07-22' is out of order: the first date must not come after the second
    """

    start: RangeEnd = attrs.field(validator=_range_end)
    end: RangeEnd = attrs.field(validator=_range_end)

    def __attrs_post_init__(self) -> None:
        if self.start is None or self.end is None:
            if self.start is None and self.end is None:
                raise DateFormatError(
                    "both ends are open, which says nothing; give a start, an end or both"
                )
            return
        _check_order("range", self.start, self.end)

    @classmethod
    def parse(cls, text: str) -> DateRange:
        """Parse an EDTF interval ``START/END``; either end may be ``[A..B]`` or ``..``.

        >>> DateRange.parse("2025-05-07/2025-05-11").end
        PartialDate(year=2025, month=5, day=11)
        >>> DateRange.parse("../2025-07-23").start is None
        True
        """
        parsed = parse_when(text)
        if not isinstance(parsed, DateRange):
            raise DateFormatError(f"{text!r} is not a range of the form START/END")
        return parsed

    @property
    def precision(self) -> Precision:
        """The coarser of the ends' precisions (of the one end when the other is open).

        >>> DateRange.parse("2025-07/2025-08-02").precision.value
        'month'
        >>> DateRange.parse("../2025-08-02").precision.value
        'day'
        """
        ends = [e.precision for e in (self.start, self.end) if e is not None]
        return max(ends, key=lambda p: p.rank)

    @property
    def open_start(self) -> bool:
        """True when the range has no first possible day: no start, or a start ``[..X]``.

        >>> DateRange.parse("../2025-07-23").open_start
        True
        """
        return self.start is None or self.start.open_start

    @property
    def open_end(self) -> bool:
        """True when the range has no last possible day: no end, or an end ``[X..]``.

        >>> DateRange.parse("2025-05-07/[2025-05-10..2025-05-12]").open_end
        False
        """
        return self.end is None or self.end.open_end

    @property
    def first_ordinal(self) -> int:
        """The first day the range can begin, as an ordinal (the calendar's first when open).

        >>> DateRange.parse("2025-07-22/2025-07-23").earliest
        Date(2025, 7, 22)
        """
        return _OPEN_FIRST if self.start is None else self.start.first_ordinal

    @property
    def last_ordinal(self) -> int:
        """The last day the range can end, as an ordinal (the calendar's last when open).

        >>> DateRange.parse("2025-07-22/2025-07-23").latest
        Date(2025, 7, 23)
        """
        return _OPEN_LAST if self.end is None else self.end.last_ordinal

    def _written(self) -> tuple[PartialDate, ...]:
        return tuple(
            date for end in (self.start, self.end) if end is not None for date in end._written()
        )

    def _core(self) -> tuple[int, int] | None:
        """Ordinals of the latest possible start and the earliest possible end, if in order.

        The start cannot be after the end, so the latest start is at most the latest end
        and the earliest end at least the earliest start.
        """
        start_last = _OPEN_LAST if self.start is None else self.start.last_ordinal
        end_first = _OPEN_FIRST if self.end is None else self.end.first_ordinal
        first = min(start_last, self.last_ordinal)
        last = max(end_first, self.first_ordinal)
        return (first, last) if first <= last else None

    @property
    def certain_days(self) -> tuple[pendulum.Date, pendulum.Date] | None:
        """The first and last day the range certainly covers, or None when no day is certain.

        Those are the days from its latest possible start to its earliest possible end.

        >>> DateRange.parse("2025-05-07/[2025-05-10..2025-05-12]").certain_days
        (Date(2025, 5, 7), Date(2025, 5, 10))
        >>> DateRange.parse("2025-07/2025-07").certain_days is None
        True
        >>> DateRange.parse("../2025-07-23").certain_days
        (Date(2025, 7, 23), Date(2025, 7, 23))
        """
        core = self._core()
        if core is None:
            return None
        date = _pendulum().Date
        return (date.fromordinal(core[0]), date.fromordinal(core[1]))

    def certainly_covers(self, day: DateLike) -> bool:
        """True when the range certainly went on on ``day`` (see :attr:`certain_days`).

        >>> sindoor = DateRange.parse("2025-05-07/[2025-05-10..2025-05-12]")
        >>> sindoor.certainly_covers("2025-05-10"), sindoor.certainly_covers("2025-05-11")
        (True, False)
        """
        core = self._core()
        return core is not None and core[0] <= day_ordinal(day) <= core[1]

    def isoformat(self) -> str:
        """The EDTF interval string; an open end is written ``..``.

        >>> DateRange(PartialDate(2025, 7, 22), PartialDate(2025, 7, 23)).isoformat()
        '2025-07-22/2025-07-23'
        >>> DateRange(PartialDate(2025, 5, 7), None).isoformat()
        '2025-05-07/..'
        """
        start = ".." if self.start is None else self.start.isoformat()
        end = ".." if self.end is None else self.end.isoformat()
        return f"{start}/{end}"


def _one_of_words(date: DateBetween) -> str:
    """A between-value in words: 'one of 3 days', 'on or before 2025-07-23' ..."""
    if date.lower is None or date.upper is None:
        known = date.upper if date.lower is None else date.lower
        assert known is not None
        on = "on" if known.precision is Precision.DAY else "in"
        side = "before" if date.lower is None else "after"
        return f"{on} or {side} {known.isoformat()}"
    return f"one of {date.last_ordinal - date.first_ordinal + 1} days"


def precision_label(date: _Span | None) -> str:
    """How precise a date is, in words: ``day``, ``month``, ``year``, ``day range`` ...

    A :class:`PartialDate` gives its precision; a :class:`DateBetween` the number of
    days it could be, or the one bound it has ("on or before 2025-07-23", "in or after
    2025-11"); a :class:`DateRange` its ends' precision followed by "range", then what is
    uncertain or open about its ends ("day range, end one of 3 days", "day range, open
    start").

    >>> [precision_label(parse_when(s)) for s in ("2024-07", "2025-07-22/2025-07-23")]
    ['month', 'day range']
    >>> precision_label(parse_when("[2025-11-04..2025-11-06]")), precision_label(None)
    ('one of 3 days', 'unknown')
    >>> precision_label(parse_when("[..2025-07-23]"))
    'on or before 2025-07-23'
    >>> precision_label(parse_when("2025-05-07/[2025-05-10..2025-05-12]"))
    'day range, end one of 3 days'
    """
    if date is None:
        return "unknown"
    if isinstance(date, DateBetween):
        return _one_of_words(date)
    if isinstance(date, DateRange):
        words = [f"{date.precision.value} range"]
        for end, which in ((date.start, "start"), (date.end, "end")):
            if end is None:
                words.append(f"open {which}")
            elif isinstance(end, DateBetween):
                words.append(f"{which} {_one_of_words(end)}")
        return ", ".join(words)
    assert isinstance(date, PartialDate)
    return date.precision.value


#: Any of the three date kinds a record's date field can hold.
When: TypeAlias = PartialDate | DateRange | DateBetween


def _parse_between(text: str) -> DateBetween:
    """``[LOWER..UPPER]``, ``[..UPPER]`` or ``[LOWER..]`` (errors not yet naming ``text``)."""
    inner = text[1:-1] if text.startswith("[") and text.endswith("]") else None
    if inner is None:
        raise DateFormatError("expected [LOWER..UPPER], [..UPPER] or [LOWER..]")
    if "[" in inner or "]" in inner:
        raise DateFormatError("nested brackets are not supported; write one [LOWER..UPPER]")
    if inner.count("..") != 1:
        raise DateFormatError("expected [LOWER..UPPER], [..UPPER] or [LOWER..]")
    lower, _, upper = inner.partition("..")
    if not lower and not upper:
        raise DateFormatError("[..] has neither bound; give a lower bound, an upper bound or both")
    return DateBetween(
        PartialDate.parse(lower) if lower else None, PartialDate.parse(upper) if upper else None
    )


def _parse_range_end(text: str, which: str) -> RangeEnd:
    """One end of ``START/END``: a date, ``[A..B]``, or ``..`` (open)."""
    if text == "..":
        return None
    if not text:
        raise DateFormatError(f"the {which} is empty; write '..' for an open {which}")
    if text.startswith("[") or text.endswith("]"):
        return _parse_between(text)
    return PartialDate.parse(text)


def parse_when(text: str) -> When:
    """Parse any supported EDTF string into the matching date kind.

    ``START/END`` is a :class:`DateRange` (an end may be ``..``, open, or ``[A..B]``,
    one of several days); ``[A..B]``, ``[..B]`` and ``[A..]`` are a :class:`DateBetween`;
    anything else must be a :class:`PartialDate`.

    >>> parse_when("2024-07")
    PartialDate(year=2024, month=7, day=None)
    >>> parse_when("2025-07-22/2025-07-23").isoformat()
    '2025-07-22/2025-07-23'
    >>> type(parse_when("[2025-11-04..2025-11-06]")).__name__
    'DateBetween'
    >>> parse_when("../2025-07-23").start is None
    True
    >>> parse_when("2025-07-22/")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DateFormatError: '2025-07-22/': the end is empty; write '..' for an open end
    """
    if not isinstance(text, str):
        raise DateFormatError(f"expected a date string, got {type(text).__name__} {text!r}")
    text = text.strip()
    try:
        if "/" in text:
            first, _, second = text.partition("/")
            if "/" in second:
                raise DateFormatError("a range has one '/' between its start and its end")
            return DateRange(_parse_range_end(first, "start"), _parse_range_end(second, "end"))
        if text.startswith("[") or text.endswith("]"):
            return _parse_between(text)
        if text == "..":
            raise DateFormatError(
                "an open end alone is no date; it belongs in a range ('../2025-07-23') "
                "or a bound ('[..2025-07-23]')"
            )
    except DateFormatError as error:
        message = str(error)
        if message.startswith(repr(text)):
            raise
        raise DateFormatError(f"{text!r}: {message}") from None
    return PartialDate.parse(text)


@attrs.frozen
class Resolved:
    """A date worked out from a relative mention, with the reasoning behind it.

    >>> r = resolve_this_year("2025-11-05")
    >>> r.value, r.reason
    (PartialDate(year=2025, month=None, day=None), "'this year' read against the dateline 2025-11-05")
    """

    value: PartialDate
    reason: str


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: How a weekday mention relates to the dateline; see :func:`resolve_weekday`.
Relation: TypeAlias = Literal["on_or_before", "before", "on_or_after", "after"]


def _weekday(name: str) -> pendulum.WeekDay:
    key = name.strip().lower()
    for full in _WEEKDAY_NAMES:
        if key in (full, full[:3]):
            return _pendulum().WeekDay[full.upper()]  # type: ignore[no-any-return]
    close = close_matches(key, list(_WEEKDAY_NAMES), n=1)
    hint = f"; did you mean {close[0].title()!r}?" if close else ""
    raise DateFormatError(f"unknown weekday {name!r}{hint}")


def resolve_weekday(
    weekday: str, dateline: DateLike, *, relation: Relation = "on_or_before"
) -> Resolved:
    """Resolve "on Tuesday" against a report's dateline.

    News reports name a weekday of the week they were written in, so by default the
    answer is the latest such weekday on or before the dateline (the dateline's own day if
    it matches).  ``relation`` picks ``before`` ("earlier on Tuesday" in a Tuesday report
    means last week), ``on_or_after`` or ``after`` instead.

    >>> resolve_weekday("Thursday", "2025-11-06").value.isoformat()
    '2025-11-06'
    >>> resolve_weekday("Thursday", "2025-11-06", relation="before").value.isoformat()
    '2025-10-30'
    >>> resolve_weekday("Wensday", "2025-07-24")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DateFormatError: unknown weekday 'Wensday'; did you mean 'Wednesday'?
    """
    day = _weekday(weekday)
    base = to_date(dateline, what="dateline")
    if relation == "on_or_before":
        found = base if base.day_of_week == day else base.previous(day)
        words = "the latest {} on or before"
    elif relation == "before":
        found = base.previous(day)
        words = "the latest {} before"
    elif relation == "on_or_after":
        found = base if base.day_of_week == day else base.next(day)
        words = "the first {} on or after"
    elif relation == "after":
        found = base.next(day)
        words = "the first {} after"
    else:
        raise DateFormatError(
            f"relation must be one of 'on_or_before', 'before', 'on_or_after', 'after', "
            f"got {relation!r}"
        )
    name = day.name.title()
    reason = (
        f"{weekday.strip()!r} read as {words.format(name)} the dateline, "
        f"{base.format('dddd')} {base.isoformat()}"
    )
    return Resolved(PartialDate.from_date(found), reason)


def resolve_this_year(dateline: DateLike) -> Resolved:
    """Resolve "this year" or "earlier this year" against a report's dateline.

    >>> resolve_this_year("2025-11-05").value.isoformat()
    '2025'
    """
    base = to_date(dateline, what="dateline")
    return Resolved(PartialDate(base.year), f"'this year' read against the dateline {base}")
