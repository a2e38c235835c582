"""The ``draft``, ``review`` and ``apply`` commands, and ``validate --no-pending``.

``agreement-tracker draft ARTICLE.txt --dataset DIR -o review.toml`` writes a review file
(keeping the decisions of an earlier one at the same path for proposals that did not
change); ``review review.toml`` asks about one pending proposal at a time, reading the
answers from standard input; ``apply review.toml --dataset DIR`` adds the accepted
proposals to the dataset, all or nothing, and validates the result.  Review files kept in
a dataset live in its ``reviews/`` folder, which ``apply`` keeps and ``validate
--no-pending`` checks.

>>> from agreement_tracker.cli import main
>>> main(["draft", "no/such/article.txt"])
2
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from agreement_tracker.exceptions import AgreementTrackerError, DatasetError

if TYPE_CHECKING:
    from agreement_tracker.dataset import Tracker

    from .core import Proposal

__all__ = ["COMMANDS", "add_commands", "pending_status", "run"]

#: The subcommands this module adds.
COMMANDS = ("draft", "review", "apply")


def add_commands(commands: Any) -> None:
    """Add ``draft``, ``review`` and ``apply`` to ``commands``, and ``--no-pending`` to validate."""
    drafting = commands.add_parser(
        "draft",
        help="draft proposals from an article into a review file",
        description="Read an article (plain text, or HTML with trafilatura installed) and "
        "write the proposed records, each with its quote and rule, as a review file.",
    )
    drafting.add_argument("article", metavar="ARTICLE", help="the article: a .txt (or .html) file")
    drafting.add_argument("--dataset", metavar="DIR", help="dataset folder (default: bundled)")
    drafting.add_argument("--published", metavar="DATE", help="publication date, if not printed")
    drafting.add_argument("--source-id", metavar="ID", help="id of the new source record")
    drafting.add_argument("-o", "--output", metavar="REVIEW", help="review file to write")

    review = commands.add_parser(
        "review",
        help="decide on a review file's pending proposals, one at a time",
        description="For each pending proposal answer a(ccept), r(eject), e(dit), "
        "c(hoose a candidate), s(kip) or q(uit); answers are read from standard input and "
        "saved after each one.",
    )
    review.add_argument("review", metavar="REVIEW", help="the review file")
    review.add_argument("--dataset", metavar="DIR", help="dataset folder (default: bundled)")

    apply = commands.add_parser(
        "apply",
        help="add a review file's accepted proposals to a dataset folder",
        description="Apply every accepted proposal, all or nothing, save the dataset and "
        "validate it. Pending and rejected proposals are left out.",
    )
    apply.add_argument("review", metavar="REVIEW", help="the review file")
    apply.add_argument("--dataset", metavar="DIR", required=True, help="dataset folder to change")

    commands.choices["validate"].add_argument(
        "--no-pending",
        action="store_true",
        help="also fail while a review file in the dataset's reviews/ has pending proposals",
    )


def run(args: argparse.Namespace, *, stdin: TextIO | None = None) -> int:
    """Run one of :data:`COMMANDS`; print one line and return 2 on an error."""
    try:
        if args.command == "draft":
            return _draft(args)
        if args.command == "review":
            return _review(args, stdin or sys.stdin)
        return _apply(args)
    except (AgreementTrackerError, OSError) as error:
        print(f"agreement-tracker: error: {error}", file=sys.stderr)
        return 2


def pending_status(args: argparse.Namespace) -> int:
    """1 (after listing them) when ``--no-pending`` is given and proposals are pending, else 0."""
    if not getattr(args, "no_pending", False):
        return 0
    from .review import pending_in

    lines = pending_in(args.path)
    for line in lines:
        print(f"{args.path}: {line}")
    if lines:
        print(f"{len(lines)} pending proposal{'s' if len(lines) != 1 else ''}", file=sys.stderr)
    return 1 if lines else 0


def _tracker(dataset: str | None) -> Tracker:
    from agreement_tracker.dataset import Tracker, load

    return load() if dataset is None else Tracker.from_path(dataset)


def _draft(args: argparse.Namespace) -> int:
    from . import draft
    from .review import read_review, write_review

    path = Path(args.article)
    if not path.is_file():
        raise DatasetError([f"no article at {str(path)!r}"])
    tracker = _tracker(args.dataset)
    drafted = draft(
        path.read_bytes(), tracker=tracker, published=args.published, source_id=args.source_id
    )
    if args.output is None:
        print(drafted)
        return 0
    output = Path(args.output)
    kept = 0
    if output.exists():
        kept = drafted.carry_over(read_review(output, tracker=tracker))
    write_review(drafted, output)
    print(
        f"wrote {output}: {len(drafted.proposals)} proposals for {drafted.source_id}"
        + (f", {kept} decisions kept" if kept else "")
    )
    return 0


def _describe(p: Proposal) -> str:
    lines = [
        f"proposal {p.n} [{p.action}] {p.kind} {p.target}.{p.field} = {p.value!r}",
        f"  quote:  {p.quote}",
        f"  rule:   {p.basis}" + (f" ({p.reason})" if p.reason else ""),
    ]
    if p.candidates:
        lines.append(
            "  candidates: " + ", ".join(f"{i + 1}) {c}" for i, c in enumerate(p.candidates))
        )
    return "\n".join(lines)


def _review(args: argparse.Namespace, stdin: TextIO) -> int:
    from .review import read_review, write_review

    tracker = _tracker(args.dataset)
    drafted = read_review(args.review, tracker=tracker)
    decided = 0
    for p in drafted.pending:
        print(_describe(p))
        while True:
            print("accept, reject, edit, choose, skip or quit [a/r/e/c/s/q]? ", end="", flush=True)
            answer = stdin.readline()
            if not answer:
                answer = "q"
            word = answer.strip().lower()[:1]
            if word in ("a", "r", "e", "c", "s", "q"):
                break
            print(f"  {answer.strip()!r} is not one of a, r, e, c, s, q")
        if word == "q":
            break
        if word == "s":
            continue
        try:
            _decide(p, word, stdin)
        except AgreementTrackerError as error:
            print(f"  not changed: {error}")
            continue
        decided += 1
        write_review(drafted, args.review)
    left = len(drafted.pending)
    print(f"{decided} decided, {left} pending in {args.review}")
    return 0


def _decide(p: Proposal, word: str, stdin: TextIO) -> None:
    import tomllib

    if word == "a":
        p.accept()
    elif word == "r":
        p.reject()
    elif word == "c":
        print("candidate number or record id: ", end="", flush=True)
        choice = stdin.readline().strip()
        if choice.isdigit() and 1 <= int(choice) <= len(p.candidates):
            choice = p.candidates[int(choice) - 1]
        p.choose(choice)
    else:
        print('new value (TOML, e.g. "2025-11-04" or 18): ', end="", flush=True)
        raw = stdin.readline().strip()
        try:
            value = tomllib.loads(f"value = {raw}")["value"]
        except tomllib.TOMLDecodeError:
            value = raw  # plain text without quotes
        p.edit(value=value)


def _apply(args: argparse.Namespace) -> int:
    from agreement_tracker.dataset import Tracker

    from .review import read_review

    folder = Path(args.dataset)
    tracker = Tracker.from_path(folder)
    drafted = read_review(args.review, tracker=tracker)
    accepted = [p for p in drafted.proposals if p.accepted]
    if not accepted:
        print(f"nothing to apply: no proposal in {args.review} is accepted")
        return 1
    changed = drafted.apply()
    kept = _kept_files(folder)
    changed.save(folder)
    for relative, data in kept.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    again = Tracker.from_path(folder)
    print(f"applied {len(accepted)} proposals to {folder}: {again!r}")
    return 0


def _kept_files(folder: Path) -> dict[Path, bytes]:
    """The files under ``reviews/``, which saving the dataset would not keep."""
    reviews = folder / "reviews"
    if not reviews.is_dir():
        return {}
    return {p.relative_to(folder): p.read_bytes() for p in reviews.rglob("*") if p.is_file()}
