"""Tests for ``agreement_tracker.vocabulary``: term look-up, the hierarchy and consistency checks."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import agreement_tracker
from agreement_tracker.exceptions import UnknownRecordError
from agreement_tracker.model import FocusArea
from agreement_tracker.vocabulary import Vocabulary, normalise_term, problems


def exactly(message: str) -> str:
    """A ``match=`` pattern that accepts ``message`` and nothing else."""
    return f"^{re.escape(message)}$"


def ids(areas: tuple[FocusArea, ...]) -> list[str]:
    """The ids of ``areas``, in order."""
    return [area.id for area in areas]


SMALL_AREAS = (
    FocusArea(id="technology", label="Technology"),
    FocusArea(
        id="cyber-security",
        label="Cyber Security",
        synonyms=("cybersecurity", "infosec"),
        parents=("technology",),
    ),
    FocusArea(
        id="artificial-intelligence",
        label="Artificial Intelligence",
        synonyms=("AI",),
        parents=("technology",),
    ),
    FocusArea(
        id="machine-learning",
        label="Machine learning",
        synonyms=("ML",),
        parents=("artificial-intelligence", "data"),
    ),
    FocusArea(
        id="autonomy", label="Autonomy", parents=("artificial-intelligence", "cyber-security")
    ),
    FocusArea(id="data", label="Data & Analytics"),
    FocusArea(id="training", label="Training", synonyms=("joint training",)),
)


@pytest.fixture
def small() -> Vocabulary:
    """A small hand-built vocabulary with a two-level hierarchy and a diamond."""
    return Vocabulary(SMALL_AREAS)


@pytest.fixture(scope="module")
def bundled() -> Vocabulary:
    """The focus-area vocabulary of the bundled dataset."""
    return agreement_tracker.load().focus_areas


# ------------------------------------------------------------------------ normalise_term


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Cyber-Security", "cybersecurity"),
        ("cybersecurity", "cybersecurity"),
        ("Cyber Security", "cybersecurity"),
        ("  AI  ", "ai"),
        ("R&D", "randd"),
        ("Data & Analytics", "dataandanalytics"),
        ("Start-up ecosystems", "startupecosystems"),
        ("Counter-terrorism.", "counterterrorism"),
        ("JWG 17", "jwg17"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("--", ""),
        ("", ""),
    ],
)
def test_normalise_term(term: str, expected: str) -> None:
    """Terms are case-folded, '&' becomes 'and', and everything but letters and digits is dropped."""
    assert normalise_term(term) == expected


@given(st.text())
def test_normalise_term_is_idempotent_and_alphanumeric(term: str) -> None:
    """A normalised term normalises to itself and holds only letters, marks and digits."""
    key = normalise_term(term)
    assert normalise_term(key) == key
    assert all(unicodedata.category(char)[0] in "LMN" for char in key)
    assert not term.isascii() or re.fullmatch(r"[0-9a-z]*", key) is not None


# ---------------------------------------------------------------- a small vocabulary


def test_len_and_iteration_order(small: Vocabulary) -> None:
    """A vocabulary has one entry per term and iterates in the order given."""
    assert len(small) == 7
    assert list(small) == list(SMALL_AREAS)


def test_repr(small: Vocabulary) -> None:
    """The repr gives the number of terms."""
    assert repr(small) == "<Vocabulary of 7 focus areas>"


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("technology", "technology"),
        ("cyber-security", "cyber-security"),
        ("Cyber Security", "cyber-security"),
        ("cyber security", "cyber-security"),
        ("CYBERSECURITY", "cyber-security"),
        ("InfoSec", "cyber-security"),
        ("ai", "artificial-intelligence"),
        ("A.I.", "artificial-intelligence"),
        ("artificial_intelligence", "artificial-intelligence"),
        ("machine-learning", "machine-learning"),
        ("ml", "machine-learning"),
        ("data and analytics", "data"),
        ("Data&Analytics", "data"),
        ("data", "data"),
        ("Joint Training", "training"),
    ],
)
def test_get_and_lookup_accept_any_name(small: Vocabulary, term: str, expected: str) -> None:
    """Ids, labels and synonyms are found ignoring case, spaces, punctuation and '&'."""
    found = small.get(term)
    assert found is not None
    assert found.id == expected
    assert small.lookup(term).id == expected
    assert (term in small) is True


def test_get_returns_default_when_nothing_matches(small: Vocabulary) -> None:
    """Vocabulary.get gives None, or the default passed, for an unknown term."""
    fallback = SMALL_AREAS[-1]
    assert small.get("space") is None
    assert small.get("space", fallback) is fallback
    assert small.get("training", SMALL_AREAS[0]) is SMALL_AREAS[-1]


@pytest.mark.parametrize("term", ["space", "", "AI ethics", 5, None, SMALL_AREAS[0]])
def test_contains_is_false_for_unknown_terms_and_non_strings(small: Vocabulary, term: Any) -> None:
    """Membership is False for unknown names and for anything that is not a str."""
    assert (term in small) is False


def test_lookup_unknown_with_close_match(small: Vocabulary) -> None:
    """An unknown but close term raises UnknownRecordError naming the close match."""
    with pytest.raises(
        UnknownRecordError, match=exactly("no focus area 'Trainning'; did you mean 'Training'?")
    ) as info:
        small.lookup("Trainning")
    assert info.value.kind == "focus area"
    assert info.value.key == "Trainning"
    assert info.value.suggestions == ("Training",)
    assert isinstance(info.value, LookupError)


def test_lookup_unknown_with_several_close_matches() -> None:
    """Several close matches are listed, the last joined by 'or'."""
    vocab = Vocabulary(
        [
            FocusArea(id="cyber-security", label="Cyber Security"),
            FocusArea(id="cyber-defence", label="Cyber defence"),
        ]
    )
    message = "no focus area 'cyber'; did you mean 'Cyber Security' or 'Cyber defence'?"
    with pytest.raises(UnknownRecordError, match=exactly(message)) as info:
        vocab.lookup("cyber")
    assert info.value.suggestions == ("Cyber Security", "Cyber defence")


def test_lookup_unknown_without_close_match_lists_vocabulary(small: Vocabulary) -> None:
    """With nothing close, the error lists every label of the vocabulary instead."""
    message = (
        "no focus area 'space'; the vocabulary has: Technology, Cyber Security, "
        "Artificial Intelligence, Machine learning, Autonomy, Data & Analytics, Training"
    )
    with pytest.raises(UnknownRecordError, match=exactly(message)) as info:
        small.lookup("space")
    assert info.value.suggestions == ()


def test_lookup_rejects_non_string(small: Vocabulary) -> None:
    """Vocabulary.lookup refuses a term that is not a str."""
    term: Any = 5
    with pytest.raises(TypeError, match=exactly("a focus area is named by a str, got int 5")):
        small.lookup(term)


@pytest.mark.parametrize(
    ("term", "n", "expected"),
    [
        ("Trainning", 3, ("Training",)),
        ("train", 3, ("Training",)),
        ("intelligence", 3, ("Artificial Intelligence",)),
        ("auto", 3, ("Autonomy",)),
        ("xyz", 3, ()),
        ("", 3, ()),
    ],
)
def test_suggest(small: Vocabulary, term: str, n: int, expected: tuple[str, ...]) -> None:
    """Vocabulary.suggest gives labels close to the term, or containing it, or nothing."""
    assert small.suggest(term, n) == expected


def test_suggest_limits_to_n() -> None:
    """Vocabulary.suggest returns at most n labels, best first, each label once."""
    vocab = Vocabulary(
        [
            FocusArea(id="cyber-security", label="Cyber Security", synonyms=("cyber sec",)),
            FocusArea(id="cyber-defence", label="Cyber defence"),
            FocusArea(id="cyber-crime", label="Cyber crime"),
        ]
    )
    assert vocab.suggest("cyber", n=1) == ("Cyber Security",)
    assert vocab.suggest("cyber", n=3) == ("Cyber Security", "Cyber crime")


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("technology", ["artificial-intelligence", "cyber-security"]),
        ("AI", ["autonomy", "machine-learning"]),
        ("data", ["machine-learning"]),
        ("training", []),
    ],
)
def test_children_sorted_by_id(small: Vocabulary, term: str, expected: list[str]) -> None:
    """Vocabulary.children gives the terms directly under a term, sorted by id."""
    assert ids(small.children(term)) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (
            "technology",
            [
                "technology",
                "artificial-intelligence",
                "autonomy",
                "machine-learning",
                "cyber-security",
            ],
        ),
        ("cyber-security", ["cyber-security", "autonomy"]),
        ("ml", ["machine-learning"]),
    ],
)
def test_descendants_depth_first_without_repeats(
    small: Vocabulary, term: str, expected: list[str]
) -> None:
    """Vocabulary.descendants gives the term then everything below it, depth first, each once."""
    assert ids(small.descendants(term)) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("ML", ["artificial-intelligence", "data", "technology"]),
        ("autonomy", ["artificial-intelligence", "cyber-security", "technology"]),
        ("cybersecurity", ["technology"]),
        ("technology", []),
    ],
)
def test_ancestors_nearest_first(small: Vocabulary, term: str, expected: list[str]) -> None:
    """Vocabulary.ancestors gives every broader term, nearest first, each once."""
    assert ids(small.ancestors(term)) == expected


def test_hierarchy_accepts_focus_area_objects(small: Vocabulary) -> None:
    """children, descendants and ancestors accept a FocusArea as well as a name."""
    ai = SMALL_AREAS[2]
    assert ids(small.children(ai)) == ["autonomy", "machine-learning"]
    assert ids(small.descendants(ai)) == ["artificial-intelligence", "autonomy", "machine-learning"]
    assert ids(small.ancestors(ai)) == ["technology"]


@pytest.mark.parametrize("method", ["children", "descendants", "ancestors"])
def test_hierarchy_rejects_unknown_term(small: Vocabulary, method: str) -> None:
    """The hierarchy methods raise UnknownRecordError for an unknown term."""
    with pytest.raises(
        UnknownRecordError, match=exactly("no focus area 'Trainning'; did you mean 'Training'?")
    ):
        getattr(small, method)("Trainning")


def test_first_term_wins_a_shared_name() -> None:
    """When two terms share a name, look-up finds the one listed first."""
    first = FocusArea(id="first", label="Shared")
    second = FocusArea(id="second", label="Shared")
    assert Vocabulary([first, second]).lookup("shared") is first


def test_names_as_written_answer_as_their_normalised_form() -> None:
    """A name written exactly as in the data finds what its normalised form finds."""
    first = FocusArea(id="alpha", label="Beta")
    second = FocusArea(id="beta", label="Other")
    vocab = Vocabulary([first, second])
    for name in ("alpha", "Beta", "beta", "Other", "other"):
        assert vocab.get(name) is vocab.get(f" {name.upper()} "), name
    assert vocab.get("beta") is first


def test_descendants_are_worked_out_once(small: Vocabulary) -> None:
    """Repeated descendants() calls give the same tuple, whichever name is used."""
    first = small.descendants("technology")
    assert small.descendants("Technology") is first
    assert small.descendants(SMALL_AREAS[0]) == first


def test_empty_vocabulary() -> None:
    """An empty vocabulary has no terms and its look-up error lists nothing."""
    vocab = Vocabulary([])
    assert len(vocab) == 0
    assert list(vocab) == []
    with pytest.raises(
        UnknownRecordError, match=exactly("no focus area 'ai'; the vocabulary has: ")
    ):
        vocab.lookup("ai")


# ------------------------------------------------------------------ bundled vocabulary


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("cybersecurity", "cyber-security"),
        ("Cyber Security", "cyber-security"),
        ("Research and Develoment", "research-and-development"),
        ("R&D", "research-and-development"),
        ("AI", "artificial-intelligence"),
        ("Artificial Intelligence", "artificial-intelligence"),
        ("drone systems", "drone-systems"),
        ("co-production", "co-production"),
    ],
)
def test_bundled_lookup(bundled: Vocabulary, term: str, expected: str) -> None:
    """The bundled vocabulary finds terms by label, synonym, misspelling and id."""
    assert bundled.lookup(term).id == expected


def test_bundled_labels() -> None:
    """Looked-up terms carry their display labels."""
    vocab = agreement_tracker.load().focus_areas
    assert vocab.lookup("cybersecurity").label == "Cyber Security"
    assert vocab.lookup("Research and Develoment").label == "Research and Development"


def test_bundled_order_and_size(bundled: Vocabulary) -> None:
    """The bundled vocabulary keeps its file's display order."""
    assert len(bundled) == 23
    assert [area.id for area in bundled] == [
        "emerging-technologies",
        "artificial-intelligence",
        "cyber-security",
        "unmanned-systems",
        "electronic-warfare",
        "research-and-development",
        "defence-innovation",
        "start-up-ecosystems",
        "technology-sharing",
        "defence-industrial-cooperation",
        "co-development",
        "co-production",
        "advanced-weapon-systems",
        "training",
        "strategic-dialogue",
        "counter-terrorism",
        "operational-capability",
        "technological-innovation",
        "defence-modernisation",
        "intelligence-sharing",
        "drone-systems",
        "radar-technologies",
        "missile-defence",
    ]


def test_bundled_children(bundled: Vocabulary) -> None:
    """The umbrella terms' children are listed by id."""
    assert ids(bundled.children("emerging-technologies")) == [
        "artificial-intelligence",
        "cyber-security",
        "electronic-warfare",
        "unmanned-systems",
    ]
    assert ids(bundled.children("defence-industrial-cooperation")) == []  # no source nests any


def test_bundled_descendants(bundled: Vocabulary) -> None:
    """An umbrella's descendants are itself and its four technologies."""
    assert ids(bundled.descendants("emerging-technologies")) == [
        "emerging-technologies",
        "artificial-intelligence",
        "cyber-security",
        "electronic-warfare",
        "unmanned-systems",
    ]
    assert ids(bundled.descendants("AI")) == ["artificial-intelligence"]


def test_bundled_ancestors(bundled: Vocabulary) -> None:
    """AI sits under emerging technologies and nothing else."""
    assert ids(bundled.ancestors("AI")) == ["emerging-technologies"]
    assert ids(bundled.ancestors("emerging-technologies")) == []


@pytest.mark.parametrize(
    ("term", "message"),
    [
        (
            "artifical inteligence",
            "no focus area 'artifical inteligence'; did you mean 'Artificial Intelligence'?",
        ),
        ("cyber securty", "no focus area 'cyber securty'; did you mean 'Cyber Security'?"),
    ],
)
def test_bundled_lookup_suggests_close_matches(
    bundled: Vocabulary, term: str, message: str
) -> None:
    """Misspelt terms in the bundled vocabulary get a 'did you mean' suggestion."""
    with pytest.raises(UnknownRecordError, match=exactly(message)):
        bundled.lookup(term)


def test_bundled_lookup_hint_lists_vocabulary(bundled: Vocabulary) -> None:
    """A term close to nothing gets the list of every bundled label."""
    message = (
        "no focus area 'zzzz'; the vocabulary has: Emerging technologies, "
        "Artificial Intelligence, Cyber Security, Unmanned systems, Electronic warfare, "
        "Research and Development, Defence innovation, Start-up ecosystems, "
        "Technology sharing, Defence industrial cooperation, Co-development, Co-production, "
        "Advanced weapon systems, Training, Strategic dialogue, Counter-terrorism, "
        "Operational capability, Technological innovation, Defence modernisation, "
        "Intelligence sharing, Drone systems, Radar technologies, Missile defence"
    )
    with pytest.raises(UnknownRecordError, match=exactly(message)):
        bundled.lookup("zzzz")


def test_bundled_vocabulary_has_no_problems(bundled: Vocabulary) -> None:
    """The bundled vocabulary is consistent."""
    assert problems(bundled) == []


@given(st.sampled_from(sorted(agreement_tracker.load().focus_areas, key=lambda a: a.id)))
def test_bundled_every_name_finds_its_term(area: FocusArea) -> None:
    """Every id, label and synonym of a bundled term looks up that term."""
    vocab = agreement_tracker.load().focus_areas
    for name in (area.id, *area.names):
        assert vocab.lookup(name) is area
        assert vocab.lookup(name.upper()) is area


@given(st.sampled_from(sorted(agreement_tracker.load().focus_areas, key=lambda a: a.id)))
def test_bundled_hierarchy_is_consistent(area: FocusArea) -> None:
    """A term is among the descendants of each of its ancestors, and its children list it as parent."""
    vocab = agreement_tracker.load().focus_areas
    for ancestor in vocab.ancestors(area):
        assert area in vocab.descendants(ancestor)
    for child in vocab.children(area):
        assert area.id in child.parents
    assert vocab.descendants(area)[0] is area


# ------------------------------------------------------------------------------ problems


def test_problems_of_a_consistent_vocabulary() -> None:
    """A consistent vocabulary has no problems."""
    assert problems(SMALL_AREAS) == []
    assert problems([]) == []


@pytest.mark.parametrize(
    ("areas", "expected"),
    [
        (
            [FocusArea(id="a", label="A", parents=("b",))],
            [("a", "parents", "unknown focus area 'b'")],
        ),
        (
            [
                FocusArea(id="alpha", label="Alpha"),
                FocusArea(id="beta", label="Beta", parents=("alpah",)),
            ],
            [("beta", "parents", "unknown focus area 'alpah'; did you mean 'alpha'?")],
        ),
    ],
)
def test_problems_unknown_parent(
    areas: list[FocusArea], expected: list[tuple[str, str, str]]
) -> None:
    """A parent that is not a term is reported, with a suggestion when one is close."""
    assert problems(areas) == expected


@pytest.mark.parametrize(
    ("areas", "expected"),
    [
        (
            [FocusArea(id="a", label="A", parents=("a",))],
            [("a", "parents", "the hierarchy loops back to this term")],
        ),
        (
            [
                FocusArea(id="a", label="A", parents=("b",)),
                FocusArea(id="b", label="B", parents=("a",)),
            ],
            [
                ("a", "parents", "the hierarchy loops back to this term"),
                ("b", "parents", "the hierarchy loops back to this term"),
            ],
        ),
        (
            [
                FocusArea(id="a", label="A", parents=("c",)),
                FocusArea(id="b", label="B", parents=("a",)),
                FocusArea(id="c", label="C", parents=("b",)),
                FocusArea(id="d", label="D", parents=("a",)),
            ],
            [
                ("a", "parents", "the hierarchy loops back to this term"),
                ("b", "parents", "the hierarchy loops back to this term"),
                ("c", "parents", "the hierarchy loops back to this term"),
            ],
        ),
    ],
)
def test_problems_cycles(areas: list[FocusArea], expected: list[tuple[str, str, str]]) -> None:
    """Every term on a cycle is reported; terms merely below a cycle are not."""
    assert problems(areas) == expected


@pytest.mark.parametrize(
    ("areas", "expected"),
    [
        (
            [FocusArea(id="a", label="Shared"), FocusArea(id="b", label="shared")],
            [("b", "label", "'shared' is already a name of 'a'")],
        ),
        (
            [
                FocusArea(id="a", label="A", synonyms=("R&D",)),
                FocusArea(id="b", label="B", synonyms=("R and D",)),
            ],
            [("b", "synonyms", "'R and D' is already a name of 'a'")],
        ),
        (
            [
                FocusArea(id="a", label="Cyber Security"),
                FocusArea(id="b", label="B", synonyms=("cybersecurity",)),
            ],
            [("b", "synonyms", "'cybersecurity' is already a name of 'a'")],
        ),
    ],
)
def test_problems_shared_name(areas: list[FocusArea], expected: list[tuple[str, str, str]]) -> None:
    """A label or synonym that normalises to another term's name is reported on the later term."""
    assert problems(areas) == expected


def test_problems_name_repeated_within_a_term_is_fine() -> None:
    """A term may list a name that normalises to its own label."""
    assert problems([FocusArea(id="a", label="Cyber Security", synonyms=("cybersecurity",))]) == []


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        (FocusArea(id="a", label="--"), [("a", "label", "'--' has no letters or digits")]),
        (
            FocusArea(id="a", label="A", synonyms=("B", "?!")),
            [("a", "synonyms", "'?!' has no letters or digits")],
        ),
    ],
)
def test_problems_name_without_letters(
    area: FocusArea, expected: list[tuple[str, str, str]]
) -> None:
    """A label or synonym with no letters or digits is reported."""
    assert problems([area]) == expected


def test_problems_reports_everything() -> None:
    """Problems of several kinds are all reported, in term order."""
    areas = [
        FocusArea(id="a", label="!!", parents=("zzz",)),
        FocusArea(id="b", label="B", synonyms=("b",), parents=("b",)),
        FocusArea(id="c", label="B"),
    ]
    assert problems(areas) == [
        ("a", "label", "'!!' has no letters or digits"),
        ("a", "parents", "unknown focus area 'zzz'"),
        ("c", "label", "'B' is already a name of 'b'"),
        ("b", "parents", "the hierarchy loops back to this term"),
    ]


def test_problems_id_shared_with_another_terms_name() -> None:
    """An id or name that collides with another term's id or name is reported."""
    areas = [
        FocusArea(id="ai", label="Artificial intelligence"),
        FocusArea(id="x", label="X", synonyms=("AI",)),
        FocusArea(id="artificial-intelligence", label="Y"),
    ]
    assert problems(areas) == [
        ("x", "synonyms", "'AI' is already a name of 'ai'"),
        ("artificial-intelligence", "id", "'artificial-intelligence' is already a name of 'ai'"),
    ]


def test_problems_duplicate_id() -> None:
    """A second term with an id already used is reported on its id."""
    areas = [FocusArea(id="a", label="A"), FocusArea(id="a", label="A")]
    assert problems(areas) == [("a", "id", "duplicate focus area id 'a'")]


# ------------------------------------------------------------------ labels in any script

HINDI = (
    "\u0938\u093e\u0907\u092c\u0930 \u0938\u0941\u0930\u0915\u094d\u0937\u093e"  # cyber security
)
HEBREW = "\u05e1\u05d9\u05d9\u05d1\u05e8"  # cyber
ARABIC = "\u0627\u0644\u0623\u0645\u0646 \u0627\u0644\u0633\u064a\u0628\u0631\u0627\u0646\u064a"
SCRIPTS = (
    FocusArea(id="cyber-security-hi", label=HINDI),
    FocusArea(id="cyber-he", label=HEBREW, synonyms=("\u05e1\u05d9\u05d9\u05d1\u05e8-2",)),
    FocusArea(id="cyber-security-ar", label=ARABIC),
    FocusArea(id="securite", label="S\u00e9curit\u00e9", synonyms=("\uff21\uff29",)),
)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (HINDI, "\u0938\u093e\u0907\u092c\u0930\u0938\u0941\u0930\u0915\u094d\u0937\u093e"),
        (HEBREW + "-2", "\u05e1\u05d9\u05d9\u05d1\u05e82"),
        ("Se\u0301curite\u0301", "s\u00e9curit\u00e9"),  # NFD composes
        ("\uff21\uff29", "ai"),  # full-width letters read as plain ones
        ("\ufb01rst", "first"),  # a ligature reads as its letters
        ("Cyber\u200bSecurity", "cybersecurity"),  # format characters are dropped
        (
            "\u0394\u03b9\u03ac\u03c3\u03c4\u03b7\u03bc\u03b1",
            "\u03b4\u03b9\u03ac\u03c3\u03c4\u03b7\u03bc\u03b1",
        ),
    ],
)
def test_normalise_term_keeps_letters_of_every_script(term: str, expected: str) -> None:
    """Letters, digits and marks of any script are kept (NFKC, case-folded); the rest is dropped."""
    assert normalise_term(term) == expected


def test_labels_in_other_scripts_are_consistent() -> None:
    """Hindi, Hebrew and Arabic labels are real names: no problem, and no collision with each other."""
    assert problems(SCRIPTS) == []


def test_labels_in_other_scripts_are_looked_up() -> None:
    """Each non-Latin label finds its own term, ignoring spacing, punctuation and Unicode form."""
    vocab = Vocabulary(SCRIPTS)
    assert vocab.lookup(HINDI).id == "cyber-security-hi"
    assert vocab.lookup(HINDI.replace(" ", "-")).id == "cyber-security-hi"
    assert vocab.lookup(HEBREW).id == "cyber-he"
    assert vocab.lookup(ARABIC).id == "cyber-security-ar"
    assert vocab.lookup("se\u0301curite\u0301").id == "securite"
    assert vocab.lookup("AI").id == "securite"
    assert vocab.get("\u05e1\u05d9\u05d9") is None


def test_an_unknown_non_latin_term_suggests_close_labels() -> None:
    """A misspelt Hebrew term is refused with the close Hebrew label, not with every other script."""
    vocab = Vocabulary(SCRIPTS)
    with pytest.raises(UnknownRecordError) as caught:
        vocab.lookup("\u05e1\u05d9\u05d1\u05e8")
    assert caught.value.suggestions == (HEBREW,)


def test_a_label_without_letters_in_any_script_is_still_reported() -> None:
    """A label of symbols only has no letters or digits, in any script."""
    assert problems([FocusArea(id="a", label="\U0001f680\u2014")]) == [
        ("a", "label", "'\U0001f680\u2014' has no letters or digits")
    ]


def test_two_labels_that_differ_by_a_format_character_collide() -> None:
    """A label that differs from another term's only by a zero-width character is reported."""
    areas = [
        FocusArea(id="a", label="Cyber Security"),
        FocusArea(id="b", label="Cyber\u200b Security"),
    ]
    assert problems(areas) == [("b", "label", "'Cyber\\u200b Security' is already a name of 'a'")]
