"""``export()``, ``Tracker.export`` and ``agreement-tracker export``: one entry to every format."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest

import agreement_tracker as at
from agreement_tracker.cli import main
from agreement_tracker.export import FORMATS, export
from agreement_tracker.export._tables import ForeignKey

from . import open_dates


def test_unknown_format_is_refused_with_the_choices(tmp_path: Path) -> None:
    """An unknown format raises FieldValueError naming it and every format."""
    with pytest.raises(at.FieldValueError) as caught:
        export(at.load(), "xlsx", tmp_path / "x.xlsx")
    assert str(caught.value) == (
        "format: 'xlsx' is not an export format; choose one of datapackage, ics, parquet, "
        "report, sqlite"
    )
    assert list(tmp_path.iterdir()) == []


def test_cli_exports_the_bundled_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export --format sqlite PATH` writes the database and says where."""
    target = tmp_path / "t.db"
    assert main(["export", "--format", "sqlite", str(target)]) == 0
    assert capsys.readouterr().out == f"wrote {target}\n"
    db = sqlite3.connect(target)
    assert db.execute("select count(*) from meetings").fetchone() == (6,)
    db.close()


def test_cli_exports_a_users_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--data` exports another dataset: here the bundled data saved as one JSON file."""
    saved = at.load().save(tmp_path / "mine.json", format="json")
    target = tmp_path / "mine.ics"
    assert main(["export", "--format", "ics", str(target), "--data", str(saved)]) == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    capsys.readouterr()


def test_cli_refuses_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --format exits 2 with argparse's one-line message listing the choices."""
    with pytest.raises(SystemExit) as caught:
        main(["export", "--format", "xlsx", "out"])
    assert caught.value.code == 2
    assert "invalid choice: 'xlsx'" in capsys.readouterr().err


def test_cli_reports_a_bad_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A dataset that cannot be read gives one error line and status 2."""
    assert (
        main(["export", "--format", "sqlite", str(tmp_path / "t.db"), "--data", "nowhere.json"])
        == 2
    )
    assert capsys.readouterr().err.startswith("agreement-tracker: error: ")


def test_every_format_is_written_by_the_api(tmp_path: Path) -> None:
    """Tracker.export writes each format where it is told and returns that path."""
    t = at.load()
    for name in sorted(FORMATS):
        if name == "parquet":
            pytest.importorskip("duckdb")
        target = tmp_path / name
        assert t.export(name, target) == target
        assert target.exists()


def test_importing_the_library_imports_no_export() -> None:
    """`import agreement_tracker` loads no export module and no export tool."""
    code = (
        "import sys, agreement_tracker; "
        "print(sorted(m for m in sys.modules if m.startswith('agreement_tracker.export') "
        "or m.split('.')[0] in ('duckdb', 'frictionless', 'icalendar', 'sqlite3')))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout == "[]\n"


ROOT = Path(__file__).resolve().parents[1]


def test_citation_file_matches_the_package() -> None:
    """CITATION.cff names the library's version and the licence pyproject.toml states."""
    import tomllib

    text = (ROOT / "CITATION.cff").read_text("utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert f'version: "{at.__version__}"' in text.splitlines()
    assert f"license: {project['license']}" in text.splitlines()
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License\n")


def test_data_licence_file_names_the_datasets_licence() -> None:
    """LICENSE-DATA names the licence the bundled dataset.toml gives."""
    import tomllib

    data = tomllib.loads((ROOT / "agreement_tracker" / "data" / "dataset.toml").read_text("utf-8"))
    assert data["license"] == "CC-BY-4.0"
    assert f"SPDX-License-Identifier: {data['license']}" in (ROOT / "LICENSE-DATA").read_text(
        "utf-8"
    )


def test_folder_format_refuses_a_file(tmp_path: Path) -> None:
    """A folder export given an existing file says so and leaves the file alone."""
    target = tmp_path / "taken.txt"
    target.write_text("mine", "utf-8")
    with pytest.raises(at.FieldValueError) as caught:
        at.load().export("datapackage", target)
    assert str(caught.value) == (
        f"path: {str(target)!r} is a file; the datapackage export writes a folder"
    )
    assert target.read_text("utf-8") == "mine"


def test_files_get_the_usual_permissions(tmp_path: Path) -> None:
    """Exported files are readable as any file the user makes (the umask decides), not private."""
    plain = tmp_path / "plain.txt"
    plain.write_text("x", "utf-8")
    expected = plain.stat().st_mode & 0o777
    t = at.load()
    t.export("sqlite", tmp_path / "t.db")
    t.export("ics", tmp_path / "t.ics")
    t.export("report", tmp_path / "t.html")
    t.export("datapackage", tmp_path / "package")
    written = [tmp_path / n for n in ("t.db", "t.metadata.json", "t.ics", "t.html")]
    written += sorted((tmp_path / "package").iterdir())
    assert {p.stat().st_mode & 0o777 for p in written} == {expected}
    assert not [p for p in tmp_path.rglob(".*") if p.name.endswith(".tmp")]


def test_every_text_format_writes_open_ends_without_year_one_or_9999(tmp_path: Path) -> None:
    """No text export of dates with open ends holds the calendar's first or last day."""
    t = open_dates.tracker()
    for name in sorted(FORMATS):
        if name in ("parquet", "sqlite"):
            continue  # binary; their tests read the NULLs back
        target = tmp_path / name
        t.export(name, target)
        files = [target] if target.is_file() else sorted(target.rglob("*"))
        texts = [f.read_text("utf-8") for f in files if f.is_file()]
        assert texts, name
        for text in texts:
            assert "0001-01-01" not in text, name
            assert "9999-12-31" not in text, name
            assert "00010101" not in text, name
            assert "99991231" not in text, name


def test_a_source_published_on_or_after_a_month_has_no_year_in_bibtex() -> None:
    """An open-ended publication date gives no year, rather than 9999."""
    from agreement_tracker.export.citation import bibtex

    t = open_dates.tracker()
    source = attrs.evolve(t.source("s"), published=at.parse_when("[2025-11..]"))
    text = bibtex(t.with_records(source, on_conflict="replace"))
    entry = text[text.index("@misc{s,") :]
    assert "date = {[2025-11..]}" in entry
    assert "year = " not in entry
    closed = attrs.evolve(source, published=at.parse_when("[..2025-11-05]"))
    text = bibtex(t.with_records(closed, on_conflict="replace"))
    assert "year = {2025}" in text[text.index("@misc{s,") :]


def _tables_by_name() -> dict[str, Any]:
    from agreement_tracker.export._tables import build

    return {table.name: table for table in build(at.load())}


def test_every_kind_and_nested_value_has_its_table() -> None:
    """Each registered kind is a table keyed by id; each nested field a child table of it."""
    from agreement_tracker._kinds import KINDS, NESTED

    tables = _tables_by_name()
    for kind in KINDS.values():
        assert tables[kind.attribute].primary_key == ("id",)
        for field in NESTED.get(kind.cls, ()):
            child = tables[f"{kind.attribute}_{field}"]
            assert child.primary_key == ("record_id", "position")
            assert child.foreign_keys[0] == ForeignKey(("record_id",), kind.attribute, ("id",))
    unnamed = tables["delegations_engagements_unnamed"]
    assert unnamed.primary_key == ("record_id", "parent_position", "position")
    assert unnamed.foreign_keys == (
        ForeignKey(
            ("record_id", "parent_position"), "delegations_engagements", ("record_id", "position")
        ),
        ForeignKey(("organisation",), "organisations", ("id",)),
    )


def test_every_reference_is_a_foreign_key() -> None:
    """Each registered reference points at its kind's table, or at records for any kind."""
    from agreement_tracker._kinds import BY_CLASS, KINDS, NESTED, REFERENCES

    tables = _tables_by_name()
    names = {kind.key: kind.attribute for kind in KINDS.values()} | {"record": "records"}
    homes: dict[type[Any], list[str]] = {kind.cls: [kind.attribute] for kind in KINDS.values()}
    for cls, fields in NESTED.items():  # in registry order: a holder before what it holds
        for field in fields:
            item = typing.get_args(typing.get_type_hints(cls)[field])[0]
            homes.setdefault(item, []).extend(f"{home}_{field}" for home in homes[cls])
    checked = 0
    for cls, named in REFERENCES.items():
        for home in homes[cls]:
            for field, kind in named.items():
                if f"{home}_{field}" in tables:  # a list of ids: a link table's value
                    table, column = tables[f"{home}_{field}"], "value"
                else:
                    table, column = tables[home], field
                wanted = ForeignKey((column,), names[kind], ("id",))
                assert wanted in table.foreign_keys, (home, field)
                checked += 1
    assert checked == 33  # the links of five kinds, the unnamed of two
    assert BY_CLASS[at.Statement].attribute == "statements"
    assert ForeignKey(("occasion",), "records", ("id",)) in tables["statements"].foreign_keys
