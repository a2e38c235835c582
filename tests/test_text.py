"""Tests for ``agreement_tracker._text``: blank text, format characters, quote and name keys."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agreement_tracker._text import (
    drop_invisible,
    is_blank,
    name_key,
    normalise_quote,
    normalise_text,
)

# ------------------------------------------------------------------------------ is_blank


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \t\n",
        "\u200b",  # zero-width space
        "\u200c\u200d",  # zero-width non-joiner and joiner
        "\u2060\ufeff",  # word joiner, byte-order mark
        "\u00ad",  # soft hyphen
        "\u200e\u200f\u202e",  # direction marks and an override
        "\U000e0041\U000e007f",  # tag characters
        "\u0301",  # a combining acute with no letter
        " \u0301\u0308 ",  # combining marks after a space only
        "\u20dd",  # an enclosing mark with nothing to enclose
        "\x00\x1b\x7f",  # control characters
        "\u3164\uffa0\u115f\u1160",  # the Hangul fillers
        "\u2800",  # the braille blank
        "\u2028\u2029\u00a0\u3000",  # line and paragraph separators, other spaces
    ],
)
def test_text_of_invisible_characters_is_blank(text: str) -> None:
    """Whitespace, format and control characters, baseless marks and blank letters show nothing."""
    assert is_blank(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "a",
        "e\u0301",
        "\u200bAmir",
        "Amir\u200b",
        "\u0301a",  # a stray mark first, then a letter
        "\u0938\u093e",  # Devanagari consonant with a vowel sign
        "\u05e1\u05d9\u05d9\u05d1\u05e8",
        "7",
        "-",
        "\U0001f680",
        "\ue000",  # private use: a font may draw it
    ],
)
def test_text_with_a_visible_character_is_not_blank(text: str) -> None:
    """One character that displays on its own makes text non-blank."""
    assert is_blank(text) is False


@given(st.text())
def test_blank_text_stays_blank_without_its_format_characters(text: str) -> None:
    """Dropping format characters never turns blank text into visible text, nor the reverse."""
    assert is_blank(drop_invisible(text)) == is_blank(text)


# ------------------------------------------------------------------------ drop_invisible


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Amir Baram", "Amir Baram"),
        ("Ami\u200br Baram", "Amir Baram"),
        ("\ufeffAmir\u2060 Baram\u200d", "Amir Baram"),
        ("Jos\u00e9", "Jos\u00e9"),
        ("Jose\u0301", "Jose\u0301"),  # combining marks are kept
        ("a\tb\n", "a\tb\n"),  # whitespace is kept
        ("\u200b", ""),
    ],
)
def test_drop_invisible(text: str, expected: str) -> None:
    """Format characters are removed; whitespace, letters and combining marks are kept."""
    assert drop_invisible(text) == expected


@given(st.text())
def test_drop_invisible_leaves_no_format_character(text: str) -> None:
    """What drop_invisible returns has no character of category Cf and keeps every other."""
    dropped = drop_invisible(text)
    assert [c for c in dropped if unicodedata.category(c) == "Cf"] == []
    assert dropped == "".join(c for c in text if unicodedata.category(c) != "Cf")


# ----------------------------------------------------------------------- normalise_quote


def test_normalise_quote_composes_and_collapses_whitespace() -> None:
    """A quote is compared in NFC with its whitespace normalised."""
    assert normalise_quote("  Jose\u0301\n\nPe\u0301rez ") == "Jos\u00e9 P\u00e9rez"


@given(st.text())
def test_normalise_quote_is_normalise_text_of_nfc(text: str) -> None:
    """normalise_quote differs from normalise_text only by composing to NFC first."""
    assert normalise_quote(text) == normalise_text(unicodedata.normalize("NFC", text))


# ------------------------------------------------------------------------------ name_key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Amir Baram", "amir baram"),
        ("Ami\u200br Baram", "amir baram"),
        ("Amir\u200b Baram", "amir baram"),
        ("\ufeffAmir Baram\u200d", "amir baram"),
        ("Amir\u200bBaram", "amirbaram"),  # looks like one word, and is keyed as one
        ("Jose\u0301 Pe\u0301rez", "jos\u00e9 p\u00e9rez"),
        ("Dr. S  Jaishankar", "dr s jaishankar"),
    ],
)
def test_name_key(name: str, expected: str) -> None:
    """Name keys are NFC, case-folded, without format characters, punctuation or extra spaces."""
    assert name_key(name) == expected


@given(st.text())
def test_names_that_look_alike_have_one_key(name: str) -> None:
    """A name with format characters added anywhere has the key of the name without them."""
    assert name_key("\u200b".join(name) + "\u2060") == name_key(name)
