"""The survey file validator: good files pass, each kind of broken file is named precisely."""

from pathlib import Path

import pytest

from app.definitions import DefinitionError, parse_file, parse_text
from app.definitions.checks import kpi_problems
from app.definitions.loader import validate_directory
from tests.samples import ALL_TYPES

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"


def problems(text: str) -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        parse_text(text, slug="broken", path="surveys/broken.toml")
    assert str(caught.value).startswith("surveys/broken.toml: ")
    return caught.value.problems


def test_a_file_with_every_question_type_is_valid():
    survey = parse_text(ALL_TYPES, slug="sample", path="sample.toml")
    assert [q.type for q in survey.questions] == [
        "yesno",
        "scale",
        "multiple",
        "single",
        "number",
        "text",
    ]
    assert survey.question("helpful").values() == ("1", "2", "3", "4", "5", "dont_know")
    assert survey.kpis[0].milestones[0].percent == 45.0


def test_every_shipped_template_is_valid_and_they_carry_at_least_ten_kpis():
    good, errors = validate_directory(SURVEYS)
    assert errors == []
    slugs = {survey.slug for survey in good}
    assert {
        "post-14-review",
        "ehcp-quality-young-people",
        "ehcp-quality-parent-carers",
        "ehcp-quality-sencos",
        "local-offer-sencos",
        "ehc-assessment-parent-carers",
        "co-production-group",
    } <= slugs
    assert sum(len(survey.kpis) for survey in good) >= 10


def test_the_same_content_hashes_the_same_and_a_changed_word_does_not():
    first = parse_text(ALL_TYPES, slug="s", path="s.toml")
    again = parse_text(ALL_TYPES, slug="s", path="s.toml")
    changed = parse_text(ALL_TYPES.replace("Jobs", "Work"), slug="s", path="s.toml")
    assert first.content_hash() == again.content_hash() != changed.content_hash()


def test_a_kpi_edit_alone_does_not_change_the_content_hash():
    edited = ALL_TYPES.replace("target = 80", "target = 85")
    assert (
        parse_text(edited, slug="s", path="s.toml").content_hash()
        == parse_text(ALL_TYPES, slug="s", path="s.toml").content_hash()
    )


def test_text_that_is_not_toml_is_refused_with_the_reason():
    assert problems('title = "unclosed')[0].startswith("file: not valid TOML")


def test_a_missing_field_is_named():
    assert "title: Field required" in problems(ALL_TYPES.replace('title = "Your review"', ""))


def test_a_misspelt_field_is_refused_not_ignored():
    found = problems(ALL_TYPES.replace("minutes = 3", "minutes = 3\nminuts = 4"))
    assert any(p.startswith("minuts:") for p in found)


def test_a_number_written_as_text_is_refused():
    found = problems(ALL_TYPES.replace("minutes = 3", 'minutes = "3"'))
    assert any(p.startswith("minutes:") for p in found)


def test_an_unknown_question_type_names_the_question():
    found = problems(ALL_TYPES.replace('type = "yesno"', 'type = "slider"'))
    assert any(p.startswith("questions[0].type:") for p in found)


def test_a_question_key_used_twice_is_refused():
    found = problems(ALL_TYPES.replace('key = "who"', 'key = "topics"'))
    assert 'questions[3].key: "topics" is used twice' in found


def test_an_option_value_used_twice_is_refused():
    found = problems(ALL_TYPES.replace('value = "jobs"', 'value = "school"'))
    assert any("questions[2]" in p and '"school" is used twice' in p for p in found)


def test_a_choice_question_with_one_option_is_refused():
    text = ALL_TYPES.replace('  { value = "teacher", label = "A teacher" },\n', "")
    assert any(
        p.startswith("questions[3]: a single or multiple choice question needs at least 2")
        for p in problems(text)
    )


def test_routing_to_a_later_question_is_refused():
    text = ALL_TYPES.replace('show_if = { question = "had_review"', 'show_if = { question = "who"')
    assert 'questions[1].show_if.question: "who" is not an earlier question' in problems(text)


def test_routing_on_an_answer_that_is_not_offered_is_refused():
    text = ALL_TYPES.replace('answers = ["yes"]', 'answers = ["Yes"]')
    found = problems(text)
    assert any(p.startswith('questions[1].show_if.answers: "Yes" is not an answer') for p in found)


def test_a_kpi_on_a_missing_question_names_the_kpi_and_field():
    found = problems(
        ALL_TYPES.replace('question = "helpful", positive', 'question = "helpfull", positive')
    )
    assert 'kpis[0] (T 1).conditions[0].question: no question has the key "helpfull"' in found


def test_a_kpi_counting_an_answer_that_is_not_offered_is_refused():
    found = problems(ALL_TYPES.replace('positive = ["4", "5"]', 'positive = ["4", "6"]'))
    assert any(
        p.startswith('kpis[0] (T 1).conditions[0].positive: "6" is not an answer') for p in found
    )


def test_a_kpi_with_no_positive_answers_is_refused():
    found = problems(ALL_TYPES.replace('positive = ["4", "5"]', "positive = []"))
    assert any(p.startswith("kpis[0].conditions[0].positive:") for p in found)


def test_milestones_out_of_date_order_are_refused():
    text = ALL_TYPES.replace(
        "milestones = [{ date = 2024-12-31, percent = 45 }]",
        "milestones = [{ date = 2024-12-31, percent = 45 }, { date = 2024-06-30, percent = 30 }]",
    )
    assert any("milestones must be in date order" in p for p in problems(text))


def test_an_excluded_answer_the_question_does_not_offer_is_refused():
    # "helpful" offers 1 to 5 and "I don't know", not "I'd rather not say".
    text = ALL_TYPES.replace(
        'positive = ["4", "5"] }', 'positive = ["4", "5"], excluded = ["prefer_not_say"] }'
    )
    assert problems(text) == [
        'kpis[0] (T 1).conditions[0].excluded: "prefer_not_say" is not an answer to "helpful"'
        " (it offers 1, 2, 3, 4, 5, dont_know)"
    ]
    # The default list is whichever of the two the question offers: no problem.
    parse_text(ALL_TYPES, slug="fine", path="surveys/fine.toml")


def test_a_kpi_date_outside_2000_to_2099_is_refused():
    found = problems(ALL_TYPES.replace("target_date = 2025-06-30", "target_date = 9999-12-31"))
    assert any(
        p.startswith("kpis[0].target_date:") and "from 2000-01-01 to 2099-12-31" in p for p in found
    )


def test_a_number_range_wider_than_nine_digits_is_refused():
    found = problems(ALL_TYPES.replace("max = 25", "max = 10000000000"))
    assert any(p.startswith("questions[4].max:") for p in found)


def test_a_target_over_100_percent_is_refused():
    found = problems(ALL_TYPES.replace("target = 80", "target = 120"))
    assert any(p.startswith("kpis[0].target:") for p in found)


def test_a_file_name_that_cannot_be_an_address_is_refused(tmp_path):
    path = tmp_path / "My Survey.toml"
    path.write_text(ALL_TYPES)
    with pytest.raises(DefinitionError) as caught:
        parse_file(path)
    assert "file name" in str(caught.value)


def test_a_broken_file_does_not_stop_the_good_ones_validating(tmp_path):
    (tmp_path / "good.toml").write_text(ALL_TYPES)
    (tmp_path / "bad.toml").write_text(ALL_TYPES.replace("minutes = 3", "minutes = 0"))
    good, errors = validate_directory(tmp_path)
    assert [s.slug for s in good] == ["good"]
    assert errors[0].path.endswith("bad.toml") and errors[0].problems[0].startswith("minutes:")


def test_a_kpi_problem_is_data_naming_its_field_relative_to_the_kpi():
    survey = parse_text(ALL_TYPES, slug="x", path="x.toml")
    kpi = survey.kpis[0]
    wrong = kpi.model_copy(
        update={"conditions": [kpi.conditions[0].model_copy(update={"question": "nope"})]}
    )
    (problem,) = kpi_problems(survey, wrong)
    assert (problem.where, problem.field) == ("conditions[0].question", "conditions")
    assert problem.message == 'no question has the key "nope"'
