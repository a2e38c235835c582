"""Turning accepted proposals into records: new ones, and existing ones with new citations.

Every accepted proposal becomes a citation of its quote supporting its field; a value the
quote does not state literally also gets an ``inferred`` entry with the proposal's
reason.  On a record the tracker already holds, a proposal that agrees adds a citation,
one that fills an empty field sets it, and one that disagrees adds a claim for each side,
so that :meth:`Tracker.discrepancies` shows the disagreement.

>>> import agreement_tracker as at
>>> t = at.load()
>>> d = at.draft(" date 2025-11-20 The 17th meeting of the JWG was held in New Delhi.",
...              tracker=t, source_id="new-report")
>>> [(p.field, p.value, p.action) for p in d.proposals if p.target == "jwg-17"]
[('kind', 'jwg-session', 'cite'), ('series', 'jwg', 'cite'), ('number', 17, 'cite'), ('place', {'city': 'New Delhi', 'country': 'IN'}, 'claim')]
>>> t2 = d.accept_all().apply()
>>> [(x.record_id, x.field, x.values) for x in t2.discrepancies() if x.record_id == "jwg-17"]
[('jwg-17', 'place', ("{ city = 'Tel Aviv', country = 'IL' }", "{ city = 'New Delhi', country = 'IN' }"))]
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from agreement_tracker.dates import DateBetween, DateRange, PartialDate, parse_when
from agreement_tracker.exceptions import AgreementTrackerError, DatasetError, FieldValueError
from agreement_tracker.model import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Citation,
    Claim,
    Delegation,
    Event,
    EventKind,
    Inference,
    Meeting,
    MeetingKind,
    MeetingTiming,
    Organisation,
    OrganisationKind,
    Person,
    Place,
    Role,
    Series,
    Source,
)

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker

    from .core import Draft, Proposal

__all__ = ["CLASSES", "DATE_FIELDS", "ITEM_FIELDS", "build", "check_value", "classify"]

#: Record classes by the kind names proposals use.
CLASSES: dict[str, type[Any]] = {
    "source": Source,
    "organisation": Organisation,
    "person": Person,
    "series": Series,
    "meeting": Meeting,
    "agreement": Agreement,
    "delegation": Delegation,
    "event": Event,
}

#: Fields whose proposals each add one item to a list.
ITEM_FIELDS = frozenset(
    {
        "participants",
        "co_chairs",
        "signatories",
        "focus_areas",
        "members",
        "aliases",
        "countries",
        "organisations",
        "people",
    }
)
#: Fields holding a date (an EDTF string in a proposal).
DATE_FIELDS = frozenset({"date", "signed", "dates", "published"})
_PLACE_FIELDS = frozenset({"place", "dateline"})
_ENUMS: dict[tuple[str, str], type[enum.Enum]] = {
    ("meeting", "kind"): MeetingKind,
    ("agreement", "kind"): AgreementKind,
    ("agreement", "status"): AgreementStatus,
    ("agreement", "meeting_timing"): MeetingTiming,
    ("organisation", "kind"): OrganisationKind,
    ("event", "kind"): EventKind,
}
_PERSON_REFS = frozenset({"participants", "co_chairs", "signatories", "leader", "members"})
_ORG_REFS = frozenset({"agency", "publisher"})


def check_value(proposal: Proposal, value: Any) -> None:
    """Raise :class:`FieldValueError` naming the proposal when ``value`` cannot fill its field.

    >>> from agreement_tracker.drafting import Proposal
    >>> p = Proposal(n=4, kind="meeting", target="m", field="place", value=None, quote="q",
    ...              basis="b")
    >>> check_value(p, {"city": "Paris"})
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.FieldValueError: proposal 4.place: a place needs a country, as { city = "Paris", country = "FR" }
    """
    where = f"proposal {proposal.n}.{proposal.field}"
    try:
        _converted(proposal.kind, proposal.field, value)
    except FieldValueError as error:
        raise FieldValueError(where, error.message) from None
    except AgreementTrackerError as error:
        raise FieldValueError(where, str(error)) from None
    except (TypeError, ValueError) as error:
        raise FieldValueError(where, str(error)) from None


def _converted(kind: str, field: str, value: Any) -> Any:
    """A proposal value as the record field holds it."""
    if value is None:
        raise FieldValueError(field, "has no value yet: edit it")
    if field in DATE_FIELDS:
        if not isinstance(value, str):
            raise FieldValueError(field, f"a date is written as text, got {value!r}")
        return parse_when(value)
    if field in _PLACE_FIELDS:
        if not isinstance(value, Mapping) or "country" not in value:
            raise FieldValueError(
                field, 'a place needs a country, as { city = "Paris", country = "FR" }'
            )
        return Place(**dict(value))
    if (kind, field) in _ENUMS:
        return _ENUMS[(kind, field)](value)
    if field == "number":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise FieldValueError(field, f"must be a positive whole number, got {value!r}")
        return value
    if field == "parties":
        if not isinstance(value, list | tuple) or len(value) < 2:
            raise FieldValueError(field, f"needs a list of at least 2 countries, got {value!r}")
        return tuple(value)
    if field == "roles":
        if not isinstance(value, list | tuple) or not all(isinstance(r, Mapping) for r in value):
            raise FieldValueError(field, f"must be a list of role tables, got {value!r}")
        check = Citation(source="review", quote="review")
        return tuple(_role(r, check) for r in value)
    if not isinstance(value, str | int) or (isinstance(value, str) and not value.strip()):
        raise FieldValueError(field, f"must be non-empty text, got {value!r}")
    return value


def _role(table: Mapping[str, Any], citation: Citation | None) -> Role:
    known = {"title", "organisation", "country", "rank", "attested"}
    extra = sorted(set(table) - known)
    if extra:
        raise FieldValueError(
            "roles", f"unknown role key {extra[0]!r}; use {', '.join(sorted(known))}"
        )
    return Role(
        title=table.get("title"),
        organisation=table.get("organisation"),
        country=table.get("country"),
        rank=table.get("rank"),
        attested=tuple(PartialDate.parse(a) for a in table.get("attested", ())),
        citations=(citation,) if citation is not None else (),
    )


def _plain(value: Any) -> Any:
    """A record field's value in the form proposals use (for comparing)."""
    if isinstance(value, PartialDate | DateRange | DateBetween):
        return value.isoformat()
    if isinstance(value, Place):
        return {
            k: v
            for k, v in (("city", value.city), ("region", value.region), ("country", value.country))
            if v
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _claim_text(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {v!r}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def classify(proposal: Proposal, tracker: Tracker) -> str:
    """What applying ``proposal`` to ``tracker`` would do: new, cite, set, add or claim.

    >>> import agreement_tracker as at
    >>> from agreement_tracker.drafting import Proposal
    >>> p = Proposal(n=1, kind="meeting", target="jwg-17", field="number", value=17,
    ...              quote="q", basis="b")
    >>> classify(p, at.load())
    'cite'
    """
    if proposal.action == "link":
        return "link"
    existing = tracker.get(proposal.target)
    cls = CLASSES.get(proposal.kind)
    if existing is None or cls is None or not isinstance(existing, cls):
        return "new"
    if proposal.field == "roles":
        return "add"
    if proposal.field == "title":
        return "cite"  # the record keeps its own label
    current: Any = getattr(existing, proposal.field, None)
    if proposal.field in ITEM_FIELDS:
        return "cite" if proposal.value in current else "add"
    plain = _plain(current)
    if proposal.field == "parties" and isinstance(plain, list):
        plain = plain if sorted(plain) != sorted(proposal.value) else list(proposal.value)
    if plain == proposal.value:
        claimed = any(c.field == proposal.field for c in existing.claims)
        return "claim" if claimed else "cite"
    if any(c.field == proposal.field for c in existing.claims):
        return "claim"
    if plain in (None, [], ()):
        return "set"
    if proposal.field in DATE_FIELDS and proposal.value is not None:
        try:
            new = parse_when(proposal.value)
        except AgreementTrackerError:
            return "claim"
        if new.first_ordinal <= current.first_ordinal and current.last_ordinal <= new.last_ordinal:
            return "cite"  # less precise than, and agreeing with, what is recorded
        if current.first_ordinal <= new.first_ordinal and new.last_ordinal <= current.last_ordinal:
            return "set"  # more precise, within what is recorded
    return "claim"


# ---------------------------------------------------------------------------- building


def build(draft: Draft) -> list[Any]:
    """The records the draft's accepted proposals make or change (raises ``DatasetError``).

    >>> import agreement_tracker as at
    >>> d = at.draft(" date 2026-01-10 The 18th meeting of the JWG was held.", tracker=at.load())
    >>> build(d)
    []
    >>> [r.id for r in build(d.accept_all())]
    ['report-2026-01-10', 'jwg-18']
    """
    tracker = draft.tracker
    rename: dict[str, str] = {}
    dropped: set[str] = set()
    for p in draft.proposals:
        if p.action != "link":
            continue
        if p.accepted:
            rename[p.target] = str(p.value)
        else:
            dropped.add(p.target)
    chosen_away = {old for old, new in rename.items() if old != new}

    def ref(value: Any) -> Any:
        if isinstance(value, str):
            if value in dropped and value not in rename:
                return None
            return rename.get(value, value)
        return value

    groups: dict[tuple[str, str], list[Proposal]] = {}
    for p in draft.proposals:
        if not p.accepted or p.action == "link" or p.value is None:
            continue
        if p.target in chosen_away or (
            p.kind in ("person", "organisation", "series") and p.target in dropped
        ):
            continue
        groups.setdefault((p.kind, p.target), []).append(p)
    problems: list[str] = []
    records: list[Any] = []
    for (kind, target), proposals in groups.items():
        if kind == "source":
            continue
        try:
            record = _record(draft, tracker, kind, target, proposals, ref)
        except (AgreementTrackerError, TypeError, ValueError) as error:
            first = proposals[0]
            field = getattr(error, "field", first.field)
            culprit = next((p for p in proposals if p.field == str(field).split("[")[0]), first)
            message = getattr(error, "message", str(error))
            problems.append(f"{message} @ proposal {culprit.n} ({kind} {target}).{field}")
            continue
        if record is not None:
            records.append(record)
    source_proposals = groups.get(("source", draft.source_id), [])
    if records or source_proposals:
        try:
            records.insert(0, _source(draft, tracker, source_proposals, ref))
        except (AgreementTrackerError, TypeError, ValueError) as error:
            head = source_proposals[0] if source_proposals else None
            where = (
                f"proposal {head.n} (source {draft.source_id})"
                if head is not None
                else f"source {draft.source_id}"
            )
            problems.append(
                f"{getattr(error, 'message', error)} @ {where}.{getattr(error, 'field', 'text')}"
            )
    if problems:
        raise DatasetError(problems)
    return records


def _citations(
    draft: Draft, proposals: list[Proposal], fields: set[str] | None = None
) -> tuple[Citation, ...]:
    by_quote: dict[str, list[str]] = {}
    for p in proposals:
        if fields is not None and p.field not in fields:
            continue
        supports = by_quote.setdefault(p.quote, [])
        if p.field not in supports and p.field != "title":  # a title is a label, not a fact
            supports.append(p.field)
    return tuple(
        Citation(source=draft.source_id, quote=quote, supports=tuple(supports))
        for quote, supports in by_quote.items()
    )


def _inferences(proposals: list[Proposal]) -> tuple[Inference, ...]:
    found: dict[str, str] = {}
    for p in proposals:
        if p.field == "title":
            continue  # a label, never a fact
        if p.status == "edited":
            found.setdefault(
                p.field, f"set by the reviewer (proposal {p.n}); the draft read {p.drafted!r}"
            )
        elif p.inferred and p.reason:
            found.setdefault(p.field, p.reason)
    return tuple(Inference(field=f, reason=r) for f, r in found.items())


def _values(kind: str, proposals: list[Proposal], ref: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for p in proposals:
        value = p.value
        if (
            p.field in _PERSON_REFS
            or p.field in _ORG_REFS
            or p.field == "series"
            or (kind == "agreement" and p.field == "meeting")
        ):
            value = ref(value)
            if value is None:
                continue
        if p.field in ITEM_FIELDS:
            items = values.setdefault(p.field, [])
            if value not in items:
                items.append(value)
            continue
        if p.field == "roles":
            roles = [dict(r) for r in value]
            for role in roles:
                if "organisation" in role:
                    role["organisation"] = ref(role["organisation"])
                    if role["organisation"] is None:
                        del role["organisation"]
            values.setdefault("roles", []).extend((r, p) for r in roles)
            continue
        values.setdefault(p.field, _converted(kind, p.field, value))
    return values


def _record(
    draft: Draft, tracker: Tracker, kind: str, target: str, proposals: list[Proposal], ref: Any
) -> Any:
    existing = tracker.get(target)
    cls = CLASSES[kind]
    values = _values(kind, proposals, ref)
    roles = values.pop("roles", [])
    if isinstance(existing, cls):
        return _updated(draft, existing, proposals, values, roles)
    citations = _citations(draft, [p for p in proposals if p.field != "title"])
    if not citations:  # only a title: the quote backs the record as a whole
        citations = _citations(draft, proposals)
    fields: dict[str, Any] = {
        "id": target,
        "citations": citations,
        "inferred": _inferences(proposals),
    }
    for name, value in values.items():
        fields[name] = tuple(value) if isinstance(value, list) else value
    if kind == "person":
        fields["roles"] = tuple(
            _role(role, Citation(source=draft.source_id, quote=p.quote)) for role, p in roles
        )
        if "name" not in fields:
            raise FieldValueError("name", "a new person needs a name")
    elif kind == "meeting":
        fields["participants"] = tuple(
            dict.fromkeys((*fields.get("co_chairs", ()), *fields.get("participants", ())))
        )
        fields.setdefault("kind", MeetingKind.OTHER)
        fields["title"] = _meeting_title(draft, tracker, fields)
    elif kind == "delegation":
        fields["title"] = _visit_title(draft, tracker, fields)
    elif kind == "agreement" and "title" not in fields:
        fields["title"] = target
    if kind in ("person", "organisation", "series"):
        fields.pop("title", None)
    return cls(**fields)


def _name_of(draft: Draft, tracker: Tracker, person_id: str) -> str:
    known = tracker.get(person_id)
    if known is not None and hasattr(known, "name"):
        return str(known.name)
    for p in draft.proposals:
        if p.target == person_id and p.field == "name":
            return str(p.value)
    return person_id


def _meeting_title(draft: Draft, tracker: Tracker, fields: dict[str, Any]) -> str:
    series = fields.get("series")
    if series is not None:
        known = tracker.get(series)
        name = (
            str(getattr(known, "name", series))
            if known is not None
            else next(
                (str(p.value) for p in draft.proposals if p.target == series and p.field == "name"),
                series,
            )
        )
        number = fields.get("number")
        return (
            f"{_ordinal(number)} {name}"
            if number
            else f"{name} ({fields['date'].isoformat() if fields.get('date') else 'undated'})"
        )
    people = [_name_of(draft, tracker, p) for p in fields.get("participants", ())]
    label = MeetingKind(fields["kind"]).value.replace("-", " ")
    return f"{' and '.join(people) or 'Meeting'}: {label}"


def _visit_title(draft: Draft, tracker: Tracker, fields: dict[str, Any]) -> str:
    from .lexicon import COUNTRY_NAMES

    leader = _name_of(draft, tracker, fields.get("leader", ""))
    host = COUNTRY_NAMES.get(fields.get("host", ""), fields.get("host", ""))
    return f"{leader}'s visit to {host}"


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _updated(
    draft: Draft, existing: Any, proposals: list[Proposal], values: dict[str, Any], roles: list[Any]
) -> Any:
    changes: dict[str, Any] = {}
    citations = list(existing.citations)
    inferred = list(existing.inferred)
    claims = list(existing.claims)
    new_citations = _citations(draft, proposals)
    for p in proposals:
        if p.field == "title" or (p.field not in values and p.field != "roles"):
            continue
        action = classify(p, draft.tracker)
        if p.field in ITEM_FIELDS:
            current = list(changes.get(p.field, getattr(existing, p.field)))
            for item in values[p.field]:
                if item not in current:
                    current.append(item)
            changes[p.field] = tuple(current)
        elif action == "set":
            changes[p.field] = values[p.field]
        elif action == "claim":
            citation = Citation(source=draft.source_id, quote=p.quote)
            known = getattr(existing, p.field)
            if not any(c.field == p.field for c in claims) and known not in (None, ()):
                backing = next(
                    (c for c in existing.citations if p.field in c.supports),
                    existing.citations[0] if existing.citations else None,
                )
                if backing is not None:
                    claims.append(
                        Claim(field=p.field, value=_claim_text(_plain(known)), citation=backing)
                    )
                inferred.append(
                    Inference(
                        field=p.field,
                        reason=f"kept the value recorded before {draft.source_id}, which says {_claim_text(p.value)}",
                    )
                )
            claim = Claim(
                field=p.field,
                value=_claim_text(p.value),
                citation=citation,
                inferred=p.reason if p.inferred and p.reason else None,
            )
            if claim not in claims:  # the same article applied again adds nothing
                claims.append(claim)
    if roles and isinstance(existing, Person):
        changes["roles"] = (
            *existing.roles,
            *(_role(role, Citation(source=draft.source_id, quote=p.quote)) for role, p in roles),
        )
    for citation in new_citations:
        if citation not in citations:
            citations.append(citation)
    changes["citations"] = tuple(citations)
    changes["inferred"] = tuple(inferred) + tuple(
        i
        for i in _inferences(proposals)
        if i.field in changes
        and i not in inferred
        and not any(x.field == i.field for x in inferred)
    )
    changes["claims"] = tuple(claims)
    if isinstance(existing, Meeting) and "co_chairs" in changes:
        changes["participants"] = tuple(
            dict.fromkeys(
                (*changes.get("participants", existing.participants), *changes["co_chairs"])
            )
        )
    return attrs.evolve(existing, **changes)


def _source(draft: Draft, tracker: Tracker, proposals: list[Proposal], ref: Any) -> Source:
    values = _values("source", proposals, ref)
    inferred = list(_inferences(proposals))
    if "published" not in values and draft.published is not None:
        values["published"] = parse_when(draft.published)
        inferred.append(
            Inference(
                field="published",
                reason="given when the article was drafted; the text prints no date",
            )
        )
    existing = tracker.get(draft.source_id)
    if isinstance(existing, Source):
        return existing
    return Source(
        id=draft.source_id,
        text=draft.text,
        text_file=f"sources/{draft.source_id}.txt",
        citations=_citations(draft, proposals),
        inferred=tuple(inferred),
        **values,
    )
