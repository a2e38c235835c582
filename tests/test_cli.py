"""The command line: exit statuses, one-line errors, and the summary."""

from __future__ import annotations

import subprocess
import sys

import pytest

from agreement_tracker.cli import main


def test_summary_prints_and_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    """`summary --as-of` prints the dataset summary and exits 0."""
    assert main(["summary", "--as-of", "2025-11-30"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "India–Israel defence relations, July 2024 – November 2025 (data version 1.0.0)"
    )
    assert "Meetings since the last JWG (jwg-17, 2025-11-04)" in out


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
