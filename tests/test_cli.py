"""The command line: exit statuses, one-line errors, and the summary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from agreement_tracker.cli import main


def test_summary_prints_and_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    """`summary --as-of` prints the dataset summary and exits 0."""
    assert main(["summary", "--as-of", "2025-11-30"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "India–Israel defence relations, July 2024 – November 2025 (data version 1.2.0)"
    )
    assert (
        "Meetings since the last JWG (jwg-17, [2025-11..2025-11-04]/[2025-11..2025-11-06])" in out
    )


def test_no_command_means_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """With no command the summary is printed."""
    assert main([]) == 0
    assert "Records" in capsys.readouterr().out


def test_bad_date_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad date exits with status 2 and a single line on standard error."""
    assert main(["summary", "--as-of", "2025-11"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "agreement-tracker: error: --as-of: '2025-11' is not a full day; give YYYY-MM-DD, "
        "for example '2025-11-30'\n"
    )


def test_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command exits with status 2 and names the choices."""
    with pytest.raises(SystemExit) as caught:
        main(["bogus"])
    assert caught.value.code == 2
    assert "invalid choice: 'bogus'" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_command() -> None:
    """`python -m agreement_tracker summary` works as a process."""
    done = subprocess.run(
        [sys.executable, "-m", "agreement_tracker", "summary", "--as-of", "2025-11-01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "Meetings since the last JWG (jwg-16, 2024-07)" in done.stdout


def test_timeline_since_last_search_and_involving(capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI answers since-last across kinds, searches and involving, in CSV too."""
    assert (
        main(
            [
                "timeline",
                "--since-last",
                "JWG",
                "--as-of",
                "2025-11-30",
                "--columns",
                "id",
                "--format",
                "csv",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.splitlines() == [
        "id",
        "in-mod-x-post-2025-11-06",
    ]
    assert main(["search", "Elbit", "--columns", "id,field", "--format", "tsv"]) == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "id\tfield",
        "ians-2025-11-06\ttext",
        "elbit-systems\tname",
    ]
    assert main(["involving", "Rafael", "--columns", "id", "--format", "markdown"]) == 0
    assert "singh-israel-2025-11" in capsys.readouterr().out
    assert (
        main(
            ["timeline", "--from", "2024", "--to", "2024-07", "--columns", "id", "--format", "csv"]
        )
        == 0
    )
    assert capsys.readouterr().out.splitlines() == ["id", "jwg-16"]


def test_validate_of_a_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Validate on a path that does not exist exits 2, like other usage errors."""
    assert main(["validate", "no/such/dataset"]) == 2
    assert capsys.readouterr().err == "agreement-tracker: error: no dataset at 'no/such/dataset'\n"


def test_refused_formats_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A format that cannot escape data is refused with exit status 2."""
    assert main(["people", "--format", "rst"]) == 2
    assert "cannot escape text from data" in capsys.readouterr().err


def test_validate_against_the_bundled_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The validate command with --base bundled checks additions naming bundled records."""
    folder = tmp_path / "additions"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "new.txt").write_text("Amir Baram spoke again.", "utf-8")
    (folder / "dataset.toml").write_text('name = "additions"\nversion = "0.1"\n', "utf-8")
    (folder / "sources.toml").write_text(
        '[[source]]\nid = "new"\ntext_file = "sources/new.txt"\n', "utf-8"
    )
    (folder / "events.toml").write_text(
        '[[event]]\nid = "baram-again"\nkind = "statement"\ntitle = "Baram again"\n'
        'people = ["amir-baram"]\n[[event.citations]]\nsource = "new"\n'
        'quote = "Amir Baram spoke again."\nsupports = ["kind", "people"]\n',
        "utf-8",
    )
    assert main(["validate", str(folder)]) == 1
    assert "unknown person 'amir-baram'" in capsys.readouterr().out
    assert main(["validate", str(folder), "--base", "bundled"]) == 0
    assert capsys.readouterr().out.startswith(f"{folder}: ok: <Tracker 'additions' v0.1:")
