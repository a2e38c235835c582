"""Property-based tests: records, the converter, TOML output, saving, loading and bad files.

Strategies live in :mod:`tests.strategies`.  Every test in this module sets
``max_examples`` from :data:`EXAMPLES`, and tests that touch files set ``deadline=None``.
"""

from __future__ import annotations

import copy
import json
import tempfile
import tomllib
import typing
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
from hypothesis import HealthCheck, Phase, event, given, note, settings
from hypothesis import strategies as st

import agreement_tracker as at
from agreement_tracker import DatasetError, FieldValueError, Tracker, model
from agreement_tracker._converter import CONVERTER, structure_detailed
from agreement_tracker.dates import DateBetween, DateRange, PartialDate, When, parse_when
from agreement_tracker.model import (
    Action,
    Agreement,
    Citation,
    Claim,
    Delegation,
    Engagement,
    Event,
    FocusArea,
    Identifier,
    Inference,
    Involvement,
    Link,
    Materiel,
    Meeting,
    Organisation,
    Place,
    Quantity,
    RelationshipFact,
    Role,
    Source,
    Statement,
    Unnamed,
)
from agreement_tracker.serialize import (
    RECORD_TYPES,
    _record_reader,
    structure_record,
    unstructure_record,
)
from agreement_tracker.storage import FILES, METADATA_FILE, METADATA_KEYS, toml_dumps
from tests.strategies import (
    actions,
    agreements,
    citations,
    claims,
    date_betweens,
    date_ranges,
    delegations,
    engagements,
    events,
    focus_areas,
    identifiers,
    inferences,
    involvements,
    links,
    materiel,
    meetings,
    organisations,
    partial_dates,
    people,
    places,
    quantities,
    relationship_facts,
    roles,
    series,
    sources,
    statements,
    texts,
    toml_documents,
    trackers,
    unnamed,
    whens,
)

#: How many examples each property runs (per parametrized case).  Chosen so that the
#: whole module runs in well under a minute on two cores; the dataset strategies are the
#: expensive part (about 0.1 s an example), so the file-based properties run fewer.
EXAMPLES: Final[dict[str, int]] = {
    "model_evolve": 15,  # x 28 model types
    "dates_round_trip": 200,
    "record_round_trip": 15,  # x 12 record kinds
    "nested_round_trip": 20,  # x 15 nested value types
    "fast_reader": 40,  # x 12 record kinds
    "toml_generic": 150,
    "toml_dataset": 20,
    "save_load": 20,  # x 2 formats
    "canonical": 10,  # x 2 formats
    "byte_corruption": 5,  # x 4 corruptions x 2 formats
    "document_corruption": 5,  # x 15 (corruption, format) pairs
    "deep_nesting": 5,  # x 3 places x 2 formats
    "validate": 12,  # x 2 formats
    "invalid_ids": 10,  # x 2 formats; expected to fail (library bug)
    "surrogates": 10,  # x 2 formats; expected to fail (library bug)
    "text_files": 10,  # expected to fail (library bug)
}

FORMATS: Final = ("toml", "json")

#: For the guards against three former bugs: generate only (shrinking and explaining a
#: failure there took minutes), so that a regression is reported at once.
FAST_PHASES: Final = (Phase.explicit, Phase.reuse, Phase.generate)

#: Every model type's strategy, by class name.
MODEL_STRATEGIES: Final[dict[str, st.SearchStrategy[Any]]] = {
    "PartialDate": partial_dates(),
    "DateRange": date_ranges(),
    "DateBetween": date_betweens(),
    "When": whens(),
    "Place": places(),
    "Citation": citations(),
    "Inference": inferences(),
    "Claim": claims(),
    "FocusArea": focus_areas(),
    "Source": sources(),
    "Organisation": organisations(),
    "Role": roles(),
    "Person": people(),
    "Series": series(),
    "Meeting": meetings(),
    "Agreement": agreements(),
    "Engagement": engagements(),
    "Delegation": delegations(),
    "Event": events(),
    "Link": links(),
    "Involvement": involvements(),
    "Quantity": quantities(),
    "Unnamed": unnamed(),
    "Identifier": identifiers(),
    "Action": actions(),
    "Statement": statements(),
    "RelationshipFact": relationship_facts(),
    "Materiel": materiel(),
}

#: Top-level record strategies by the key used in data files.
RECORD_STRATEGIES: Final[dict[str, st.SearchStrategy[Any]]] = {
    "source": sources(),
    "organisation": organisations(),
    "person": people(),
    "focus_area": focus_areas(),
    "series": series(),
    "meeting": meetings(),
    "agreement": agreements(),
    "delegation": delegations(),
    "event": events(),
    "statement": statements(),
    "relationship_fact": relationship_facts(),
    "materiel": materiel(),
}

#: Value types found inside records, round-tripped through the library's converter.
NESTED_TYPES: Final = (
    "PartialDate",
    "DateRange",
    "DateBetween",
    "Place",
    "Citation",
    "Inference",
    "Claim",
    "Role",
    "Engagement",
    "Link",
    "Involvement",
    "Quantity",
    "Unnamed",
    "Identifier",
    "Action",
)

# ------------------------------------------------------------------------ helpers


def _is_plain(value: object) -> bool:
    """True for the shapes data files hold: text, whole numbers, lists and tables."""
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return True
    if isinstance(value, list):
        return all(_is_plain(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_plain(v) for k, v in value.items())
    return False


def _save(tracker: Tracker, folder: Path, fmt: str) -> Path:
    return tracker.save(folder / ("ds.json" if fmt == "json" else "ds"), format=fmt)


def _snapshot(path: Path) -> dict[str, bytes]:
    """Every file under ``path`` (or ``path`` itself) by relative name, with its bytes."""
    if path.is_file():
        return {path.name: path.read_bytes()}
    return {
        entry.relative_to(path).as_posix(): entry.read_bytes()
        for entry in sorted(path.rglob("*"))
        if entry.is_file()
    }


def _data_file_names(saved: Path) -> set[str]:
    return {saved.name} if saved.is_file() else {METADATA_FILE, *FILES.values()}


def assert_located(problems: tuple[str, ...], names: set[str]) -> None:
    """Every problem is one line ending in `` @ `` and a location naming a data file."""
    assert problems, "a DatasetError must list at least one problem"
    for problem in problems:
        assert isinstance(problem, str)
        assert problem.splitlines() == [problem], f"problem spans several lines: {problem!r}"
        assert " @ " in problem, problem
        location = problem.rsplit(" @ ", 1)[1]
        assert any(
            location == name or location.startswith((f"{name}[", f"{name}.")) for name in names
        ), f"location does not name a data file: {problem!r}"


def _load(saved: Path) -> tuple[str, ...] | None:
    """The problems ``Tracker.from_path`` raises as a DatasetError; None when it loads.

    Any other exception propagates and fails the test.
    """
    try:
        Tracker.from_path(saved)
    except DatasetError as error:
        return error.problems
    return None


# -------------------------------------------------------------------- corruptions


def _nested_types(cls: type[Any]) -> dict[str, type[Any]]:
    """Fields of ``cls`` holding tables of another attrs class (dates are strings)."""
    found: dict[str, type[Any]] = {}
    for name, hint in typing.get_type_hints(cls).items():
        for arg in (hint, *typing.get_args(hint)):
            if (
                isinstance(arg, type)
                and attrs.has(arg)
                and arg not in (PartialDate, DateRange, DateBetween)
            ):
                found[name] = arg
    return found


#: Reference fields (to ids of other records) by class.
REFERENCES: Final[dict[type[Any], tuple[str, ...]]] = {
    Citation: ("source",),
    Source: ("publisher", "agency"),
    Organisation: ("parent",),
    Role: ("organisation",),
    FocusArea: ("parents",),
    Meeting: ("series", "participants", "focus_areas"),
    Agreement: ("signatories", "focus_areas", "meeting"),
    Delegation: ("leader", "members"),
    Engagement: ("meeting", "organisations", "people"),
    Event: ("people", "organisations"),
    Link: ("target",),
    Involvement: ("organisation",),
    Unnamed: ("organisation",),
    Statement: ("speaker", "organisation", "occasion", "about"),
    RelationshipFact: ("focus_areas",),
    Materiel: ("operator", "used_in"),
}
LIST_FIELDS: Final = frozenset(
    {
        "parents",
        "participants",
        "focus_areas",
        "signatories",
        "members",
        "organisations",
        "people",
        "about",
        "used_in",
    }
)

#: Date fields by class; ``attested`` holds a list of dates.
DATES: Final[dict[type[Any], tuple[str, ...]]] = {
    Source: ("published",),
    Meeting: ("date",),
    Agreement: ("signed",),
    Delegation: ("dates",),
    Event: ("date",),
    Role: ("start", "end", "attested"),
    Engagement: ("date",),
    Statement: ("date",),
    RelationshipFact: ("date",),
    Action: ("date",),
}
BAD_DATES: Final = (
    "2025-13-40",
    "soon",
    "2025-02-30",
    "",
    "2025-7-4",
    "2025-07-22/",
    "/2025",
    "../..",
    "[2025..2025]",
    "[2025-11-04..2025-11-04]",
    "[..]",
    "2025-05-12/[2025-05-10..2025-05-11]",
    "[[2025..2026]..2027]",
    "2025-07-23/2025-07-22",
    "0000",
    "10000",
    "２０２５",
    "2025-11-04T10:00",
)
#: A well-formed id that no generated record has (generated segments are 1-5 characters).
MISSING_ID: Final = "nonexistent-record"
#: Every name that is valid somewhere in a data file, so never an "unknown key".
KNOWN_KEYS: Final = frozenset(
    {
        field.name
        for cls in (
            *RECORD_TYPES.values(),
            Role,
            Engagement,
            Link,
            Involvement,
            Quantity,
            Unnamed,
            Identifier,
            Action,
            Citation,
            Inference,
            Claim,
            Place,
        )
        for field in attrs.fields(cls)
    }
    | {"dataset", *RECORD_TYPES, *METADATA_KEYS}
)
BAD_TEXT_FILES: Final = (
    "../outside.txt",
    "sources/../../outside.txt",
    "sources\\..\\..\\outside.txt",
    "/etc/hostname",
    "sources/missing.txt",
    "sources",
    ".",
    "",
    " ",
)


@attrs.frozen
class Table:
    """A table in a parsed data file: which file, the table itself and its class."""

    filename: str
    table: dict[str, Any]
    cls: type[Any]


def _walk(filename: str, table: dict[str, Any], cls: type[Any]) -> Iterator[Table]:
    yield Table(filename, table, cls)
    for key, inner in _nested_types(cls).items():
        value = table.get(key)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict):
                yield from _walk(filename, item, inner)


def _tables(docs: Mapping[str, dict[str, Any]]) -> list[Table]:
    """Every record table and nested table in the parsed files, with its class."""
    found: list[Table] = []
    for filename, doc in docs.items():
        for kind, cls in RECORD_TYPES.items():
            if isinstance(doc.get(kind), list):
                for table in doc[kind]:
                    found += _walk(filename, table, cls)
    return found


def _slots(value: Any, filename: str) -> Iterator[tuple[str, Any, Any]]:
    """Every (file, container, key) in a parsed document, depth first."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, inner in items:
        yield (filename, value, key)
        if isinstance(inner, dict | list):
            yield from _slots(inner, filename)


def _wrong_type(value: Any) -> list[Any]:
    """Values of a type the slot holding ``value`` cannot take."""
    if isinstance(value, str):
        return [42, True, ["text"], {"key": "text"}]
    if isinstance(value, bool | int):
        return ["7", [7], {"key": 7}]
    if isinstance(value, list):
        return ["text", 3, {"key": "text"}]
    return ["text", 5, ["text"]]


def _read_docs(saved: Path) -> dict[str, dict[str, Any]]:
    if saved.is_file():
        doc: dict[str, Any] = json.loads(saved.read_text("utf-8"))
        return {saved.name: doc}
    return {
        entry.name: tomllib.loads(entry.read_text("utf-8"))
        for entry in sorted(saved.glob("*.toml"))
    }


def _write_doc(saved: Path, filename: str, doc: dict[str, Any]) -> None:
    if saved.is_file():
        saved.write_text(json.dumps(doc, ensure_ascii=False, indent=1), "utf-8")
    else:
        (saved / filename).write_text(toml_dumps(doc), "utf-8")


DOCUMENT_CORRUPTIONS: Final = (
    "wrong_type",
    "unknown_key",
    "dangling_reference",
    "bad_date",
    "duplicate_record",
    "reused_id",
    "missing_required",
    "bad_text_file",
)


def corrupt_document(data: st.DataObject, saved: Path, kind: str | None = None) -> str:
    """Break the parsed data of a saved dataset in a way loading must report.

    ``kind`` is one of :data:`DOCUMENT_CORRUPTIONS` (drawn when not given).  Returns a
    description of what was done, for Hypothesis to show on failure.
    """
    docs = _read_docs(saved)
    if kind is None:
        kinds = [k for k in DOCUMENT_CORRUPTIONS if saved.is_dir() or k != "bad_text_file"]
        kind = data.draw(st.sampled_from(kinds), label="corruption")
    tables = _tables(docs)
    records = [t for t in tables if t.cls in RECORD_TYPES.values()]
    if kind == "reused_id" and len(records) < 2:
        kind = "duplicate_record"
    filename: str
    if kind == "wrong_type":
        slots = [s for name, doc in docs.items() for s in _slots(doc, name)]
        filename, container, key = data.draw(st.sampled_from(slots), label="slot")
        container[key] = data.draw(st.sampled_from(_wrong_type(container[key])), label="value")
        what = f"{filename}: {key!r} -> {container[key]!r}"
    elif kind == "unknown_key":
        candidates = [(name, doc) for name, doc in docs.items()]
        candidates += [(t.filename, t.table) for t in tables]
        candidates += [(name, doc["dataset"]) for name, doc in docs.items() if "dataset" in doc]
        filename, table = data.draw(st.sampled_from(candidates), label="table")
        key = data.draw(
            st.just("colour") | texts(max_parts=2).filter(lambda k: k not in KNOWN_KEYS),
            label="key",
        )
        table[key] = "value"
        what = f"{filename}: added {key!r}"
    elif kind == "dangling_reference":
        refs = [(t, f) for t in tables for f in REFERENCES.get(t.cls, ())]
        target, field = data.draw(st.sampled_from(refs), label="reference")
        if field in LIST_FIELDS:
            target.table[field] = [*target.table.get(field, []), MISSING_ID]
        else:
            target.table[field] = MISSING_ID
        filename, what = target.filename, f"{target.cls.__name__}.{field} -> {MISSING_ID!r}"
    elif kind == "bad_date":
        slots_ = [(t, f) for t in tables for f in DATES.get(t.cls, ())]
        target, field = data.draw(st.sampled_from(slots_), label="date field")
        bad = data.draw(st.sampled_from(BAD_DATES), label="bad date")
        target.table[field] = [bad] if field == "attested" else bad
        filename, what = target.filename, f"{target.cls.__name__}.{field} -> {bad!r}"
    elif kind == "duplicate_record":
        lists = [(name, doc[k]) for name, doc in docs.items() for k in RECORD_TYPES if doc.get(k)]
        filename, items = data.draw(st.sampled_from(lists), label="kind")
        original = data.draw(st.sampled_from(items), label="record")
        items.insert(data.draw(st.integers(0, len(items))), copy.deepcopy(original))
        what = f"{filename}: duplicated {original['id']!r}"
    elif kind == "reused_id":
        target = data.draw(st.sampled_from(records), label="record")
        other = data.draw(st.sampled_from([r for r in records if r is not target]))
        target.table["id"] = other.table["id"]
        filename, what = target.filename, f"{target.cls.__name__} id -> {other.table['id']!r}"
    elif kind == "missing_required":
        required = [
            (t, f.name)
            for t in tables
            for f in attrs.fields(t.cls)
            if f.default is attrs.NOTHING and f.name in t.table
        ]
        target, field = data.draw(st.sampled_from(required), label="required field")
        del target.table[field]
        filename, what = target.filename, f"{target.cls.__name__}: deleted {field!r}"
    else:  # bad_text_file: the folder layout reads texts from files
        (saved.parent / "outside.txt").write_text("outside the dataset", "utf-8")
        found = [t for t in records if t.cls is Source]
        target = data.draw(st.sampled_from(found), label="source")
        path = data.draw(st.sampled_from(BAD_TEXT_FILES), label="text_file")
        target.table["text_file"] = path
        filename, what = target.filename, f"text_file -> {path!r}"
    _write_doc(saved, filename, docs[filename])
    event(kind)
    return f"{kind}: {what}"


BYTE_CORRUPTIONS: Final = ("truncate", "flip", "delete", "insert")


def corrupt_bytes(data: st.DataObject, saved: Path, kind: str | None = None) -> str:
    """Truncate, flip, delete or insert random bytes of one file of a saved dataset.

    ``kind`` is one of :data:`BYTE_CORRUPTIONS` (drawn when not given).
    """
    files = [saved] if saved.is_file() else sorted(p for p in saved.rglob("*") if p.is_file())
    target = data.draw(st.sampled_from(files), label="file")
    raw = bytearray(target.read_bytes())
    if kind is None:
        kind = data.draw(st.sampled_from(BYTE_CORRUPTIONS), label="corruption")
    if kind == "truncate":
        raw = raw[: data.draw(st.integers(0, max(0, len(raw) - 1)), label="length")]
    elif kind == "insert":
        at_ = data.draw(st.integers(0, len(raw)), label="offset")
        raw[at_:at_] = data.draw(st.binary(min_size=1, max_size=4), label="bytes")
    else:
        for _ in range(data.draw(st.integers(1, 3), label="count")):
            if not raw:
                break
            index = data.draw(st.integers(0, len(raw) - 1), label="offset")
            if kind == "flip":
                raw[index] ^= data.draw(st.integers(1, 255), label="mask")
            else:
                del raw[index]
    target.write_bytes(bytes(raw))
    event(kind)
    return f"{kind} {target.name}"


DEPTHS: Final = (100, 500, 900, 950, 980, 990, 1000, 2000, 100_000)
#: Where the deep value goes: the whole file, an existing value, or a new top-level key.
NESTING_PLACES: Final = ("file", "value", "new key")


def nest_deeply(data: st.DataObject, saved: Path, where: str | None = None) -> str:
    """Put a deeply nested list or table into a saved dataset, or make a file one.

    ``where`` is one of :data:`NESTING_PLACES` (drawn when not given).
    """
    depth = data.draw(st.sampled_from(DEPTHS), label="depth")
    shape = data.draw(st.sampled_from(["list", "table"]), label="shape")
    json_layout = saved.is_file()
    if shape == "list":
        deep = "[" * depth + "]" * depth
    elif json_layout:
        deep = '{"a": ' * depth + "1" + "}" * depth
    else:
        deep = "{ a = " * depth + "1" + " }" * depth
    if where is None:
        where = data.draw(st.sampled_from(NESTING_PLACES), label="where")
    docs = _read_docs(saved)
    filename = data.draw(st.sampled_from(sorted(docs)), label="file")
    if where == "file":
        text = deep if json_layout else f"deep = {deep}\n"
    else:
        placeholder = "\x00DEEP\x00"
        doc = docs[filename]
        if where == "value":
            slots = list(_slots(doc, filename))
            _, container, key = data.draw(st.sampled_from(slots), label="slot")
            container[key] = placeholder
        else:
            doc["deep"] = placeholder
        text = json.dumps(doc, ensure_ascii=False) if json_layout else toml_dumps(doc)
        assert json.dumps(placeholder) in text
        text = text.replace(json.dumps(placeholder), deep)
    (saved if json_layout else saved / filename).write_text(text, "utf-8")
    event(f"{shape} as {where}")
    return f"{shape} of depth {depth} as {where} in {filename}"


# --------------------------------------------------------------------- properties


def test_every_model_class_has_a_strategy() -> None:
    """MODEL_STRATEGIES covers every attrs class the model exports except Discrepancy."""
    exported = {name for name in model.__all__ if attrs.has(getattr(model, name))}
    dates = {"PartialDate", "DateRange", "DateBetween", "When"}
    assert set(MODEL_STRATEGIES) - dates == exported - {"Discrepancy"}


def test_every_record_kind_has_a_strategy() -> None:
    """RECORD_STRATEGIES lists every record kind a dataset holds, in canonical order."""
    assert list(RECORD_STRATEGIES) == list(RECORD_TYPES)


@pytest.mark.parametrize("name", list(MODEL_STRATEGIES))
@settings(max_examples=EXAMPLES["model_evolve"])
@given(data=st.data())
def test_model_values_are_valid_and_evolve_to_equal_copies(name: str, data: st.DataObject) -> None:
    """Every model strategy yields valid values that attrs.evolve copies equal and hash-equal."""
    value = data.draw(MODEL_STRATEGIES[name])
    if name != "When":
        assert type(value).__name__ == name
    attrs.validate(value)
    copied = attrs.evolve(value)
    assert copied == value
    assert hash(copied) == hash(value)


@settings(max_examples=EXAMPLES["dates_round_trip"])
@given(whens())
def test_dates_round_trip_through_parse_when(value: When) -> None:
    """PartialDate, DateRange and DateBetween read back equal from their EDTF strings."""
    parsed = parse_when(value.isoformat())
    assert parsed == value
    assert type(parsed) is type(value)
    assert parsed.isoformat() == value.isoformat()


@pytest.mark.parametrize("kind", list(RECORD_STRATEGIES))
@settings(max_examples=EXAMPLES["record_round_trip"])
@given(data=st.data())
def test_records_round_trip_through_the_converter(kind: str, data: st.DataObject) -> None:
    """unstructure_record then structure_record gives the record back (Source: with its text)."""
    record = data.draw(RECORD_STRATEGIES[kind])
    table = unstructure_record(record)
    assert _is_plain(table)
    assert json.loads(json.dumps(table)) == table
    if isinstance(record, Source):
        assert "text" not in table
        table["text"] = record.text
    assert structure_record(table, kind, where="records.toml") == record


#: Values a data file can hold in place of a field's value, valid or not.
JSON_VALUES: Final = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.sampled_from(["", " ", "x", "s-1", "2025", " 2025-11", "2025-11-04\n", "2025-13"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["x", "country"]), inner, max_size=2)
    ),
    max_leaves=4,
)


@pytest.mark.parametrize("kind", list(RECORD_STRATEGIES))
@settings(max_examples=EXAMPLES["fast_reader"])
@given(data=st.data())
def test_the_fast_reader_never_accepts_what_the_detailed_reader_refuses(
    kind: str, data: st.DataObject
) -> None:
    """The fast reader's records are the detailed reader's; what it refuses is explained.

    A valid table, or one with a field changed or removed, that the fast reader takes
    gives the record the detailed cattrs reader gives; anything else raises a
    DatasetError.
    """
    cls: Any = RECORD_TYPES[kind]
    read = _record_reader(cls)
    record = data.draw(RECORD_STRATEGIES[kind])
    table = unstructure_record(record)
    if isinstance(record, Source):
        table["text"] = record.text
    assert read(table) == record  # a valid table never takes the slow path
    name = data.draw(st.sampled_from([f.name for f in attrs.fields(cls)]))
    if data.draw(st.booleans()):
        table.pop(name, None)
    else:
        table[name] = data.draw(JSON_VALUES)
    note(f"changed table: {table!r}")
    try:
        fast = read(table)
    except Exception:
        event("refused by the fast reader")
        with pytest.raises(DatasetError):
            structure_record(table, kind, where="x.toml")
        return
    event("taken by the fast reader")
    assert structure_detailed(dict(table), cls, "x.toml") == fast


@pytest.mark.parametrize("name", NESTED_TYPES)
@settings(max_examples=EXAMPLES["nested_round_trip"])
@given(data=st.data())
def test_nested_values_round_trip_through_the_converter(name: str, data: st.DataObject) -> None:
    """Dates, places, citations, inferences, claims and every nested value round-trip."""
    value = data.draw(MODEL_STRATEGIES[name])
    plain = CONVERTER.unstructure(value)
    assert _is_plain(plain)
    assert CONVERTER.structure(plain, type(value)) == value


@settings(max_examples=EXAMPLES["toml_generic"])
@given(toml_documents())
def test_toml_dumps_reads_back_equal(doc: dict[str, Any]) -> None:
    """toml_dumps output of any document of text, numbers, lists and tables reads back equal."""
    assert tomllib.loads(toml_dumps(doc)) == doc


@settings(max_examples=EXAMPLES["toml_dataset"], deadline=None)
@given(trackers())
def test_toml_dumps_reads_back_equal_for_dataset_documents(tracker: Tracker) -> None:
    """A whole dataset as one TOML document (texts inline) reads back equal with tomllib."""
    doc: dict[str, Any] = {"dataset": {"name": tracker.name, "version": tracker.data_version}}
    for record in tracker.all_records():
        table = unstructure_record(record)
        if isinstance(record, Source):
            table["text"] = record.text
        kind = next(k for k, cls in RECORD_TYPES.items() if isinstance(record, cls))
        doc.setdefault(kind, []).append(table)
    text = toml_dumps(doc)
    assert tomllib.loads(text) == doc
    with tempfile.TemporaryDirectory() as folder:
        single = Path(folder) / "single.toml"
        single.write_text(text, "utf-8")
        expected = Tracker(tracker.all_records(), name=tracker.name, version=tracker.data_version)
        assert Tracker.from_path(single) == expected


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=EXAMPLES["save_load"], deadline=None)
@given(tracker=trackers())
def test_save_then_load_gives_an_equal_tracker(fmt: str, tracker: Tracker) -> None:
    """Saving a tracker (TOML folder or JSON file) and loading it back gives an equal tracker."""
    with tempfile.TemporaryDirectory() as folder:
        saved = _save(tracker, Path(folder), fmt)
        assert saved.is_dir() is (fmt == "toml")
        loaded = Tracker.from_path(saved)
        assert loaded == tracker
        assert loaded.name == tracker.name
        assert loaded.description == tracker.description
        assert [a.id for a in loaded.focus_areas] == [a.id for a in tracker.focus_areas]
        assert at.validate(saved) == ()


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=EXAMPLES["canonical"], deadline=None)
@given(tracker=trackers())
def test_saving_is_canonical(fmt: str, tracker: Tracker) -> None:
    """Saving twice, over the same path or elsewhere, or re-saving a loaded copy, is byte-identical."""
    with tempfile.TemporaryDirectory() as folder:
        first = _save(tracker, Path(folder) / "a", fmt)
        expected = _snapshot(first)
        assert _snapshot(_save(tracker, Path(folder) / "a", fmt)) == expected
        assert _snapshot(_save(tracker, Path(folder) / "b", fmt)) == expected
        reloaded = Tracker.from_path(first)
        assert _snapshot(_save(reloaded, Path(folder) / "c", fmt)) == expected


@pytest.mark.parametrize("corruption", BYTE_CORRUPTIONS)
@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=EXAMPLES["byte_corruption"], deadline=None)
@given(tracker=trackers(), data=st.data())
def test_byte_corruptions_raise_only_dataset_error(
    fmt: str, corruption: str, tracker: Tracker, data: st.DataObject
) -> None:
    """A truncated or byte-damaged file loads or raises a DatasetError with located problems."""
    with tempfile.TemporaryDirectory() as folder:
        saved = _save(tracker, Path(folder), fmt)
        note(corrupt_bytes(data, saved, corruption))
        problems = _load(saved)
        if problems is not None:
            assert_located(problems, _data_file_names(saved))


@pytest.mark.parametrize(
    ("fmt", "corruption"),
    [
        (fmt, corruption)
        for fmt in FORMATS
        for corruption in DOCUMENT_CORRUPTIONS
        if fmt == "toml" or corruption != "bad_text_file"  # JSON holds the texts inline
    ],
)
@settings(
    max_examples=EXAMPLES["document_corruption"],
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(tracker=trackers(), data=st.data())
def test_document_corruptions_raise_located_dataset_error(
    fmt: str, corruption: str, tracker: Tracker, data: st.DataObject
) -> None:
    """Wrong types, unknown keys, dangling ids, bad dates, duplicates and gaps raise DatasetError."""
    with tempfile.TemporaryDirectory() as folder:
        saved = _save(tracker, Path(folder), fmt)
        note(corrupt_document(data, saved, corruption))
        problems = _load(saved)
        assert problems is not None, "a corrupted dataset loaded without error"
        assert_located(problems, _data_file_names(saved))


@pytest.mark.parametrize("where", NESTING_PLACES)
@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=EXAMPLES["deep_nesting"], deadline=None)
@given(tracker=trackers(), data=st.data())
def test_deep_nesting_raises_dataset_error(
    fmt: str, where: str, tracker: Tracker, data: st.DataObject
) -> None:
    """Deeply nested lists or tables anywhere give a located DatasetError, never RecursionError."""
    with tempfile.TemporaryDirectory() as folder:
        saved = _save(tracker, Path(folder), fmt)
        note(nest_deeply(data, saved, where))
        problems = _load(saved)
        assert problems is not None, "a deeply nested value loaded without error"
        assert_located(problems, _data_file_names(saved))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("ds.json", "[" * 100_000 + "]" * 100_000),
        ("ds.json", '{"dataset": {}, "meeting": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("ds.toml", "meeting = " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ("ds.toml", "x = " + "{ a = " * 100_000 + "1" + " }" * 100_000 + "\n"),
    ],
    ids=["json-file", "json-value", "toml-array", "toml-inline-table"],
)
def test_files_of_100000_nested_levels_raise_dataset_error(name: str, text: str) -> None:
    """A single file nested 100000 levels deep gives a located DatasetError, not RecursionError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, "utf-8")
        problems = _load(path)
        assert problems is not None
        assert_located(problems, {name})
        assert at.validate(path) == problems


CORRUPTERS: Final[dict[str, Callable[[st.DataObject, Path], str]]] = {
    "bytes": corrupt_bytes,
    "document": corrupt_document,
    "deep": nest_deeply,
}


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=EXAMPLES["validate"], deadline=None)
@given(tracker=trackers(), data=st.data())
def test_validate_reports_exactly_what_loading_raises(
    fmt: str, tracker: Tracker, data: st.DataObject
) -> None:
    """validate() is () for a saved dataset and, never raising, lists a corrupted one's problems."""
    with tempfile.TemporaryDirectory() as folder:
        saved = _save(tracker, Path(folder), fmt)
        assert at.validate(saved) == ()
        how = data.draw(st.sampled_from(sorted(CORRUPTERS)), label="how")
        note(CORRUPTERS[how](data, saved))
        found = at.validate(saved)
        assert isinstance(found, tuple)
        if how != "bytes":
            assert found, "validate found nothing wrong with a corrupted dataset"
        assert found == (_load(saved) or ())
        if found:
            assert_located(found, _data_file_names(saved))


# ------------------------------------------------- formerly library bugs, now guarded


@pytest.mark.parametrize("fmt", FORMATS)
@settings(
    max_examples=EXAMPLES["invalid_ids"],
    deadline=None,
    phases=FAST_PHASES,
    report_multiple_bugs=False,
)
@given(tracker=trackers(), data=st.data())
def test_invalid_ids_give_one_line_located_problems(
    fmt: str, tracker: Tracker, data: st.DataObject
) -> None:
    """A record id that is not an id (here: with a line break) gives one-line located problems."""
    with tempfile.TemporaryDirectory() as folder:
        saved = _save(tracker, Path(folder), fmt)
        docs = _read_docs(saved)
        records = [t for t in _tables(docs) if t.cls in RECORD_TYPES.values()]
        target = data.draw(st.sampled_from(records), label="record")
        bad = data.draw(st.tuples(texts(max_parts=2), texts(max_parts=2)).map("\n".join))
        target.table["id"] = bad
        _write_doc(saved, target.filename, docs[target.filename])
        problems = _load(saved)
        assert problems is not None
        assert_located(problems, _data_file_names(saved))


@pytest.mark.parametrize("fmt", FORMATS)
@settings(
    max_examples=EXAMPLES["surrogates"],
    deadline=None,
    phases=FAST_PHASES,
    report_multiple_bugs=False,
)
@given(tracker=trackers(), data=st.data())
def test_lone_surrogates_in_json_are_refused_at_load(
    fmt: str, tracker: Tracker, data: st.DataObject
) -> None:
    """JSON text with a lone surrogate escape (not Unicode, so unsavable) is refused at load."""
    with tempfile.TemporaryDirectory() as folder:
        saved = _save(tracker, Path(folder), "json")
        doc = json.loads(saved.read_text("utf-8"))
        text = "bad \ud800 text"
        with_notes = [
            t.table
            for t in _tables({saved.name: doc})
            if t.cls in RECORD_TYPES.values() and "notes" in attrs.fields_dict(t.cls)
        ]
        where = data.draw(st.sampled_from(["name", "version", "notes"]), label="where")
        if where == "notes":
            data.draw(st.sampled_from(with_notes), label="record")["notes"] = text
        else:
            doc["dataset"][where] = text
        saved.write_text(json.dumps(doc), "utf-8")  # ASCII JSON: the surrogate as '\\ud800'
        problems = _load(saved)
        assert problems is not None, "a lone surrogate must not load"
        assert_located(problems, _data_file_names(saved))


TEXT_FILES: Final = (
    "dataset.toml",
    "meetings.toml",
    "sources.toml",
    "extra.toml",
    "notes.md",
    "sources/../sources/moved.txt",
    "texts/a b.txt",
    "sources/deeper/report.txt",
    "C:/texts/drive.txt",
)
#: Of those, the ones a Source accepts: relative paths inside the dataset ending in .txt.
VALID_TEXT_FILES: Final = ("texts/a b.txt", "sources/deeper/report.txt")


@settings(
    max_examples=EXAMPLES["text_files"],
    deadline=None,
    phases=FAST_PHASES,
    report_multiple_bugs=False,
)
@given(tracker=trackers(), data=st.data())
def test_save_round_trips_any_text_file_inside_the_dataset(
    tracker: Tracker, data: st.DataObject
) -> None:
    """A text_file that could clash with data files is refused; a valid one round-trips."""
    source = data.draw(st.sampled_from(tracker.sources), label="source")
    path = data.draw(st.sampled_from(TEXT_FILES), label="text_file")
    if path not in VALID_TEXT_FILES:
        with pytest.raises(FieldValueError, match="must be a relative path inside the dataset"):
            attrs.evolve(source, text_file=path)
        return
    changed = tracker.with_records(attrs.evolve(source, text_file=path), on_conflict="replace")
    with tempfile.TemporaryDirectory() as folder:
        saved = changed.save(Path(folder) / "ds")
        assert Tracker.from_path(saved) == changed
        changed.save(Path(folder) / "ds")
