"""Tables and the summary: text, Markdown and HTML renderings, and escaping."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import agreement_tracker as at
from agreement_tracker import render
from agreement_tracker.render import Table, escape_markdown
from agreement_tracker.summaries import summary

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
        "| &lt;script&gt;alert\\('x'\\)&lt;/script&gt; \\| **bold** |"
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
        (
            "17",
            "[2025-11..2025-11-04]/[2025-11..2025-11-06]",
            "Tel Aviv, Israel",
            "Rajesh Kumar Singh, Amir Baram",
            "~16 months",
        ),
    )


def test_agreements_and_counts_tables(tracker: at.Tracker) -> None:
    """The agreements and counts tables hold the bundled figures."""
    (row,) = tracker.agreements.as_table().rows
    assert row[:5] == (
        "mou-2025-11-defence-cooperation",
        "MoU",
        "2025-11-04",  # only the IANS report gives the day
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
        "focus areas": "23",
        "meeting series": "1",
        "events": "6",
        "statements": "8",
        "facts about relationships": "8",
        "materiel": "2",
        "sources": "5",
        "discrepancies": "1",
    }


def test_a_disputed_value_is_marked_in_tables(tracker: at.Tracker) -> None:
    """A set field that sources disagree on shows its value marked "(disputed)"."""
    mou = tracker.agreement("mou-2025-11-defence-cooperation")
    rival = at.Claim(
        field="signed",
        value="2025-11-05",
        citation=at.Citation(source="report-2025-11-05", quote="date 2025-11-05"),
    )
    ians = next(c for c in mou.citations if "signed" in c.supports)
    agreed = at.Claim(field="signed", value="2025-11-04", citation=ians)
    disputed = attrs.evolve(mou, claims=(*mou.claims, agreed, rival))
    (row,) = tracker.with_records(disputed, on_conflict="replace").agreements.as_table().rows
    assert row[2] == "2025-11-04 (disputed)"


def test_summary_as_of(tracker: at.Tracker) -> None:
    """The summary names the last JWG and what followed it as of the given day."""
    text = summary(tracker, as_of="2025-11-01")
    assert "Meetings since the last JWG (jwg-16, 2024-07)" in text
    assert "singh-baram-2025-07-23" in text
    assert "Disagreements between sources" in text


# ------------------------------------------------------------------ golden files

GOLDEN = Path(__file__).parent / "golden"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8"), f"{name} differs; rerun with UPDATE_GOLDEN=1 to review"


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("summary.txt", lambda t: summary(t, as_of="2025-11-30")),
        ("jwg.txt", lambda t: str(t.tables.series("JWG"))),
        ("jwg.md", lambda t: t.tables.series("JWG").to_markdown()),
        ("jwg.html", lambda t: t.tables.series("JWG")._repr_html_()),
        ("timeline.txt", lambda t: str(t.tables.timeline())),
        ("timeline.md", lambda t: t.timeline().to_markdown()),
        ("timeline.html", lambda t: t.timeline()._repr_html_()),
        ("focus_matrix.md", lambda t: t.tables.focus_matrix().to_markdown()),
        ("people.txt", lambda t: str(t.tables.people())),
        ("delegations.txt", lambda t: str(t.tables.delegations())),
        ("sources.md", lambda t: t.tables.sources().to_markdown()),
        ("discrepancies.txt", lambda t: str(t.tables.discrepancies())),
        ("discrepancies.html", lambda t: t.tables.discrepancies()._repr_html_()),
    ],
)
def test_golden_renderings(
    tracker: at.Tracker, name: str, make: Callable[[at.Tracker], str]
) -> None:
    """The main summaries render exactly as pinned in tests/golden."""
    _golden(name, make(tracker) + "\n")


# ------------------------------------------------------------------ escaping data


def _hostile_tracker() -> at.Tracker:
    text = "A report about <script>alert(1)</script> and a | pipe."
    source = at.Source(id="s", text_file="s.txt", text=text)
    person = at.Person(
        id="x",
        name="<script>alert(1)</script>",
        aliases=("a | pipe",),
        citations=(at.Citation(source="s", quote="<script>alert(1)</script>", supports=("name",)),),
    )
    return at.Tracker([source, person])


def test_script_in_a_name_is_escaped_in_html_and_markdown() -> None:
    """A <script> tag or a | in a person's name cannot inject markup or break a table."""
    people = _hostile_tracker().people
    html = people._repr_html_()
    markdown = people.to_markdown(["name", "aliases"])
    for rendered in (html, markdown):
        assert "<script>" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert markdown.splitlines()[2] == (
        "| &lt;script&gt;alert\\(1\\)&lt;/script&gt; | a \\| pipe     |"
    )
    assert people.table("html").count("<td") == 3


# ------------------------------------------------------------------ records, extras


def test_records_are_tuples_that_render(tracker: at.Tracker) -> None:
    """Collections stay tuples (equality, indexing) while rendering as tables."""
    jwgs = tracker.meetings_in_series("JWG")
    assert jwgs[1].number == 17
    assert str(jwgs).splitlines()[0] == "Meetings"
    assert repr(jwgs) == str(jwgs)
    assert jwgs.as_table(cited=True).rows[0][-1] == "key-ally-2025-07, ani-2025-07-24"
    assert jwgs == (tracker.meeting("jwg-16"), tracker.meeting("jwg-17"))


def test_unknown_column_is_an_error_with_suggestion(tracker: at.Tracker) -> None:
    """Asking for a column that does not exist names the closest one."""
    with pytest.raises(
        ValueError, match=r"^unknown column 'dat' for meeting records; did you mean 'date'\?"
    ):
        tracker.meetings.table(columns=["dat"])


def test_citations_view(tracker: at.Tracker) -> None:
    """.sources() lists each row's quotes with the fields they support."""
    view = tracker.meetings_in_series("JWG").sources()
    assert len(view) == 14
    assert view.rows[2] == (
        "jwg-17",
        "kind, series, number, place, participants, co_chairs",
        "report-2025-11-05",
        "The MoU was formalised in Tel Aviv during the 17th India-Israel Joint Working Group "
        "(JWG) meeting on Defence Cooperation, co-chaired by Defence Secretary Rajesh Kumar "
        "Singh and Major General (Res.) Amir Baram",
    )


def test_to_dataframe_keeps_dates_and_precision(tracker: at.Tracker) -> None:
    """to_dataframe() gives real datetime columns and keeps each date's precision."""
    pd = pytest.importorskip("pandas")
    frame = tracker.meetings_in_series("JWG").to_dataframe()
    assert list(frame["id"]) == ["jwg-16", "jwg-17"]
    assert list(frame["date"]) == ["2024-07", "[2025-11..2025-11-04]/[2025-11..2025-11-06]"]
    assert list(frame["precision"]) == [
        "month",
        "month range, start one of 4 days, end one of 6 days",
    ]
    assert list(frame["earliest"]) == [pd.Timestamp("2024-07-01"), pd.Timestamp("2025-11-01")]
    assert list(frame["latest"]) == [pd.Timestamp("2024-07-31"), pd.Timestamp("2025-11-06")]
    assert str(frame["earliest"].dtype).startswith("datetime64")
    timeline = tracker.timeline().to_dataframe()
    assert (len(timeline), timeline["earliest"].isna().sum()) == (34, 13)


def test_plot_marks_imprecise_dates_as_spans(tracker: at.Tracker) -> None:
    """The timeline plot draws exact days as points and imprecise dates as bars."""
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    ax = tracker.timeline().plot()
    points = [line for line in ax.get_lines() if line.get_marker() == "o" and line.get_xdata().size]
    bars = ax.patches
    assert (len(points), len(bars)) == (8, 16)  # two visits dated by their engagements
    assert ax.texts[0].get_text().startswith("Not dated in the sources: Israel, one of India's")
    with pytest.raises(TypeError, match=r"^person records have no dates to plot$"):
        tracker.people.plot()


def test_slices_filters_and_sorts_stay_tables(tracker: at.Tracker) -> None:
    """A slice, filter() and sorted() of Records are Records of the same kind and tracker."""
    first = tracker.meetings[:2]
    assert isinstance(first, at.Records)
    assert (first.kind, [m.id for m in first]) == ("meeting", ["jwg-16", "doval-baram-2025-07"])
    numbered = tracker.meetings.filter(lambda m: m.number is not None)
    assert [m.id for m in numbered] == ["jwg-16", "jwg-17"]
    assert "Rajesh Kumar Singh" in str(numbered)
    by_name = tracker.people.sorted(lambda p: p.name)
    assert [p.name for p in by_name][:3] == ["Aditya Raj Kaul", "Ajit Doval", "Amir Baram"]
    assert by_name.kind == "person"
    assert tracker.meetings[0].id == "jwg-16"


# ------------------------------------------------------------------ hostile text, every format

PAYLOADS = (
    "\x1b]0;owned\x07\x1b[2Jcleared",
    "a | forged | cell",
    "line one\nforged row",
    "tab\tforged",
    ".. include:: /etc/passwd",
    "\\input{/etc/passwd}",
    "[click](javascript:alert(1)) ![img](http://example.com/x.png)",
    '=HYPERLINK("http://example.com")',
    "<script>alert(1)</script>",
)


@pytest.mark.parametrize("fmt", sorted({*render.table_formats(), *render.REFUSED_FORMATS}))
def test_every_format_escapes_or_refuses_text_from_data(fmt: str) -> None:
    """No format lets data carry escapes, markup, links or forged cells: escaped or refused."""
    table = Table(["payload"], [[p] for p in PAYLOADS])
    if fmt in render.REFUSED_FORMATS:
        with pytest.raises(ValueError, match=rf"^format '{fmt}' "):
            table.table(fmt)
        return
    out = table.table(fmt)
    assert "\x1b" not in out
    assert "\x07" not in out
    if fmt in ("html", "github", "pipe", "markdown"):
        assert "<script>" not in out
    if fmt.startswith("latex"):
        assert "\\input{" not in out
    if fmt in ("github", "pipe", "markdown"):
        assert "](" not in out
        assert "[click]" not in out
        assert all(line.count("|") - line.count("\\|") == 2 for line in out.splitlines())
    if fmt in ("csv", "tsv"):
        import csv
        import io

        rows = list(csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
        assert len(rows) == len(PAYLOADS) + 1
        assert rows[8] == ['\'=HYPERLINK("http://example.com")']
        assert rows[3] == ["line one\nforged row"]


def test_terminal_escapes_are_stripped_from_records_and_titles() -> None:
    """Escape sequences and control characters never reach a printed table."""
    source = at.Source(id="s", text_file="s.txt", text="x")
    person = at.Person(
        id="x",
        name="Eve\x1b[2J\x1b]8;;http://example.com\x1b\\link\x1b]8;;\x1b\\\x9b",
        citations=(at.Citation(source="s", quote="x", supports=("name",)),),
    )
    shown = str(at.Tracker([source, person]).people)
    assert "\x1b" not in shown
    assert "\x9b" not in shown
    assert "Evelink" in shown


def test_csv_neutralises_formulas_unless_asked_for_raw_values() -> None:
    """Cells starting with = + - @ tab or CR get a quote; raw=True keeps them."""
    table = Table(["a"], [["=1"], ["+1"], ["-1"], ["@x"], ["\tx"], ["ok"]])
    assert table.to_csv().splitlines()[1:] == ["'=1", "'+1", "'-1", "'@x", "'\tx", "ok"]
    assert table.to_csv(raw=True).splitlines()[1:] == ["=1", "+1", "-1", "@x", "\tx", "ok"]


def test_html_is_left_aligned_keeps_line_breaks_and_does_not_break_ids() -> None:
    """Jupyter tables are left-aligned, keep line breaks and never break ids or dates."""
    html = Table(["id", "itinerary"], [["jwg-17", "one\ntwo"]])._repr_html_()
    left = "text-align: left; vertical-align: top"
    assert f'<th style="{left}">itinerary</th>' in html
    assert f'<td style="{left}; white-space: nowrap">jwg-17</td>' in html
    assert f'<td style="{left}">one<br>two</td>' in html


def test_a_wrong_format_lists_the_valid_ones() -> None:
    """An unknown format with no close match lists every valid format."""
    with pytest.raises(ValueError, match=r"^unknown table format 'xyz'; choose one of csv, "):
        Table(["a"], [["b"]]).table("xyz")


def test_dataframe_columns_are_the_table_names_with_ids_beside_names(
    tracker: at.Tracker,
) -> None:
    """A DataFrame's columns are the names columns= takes; ids stand beside names."""
    frame = tracker.agreements.to_dataframe()
    assert list(frame.columns) == [
        "id", "kind", "title", "signed", "place", "parties", "signatories", "signatories_ids",
        "focus_areas", "focus_areas_ids", "meeting", "meeting_ids", "status",
        "earliest", "latest", "precision",
    ]  # fmt: skip
    assert frame["signatories_ids"][0] == "rajesh-kumar-singh, amir-baram"
    assert frame["signed"][0] == "2025-11-04"  # the value itself, as a plain string
    visits = tracker.delegations.to_dataframe()
    assert list(visits["leader_ids"]) == ["amir-baram", "gideon-saar", "rajesh-kumar-singh"]
    assert "route" in visits.columns


def test_to_dataframe_and_plot_with_open_date_ends() -> None:
    """An open end is a missing (NaT) earliest or latest, and the plot keeps to written days."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    import matplotlib

    from . import open_dates

    matplotlib.use("Agg")
    timeline = open_dates.tracker().timeline()
    frame = timeline.to_dataframe().set_index("id")
    assert pd.isna(frame.loc["rising-lion", "earliest"])
    assert frame.loc["rising-lion", "latest"] == pd.Timestamp("2025-07-23")
    assert frame.loc["after-nov", "earliest"] == pd.Timestamp("2025-11-01")
    assert pd.isna(frame.loc["after-nov", "latest"])
    assert frame.loc["sindoor", "precision"] == "day range, end one of 3 days"
    ax = timeline.plot()
    epoch = datetime.date(1970, 1, 1)  # matplotlib's day numbers count from it
    low, high = ((epoch + datetime.timedelta(days=x)).isoformat() for x in ax.get_xlim())
    assert "2025-04-01" <= low <= "2025-04-30"  # before-range ends 2025-04-30
    assert "2025-11-30" <= high <= "2025-12-31"  # after-nov is written as 2025-11
