"""Hypothesis strategies for every agreement_tracker model type, and consistent datasets.

Record strategies take an optional :class:`Context`: the ids and source texts that
references may point at.  Without one they draw a random context, so a record on its own
is valid but its references need not resolve; :func:`datasets` builds one context for all
its records, so that a :class:`~agreement_tracker.Tracker` accepts the result.

Text is deliberately hostile: unicode, quotes, backslashes, ``|``, ``<script>``, newlines,
control characters and fragments of TOML syntax.  It never contains ``@``, so that the
location after the last `` @ `` of a problem line is always the library's own.
"""

from __future__ import annotations

import calendar
import dataclasses
import functools
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs
from hypothesis import strategies as st

from agreement_tracker._text import is_blank, normalise_quote
from agreement_tracker.countries import NAMES
from agreement_tracker.dataset import Tracker
from agreement_tracker.dates import DateBetween, DateRange, PartialDate, When
from agreement_tracker.model import (
    SCHEMES,
    Action,
    ActionKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Citation,
    Claim,
    DatelineKind,
    Delegation,
    Engagement,
    EngagementKind,
    Event,
    EventKind,
    FocusArea,
    Identifier,
    Inference,
    Involvement,
    InvolvementRole,
    Link,
    LinkRelation,
    Materiel,
    Meeting,
    MeetingKind,
    MeetingTiming,
    Organisation,
    OrganisationKind,
    Person,
    Place,
    Qualifier,
    Quantity,
    Record,
    RelationshipFact,
    Role,
    Series,
    Source,
    SourceKind,
    Speech,
    Statement,
    StatementKind,
    Unnamed,
    _quoted,
)
from agreement_tracker.vocabulary import normalise_term

__all__ = [
    "HOSTILE",
    "QUANTITY_PHRASES",
    "Context",
    "actions",
    "agreements",
    "citations",
    "claims",
    "contexts",
    "countries",
    "datasets",
    "date_betweens",
    "date_ranges",
    "delegations",
    "engagements",
    "events",
    "focus_areas",
    "identifiers",
    "ids",
    "inferences",
    "involvements",
    "links",
    "materiel",
    "meetings",
    "metadata",
    "organisations",
    "partial_dates",
    "people",
    "places",
    "quantities",
    "relationship_facts",
    "roles",
    "series",
    "sources",
    "statements",
    "texts",
    "toml_documents",
    "trackers",
    "unnamed",
    "whens",
]

#: Every ISO 3166-1 alpha-2 code the model accepts.
COUNTRIES: Final = tuple(sorted(NAMES))

#: Fragments that break naive escaping: quotes, backslashes, TOML syntax, HTML, controls.
HOSTILE: Final = (
    '"',
    "'",
    "\\",
    "|",
    "<script>alert('x')</script>",
    "\n",
    "\r\n",
    "\r",
    "\t",
    '"""',
    "'''",
    "#",
    "[[meeting]]",
    "[dataset]",
    "key = 1",
    "]]",
    "{ a = 1 }",
    "\x7f",
    "\x00",
    "\x1b[31m",
    "\x0c",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u00a0",
    "\u0085",
    "\\u0041",
    "\\n",
    "${x}",
    "%s",
    "{0}",
    "&amp;",
    "*bold*",
    "`code`",
    "India–Israel",
    "Zoë Ångström",
    "日本語",
    "עברית",
    "हिन्दी",
    "🚀",
    "\U0001f1ee\U0001f1f3",
)

#: Ordinary words, so that most generated text reads like data.
WORDS: Final = (
    "India",
    "Israel",
    "JWG",
    "MoU",
    "defence",
    "Tel Aviv",
    "New Delhi",
    "co-chair",
    "17th",
    " ",
    "cyber security",
    "R&D",
)

_PLAIN: Final = st.text(st.characters(codec="utf-8", exclude_characters="@"), max_size=8)
_ID_CHARS: Final = "abcdefghijklmnopqrstuvwxyz0123456789"


@functools.cache
def texts(*, max_parts: int = 4) -> st.SearchStrategy[str]:
    """Text with a visible character, mixing words, hostile fragments and any unicode."""
    part = st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), _PLAIN)
    anchor = st.one_of(
        st.sampled_from([word for word in (*WORDS, *HOSTILE) if not is_blank(word)]),
        st.characters(
            codec="utf-8",
            exclude_characters="@",
            exclude_categories=("Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Mc", "Me"),
        ).filter(lambda char: not is_blank(char)),
    )
    side = st.lists(part, max_size=max(0, max_parts - 1) // 2).map("".join)
    return st.tuples(side, anchor, side).map("".join)


@functools.cache
def _optional_texts() -> st.SearchStrategy[str | None]:
    return st.none() | texts()


@functools.cache
def _text_tuples(max_size: int = 2) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(texts(max_parts=2), max_size=max_size).map(tuple)


@functools.cache
def ids() -> st.SearchStrategy[str]:
    """Ids matching ``^[a-z0-9]+(-[a-z0-9]+)*$``."""
    segment = st.text(_ID_CHARS, min_size=1, max_size=5)
    return st.lists(segment, min_size=1, max_size=3).map("-".join)


@functools.cache
def _unique_ids(count: int) -> st.SearchStrategy[list[str]]:
    # Unique even with hyphens dropped: focus-area ids are also names, compared that way.
    return st.lists(ids(), min_size=count, max_size=count, unique_by=lambda i: i.replace("-", ""))


@functools.cache
def countries() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 codes."""
    return st.sampled_from(COUNTRIES)


@functools.cache
def _country_tuples(min_size: int = 0, max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(countries(), min_size=min_size, max_size=max_size, unique=True).map(tuple)


# ------------------------------------------------------------------------------ dates


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Year, month or day precision days, mostly near the present."""
    year = draw(st.integers(2020, 2026) | st.integers(1, 9999))
    month = draw(st.none() | st.integers(1, 12))
    if month is None:
        return PartialDate(year)
    day = draw(st.none() | st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year, month, day)


def _ordered(first: PartialDate, second: PartialDate) -> tuple[PartialDate, PartialDate]:
    return (second, first) if first.earliest > second.latest else (first, second)


@st.composite
def date_betweens(draw: st.DrawFn) -> DateBetween:
    """One-of-a-set ranges with two different, ordered bounds, or one bound and one open."""
    lower, upper = _ordered(draw(partial_dates()), draw(partial_dates()))
    if lower == upper:
        upper = PartialDate(lower.year, 12) if lower.month is None else PartialDate(lower.year)
    open_side = draw(st.sampled_from(("none", "none", "lower", "upper")))
    return DateBetween(
        None if open_side == "lower" else lower, None if open_side == "upper" else upper
    )


@st.composite
def date_ranges(draw: st.DrawFn) -> DateRange:
    """Ranges whose start does not come after their end; an end may be uncertain or open."""
    ends = [draw(partial_dates() | date_betweens()), draw(partial_dates() | date_betweens())]
    start, end = sorted(ends, key=lambda e: (e.first_ordinal, e.last_ordinal))
    open_side = draw(st.sampled_from(("none", "none", "start", "end")))
    return DateRange(None if open_side == "start" else start, None if open_side == "end" else end)


@functools.cache
def whens() -> st.SearchStrategy[When]:
    """Any of the three date kinds."""
    return st.one_of(partial_dates(), date_ranges(), date_betweens())


@functools.cache
def _optional_whens() -> st.SearchStrategy[When | None]:
    return st.none() | whens()


# ---------------------------------------------------------------------------- context


#: Numbers as sources word them, with the value and qualifier each states; every source
#: text holds one or two, so that quantities can quote them.
QUANTITY_PHRASES: Final[tuple[tuple[str, int, Qualifier], ...]] = (
    ("26 people", 26, Qualifier.EXACT),
    ("one foreign national", 1, Qualifier.EXACT),
    ("over 1,200 people", 1200, Qualifier.MORE_THAN),
    ("more than 250 Israelis", 250, Qualifier.MORE_THAN),
    ("at least two drones", 2, Qualifier.AT_LEAST),
    ("about 3 decades", 3, Qualifier.ABOUT),
    ("some 40 officials", 40, Qualifier.ABOUT),
    ("nearly 100 hours", 100, Qualifier.NEARLY),
    ("almost twelve months", 12, Qualifier.NEARLY),
    ("up to 1,000,000 rounds", 1_000_000, Qualifier.UP_TO),
)


@dataclasses.dataclass(frozen=True)
class Context:
    """What references may name: source texts by id, and ids of every other kind.

    ``others`` are ids of records that only ``"record"`` references name (agreements,
    delegations, statements ...); :attr:`records` is every id, of any kind.
    """

    texts: Mapping[str, str]
    organisations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    focus_areas: tuple[str, ...] = ()
    series: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    others: tuple[str, ...] = ()

    @property
    def records(self) -> tuple[str, ...]:
        """Every id in the context, sources included."""
        return (
            *self.texts,
            *self.organisations,
            *self.people,
            *self.focus_areas,
            *self.series,
            *self.meetings,
            *self.events,
            *self.others,
        )


@functools.cache
def source_texts() -> st.SearchStrategy[str]:
    """Longer hostile text for a source document, with one or two quantity phrases.

    The phrases stand between spaces, so that no neighbouring accent or letter joins them.
    """
    phrases = st.lists(
        st.sampled_from([text for text, _, _ in QUANTITY_PHRASES]), min_size=1, max_size=2
    )
    return st.tuples(texts(max_parts=10), phrases.map(" ".join), texts(max_parts=4)).map(
        lambda parts: f"{parts[0]} {parts[1]} {parts[2]}"
    )


@st.composite
def contexts(draw: st.DrawFn) -> Context:
    """A random context with at least one id of every kind (ids need not be records)."""
    sizes = [draw(st.integers(1, 2)) for _ in range(8)]
    pool = draw(_unique_ids(sum(sizes)))
    groups: list[tuple[str, ...]] = []
    for size in sizes:
        groups.append(tuple(pool[:size]))
        pool = pool[size:]
    sources_, organisations_, people_, areas, series_, meetings_, events_, others = groups
    return Context(
        texts={source_id: draw(source_texts()) for source_id in sources_},
        organisations=organisations_,
        people=people_,
        focus_areas=areas,
        series=series_,
        meetings=meetings_,
        events=events_,
        others=others,
    )


@functools.cache
def _ref(pool: tuple[str, ...]) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(pool) if pool else st.none()


@functools.cache
def _refs(pool: tuple[str, ...], max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    if not pool:
        return st.just(())
    return st.lists(st.sampled_from(pool), max_size=max_size, unique=True).map(tuple)


@st.composite
def quotes(draw: st.DrawFn, text: str) -> str:
    """A slice of ``text`` with a visible character, found in it as quotes are (in NFC).

    A slice that cuts a letter from its accent is not in the text's NFC form; the whole
    text stands in for such a slice.
    """
    anchors = [index for index, char in enumerate(text) if not is_blank(char)]
    anchor = draw(st.sampled_from(anchors))
    start = draw(st.integers(max(0, anchor - 40), anchor))
    end = draw(st.integers(anchor + 1, min(len(text), anchor + 40)))
    quote = text[start:end]
    return quote if normalise_quote(quote) in normalise_quote(text) else text


@st.composite
def whole_quotes(draw: st.DrawFn, text: str) -> str:
    """A slice of ``text`` made of whole words, as statements' words and placeholders are."""
    quote = draw(quotes(text))
    return quote if _quoted(quote, (Citation(source="s", quote=text),)) else text


# ---------------------------------------------------------------- citations & claims


@functools.cache
def _field_names(fields: tuple[str, ...] | None) -> st.SearchStrategy[str]:
    return texts(max_parts=1) if fields is None else st.sampled_from(fields)


@st.composite
def citations(
    draw: st.DrawFn, context: Context | None = None, fields: tuple[str, ...] | None = None
) -> Citation:
    """A citation; with a context its quote is a slice of the cited source's text."""
    if context is None:
        source, quote = draw(ids()), draw(texts())
    else:
        source = draw(st.sampled_from(sorted(context.texts)))
        quote = draw(quotes(context.texts[source]))
    supports = draw(st.lists(_field_names(fields), max_size=3, unique=True))
    return Citation(source=source, quote=quote, supports=tuple(supports))


@st.composite
def inferences(draw: st.DrawFn, fields: tuple[str, ...] | None = None) -> Inference:
    """An inference about one of ``fields`` (any text when not given)."""
    return Inference(field=draw(_field_names(fields)), reason=draw(texts()))


@st.composite
def claims(
    draw: st.DrawFn, context: Context | None = None, fields: tuple[str, ...] | None = None
) -> Claim:
    """One source's claim about a field, with its citation."""
    return Claim(
        field=draw(_field_names(fields)),
        value=draw(texts(max_parts=2)),
        citation=draw(citations(context)),
        inferred=draw(_optional_texts()),
    )


def _annotations(
    draw: st.DrawFn,
    cls: type[Any],
    context: Context,
    values: Mapping[str, Any],
    *,
    min_citations: int = 1,
    with_claims: bool = True,
) -> dict[str, Any]:
    """Citations, inferences and claims for a record of ``cls`` whose facts are ``values``.

    A field whose claims disagree while it holds a value gets an inference saying why,
    as the model requires.
    """
    fields: tuple[str, ...] = cls.FACT_FIELDS
    assert set(fields) <= set(values), "every fact field must be given explicitly"
    out: dict[str, Any] = {
        "citations": tuple(
            draw(st.lists(citations(context, fields), min_size=min_citations, max_size=2))
        )
    }
    inferred = draw(st.lists(inferences(fields), max_size=1))
    if with_claims:
        drawn = draw(st.lists(claims(context, fields), max_size=2))
        claimed: dict[str, set[str]] = {}
        for claim in drawn:
            claimed.setdefault(claim.field, set()).add(claim.value)
        explained = {item.field for item in inferred}
        for field, seen in sorted(claimed.items()):
            if len(seen) > 1 and values[field] not in (None, ()) and field not in explained:
                inferred.append(Inference(field=field, reason=draw(texts())))
        out["claims"] = tuple(drawn)
    out["inferred"] = tuple(inferred)
    return out


# ---------------------------------------------------------------------------- records


@functools.cache
def places() -> st.SearchStrategy[Place]:
    """A country, with a city and region sometimes."""
    return st.builds(Place, city=_optional_texts(), region=_optional_texts(), country=countries())


@functools.cache
def _optional_places() -> st.SearchStrategy[Place | None]:
    return st.none() | places()


def _context(draw: st.DrawFn, context: Context | None) -> Context:
    return draw(contexts()) if context is None else context


def _nested_annotations(
    draw: st.DrawFn, cls: type[Any], context: Context, *, min_citations: int = 1
) -> dict[str, Any]:
    """Citations and inferences of a nested value of ``cls`` (which has no claims)."""
    fields: tuple[str, ...] = cls.FACT_FIELDS
    return {
        "citations": tuple(
            draw(st.lists(citations(context, fields), min_size=min_citations, max_size=2))
        ),
        "inferred": tuple(draw(st.lists(inferences(fields), max_size=1))),
    }


@st.composite
def links(draw: st.DrawFn, context: Context | None = None) -> Link:
    """A typed link to any id of the context."""
    context = _context(draw, context)
    return Link(
        relation=draw(st.sampled_from(LinkRelation)),
        target=draw(st.sampled_from(context.records)),
        note=draw(_optional_texts()),
        **_nested_annotations(draw, Link, context),
    )


def _links(context: Context) -> st.SearchStrategy[tuple[Link, ...]]:
    return st.lists(links(context), max_size=2).map(tuple)


@st.composite
def involvements(draw: st.DrawFn, context: Context | None = None) -> Involvement:
    """A country or an organisation (or both) in a role in an event."""
    context = _context(draw, context)
    country = draw(st.none() | countries())
    organisation = draw(_ref(context.organisations))
    if country is None and organisation is None:
        country = draw(countries())
    return Involvement(
        role=draw(st.sampled_from(InvolvementRole)),
        country=country,
        organisation=organisation,
        **_nested_annotations(draw, Involvement, context),
    )


@st.composite
def _quote_around(draw: st.DrawFn, text: str, phrase: str) -> str:
    """A slice of ``text`` that holds ``phrase`` and is found in it as quotes are.

    A slice that cuts a letter from its accent is not found; the phrase stands in for it.
    """
    at = text.index(phrase)
    start = at  # no words before it: a word such as "some" would qualify the number
    end = draw(st.integers(at + len(phrase), min(len(text), at + len(phrase) + 30)))
    quote = text[start:end]
    found = normalise_quote(quote) in normalise_quote(text)
    return quote if found and normalise_quote(phrase) in normalise_quote(quote) else phrase


@st.composite
def quantities(
    draw: st.DrawFn, context: Context | None = None, *, wholes: tuple[str, ...] = ()
) -> Quantity:
    """A number from one of :data:`QUANTITY_PHRASES` in a source text, quoted by a citation.

    ``part_of`` is one of ``wholes`` (the measures of the record's other quantities) or None.
    """
    context = _context(draw, context)
    found = [
        (source, phrase)
        for source, text in sorted(context.texts.items())
        for phrase in QUANTITY_PHRASES
        if phrase[0] in text and normalise_quote(phrase[0]) in normalise_quote(text)
    ]
    source, (words, value, qualifier) = draw(st.sampled_from(found))
    quoting = Citation(
        source=source,
        quote=draw(_quote_around(context.texts[source], words)),
        supports=tuple(draw(st.lists(st.sampled_from(Quantity.FACT_FIELDS), unique=True))),
    )
    more = _nested_annotations(draw, Quantity, context, min_citations=0)
    return Quantity(
        measure=draw(texts()),
        text=words,
        value=value,
        unit=draw(texts()),
        qualifier=qualifier,
        part_of=draw(_ref(wholes)),
        # other quotes leave the number out: one could put a qualifier ("some") before it
        citations=(
            quoting,
            *(
                c
                for c in more["citations"]
                if normalise_quote(words) not in normalise_quote(c.quote)
            ),
        ),
        inferred=more["inferred"],
    )


@st.composite
def _quantity_tuples(draw: st.DrawFn, context: Context) -> tuple[Quantity, ...]:
    """Up to two quantities of one record, each its own measure.

    A later one may be part of an earlier one.
    """
    found: list[Quantity] = []
    for _ in range(draw(st.integers(0, 2))):
        wholes = tuple(q.measure for q in found)
        quantity = draw(quantities(context, wholes=wholes))
        if quantity.measure not in wholes:
            found.append(quantity)
    return tuple(found)


@st.composite
def unnamed(draw: st.DrawFn, context: Context | None = None) -> Unnamed:
    """People or bodies left unnamed, described in words from one of its citations."""
    context = _context(draw, context)
    annotations = _nested_annotations(draw, Unnamed, context)
    quoted = draw(st.sampled_from(annotations["citations"]))
    return Unnamed(
        description=draw(whole_quotes(quoted.quote)),
        country=draw(st.none() | countries()),
        organisation=draw(_ref(context.organisations)),
        **annotations,
    )


def _unnamed_tuples(context: Context) -> st.SearchStrategy[tuple[Unnamed, ...]]:
    return st.lists(unnamed(context), max_size=2).map(tuple)


@st.composite
def identifiers(draw: st.DrawFn, context: Context | None = None) -> Identifier:
    """An identifier matching its scheme's pattern; with no citation, a curator's note."""
    context = _context(draw, context)
    scheme = draw(st.sampled_from(sorted(SCHEMES)))
    annotations = _nested_annotations(draw, Identifier, context, min_citations=0)
    return Identifier(
        scheme=scheme,
        value=draw(st.from_regex(SCHEMES[scheme][0], fullmatch=True)),
        curator_note=draw(texts() if not annotations["citations"] else _optional_texts()),
        **annotations,
    )


def _identifier_tuples(context: Context) -> st.SearchStrategy[tuple[Identifier, ...]]:
    return st.lists(identifiers(context), max_size=2).map(tuple)


@st.composite
def actions(
    draw: st.DrawFn,
    context: Context | None = None,
    *,
    parties: tuple[str, ...] | None = None,
    signed: When | None = None,
) -> Action:
    """A step in an agreement's life other than its signing, cited.

    Its party is one of ``parties`` (any country when not given); it is not before ``signed``.
    """
    context = _context(draw, context)
    date = draw(_optional_whens())
    if date is not None and signed is not None and date.last_ordinal < signed.first_ordinal:
        date = None
    return Action(
        kind=draw(st.sampled_from([k for k in ActionKind if k is not ActionKind.SIGNATURE])),
        date=date,
        party=draw(st.none() | (countries() if parties is None else st.sampled_from(parties))),
        place=draw(_optional_places()),
        **_nested_annotations(draw, Action, context),
    )


@st.composite
def sources(
    draw: st.DrawFn,
    context: Context | None = None,
    *,
    source_id: str | None = None,
) -> Source:
    """A source whose text is ``context.texts[source_id]`` when both are given."""
    if context is None or source_id is None:
        base = _context(draw, context)
        source_id = draw(ids().filter(lambda i: i not in base.texts))
        context = dataclasses.replace(base, texts={**base.texts, source_id: draw(source_texts())})
    values: dict[str, Any] = {
        "title": draw(_optional_texts()),
        "publisher": draw(_ref(context.organisations)),
        "agency": draw(_ref(context.organisations)),
        "published": draw(_optional_whens().filter(lambda w: not isinstance(w, DateRange))),
        "dateline": draw(_optional_places()),
        "kind": draw(st.none() | st.sampled_from(SourceKind)),
        "date_line": draw(st.none() | st.sampled_from(DatelineKind)),
    }
    return Source(
        id=source_id,
        language=draw(st.sampled_from(["en", "he", "hi"]) | texts(max_parts=1)),
        url=draw(st.none() | st.just("https://example.org/a?b=c&d=<e>") | texts(max_parts=2)),
        text_file=f"sources/{source_id}.txt",
        text=context.texts[source_id],
        notes=draw(_optional_texts()),
        **values,
        **_annotations(draw, Source, context, values, min_citations=0),
    )


@st.composite
def organisations(
    draw: st.DrawFn,
    context: Context | None = None,
    *,
    organisation_id: str | None = None,
    parents: tuple[str, ...] | None = None,
) -> Organisation:
    """An organisation whose parent is one of ``parents`` (default: any context one)."""
    context = _context(draw, context)
    values: dict[str, Any] = {
        "name": draw(texts()),
        "aliases": draw(_text_tuples()),
        "kind": draw(st.sampled_from(OrganisationKind)),
        "country": draw(st.none() | countries()),
        "parent": draw(_ref(context.organisations if parents is None else parents)),
        "identifiers": draw(_identifier_tuples(context)),
    }
    return Organisation(
        id=organisation_id or draw(ids()),
        notes=draw(_optional_texts()),
        **values,
        **_annotations(draw, Organisation, context, values),
    )


@st.composite
def roles(draw: st.DrawFn, context: Context | None = None) -> Role:
    """A role with a title or an organisation (or both) and ordered bounds."""
    context = _context(draw, context)
    title = draw(_optional_texts())
    organisation = draw(_ref(context.organisations))
    if title is None and organisation is None:
        title = draw(texts())
    start, end = draw(_optional_whens()), draw(_optional_whens())
    if start is not None and end is not None and start.earliest > end.latest:
        start, end = end, start
    return Role(
        title=title,
        organisation=organisation,
        country=draw(st.none() | countries()),
        rank=draw(_optional_texts()),
        start=start,
        end=end,
        attested=tuple(draw(st.lists(partial_dates(), max_size=2))),
        citations=tuple(
            draw(st.lists(citations(context, Role.FACT_FIELDS), min_size=1, max_size=2))
        ),
    )


@st.composite
def people(
    draw: st.DrawFn, context: Context | None = None, *, person_id: str | None = None
) -> Person:
    """A person with aliases and roles."""
    context = _context(draw, context)
    values: dict[str, Any] = {
        "name": draw(texts()),
        "aliases": draw(_text_tuples()),
        "roles": tuple(draw(st.lists(roles(context), max_size=2))),
        "identifiers": draw(_identifier_tuples(context)),
    }
    return Person(
        id=person_id or draw(ids()),
        notes=draw(_optional_texts()),
        **values,
        **_annotations(draw, Person, context, values),
    )


@st.composite
def focus_areas(
    draw: st.DrawFn,
    context: Context | None = None,
    *,
    area_id: str | None = None,
    parents: tuple[str, ...] | None = None,
) -> FocusArea:
    """A vocabulary term whose parents are among ``parents`` (default: any context one)."""
    context = _context(draw, context)
    values: dict[str, Any] = {
        "label": draw(texts()),
        "synonyms": draw(_text_tuples()),
        "parents": draw(_refs(context.focus_areas if parents is None else parents)),
    }
    return FocusArea(
        id=area_id or draw(ids()),
        description=draw(_optional_texts()),
        **values,
        **_annotations(draw, FocusArea, context, values, min_citations=0),
    )


@st.composite
def series(
    draw: st.DrawFn, context: Context | None = None, *, series_id: str | None = None
) -> Series:
    """A meeting series between some countries."""
    context = _context(draw, context)
    values: dict[str, Any] = {
        "name": draw(texts()),
        "short_name": draw(_optional_texts()),
        "aliases": draw(_text_tuples()),
        "parties": draw(_country_tuples()),
        "description": draw(_optional_texts()),
        "identifiers": draw(_identifier_tuples(context)),
    }
    return Series(
        id=series_id or draw(ids()),
        notes=draw(_optional_texts()),
        **values,
        **_annotations(draw, Series, context, values),
    )


@st.composite
def meetings(
    draw: st.DrawFn, context: Context | None = None, *, meeting_id: str | None = None
) -> Meeting:
    """A meeting; co-chairs are among its participants, a number comes with a series."""
    context = _context(draw, context)
    series_id = draw(_ref(context.series))
    participants = draw(_refs(context.people))
    values: dict[str, Any] = {
        "kind": draw(st.sampled_from(MeetingKind)),
        "series": series_id,
        "number": None if series_id is None else draw(st.none() | st.integers(1, 40)),
        "date": draw(_optional_whens()),
        "place": draw(_optional_places()),
        "participants": participants,
        "co_chairs": draw(_refs(participants)),
        "outcomes": draw(_text_tuples()),
        "focus_areas": draw(_refs(context.focus_areas)),
        "links": draw(_links(context)),
    }
    return Meeting(
        id=meeting_id or draw(ids()),
        title=draw(texts()),
        notes=draw(_optional_texts()),
        **values,
        **_annotations(draw, Meeting, context, values),
    )


@st.composite
def agreements(
    draw: st.DrawFn, context: Context | None = None, *, agreement_id: str | None = None
) -> Agreement:
    """An agreement between two or more countries; a timing comes with a meeting."""
    context = _context(draw, context)
    meeting = draw(_ref(context.meetings))
    parties, signed = draw(_country_tuples(min_size=2)), draw(_optional_whens())
    values: dict[str, Any] = {
        "kind": draw(st.sampled_from(AgreementKind)),
        "parties": parties,
        "signed": signed,
        "place": draw(_optional_places()),
        "signatories": draw(_refs(context.people)),
        "focus_areas": draw(_refs(context.focus_areas)),
        "meeting": meeting,
        "meeting_timing": None
        if meeting is None
        else draw(st.none() | st.sampled_from(MeetingTiming)),
        "status": draw(st.sampled_from(AgreementStatus)),
        "summary": draw(_optional_texts()),
        "actions": tuple(
            draw(st.lists(actions(context, parties=parties, signed=signed), max_size=2))
        ),
        "identifiers": draw(_identifier_tuples(context)),
        "links": draw(_links(context)),
    }
    return Agreement(
        id=agreement_id or draw(ids()),
        title=draw(texts()),
        notes=draw(_optional_texts()),
        **values,
        **_annotations(draw, Agreement, context, values),
    )


@st.composite
def engagements(draw: st.DrawFn, context: Context | None = None) -> Engagement:
    """A stop on an itinerary; a 'meeting' stop names its meeting."""
    context = _context(draw, context)
    kinds = [k for k in EngagementKind if context.meetings or k is not EngagementKind.MEETING]
    kind = draw(st.sampled_from(kinds))
    meeting = (
        draw(st.sampled_from(context.meetings))
        if kind is EngagementKind.MEETING
        else draw(_ref(context.meetings))
    )
    values: dict[str, Any] = {
        "kind": kind,
        "description": draw(texts()),
        "date": draw(_optional_whens()),
        "place": draw(_optional_places()),
        "meeting": meeting,
        "organisations": draw(_refs(context.organisations)),
        "people": draw(_refs(context.people)),
        "unnamed": draw(_unnamed_tuples(context)),
    }
    return Engagement(
        **values,
        **_annotations(draw, Engagement, context, values, with_claims=False),
    )


@st.composite
def delegations(
    draw: st.DrawFn, context: Context | None = None, *, delegation_id: str | None = None
) -> Delegation:
    """A visit led by one person, whose members do not include the leader."""
    context = _context(draw, context)
    leader = draw(st.sampled_from(context.people) if context.people else ids())
    values: dict[str, Any] = {
        "leader": leader,
        "members": draw(_refs(tuple(p for p in context.people if p != leader))),
        "origin": draw(countries()),
        "host": draw(countries()),
        "dates": draw(_optional_whens()),
        "purpose": draw(_optional_texts()),
        "engagements": tuple(draw(st.lists(engagements(context), max_size=2))),
        "ordinal": draw(st.none() | st.integers(1, 40)),
        "visit_kind": draw(_optional_texts()),
        "links": draw(_links(context)),
    }
    return Delegation(
        id=delegation_id or draw(ids()),
        title=draw(texts()),
        notes=draw(_optional_texts()),
        **values,
        **_annotations(draw, Delegation, context, values),
    )


@st.composite
def events(
    draw: st.DrawFn, context: Context | None = None, *, event_id: str | None = None
) -> Event:
    """A context event with its actors."""
    context = _context(draw, context)
    values: dict[str, Any] = {
        "kind": draw(st.sampled_from(EventKind)),
        "date": draw(_optional_whens()),
        "place": draw(_optional_places()),
        "description": draw(_optional_texts()),
        "people": draw(_refs(context.people)),
        "organisations": draw(_refs(context.organisations)),
        "countries": draw(_country_tuples()),
        "details": draw(_text_tuples()),
        "involved": tuple(draw(st.lists(involvements(context), max_size=2))),
        "quantities": draw(_quantity_tuples(context)),
        "links": draw(_links(context)),
    }
    return Event(
        id=event_id or draw(ids()),
        title=draw(texts()),
        notes=draw(_optional_texts()),
        **values,
        **_annotations(draw, Event, context, values),
    )


@st.composite
def statements(
    draw: st.DrawFn, context: Context | None = None, *, statement_id: str | None = None
) -> Statement:
    """Words said, each found in the quote of a citation that supports ``words``."""
    context = _context(draw, context)
    said = draw(citations(context, Statement.FACT_FIELDS))
    said = attrs.evolve(said, supports=tuple(dict.fromkeys(("words", *said.supports))))
    values: dict[str, Any] = {
        "kind": draw(st.sampled_from(StatementKind)),
        "speaker": draw(_ref(context.people)),
        "organisation": draw(_ref(context.organisations)),
        "unnamed": draw(_unnamed_tuples(context)),
        "words": tuple(draw(st.lists(whole_quotes(said.quote), min_size=1, max_size=2))),
        "speech": draw(st.sampled_from(Speech)),
        "date": draw(_optional_whens()),
        "place": draw(_optional_places()),
        "countries": draw(_country_tuples()),
        "occasion": draw(_ref(context.records)),
        "about": draw(_refs(context.records)),
        "links": draw(_links(context)),
    }
    annotations = _annotations(draw, Statement, context, values, min_citations=0)
    annotations["citations"] = (said, *annotations["citations"])
    return Statement(
        id=statement_id or draw(ids()),
        title=draw(texts()),
        notes=draw(_optional_texts()),
        **values,
        **annotations,
    )


@st.composite
def relationship_facts(
    draw: st.DrawFn, context: Context | None = None, *, fact_id: str | None = None
) -> RelationshipFact:
    """Something said of a relationship between two or more countries."""
    context = _context(draw, context)
    values: dict[str, Any] = {
        "parties": draw(_country_tuples(min_size=2)),
        "description": draw(texts()),
        "focus_areas": draw(_refs(context.focus_areas)),
        "quantities": draw(_quantity_tuples(context)),
        "date": draw(_optional_whens()),
    }
    return RelationshipFact(
        id=fact_id or draw(ids()),
        title=draw(texts()),
        notes=draw(_optional_texts()),
        **values,
        **_annotations(draw, RelationshipFact, context, values),
    )


@st.composite
def materiel(
    draw: st.DrawFn, context: Context | None = None, *, materiel_id: str | None = None
) -> Materiel:
    """A weapon or system, with who supplied, used and operated it, and where."""
    context = _context(draw, context)
    values: dict[str, Any] = {
        "name": draw(texts()),
        "aliases": draw(_text_tuples()),
        "category": draw(_optional_texts()),
        "supplier": draw(st.none() | countries()),
        "user": draw(st.none() | countries()),
        "operator": draw(_ref(context.organisations)),
        "used_in": draw(_refs(context.events)),
    }
    return Materiel(
        id=materiel_id or draw(ids()),
        notes=draw(_optional_texts()),
        **values,
        **_annotations(draw, Materiel, context, values),
    )


# --------------------------------------------------------------------------- datasets


def _unique_names(area: FocusArea, owner: dict[str, str]) -> FocusArea:
    """``area`` with a label and synonyms whose look-up keys no other term uses."""

    def free(name: str) -> bool:
        key = normalise_term(name)
        return bool(key) and owner.get(key, area.id) == area.id

    label = area.label
    while not free(label):
        label = f"{label} {area.id}"
    owner[normalise_term(label)] = area.id
    synonyms = tuple(name for name in area.synonyms if free(name))
    for name in synonyms:
        owner[normalise_term(name)] = area.id
    return attrs.evolve(area, label=label, synonyms=synonyms)


def _unique_numbers(found: Sequence[Meeting]) -> list[Meeting]:
    """The meetings with numbers made unique within each series."""
    used: set[tuple[str, int]] = set()
    out: list[Meeting] = []
    for meeting in found:
        if meeting.series is not None and meeting.number is not None:
            number = meeting.number
            while (meeting.series, number) in used:
                number += 1
            used.add((meeting.series, number))
            meeting = attrs.evolve(meeting, number=number)
        out.append(meeting)
    return out


@st.composite
def datasets(draw: st.DrawFn) -> tuple[Record, ...]:
    """A few records of every kind that together form a consistent dataset.

    Ids are unique across kinds; every reference resolves (a link, an occasion or an
    ``about`` to an id of any kind); every quote is a slice of its source's text; focus areas form a hierarchy without cycles and with unique names;
    series numbers are unique.
    """
    limits = {
        "source": (1, 2),
        "organisation": (0, 2),
        "person": (0, 2),
        "focus_area": (0, 3),
        "series": (0, 2),
        "meeting": (0, 3),
        "agreement": (0, 2),
        "delegation": (0, 2),
        "event": (0, 2),
        "statement": (0, 2),
        "relationship_fact": (0, 2),
        "materiel": (0, 2),
    }
    counts = {kind: draw(st.integers(low, high)) for kind, (low, high) in limits.items()}
    if counts["person"] == 0:
        counts["delegation"] = 0  # a delegation needs a leader
    pool = draw(_unique_ids(sum(counts.values())))
    by_kind: dict[str, list[str]] = {}
    for kind, count in counts.items():
        by_kind[kind], pool = pool[:count], pool[count:]
    context = Context(
        texts={source_id: draw(source_texts()) for source_id in by_kind["source"]},
        organisations=tuple(by_kind["organisation"]),
        people=tuple(by_kind["person"]),
        focus_areas=tuple(by_kind["focus_area"]),
        series=tuple(by_kind["series"]),
        meetings=tuple(by_kind["meeting"]),
        events=tuple(by_kind["event"]),
        others=tuple(
            record_id
            for kind in ("agreement", "delegation", "statement", "relationship_fact", "materiel")
            for record_id in by_kind[kind]
        ),
    )
    records: list[Record] = []
    records += [draw(sources(context, source_id=i)) for i in by_kind["source"]]
    for index, org_id in enumerate(by_kind["organisation"]):
        parents = tuple(by_kind["organisation"][:index])
        records.append(draw(organisations(context, organisation_id=org_id, parents=parents)))
    records += [draw(people(context, person_id=i)) for i in by_kind["person"]]
    owner = {normalise_term(area_id): area_id for area_id in by_kind["focus_area"]}
    for index, area_id in enumerate(by_kind["focus_area"]):
        parents = tuple(by_kind["focus_area"][:index])  # earlier terms only: no cycles
        area = draw(focus_areas(context, area_id=area_id, parents=parents))
        records.append(_unique_names(area, owner))
    records += [draw(series(context, series_id=i)) for i in by_kind["series"]]
    records += _unique_numbers([draw(meetings(context, meeting_id=i)) for i in by_kind["meeting"]])
    records += [draw(agreements(context, agreement_id=i)) for i in by_kind["agreement"]]
    records += [draw(delegations(context, delegation_id=i)) for i in by_kind["delegation"]]
    records += [draw(events(context, event_id=i)) for i in by_kind["event"]]
    records += [draw(statements(context, statement_id=i)) for i in by_kind["statement"]]
    records += [draw(relationship_facts(context, fact_id=i)) for i in by_kind["relationship_fact"]]
    records += [draw(materiel(context, materiel_id=i)) for i in by_kind["materiel"]]
    return tuple(_without_self_links(r) for r in records)


def _without_self_links(record: Any) -> Any:
    """``record`` without the links (and statement occasion or subjects) naming itself."""
    changes: dict[str, Any] = {}
    if getattr(record, "links", ()):
        changes["links"] = tuple(link for link in record.links if link.target != record.id)
    if isinstance(record, Statement):
        changes["about"] = tuple(i for i in record.about if i != record.id)
        if record.occasion == record.id:
            changes["occasion"] = None
    return attrs.evolve(record, **changes) if changes else record


@st.composite
def metadata(draw: st.DrawFn) -> dict[str, Any]:
    """Keyword arguments for a tracker's metadata: name, version, description ..."""
    return {
        "name": draw(texts()),
        "version": draw(st.sampled_from(["0", "1.0.0", "2025.11"]) | texts(max_parts=1)),
        "description": draw(st.just("") | texts()),
        "license": draw(st.none() | st.just("CC-BY-4.0") | texts(max_parts=1)),
        "citation": draw(_optional_texts()),
    }


@st.composite
def trackers(draw: st.DrawFn) -> Tracker:
    """A tracker built from :func:`datasets` and :func:`metadata`."""
    return Tracker(draw(datasets()), **draw(metadata()))


# ------------------------------------------------------------------------ documents


@functools.cache
def _keys() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(["id", "a.b", "", " ", "dataset", "meeting", "ключ", '"', "a b"]),
        st.text(st.characters(codec="utf-8", exclude_characters="@"), max_size=6),
    )


@functools.cache
def toml_documents() -> st.SearchStrategy[dict[str, Any]]:
    """Documents of the shapes ``toml_dumps`` writes: text, whole numbers, lists, tables."""
    scalars = st.one_of(
        texts(max_parts=3),
        st.just(""),
        st.integers(-(2**63), 2**63 - 1),
        st.booleans(),
    )
    values = st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3),
            st.dictionaries(_keys(), inner, max_size=3),
            st.lists(st.dictionaries(_keys(), inner, max_size=3), min_size=1, max_size=3),
        ),
        max_leaves=12,
    )
    return st.dictionaries(_keys(), values, max_size=4)
