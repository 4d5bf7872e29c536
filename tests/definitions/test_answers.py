"""Survey files say which answers go alone, which box sits under an answer, and the sections."""

from pathlib import Path

import pytest

from app.definitions import DefinitionError, parse_file, parse_text
from app.definitions.checks import advice
from app.definitions.routing import (
    pages,
    position_of,
    reachable_pages,
    under_answers,
    value_problems,
)
from tests.samples import ALL_TYPES, GENDER

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
HEAD = """
title = "After school"
audience = "young_people"
summary = "What you could do next."
minutes = 2
"""
PATHWAYS = """
[[questions]]
key = "heard"
type = "multiple"
text = "Which of these has someone told you about?"
section = "Life after school"
options = [
  { value = "college", label = "College" },
  { value = "job", label = "A paid job" },
  { value = "none", label = "None of these", exclusive = true },
]
"""


def parse(text: str):
    return parse_text(HEAD + text, slug="after", path="surveys/after.toml")


def problems(text: str) -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        parse(text)
    return caught.value.problems


def test_none_of_these_is_marked_as_going_alone_and_the_section_is_read():
    question = parse(PATHWAYS).questions[0]
    assert question.exclusive_values() == ("none",)
    assert question.section == "Life after school"


def test_i_dont_know_beside_ticked_answers_goes_alone_too():
    question = parse(
        PATHWAYS.replace('text = "Which', 'dont_know = true\ntext = "Which')
    ).questions[0]
    assert question.exclusive_values() == ("none", "dont_know")


def test_an_exclusive_answer_in_a_one_answer_question_is_refused():
    found = problems(PATHWAYS.replace('type = "multiple"', 'type = "single"'))
    assert found == ["questions[0]: only a multiple choice question can have an exclusive option"]


def test_none_of_these_with_another_answer_is_not_a_valid_answer():
    question = parse(PATHWAYS).questions[0]
    assert value_problems(question, ["none", "job"]) == ['"none" goes with no other answer']
    assert value_problems(question, ["none"]) == value_problems(question, ["job", "college"]) == []


def test_a_box_under_an_answer_is_asked_on_its_questions_page_not_its_own():
    survey = parse(GENDER)
    assert [q.key for q in under_answers(survey, "gender")] == ["gender_words"]
    chosen = {"gender": "another_way"}
    assert [q.key for q in pages(survey, chosen)] == ["gender"]
    assert position_of(survey, chosen, "gender") == (1, 1)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('type = "text"\ntext = "Your own', 'type = "number"\ntext = "Your own'),
        ("required = false\nmax_length", "max_length"),
        ('answers = ["another_way"]', 'answers = ["another_way", "girl"]'),
    ],
    ids=["not text", "required", "two answers"],
)
def test_a_box_under_an_answer_must_be_an_optional_text_box_under_one_answer(old, new):
    (found,) = problems(GENDER.replace(old, new))
    assert found.startswith("questions[1]: a question under_answer")


def test_a_box_under_an_answer_must_come_straight_after_its_question():
    moved = GENDER.replace(
        '[[questions]]\nkey = "gender_words"', PATHWAYS + '\n[[questions]]\nkey = "gender_words"'
    )
    assert problems(moved) == [
        "questions[2].show_if.question: a question under_answer must come straight after the"
        " question it names"
    ]


def test_a_file_without_the_new_fields_hashes_as_it_did_before_they_existed():
    # The hash ALL_TYPES had before sections, exclusive answers and boxes under answers: a
    # release that adds fields must not make a new version of every loaded survey.
    survey = parse_text(ALL_TYPES, slug="s", path="s.toml")
    assert survey.content_hash() == (
        "c358f0e3240d11befea5ea3b1e79c809181cfda273924ec88b92fa1dc39f94f5"
    )
    assert (
        parse(PATHWAYS).content_hash()
        != parse(PATHWAYS.replace(", exclusive = true", "")).content_hash()
    )


def test_not_sure_beside_i_dont_know_is_advice_and_no_shipped_survey_does_it():
    both = parse_text(
        ALL_TYPES.replace('text = "Did you have', 'dont_know = true\ntext = "Did you have'),
        slug="s",
        path="s.toml",
    )
    assert [p.where for p in advice(both)] == ["questions[0].dont_know"]
    shipped = {path.stem: advice(parse_file(path)) for path in sorted(SURVEYS.glob("*.toml"))}
    assert shipped == {slug: [] for slug in shipped}


def test_easy_read_titles_say_whose_plan_and_what_the_survey_asks():
    titles = {path.stem: parse_file(path).easyread.title for path in SURVEYS.glob("*.toml")}
    assert titles["ehcp-quality-young-people"] == "What you think of your EHC plan"
    assert titles["ehcp-quality-parent-carers"] == "What you think of your child's EHC plan"
    assert titles["ehcp-quality-sencos"] == "What you think of a pupil's EHC plan"
    assert len(set(titles.values())) == len(titles)


ROUTED = """
[[questions]]
key = "helped"
type = "yesno"
text = "Have you helped make something?"

[[questions]]
key = "what"
type = "single"
text = "What did you help with?"
show_if = { question = "helped", answers = ["yes"] }
options = [
  { value = "leaflets", label = "Leaflets" },
  { value = "surveys", label = "Surveys" },
]

[[questions]]
key = "why"
type = "text"
text = "Why did you help?"
required = false
show_if = { question = "what", answers = ["leaflets"] }

[[questions]]
key = "age"
type = "number"
text = "How old are you?"
"""


def test_a_question_that_may_still_be_asked_is_counted_until_an_answer_rules_it_out():
    survey = parse(ROUTED)
    assert [q.key for q in reachable_pages(survey, {})] == ["helped", "what", "why", "age"]
    assert position_of(survey, {}, "helped") == (1, 4)
    assert position_of(survey, {"helped": "yes"}, "what") == (2, 4)
    assert position_of(survey, {"helped": "yes", "what": "surveys"}, "age") == (3, 3)
    assert position_of(survey, {"helped": "no"}, "age") == (2, 2)
