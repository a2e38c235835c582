"""The ``agreement-tracker`` command (also ``python -m agreement_tracker``).

>>> main(["summary", "--as-of", "2025-11-30"])  # doctest: +ELLIPSIS
India–Israel defence relations, July 2024 – November 2025 (data version 1.0.0)
...
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .dataset import Tracker, load
from .dates import to_date
from .exceptions import AgreementTrackerError

__all__ = ["main"]

_EPILOG = """\
examples:
  agreement-tracker summary
  agreement-tracker summary --as-of 2025-11-01
"""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit with status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="agreement-tracker",
        description="Query the bundled India–Israel defence relations dataset.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    summary = commands.add_parser("summary", help="print a summary of the dataset")
    summary.add_argument(
        "--as-of", metavar="DATE", help="day for 'since the last meeting' (default: today)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Errors print one line to standard error and return 2:

    >>> main(["summary", "--as-of", "2025-11"])
    2
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command = "summary"
        args.as_of = None
    try:
        return _run(args, load())
    except AgreementTrackerError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace, tracker: Tracker) -> int:
    from .render import summary

    as_of = None if args.as_of is None else to_date(args.as_of, what="as_of")
    print(summary(tracker, as_of=as_of))
    return 0
