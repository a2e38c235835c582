"""The ``agreement-tracker`` command (also ``python -m agreement_tracker``).

Every command prints a table of the bundled dataset; ``--format`` takes any ``tabulate``
format and ``--columns`` picks columns.  Bad arguments print one line and exit with
status 2.

>>> main(["meetings", "--series", "JWG", "--columns", "id,number,place"])
Meetings
<BLANKLINE>
id      no.    place
------  -----  ----------------
jwg-16  16     India
jwg-17  17     Tel Aviv, Israel
0
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from .dataset import Tracker, load
from .dates import to_date
from .exceptions import AgreementTrackerError, ArgumentError
from .query import Mode

__all__ = ["main"]

_EPILOG = """\
examples:
  agreement-tracker summary
  agreement-tracker agreements --domain "cyber security"
  agreement-tracker meetings --series JWG --since-last --as-of 2025-11-01
  agreement-tracker timeline --from 2025-07 --to 2025-11
  agreement-tracker timeline --since-last JWG --as-of 2025-11-30
  agreement-tracker search Elbit --format csv
  agreement-tracker involving Rafael
  agreement-tracker people --format github
  agreement-tracker discrepancies --format rounded_grid
  agreement-tracker sources --cited
  agreement-tracker validate my-dataset/ --base bundled
  agreement-tracker export --format sqlite india-israel.db
  agreement-tracker draft article.txt --dataset my-dataset --published 2025-11-06 -o review.toml
  agreement-tracker export --format sqlite india-israel.db
"""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit with status 2."""

    def error(self, message: str) -> Any:  # argparse declares NoReturn
        self.exit(2, f"agreement-tracker: error: {message}\n")


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        default="simple",
        metavar="FMT",
        help="simple, csv, tsv, markdown, html, github, rounded_grid, latex_booktabs ...",
    )
    parser.add_argument(
        "--columns", metavar="A,B", help="comma-separated columns to show, in order"
    )
    parser.add_argument(
        "--cited", action="store_true", help="add a column with each row's source ids"
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="agreement-tracker",
        description="Tables from the bundled India–Israel defence relations dataset.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    summary = commands.add_parser("summary", help="counts, series, agreements and latest news")
    summary.add_argument(
        "--as-of", metavar="DATE", help="day for 'since the last' (default: today)"
    )

    agreements = commands.add_parser("agreements", help="agreements, optionally by focus area")
    agreements.add_argument("--domain", metavar="D", help='focus area, e.g. "cyber security"')
    agreements.add_argument("--kind", metavar="K", help="mou, treaty, agreement ...")
    _add_output_options(agreements)

    meetings = commands.add_parser("meetings", help="meetings, optionally of one series")
    meetings.add_argument("--series", metavar="S", help="series name, e.g. JWG")
    meetings.add_argument(
        "--since-last", action="store_true", help="only meetings since the series' last session"
    )
    meetings.add_argument(
        "--as-of",
        metavar="DATE",
        help="only meetings known to have taken place by this day (default: today)",
    )
    _add_output_options(meetings)

    _add_timeline_commands(commands)
    _add_dataset_commands(commands)
    for name, text in (
        ("people", "people and their roles"),
        ("delegations", "delegations and their itineraries"),
        ("sources", "the source documents"),
        ("discrepancies", "where the sources disagree"),
        ("events", "context events"),
    ):
        _add_output_options(commands.add_parser(name, help=text))
    return parser


def _add_timeline_commands(commands: Any) -> None:
    """The commands that answer with timeline entries: timeline, search, involving."""
    timeline = commands.add_parser("timeline", help="everything in date order")
    timeline.add_argument("--from", dest="start", metavar="DATE", help="first day (inclusive)")
    timeline.add_argument("--to", dest="end", metavar="DATE", help="last day (inclusive)")
    timeline.add_argument(
        "--possible",
        action="store_true",
        help="also records whose imprecise date may fall in the window",
    )
    timeline.add_argument(
        "--since-last", metavar="SERIES", help="only what happened since SERIES last met"
    )
    timeline.add_argument("--as-of", metavar="DATE", help="day for --since-last (default: today)")
    _add_output_options(timeline)

    search = commands.add_parser("search", help="records whose text mentions a word")
    search.add_argument("text", metavar="TEXT", help="words to find (case and accents ignored)")
    search.add_argument(
        "--partial", action="store_true", help="also find the text inside longer words"
    )
    _add_output_options(search)

    involving = commands.add_parser(
        "involving", help="the timeline of a person, an organisation or a country"
    )
    involving.add_argument("name", metavar="NAME", help="a name, alias, id or country")
    _add_output_options(involving)


def _add_dataset_commands(commands: Any) -> None:
    """The commands about whole datasets: validate, export, draft, review and apply."""
    check = commands.add_parser(
        "validate",
        help="check a dataset folder or file; exit 1 if it has problems",
        description="Report every problem in a dataset (a folder, .toml or .json file) at "
        "once, each with file, line, record id and field. Exit status 1 when problems are "
        "found, 0 when the dataset is clean, 2 when there is no dataset at PATH.",
    )
    check.add_argument("path", metavar="PATH", help="dataset folder, .toml or .json file")
    check.add_argument(
        "--base",
        metavar="BASE",
        help="the dataset PATH adds to: 'bundled' or a dataset path (its ids may be named)",
    )

    from .export import FORMATS

    out = commands.add_parser("export", help="write the dataset for other tools")
    out.add_argument("--format", required=True, choices=sorted(FORMATS), help="what to write")
    out.add_argument("path", metavar="PATH", help="the file or folder to write")
    out.add_argument("--data", metavar="DATASET", help="a dataset to export (default: bundled)")

    from .drafting import cli as drafting_cli

    drafting_cli.add_commands(commands)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Errors print one line to standard error and return 2:

    >>> main(["agreements", "--domain", "cyber securty"])
    2
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    from .drafting import cli as drafting_cli

    if args.command in drafting_cli.COMMANDS:
        return drafting_cli.run(args)
    if args.command == "validate":
        return max(_validate(args.path, args.base), drafting_cli.pending_status(args))
    if args.command == "export":
        try:
            tracker = Tracker.from_path(args.data) if args.data else load()
            print(f"wrote {tracker.export(args.format, args.path)}")
        except (AgreementTrackerError, OSError, ImportError) as error:
            return _failed(error)
        return 0
    if args.command is None:
        args.command, args.as_of = "summary", None
    try:
        text = _run(args, load())
    except (AgreementTrackerError, ValueError, LookupError, TypeError) as error:
        return _failed(error)
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (``| head``) went away: stop quietly, as command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def _failed(error: BaseException) -> int:
    """Print ``error`` as one line (control characters removed); return status 2."""
    from .render import strip_controls

    print(f"agreement-tracker: error: {strip_controls(str(error))}", file=sys.stderr)
    return 2


def _validate(path: str, base_path: str | None = None) -> int:
    """Print every problem with its file and line; 1 if any, else 0 (2: no such path)."""
    from pathlib import Path

    from .exceptions import DatasetError
    from .render import strip_controls
    from .storage import locate_all

    if not os.path.lexists(path):
        shown = strip_controls(repr(path))
        print(f"agreement-tracker: error: no dataset at {shown}", file=sys.stderr)
        return 2
    try:
        base = None
        if base_path is not None:
            base = load() if base_path == "bundled" else Tracker.from_path(base_path)
    except DatasetError as error:
        print(f"agreement-tracker: error: the base dataset has problems: {error}", file=sys.stderr)
        return 2
    try:
        tracker = Tracker.from_path(path, base=base)
    except DatasetError as error:
        problems = error.problems
    else:
        print(f"{path}: ok: {tracker!r}")
        return 0
    for problem, found in zip(problems, locate_all(Path(path), problems), strict=True):
        prefix = f"{found[0]}:{found[1]}: " if found else f"{path}: "
        print(strip_controls(prefix + problem))
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
    return 1


def _run(args: argparse.Namespace, tracker: Tracker) -> str:
    from .summaries import summary

    if args.command == "summary":
        as_of = None if args.as_of is None else to_date(args.as_of, what="--as-of")
        return summary(tracker, as_of=as_of)
    from .render import check_format

    check_format(args.format)
    columns = None if args.columns is None else [c.strip() for c in args.columns.split(",")]
    if columns is not None and not all(columns):
        raise ArgumentError(f"--columns {args.columns!r} names an empty column")
    records: Any
    if args.command == "agreements":
        records = tracker.agreements_about(args.domain, kind=args.kind)
    elif args.command == "meetings":
        as_of = None if args.as_of is None else to_date(args.as_of, what="--as-of")
        if args.since_last:
            if args.series is None:
                raise ArgumentError("--since-last needs --series")
            table = tracker.tables.since_last(args.series, as_of=as_of)
            chosen = table.select(columns) if columns else table
            return _titled(chosen, args.format)
        records = (
            tracker.meetings_in_series(args.series) if args.series is not None else tracker.meetings
        )
        if as_of is not None:
            records = tracker.known_by(records, as_of)
    elif args.command == "search":
        records = tracker.search(args.text, whole_word=not args.partial)
    elif args.command == "involving":
        records = tracker.involving(args.name)
    elif args.command == "timeline" and args.since_last is not None:
        if args.start or args.end or args.possible:
            raise ArgumentError("--since-last goes without --from, --to and --possible")
        as_of = None if args.as_of is None else to_date(args.as_of, what="--as-of")
        records = tracker.since_last(args.since_last, as_of=as_of)
    elif args.command == "timeline":
        if args.as_of is not None:
            raise ArgumentError("--as-of goes with --since-last")
        if args.start is None and args.end is None:
            if args.possible:
                raise ArgumentError("--possible needs --from or --to")
            records = tracker.timeline()
        else:
            mode: Mode = "possible" if args.possible else "certain"
            start = args.start or "0001-01-01"
            end = args.end or "9999-12-31"
            records = tracker.between(start, end, mode=mode)
    elif args.command == "discrepancies" and columns is None and not args.cited:
        return _titled(tracker.tables.discrepancies(), args.format)
    else:
        records = {
            "people": tracker.people,
            "delegations": tracker.delegations,
            "sources": tracker.sources,
            "discrepancies": tracker.discrepancies(),
            "events": tracker.events,
        }[args.command]
    return _titled(records.as_table(columns, cited=args.cited), args.format)


def _titled(table: Any, fmt: str) -> str:
    """The table in ``fmt``; plain-text formats get the title and a note when empty."""
    if fmt == "simple":
        return str(table)
    body: str = table.table(fmt)
    if fmt in ("csv", "tsv"):
        return body.removesuffix("\n")  # print() ends the last row
    if fmt in ("plain", "grid", "rounded_grid", "rounded_outline", "fancy_grid", "outline"):
        return f"{table.title}\n\n{body}" + ("" if len(table) else "\n(no rows)")
    return body
