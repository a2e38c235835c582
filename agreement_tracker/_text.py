"""Small text helpers: close-match suggestions, lists in messages, normalisation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

__all__ = ["close_matches", "fold_text", "name_key", "normalise_text", "or_list", "path_key"]

_WS = re.compile(r"\s+")
_NAME_PUNCT = re.compile(r"[^\w\s]")


def close_matches(
    wanted: str,
    candidates: Iterable[str],
    *,
    n: int = 3,
    key: Callable[[str], str] | None = None,
) -> list[str]:
    """Up to ``n`` candidates close to ``wanted``, best first.

    Candidates are compared through ``key`` (identity by default) by similarity ratio;
    when none is similar enough, candidates that start with or contain ``wanted`` (or
    that it contains) are offered instead.

    >>> close_matches("jwg", ["jwg-session", "talks"])
    ['jwg-session']
    >>> close_matches("cyber securty", ["Cyber Security", "Training"], key=str.lower)
    ['Cyber Security']
    """
    import difflib  # only error messages need it: keep it off the import path

    normal = key or (lambda text: text)
    display: dict[str, str] = {}
    for candidate in candidates:
        display.setdefault(normal(candidate), candidate)
    target = normal(wanted)
    keys = difflib.get_close_matches(target, list(display), n=n, cutoff=0.6)
    if not keys and target:
        keys = [k for k in display if k.startswith(target)]
        keys += [k for k in display if k not in keys and (target in k or k in target)]
    return [display[k] for k in keys[:n]]


def or_list(items: Iterable[str]) -> str:
    """Quote and join items as ``'a', 'b' or 'c'``.

    >>> or_list(["a", "b", "c"])
    "'a', 'b' or 'c'"
    """
    quoted = [repr(item) for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def normalise_text(text: str) -> str:
    r"""Collapse every run of whitespace to one space and strip the ends.

    This is the whitespace normalisation under which quotes must match their sources.

    >>> normalise_text("  India and\n\n Israel ")
    'India and Israel'
    """
    return _WS.sub(" ", text).strip()


def name_key(name: str) -> str:
    """A name as look-ups compare it: NFC, case, punctuation and spacing ignored.

    >>> name_key("Dr. S  Jaishankar") == name_key("dr s jaishankar")
    True
    >>> name_key("Jose\u0301 Pe\u0301rez") == name_key("Jos\u00e9 P\u00e9rez")
    True
    """
    folded = unicodedata.normalize("NFC", name).casefold()
    return " ".join(_NAME_PUNCT.sub(" ", folded).split())


def fold_text(text: str) -> str:
    """Text as searches compare it: accents dropped, case folded, spacing normalised.

    >>> fold_text("José  PÉREZ")
    'jose perez'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return normalise_text(bare.casefold())


def path_key(path: str) -> str:
    """How file paths are compared: two that one file system may take for one file match.

    >>> path_key("Sources/Re\u0301sume\u0301.txt") == path_key("sources/RÉSUMÉ.TXT")
    True
    """
    return unicodedata.normalize("NFC", path).casefold()
