"""The journey's navigation: which page comes next, given the survey and the answers so far."""

import pytest

from app.definitions import parse_text
from app.respond.navigation import CHECK, START, Step, after_answer, back, resume

ROUTED = """
title = "Your review"
audience = "young_people"
summary = "Tell us about your review meeting."
minutes = 2

[[questions]]
key = "had_review"
type = "yesno"
text = "Did you have a review meeting?"

[[questions]]
key = "helpful"
type = "scale"
text = "How helpful was your review?"
show_if = { question = "had_review", answers = ["yes"] }

[[questions]]
key = "who"
type = "single"
text = "Who helped you most?"
options = [
  { value = "family", label = "My family" },
  { value = "teacher", label = "A teacher" },
]

[[questions]]
key = "comments"
type = "text"
text = "Is there anything else you want to tell us?"
required = false
"""

ALL_ANSWERED = {"had_review": "no", "who": "family", "comments": None}


@pytest.fixture(scope="module")
def survey():
    """Parse the routed survey once: the functions under test never change it."""
    return parse_text(ROUTED, slug="routed", path="surveys/routed.toml")


def test_a_new_respondent_starts_at_the_first_question(survey):
    assert resume(survey, {}) == Step("question", "had_review")


def test_a_question_skipped_by_an_earlier_answer_is_not_asked(survey):
    assert after_answer(survey, {"had_review": "no"}, "had_review") == Step("question", "who")


def test_the_follow_up_is_asked_when_the_earlier_answer_matches(survey):
    assert after_answer(survey, {"had_review": "yes"}, "had_review") == Step("question", "helpful")


def test_back_from_the_first_question_goes_to_the_start_page(survey):
    assert back(survey, {}, "had_review") == START


def test_back_passes_over_a_question_routing_did_not_ask(survey):
    assert back(survey, {"had_review": "no"}, "who") == Step("question", "had_review")


def test_back_while_changing_an_answer_returns_to_the_check_page(survey):
    assert back(survey, ALL_ANSWERED, "who", changing=True) == CHECK


def test_after_a_change_newly_routed_questions_come_first_then_the_check_page(survey):
    changed = {**ALL_ANSWERED, "had_review": "yes"}
    assert after_answer(survey, changed, "had_review", changing=True) == Step(
        "question", "helpful", change=True
    )
    answered = {**changed, "helpful": "4"}
    assert after_answer(survey, answered, "helpful", changing=True) == CHECK


def test_a_change_that_routes_nothing_new_returns_to_the_check_page(survey):
    assert after_answer(survey, {**ALL_ANSWERED, "who": "teacher"}, "who", changing=True) == CHECK


def test_after_the_last_question_goes_to_the_check_page(survey):
    assert after_answer(survey, ALL_ANSWERED, "comments") == CHECK


def test_after_the_last_question_any_question_left_unanswered_is_asked_first(survey):
    gap = {"had_review": "no", "comments": None}
    assert after_answer(survey, gap, "comments") == Step("question", "who")


def test_with_every_question_answered_the_journey_resumes_at_the_check_page(survey):
    assert resume(survey, ALL_ANSWERED) == CHECK
