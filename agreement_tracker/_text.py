"""Small text helpers: close-match suggestions, lists in messages, normalisation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

__all__ = [
    "NUMBER_WORDS",
    "close_matches",
    "drop_invisible",
    "fold_text",
    "is_blank",
    "name_key",
    "normalise_quote",
    "normalise_text",
    "or_list",
    "path_key",
]

#: The English words for the numbers zero to twelve, each at its own index.
NUMBER_WORDS: tuple[str, ...] = ("zero", "one", "two", "three", "four", "five", "six")
NUMBER_WORDS += ("seven", "eight", "nine", "ten", "eleven", "twelve")

_WS = re.compile(r"\s+")
_NAME_PUNCT = re.compile(r"[^\w\s]")

# Letters that display as nothing: the Hangul fillers (default-ignorable code points that
# Unicode nevertheless files as letters), and the braille blank, a symbol shown as a blank.
_BLANK_SYMBOLS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Categories that show nothing on their own: format characters (zero-width spaces and
# joiners, direction marks, the byte-order mark, soft hyphens, tags), control characters
# and combining marks, which show only on a letter before them.
_BLANK_CATEGORIES = frozenset({"Cf", "Cc", "Mn", "Mc", "Me"})


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


def is_blank(text: str) -> bool:
    r"""Whether ``text`` shows nothing: it holds no character that displays on its own.

    Whitespace, format characters (category Cf: zero-width spaces and joiners, direction
    marks, the byte-order mark), control characters, combining marks with no letter to
    sit on and the characters that render as a blank (Hangul fillers, the braille blank)
    all count as nothing.  One visible character, anywhere, makes the text non-blank.

    >>> is_blank(" \u200b\u200d\t"), is_blank("\u0301\u0308"), is_blank("\u3164")
    (True, True, True)
    >>> is_blank("e\u0301"), is_blank("\u200bAmir"), is_blank("\u0938\u093e")
    (False, False, False)
    """
    for char in text:
        if not (
            char.isspace()
            or char in _BLANK_SYMBOLS
            or unicodedata.category(char) in _BLANK_CATEGORIES
        ):
            return False
    return True


def drop_invisible(text: str) -> str:
    r"""``text`` without its format characters, the ones that take no room in a line.

    Removes category Cf (zero-width spaces and joiners, direction marks, the byte-order
    mark, soft hyphens, word joiners); keeps whitespace, letters and combining marks, so
    the text looks as it did.

    >>> drop_invisible("Ami\u200br\u00ad Ba\u2060ram")
    'Amir Baram'
    """
    if text.isascii():
        return text  # no ASCII character is a format character
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def normalise_quote(text: str) -> str:
    r"""Text as quotes are matched against their sources: NFC, whitespace normalised.

    A quote typed with precomposed letters matches a source saved with combining
    accents, and the reverse; otherwise it is :func:`normalise_text`.

    >>> normalise_quote("Jose\u0301  Pe\u0301rez\n") == normalise_quote("Jos\u00e9 P\u00e9rez")
    True
    """
    return normalise_text(unicodedata.normalize("NFC", text))


def name_key(name: str) -> str:
    r"""A name as look-ups compare it: NFC, case, punctuation and spacing ignored.

    Format characters, which take no room (see :func:`drop_invisible`), are dropped: a
    name with a zero-width space inside has the key of the name it looks like.

    >>> name_key("Dr. S  Jaishankar") == name_key("dr s jaishankar")
    True
    >>> name_key("Jose\u0301 Pe\u0301rez") == name_key("Jos\u00e9 P\u00e9rez")
    True
    >>> name_key("Ami\u200br Baram") == name_key("Amir Baram")
    True
    """
    folded = unicodedata.normalize("NFC", drop_invisible(name)).casefold()
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
