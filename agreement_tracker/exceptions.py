"""The library's error types.

Every error the library raises on purpose derives from :class:`AgreementTrackerError`,
so ``except AgreementTrackerError`` catches them all.  Each also derives from the
built-in exception a Python user would expect (``ValueError`` for bad values,
``TypeError`` for a value of the wrong type, ``LookupError`` for failed look-ups), so
existing habits keep working.

>>> import agreement_tracker as at
>>> issubclass(at.UnknownRecordError, LookupError)
True
>>> issubclass(at.ArgumentError, ValueError), issubclass(at.ArgumentTypeError, TypeError)
(True, True)
"""

from __future__ import annotations

from collections.abc import Sequence

from ._text import or_list

__all__ = [
    "AgreementTrackerError",
    "ArgumentError",
    "ArgumentTypeError",
    "DatasetError",
    "DateFormatError",
    "FieldValueError",
    "NoMatchError",
    "UnknownRecordError",
]


class AgreementTrackerError(Exception):
    """Base class of every error raised by ``agreement_tracker``.

    >>> import agreement_tracker as at
    >>> try:
    ...     at.PartialDate.parse("July 2024")
    ... except at.AgreementTrackerError as error:
    ...     print(type(error).__name__)
    DateFormatError
    """


class ArgumentError(AgreementTrackerError, ValueError):
    """An argument that a function or method does not take: an unknown mode, format or column.

    The message names the argument, what was given and what is accepted.

    >>> import agreement_tracker as at
    >>> at.load().person("Amir Baram").roles[0].held_on("2025-07-23", mode="sure")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.ArgumentError: mode must be 'certain' or 'possible', got 'sure'
    """


class ArgumentTypeError(AgreementTrackerError, TypeError):
    """An argument of a type that a function or method does not take.

    >>> import agreement_tracker as at
    >>> try:
    ...     raise at.ArgumentTypeError("term must be a str, got int 3")
    ... except TypeError as error:
    ...     print(error)
    term must be a str, got int 3
    """


class DateFormatError(AgreementTrackerError, ValueError):
    """A date string or value that is not one the library accepts.

    >>> import agreement_tracker as at
    >>> at.PartialDate.parse("2025-13")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DateFormatError: '2025-13': month must be 1..12, got 13
    """


class FieldValueError(AgreementTrackerError, ValueError):
    """A record field given a value it cannot hold; ``field`` names the field.

    >>> import agreement_tracker as at
    >>> at.Place(country="XX")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.FieldValueError: country: 'XX' is not an ISO 3166-1 alpha-2 country code
    >>> try:
    ...     at.Place(country="XX")
    ... except at.FieldValueError as error:
    ...     print(error.field)
    country
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class DatasetError(AgreementTrackerError, ValueError):
    """A dataset that cannot be loaded; ``problems`` lists every problem found.

    Each problem is one line of the form ``what was wrong @ file[record-id].field``.
    Loading is all or nothing: when this is raised, no tracker was built.

    >>> import agreement_tracker as at
    >>> error = at.DatasetError(["unknown person 'nobody' @ meetings.toml[jwg-17].participants"])
    >>> print(error)
    1 problem in the dataset:
      unknown person 'nobody' @ meetings.toml[jwg-17].participants
    >>> error.problems
    ("unknown person 'nobody' @ meetings.toml[jwg-17].participants",)
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the dataset:"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))


class UnknownRecordError(AgreementTrackerError, LookupError):
    """A name or id that matches nothing; the message lists close matches.

    ``kind`` says what was looked for, ``key`` what was asked and ``suggestions`` the
    close matches (possibly empty).

    >>> import agreement_tracker as at
    >>> at.load().person("Amir Barram")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.UnknownRecordError: no person 'Amir Barram'; did you mean 'Amir Baram'?
    """

    def __init__(
        self, kind: str, key: str, suggestions: Sequence[str] = (), *, hint: str = ""
    ) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = tuple(suggestions)
        message = f"no {kind} {key!r}"
        if self.suggestions:
            message += f"; did you mean {or_list(self.suggestions)}?"
        elif hint:
            message += f"; {hint}"
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError-style repr quoting is not wanted: show the message as written.
        return str(self.args[0])


class NoMatchError(AgreementTrackerError, LookupError):
    """A query whose terms are valid but whose answer would be empty when it must not be.

    Raised, for example, by :meth:`Tracker.last_meeting` when no meeting of the series is
    known to have taken place by ``as_of``; the message says what is known instead.

    >>> import agreement_tracker as at
    >>> at.load().last_meeting("JWG", as_of="2024-07-15")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.NoMatchError: no meeting of series 'jwg' is known to have taken place on or before 2024-07-15; jwg-16 (2024-07) may have, but its date is not precise enough to tell
    """
