"""The typed records: agreements, meetings, delegations, people, organisations and more.

Every record is an immutable ``attrs`` class: collections are tuples, changes go through
:func:`attrs.evolve`.  Records refer to each other by readable ids (``"jwg-17"``,
``"rajesh-kumar-singh"``); a :class:`~agreement_tracker.Tracker` resolves them.

Every record carries ``citations``: a :class:`Citation` names a :class:`Source` and
quotes it verbatim, and says which fields of the record the quote supports.  Facts that
no source states literally are listed in ``inferred`` with a one-line reason, and facts
the sources disagree on are kept as competing :class:`Claim` objects.

>>> from agreement_tracker import Citation, Place
>>> Place(city="Tel Aviv", country="IL")
Place(city='Tel Aviv', region=None, country='IL')
>>> Citation(source="ians-2025-11-06", quote="held in Tel Aviv", supports=("place",)).supports
('place',)
>>> bool(ID_RE.fullmatch("jwg-17")), bool(ID_RE.fullmatch("JWG 17"))
(True, False)
"""

import datetime as _dt
import enum
import re
import unicodedata
from collections.abc import Callable
from typing import Any, ClassVar, TypeAlias

import attrs

from ._text import NUMBER_WORDS, close_matches, is_blank, normalise_quote, normalise_text, or_list
from .countries import NAMES as _COUNTRY_NAMES
from .dates import DateBetween, DateRange, PartialDate, When
from .exceptions import ArgumentError, FieldValueError

__all__ = [
    "ID_RE",
    "SCHEMES",
    "Action",
    "ActionKind",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Citation",
    "Claim",
    "DatelineKind",
    "Delegation",
    "Discrepancy",
    "Engagement",
    "EngagementKind",
    "Event",
    "EventKind",
    "FocusArea",
    "Identifier",
    "Inference",
    "Involvement",
    "InvolvementRole",
    "Link",
    "LinkRelation",
    "Materiel",
    "Meeting",
    "MeetingKind",
    "MeetingTiming",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Place",
    "Qualifier",
    "Quantity",
    "Record",
    "RelationshipFact",
    "Role",
    "Series",
    "Source",
    "SourceKind",
    "Speech",
    "Statement",
    "StatementKind",
    "Unnamed",
]

# Real annotations (no ``from __future__ import annotations``), so that attrs and the
# readers see the field types as types; attrs.Attribute is not subscriptable at run time.
_Attribute: TypeAlias = "attrs.Attribute[Any]"
_Validator: TypeAlias = Callable[[Any, _Attribute, Any], None]

#: A readable id: lower-case letters and digits in words joined by single hyphens.
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# --------------------------------------------------------------------------- validators


def _fail(attribute: _Attribute, message: str) -> None:
    raise FieldValueError(attribute.name, message)


def _id(_: object, attribute: _Attribute, value: object) -> None:
    if not isinstance(value, str) or not ID_RE.fullmatch(value):
        _fail(
            attribute,
            f"{value!r} is not an id: use lower-case letters, digits and single hyphens, "
            "like 'jwg-17'",
        )


def _optional_id(instance: object, attribute: _Attribute, value: object) -> None:
    if value is not None:
        _id(instance, attribute, value)


def _ids(_: object, attribute: _Attribute, value: object) -> None:
    if not isinstance(value, tuple):
        _fail(attribute, f"must be a tuple of ids, got {type(value).__name__}")
    assert isinstance(value, tuple)
    for index, item in enumerate(value):
        if not isinstance(item, str) or not ID_RE.fullmatch(item):
            _fail(attribute, f"item {index}: {item!r} is not an id")
    if len(set(value)) != len(value):
        duplicates = sorted({item for item in value if value.count(item) > 1})
        _fail(attribute, f"lists {duplicates[0]!r} more than once")


def _not_text(value: object) -> str | None:
    """Why ``value`` is not non-empty text, or None when it is."""
    if not isinstance(value, str) or not value.strip():
        return f"must be non-empty text, got {value!r}"
    if is_blank(value):
        return (
            f"must be non-empty text, got {value!a}, which shows nothing: it holds "
            "only whitespace, format characters (such as zero-width spaces and joiners), "
            "control characters or combining marks with no letter"
        )
    return None


def _text(_: object, attribute: _Attribute, value: object) -> None:
    problem = _not_text(value)
    if problem is not None:
        _fail(attribute, problem)


def _optional_text(instance: object, attribute: _Attribute, value: object) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _texts(_: object, attribute: _Attribute, value: object) -> None:
    if not isinstance(value, tuple):
        _fail(attribute, f"must be a tuple of strings, got {type(value).__name__}")
    assert isinstance(value, tuple)
    for index, item in enumerate(value):
        problem = _not_text(item)
        if problem is not None:
            _fail(attribute, f"item {index} {problem}")


# Names are compared, so they are kept in one Unicode form: NFC, in which a letter and its
# accent are one character where Unicode has one ("é", not "e" and a combining acute).
# Look-ups normalise what users type the same way (``_text.name_key``).


def _nfc(value: str) -> str:
    """A name in NFC (anything but a str is left for the validator to report)."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _optional_nfc(value: str | None) -> str | None:
    return _nfc(value) if value is not None else None


def _nfc_all(value: tuple[str, ...]) -> tuple[str, ...]:
    """Names in NFC; the tuple itself when all already are (or when it is no tuple)."""
    if not isinstance(value, tuple) or all(
        not isinstance(item, str) or unicodedata.is_normalized("NFC", item) for item in value
    ):
        return value
    return tuple(_nfc(item) for item in value)


def _country_message(value: object) -> str:
    message = f"{value!r} is not an ISO 3166-1 alpha-2 country code"
    if isinstance(value, str):
        by_name = {name.casefold(): code for code, name in _COUNTRY_NAMES.items()}
        if value.casefold() in by_name:
            return message + f"; {value!r} is {by_name[value.casefold()]!r}"
        if value.upper() in _COUNTRY_NAMES:
            return message + f"; did you mean {value.upper()!r}?"
        close = close_matches(value.casefold(), list(by_name), n=1)
        if close:
            return (
                message
                + f"; did you mean {by_name[close[0]]!r} ({_COUNTRY_NAMES[by_name[close[0]]]})?"
            )
    return message


def _country(_: object, attribute: _Attribute, value: object) -> None:
    if not isinstance(value, str) or value not in _COUNTRY_NAMES:
        _fail(attribute, _country_message(value))


def _optional_country(instance: object, attribute: _Attribute, value: object) -> None:
    if value is not None:
        _country(instance, attribute, value)


def _countries(_: object, attribute: _Attribute, value: object) -> None:
    if not isinstance(value, tuple):
        _fail(attribute, f"must be a tuple of country codes, got {type(value).__name__}")
    assert isinstance(value, tuple)
    for index, item in enumerate(value):
        if not isinstance(item, str) or item not in _COUNTRY_NAMES:
            _fail(attribute, f"item {index}: {_country_message(item)}")
    if len(set(value)) != len(value):
        _fail(attribute, f"lists a country more than once: {value!r}")


def _parties(instance: object, attribute: _Attribute, value: object) -> None:
    """At least two distinct country codes, checked in one call."""
    _countries(instance, attribute, value)
    assert isinstance(value, tuple)  # _countries made sure
    if len(value) < 2:
        _fail(attribute, f"needs at least 2 parties, got {len(value)}")


def _text_file(_: object, attribute: _Attribute, value: str) -> None:
    """A source text's file: a relative ``/``-separated path inside the dataset, ending .txt."""
    parts = value.split("/")
    if (
        value.startswith("/")
        or "\\" in value
        or ":" in value  # a drive letter ("C:/x.txt") would leave the dataset on Windows
        or not value.endswith(".txt")
        or any(part in ("", ".", "..") for part in parts)
        or any(ord(c) < 32 for c in value)
    ):
        _fail(
            attribute,
            f"{value!r} must be a relative path inside the dataset ending in .txt, "
            "such as 'sources/report.txt'",
        )


_WHEN_TYPES = (PartialDate, DateRange, DateBetween)


def _optional_when(_: object, attribute: _Attribute, value: object) -> None:
    if value is not None and not isinstance(value, _WHEN_TYPES):
        _fail(
            attribute,
            f"must be a PartialDate, DateRange or DateBetween, got {type(value).__name__}",
        )


def _partial_dates(_: object, attribute: _Attribute, value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, PartialDate) for v in value):
        _fail(attribute, f"must be a tuple of PartialDate, got {value!r}")


def _members(kind: type, at_least: int = 0, what: str = "") -> _Validator:
    """Check a tuple of ``kind`` instances, with at least ``at_least`` of them (``what``)."""

    def check(_: object, attribute: _Attribute, value: object) -> None:
        if not isinstance(value, tuple):
            _fail(attribute, f"must be a tuple of {kind.__name__}, got {type(value).__name__}")
        assert isinstance(value, tuple)
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                _fail(attribute, f"item {index} must be a {kind.__name__}, got {item!r}")
        if len(value) < at_least:
            _fail(attribute, f"needs at least {at_least} {what}, got {len(value)}")

    return check


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: 'a MeetingKind', 'an AgreementKind'."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _instance(kind: type, *, optional: bool = False) -> _Validator:
    """Check that a value is a ``kind`` (or None, when ``optional``), in one call."""

    def check(_: object, attribute: _Attribute, value: object) -> None:
        if not isinstance(value, kind) and not (optional and value is None):
            _fail(attribute, f"must be {_a(kind.__name__)}, got {type(value).__name__} {value!r}")

    return check


def _enum(kind: type[enum.Enum]) -> _Validator:
    def check(_: object, attribute: _Attribute, value: object) -> None:
        if not isinstance(value, kind):
            choices = ", ".join(repr(member.value) for member in kind)
            _fail(attribute, f"{value!r} is not {_a(kind.__name__)}; choose one of {choices}")

    return check


def _count(_: object, attribute: _Attribute, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        _fail(attribute, f"must be a whole number, 0 or more, got {value!r}")


def _optional_number(_: object, attribute: _Attribute, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        _fail(attribute, f"must be a positive whole number, got {value!r}")


# ------------------------------------------------------------------------- vocabularies


class _Choice(enum.Enum):
    """Enums whose values are the strings written in data files."""

    def __str__(self) -> str:
        return str(self.value)


class AgreementKind(_Choice):
    """What kind of instrument an agreement is.

    >>> AgreementKind("mou").label
    'MoU'
    """

    MOU = "mou"
    TREATY = "treaty"
    AGREEMENT = "agreement"
    PROTOCOL = "protocol"
    LETTER_OF_INTENT = "letter-of-intent"
    OTHER = "other"

    @property
    def label(self) -> str:
        """A short human label.

        >>> AgreementKind.LETTER_OF_INTENT.label
        'Letter of intent'
        """
        return {"mou": "MoU"}.get(self.value, self.value.replace("-", " ").capitalize())


class AgreementStatus(_Choice):
    """Where an agreement stands.

    >>> AgreementStatus("signed")
    <AgreementStatus.SIGNED: 'signed'>
    """

    PROPOSED = "proposed"
    SIGNED = "signed"
    IN_FORCE = "in-force"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class MeetingKind(_Choice):
    """What kind of meeting a meeting is.

    >>> MeetingKind("call-on").value
    'call-on'
    """

    JWG_SESSION = "jwg-session"
    BILATERAL_MEETING = "bilateral-meeting"
    CALL_ON = "call-on"
    TALKS = "talks"
    DIALOGUE = "dialogue"
    SUMMIT = "summit"
    OTHER = "other"


class MeetingTiming(_Choice):
    """When an agreement was signed relative to the meeting it is linked to.

    >>> MeetingTiming("during")
    <MeetingTiming.DURING: 'during'>
    """

    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


class OrganisationKind(_Choice):
    """What kind of body an organisation is.

    >>> OrganisationKind("news-agency")
    <OrganisationKind.NEWS_AGENCY: 'news-agency'>
    """

    MINISTRY = "ministry"
    GOVERNMENT = "government"
    ARMED_FORCES = "armed-forces"
    COMPANY = "company"
    AGENCY = "agency"
    NEWS_OUTLET = "news-outlet"
    NEWS_AGENCY = "news-agency"
    ARMED_GROUP = "armed-group"
    OTHER = "other"


class EventKind(_Choice):
    """What kind of context event an event is.

    >>> EventKind("military-operation")
    <EventKind.MILITARY_OPERATION: 'military-operation'>
    """

    ATTACK = "attack"
    MILITARY_OPERATION = "military-operation"
    STATEMENT = "statement"
    INTERVIEW = "interview"
    OTHER = "other"


class EngagementKind(_Choice):
    """What a stop on a delegation's itinerary was.

    >>> EngagementKind("site-visit")
    <EngagementKind.SITE_VISIT: 'site-visit'>
    """

    MEETING = "meeting"
    SITE_VISIT = "site-visit"
    TRAVEL = "travel"
    OTHER = "other"


class StatementKind(_Choice):
    """How words were put out: remarks at a meeting, a written statement, an interview, a post.

    >>> StatementKind("post").value
    'post'
    """

    REMARKS = "remarks"
    WRITTEN_STATEMENT = "written-statement"
    INTERVIEW = "interview"
    POST = "post"
    OTHER = "other"


class Speech(_Choice):
    """Whether a statement's words are the speaker's own (quoted) or the source's account.

    >>> Speech("reported").value
    'reported'
    """

    DIRECT = "direct"
    REPORTED = "reported"


#: How each link reads from its target's side (see :meth:`LinkRelation.inverse`).
_INVERSE = {
    "at": "occasion of",
    "during": "included",
    "reports": "reported by",
    "about": "subject of",
    "condemns": "condemned at",
    "presents": "presented at",
    "coincides-with": "coincides with",
    "used-in": "used",
}


class LinkRelation(_Choice):
    """How one record relates to another: made *at* a meeting, *reports* it, is *about* it.

    >>> LinkRelation("reports").inverse
    'reported by'
    """

    AT = "at"
    DURING = "during"
    REPORTS = "reports"
    ABOUT = "about"
    CONDEMNS = "condemns"
    PRESENTS = "presents"
    COINCIDES_WITH = "coincides-with"
    USED_IN = "used-in"

    @property
    def inverse(self) -> str:
        """The relation read from the other end, in words.

        >>> LinkRelation.AT.inverse, LinkRelation.CONDEMNS.inverse
        ('occasion of', 'condemned at')
        """
        return _INVERSE[self.value]


class InvolvementRole(_Choice):
    """What a country or organisation was in an event: its actor, its target, its location.

    >>> InvolvementRole("target")
    <InvolvementRole.TARGET: 'target'>
    """

    ACTOR = "actor"
    TARGET = "target"
    LOCATION = "location"


class Qualifier(_Choice):
    """How exact a number is, as its source words it ("over 1,200", "nearly 100").

    >>> Qualifier("more-than").words
    ('more than', 'over')
    """

    EXACT = "exact"
    MORE_THAN = "more-than"
    AT_LEAST = "at-least"
    ABOUT = "about"
    NEARLY = "nearly"
    UP_TO = "up-to"
    LESS_THAN = "less-than"

    @property
    def words(self) -> tuple[str, ...]:
        """The words that say this qualifier in a quantity's text (none for ``exact``).

        >>> Qualifier.NEARLY.words
        ('nearly', 'almost')
        """
        return _QUALIFIER_WORDS[self.value]


_QUALIFIER_WORDS: dict[str, tuple[str, ...]] = {
    "exact": (),
    "more-than": ("more than", "over"),
    "at-least": ("at least",),
    "about": ("about", "around", "some", "approximately", "roughly"),
    "nearly": ("nearly", "almost"),
    "up-to": ("up to", "no more than", "not more than", "at most"),
    "less-than": ("less than", "fewer than", "under"),
}


class ActionKind(_Choice):
    """A step in an agreement's life after its signing (UN Treaty Collection's actions).

    The signing itself is ``Agreement.signed``; :attr:`Agreement.lifecycle` lists both.

    >>> ActionKind("entry-into-force").label
    'Entry into force'
    """

    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCESSION = "accession"
    ENTRY_INTO_FORCE = "entry-into-force"
    AMENDMENT = "amendment"
    EXTENSION = "extension"
    EXPIRY = "expiry"
    TERMINATION = "termination"

    @property
    def label(self) -> str:
        """A short human label.

        >>> ActionKind.RATIFICATION.label
        'Ratification'
        """
        return self.value.replace("-", " ").capitalize()


class SourceKind(_Choice):
    """What kind of document a source is.

    >>> SourceKind("wire-report")
    <SourceKind.WIRE_REPORT: 'wire-report'>
    """

    NEWS_REPORT = "news-report"
    WIRE_REPORT = "wire-report"
    EXPLAINER = "explainer"
    OFFICIAL_STATEMENT = "official-statement"
    OTHER = "other"


class DatelineKind(_Choice):
    """What a source's date line is: a printed dateline (place, date, agency) or a stamp.

    >>> DatelineKind("stamp").value
    'stamp'
    """

    PRINTED = "printed"
    STAMP = "stamp"
    NONE = "none"


# ------------------------------------------------------------------- citations & claims


@attrs.frozen(kw_only=True)
class Citation:
    """A verbatim quote from a source, and the fields of its record that it supports.

    ``source`` is a :class:`Source` id.  ``quote`` must appear in the source's text
    (whitespace-normalised); the catalogue tests check every one.  ``supports`` names the
    record's fields the quote backs; an empty tuple means it backs the record as a whole.

    >>> c = Citation(source="ani-2025-07-24", quote="On July 23, 2025", supports=("date",))
    >>> c.quote
    'On July 23, 2025'
    """

    source: str = attrs.field(validator=_id)
    quote: str = attrs.field(validator=_text)
    supports: tuple[str, ...] = attrs.field(default=(), validator=_texts)


@attrs.frozen(kw_only=True)
class Inference:
    """A fact that no source states literally, with a one-line reason.

    >>> Inference(field="number", reason="the JWG before the 17th").field
    'number'
    """

    field: str = attrs.field(validator=_text)
    reason: str = attrs.field(validator=_text)


@attrs.frozen(kw_only=True)
class Claim:
    """What one source says about a field that sources disagree on.

    ``value`` is written as in the data file (for example ``"during"``); ``inferred``
    holds a reason when the value is read from the quote rather than stated by it.

    >>> claim = Claim(field="meeting_timing", value="after",
    ...               citation=Citation(source="exam-2025-11", quote="signed in Tel Aviv after"))
    >>> claim.value, claim.citation.source
    ('after', 'exam-2025-11')
    """

    field: str = attrs.field(validator=_text)
    value: str = attrs.field(validator=_text)
    citation: Citation = attrs.field(validator=_instance(Citation))
    inferred: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Discrepancy:
    """A field of one record on which sources disagree, with every competing claim.

    Built by :meth:`Tracker.discrepancies`; never stored in data files.

    >>> import agreement_tracker as at
    >>> d = at.load().discrepancies()[0]
    >>> d.record_id, d.field, d.values
    ('mou-2025-11-defence-cooperation', 'meeting_timing', ('during', 'after'))
    """

    record_kind: str
    record_id: str
    field: str
    claims: tuple[Claim, ...]

    @property
    def values(self) -> tuple[str, ...]:
        """The distinct claimed values, in the order first claimed.

        >>> import agreement_tracker as at
        >>> at.load().discrepancies()[0].values
        ('during', 'after')
        """
        return tuple(dict.fromkeys(claim.value for claim in self.claims))


def _check_supports(record: Any) -> None:
    """Citations may only name the record's fact fields in ``supports``."""
    known: tuple[str, ...] = type(record).FACT_FIELDS
    for index, citation in enumerate(record.citations):
        for name in citation.supports:
            if name not in known:
                raise FieldValueError(
                    f"citations[{index}].supports",
                    f"{name!r} is not a fact field of {type(record).__name__}; "
                    f"choose from {', '.join(known)}",
                )


def _check_fact_references(record: Any) -> None:
    """Citations, inferences and claims may only name the record's fact fields."""
    _check_supports(record)
    if not record.inferred and not record.claims:
        return
    known: tuple[str, ...] = type(record).FACT_FIELDS
    for label, items in (("inferred", record.inferred), ("claims", record.claims)):
        for index, item in enumerate(items):
            if item.field not in known:
                raise FieldValueError(
                    f"{label}[{index}].field",
                    f"{item.field!r} is not a fact field of {type(record).__name__}; "
                    f"choose from {', '.join(known)}",
                )
    _check_disputed(record)


def _check_disputed(record: Any) -> None:
    """A field the sources disagree on is either unset or says why its value was chosen."""
    values: dict[str, set[str]] = {}
    for claim in record.claims:
        values.setdefault(claim.field, set()).add(claim.value)
    explained = {item.field for item in record.inferred}
    for field, claimed in sorted(values.items()):
        value = getattr(record, field)
        if len(claimed) > 1 and value not in (None, ()) and field not in explained:
            raise FieldValueError(
                field,
                f"sources disagree ({', '.join(sorted(claimed))}) but the field holds "
                f"{value!s}; leave it unset or add an inferred entry saying why",
            )


def _citations() -> Any:
    return attrs.field(validator=_members(Citation, 1, "citation"))


def _inferred() -> Any:
    return attrs.field(default=(), validator=_members(Inference))


def _claims() -> Any:
    return attrs.field(default=(), validator=_members(Claim))


# ------------------------------------------------------------------------------ records


class _Brief:
    """A short repr for top-level records: kind, id, label and date.

    The full field-by-field form is ``attrs.asdict(record)``; tables show collections.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        label = next(
            (v for v in (getattr(self, n, None) for n in ("title", "name", "label")) if v),
            "",
        )
        date = next(
            (
                v
                for v in (getattr(self, n, None) for n in ("date", "signed", "dates", "published"))
                if v is not None
            ),
            None,
        )
        when = f" ({date.isoformat()})" if date is not None else ""
        return f"<{type(self).__name__} {getattr(self, 'id', '?')}: {label}{when}>"


@attrs.frozen(kw_only=True)
class Place:
    """Where something happened: a country, and a city or region where known.

    >>> Place(city="New Delhi", country="IN").label
    'New Delhi, India'
    >>> Place(country="IN").label
    'India'
    """

    city: str | None = attrs.field(default=None, validator=_optional_text)
    region: str | None = attrs.field(default=None, validator=_optional_text)
    country: str = attrs.field(validator=_country)

    @property
    def label(self) -> str:
        """City, region and country name joined for display.

        >>> Place(city="Pahalgam", region="Jammu and Kashmir", country="IN").label
        'Pahalgam, Jammu and Kashmir, India'
        """
        parts = [p for p in (self.city, self.region) if p]
        return ", ".join([*parts, _COUNTRY_NAMES[self.country]])

    def __str__(self) -> str:
        return self.label


def _check_nested(value: Any) -> None:
    """A nested value's citations and inferences may only name its fact fields."""
    _check_supports(value)
    known: tuple[str, ...] = type(value).FACT_FIELDS
    for index, item in enumerate(value.inferred):
        if item.field not in known:
            raise FieldValueError(
                f"inferred[{index}].field",
                f"{item.field!r} is not a field of {type(value).__name__}; "
                f"choose from {', '.join(known)}",
            )


def _quoted_in(text: str, citations: tuple[Citation, ...]) -> list[re.Match[str]]:
    """Where the quotes hold ``text`` whole (as quotes are matched), not inside a word.

    "key strat" is not in "key strategic ally", "25" not in "250" and "200" not in
    "1,200": a fragment of a word or a number is not the source's words.
    """
    wanted = re.escape(normalise_quote(text))
    pattern = re.compile(rf"(?<![\w,.]){wanted}(?!\w|[,.]\d)")
    return [m for c in citations if (m := pattern.search(normalise_quote(c.quote)))]


def _quoted(text: str, citations: tuple[Citation, ...]) -> bool:
    """Whether ``text`` appears whole in one of the citations' quotes."""
    return bool(_quoted_in(text, citations))


def _require_quoted(field: str, text: str, citations: tuple[Citation, ...], of: str) -> None:
    if not _quoted(text, citations):
        raise FieldValueError(
            field,
            f"{text!r} is not in the quote of any citation {of}: it must be the words of "
            "the source, as printed",
        )


@attrs.frozen(kw_only=True)
class Link:
    """A typed link from the record that holds it to another record, with its citations.

    ``target`` is the id of any record.  :meth:`Tracker.related` reads links both ways.

    >>> link = Link(relation=LinkRelation.AT, target="singh-baram-2025-07-23",
    ...             citations=(Citation(source="ani-2025-07-24", quote="During the meeting"),))
    >>> link.relation.value, link.relation.inverse
    ('at', 'occasion of')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = ("relation", "target", "note")

    relation: LinkRelation = attrs.field(validator=_enum(LinkRelation))
    target: str = attrs.field(validator=_id)
    note: str | None = attrs.field(default=None, validator=_optional_text)
    citations: tuple[Citation, ...] = attrs.field(validator=_members(Citation, 1, "citation"))
    inferred: tuple[Inference, ...] = attrs.field(default=(), validator=_members(Inference))

    def __attrs_post_init__(self) -> None:
        _check_nested(self)


@attrs.frozen(kw_only=True)
class Involvement:
    """A country or organisation in an event, and its role: actor, target or location.

    >>> who = Involvement(role=InvolvementRole.TARGET, country="IR",
    ...                   citations=(Citation(source="s", quote="against Iran"),))
    >>> who.role.value, who.country
    ('target', 'IR')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = ("role", "country", "organisation")

    role: InvolvementRole = attrs.field(validator=_enum(InvolvementRole))
    country: str | None = attrs.field(default=None, validator=_optional_country)
    organisation: str | None = attrs.field(default=None, validator=_optional_id)
    citations: tuple[Citation, ...] = attrs.field(validator=_members(Citation, 1, "citation"))
    inferred: tuple[Inference, ...] = attrs.field(default=(), validator=_members(Inference))

    def __attrs_post_init__(self) -> None:
        _check_nested(self)
        if self.country is None and self.organisation is None:
            raise FieldValueError(
                "country", "an involvement names a country, an organisation or both"
            )


_NUMBER_WORDS = {word: value for value, word in enumerate(NUMBER_WORDS)}
_NUMBER_RE = re.compile(r"[0-9][0-9,]*[A-Za-z]*|[A-Za-z]+(?:-[A-Za-z]+)*")
_DIGITS_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")


def _number_in(text: str) -> int | None:
    """The one number a quantity's text states, in digits or as a word up to twelve.

    None when it states none, several, a malformed one ("1,20"), an ordinal ("12th") or
    a compound word this reader does not know ("twenty-six").
    """
    found = []
    for token in _NUMBER_RE.findall(text):
        if token[0].isdigit():
            if not _DIGITS_RE.fullmatch(token):
                return None
            found.append(int(token.replace(",", "")))
        elif token.casefold() in _NUMBER_WORDS:
            found.append(_NUMBER_WORDS[token.casefold()])
        elif _looks_like_a_number(token.casefold().split("-")):
            return None
    return found[0] if len(found) == 1 else None


def _looks_like_a_number(parts: list[str]) -> bool:
    """A word this reader cannot count: "twenty", "hundred", "twenty-six", "one-third"."""
    return (parts[0] in _NUMBER_WORDS and len(parts) > 1) or any(p in _TENS for p in parts)


_TENS = frozenset(
    [
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
    ]
)


def _qualifiers_in(text: str) -> set[str]:
    """The qualifiers whose words ``text`` holds; a longer phrase wins ("no more than")."""
    words = f" {normalise_text(text).casefold()} "
    found = set()
    phrases = sorted(
        ((w, name) for name, said in _QUALIFIER_WORDS.items() for w in said),
        key=lambda p: -len(p[0]),
    )
    for phrase, name in phrases:
        if f" {phrase} " in words:
            found.add(name)
            words = words.replace(f" {phrase} ", " ")
    return found


def _require_unqualified(text: str, citations: tuple[Citation, ...]) -> None:
    """Refuse an exact number whose quote qualifies it ("over" before "1,200")."""
    for found in _quoted_in(text, citations):
        before = _qualifiers_in(" ".join(found.string[: found.start()].split()[-3:]) + " ")
        if before:
            raise FieldValueError(
                "text",
                f"the quote says {or_list(sorted(before))} before {text!r}: write the words "
                "as the source gives them, qualifier included",
            )


@attrs.frozen(kw_only=True)
class Quantity:
    """A number a source states, with its unit and how exact the source says it is.

    ``text`` is the source's own words ("over 1,200"); it must be in one of the
    quantity's citations, state exactly one number, equal to ``value``, and carry the
    words of ``qualifier`` (none for ``exact``).  ``part_of`` names the ``measure`` of
    another quantity of the record that this one is part of ("26 people, including one
    foreign national").

    >>> q = Quantity(measure="killed", text="over 1,200", value=1200, unit="people",
    ...              qualifier=Qualifier.MORE_THAN,
    ...              citations=(Citation(source="s", quote="where over 1,200 people were killed"),))
    >>> q.label
    'more than 1200 people'
    >>> Quantity(measure="killed", text="over 1,200", value=1200, unit="people",
    ...          citations=q.citations)
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.FieldValueError: qualifier: 'over 1,200' says 'more-than', not 'exact'
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "measure",
        "text",
        "value",
        "unit",
        "qualifier",
        "part_of",
    )

    measure: str = attrs.field(validator=_text)
    text: str = attrs.field(validator=_text)
    value: int = attrs.field(validator=_count)
    unit: str = attrs.field(validator=_text)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=_enum(Qualifier))
    part_of: str | None = attrs.field(default=None, validator=_optional_text)
    citations: tuple[Citation, ...] = attrs.field(validator=_members(Citation, 1, "citation"))
    inferred: tuple[Inference, ...] = attrs.field(default=(), validator=_members(Inference))

    def __attrs_post_init__(self) -> None:
        _check_nested(self)
        _require_quoted("text", self.text, self.citations, "of the quantity")
        number = _number_in(self.text)
        if number is None:
            raise FieldValueError(
                "text",
                f"{self.text!r} must state exactly one number, in digits (1,200) or as a word "
                "up to twelve",
            )
        if number != self.value:
            raise FieldValueError(
                "value", f"{self.value!r} is not the {number} that {self.text!r} states"
            )
        said = _qualifiers_in(self.text)
        if said and self.qualifier.value not in said:
            raise FieldValueError(
                "qualifier",
                f"{self.text!r} says {or_list(sorted(said))}, not {self.qualifier.value!r}",
            )
        if not said and self.qualifier is not Qualifier.EXACT:
            raise FieldValueError(
                "qualifier",
                f"{self.text!r} has none of the words of {self.qualifier.value!r} "
                f"({or_list(self.qualifier.words)})",
            )
        if not said:
            _require_unqualified(self.text, self.citations)

    @property
    def label(self) -> str:
        """The quantity in words: qualifier, value and unit.

        >>> Quantity(measure="killed", text="26", value=26, unit="people",
        ...          citations=(Citation(source="s", quote="26 people"),)).label
        '26 people'
        """
        prefix = "" if self.qualifier is Qualifier.EXACT else self.qualifier.words[0] + " "
        return f"{prefix}{self.value} {self.unit}"


@attrs.frozen(kw_only=True)
class Unnamed:
    """People or bodies a source mentions without naming them ("key Indian officials").

    It holds no count: ``description`` is the source's words, found in one of its
    citations; ``country`` and ``organisation`` say whose they are where the words do.

    >>> Unnamed(description="key Indian officials", country="IN",
    ...         citations=(Citation(source="s", quote="with key Indian officials"),)).description
    'key Indian officials'
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = ("description", "country", "organisation")

    description: str = attrs.field(validator=_text)
    country: str | None = attrs.field(default=None, validator=_optional_country)
    organisation: str | None = attrs.field(default=None, validator=_optional_id)
    citations: tuple[Citation, ...] = attrs.field(validator=_members(Citation, 1, "citation"))
    inferred: tuple[Inference, ...] = attrs.field(default=(), validator=_members(Inference))

    def __attrs_post_init__(self) -> None:
        _check_nested(self)
        _require_quoted("description", self.description, self.citations, "of the placeholder")


#: Identifier schemes: a pattern each value must match in full, and an example value.
SCHEMES: dict[str, tuple[re.Pattern[str], str]] = {
    "wikidata": (re.compile(r"Q[1-9][0-9]*"), "Q801"),
    "unts": (re.compile(r"(?:I{1,2}-)?[1-9][0-9]*"), "I-54669"),
    "atop": (re.compile(r"[1-9][0-9]{3}"), "3435"),
    "dcad": (re.compile(r"[1-9][0-9]*"), "1204"),
}


@attrs.frozen(kw_only=True)
class Identifier:
    """A record's id in another catalogue: Wikidata, the UN Treaty Series, ATOP, DCAD.

    ``value`` must match the scheme's pattern (:data:`SCHEMES`).  An identifier that
    no source states is the curator's: it then has no citations and ``curator_note``
    says where it comes from.

    >>> Identifier(scheme="wikidata", value="Q801", curator_note="looked up on Wikidata").value
    'Q801'
    >>> Identifier(scheme="wikidata", value="801", curator_note="x")
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.FieldValueError: value: '801' is not a wikidata identifier, which looks like 'Q801'
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = ("scheme", "value")

    scheme: str = attrs.field(validator=_text)
    value: str = attrs.field(validator=_text)
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=_members(Citation))
    curator_note: str | None = attrs.field(default=None, validator=_optional_text)
    inferred: tuple[Inference, ...] = attrs.field(default=(), validator=_members(Inference))

    def __attrs_post_init__(self) -> None:
        _check_nested(self)
        if self.scheme not in SCHEMES:
            close = close_matches(self.scheme, list(SCHEMES), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise FieldValueError(
                "scheme",
                f"{self.scheme!r} is not a known scheme ({or_list(sorted(SCHEMES))}){hint}",
            )
        pattern, example = SCHEMES[self.scheme]
        if not pattern.fullmatch(self.value):
            raise FieldValueError(
                "value",
                f"{self.value!r} is not a {self.scheme} identifier, which looks like {example!r}",
            )
        if not self.citations and self.curator_note is None:
            raise FieldValueError(
                "curator_note",
                "an identifier no source states is the curator's: say where it comes from",
            )


@attrs.frozen(kw_only=True)
class Action:
    """A dated step in an agreement's life: ratification, entry into force, expiry ...

    ``party`` is the country that took the step, where it is one party's.  The signing
    is the agreement's ``signed`` field; :attr:`Agreement.lifecycle` shows it as an
    action beside these.

    >>> step = Action(kind=ActionKind.ENTRY_INTO_FORCE, date=PartialDate(2026, 1),
    ...               citations=(Citation(source="s", quote="in force from January 2026"),))
    >>> step.kind.label, step.date.isoformat()
    ('Entry into force', '2026-01')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = ("kind", "date", "party", "place")

    kind: ActionKind = attrs.field(validator=_enum(ActionKind))
    date: When | None = attrs.field(default=None, validator=_optional_when)
    party: str | None = attrs.field(default=None, validator=_optional_country)
    place: Place | None = attrs.field(default=None, validator=_instance(Place, optional=True))
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=_members(Citation))
    inferred: tuple[Inference, ...] = attrs.field(default=(), validator=_members(Inference))

    def __attrs_post_init__(self) -> None:
        _check_nested(self)
        if not self.citations and self.kind is not ActionKind.SIGNATURE:
            raise FieldValueError("citations", "needs at least 1 citation, got 0")


def _check_action(agreement: Any, index: int, action: Action) -> None:
    """An agreement's action is no signing, by one of its parties, not before the signing."""
    where = f"actions[{index}]"
    if action.kind is ActionKind.SIGNATURE:
        raise FieldValueError(
            f"{where}.kind", "the signing is written in `signed`, not as an action"
        )
    if action.party is not None and action.party not in agreement.parties:
        raise FieldValueError(
            f"{where}.party",
            f"{action.party!r} is not a party to the agreement ({or_list(agreement.parties)})",
        )
    signed = agreement.signed
    if (
        action.date is not None
        and signed is not None
        and action.date.certainly_before(_dt.date.fromordinal(signed.first_ordinal))
    ):
        raise FieldValueError(
            f"{where}.date",
            f"{action.date.isoformat()!r} is before the signing ({signed.isoformat()})",
        )


#: An agreement's fields as its signing action names them (see Agreement.lifecycle).
_AS_ACTION = {"signed": "date", "place": "place"}


def _links() -> Any:
    return attrs.field(default=(), validator=_members(Link))


def _identifiers() -> Any:
    return attrs.field(default=(), validator=_members(Identifier))


@attrs.frozen(kw_only=True, repr=False)
class FocusArea(_Brief):
    """One term of the focus-area vocabulary.

    ``parents`` name broader terms by id ("artificial-intelligence" sits under
    "emerging-technologies"); ``synonyms`` are other spellings that look-ups accept,
    including misspellings found in sources.  ``citations`` show where a source uses the
    term or states the hierarchy; they are optional because the vocabulary is curated.

    >>> area = FocusArea(id="artificial-intelligence", label="Artificial Intelligence",
    ...                  synonyms=("AI",))
    >>> area.names
    ('Artificial Intelligence', 'AI')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = ("label", "synonyms", "parents")

    id: str = attrs.field(validator=_id)
    label: str = attrs.field(converter=_nfc, validator=_text)
    synonyms: tuple[str, ...] = attrs.field(default=(), converter=_nfc_all, validator=_texts)
    parents: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    description: str | None = attrs.field(default=None, validator=_optional_text)
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=_members(Citation))
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)

    @property
    def names(self) -> tuple[str, ...]:
        """The label followed by every synonym.

        >>> FocusArea(id="training", label="Training", synonyms=("joint training",)).names
        ('Training', 'joint training')
        """
        return (self.label, *self.synonyms)

    def __str__(self) -> str:
        return self.label


@attrs.frozen(kw_only=True, repr=False)
class Source(_Brief):
    """A document the dataset's facts come from, with its full text.

    ``publisher`` and ``agency`` are :class:`Organisation` ids; ``published`` the
    publication date as far as it is known.  Unknown stays unknown: ``None``, not a
    guess.  ``text_file`` is the text's path relative to the dataset, ``text`` the text.

    >>> import agreement_tracker as at
    >>> source = at.load().source("ians-2025-11-06")
    >>> source.published.isoformat(), source.agency, source.publisher
    ('2025-11-06', 'ians', None)
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "title",
        "publisher",
        "agency",
        "published",
        "dateline",
        "kind",
        "date_line",
    )

    id: str = attrs.field(validator=_id)
    title: str | None = attrs.field(default=None, validator=_optional_text)
    publisher: str | None = attrs.field(default=None, validator=_optional_id)
    agency: str | None = attrs.field(default=None, validator=_optional_id)
    published: When | None = attrs.field(default=None, validator=_optional_when)
    dateline: Place | None = attrs.field(default=None, validator=_instance(Place, optional=True))
    language: str = attrs.field(default="en", validator=_text)
    url: str | None = attrs.field(default=None, validator=_optional_text)
    kind: SourceKind | None = attrs.field(
        default=None, validator=attrs.validators.optional(_enum(SourceKind))
    )
    date_line: DatelineKind | None = attrs.field(
        default=None, validator=attrs.validators.optional(_enum(DatelineKind))
    )
    text_file: str = attrs.field(validator=[_text, _text_file])
    text: str = attrs.field(repr=False, validator=_text)
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=_members(Citation))
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()
    notes: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)
        if isinstance(self.published, DateRange):
            raise FieldValueError(
                "published",
                f"{self.published.isoformat()!r} is a range; a source is published on one day "
                "(write one of several days as [FIRST..LAST], or [FIRST..] when open)",
            )

    @property
    def label(self) -> str:
        """The title, or the id where the source has no title.

        >>> import agreement_tracker as at
        >>> at.load().source("ani-2025-07-24").label
        'ani-2025-07-24'
        """
        return self.title or self.id


@attrs.frozen(kw_only=True, repr=False)
class Organisation(_Brief):
    """A ministry, company, agency, armed force or news outlet.

    >>> import agreement_tracker as at
    >>> org = at.load().organisation("iai")
    >>> org.name, org.country, org.kind.value
    ('Israel Aerospace Industries', 'IL', 'company')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "name",
        "aliases",
        "kind",
        "country",
        "parent",
        "identifiers",
    )

    id: str = attrs.field(validator=_id)
    name: str = attrs.field(converter=_nfc, validator=_text)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_nfc_all, validator=_texts)
    kind: OrganisationKind = attrs.field(validator=_enum(OrganisationKind))
    country: str | None = attrs.field(default=None, validator=_optional_country)
    parent: str | None = attrs.field(default=None, validator=_optional_id)
    identifiers: tuple[Identifier, ...] = _identifiers()
    citations: tuple[Citation, ...] = _citations()
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()
    notes: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)


@attrs.frozen(kw_only=True)
class Role:
    """A position a person held: title, organisation, country and rank.

    ``attested`` lists days on which the sources show the person in the role; ``start``
    and ``end`` are the role's bounds where a source gives them (``None``: not stated).

    >>> import agreement_tracker as at
    >>> role = at.load().person("Amir Baram").roles[0]
    >>> role.title, role.organisation, role.rank
    ('Director General', 'il-mod', 'Major General (Res.)')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "title",
        "organisation",
        "country",
        "rank",
        "start",
        "end",
        "attested",
    )

    title: str | None = attrs.field(default=None, validator=_optional_text)
    organisation: str | None = attrs.field(default=None, validator=_optional_id)
    country: str | None = attrs.field(default=None, validator=_optional_country)
    rank: str | None = attrs.field(default=None, validator=_optional_text)
    start: When | None = attrs.field(default=None, validator=_optional_when)
    end: When | None = attrs.field(default=None, validator=_optional_when)
    attested: tuple[PartialDate, ...] = attrs.field(default=(), validator=_partial_dates)
    citations: tuple[Citation, ...] = _citations()

    def __attrs_post_init__(self) -> None:
        _check_supports(self)
        if self.title is None and self.organisation is None:
            raise FieldValueError("title", "a role needs a title, an organisation or both")
        if self.start and self.end and self.start.earliest > self.end.latest:
            raise FieldValueError(
                "end", f"{self.end.isoformat()!r} is before start {self.start.isoformat()!r}"
            )

    def held_on(self, day: Any, *, mode: str = "certain") -> bool:
        """Whether a source shows the person in this role on ``day``.

        With ``mode="certain"`` only an attestation of that very day counts; with
        ``mode="possible"``, also an imprecise one that may be that day (an attestation
        of "2025-11" may be any day of November 2025).  Nothing is assumed about the
        days between attestations.

        >>> import agreement_tracker as at
        >>> role = at.load().person("Amir Baram").roles[0]
        >>> role.held_on("2025-07-23"), role.held_on("2025-11-30")
        (True, False)
        >>> role.held_on("2025-11-30", mode="possible")
        True
        """
        if mode not in ("certain", "possible"):
            raise ArgumentError(f"mode must be 'certain' or 'possible', got {mode!r}")
        if mode == "possible":
            return any(date.contains(day) for date in self.attested)
        return any(date.earliest == date.latest and date.contains(day) for date in self.attested)


@attrs.frozen(kw_only=True, repr=False)
class Person(_Brief):
    """A person, with the names the sources use and the roles they held.

    >>> import agreement_tracker as at
    >>> baram = at.load().person("amir baram")
    >>> baram.id, baram.name, baram.aliases
    ('amir-baram', 'Amir Baram', ('Baram', 'Major General Baram'))
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = ("name", "aliases", "roles", "identifiers")

    id: str = attrs.field(validator=_id)
    name: str = attrs.field(converter=_nfc, validator=_text)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_nfc_all, validator=_texts)
    roles: tuple[Role, ...] = attrs.field(default=(), validator=_members(Role))
    identifiers: tuple[Identifier, ...] = _identifiers()
    citations: tuple[Citation, ...] = _citations()
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()
    notes: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias.

        >>> import agreement_tracker as at
        >>> at.load().person("S. Jaishankar").names
        ('S. Jaishankar', 'Dr S. Jaishankar')
        """
        return (self.name, *self.aliases)

    @property
    def role_label(self) -> str:
        """The first role's rank and title, for display (empty when none is known).

        >>> import agreement_tracker as at
        >>> at.load().person("Ajit Doval").role_label
        'National Security Advisor'
        """
        if not self.roles:
            return ""
        role = self.roles[0]
        return " ".join(part for part in (role.rank, role.title) if part)


@attrs.frozen(kw_only=True, repr=False)
class Series(_Brief):
    """A numbered series of meetings, such as the India–Israel JWG on Defence Cooperation.

    >>> import agreement_tracker as at
    >>> jwg = at.load().series("JWG")
    >>> jwg.id, jwg.parties
    ('jwg', ('IN', 'IL'))
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "name",
        "short_name",
        "aliases",
        "parties",
        "description",
        "identifiers",
    )

    id: str = attrs.field(validator=_id)
    name: str = attrs.field(converter=_nfc, validator=_text)
    short_name: str | None = attrs.field(
        default=None, converter=_optional_nfc, validator=_optional_text
    )
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_nfc_all, validator=_texts)
    parties: tuple[str, ...] = attrs.field(default=(), validator=_countries)
    description: str | None = attrs.field(default=None, validator=_optional_text)
    identifiers: tuple[Identifier, ...] = _identifiers()
    citations: tuple[Citation, ...] = _citations()
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()
    notes: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)

    @property
    def names(self) -> tuple[str, ...]:
        """Id, name, short name and aliases: everything a look-up accepts.

        >>> import agreement_tracker as at
        >>> "Joint Working Group" in at.load().series("jwg").names
        True
        """
        return tuple(n for n in (self.id, self.name, self.short_name, *self.aliases) if n)


@attrs.frozen(kw_only=True, repr=False)
class Meeting(_Brief):
    """A meeting: a numbered JWG session, a bilateral meeting, a call-on, talks.

    ``series`` and ``number`` place it in a numbered series; ``participants`` and
    ``co_chairs`` are :class:`Person` ids; ``focus_areas`` are the topics discussed.

    >>> import agreement_tracker as at
    >>> jwg = at.load().meeting("jwg-17")
    >>> jwg.series, jwg.number, jwg.date.isoformat(), jwg.place.city
    ('jwg', 17, '[2025-11..2025-11-04]/[2025-11..2025-11-06]', 'Tel Aviv')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "kind",
        "series",
        "number",
        "date",
        "place",
        "participants",
        "co_chairs",
        "outcomes",
        "focus_areas",
        "links",
    )

    id: str = attrs.field(validator=_id)
    kind: MeetingKind = attrs.field(validator=_enum(MeetingKind))
    title: str = attrs.field(validator=_text)
    series: str | None = attrs.field(default=None, validator=_optional_id)
    number: int | None = attrs.field(default=None, validator=_optional_number)
    date: When | None = attrs.field(default=None, validator=_optional_when)
    place: Place | None = attrs.field(default=None, validator=_instance(Place, optional=True))
    participants: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    co_chairs: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    outcomes: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    focus_areas: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    links: tuple[Link, ...] = _links()
    citations: tuple[Citation, ...] = _citations()
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()
    notes: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)
        if self.number is not None and self.series is None:
            raise FieldValueError("number", f"{self.number!r} is given but series is not")
        missing = [p for p in self.co_chairs if p not in self.participants]
        if missing:
            raise FieldValueError(
                "co_chairs", f"{missing[0]!r} is a co-chair but not listed in participants"
            )


@attrs.frozen(kw_only=True, repr=False)
class Agreement(_Brief):
    """An agreement: an MoU, a treaty, a protocol.

    ``meeting`` links the meeting it was signed at or in connection with, and
    ``meeting_timing`` says whether during, before or after it (``None`` when the sources
    disagree: see ``claims`` and :meth:`Tracker.discrepancies`).

    >>> import agreement_tracker as at
    >>> mou = at.load().agreement("mou-2025-11-defence-cooperation")
    >>> mou.kind.value, mou.parties, mou.signed.isoformat(), mou.place.city
    ('mou', ('IN', 'IL'), '2025-11-04', 'Tel Aviv')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "kind",
        "parties",
        "signed",
        "place",
        "signatories",
        "focus_areas",
        "meeting",
        "meeting_timing",
        "status",
        "summary",
        "actions",
        "identifiers",
        "links",
    )

    id: str = attrs.field(validator=_id)
    kind: AgreementKind = attrs.field(validator=_enum(AgreementKind))
    title: str = attrs.field(validator=_text)
    parties: tuple[str, ...] = attrs.field(validator=_parties)
    signed: When | None = attrs.field(default=None, validator=_optional_when)
    place: Place | None = attrs.field(default=None, validator=_instance(Place, optional=True))
    signatories: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    focus_areas: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    meeting: str | None = attrs.field(default=None, validator=_optional_id)
    meeting_timing: MeetingTiming | None = attrs.field(
        default=None, validator=attrs.validators.optional(_enum(MeetingTiming))
    )
    status: AgreementStatus = attrs.field(
        default=AgreementStatus.SIGNED, validator=_enum(AgreementStatus)
    )
    summary: str | None = attrs.field(default=None, validator=_optional_text)
    actions: tuple[Action, ...] = attrs.field(default=(), validator=_members(Action))
    identifiers: tuple[Identifier, ...] = _identifiers()
    links: tuple[Link, ...] = _links()
    citations: tuple[Citation, ...] = _citations()
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()
    notes: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)
        if self.meeting_timing is not None and self.meeting is None:
            raise FieldValueError("meeting_timing", "is given but meeting is not")
        for index, action in enumerate(self.actions):
            _check_action(self, index, action)

    @property
    def lifecycle(self) -> tuple[Action, ...]:
        """Every step of the agreement's life: the signing (from ``signed``), then ``actions``.

        The signing step carries the record's citations that support ``signed`` and its
        ``inferred`` entries on it; the other steps follow in the order of their earliest
        days (undated ones last).

        >>> import agreement_tracker as at
        >>> [(a.kind.value, a.date.isoformat()) for a in
        ...  at.load().agreement("mou-2025-11-defence-cooperation").lifecycle]
        [('signature', '2025-11-04')]
        """
        steps = sorted(
            self.actions, key=lambda a: (a.date is None, a.date.first_ordinal if a.date else 0)
        )
        if self.signed is not None or self.place is not None:
            steps.insert(
                0,
                Action(
                    kind=ActionKind.SIGNATURE,
                    date=self.signed,
                    place=self.place,
                    citations=tuple(
                        attrs.evolve(c, supports=tuple(_AS_ACTION[f] for f in held))
                        for c in self.citations
                        if (held := [f for f in c.supports if f in _AS_ACTION])
                    ),
                    inferred=tuple(
                        attrs.evolve(i, field=_AS_ACTION[i.field])
                        for i in self.inferred
                        if i.field in _AS_ACTION
                    ),
                ),
            )
        return tuple(steps)


@attrs.frozen(kw_only=True)
class Engagement:
    """One stop on a delegation's itinerary: a meeting, a site visit, travel.

    ``meeting`` links a :class:`Meeting` id; ``organisations`` are the bodies visited
    and ``people`` the officials met.

    >>> import agreement_tracker as at
    >>> stop = at.load().delegation("singh-israel-2025-11").engagements[1]
    >>> stop.kind.value, stop.organisations
    ('site-visit', ('elbit-systems', 'rafael', 'iai'))
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "kind",
        "description",
        "date",
        "place",
        "meeting",
        "organisations",
        "people",
        "unnamed",
    )

    kind: EngagementKind = attrs.field(validator=_enum(EngagementKind))
    description: str = attrs.field(validator=_text)
    date: When | None = attrs.field(default=None, validator=_optional_when)
    place: Place | None = attrs.field(default=None, validator=_instance(Place, optional=True))
    meeting: str | None = attrs.field(default=None, validator=_optional_id)
    organisations: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    people: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    unnamed: tuple[Unnamed, ...] = attrs.field(default=(), validator=_members(Unnamed))
    citations: tuple[Citation, ...] = _citations()
    inferred: tuple[Inference, ...] = _inferred()

    def __attrs_post_init__(self) -> None:
        _check_nested(self)
        if self.kind is EngagementKind.MEETING and self.meeting is None:
            raise FieldValueError("meeting", "a 'meeting' engagement must name its meeting")


@attrs.frozen(kw_only=True, repr=False)
class Delegation(_Brief):
    """A visit: who led it, from which country to which, when, and what it did.

    >>> import agreement_tracker as at
    >>> visit = at.load().delegation("baram-india-2025-07")
    >>> visit.leader, visit.origin, visit.host, visit.dates.isoformat()
    ('amir-baram', 'IL', 'IN', '2025-07-22/2025-07-23')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "leader",
        "members",
        "origin",
        "host",
        "dates",
        "purpose",
        "engagements",
        "ordinal",
        "visit_kind",
        "links",
    )

    id: str = attrs.field(validator=_id)
    title: str = attrs.field(validator=_text)
    leader: str = attrs.field(validator=_id)
    members: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    origin: str = attrs.field(validator=_country)
    host: str = attrs.field(validator=_country)
    dates: When | None = attrs.field(default=None, validator=_optional_when)
    purpose: str | None = attrs.field(default=None, validator=_optional_text)
    engagements: tuple[Engagement, ...] = attrs.field(default=(), validator=_members(Engagement))
    ordinal: int | None = attrs.field(default=None, validator=_optional_number)
    visit_kind: str | None = attrs.field(default=None, validator=_optional_text)
    links: tuple[Link, ...] = _links()
    citations: tuple[Citation, ...] = _citations()
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()
    notes: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)
        if self.leader in self.members:
            raise FieldValueError("members", f"{self.leader!r} is the leader; list members only")


@attrs.frozen(kw_only=True, repr=False)
class Event(_Brief):
    """Context the sources mention: an attack, a military operation, a statement.

    ``people`` and ``organisations`` are the actors involved; ``details`` are further
    facts (casualty figures, for example) as short sentences.

    >>> import agreement_tracker as at
    >>> attack = at.load().event("pahalgam-attack-2025")
    >>> attack.date.isoformat(), attack.details[0]
    ('2025-04-22', 'Occurred in Pahalgam, Jammu and Kashmir')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "kind",
        "date",
        "place",
        "description",
        "people",
        "organisations",
        "countries",
        "details",
        "involved",
        "quantities",
        "links",
    )

    id: str = attrs.field(validator=_id)
    kind: EventKind = attrs.field(validator=_enum(EventKind))
    title: str = attrs.field(validator=_text)
    date: When | None = attrs.field(default=None, validator=_optional_when)
    place: Place | None = attrs.field(default=None, validator=_instance(Place, optional=True))
    description: str | None = attrs.field(default=None, validator=_optional_text)
    people: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    organisations: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    countries: tuple[str, ...] = attrs.field(default=(), validator=_countries)
    details: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    involved: tuple[Involvement, ...] = attrs.field(default=(), validator=_members(Involvement))
    quantities: tuple[Quantity, ...] = attrs.field(default=(), validator=_members(Quantity))
    links: tuple[Link, ...] = _links()
    citations: tuple[Citation, ...] = _citations()
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()
    notes: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)
        _check_parts(self.quantities)


def _check_parts(quantities: tuple[Quantity, ...]) -> None:
    """Measures are unique; ``part_of`` names another quantity's, and parts form no cycle."""
    measures = [q.measure for q in quantities]
    for index, quantity in enumerate(quantities):
        if measures.count(quantity.measure) > 1:
            raise FieldValueError(
                f"quantities[{index}].measure", f"{quantity.measure!r} is measured twice"
            )
        others = [m for m in measures if m != quantity.measure]
        if quantity.part_of is not None and quantity.part_of not in others:
            raise FieldValueError(
                f"quantities[{index}].part_of",
                f"{quantity.part_of!r} is not the measure of another quantity here"
                + (f"; choose from {or_list(others)}" if others else ""),
            )
    parent = {q.measure: q.part_of for q in quantities}
    for index, quantity in enumerate(quantities):
        seen, up = {quantity.measure}, quantity.part_of
        while up is not None:
            if up in seen:
                raise FieldValueError(
                    f"quantities[{index}].part_of", f"parts form a cycle through {up!r}"
                )
            seen.add(up)
            up = parent.get(up)


@attrs.frozen(kw_only=True, repr=False)
class Statement(_Brief):
    """Words someone said or put out, verbatim, with who said them, when, where and about what.

    ``speaker`` is a :class:`Person` id, ``organisation`` the body it was said for or
    issued by, ``unnamed`` a speaker the source does not name (a spokesperson); all may
    be unknown.  Each item of ``words`` is verbatim, as the source prints it (its own
    bracketed insertions kept), and must be in the quote of a citation that supports
    ``words``; ``speech`` says whether the source quotes them as the speaker's own
    (``direct``) or gives its own account of what was said (``reported``).  ``occasion`` is the record it was said at (a meeting, an event such as an
    interview), ``about`` the records it is about.

    >>> import agreement_tracker as at
    >>> said = at.load().statement("baram-key-ally-2025-07-24")
    >>> said.speaker, said.organisation, said.words[0][:39]
    ('amir-baram', 'il-mod', 'India is a key strategic ally of Israel')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "kind",
        "speaker",
        "organisation",
        "unnamed",
        "words",
        "speech",
        "date",
        "place",
        "countries",
        "occasion",
        "about",
        "links",
    )

    id: str = attrs.field(validator=_id)
    kind: StatementKind = attrs.field(validator=_enum(StatementKind))
    title: str = attrs.field(validator=_text)
    speaker: str | None = attrs.field(default=None, validator=_optional_id)
    organisation: str | None = attrs.field(default=None, validator=_optional_id)
    unnamed: tuple[Unnamed, ...] = attrs.field(default=(), validator=_members(Unnamed))
    words: tuple[str, ...] = attrs.field(validator=_texts)
    speech: Speech = attrs.field(default=Speech.DIRECT, validator=_enum(Speech))
    date: When | None = attrs.field(default=None, validator=_optional_when)
    place: Place | None = attrs.field(default=None, validator=_instance(Place, optional=True))
    countries: tuple[str, ...] = attrs.field(default=(), validator=_countries)
    occasion: str | None = attrs.field(default=None, validator=_optional_id)
    about: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    links: tuple[Link, ...] = _links()
    citations: tuple[Citation, ...] = _citations()
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()
    notes: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)
        if not self.words:
            raise FieldValueError("words", "a statement needs the words said, verbatim")
        backing = tuple(c for c in self.citations if "words" in c.supports)
        for index, words in enumerate(self.words):
            _require_quoted(f"words[{index}]", words, backing, "that supports 'words'")


@attrs.frozen(kw_only=True, repr=False)
class RelationshipFact(_Brief):
    """Something a source says of a relationship as a whole, not of one meeting or deal.

    "Close defence relations for over three decades", "one of India's most important
    defence partners", long-standing areas of cooperation.  ``parties`` are the
    countries, ``focus_areas`` the areas it names, ``quantities`` its numbers.

    >>> import agreement_tracker as at
    >>> fact = at.load().record("in-il-three-decades")
    >>> fact.parties, fact.quantities[0].label
    (('IN', 'IL'), 'more than 3 decades')
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "parties",
        "description",
        "focus_areas",
        "quantities",
        "date",
    )

    id: str = attrs.field(validator=_id)
    title: str = attrs.field(validator=_text)
    parties: tuple[str, ...] = attrs.field(validator=_parties)
    description: str = attrs.field(validator=_text)
    focus_areas: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    quantities: tuple[Quantity, ...] = attrs.field(default=(), validator=_members(Quantity))
    date: When | None = attrs.field(default=None, validator=_optional_when)
    citations: tuple[Citation, ...] = _citations()
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()
    notes: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)
        _check_parts(self.quantities)


@attrs.frozen(kw_only=True, repr=False)
class Materiel(_Brief):
    """A weapon or system a source names: who supplied it, who used it and where.

    ``supplier`` and ``user`` are countries, ``operator`` the organisation that used it,
    ``used_in`` the events it was used in.  Unknown stays unknown: a supplier the
    sources do not state is left unset.

    >>> import agreement_tracker as at
    >>> barak = at.load().record("barak-missile")
    >>> barak.name, barak.user, barak.used_in
    ('Barak missiles', 'IN', ('operation-sindoor-2025',))
    """

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "name",
        "aliases",
        "category",
        "supplier",
        "user",
        "operator",
        "used_in",
    )

    id: str = attrs.field(validator=_id)
    name: str = attrs.field(converter=_nfc, validator=_text)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_nfc_all, validator=_texts)
    category: str | None = attrs.field(default=None, validator=_optional_text)
    supplier: str | None = attrs.field(default=None, validator=_optional_country)
    user: str | None = attrs.field(default=None, validator=_optional_country)
    operator: str | None = attrs.field(default=None, validator=_optional_id)
    used_in: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    citations: tuple[Citation, ...] = _citations()
    inferred: tuple[Inference, ...] = _inferred()
    claims: tuple[Claim, ...] = _claims()
    notes: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        _check_fact_references(self)

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias.

        >>> import agreement_tracker as at
        >>> at.load().record("harpy-drone").names
        ('HARPY drones',)
        """
        return (self.name, *self.aliases)


#: Any top-level record kind.
Record: TypeAlias = (
    Agreement
    | Meeting
    | Delegation
    | Person
    | Organisation
    | Series
    | Source
    | Event
    | FocusArea
    | Statement
    | RelationshipFact
    | Materiel
)
