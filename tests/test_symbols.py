"""Easy-read pictures mean their words: one picture, one idea, in every question of every survey."""

import sys
from collections import defaultdict
from pathlib import Path

import pytest

from app.definitions import parse_file, parse_text
from app.questions.words import picture_names
from app.symbols import SYMBOLS, symbol

ROOT = Path(__file__).resolve().parent.parent
SURVEYS = sorted((ROOT / "surveys").glob("*.toml"))
sys.path.insert(0, str(ROOT / "tools"))
from easyread_symbols import SYMBOLS as LISTED  # noqa: E402 (the tool is not a package)

# Answers with different values that are the same idea, so they share a picture on purpose.
SAME_IDEA = {
    "question": {"not_sure", "dont_know"},  # never offered together (tests/definitions)
    "cross": {"no", "none", "not_issued"},  # "No", "None of these", "there will be no plan"
    "information": {"information", "poster"},  # "Leaflets or websites", "a poster or leaflet"
    "pencil": {"amended_plan", "week_16"},  # a plan written again, a plan still being written
}


def pictures_in(question) -> list[tuple[str, str]]:
    """Return (picture, what it stands for here) for a question and each of its answers."""
    found = [(name, f"answer {value}") for value, name in picture_names(question).items()]
    if question.easyread and question.easyread.symbol:
        found.append((question.easyread.symbol, "the question"))
    return found


def clashes(question) -> dict[str, list[str]]:
    """Return each picture the question shows for two different things, with those things."""
    stands_for = defaultdict(list)
    for name, what in pictures_in(question):
        stands_for[name].append(what)
    return {name: whats for name, whats in stands_for.items() if len(whats) > 1}


@pytest.fixture(scope="module")
def surveys():
    return [parse_file(path) for path in SURVEYS]


def test_no_question_shows_one_picture_for_two_different_things(surveys):
    found = {
        f"{survey.slug}: {question.key}": clashes(question)
        for survey in surveys
        for question in survey.questions
        if clashes(question)
    }
    assert found == {}


def test_the_clash_check_finds_a_briefcase_for_a_job_and_an_apprenticeship():
    survey = parse_text(
        """
title = "After school"
audience = "young_people"
summary = "What next?"
minutes = 1

[[questions]]
key = "next"
type = "multiple"
text = "Which of these has someone told you about?"
options = [
  { value = "job", label = "A paid job", symbol = "job" },
  { value = "training", label = "An apprenticeship", symbol = "job" },
]
""",
        slug="after",
        path="after.toml",
    )
    assert clashes(survey.questions[0]) == {"job": ["answer job", "answer training"]}


def test_a_yes_no_question_with_i_dont_know_shows_the_question_mark_twice():
    survey = parse_text(
        """
title = "Review"
audience = "young_people"
summary = "Your review."
minutes = 1

[[questions]]
key = "clear"
type = "yesno"
text = "Is your plan clear?"
dont_know = true
""",
        slug="review",
        path="review.toml",
    )
    assert clashes(survey.questions[0]) == {"question": ["answer not_sure", "answer dont_know"]}


def test_an_answer_picture_stands_for_the_same_answer_in_every_survey(surveys):
    answers = defaultdict(set)
    for survey in surveys:
        for question in survey.questions:
            for value, name in picture_names(question).items():
                answers[name].add(value)
    mixed = {
        name: sorted(values)
        for name, values in answers.items()
        if len(values) > 1 and not values <= SAME_IDEA.get(name, set())
    }
    assert mixed == {}


def test_every_picture_says_what_it_stands_for_and_no_two_say_the_same():
    meanings = [means for _name, _source, _alt, means in LISTED]
    assert all(meanings) and len(set(meanings)) == len(meanings)
    assert sorted(name for name, *_rest in LISTED) == sorted(p.stem for p in SYMBOLS.glob("*.svg"))


def test_symbols_md_names_each_picture_with_what_it_stands_for():
    text = (ROOT / "easyread" / "SYMBOLS.md").read_text(encoding="utf-8")
    for name, _source, _alt, means in LISTED:
        assert f"## `{name}`: {means}\n" in text
    assert '- post-14-review: answer `training` to `pathways_heard`, "Learning a job' in text


def test_every_picture_a_survey_names_is_drawn(surveys):
    named = {
        name
        for survey in surveys
        for question in survey.questions
        for name in [n for n, _what in pictures_in(question)]
    }
    assert {name for name in named if not symbol(name)} == set()
