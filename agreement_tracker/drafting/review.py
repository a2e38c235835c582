"""The review file: a draft as TOML in the dataset's own style, to decide on and apply.

One ``[review]`` table holds the source id, the publication date given and the article
text; one ``[[proposal]]`` table per proposal holds its number, kind, target, field,
value, quote, rule (``basis``), reason, candidates and ``status``.  Editing ``status``
(``accepted``, ``rejected``), ``value`` (then ``status = "edited"``) or choosing a
candidate (``value = "amir-baram"``, ``status = "chosen"``) is a decision; the file diffs
cleanly in version control.  Reading it back checks every decision and names the
proposal and field of each problem.

>>> import agreement_tracker as at, tempfile, pathlib
>>> d = at.draft(" date 2025-08-10 The 18th meeting of the JWG was held in Paris.",
...              tracker=at.load())
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder) / "review.toml"
...     _ = write_review(d, path)
...     again = read_review(path, tracker=at.load())
>>> [(p.n, p.field, p.value) for p in again.proposals][:3]
[(1, 'published', '2025-08-10'), (2, 'kind', 'jwg-session'), (3, 'series', 'jwg')]
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agreement_tracker.exceptions import DatasetError, FieldValueError

from .core import ACTIONS, STATUSES, Draft, Proposal

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker

__all__ = ["dumps", "loads", "pending_in", "read_review", "write_review"]

_KEYS = (
    "n",
    "status",
    "action",
    "kind",
    "target",
    "field",
    "value",
    "drafted",
    "quote",
    "basis",
    "reason",
    "inferred",
    "candidates",
)
_REQUIRED = ("n", "status", "action", "kind", "target", "field", "quote", "basis")
_MAX_BYTES = 16 * 1024 * 1024


def _toml_ready(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_toml_ready(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _toml_ready(v) for k, v in value.items()}
    return value


def dumps(draft: Draft) -> str:
    """The review file's text for ``draft``.

    >>> import agreement_tracker as at
    >>> text = dumps(at.draft(" date 2025-08-10 Talks were held.", tracker=at.load()))
    >>> print(text[text.index("[[proposal]]"):].strip())
    [[proposal]]
    n = 1
    status = "pending"
    action = "new"
    kind = "source"
    target = "report-2025-08-10"
    field = "published"
    value = "2025-08-10"
    quote = "date 2025-08-10"
    basis = "leading_date_line"
    """
    from agreement_tracker.storage import toml_dumps

    head: dict[str, Any] = {"source": draft.source_id}
    if draft.published is not None:
        head["published"] = draft.published
    head["text"] = draft.text
    tables = []
    for p in draft.proposals:
        table: dict[str, Any] = {}
        for key in _KEYS:
            value = getattr(p, key)
            if key == "drafted" and value == p.value:
                continue
            if value is None or value == () or value == "" or value is False:
                continue
            table[key] = _toml_ready(value)
        tables.append(table)
    return toml_dumps({"review": head, "proposal": tables})


def write_review(draft: Draft, path: str | Path) -> Path:
    """Write the review file for ``draft`` at ``path`` (replaced atomically); return the path."""
    import os
    import tempfile

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(dumps(draft))
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def loads(text: str, *, tracker: Tracker, where: str = "review.toml") -> Draft:
    """A draft from review-file text; raises ``DatasetError`` naming each bad proposal field.

    >>> import agreement_tracker as at
    >>> text = dumps(at.draft(" date 2025-08-10 Talks were held.", tracker=at.load()))
    >>> loads(text.replace('status = "pending"', 'status = "acepted"'), tracker=at.load())
    Traceback (most recent call last):
    ...
    agreement_tracker.exceptions.DatasetError: 1 problem in the dataset:
      'acepted' is not a status; use pending, accepted, rejected, chosen or edited @ review.toml[proposal 1].status
    """
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DatasetError([f"not valid TOML: {error} @ {where}"]) from None
    problems: list[str] = []
    head = doc.get("review")
    if (
        not isinstance(head, dict)
        or not isinstance(head.get("text"), str)
        or not isinstance(head.get("source"), str)
    ):
        raise DatasetError([f"a review file needs a [review] table with source and text @ {where}"])
    extra = sorted(set(doc) - {"review", "proposal"})
    if extra:
        problems.append(f"unknown top-level key {extra[0]!r} @ {where}")
    proposals: list[Proposal] = []
    raw = doc.get("proposal", [])
    if not isinstance(raw, list):
        raw = []
        problems.append(f"proposal must be [[proposal]] tables @ {where}")
    seen: set[int] = set()
    for index, table in enumerate(raw):
        label = f"{where}[proposal {table.get('n', index + 1) if isinstance(table, dict) else index + 1}]"
        proposal = _proposal(table, label, problems)
        if proposal is None:
            continue
        if proposal.n in seen:
            problems.append(f"proposal number {proposal.n} is used twice @ {label}.n")
            continue
        seen.add(proposal.n)
        proposals.append(proposal)
    if problems:
        raise DatasetError(problems)
    published = head.get("published")
    return Draft(
        text=head["text"],
        source_id=head["source"],
        tracker=tracker,
        proposals=proposals,
        published=published if isinstance(published, str) else None,
    )


def _proposal(table: Any, label: str, problems: list[str]) -> Proposal | None:
    if not isinstance(table, dict):
        problems.append(f"a proposal must be a table @ {label}")
        return None
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        problems.append(f"unknown key {unknown[0]!r}; a proposal has {', '.join(_KEYS)} @ {label}")
        return None
    missing = [key for key in _REQUIRED if key not in table]
    if missing:
        problems.append(f"missing {missing[0]!r} @ {label}")
        return None
    for key in ("status", "action", "kind", "target", "field", "quote", "basis"):
        if not isinstance(table[key], str):
            problems.append(f"must be text, got {table[key]!r} @ {label}.{key}")
            return None
    if not isinstance(table["n"], int) or isinstance(table["n"], bool):
        problems.append(f"must be a whole number, got {table['n']!r} @ {label}.n")
        return None
    if table["status"] not in STATUSES:
        problems.append(
            f"{table['status']!r} is not a status; use {', '.join(STATUSES[:-1])} or "
            f"{STATUSES[-1]} @ {label}.status"
        )
        return None
    if table["action"] not in ACTIONS:
        problems.append(
            f"{table['action']!r} is not an action; use {', '.join(ACTIONS)} @ {label}.action"
        )
        return None
    value = table.get("value")
    proposal = Proposal(
        n=table["n"],
        kind=table["kind"],
        target=table["target"],
        field=table["field"],
        value=value,
        quote=table["quote"],
        basis=table["basis"],
        reason=table.get("reason", ""),
        candidates=tuple(table.get("candidates", ())),
        action=table["action"],
        inferred=bool(table.get("inferred", False)),
        status=table["status"],
        drafted=table.get("drafted", value),
    )
    if proposal.status != "pending" and proposal.status != "rejected":
        if value is None:
            problems.append(f"a {proposal.status} proposal needs a value @ {label}.value")
            return None
        if proposal.action == "link":
            if not isinstance(value, str) or not value.strip():
                problems.append(f"a link's value is a record id, got {value!r} @ {label}.value")
                return None
        else:
            from .building import check_value

            try:
                check_value(proposal, value)
            except FieldValueError as error:
                problems.append(f"{error.message} @ {label}.value ({proposal.field})")
                return None
    return proposal


def read_review(path: str | Path, *, tracker: Tracker) -> Draft:
    """Read a review file written by :func:`write_review` (and perhaps edited by hand)."""
    target = Path(path)
    if not target.is_file():
        raise DatasetError([f"no review file at {str(target)!r}"])
    if target.stat().st_size > _MAX_BYTES:
        raise DatasetError([f"the review file is over {_MAX_BYTES:,} bytes @ {target.name}"])
    try:
        text = target.read_text("utf-8")
    except UnicodeDecodeError:
        raise DatasetError([f"the review file is not UTF-8 text @ {target.name}"]) from None
    return loads(text, tracker=tracker, where=target.name)


def pending_in(folder: str | Path) -> list[str]:
    """One line per proposal still pending in the review files under ``folder/reviews``.

    >>> pending_in("no/such/folder")
    []
    """
    lines: list[str] = []
    reviews = Path(folder) / "reviews"
    if not reviews.is_dir():
        return lines
    for path in sorted(reviews.glob("*.toml")):
        try:
            doc = tomllib.loads(path.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            lines.append(f"reviews/{path.name}: cannot be read: {error}")
            continue
        for table in doc.get("proposal", []):
            if isinstance(table, dict) and table.get("status") == "pending":
                lines.append(
                    f"reviews/{path.name}: proposal {table.get('n')} is pending "
                    f"({table.get('kind')} {table.get('target')}.{table.get('field')})"
                )
    return lines
