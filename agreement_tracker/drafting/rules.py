"""The drafting rules: each a small function whose name is the ``basis`` of its proposals.

:func:`read` splits an article into sentences and runs the rules in order.  Every rule
quotes a verbatim (whitespace-normalised) part of the article, or proposes nothing.
Dates are given at exactly the precision the text gives: a weekday is resolved against
the dateline with :func:`agreement_tracker.resolve_weekday`, a day without a year and
without a dateline stays a question (value ``None``), and no year is ever guessed.

>>> import agreement_tracker as at
>>> reading = read("Paris, Mar 3 (AFP) Defence Minister Jean Martin met with "
...                "Defence Secretary Rajesh Kumar Singh in Paris on Monday.",
...                at.load(), published="2025-03-03", source_id=None)
>>> [(p.basis, p.target, p.field, p.value) for p in reading.proposals if p.kind == "person"]
[('titled_person', 'jean-martin', 'id', 'jean-martin'), ('titled_person', 'jean-martin', 'name', 'Jean Martin'), ('titled_person', 'jean-martin', 'roles', [{'title': 'Defence Minister', 'attested': ['2025-03-03']}]), ('titled_person', 'rajesh-kumar-singh', 'id', 'rajesh-kumar-singh')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from agreement_tracker.dates import (
    DateBetween,
    DateRange,
    PartialDate,
    When,
    parse_when,
    resolve_this_year,
)
from agreement_tracker.dates import resolve_weekday as _resolve_weekday
from agreement_tracker.exceptions import FieldValueError

from .core import Proposal
from .lexicon import (
    AGREEMENT_WORDS,
    CITIES,
    COUNTRY_NAMES,
    COUNTRY_WORDS,
    MONTHS,
    ORDINAL_WORDS,
    RANKS,
    TITLES,
)

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker
    from agreement_tracker.model import Meeting, Person, Role

__all__ = ["RULES", "Reading", "normalise", "read", "slug"]

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    r"""Collapse each run of whitespace to one space and strip the ends (the loader's rule).

    >>> normalise("  held in\n\n Tel Aviv ")
    'held in Tel Aviv'
    """
    return _WS.sub(" ", text).strip()


def slug(text: str) -> str:
    """An id made from a name: lower case, runs of other characters as one hyphen.

    >>> slug("Dr S. Jaishankar"), slug("Israel Aerospace Industries")
    ('dr-s-jaishankar', 'israel-aerospace-industries')
    """
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded)) or "record"


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_CW = _alternation(COUNTRY_WORDS)
_TITLE = _alternation(TITLES)
_RANK = _alternation(RANKS)
_MONTH = _alternation(MONTHS)
_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*"
_INITIALS = r"(?:[A-Z]\.\s?)*"
_NAME = rf"(?:Dr\.?\s+)?{_INITIALS}{_WORD}(?:\s+{_INITIALS}{_WORD}){{0,3}}"
_RES = r"\(Res\.?\)"
_ORG = r"[A-Z][\w'’]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w'’]*)*"
_APPOSITIVE = re.compile(
    rf",\s+(?:the\s+)?(?:(?P<country>{_CW})\s+)?(?P<title>{_TITLE})\b"
    rf"(?:\s+of\s+(?:the\s+)?(?P<org>{_ORG}))?"
)
_TITLED = re.compile(
    rf"(?:\b(?P<country>{_CW})\s+)?\b(?P<title>{_TITLE})\s+"
    rf"(?:(?P<rank>{_RANK})\s+(?:{_RES}\s+)?)?(?P<name>{_NAME})"
)
_RANKED = re.compile(rf"\b(?P<rank>{_RANK})\s+(?:(?P<res>{_RES})\s+)?(?P<name>{_NAME})")
_NAMED = re.compile(rf"(?P<name>{_NAME})(?={_APPOSITIVE.pattern})")
_ROLE_ONLY = re.compile(rf"\b(?:the\s+|(?P<country>{_CW})\s+)(?P<title>{_TITLE})\b(?!\s+[A-Z(])")
_STOP = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Meanwhile",
        "Earlier",
        "Later",
        "Both",
        "And",
        "But",
        "Also",
        "When",
        "While",
        "During",
        "After",
        "Before",
        "Since",
        "Then",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "Minister",
        "Secretary",
    ]
)
_NOT_PERSON = frozenset(
    [
        "Ministry",
        "Industries",
        "Systems",
        "Group",
        "Forces",
        "Army",
        "Navy",
        "Corporation",
        "Limited",
        "Ltd",
        "Company",
        "Committee",
        "Council",
        "Dialogue",
        "Operation",
        "Initiative",
        "Understanding",
        "Agreement",
        "Working",
        "Defence",
        "Defense",
        "Aerospace",
        "Agency",
        "University",
        "Institute",
        "Organisation",
        "Organization",
        "Bharat",
        "Government",
        "Department",
    ]
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z“\"‘(])")
_ABBREVIATIONS = frozenset(
    [
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Gen",
        "Maj",
        "Lt",
        "Col",
        "Res",
        "St",
        "No",
        "Nov",
        "Oct",
        "Sept",
        "Sep",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Dec",
        "Brig",
        "Adm",
        "Capt",
        "Sgt",
        "Prof",
        "Jr",
        "Sr",
        "vs",
    ]
)


# ---------------------------------------------------------------------------- reading


@attrs.define(eq=False)
class Mention:
    """A person or organisation named in a sentence, and the record it was linked to."""

    start: int  #: offset in the normalised article
    end: int
    kind: str  #: "person" or "organisation"
    target: str  #: the linked record's id (existing or new)
    quote: str


@attrs.define(eq=False)
class Reading:
    """What the rules know while reading one article, and the proposals made so far.

    >>> import agreement_tracker as at
    >>> r = read(" date 2025-11-06 Talks.", at.load(), published=None, source_id=None)
    >>> r.dateline.isoformat(), r.source_id
    ('2025-11-06', 'report-2025-11-06')
    """

    text: str  #: the article, whitespace-normalised
    tracker: Tracker
    dateline: PartialDate | None = None
    source_id: str = ""
    proposals: list[Proposal] = attrs.field(factory=list)
    sentences: list[tuple[int, str]] = attrs.field(factory=list)
    mentions: list[Mention] = attrs.field(factory=list)
    body_start: int = 0
    countries: list[str] = attrs.field(factory=list)
    meeting: str | None = None
    agreement: str | None = None
    delegation: str | None = None
    introduced: list[tuple[int, str, str]] = attrs.field(factory=list)
    paragraphs: list[tuple[int, int]] = attrs.field(factory=list)
    new_ids: set[str] = attrs.field(factory=set)
    _people: dict[str, list[Person]] = attrs.field(factory=dict)
    _surnames: dict[str, list[Person]] = attrs.field(factory=dict)
    _tokens: dict[str, list[Person]] = attrs.field(factory=dict)
    _orgs: dict[str, list[Any]] = attrs.field(factory=dict)
    _series: dict[str, Any] = attrs.field(factory=dict)
    _by_series: dict[str, list[Meeting]] = attrs.field(factory=dict)

    def propose(
        self,
        basis: str,
        kind: str,
        target: str,
        field: str,
        value: Any,
        quote: str,
        reason: str = "",
        *,
        inferred: bool = False,
        candidates: tuple[str, ...] = (),
        action: str = "new",
    ) -> Proposal | None:
        """Add a proposal unless its quote is not verbatim or it repeats an earlier one."""
        quote = normalise(quote)
        if not quote or quote not in self.text:
            return None
        for earlier in self.proposals:
            if (earlier.target, earlier.field, earlier.value) == (target, field, value) and (
                earlier.kind == kind
            ):
                return None
        proposal = Proposal(
            n=len(self.proposals) + 1,
            kind=kind,
            target=target,
            field=field,
            value=value,
            quote=quote,
            basis=basis,
            reason=reason,
            candidates=candidates,
            action=action,
            inferred=inferred,
        )
        self.proposals.append(proposal)
        return proposal

    def introduce(self, offset: int, kind: str, target: str) -> None:
        """Note that the sentence at ``offset`` is about the record ``target``."""
        self.introduced.append((offset, kind, target))
        setattr(self, kind, target)

    def about(self, offset: int, kind: str) -> str | None:
        """The record of ``kind`` the article was last about at ``offset``."""
        found = [t for o, k, t in sorted(self.introduced) if k == kind and o <= offset]
        return found[-1] if found else None

    def paragraph(self, offset: int) -> int:
        """The number of the paragraph that holds ``offset``."""
        for number, (start, end) in enumerate(self.paragraphs):
            if start <= offset < end:
                return number
        return -1

    def new_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2`` ... when a record already uses it."""
        candidate, number = wanted, 1
        while self.tracker.get(candidate) is not None and candidate not in self.new_ids:
            number += 1
            candidate = f"{wanted}-{number}"
        self.new_ids.add(candidate)
        return candidate

    def mentions_in(self, start: int, end: int, kind: str = "person") -> list[Mention]:
        """The mentions of ``kind`` inside ``[start, end)``, in text order."""
        return sorted(
            (m for m in self.mentions if m.kind == kind and start <= m.start and m.end <= end),
            key=lambda m: m.start,
        )

    def body(self) -> Iterator[tuple[int, str]]:
        """The sentences (offset, text) that end after the heading lines: what rules read.

        >>> import agreement_tracker as at
        >>> r = read(" date 2025-11-06 Talks were held.", at.load(), published=None, source_id=None)
        >>> [text for _, text in r.body()]
        ['Talks were held.']
        """
        return ((o, s) for o, s in self.sentences if o + len(s) > self.body_start)


def read(text: str, tracker: Tracker, *, published: str | None, source_id: str | None) -> Reading:
    r"""Run every rule over ``text`` against ``tracker`` and return the reading.

    >>> import agreement_tracker as at
    >>> r = read("Talks Go Well\nThe 18th meeting of the JWG was held.", at.load(),
    ...          published="2026-01", source_id="talks")
    >>> r.dateline.isoformat(), [(p.field, p.value) for p in r.proposals][:2]
    ('2026-01', [('title', 'Talks Go Well'), ('kind', 'jwg-session')])
    """
    reading = Reading(text=normalise(text), tracker=tracker)
    _index(reading)
    reading.sentences = list(_sentences(text, reading.text))
    position = 0
    for paragraph in paragraphs(text):
        start = reading.text.find(paragraph, position)
        reading.paragraphs.append((start, start + len(paragraph)))
        position = start + len(paragraph)
    source_record(reading, text, published, source_id)
    body: list[tuple[int, str]] = []
    for offset, sentence in reading.body():
        if offset < reading.body_start:
            cut = reading.body_start - offset
            sentence = sentence[cut:].lstrip()
            offset = reading.text.find(sentence, offset)
        if sentence:
            body.append((offset, sentence))
    reading.sentences = body
    for rule in RULES:
        rule(reading)
    return reading


def _example(text: str, basis: str) -> list[tuple[str, str, Any]]:
    """(target, field, value) of the proposals rule ``basis`` makes for ``text``.

    The text is read against the bundled dataset with a leading date line of
    10 January 2026 (a Saturday).

    >>> _example("Baram returned to Israel.", "known_name")
    [('amir-baram', 'id', 'amir-baram')]
    """
    from agreement_tracker.dataset import load

    reading = read(f" date 2026-01-10 {text}", load(), published=None, source_id="example")
    return [(p.target, p.field, p.value) for p in reading.proposals if p.basis == basis]


def _index(reading: Reading) -> None:
    t = reading.tracker
    for person in t.people:
        for name in person.names:
            reading._people.setdefault(_key(name), []).append(person)
        reading._surnames.setdefault(_key(person.name).split()[-1], []).append(person)
        for token in set(_key(" ".join(person.names)).split()):
            reading._tokens.setdefault(token, []).append(person)
    for org in t.organisations:
        for name in (org.name, *org.aliases):
            reading._orgs.setdefault(_key(name), []).append(org)
    for meeting in t.meetings:
        if meeting.series is not None:
            reading._by_series.setdefault(meeting.series, []).append(meeting)
    for series in t.meeting_series:
        for name in series.names:
            reading._series.setdefault(_key(name), series)


_FUNCTION_WORDS = "a|an|the|of|and|or|to|in|on|at|by|with|for|from|as|that|was|is|were|are"


def paragraphs(raw: str) -> list[str]:
    r"""The article's paragraphs, whitespace-normalised, with wrapped lines joined.

    A line break ends a paragraph after a blank line, after a line that ends a sentence,
    after a heading (a line whose words are mostly capitalised) and after a short line
    that does not end in a word such as "of" or "the"; otherwise it is a wrapped line and
    the paragraph goes on.

    >>> paragraphs("Talks Go Well\nThe 5th meeting was held in\nParis. It went well.\n\nMore.")
    ['Talks Go Well', 'The 5th meeting was held in Paris. It went well.', 'More.']
    """
    found: list[str] = []
    current: list[str] = []
    for line in raw.splitlines():
        line = normalise(line)
        if not line:
            if current:
                found.append(" ".join(current))
                current = []
            continue
        current.append(line)
        words = re.findall(r"[^\W\d_][\w'’-]*", line)
        capitalised = sum(1 for w in words if w[0].isupper())
        heading = bool(words) and capitalised >= 0.7 * len(words)
        short = len(line) < 60 and not re.search(rf"\b(?:{_FUNCTION_WORDS})$", line)
        if re.search(r"[.!?:;\"”’)\]]$", line) or heading or short:
            found.append(" ".join(current))
            current = []
    if current:
        found.append(" ".join(current))
    return found


def _sentences(raw: str, text: str) -> Iterator[tuple[int, str]]:
    position = 0
    for paragraph in paragraphs(raw):
        offset = text.find(paragraph, position)
        if offset < 0:  # pragma: no cover - a paragraph is always part of the whole
            continue
        position = offset + len(paragraph)
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            before = paragraph[: match.start()].rsplit(" ", 1)[-1].lstrip("(")
            if before in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", before):
                continue
            cut = match.end()
            yield offset + start, paragraph[start:cut].rstrip()
            start = cut
        if start < len(paragraph):
            yield offset + start, paragraph[start:]


# ---------------------------------------------------------------------------- dates


@attrs.frozen
class DateMention:
    """A date the text gives, at the precision it gives it (``value`` None: a question)."""

    start: int
    end: int
    value: When | None
    reason: str
    inferred: bool
    quote: str


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "range",
        re.compile(
            rf"\b(?P<month>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\b"
            rf"(?:,?\s+(?P<year>\d{{4}}))?"
        ),
    ),
    (
        "range",
        re.compile(
            rf"\b(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+(?P<month>{_MONTH})\b"
            rf"(?:,?\s+(?P<year>\d{{4}}))?"
        ),
    ),
    (
        "day",
        re.compile(
            rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?P<year>\d{{4}})\b)?"
        ),
    ),
    (
        "day",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\b"
            rf"(?:,?\s+(?P<year>\d{{4}})\b)?"
        ),
    ),
    ("month", re.compile(rf"\b(?P<month>{_MONTH}),?\s+(?P<year>\d{{4}})\b")),
    (
        "weekday",
        re.compile(rf"\b(?:(?P<when>last|next|this)\s+)?(?P<weekday>{'|'.join(_WEEKDAYS)})\b"),
    ),
    ("this_year", re.compile(r"\b(?:earlier |later )?this year\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?:in|since|during)\s+(?P<year>(?:19|20)\d{2})\b(?![-/]\d)")),
)


def dates_in(sentence: str, dateline: PartialDate | None) -> list[DateMention]:
    """Every date the sentence gives, at the precision it gives, left to right.

    >>> [d.value.isoformat() for d in dates_in("on July 22-23, 2025 and in November 2025", None)]
    ['2025-07-22/2025-07-23', '2025-11']
    >>> [d.value for d in dates_in("on August 9", None)]
    [None]
    >>> [d.value.isoformat() for d in dates_in("on Wednesday", PartialDate(2021, 10, 29))]
    ['2021-10-27']
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for shape, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            mention = _date_mention(shape, match, dateline)
            if mention is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(mention)
    return sorted(found, key=lambda d: d.start)


def _date_mention(
    shape: str, match: re.Match[str], dateline: PartialDate | None
) -> DateMention | None:
    quote = match.group(0)
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    month = MONTHS[groups["month"]] if groups.get("month") else None
    value: When | None = None
    reason = ""
    inferred = False
    try:
        if shape == "range":
            d1, d2 = int(groups["d1"]), int(groups["d2"])
            assert month is not None
            year, reason = _year_for(year, month, d2, dateline)
            if year is not None:
                value = DateRange(PartialDate(year, month, d1), PartialDate(year, month, d2))
            inferred = bool(reason) and value is not None
        elif shape == "day":
            assert month is not None
            day = int(groups["day"])
            year, reason = _year_for(year, month, day, dateline)
            if year is not None:
                value = PartialDate(year, month, day)
            inferred = bool(reason) and value is not None
        elif shape == "month":
            assert month is not None
            assert year is not None
            value = PartialDate(year, month)
        elif shape == "year":
            assert year is not None
            value = PartialDate(year)
        elif shape == "this_year":
            if dateline is None:
                return None
            resolved = resolve_this_year(dateline.earliest)
            value, reason, inferred = resolved.value, resolved.reason, True
        else:
            if dateline is None or dateline.precision.value != "day":
                reason = f"{quote!r}: the weekday needs a dateline to the day; give the date"
            else:
                relation = {"last": "before", "next": "after"}.get(
                    groups.get("when") or "", "on_or_before"
                )
                resolved = _resolve_weekday(
                    groups["weekday"],
                    dateline.earliest,
                    relation=relation,  # type: ignore[arg-type]
                )
                value, reason, inferred = resolved.value, resolved.reason, True
    except (FieldValueError, ValueError):
        return None  # "February 30": not a date, so no proposal
    if value is None and not reason:
        reason = f"{quote!r} gives no year and the article has no dateline; give the date"
    return DateMention(match.start(), match.end(), value, reason, inferred, quote)


def _year_for(
    year: int | None, month: int, day: int, dateline: PartialDate | None
) -> tuple[int | None, str]:
    """The year of a day mention: as written, else the dateline's when not after it."""
    if year is not None:
        return year, ""
    if dateline is None:
        return None, ""
    if (month, day) <= (dateline.latest.month, dateline.latest.day):
        return dateline.year, (
            f"no year is given; the dateline {dateline.isoformat()} is on or after "
            f"{month:02d}-{day:02d} of {dateline.year}"
        )
    return None, (
        f"no year is given and {month:02d}-{day:02d} is after the dateline "
        f"{dateline.isoformat()}; give the date"
    )


def _precision_rank(value: When) -> int:
    first = value.start if isinstance(value, DateRange) else value
    if isinstance(first, DateBetween):  # pragma: no cover - the rules make none
        first = first.lower
    assert isinstance(first, PartialDate)
    return {"year": 0, "month": 1, "day": 2}[first.precision.value]


# ---------------------------------------------------------------------------- source


_LEADING_DATE = re.compile(r"^date (?P<date>\d{4}-\d{2}-\d{2})\b")
_DATELINE = re.compile(
    rf"(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})"
    r"(?:,?\s+(?P<year>\d{4}))?\s+\((?P<agency>[A-Z][A-Za-z]{1,10})\)"
)
_SIGNOFF = re.compile(
    r"(?:^|\s)--\s?(?P<agency>[A-Z]{2,10})\b|Based [Oo]n (?P<based>[A-Z]{2,10}) [Rr]eport"
)


def source_record(reading: Reading, raw: str, published: str | None, source_id: str | None) -> None:
    """The source: its publication date, dateline, agency and title, as far as the text gives them.

    The date comes from a leading ``date`` line, else from a wire dateline ("Tel Aviv, Nov 6
    (IANS)", whose year is the given date's), else from ``published``; no year is guessed.

    >>> import agreement_tracker as at
    >>> r = read("Tel Aviv, Nov 6 (IANS) Talks.", at.load(), published=None, source_id=None)
    >>> r.source_id, [(p.basis, p.field, p.value) for p in r.proposals][:2]
    ('ians-report', [('wire_dateline', 'published', None), ('wire_dateline', 'dateline', {'city': 'Tel Aviv', 'country': 'IL'})])
    """
    text = reading.text
    given = parse_when(published) if published is not None else None
    if given is not None and not isinstance(given, PartialDate):
        raise FieldValueError("published", f"{published!r} must be one day, month or year")
    date_line = _LEADING_DATE.match(text)
    wire = _DATELINE.search(text[:200])
    signoff = _SIGNOFF.search(text)
    value = PartialDate.parse(date_line["date"]) if date_line is not None else None
    wire_date: PartialDate | None = None
    if wire is not None and value is None:
        year = int(wire["year"]) if wire["year"] else (given.year if given is not None else None)
        if year is not None:
            wire_date = PartialDate(year, MONTHS[wire["month"]], int(wire["day"]))
    reading.dateline = value or wire_date or given
    agency = None
    if wire is not None:
        agency = wire["agency"]
    elif signoff is not None:
        agency = signoff["agency"] or signoff["based"]
    if source_id is None:
        prefix = agency.lower() if agency else "report"
        if reading.dateline is not None:
            source_id = f"{prefix}-{reading.dateline.isoformat()}"
        else:
            source_id = "report" if prefix == "report" else f"{prefix}-report"
        if reading.tracker.get(source_id) is not None:
            source_id = reading.new_id(source_id)
    reading.source_id = source_id
    reading.new_ids.add(source_id)
    if date_line is not None:
        leading_date_line(reading, date_line)
    if wire is not None:
        wire_dateline(reading, wire, None if value is not None else wire_date, given)
    if agency is not None:
        quote = wire[0] if wire is not None else signoff[0].strip() if signoff else agency
        news_agency(reading, agency, quote)
    headline(reading, raw, date_line, wire)


def leading_date_line(reading: Reading, match: re.Match[str]) -> None:
    """The publication day from a leading line such as " date 2025-11-06" (as in the bundled texts).

    >>> _example("Talks.", "leading_date_line")
    [('example', 'published', '2026-01-10')]
    """
    reading.body_start = max(reading.body_start, match.end())
    reading.propose(
        "leading_date_line", "source", reading.source_id, "published", match["date"], match[0]
    )


def wire_dateline(
    reading: Reading, match: re.Match[str], value: PartialDate | None, given: PartialDate | None
) -> None:
    """The place and day of a wire dateline ("Tel Aviv, Nov 6 (IANS)"); its year from the given date.

    >>> import agreement_tracker as at
    >>> r = read("Paris, Mar 3 (AFP) Talks.", at.load(), published="2025-03-03", source_id="afp")
    >>> [(p.field, p.value, p.reason) for p in r.proposals if p.basis == "wire_dateline"]
    [('published', '2025-03-03', 'the wire dateline gives no year; 2025 from the given date'), ('dateline', {'city': 'Paris', 'country': 'FR'}, 'Paris is in FR')]
    """
    reading.body_start = max(reading.body_start, match.end())
    source = reading.source_id
    if value is not None:
        reason = (
            ""
            if match["year"]
            else f"the wire dateline gives no year; {value.year} from the given date"
        )
        reading.propose(
            "wire_dateline",
            "source",
            source,
            "published",
            value.isoformat(),
            match[0],
            reason,
            inferred=bool(reason),
        )
    elif given is None and reading.dateline is None:
        reading.propose(
            "wire_dateline",
            "source",
            source,
            "published",
            None,
            match[0],
            "the dateline gives no year; give the date",
        )
    city = match["city"]
    if city in CITIES:
        reading.propose(
            "wire_dateline",
            "source",
            source,
            "dateline",
            {"city": city, "country": CITIES[city]},
            match[0],
            f"{city} is in {CITIES[city]}",
        )


def news_agency(reading: Reading, name: str, quote: str) -> None:
    """The agency a dateline or sign-off credits ("(IANS)", "--IANS", "Based On ANI Report").

    >>> _example("Talks were held. --IANS", "news_agency")
    [('ians', 'id', 'ians'), ('example', 'agency', 'ians')]
    """
    org = _link_org(reading, name, quote, "news_agency", kind="news-agency")
    if org is not None:
        reading.propose("news_agency", "source", reading.source_id, "agency", org, quote)


def headline(
    reading: Reading, raw: str, date_line: re.Match[str] | None, wire: re.Match[str] | None
) -> None:
    r"""The title: a first line (or the line after a date line) that reads as a headline.

    >>> import agreement_tracker as at
    >>> r = read("India and France Sign Pact\nThe pact was signed.", at.load(), published=None,
    ...          source_id="x")
    >>> [(p.field, p.value) for p in r.proposals if p.basis == "headline"]
    [('title', 'India and France Sign Pact')]
    """
    text = reading.text
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    offset = 0
    if date_line is not None and normalise(first) == date_line[0] and len(lines) > 1:
        first = lines[1]  # the date stands on a line of its own: a headline may follow
        offset = text.find(normalise(first))
    elif date_line is not None:
        first = ""
    if (
        first
        and wire is None
        and len(first) <= 150
        and not first.endswith((".", ":"))
        and len(first.split()) >= 3
    ):
        reading.propose("headline", "source", reading.source_id, "title", normalise(first), first)
        reading.body_start = offset + len(normalise(first))


# ---------------------------------------------------------------------------- people


def _link_org(
    reading: Reading, name: str, quote: str, basis: str, *, kind: str, country: str | None = None
) -> str | None:
    """Link an organisation name to a record, or propose a new one; returns the id."""
    found = reading._orgs.get(_key(name), [])
    if len(found) == 1:
        target = found[0].id
        reading.propose(
            basis, "organisation", target, "id", target, quote, f"named {name!r}", action="link"
        )
        return str(target)
    wanted = slug(name) if kind != "ministry" or country is None else f"{country.lower()}-mod"
    target = next((i for i in reading.new_ids if i == wanted), None) or reading.new_id(wanted)
    candidates = tuple(o.id for o in found) or _close_orgs(reading, name)
    reason = f"no organisation is named {name!r}"
    reading.propose(
        basis,
        "organisation",
        target,
        "id",
        target,
        quote,
        reason,
        action="link",
        candidates=candidates,
    )
    display = (
        name
        if kind != "ministry" or country is None
        else f"Ministry of Defence ({COUNTRY_NAMES.get(country, country)})"
    )
    reading.propose(basis, "organisation", target, "name", display, quote)
    reading.propose(
        basis,
        "organisation",
        target,
        "kind",
        kind,
        quote,
        f"read as a {kind} from {quote!r}",
        inferred=kind == "news-agency",
    )
    if country is not None:
        reading.propose(basis, "organisation", target, "country", country, quote)
    if display != name:
        reading.propose(basis, "organisation", target, "aliases", name, quote)
    return target


#: Above this many names, near misses are looked for only among names sharing a word.
_FUZZY_LIMIT = 500


def _close_orgs(reading: Reading, name: str) -> tuple[str, ...]:
    import difflib

    names = list(reading._orgs)
    if len(names) > _FUZZY_LIMIT:  # a large dataset: only names that share a word
        words = set(_key(name).split())
        names = [n for n in names if words & set(n.split())][:_FUZZY_LIMIT]
    keys = difflib.get_close_matches(_key(name), names, n=3, cutoff=0.75)
    return tuple(dict.fromkeys(o.id for k in keys for o in reading._orgs[k]))


def _clean_name(name: str) -> str:
    """The name without leading sentence words ("Meanwhile") or country words ("Israeli").

    A country word stays when it is all that stands before a surname ("Israel Katz").
    """
    words = name.split()
    while words and (words[0] in _STOP or (words[0] in COUNTRY_WORDS and len(words) > 2)):
        words.pop(0)
    return " ".join(words)


def _role_fits(role: Role, day: PartialDate | None) -> bool:
    if day is None:
        return False
    if role.start is not None or role.end is not None:
        low = role.start.earliest if role.start is not None else None
        high = role.end.latest if role.end is not None else None
        return (low is None or low <= day.latest) and (high is None or day.earliest <= high)
    return any(abs((a.earliest - day.earliest).days) <= 366 for a in role.attested)


def _fits(person: Person, title: str | None, country: str | None, day: PartialDate | None) -> bool:
    """Whether the person held ``title`` (for ``country``) near the article's date."""
    for role in person.roles:
        if title is not None and (role.title or "").casefold() != title.casefold():
            continue
        if country is not None and role.country is not None and role.country != country:
            continue
        if _role_fits(role, day):
            return True
    return False


def _conflicts(person: Person, title: str | None, country: str | None) -> bool:
    """True when the text's title or country contradicts every role of the person."""
    if not person.roles or (title is None and country is None):
        return False
    for role in person.roles:
        same_country = country is None or role.country in (None, country)
        same_title = title is None or (role.title or "").casefold() == title.casefold()
        if same_country and same_title:
            return False
    return country is not None and all(r.country not in (None, country) for r in person.roles)


def _similarity() -> Callable[[str, str], float]:
    """Rapidfuzz's ratio when it is installed, else difflib's (both from 0 to 1)."""
    try:
        from rapidfuzz.fuzz import ratio
    except ImportError:
        import difflib

        return lambda a, b: difflib.SequenceMatcher(None, a, b).ratio()
    return lambda a, b: float(ratio(a, b)) / 100


def _candidates(reading: Reading, name: str) -> tuple[str, ...]:
    """Existing people whose names are close to ``name``, best first."""
    import difflib

    key = _key(name)
    pool: dict[str, Person] = {}
    for token in key.split():
        for person in reading._tokens.get(token, [])[:200]:
            pool[person.id] = person
    scored: list[tuple[float, str]] = []
    similarity = _similarity()
    for person in pool.values():
        best = max(similarity(key, _key(n)) for n in person.names)
        if best >= 0.5:
            scored.append((best, person.id))
    if len(pool) < 3 and len(reading._people) <= _FUZZY_LIMIT:
        for other in difflib.get_close_matches(key, list(reading._people), n=3, cutoff=0.75):
            for person in reading._people[other]:
                if person.id not in pool:
                    ratio = difflib.SequenceMatcher(None, key, other).ratio()
                    scored.append((ratio, person.id))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return tuple(dict.fromkeys(pid for _, pid in scored))[:3]


def _person(
    reading: Reading,
    basis: str,
    start: int,
    end: int,
    name: str,
    *,
    title: str | None = None,
    country: str | None = None,
    rank: str | None = None,
    org: str | None = None,
) -> None:
    """Link a named person, or propose a new one with the role the text gives."""
    quote = reading.text[start:end]
    if any(m.start < end and start < m.end for m in reading.mentions if m.kind == "person"):
        return
    cleaned = _clean_name(name)
    if not cleaned or any(word in _NOT_PERSON for word in cleaned.split()):
        return
    day = reading.dateline
    found = list(reading._people.get(_key(cleaned), []))
    if title:
        found += [p for p in reading._people.get(_key(f"{title} {cleaned}"), []) if p not in found]
    found = [p for p in found if not _conflicts(p, title, country)]
    if len(cleaned.split()) == 1 and not found:
        found = [
            p
            for p in reading._surnames.get(_key(cleaned), [])
            if title is not None and _fits(p, title, country, day)
        ]
    if len(found) == 1:
        target = found[0].id
        reason = f"{cleaned!r} is a name of {target}"
        reading.propose(basis, "person", target, "id", target, quote, reason, action="link")
        reading.mentions.append(Mention(start, end, "person", target, quote))
        return
    if len(cleaned.split()) == 1 and not title and not rank:
        return  # a lone surname with nothing to go on
    display = re.sub(r"^Dr\.?\s+", "", cleaned)
    wanted = slug(display)
    target = wanted if wanted in reading.new_ids else reading.new_id(wanted)
    candidates = tuple(p.id for p in found) or _candidates(reading, cleaned)
    why = f"{cleaned!r} names {len(found)} people" if found else f"no person is named {cleaned!r}"
    reading.propose(
        basis, "person", target, "id", target, quote, why, action="link", candidates=candidates
    )
    reading.mentions.append(Mention(start, end, "person", target, quote))
    reading.propose(basis, "person", target, "name", display, quote)
    _remember(reading, target, display, quote)
    role: dict[str, Any] = {}
    if title:
        role["title"] = title
    if org:
        role["organisation"] = org
    if country:
        role["country"] = country
    if rank:
        role["rank"] = rank
    if role and day is not None:
        role["attested"] = [day.isoformat()]
    if role and ("title" in role or "organisation" in role):
        reading.propose(basis, "person", target, "roles", [role], quote)
    if country and country not in reading.countries:
        reading.countries.append(country)


def _remember(reading: Reading, target: str, name: str, quote: str) -> None:
    """Let later mentions of a newly proposed person ("Shapps") find the proposal."""
    from agreement_tracker.model import Citation, Person

    surname = name.split()[-1]
    aliases = (surname,) if surname != name and _key(surname) not in reading._people else ()
    person = Person(
        id=target,
        name=name,
        aliases=aliases,
        citations=(Citation(source="draft", quote=quote),),
    )
    for key in {_key(name), *(_key(a) for a in aliases)}:
        reading._people.setdefault(key, []).append(person)
    reading._surnames.setdefault(_key(surname), []).append(person)


def _org_for_title(
    reading: Reading, org: str | None, country: str | None, quote: str
) -> str | None:
    if not org:
        return None
    ministry = re.search(r"(?:Ministry of Defen[cs]e|Defen[cs]e Ministry)", org, re.IGNORECASE)
    org_country = country
    for word, code in COUNTRY_WORDS.items():
        if org.startswith(word + " "):
            org_country = code
            break
    if reading._orgs.get(_key(org)):
        return _link_org(reading, org, quote, "titled_person", kind="other")
    if ministry and org_country:
        return _link_org(reading, org, quote, "titled_person", kind="ministry", country=org_country)
    return None


def titled_person(reading: Reading) -> None:
    """People named with a title, rank or appositive: "Defence Secretary Rajesh Kumar Singh".

    >>> _example('Grant Shapps, UK Defence Secretary, met Defence Secretary Rajesh Kumar Singh.',
    ...          'titled_person')
    [('rajesh-kumar-singh', 'id', 'rajesh-kumar-singh'),
     ('grant-shapps', 'id', 'grant-shapps'),
     ('grant-shapps', 'name', 'Grant Shapps'),
     ('grant-shapps',
      'roles',
      [{'title': 'Defence Secretary', 'country': 'GB', 'attested': ['2026-01-10']}])]
    """
    for offset, sentence in reading.body():
        for match in _TITLED.finditer(sentence):
            country = COUNTRY_WORDS.get(match["country"] or "")
            end = match.end()
            org = None
            tail = _APPOSITIVE.match(sentence, match.end())
            of_org = re.match(rf"\s+of\s+(?:the\s+)?(?P<org>{_ORG})", sentence[match.end() :])
            if tail is not None and tail["org"]:
                org = _org_for_title(reading, tail["org"], country, tail[0].lstrip(", "))
                end = tail.end()
            elif of_org is not None and re.search(r"Ministry|Ministère|Department", of_org["org"]):
                org = _org_for_title(reading, of_org["org"], country, of_org["org"])
                country = country or _country_of_phrase(of_org["org"])
                end = match.end() + of_org.end()
            _person(
                reading,
                "titled_person",
                offset + match.start(),
                offset + end,
                match["name"],
                title=match["title"],
                country=country,
                rank=match["rank"],
                org=org,
            )
        for match in _RANKED.finditer(sentence):
            rank = match["rank"] + (f" {match['res']}" if match["res"] else "")
            tail = _APPOSITIVE.match(sentence, match.end())
            title = country = org = None
            end = match.end()
            if tail is not None:
                title = tail["title"]
                country = COUNTRY_WORDS.get(tail["country"] or "")
                if tail["org"]:
                    org = _org_for_title(reading, tail["org"], country, tail[0].lstrip(", "))
                    country = country or _country_of_phrase(tail["org"])
                end = tail.end()
            _person(
                reading,
                "titled_person",
                offset + match.start(),
                offset + end,
                match["name"],
                title=title,
                country=country,
                rank=rank,
                org=org,
            )
        for match in _NAMED.finditer(sentence):
            tail = _APPOSITIVE.match(sentence, match.end())
            assert tail is not None
            country = COUNTRY_WORDS.get(tail["country"] or "")
            org = None
            if tail["org"]:
                org = _org_for_title(reading, tail["org"], country, tail[0].lstrip(", "))
                country = country or _country_of_phrase(tail["org"])
            _person(
                reading,
                "titled_person",
                offset + match.start(),
                offset + tail.end(),
                match["name"],
                title=tail["title"],
                country=country,
                org=org,
            )


def _country_of_phrase(phrase: str) -> str | None:
    for word in sorted(COUNTRY_WORDS, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", phrase):
            return COUNTRY_WORDS[word]
    return None


def known_name(reading: Reading) -> None:
    """People and organisations the tracker knows, named without a title: "Baram returned".

    >>> _example('Baram returned to Israel.', 'known_name')
    [('amir-baram', 'id', 'amir-baram')]
    """
    text = reading.text
    tokens = list(re.finditer(r"\w+", text))
    taken = [(m.start, m.end) for m in reading.mentions]
    index = 0
    while index < len(tokens):
        matched = False
        for size in range(min(6, len(tokens) - index), 0, -1):
            first, last = tokens[index], tokens[index + size - 1]
            start, end = first.start(), last.end()
            if start < reading.body_start:
                break
            span = text[start:end]
            key = " ".join(t.group(0).casefold() for t in tokens[index : index + size])
            people = reading._people.get(key, [])
            orgs = reading._orgs.get(key, [])
            if not people and not orgs:
                continue
            if size == 1 and not _lone_token_ok(text, first, people, orgs):
                continue
            if any(s < end and start < e for s, e in taken):
                break
            if people and len(people) == 1:
                target = people[0].id
                reading.propose(
                    "known_name",
                    "person",
                    target,
                    "id",
                    target,
                    span,
                    f"{span!r} is a name of {target}",
                    action="link",
                )
                reading.mentions.append(Mention(start, end, "person", target, span))
            elif orgs and len(orgs) == 1:
                target = orgs[0].id
                reading.propose(
                    "known_name",
                    "organisation",
                    target,
                    "id",
                    target,
                    span,
                    f"{span!r} is a name of {target}",
                    action="link",
                )
                reading.mentions.append(Mention(start, end, "organisation", target, span))
            else:
                continue
            taken.append((start, end))
            index += size
            matched = True
            break
        if not matched:
            index += 1


def _lone_token_ok(text: str, token: re.Match[str], people: list[Any], orgs: list[Any]) -> bool:
    """A one-word name counts only written as the record writes it and not inside a longer name."""
    word = token.group(0)
    names = {n for p in people for n in p.names} | {n for o in orgs for n in (o.name, *o.aliases)}
    if word not in names or not word[0].isupper():
        return False
    before = text[: token.start()]
    after = text[token.end() :]
    if re.search(r"[A-Z][a-z]+ $", before) and not re.search(r"(?:^|[.!?] )[A-Z][a-z]+ $", before):
        return False  # "Rajnath Singh": part of another name
    return not re.match(r" [A-Z][a-z]", after) or bool(re.match(r" (?:and|also)\b", after))


def role_title(reading: Reading) -> None:
    """A title without a name ("the Defence Secretary") linked when one person fits its date.

    >>> _example('The Indian Defence Secretary said the talks went well.', 'role_title')
    [('rajesh-kumar-singh', 'id', 'rajesh-kumar-singh')]
    """
    if reading.dateline is None:
        return
    for offset, sentence in reading.sentences:
        for match in _ROLE_ONLY.finditer(sentence):
            start, end = offset + match.start(), offset + match.end()
            if any(m.start < end and start < m.end for m in reading.mentions):
                continue
            country = COUNTRY_WORDS.get(match["country"] or "")
            named = set(_parties_in(reading.text))
            fitting = [
                p
                for p in reading.tracker.people
                if _fits(p, match["title"], country, reading.dateline)
                and (country is not None or any(r.country in named for r in p.roles))
            ]
            if len(fitting) != 1:
                continue
            target = fitting[0].id
            quote = match.group(0)
            reason = (
                f"{target} is the one person recorded as {match['title']}"
                f"{' (' + country + ')' if country else ''} within a year of "
                f"{reading.dateline.isoformat()}"
            )
            reading.propose(
                "role_title",
                "person",
                target,
                "id",
                target,
                quote,
                reason,
                action="link",
                inferred=True,
            )
            reading.mentions.append(Mention(start, end, "person", target, quote))


_COMPANY_LIST = re.compile(
    rf"(?:(?P<country>{_CW})\s+)?(?:defen[cs]e\s+)?(?:companies|firms)\s*,?\s*(?:[—–:-]|such as|including)\s*"
    r"(?P<names>[A-Z][^.;]*?)(?:—|–|\s+to\s|\s*[.;]|$)"
)
_COMPANY_SUFFIX = re.compile(
    r"\b(?P<name>(?:[A-Z][\w&]*\s+){0,3}(?:Industries|Systems|Aerospace|Corporation|Limited|Ltd|"
    r"Dynamics|Technologies|Electronics|Shipyards|Shipbuilding))\b"
)
_MINISTRY = re.compile(
    rf"(?P<phrase>(?:the\s+)?(?P<country>{_CW})\s+(?:Ministry of Defen[cs]e|[Dd]efen[cs]e [Mm]inistry))"
)


_ARMED_GROUP = re.compile(
    r"\b(?P<name>[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,2})\s+(?:militants|terrorists|fighters|insurgents)\b"
)
_FORCES = re.compile(
    rf"\b(?P<phrase>(?P<country>{_CW})\s+(?:military|armed forces|Armed Forces|Army|Navy|Air Force))\b"
)
_OUTLET = re.compile(r"\binterview (?:with|to)\s+(?P<org>[A-Z][A-Za-z]{1,9})\b")
_AFFILIATION = re.compile(rf"\b(?P<org>[A-Z]{{2,10}})['’]s\s+(?P<name>{_NAME})")
_NEWS_WORDS = re.compile(r"\b(?:told|interview|reporter|correspondent|editor|reported)\b")


def _other_organisations(reading: Reading, offset: int, sentence: str) -> None:
    """Armed groups, armed forces, news outlets and people named with their employer.

    For example "Hamas militants", "the Indian military", "an interview with NDTV" and
    "NDTV's Aditya Raj Kaul".
    """
    found: list[tuple[int, str, str, str | None, str]] = []
    for match in _ARMED_GROUP.finditer(sentence):
        name = _clean_name(match["name"])
        if name and name not in COUNTRY_WORDS:
            found.append((match.start("name"), name, "armed-group", None, match.group(0)))
    for match in _FORCES.finditer(sentence):
        code = COUNTRY_WORDS[match["country"]]
        found.append((match.start(), match["phrase"], "armed-forces", code, match.group(0)))
    for match in _OUTLET.finditer(sentence):
        found.append((match.start("org"), match["org"], "news-outlet", None, match.group(0)))
    for start, name, kind, country, quote in found:
        position = offset + start
        if any(m.start <= position < m.end for m in reading.mentions):
            continue
        target = _link_org(reading, name, quote, "organisation_name", kind=kind, country=country)
        if target:
            reading.mentions.append(
                Mention(position, position + len(name), "organisation", target, name)
            )
    for match in _AFFILIATION.finditer(sentence):
        known = reading._orgs.get(_key(match["org"]), [])
        news = _NEWS_WORDS.search(sentence) is not None
        if not known and not news:
            continue
        org = _link_org(
            reading,
            match["org"],
            match.group(0),
            "organisation_name",
            kind="news-outlet" if news else "other",
        )
        _person(
            reading,
            "organisation_name",
            offset + match.start("name"),
            offset + match.end(),
            match["name"],
            org=org,
        )


def organisation_name(reading: Reading) -> None:
    """Companies listed or suffixed ("Elbit Systems"), and ministries of defence by country.

    >>> _example('He visited Israeli defence companies — Elbit Systems and Israel Shipyards.',
    ...          'organisation_name')
    [('elbit-systems', 'id', 'elbit-systems'),
     ('israel-shipyards', 'id', 'israel-shipyards'),
     ('israel-shipyards', 'name', 'Israel Shipyards'),
     ('israel-shipyards', 'kind', 'company'),
     ('israel-shipyards', 'country', 'IL')]
    """
    for offset, sentence in reading.body():
        _other_organisations(reading, offset, sentence)
        for match in _MINISTRY.finditer(sentence):
            start = offset + match.start("phrase")
            if any(m.start <= start < m.end for m in reading.mentions):
                continue
            phrase = match["phrase"].removeprefix("the ")
            code = COUNTRY_WORDS[match["country"]]
            target = _link_org(
                reading, phrase, phrase, "organisation_name", kind="ministry", country=code
            )
            if target:
                reading.mentions.append(
                    Mention(start, start + len(match["phrase"]), "organisation", target, phrase)
                )
        listed = _COMPANY_LIST.search(sentence)
        names: list[tuple[str, str | None]] = []
        if listed is not None:
            country = COUNTRY_WORDS.get(listed["country"] or "")
            for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed["names"]):
                part = part.strip(" —–")
                if part and re.fullmatch(r"[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,4}", part):
                    names.append((part, country))
        for match in _COMPANY_SUFFIX.finditer(sentence):
            name = _clean_name(match["name"])
            if name and name not in [n for n, _ in names] and len(name.split()) >= 2:
                names.append(
                    (name, _country_of_phrase(sentence[max(0, match.start() - 30) : match.start()]))
                )
        for name, country in names:
            position = reading.text.find(name, offset)
            if any(m.start <= position < m.end for m in reading.mentions):
                continue
            quote = listed[0].rstrip(" .;—–") if listed is not None and name in listed[0] else name
            target = _link_org(
                reading, name, quote, "organisation_name", kind="company", country=country
            )
            if target:
                reading.mentions.append(
                    Mention(position, position + len(name), "organisation", target, name)
                )


# ---------------------------------------------------------------------------- places


_PLACE = re.compile(
    rf"\b(?:in|at)\s+(?:the\s+)?(?P<place>{_alternation([*CITIES, *COUNTRY_NAMES.values()])})\b"
)


_ANCHOR = re.compile(
    r"\b(?:signed|signing|formalised|formalized|inked|concluded|held|took place|met|met with|"
    r"meeting|talks|visit|visited|MoU|agreement|[Dd]ialogue|[Gg]roup)\b"
)


_SIGNING = re.compile(r"\b(?:signed|signing|formalised|formalized|inked|concluded)\b")


def _place_in(
    sentence: str, anchor: re.Pattern[str] = _ANCHOR
) -> tuple[dict[str, str], str] | None:
    """The place named close after (or just before) an ``anchor`` word in the sentence."""
    anchors = [a.end() for a in anchor.finditer(sentence)]
    starts = [a.start() for a in anchor.finditer(sentence)]
    match = next(
        (
            m
            for m in _PLACE.finditer(sentence)
            if any(0 <= m.start() - a <= 120 for a in anchors)
            or any(0 <= a - m.end() <= 12 for a in starts)
        ),
        None,
    )
    if match is None:
        return None
    return _place_of(sentence, match)


_REGION = re.compile(r",\s+(?P<region>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)*)(?=,)")


def _place_of(sentence: str, match: re.Match[str]) -> tuple[dict[str, str], str]:
    """The place a ``_PLACE`` match names, with the region that follows a city.

    "in Pahalgam, Jammu and Kashmir, on ..." gives the city, its region and its country.
    """
    name = match["place"]
    if name in CITIES:
        place = {"city": name, "country": CITIES[name]}
        region = _REGION.match(sentence, match.end())
        if (
            region is not None
            and region["region"] not in COUNTRY_WORDS
            and region["region"].split()[0] not in MONTHS
        ):
            place = {"city": name, "region": region["region"], "country": CITIES[name]}
        return place, match.group(0)
    code = next(c for c, n in COUNTRY_NAMES.items() if n == name)
    return {"country": code}, match.group(0)


def _parties_in(sentence: str) -> list[str]:
    names = _alternation(COUNTRY_NAMES.values())
    pair = re.search(rf"\b(?P<a>{names})\s*(?:and(?: the)?|[-–])\s*(?P<b>{names})\b", sentence)
    if pair is not None:
        codes = {n: c for c, n in COUNTRY_NAMES.items()}
        return [codes[pair["a"]], codes[pair["b"]]]
    found: list[str] = []
    for match in re.finditer(rf"(?<!\w)(?:{_CW})(?!\w)", sentence):
        code = COUNTRY_WORDS[match.group(0)]
        if code not in found:
            found.append(code)
    return found


# ---------------------------------------------------------------------------- meetings


_SERIES_NOUN = r"(?:Joint Working Group|Working Group|Dialogue|Committee|Commission|Consultations|Council|Summit|Talks)"
_NEW_SERIES = re.compile(
    rf"\b(?:[Tt]he)\s+(?P<ordinal>\d{{1,3}}(?:st|nd|rd|th)|{'|'.join(ORDINAL_WORDS)})\s+(?:edition of the\s+|session of the\s+|round of the\s+|meeting of the\s+)?"
    rf"(?P<name>(?:[A-Z][\w’'–-]*\s+)*?(?:[A-Z][\w’'–-]*\s+)?{_SERIES_NOUN}(?:\s+on\s+[A-Z][\w ]*?(?=\s*[,.(]|\s+(?:was|is|in|at|held|on)\b))?)"
    r"(?:\s+\((?P<short>[A-Z]{2,8})\))?"
)
_ORDINAL = re.compile(rf"\b(?P<ordinal>\d{{1,3}}(?:st|nd|rd|th)|{'|'.join(ORDINAL_WORDS)})\b")


def _ordinal(text: str) -> int:
    return ORDINAL_WORDS.get(text.lower()) or int(re.sub(r"\D", "", text))


def _series_in(reading: Reading, offset: int, sentence: str) -> list[tuple[Any, int, int]]:
    """Known series named in the sentence: (series, start, end) in sentence offsets."""
    found: list[tuple[Any, int, int]] = []
    tokens = list(re.finditer(r"\w+", sentence))
    index = 0
    while index < len(tokens):
        for size in range(min(8, len(tokens) - index), 0, -1):
            group = tokens[index : index + size]
            key = " ".join(t.group(0).casefold() for t in group)
            series = reading._series.get(key)
            if series is None:
                continue
            word = group[0].group(0)
            if size == 1 and word != series.short_name and word != series.id.upper():
                continue
            prefix = re.search(
                rf"(?P<a>{_CW})\s*[-–]\s*(?P<b>{_CW})\s*$", sentence[: group[0].start()]
            )
            pair = _parties_in(sentence[group[0].start() : group[-1].end()])
            if prefix is not None:
                pair = [COUNTRY_WORDS[prefix["a"]], COUNTRY_WORDS[prefix["b"]]]
            if len(pair) >= 2 and series.parties and set(pair) != set(series.parties):
                continue  # "the UK-Poland Joint Working Group" is another series
            found.append((series, group[0].start(), group[-1].end()))
            index += size - 1
            break
        index += 1
    return found


def _meeting_kind(reading: Reading, series_id: str, name: str) -> str:
    kinds: list[str] = [m.kind.value for m in reading._by_series.get(series_id, [])]
    if kinds:
        return max(set(kinds), key=kinds.count)
    lowered = name.lower()
    for word, kind in (
        ("working group", "jwg-session"),
        ("dialogue", "dialogue"),
        ("summit", "summit"),
        ("talks", "talks"),
    ):
        if word in lowered:
            return kind
    return "other"


def _existing_meeting(
    reading: Reading, series_id: str, number: int | None, date: When | None
) -> str | None:
    for meeting in reading._by_series.get(series_id, []):
        if number is not None and meeting.number == number:
            return str(meeting.id)
        if (
            number is None
            and date is not None
            and meeting.date is not None
            and meeting.date.overlaps(date)
        ):
            return str(meeting.id)
    return None


def series_meeting(reading: Reading) -> None:
    """A session of a series: "the 17th India-Israel Joint Working Group (JWG) meeting".

    >>> _example('The 18th meeting of the JWG was held in New Delhi in January 2026.',
    ...          'series_meeting')
    [('jwg-18', 'kind', 'jwg-session'),
     ('jwg-18', 'series', 'jwg'),
     ('jwg-18', 'number', 18),
     ('jwg-18', 'date', '2026-01'),
     ('jwg-18', 'place', {'city': 'New Delhi', 'country': 'IN'})]
    """
    for offset, sentence in reading.body():
        named = _series_in(reading, offset, sentence)
        series_id: str | None = None
        start = end = 0
        name = ""
        if named:
            series, start, end = named[0]
            series_id, name = str(series.id), str(series.name)
        else:
            match = _NEW_SERIES.search(sentence)
            if match is None:
                continue
            name = match["name"].strip()
            series_id = _new_series(reading, offset, sentence, match)
            start, end = match.start(), match.end()
        window = sentence[max(0, start - 80) : end + 40]
        ordinal = None
        for match in _ORDINAL.finditer(window):
            before = window[: match.start()]
            if re.search(r"\bthe\s*$", before, re.IGNORECASE):
                ordinal = match
        dates = list(dates_in(sentence, reading.dateline))
        last = re.search(r"\b(?:last|previous)\b", sentence[max(0, start - 40) : start])
        if (
            ordinal is None
            and not last
            and not re.search(r"\bmeeting\b|\bsession\b", sentence[start : end + 30])
        ):
            if reading.meeting is None:
                continue
            continue
        number = _ordinal(ordinal["ordinal"]) if ordinal is not None else None
        date = dates[0].value if dates else None
        existing = _existing_meeting(reading, series_id, number, date) if series_id else None
        if existing is None and number is None and date is None:
            continue
        target = existing or reading.new_id(
            f"{series_id}-{number}"
            if number is not None
            else f"{series_id}-{date.isoformat() if date else 'undated'}"
        )
        if target not in reading.new_ids and existing is None:
            reading.new_ids.add(target)
        if not (last and ordinal is None):
            reading.introduce(offset, "meeting", target)
        quote = sentence
        reading.propose(
            "series_meeting",
            "meeting",
            target,
            "kind",
            _meeting_kind(reading, series_id, name),
            quote,
        )
        reading.propose("series_meeting", "meeting", target, "series", series_id, quote)
        if number is not None:
            reading.propose(
                "series_meeting",
                "meeting",
                target,
                "number",
                number,
                quote,
                f"ordinal {ordinal['ordinal']!r} of {name}" if ordinal else "",
            )
        _meeting_details(reading, target, offset, sentence, dates)


def _new_series(reading: Reading, offset: int, sentence: str, match: re.Match[str]) -> str:
    name = match["name"].strip()
    short = match["short"]
    wanted = slug(short) if short else slug(name)
    if wanted in reading.new_ids:
        return wanted
    target = reading.new_id(wanted)
    quote = match.group(0)
    reading.propose(
        "series_meeting",
        "series",
        target,
        "id",
        target,
        quote,
        f"no series is named {name!r}",
        action="link",
    )
    reading.propose("series_meeting", "series", target, "name", name, quote)
    if short:
        reading.propose("series_meeting", "series", target, "short_name", short, quote)
    parties = _parties_in(name)
    if len(parties) >= 2:
        reading.propose("series_meeting", "series", target, "parties", parties, quote)
    return target


def _meeting_details(
    reading: Reading, target: str, offset: int, sentence: str, dates: list[DateMention]
) -> None:
    if dates:
        first = dates[0]
        reading.propose(
            "series_meeting",
            "meeting",
            target,
            "date",
            first.value.isoformat() if first.value is not None else None,
            first.quote if first.value is None else sentence,
            first.reason,
            inferred=first.inferred,
        )
    place = _place_in(sentence)
    if place is not None:
        reading.propose("series_meeting", "meeting", target, "place", place[0], sentence)
    co_chairs(reading, target, offset, sentence)


_CO_CHAIRED = re.compile(r"\bco-?chaired by\b")


def co_chairs(reading: Reading, target: str, offset: int, sentence: str) -> None:
    """The people named after "co-chaired by" are the meeting's co-chairs and participants.

    >>> _example('The 18th meeting of the JWG was co-chaired by Defence Secretary Rajesh Kumar Singh and Major General Amir Baram.',
    ...          'co_chairs')
    [('jwg-18', 'participants', 'rajesh-kumar-singh'),
     ('jwg-18', 'co_chairs', 'rajesh-kumar-singh'),
     ('jwg-18', 'participants', 'amir-baram'),
     ('jwg-18', 'co_chairs', 'amir-baram')]
    """
    match = _CO_CHAIRED.search(sentence)
    if match is None:
        return
    people = reading.mentions_in(offset + match.end(), offset + len(sentence))[:2]
    for mention in people:
        for field in ("participants", "co_chairs"):
            reading.propose("co_chairs", "meeting", target, field, mention.target, sentence)


def meeting_context(reading: Reading) -> None:
    """Co-chairs of the meeting the article is about: "The meeting was co-chaired by X and Y".

    >>> _example('The 18th JWG meeting was held in New Delhi. The meeting was co-chaired by Defence Secretary Singh and Major General Amir Baram.',
    ...          'co_chairs')
    [('jwg-18', 'participants', 'rajesh-kumar-singh'),
     ('jwg-18', 'co_chairs', 'rajesh-kumar-singh'),
     ('jwg-18', 'participants', 'amir-baram'),
     ('jwg-18', 'co_chairs', 'amir-baram')]
    """
    for offset, sentence in reading.sentences:
        if reading.meeting is None:
            return
        if re.search(
            r"\b(?:The|the) (?:meeting|JWG|session|dialogue)\b", sentence
        ) and _CO_CHAIRED.search(sentence):
            co_chairs(reading, reading.meeting, offset, sentence)


_PAIR_MEETING = re.compile(
    r"\b(?P<a>[A-Z][a-z]+)[-–](?P<b>[A-Z][a-z]+)\s+(?:bilateral\s+)?(?P<what>meeting|talks)\b"
)
_COUNTERPART = re.compile(
    r"^\s*(?:is|was|were)\s+in\s+[A-Z][\w ]*?\s+(?:meeting|holding talks with)\s+"
    r"(?:his|her|their)\s+(?:\w+\s+)?counterparts?,?\s*(?:Dr\.?\s+)?$"
)
_MET = re.compile(
    r"^\s*(?:also\s+)?(?P<verb>met with|met|held talks with|holds talks with|called on|calls on|meets|meets with)\s+$"
)


def _surname(person_id: str) -> str:
    return person_id.split("-")[-1]


def bilateral_meeting(reading: Reading) -> None:
    """A meeting of two people: "X met with Y", "X called on Y", "X held talks with Y".

    >>> _example('Defence Secretary Rajesh Kumar Singh called on Israeli Defence Minister Israel Katz on Thursday.',
    ...          'bilateral_meeting')
    [('singh-katz-2026-01-08', 'kind', 'call-on'),
     ('singh-katz-2026-01-08', 'participants', 'rajesh-kumar-singh'),
     ('singh-katz-2026-01-08', 'participants', 'israel-katz'),
     ('singh-katz-2026-01-08', 'date', '2026-01-08')]
    """
    for offset, sentence in reading.sentences:
        people = reading.mentions_in(offset, offset + len(sentence))
        for first, second in itertools.pairwise(people):
            between = reading.text[first.end : second.start]
            verb = _MET.match(between)
            if verb is not None:
                word = verb["verb"]
            else:
                named = _PAIR_MEETING.match(reading.text, first.start)
                if named is not None and named.end("b") == second.end:
                    word = named["what"]
                elif _COUNTERPART.match(between):
                    word = "meeting"
                else:
                    continue
            if first.target == second.target:
                continue
            kind = {"called on": "call-on", "calls on": "call-on"}.get(word, "bilateral-meeting")
            if "talks" in word:
                kind = "talks"
            dates = dates_in(sentence, reading.dateline)
            date = dates[0].value if dates else None
            pair = {first.target, second.target}
            existing = next(
                (
                    m.id
                    for m in reading.tracker.meetings
                    if set(m.participants) == pair
                    and m.series is None
                    and (date is None or m.date is None or m.date.overlaps(date))
                ),
                None,
            )
            when = (
                date.isoformat()
                if date is not None and _precision_rank(date) == 2
                else (
                    reading.dateline.isoformat()[:7] if reading.dateline is not None else "undated"
                )
            )
            target = existing or reading.new_id(
                f"{_surname(first.target)}-{_surname(second.target)}-{when}"
            )
            if reading.meeting is None:
                reading.introduce(offset, "meeting", target)
            reading.propose("bilateral_meeting", "meeting", target, "kind", kind, sentence)
            for mention in (first, second):
                reading.propose(
                    "bilateral_meeting", "meeting", target, "participants", mention.target, sentence
                )
            if dates:
                reading.propose(
                    "bilateral_meeting",
                    "meeting",
                    target,
                    "date",
                    date.isoformat() if date else None,
                    sentence,
                    dates[0].reason,
                    inferred=dates[0].inferred,
                )
            place = _place_in(sentence)
            if place is not None:
                reading.propose("bilateral_meeting", "meeting", target, "place", place[0], sentence)


# ---------------------------------------------------------------------------- agreements


_AGREEMENT = re.compile(rf"(?<!\w)(?P<word>{_alternation(AGREEMENT_WORDS)})(?!\w)")
_SIGNED = re.compile(r"\b(?:signed|signing|signs|sign|formalised|formalized|inked|concluded)\b")
_PLANNED = re.compile(
    r"\b(?:will|would|shall|could|may|might|to|plans? to|expected to|set to|hope to|aim to)\s+"
    r"(?:\w+\s+)?(?:sign|conclude|ink)\b"
)
_TIMING = re.compile(
    r"\b(?P<timing>during|after|before|ahead of|on the sidelines of|following)\s+the\b"
)
_SIGNED_BY = re.compile(r"\bsigned (?:by|between)\b")


def agreement_signed(reading: Reading) -> None:
    """An agreement signed: kind, parties, date, place, signatories and meeting.

    >>> _example('India and France signed a Memorandum of Understanding (MoU) on Friday in Paris.',
    ...          'agreement_signed')
    [('mou-2026-01-in-fr', 'title', 'India–France MoU'),
     ('mou-2026-01-in-fr', 'kind', 'mou'),
     ('mou-2026-01-in-fr', 'parties', ['IN', 'FR']),
     ('mou-2026-01-in-fr', 'status', 'signed'),
     ('mou-2026-01-in-fr', 'signed', '2026-01-09'),
     ('mou-2026-01-in-fr', 'place', {'city': 'Paris', 'country': 'FR'})]
    """
    for offset, sentence in reading.body():
        words = list(_AGREEMENT.finditer(sentence))
        if not words or not _SIGNED.search(sentence):
            continue
        specific = [w for w in words if AGREEMENT_WORDS[w["word"]] != "agreement"]
        kind = AGREEMENT_WORDS[(specific or words)[0]["word"]]
        parties = [c for c in _parties_in(sentence) if c in COUNTRY_NAMES][:2]
        if len(parties) < 2:
            parties = _parties_in(reading.text)[:2]
        target = reading.agreement or _existing_agreement(reading, kind, parties)
        if target is None:
            if len(parties) < 2:
                continue
            month = reading.dateline.isoformat()[:7] if reading.dateline is not None else "undated"
            target = reading.new_id(f"{kind}-{month}-{'-'.join(p.lower() for p in parties)}")
            title = f"{COUNTRY_NAMES[parties[0]]}–{COUNTRY_NAMES[parties[1]]} {'MoU' if kind == 'mou' else kind.replace('-', ' ')}"
            reading.propose(
                "agreement_signed",
                "agreement",
                target,
                "title",
                title,
                sentence,
                "a label made from the parties and the kind",
            )
        first = reading.agreement is None
        reading.introduce(offset, "agreement", target)
        if first or specific:
            reading.propose("agreement_signed", "agreement", target, "kind", kind, sentence)
        if len(parties) >= 2:
            reading.propose("agreement_signed", "agreement", target, "parties", parties, sentence)
        planned = _PLANNED.search(sentence) is not None and not re.search(
            r"\b(?:signed|inked|formalised|formalized|concluded)\b", sentence
        )
        status = "proposed" if planned else "signed"
        reading.propose(
            "agreement_signed",
            "agreement",
            target,
            "status",
            status,
            sentence,
            "the text says it is to be signed" if planned else "",
        )
        dates = [] if planned else list(dates_in(sentence, reading.dateline))
        if dates:
            reading.propose(
                "agreement_signed",
                "agreement",
                target,
                "signed",
                dates[0].value.isoformat() if dates[0].value is not None else None,
                sentence,
                dates[0].reason,
                inferred=dates[0].inferred,
            )
        place = _place_in(sentence, _SIGNING)
        if place is not None:
            reading.propose("agreement_signed", "agreement", target, "place", place[0], sentence)
        by = _SIGNED_BY.search(sentence)
        if by is not None:
            for mention in reading.mentions_in(offset + by.end(), offset + len(sentence))[:2]:
                reading.propose(
                    "agreement_signed", "agreement", target, "signatories", mention.target, sentence
                )
        timing = _TIMING.search(sentence)
        if timing is not None:
            meeting = _meeting_after(reading, offset + timing.end())
            if meeting is not None:
                word = timing["timing"]
                value = {
                    "ahead of": "before",
                    "on the sidelines of": "during",
                    "following": "after",
                }.get(word, word)
                reading.propose(
                    "agreement_signed", "agreement", target, "meeting", meeting, sentence
                )
                reading.propose(
                    "agreement_signed", "agreement", target, "meeting_timing", value, sentence
                )
                if place is None and value == "during":
                    held = _place_in(sentence)
                    if held is not None:
                        reading.propose(
                            "agreement_signed",
                            "agreement",
                            target,
                            "place",
                            held[0],
                            sentence,
                            f"signed during {meeting}, which the sentence places {held[1]!r}",
                            inferred=True,
                        )
                _known_agreement(reading, target, kind, meeting)


def _known_agreement(reading: Reading, target: str, kind: str, meeting: str) -> None:
    """Move a new agreement's proposals onto the known one of its kind linked to ``meeting``."""
    if reading.tracker.get(target) is not None:
        return
    known = [a for a in reading.tracker.agreements if a.meeting == meeting and a.kind.value == kind]
    if len(known) != 1:
        return
    for proposal in reading.proposals:
        if proposal.target == target:
            proposal.target = known[0].id
    reading.proposals[:] = [
        p for p in reading.proposals if not (p.target == known[0].id and p.field == "title")
    ]
    reading.introduced[:] = [
        (o, k, known[0].id if t == target else t) for o, k, t in reading.introduced
    ]
    reading.agreement = known[0].id


def _meeting_after(reading: Reading, position: int) -> str | None:
    """The meeting a "during the ..." phrase names: the one the article is about there."""
    return reading.about(position, "meeting")


def _existing_agreement(reading: Reading, kind: str, parties: list[str]) -> str | None:
    for agreement in reading.tracker.agreements:
        if agreement.kind.value != kind or set(agreement.parties) != set(parties):
            continue
        if agreement.signed is not None and reading.dateline is not None:
            gap = abs((agreement.signed.earliest - reading.dateline.earliest).days)
            if gap <= 31:
                return str(agreement.id)
    return None


# ---------------------------------------------------------------------------- visits


_DELEGATION = re.compile(rf"(?:(?P<origin>{_CW})\s+)?delegation led by\s+")
_VISIT = re.compile(
    rf"['’]s\s+(?:(?:first|official|maiden|working|state|two-day|three-day)\s+)*"
    rf"(?:(?P<city>{_alternation(CITIES)})\s+)?visit\b(?:\s+to\s+(?P<host>{_alternation(COUNTRY_NAMES.values())}))?"
)


def delegation_visit(reading: Reading) -> None:
    """A visit: "a delegation led by X visited ...", "X's visit to India", "X's New Delhi visit".

    >>> _example('An Indian delegation led by Defence Secretary Rajesh Kumar Singh visited Israeli defence companies on January 8-9.',
    ...          'delegation_visit')
    [('singh-israel-2026-01', 'leader', 'rajesh-kumar-singh'),
     ('singh-israel-2026-01', 'origin', 'IN'),
     ('singh-israel-2026-01', 'host', 'IL'),
     ('singh-israel-2026-01', 'dates', '2026-01-08/2026-01-09')]
    """
    for offset, sentence in reading.body():
        led = _DELEGATION.search(sentence)
        leader: Mention | None = None
        host: str | None = None
        origin: str | None = None
        if led is not None:
            people = reading.mentions_in(offset + led.end(), offset + len(sentence))
            if people and people[0].start == offset + led.end():
                leader = people[0]
                origin = COUNTRY_WORDS.get(led["origin"] or "")
                visited = re.search(
                    rf"\bvisit(?:ed|ing|s)?\s+(?:\w+\s+){{0,3}}?(?P<c>{_CW})\b",
                    sentence[led.end() :],
                )
                host = COUNTRY_WORDS[visited["c"]] if visited else None
        else:
            for match in _VISIT.finditer(sentence):
                people = [
                    m
                    for m in reading.mentions_in(offset, offset + match.start())
                    if m.end == offset + match.start()
                ]
                if not people or not (match["city"] or match["host"]):
                    continue
                leader = people[0]
                host = (
                    CITIES[match["city"]]
                    if match["city"]
                    else next(c for c, n in COUNTRY_NAMES.items() if n == match["host"])
                )
                break
        if leader is None or host is None:
            continue
        if origin is None:
            origin = _person_country(reading, leader.target)
        if origin is None or origin == host:
            continue
        dates = dates_in(sentence, reading.dateline)
        date = dates[0].value if dates else None
        existing = next(
            (
                d.id
                for d in reading.tracker.delegations
                if d.leader == leader.target
                and d.host == host
                and (
                    d.dates.overlaps(date)
                    if d.dates is not None and date is not None
                    else _reported_near(reading, d)
                )
            ),
            None,
        )
        month = (
            date.earliest.format("YYYY-MM")
            if date is not None
            else reading.dateline.isoformat()[:7]
            if reading.dateline is not None
            else "undated"
        )
        target = (
            existing
            or next(
                (
                    i
                    for i in reading.new_ids
                    if i.startswith(f"{leader.target.split('-')[-1]}-{slug(COUNTRY_NAMES[host])}-")
                ),
                None,
            )
            or reading.new_id(f"{leader.target.split('-')[-1]}-{slug(COUNTRY_NAMES[host])}-{month}")
        )
        reading.delegation = target
        for field, value in (("leader", leader.target), ("origin", origin), ("host", host)):
            reading.propose("delegation_visit", "delegation", target, field, value, sentence)
        if dates:
            reading.propose(
                "delegation_visit",
                "delegation",
                target,
                "dates",
                date.isoformat() if date is not None else None,
                sentence,
                dates[0].reason,
                inferred=dates[0].inferred,
            )


def _reported_near(reading: Reading, record: Any) -> bool:
    """Whether a source of ``record`` was published within 31 days of this article."""
    if reading.dateline is None:
        return False
    for citation in record.citations:
        source = reading.tracker.get(citation.source)
        published = getattr(source, "published", None)
        if (
            published is not None
            and (published.earliest - reading.dateline.latest).days <= 31
            and (reading.dateline.earliest - published.latest).days <= 31
        ):
            return True
    return False


def _person_country(reading: Reading, person_id: str) -> str | None:
    for proposal in reading.proposals:
        if proposal.target == person_id and proposal.field == "roles":
            for role in proposal.value:
                if role.get("country"):
                    return str(role["country"])
    person = reading.tracker.get(person_id)
    for role in getattr(person, "roles", ()):
        if role.country is not None:
            return str(role.country)
    return None


# ---------------------------------------------------------------------------- focus areas


_AGREEMENT_TOPIC = re.compile(
    r"\b(?:MoU|MOU|agreement|pact|Memorandum|treaty|framework|Letter of Intent)\b"
)
_MEETING_TOPIC = re.compile(
    r"\b(?:meeting|JWG|discussions|talks|[Dd]ialogue|[Bb]oth sides|[Tt]he two sides|officials|"
    r"ministers|Working Group|Committee|met)\b"
)


def _area_patterns(reading: Reading) -> list[tuple[re.Pattern[str], str]]:
    patterns: list[tuple[str, str]] = []
    for area in reading.tracker.focus_areas:
        for name in area.names:
            tokens = re.findall(r"[A-Za-z0-9&]+", name)
            if not tokens:
                continue
            body = r"[\s-]*".join(re.escape(t) for t in tokens)
            patterns.append((body, area.id))
    patterns.sort(key=lambda item: -len(item[0]))
    return [(re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE), area) for body, area in patterns]


def focus_area_term(reading: Reading) -> None:
    """Focus areas named in the sentences about an agreement or a meeting.

    A sentence is about the agreement when it names one ("the MoU"), about the meeting
    when it names one or its participants ("the two sides"); a sentence that names
    neither is about what the sentence before it in the same paragraph was about.

    >>> _example('India and France signed an MoU on cyber security and joint training.',
    ...          'focus_area_term')
    [('mou-2026-01-in-fr', 'focus_areas', 'cyber-security'),
     ('mou-2026-01-in-fr', 'focus_areas', 'training')]
    """
    patterns = _area_patterns(reading)
    previous: tuple[int, list[tuple[str, str]]] = (-1, [])
    for offset, sentence in reading.sentences:
        targets: list[tuple[str, str]] = []
        agreement = reading.about(offset + len(sentence), "agreement")
        meeting = reading.about(offset + len(sentence), "meeting")
        if agreement and _AGREEMENT_TOPIC.search(sentence):
            targets.append(("agreement", agreement))
        elif meeting and _MEETING_TOPIC.search(sentence):
            targets.append(("meeting", meeting))
        elif previous[0] == reading.paragraph(offset):
            targets = previous[1]
        previous = (reading.paragraph(offset), targets)
        if not targets:
            continue
        taken: list[tuple[int, int]] = []
        for pattern, area in patterns:
            for match in pattern.finditer(sentence):
                if any(match.start() < e and s < match.end() for s, e in taken):
                    continue
                taken.append((match.start(), match.end()))
                for kind, target in targets:
                    reading.propose(
                        "focus_area_term",
                        kind,
                        target,
                        "focus_areas",
                        area,
                        sentence,
                        f"{match.group(0)!r} is a name of the focus area {area}",
                    )


# ---------------------------------------------------------------------------- context events


_ATTACK = re.compile(
    r"\b(?P<phrase>(?:terrorist |terror |militant |suicide |bombing |bomb |missile |drone )?"
    r"attacks?|bombings?)\b"
)
_OPERATION = re.compile(r"\bOperation (?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")
_LAUNCHED = re.compile(
    rf"\blaunched by (?P<a>{_alternation(COUNTRY_NAMES.values())}) against "
    rf"(?P<b>{_alternation(COUNTRY_NAMES.values())})\b"
)
_PLACE_WORDS = re.compile(r"\b(?:occurred|took place|carried out|happened)?\s*(?:in|at)\s")


def context_event(reading: Reading) -> None:
    """Attacks with a date or place, and named military operations, as context events.

    For example "the attack in Pahalgam on April 22, 2025" and "Operation Rising Lion".

    >>> _example('He condemned the terrorist attack in Pahalgam on April 22, 2025.',
    ...          'context_event')
    [('pahalgam-attack-2025', 'title', 'Pahalgam terrorist attack'),
     ('pahalgam-attack-2025', 'kind', 'attack'),
     ('pahalgam-attack-2025', 'date', '2025-04-22'),
     ('pahalgam-attack-2025', 'place', {'city': 'Pahalgam', 'country': 'IN'}),
     ('pahalgam-attack-2025', 'countries', 'IN')]
    """
    for _, sentence in reading.sentences:
        for match in _ATTACK.finditer(sentence):
            window = sentence[max(0, match.start() - 40) : match.end() + 80]
            base = max(0, match.start() - 40)
            found = [d for d in dates_in(window, reading.dateline) if d.value is not None]
            after = [d for d in found if d.start + base >= match.end()]
            just_before = [
                d
                for d in found
                if d.end + base <= match.start()
                and re.fullmatch(r"[\s\w]{0,12}", sentence[d.end + base : match.start()])
                and not re.search(
                    r"\b(?:after|before|since|days?|weeks?)\b",
                    sentence[d.end + base : match.start()],
                )
            ]
            dates = just_before[-1:] + after[:1]
            places = list(_PLACE.finditer(sentence, match.end(), match.end() + 60))
            if not dates and not places:
                continue
            date = dates[0].value if dates else None
            place = _place_of(sentence, places[0])[0] if places else None
            where = (place or {}).get("city") or COUNTRY_NAMES.get(
                (place or {}).get("country", ""), ""
            )
            year = f"-{date.earliest.year}" if date is not None else ""
            existing = next(
                (
                    e.id
                    for e in reading.tracker.events
                    if e.kind.value == "attack"
                    and date is not None
                    and e.date is not None
                    and e.date.overlaps(date)
                ),
                None,
            )
            if where:
                wanted = slug(f"{where} attack") + year
                title = f"{where} {match['phrase']}"
            elif date is not None:
                wanted = f"attack-{date.isoformat()}"
                title = f"{match['phrase']} of {date.isoformat()}"
            else:  # pragma: no cover - a date or a place was required above
                continue
            target = existing or reading.new_id(wanted)
            reading.propose(
                "context_event",
                "event",
                target,
                "title",
                title[:1].upper() + title[1:],
                sentence,
                "a label made from the place and the words of the text",
            )
            reading.propose("context_event", "event", target, "kind", "attack", sentence)
            if date is not None:
                reading.propose(
                    "context_event",
                    "event",
                    target,
                    "date",
                    date.isoformat(),
                    sentence,
                    dates[0].reason,
                    inferred=dates[0].inferred,
                )
            if place is not None:
                reading.propose("context_event", "event", target, "place", place, sentence)
                reading.propose(
                    "context_event", "event", target, "countries", place["country"], sentence
                )
            break
        for match in _OPERATION.finditer(sentence):
            title = f"Operation {match['name']}"
            existing = next((e.id for e in reading.tracker.events if e.title == title), None)
            target = (
                existing
                or next((i for i in reading.new_ids if i == slug(title)), None)
                or reading.new_id(slug(title))
            )
            reading.propose("context_event", "event", target, "title", title, match.group(0))
            reading.propose(
                "context_event", "event", target, "kind", "military-operation", sentence
            )
            launched = _LAUNCHED.search(sentence)
            if launched is not None:
                codes = {n: c for c, n in COUNTRY_NAMES.items()}
                for side in ("a", "b"):
                    reading.propose(
                        "context_event",
                        "event",
                        target,
                        "countries",
                        codes[launched[side]],
                        sentence,
                    )


_SAID = re.compile(r"^\s+(?:has\s+|had\s+)?(?:said|posted|announced|stated)\b")
_STATEMENT_FROM = re.compile(r"\bstatement (?:from|by|of)\s+(?:the\s+)?$")
_TOLD = re.compile(r"^\s+(?:had\s+|has\s+)?told\s+$")
_INTERVIEW_WITH = re.compile(r"\binterview (?:with|to)\s+$")


def statement_event(reading: Reading) -> None:
    """Statements and interviews, with who made or gave them.

    For example "the Indian defence ministry said in a statement on Wednesday", "In an
    interview with NDTV, Saar said" and "Netanyahu had told NDTV's Aditya Raj Kaul".

    >>> _example('The Indian Defence Ministry said on Friday that the talks went well.',
    ...          'statement_event')
    [('in-mod-statement-2026-01-09', 'title', 'Statement by Indian Defence Ministry'),
     ('in-mod-statement-2026-01-09', 'kind', 'statement'),
     ('in-mod-statement-2026-01-09', 'organisations', 'in-mod'),
     ('in-mod-statement-2026-01-09', 'countries', 'IN'),
     ('in-mod-statement-2026-01-09', 'date', '2026-01-09')]
    """
    for offset, sentence in reading.sentences:
        end = offset + len(sentence)
        orgs = reading.mentions_in(offset, end, "organisation")
        people = reading.mentions_in(offset, end)
        for org in orgs:
            before = reading.text[offset : org.start]
            after = reading.text[org.end : end]
            said = _SAID.match(after)
            if said is None and not _STATEMENT_FROM.search(before):
                continue
            if _INTERVIEW_WITH.search(before):
                continue
            tail = after[said.end() :] if said is not None else after
            dates = list(dates_in(tail[:60], reading.dateline))
            date = dates[0].value if dates else None
            when = (
                date.isoformat()
                if date is not None
                else (reading.dateline.isoformat() if reading.dateline is not None else "undated")
            )
            target = next(
                (
                    e.id
                    for e in reading.tracker.events
                    if e.kind.value == "statement"
                    and org.target in e.organisations
                    and date is not None
                    and e.date is not None
                    and e.date.overlaps(date)
                ),
                None,
            ) or reading.new_id(f"{org.target}-statement-{when}")
            _event(reading, target, "statement", f"Statement by {org.quote}", sentence)
            reading.propose(
                "statement_event", "event", target, "organisations", org.target, sentence
            )
            country = _org_country(reading, org.target)
            if country is not None:
                reading.propose("statement_event", "event", target, "countries", country, sentence)
            if dates:
                reading.propose(
                    "statement_event",
                    "event",
                    target,
                    "date",
                    date.isoformat() if date is not None else None,
                    sentence,
                    dates[0].reason,
                    inferred=dates[0].inferred,
                )
        for org in orgs:
            before = reading.text[offset : org.start]
            if not _INTERVIEW_WITH.search(before):
                continue
            speakers = [p for p in people if p.start > org.end][:1]
            _interview(reading, offset, sentence, org.target, speakers)
        for first, second in itertools.pairwise(people):
            between = reading.text[first.end : second.start]
            told = re.match(r"^\s+(?:had\s+|has\s+)?told\s+(?P<org>[A-Z]\w+)['’]s\s+$", between)
            if told is None:
                continue
            org_id = _org_named(reading, told["org"])
            if org_id is not None:
                _interview(reading, offset, sentence, org_id, [first, second])


def _org_named(reading: Reading, name: str) -> str | None:
    """The id of the organisation called ``name``: known, or proposed by this draft."""
    known = reading._orgs.get(_key(name), [])
    if len(known) == 1:
        return str(known[0].id)
    for p in reading.proposals:
        if p.kind == "organisation" and p.field == "name" and p.value == name:
            return p.target
    return None


def _org_country(reading: Reading, org_id: str) -> str | None:
    known = reading.tracker.get(org_id)
    if known is not None:
        return getattr(known, "country", None)
    for p in reading.proposals:
        if p.target == org_id and p.field == "country":
            return str(p.value)
    return None


def _event(reading: Reading, target: str, kind: str, title: str, sentence: str) -> None:
    basis = "statement_event"
    reading.propose(basis, "event", target, "title", title, sentence, "a label for the event")
    reading.propose(basis, "event", target, "kind", kind, sentence)


def _interview(
    reading: Reading, offset: int, sentence: str, org_id: str, people: list[Mention]
) -> None:
    dates = [d for d in dates_in(sentence, reading.dateline) if d.value is not None]
    date = dates[0].value if dates else None
    speaker = people[0].target.split("-")[-1] if people else "someone"
    year = f"-{date.earliest.year}" if date is not None else ""
    target = next(
        (
            e.id
            for e in reading.tracker.events
            if e.kind.value == "interview"
            and org_id in e.organisations
            and people
            and people[0].target in e.people
        ),
        None,
    ) or reading.new_id(f"{speaker}-{org_id}-interview{year}")
    _event(reading, target, "interview", f"Interview with {org_id.upper()}", sentence)
    reading.propose("statement_event", "event", target, "organisations", org_id, sentence)
    for person in people:
        reading.propose("statement_event", "event", target, "people", person.target, sentence)
    if date is not None:
        reading.propose(
            "statement_event",
            "event",
            target,
            "date",
            date.isoformat(),
            sentence,
            dates[0].reason,
            inferred=dates[0].inferred,
        )


#: The rules in the order they run (the source rule runs first, inside :func:`read`).
RULES: tuple[Callable[[Reading], None], ...] = (
    titled_person,
    organisation_name,
    known_name,
    role_title,
    series_meeting,
    meeting_context,
    bilateral_meeting,
    agreement_signed,
    delegation_visit,
    focus_area_term,
    context_event,
    statement_event,
)
