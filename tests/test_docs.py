"""The reference page names every public name."""

from __future__ import annotations

import re
from pathlib import Path

import agreement_tracker as at

API = (Path(__file__).parent.parent / "docs" / "api.md").read_text("utf-8")
NAMED = set(re.findall(r"`([A-Za-z_][\w.]*)`", API))


def test_every_exported_name_is_on_the_reference_page() -> None:
    """Each name in agreement_tracker.__all__ appears on docs/api.md."""
    assert [name for name in at.__all__ if name not in NAMED] == []


def test_every_public_tracker_and_records_member_is_on_the_reference_page() -> None:
    """Each public method, property and record attribute of Tracker and Records is listed."""
    members = {f"Tracker.{n}" for n in dir(at.Tracker) if not n.startswith("_")}
    members |= {f"Tracker.{n}" for n in at.Tracker.__annotations__}
    members |= {
        f"Records.{n}" for n in dir(at.Records) if not n.startswith("_") and n not in dir(tuple)
    }
    members.add("Records.get")
    assert sorted(members - NAMED) == []


def test_the_check_can_fail() -> None:
    """A name missing from the page is reported (the check is not vacuous)."""
    assert "Tracker.no_such_method" not in NAMED
    assert len(NAMED) > 100
