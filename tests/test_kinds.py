"""The registry of record kinds, checked against the model, the data and the Tracker."""

from __future__ import annotations

import typing
from importlib.resources import files

import attrs

import agreement_tracker as at
from agreement_tracker import model
from agreement_tracker._kinds import BY_CLASS, DATED, KINDS, TABLES


def test_the_registry_lists_exactly_the_record_classes_of_the_model() -> None:
    """Every class of the model's Record union has one kind, and nothing else does."""
    assert set(BY_CLASS) == set(typing.get_args(model.Record))
    assert [kind.key for kind in KINDS.values()] == list(KINDS)


def test_each_kind_names_its_file_label_and_tracker_attribute() -> None:
    """Files and labels are unique; every bundled data file is a kind's; attributes exist."""
    assert len({k.file for k in KINDS.values()}) == len({k.label for k in KINDS.values()}) == 12
    data = files("agreement_tracker").joinpath("data")
    assert {k.file for k in KINDS.values()} <= {entry.name for entry in data.iterdir()}
    tracker = at.load()
    for kind in KINDS.values():
        held = getattr(tracker, kind.attribute)
        assert all(type(record) is kind.cls for record in held), kind.key


def test_date_fields_are_fields_of_their_class() -> None:
    """A kind's date field is one of its attrs fields; the dated kinds rank 0-6 on the timeline."""
    for kind in KINDS.values():
        if kind.date_field is not None:
            assert kind.date_field in attrs.fields_dict(kind.cls), kind.key
    assert sorted(k.timeline_rank for k in DATED.values() if k.timeline_rank is not None) == [
        0,
        1,
        2,
        3,
        4,
        5,
        6,
    ]
    assert [k.key for k in DATED.values()] == [
        "meeting",
        "agreement",
        "delegation",
        "event",
        "statement",
        "relationship_fact",
        "materiel",
    ]


def test_every_table_has_a_title_and_default_columns_it_can_show() -> None:
    """Each record kind and each result table has a title and known default columns."""
    from agreement_tracker.render import COLUMNS

    assert set(TABLES) == {*KINDS, "timeline", "discrepancy", "match", "related", "provenance"}
    for key, table in TABLES.items():
        assert table.title
        assert set(table.columns) <= {c.name for c in COLUMNS[key]}, key
