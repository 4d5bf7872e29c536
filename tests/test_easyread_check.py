"""The easy-read linter: what it flags and what it lets through."""

from app.definitions import parse_text
from app.easyread_check import (
    avoid_words,
    check_survey,
    check_text,
    check_translations,
    word_count,
)
from tests.samples import ALL_TYPES

EASY = ALL_TYPES.replace(
    "minutes = 3\n",
    'minutes = 3\n[easyread]\ntitle = "Your review"\nsummary = "We want to know.\\nIt is short."\n'
    'symbol = "meeting"\n',
)


def rules(findings):
    return [(f.where, f.rule, f.error) for f in findings]


def test_the_avoid_list_comes_from_the_rules_file():
    words = avoid_words()
    assert words["provision"] == "help and support" and words["utilize"] == "use"
    assert words["complete"] == "fill in"


def test_a_sentence_of_16_words_is_an_error_and_15_is_fine():
    fifteen = " ".join(["word"] * 15) + "."
    assert list(check_text("x", fifteen, {})) == []
    sixteen = " ".join(["word"] * 16) + "."
    assert rules(check_text("x", sixteen, {})) == [("x", "ER1", True)]


def test_words_are_counted_as_the_rules_say():
    assert word_count("I don't know - it's 3 o'clock!") == 6


def test_two_sentences_on_a_line_and_hard_words_are_advice():
    found = rules(check_text("x", "We help. You can ask for assistance.", avoid_words()))
    assert ("x", "ER2", False) in found and ("x", "ER3", False) in found


def test_a_survey_without_easy_read_wording_is_an_error():
    survey = parse_text(ALL_TYPES, slug="s", path="s.toml")
    assert rules(check_survey(survey, {"meeting"}, {})) == [("easyread", "ER0", True)]


def test_questions_without_easy_read_or_with_unknown_pictures_are_errors():
    text = EASY.replace(
        'text = "Did you have a review meeting?"',
        'text = "Did you have a review meeting?"\n'
        'easyread = { text = "Did you have a meeting?", symbol = "unicorn" }',
    )
    survey = parse_text(text, slug="s", path="s.toml")
    found = rules(check_survey(survey, {"meeting"}, {}))
    assert ("questions.had_review.easyread.symbol", "ER4", True) in found
    assert ("questions.helpful.easyread", "ER0", True) in found
    assert ("questions.topics.options.jobs.symbol", "ER4", False) in found


def test_an_easy_read_string_missing_from_a_catalogue_is_named_with_its_language():
    survey = parse_text(EASY, slug="s", path="s.toml")
    found = check_translations(survey, {"pl": {"Your review": "Twój przegląd"}})
    assert [(f.where, f.message) for f in found] == [("easyread.summary", "no pl translation")]
