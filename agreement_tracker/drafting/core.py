"""Proposals and drafts: what the rules suggest, the reviewer's decisions, and applying them.

A :class:`Proposal` is one suggested fact (or one link to an existing record) with the
verbatim quote it rests on, the name of the rule that made it (``basis``) and a one-line
reason.  A :class:`Draft` holds the proposals for one article; the reviewer accepts,
rejects, edits or re-targets them, and :meth:`Draft.apply` returns a new, fully
validated tracker.

>>> import agreement_tracker as at
>>> d = at.draft("Paris, Mar 3 (AFP) The 4th India-France Defence Dialogue was held in "
...              "Paris on Monday.", tracker=at.load(), published="2025-03-03")
>>> p = d.proposals[0]
>>> p.kind, p.field, p.value, p.basis
('source', 'published', '2025-03-03', 'wire_dateline')
>>> p.accept().status
'accepted'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from agreement_tracker.exceptions import DatasetError, FieldValueError

from .display import HEADERS, draft_html

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker

__all__ = ["ACTIONS", "STATUSES", "Draft", "Proposal"]

#: A proposal's review status: ``pending`` until a decision; ``chosen`` and ``edited``
#: count as accepted.
STATUSES: tuple[str, ...] = ("pending", "accepted", "rejected", "chosen", "edited")

#: What applying a proposal does: link a mention to a record, give a new record a field,
#: add a citation to a known value, fill an empty field, add a list item, or record a
#: disagreeing claim.
ACTIONS: tuple[str, ...] = ("link", "new", "cite", "set", "add", "claim")

_ACCEPTED = frozenset({"accepted", "chosen", "edited"})


@attrs.define(eq=False)
class Proposal:
    """One suggested fact: ``target``'s ``field`` takes ``value``, because of ``quote``.

    ``kind`` is the record kind (``person``, ``meeting`` ...); ``target`` an existing
    record's id or the id of a new one; ``basis`` names the rule that made the proposal
    and ``reason`` says why in one line.  ``candidates`` lists, best first, existing
    records a link might mean instead.  ``value`` is ``None`` for a question the text
    leaves open (a day with no year): :meth:`edit` answers it.

    >>> p = Proposal(n=1, kind="meeting", target="jwg-18", field="number", value=18,
    ...              quote="the 18th meeting of the JWG", basis="series_ordinal",
    ...              reason="ordinal '18th' before the series name")
    >>> p.reject().status, p.accept().status
    ('rejected', 'accepted')
    >>> p.edit(value=19).value, p.status, p.drafted
    (19, 'edited', 18)
    """

    n: int
    kind: str
    target: str
    field: str
    value: Any
    quote: str
    basis: str
    reason: str = ""
    candidates: tuple[str, ...] = ()
    action: str = "new"
    inferred: bool = False
    status: str = "pending"
    drafted: Any = None

    def __attrs_post_init__(self) -> None:
        if self.drafted is None:
            self.drafted = self.value

    @property
    def accepted(self) -> bool:
        """True when the reviewer accepted, chose or edited this proposal.

        >>> Proposal(n=1, kind="person", target="x", field="name", value="X", quote="X",
        ...          basis="b").accepted
        False
        """
        return self.status in _ACCEPTED

    def accept(self) -> Proposal:
        """Accept the proposal as drafted (a question with no value stays pending).

        >>> q = Proposal(n=1, kind="meeting", target="m", field="date", value=None,
        ...              quote="on August 9", basis="month_day")
        >>> q.accept().status
        'pending'
        """
        if self.value is not None:
            self.status = "edited" if self.value != self.drafted else "accepted"
        return self

    def reject(self) -> Proposal:
        """Reject the proposal: applying the draft leaves it out.

        >>> Proposal(n=1, kind="person", target="x", field="name", value="X", quote="X",
        ...          basis="b").reject().status
        'rejected'
        """
        self.status = "rejected"
        return self

    def choose(self, record_id: str) -> Proposal:
        """Link the mention to ``record_id`` (usually one of ``candidates``) instead.

        >>> p = Proposal(n=1, kind="person", target="amir", field="id", value="amir",
        ...              quote="Amir", basis="b", action="link", candidates=("amir-baram",))
        >>> p.choose("amir-baram").value, p.status
        ('amir-baram', 'chosen')
        >>> p.choose("")
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.FieldValueError: proposal 1.value: choose() needs a record id, got ''
        """
        if self.action != "link":
            raise FieldValueError(
                f"proposal {self.n}.value",
                f"choose() picks the record a link means; this proposal sets {self.field!r}",
            )
        if not isinstance(record_id, str) or not record_id.strip():
            raise FieldValueError(
                f"proposal {self.n}.value", f"choose() needs a record id, got {record_id!r}"
            )
        self.value = record_id
        self.status = "chosen"
        return self

    def edit(self, *, value: Any) -> Proposal:
        """Replace the value and accept it (dates as EDTF strings, places as tables).

        >>> p = Proposal(n=2, kind="meeting", target="m", field="date", value=None,
        ...              quote="on August 9", basis="month_day")
        >>> p.edit(value="2025-08-09").status
        'edited'
        >>> p.edit(value="9 August")
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.FieldValueError: proposal 2.date: '9 August' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD
        """
        from .building import check_value

        check_value(self, value)
        self.value = value
        self.status = "edited" if value != self.drafted else "accepted"
        return self

    def row(self) -> tuple[str, ...]:
        """The proposal as table cells: n, status, kind, target, field, value, basis, quote.

        >>> Proposal(n=3, kind="meeting", target="jwg-17", field="number", value=17,
        ...          quote="the 17th meeting", basis="series_ordinal", action="cite").row()
        ('3', 'pending', 'cite', 'meeting', 'jwg-17', 'number', '17', 'series_ordinal', 'the 17th meeting')
        """
        return (
            str(self.n),
            self.status,
            self.action,
            self.kind,
            self.target,
            self.field,
            _show(self.value),
            self.basis,
            self.quote,
        )


def _show(value: Any) -> str:
    if value is None:
        return "?"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(_show(v) for v in value)
    return str(value)


@attrs.define(eq=False)
class Draft:
    """The proposals drafted from one article, with the reviewer's decisions.

    ``text`` is the article as given; ``source_id`` the id its source record gets;
    ``tracker`` the dataset the proposals were drafted against.  Printing a draft shows
    a table; in Jupyter it shows an escaped HTML table and the article with every quote
    highlighted.

    >>> import agreement_tracker as at
    >>> t = at.load()
    >>> d = at.draft(" date 2025-08-10 The 18th meeting of the JWG was held in New Delhi "
    ...              "on Friday.", tracker=t)
    >>> [(p.target, p.field, p.value, p.action) for p in d.proposals if p.kind == "meeting"]
    [('jwg-18', 'kind', 'jwg-session', 'new'), ('jwg-18', 'series', 'jwg', 'new'), ('jwg-18', 'number', 18, 'new'), ('jwg-18', 'date', '2025-08-08', 'new'), ('jwg-18', 'place', {'city': 'New Delhi', 'country': 'IN'}, 'new')]
    >>> t2 = d.accept_all().apply()
    >>> t2.last_meeting("JWG", as_of="2025-08-10").id
    'jwg-18'
    """

    text: str
    source_id: str
    tracker: Tracker = attrs.field(repr=False)
    proposals: list[Proposal] = attrs.field(factory=list)
    published: str | None = None

    def __iter__(self) -> Iterator[Proposal]:
        return iter(self.proposals)

    def __len__(self) -> int:
        return len(self.proposals)

    def proposal(self, n: int) -> Proposal:
        """The proposal numbered ``n`` (numbers start at 1, as the table shows them).

        >>> import agreement_tracker as at
        >>> d = at.draft(" date 2025-08-10 Talks were held.", tracker=at.load())
        >>> d.proposal(1).field
        'published'
        >>> d.proposal(99)
        Traceback (most recent call last):
        ...
        agreement_tracker.exceptions.UnknownRecordError: no proposal '99'; the draft has proposals 1 to 1
        """
        from agreement_tracker.exceptions import UnknownRecordError

        for proposal in self.proposals:
            if proposal.n == n:
                return proposal
        raise UnknownRecordError(
            "proposal", str(n), hint=f"the draft has proposals 1 to {len(self.proposals)}"
        )

    def accept_all(self) -> Draft:
        """Accept every pending proposal as drafted, and return the draft.

        An ambiguous link stays a link to the new record it was drafted as, never a
        guess among its candidates; a question with no value stays pending.

        >>> import agreement_tracker as at
        >>> d = at.draft(" date 2025-08-10 Talks were held.", tracker=at.load())
        >>> [p.status for p in d.accept_all()]
        ['accepted']
        """
        for proposal in self.proposals:
            if proposal.status == "pending":
                proposal.accept()
        return self

    @property
    def pending(self) -> list[Proposal]:
        """The proposals still waiting for a decision.

        >>> import agreement_tracker as at
        >>> len(at.draft(" date 2025-08-10 Talks were held.", tracker=at.load()).pending)
        1
        """
        return [p for p in self.proposals if p.status == "pending"]

    def apply(self) -> Tracker:
        """A new, fully validated tracker: the draft's tracker plus the accepted proposals.

        Raises :class:`DatasetError` naming the proposal and field that cannot be applied.

        >>> import agreement_tracker as at
        >>> t = at.load()
        >>> d = at.draft(" date 2025-08-10 Talks were held.", tracker=t, source_id="talks")
        >>> d.accept_all().apply().source("talks").published.isoformat()
        '2025-08-10'
        """
        from .building import build

        records = build(self)
        if not records:
            return self.tracker
        try:
            return self.tracker.with_records(*records, on_conflict="replace")
        except DatasetError as error:
            raise DatasetError(
                [f"{p} (from the accepted proposals)" for p in error.problems]
            ) from None

    def carry_over(self, previous: Draft) -> int:
        """Copy decisions from ``previous`` onto proposals that did not change; return how many.

        A proposal is unchanged when its kind, target, field, drafted value and quote
        are the same.

        >>> import agreement_tracker as at
        >>> t = at.load()
        >>> old = at.draft(" date 2025-08-10 Talks were held.", tracker=t)
        >>> _ = old.proposal(1).reject()
        >>> new = at.draft(" date 2025-08-10 Talks were held.", tracker=t)
        >>> new.carry_over(old), new.proposal(1).status
        (1, 'rejected')
        """
        decided = {_identity(p): p for p in previous.proposals if p.status != "pending"}
        count = 0
        for proposal in self.proposals:
            old = decided.get(_identity(proposal))
            if old is not None:
                proposal.status = old.status
                proposal.value = old.value
                count += 1
        return count

    def table(self, fmt: str = "simple") -> str:
        """The proposals as a table in any ``tabulate`` format that escapes or is plain text.

        >>> import agreement_tracker as at
        >>> print(at.draft(" date 2025-08-10 Talks were held.", tracker=at.load()).table())
        n    status    action    kind    target             field      value       basis              quote
        ---  --------  --------  ------  -----------------  ---------  ----------  -----------------  ---------------
        1    pending   new       source  report-2025-08-10  published  2025-08-10  leading_date_line  date 2025-08-10
        """
        from tabulate import tabulate

        rows = [p.row() for p in self.proposals]
        return str(tabulate(rows, headers=HEADERS, tablefmt=fmt, disable_numparse=True))

    def __str__(self) -> str:
        return self.table()

    def __repr__(self) -> str:
        done = sum(1 for p in self.proposals if p.status != "pending")
        return f"<Draft of {self.source_id}: {len(self.proposals)} proposals, {done} decided>"

    def _repr_html_(self) -> str:
        return draft_html(self)


def _identity(proposal: Proposal) -> tuple[str, str, str, str, str]:
    return (
        proposal.kind,
        proposal.target,
        proposal.field,
        repr(proposal.drafted),
        proposal.quote,
    )
