"""Tables and the summary: text, Markdown and HTML renderings, and escaping."""

from __future__ import annotations

import pytest

import agreement_tracker as at
from agreement_tracker.render import Table, escape_markdown, summary

HOSTILE = "<script>alert('x')</script> | **bold**"


def test_text_table() -> None:
    """str() gives a plain text table with the title above it."""
    table = Table(["id", "note"], [["a", "first"], ["b", None]], title="Notes")
    assert str(table) == "Notes\n\nid    note\n----  ------\na     first\nb"


def test_long_cells_wrap_in_text_but_not_in_markdown() -> None:
    """Text output wraps cells at the table's width; Markdown keeps one line per row."""
    table = Table(["text"], [["word " * 12]], wrap=20)
    assert str(table).splitlines()[2:] == [
        "word word word word",
        "word word word word",
        "word word word word",
    ]
    assert len(table.to_markdown().splitlines()) == 3


def test_html_escapes_every_cell() -> None:
    """_repr_html_ escapes data in cells and in the title."""
    html = Table(["name"], [[HOSTILE]], title=HOSTILE)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_markdown_escapes_pipes_and_html() -> None:
    """Markdown output escapes |, < and > so a cell cannot break the table or inject markup."""
    markdown = Table(["name"], [[HOSTILE]]).to_markdown()
    assert markdown.splitlines()[2] == (
        "| &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; \\| **bold** |"
    )
    assert escape_markdown("a\nb") == "a<br>b"


def test_unsafe_html_format_is_refused() -> None:
    """The unsafehtml format, which passes markup through, is refused."""
    with pytest.raises(
        ValueError, match=r"^format 'unsafehtml' does not escape cells; use 'html' instead$"
    ):
        Table(["a"], [["b"]]).table("unsafehtml")


def test_any_tabulate_format_and_column_choice() -> None:
    """table() takes any tabulate format and a choice of columns."""
    table = Table(["a", "b"], [["1", "2"]])
    assert (
        table.table("rounded_grid", columns=["b"]) == "╭─────╮\n│ b   │\n├─────┤\n│ 2   │\n╰─────╯"
    )
    with pytest.raises(ValueError, match=r"^unknown column 'c'; the table has 'a', 'b'$"):
        table.table(columns=["c"])


def test_ragged_rows_are_rejected() -> None:
    """A row with the wrong number of cells is an error naming the row."""
    with pytest.raises(ValueError, match=r"^row 1 has 1 cells but the table has 2 columns$"):
        Table(["a", "b"], [["1", "2"], ["3"]])


def test_series_table(tracker: at.Tracker) -> None:
    """The JWG table gives number, date, place, co-chairs and the gap since the previous session."""
    assert tracker.tables.series("JWG").rows == (
        ("16", "2024-07", "India", "unknown", ""),
        ("17", "2025-11-04", "Tel Aviv, Israel", "Rajesh Kumar Singh, Amir Baram", "~16 months"),
    )


def test_agreements_and_counts_tables(tracker: at.Tracker) -> None:
    """The agreements and counts tables hold the bundled figures."""
    (row,) = tracker.agreements.as_table().rows
    assert row[:5] == (
        "mou-2025-11-defence-cooperation",
        "MoU",
        "2025-11-04",
        "Tel Aviv, Israel",
        "Rajesh Kumar Singh, Amir Baram",
    )
    assert row[5].startswith("Artificial Intelligence, Cyber Security, Defence innovation")
    assert dict(tracker.tables.counts().rows) == {  # type: ignore[arg-type]
        "agreements": "1",
        "meetings": "6",
        "delegations": "3",
        "people": "8",
        "organisations": "10",
        "focus areas": "22",
        "meeting series": "1",
        "events": "10",
        "sources": "5",
        "discrepancies": "2",
    }


def test_summary_as_of(tracker: at.Tracker) -> None:
    """The summary names the last JWG and what followed it as of the given day."""
    text = summary(tracker, as_of="2025-11-01")
    assert "Meetings since the last JWG (jwg-16, 2024-07)" in text
    assert "singh-baram-2025-07-23" in text
    assert "Disagreements between sources" in text
