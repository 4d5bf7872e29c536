"""Routing said in words for paper: which answers send a reader past the next questions."""

from app.definitions import parse_text
from app.definitions.routing import Jump, jumps
from tests.samples import ALL_TYPES

HEAD = """
title = "Routes"
audience = "parent_carers"
summary = "Routing on paper."
minutes = 2
"""


def question(key, type_="yesno", show_if=""):
    rule = f"\nshow_if = {show_if}" if show_if else ""
    return f'\n[[questions]]\nkey = "{key}"\ntype = "{type_}"\ntext = "{key}?"{rule}\n'


def survey(*questions):
    return parse_text(HEAD + "".join(questions), slug="routes", path="routes.toml")


def test_answers_that_skip_the_next_question_go_to_the_one_after():
    definition = parse_text(ALL_TYPES, slug="s", path="s.toml")
    assert jumps(definition, "had_review") == [Jump(("no", "not_sure"), "topics")]


def test_a_question_nothing_depends_on_sends_no_one_anywhere():
    definition = parse_text(ALL_TYPES, slug="s", path="s.toml")
    assert jumps(definition, "helpful") == [] and jumps(definition, "comments") == []


def test_skipping_the_last_questions_ends_the_form():
    definition = survey(
        question("first"),
        question("second", show_if='{ question = "first", answers = ["yes"] }'),
    )
    assert jumps(definition, "first") == [Jump(("no", "not_sure"), None)]


def test_a_run_of_questions_ruled_out_by_different_answers_is_jumped_as_far_as_each_goes():
    definition = survey(
        question("first"),
        question("if_yes", show_if='{ question = "first", answers = ["yes"] }'),
        question("if_not_no", show_if='{ question = "first", answers = ["yes", "not_sure"] }'),
        question("last"),
    )
    assert jumps(definition, "first") == [Jump(("no",), "last"), Jump(("not_sure",), "if_not_no")]


def test_a_dependent_question_further_on_is_not_a_jump():
    definition = survey(
        question("first"),
        question("middle"),
        question("later", show_if='{ question = "first", answers = ["yes"] }'),
    )
    assert jumps(definition, "first") == []


def test_a_question_routed_by_another_answer_stops_the_jump():
    # "by_zero" says for itself when to answer it, so "first" can only send readers there.
    definition = survey(
        question("zero"),
        question("first"),
        question("by_first", show_if='{ question = "first", answers = ["yes"] }'),
        question("by_zero", show_if='{ question = "zero", answers = ["yes"] }'),
        question("last"),
    )
    assert jumps(definition, "first") == [Jump(("no", "not_sure"), "by_zero")]
