"""Scoring of every item type, and the checks on item content (no database)."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from skillpath.assessments import adaptive, item_schema, scoring
from skillpath.assessments.exceptions import AnswerInvalid

OPTIONS = {
    "options": [
        {"id": "a", "en": "Alpha", "fr": "Alpha"},
        {"id": "b", "en": "Beta", "fr": "Bêta"},
        {"id": "c", "en": "Gamma", "fr": "Gamma"},
    ]
}
MATCHING = {
    "prompts": [{"id": "p1", "en": "Cat"}, {"id": "p2", "en": "Dog"}],
    "choices": [{"id": "x", "en": "Meow"}, {"id": "y", "en": "Woof"}],
}


def form(text: str) -> QueryDict:
    return QueryDict(text)


def test_single_choice_reads_the_form_and_scores() -> None:
    answer = scoring.parse_answer("single_choice", OPTIONS, form("choice=b"))
    assert scoring.score("single_choice", OPTIONS, {"correct": "b"}, answer).correct
    assert not scoring.score("single_choice", OPTIONS, {"correct": "a"}, answer).correct


def test_single_choice_without_a_choice_is_refused() -> None:
    with pytest.raises(AnswerInvalid):
        scoring.parse_answer("single_choice", OPTIONS, form(""))
    with pytest.raises(AnswerInvalid):
        scoring.parse_answer("single_choice", OPTIONS, form("choice=zz"))


def test_multiple_select_gives_partial_credit_only_to_graded_items() -> None:
    key = {"correct": ["a", "c"]}
    answer = scoring.parse_answer("multiple_select", OPTIONS, form("choices=a"))
    assert scoring.credit("multiple_select", OPTIONS, key, answer) == 0.5
    assert scoring.score("multiple_select", OPTIONS, key, answer).category == 0
    graded = scoring.score("multiple_select", OPTIONS, key, answer, n_thresholds=2)
    assert graded.category == 1
    wrong = {"choices": ["a", "b", "c"]}
    assert scoring.credit("multiple_select", OPTIONS, key, wrong) == 0.5


def test_true_false_and_numeric_with_tolerance_and_french_commas() -> None:
    answer = scoring.parse_answer("true_false", {}, form("value=false"))
    assert scoring.score("true_false", {}, {"correct": False}, answer).correct
    key = {"value": 12.5, "tolerance": 0.1}
    french = scoring.parse_answer("numeric", {}, form("value=12,45"))
    assert french == {"value": 12.45}
    assert scoring.score("numeric", {}, key, french).correct
    assert not scoring.score("numeric", {}, key, {"value": 12.7}).correct
    assert scoring.parse_answer("numeric", {}, {"value": 3}) == {"value": 3.0}
    with pytest.raises(AnswerInvalid):
        scoring.parse_answer("numeric", {}, form("value=twelve"))


def test_short_text_accepts_variants_and_patterns() -> None:
    key = {
        "accepted": ["Hand washing", "lavage des mains"],
        "pattern": r"wash(ing)? hands?",
    }
    for typed in ("hand  washing.", "HAND WASHING", "Lavage des mains", "wash hands"):
        answer = scoring.parse_answer("short_text", {}, {"text": typed})
        assert scoring.score("short_text", {}, key, answer).correct, typed
    assert not scoring.score("short_text", {}, key, {"text": "gloves"}).correct
    assert (
        scoring.credit(
            "short_text", {}, {"accepted": ["éducatrice"]}, {"text": "educatrice"}
        )
        == 1.0
    )


def test_ordering_from_positions_and_pairwise_credit() -> None:
    key = {"order": ["c", "a", "b"]}
    answer = scoring.parse_answer(
        "ordering", OPTIONS, form("position-a=2&position-b=3&position-c=1")
    )
    assert answer == {"order": ["c", "a", "b"]}
    assert scoring.score("ordering", OPTIONS, key, answer).correct
    assert scoring.credit(
        "ordering", OPTIONS, key, {"order": ["a", "c", "b"]}
    ) == pytest.approx(2 / 3)
    with pytest.raises(AnswerInvalid):
        scoring.parse_answer(
            "ordering", OPTIONS, form("position-a=1&position-b=1&position-c=2")
        )


def test_matching_every_line_needs_a_match() -> None:
    key = {"pairs": {"p1": "x", "p2": "y"}}
    answer = scoring.parse_answer("matching", MATCHING, form("match-p1=x&match-p2=x"))
    assert scoring.credit("matching", MATCHING, key, answer) == 0.5
    with pytest.raises(AnswerInvalid):
        scoring.parse_answer("matching", MATCHING, form("match-p1=x"))
    api = scoring.parse_answer("matching", MATCHING, {"pairs": {"p1": "x", "p2": "y"}})
    assert scoring.score("matching", MATCHING, key, api).correct


def test_item_checks_name_what_is_wrong() -> None:
    assert item_schema.validate_item("single_choice", OPTIONS, {"correct": "a"}) == []
    problems = item_schema.validate_item("single_choice", OPTIONS, {"correct": "z"})
    assert any("correct option" in p for p in problems)
    assert item_schema.validate_item("numeric", {}, {"value": "x"})
    assert item_schema.validate_item("short_text", {}, {"pattern": "("})
    assert item_schema.validate_item("ordering", OPTIONS, {"order": ["a", "b"]})
    assert (
        item_schema.validate_item(
            "matching", MATCHING, {"pairs": {"p1": "x", "p2": "y"}}
        )
        == []
    )
    assert item_schema.validate_item("performance_task", {}, {}, rubric={})


def test_rubric_level_is_the_lowest_criterion() -> None:
    rubric = {
        "levels": [{"level": 1, "en": "Beginning"}, {"level": 2, "en": "Competent"}],
        "criteria": [
            {
                "id": "c1",
                "en": "Safety",
                "descriptors": {"1": {"en": "x"}, "2": {"en": "y"}},
            },
            {
                "id": "c2",
                "en": "Care",
                "descriptors": {"1": {"en": "x"}, "2": {"en": "y"}},
            },
        ],
    }
    assert item_schema.validate_rubric(rubric) == []
    assert item_schema.rubric_result(rubric, {"c1": "2", "c2": 1}) == 1
    with pytest.raises(ValueError):
        item_schema.rubric_result(rubric, {"c1": "2"})


def test_levels_map_to_cuts_and_back() -> None:
    cuts = adaptive.level_cuts([1, 2, 3, 4, 5])
    assert cuts == {2: -1.5, 3: -0.5, 4: 0.5, 5: 1.5}
    assert adaptive.level_of(0.0, [1, 2, 3, 4, 5]) == 3
    assert adaptive.level_of(-3.0, [1, 2, 3, 4, 5]) == 1
    assert adaptive.cut_for(1, [1, 2, 3]) is None
