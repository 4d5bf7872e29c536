"""Unit tests for KPI status: Wilson intervals, trajectories, BRAG rules and sentences."""

import json
from datetime import date

import pytest

from app.analysis.kpi_sentences import TEMPLATES, day_month_year, month_year
from app.analysis.kpi_status import (
    BRAG,
    ON_TRACK,
    VOCABULARIES,
    Milestone,
    Status,
    assess,
    classify,
    expected_on,
    heading_to,
    hidden_reading,
    percent,
    reading_to_dict,
    slow_to_progress,
    wilson_interval,
)

DEC_2024 = date(2024, 12, 1)
JUN_2025 = date(2025, 6, 1)
# Bexley PA1 1.3.x: 45% by December 2024, 80% by June 2025 (182 days apart).
BEXLEY = [Milestone(DEC_2024, 0.45), Milestone(JUN_2025, 0.80)]


def reading(positive, n, on, **overrides):
    """Assess a young people's KPI on the Bexley trajectory with a minimum of 10."""
    kwargs = dict(
        ref="PA1 1.3",
        statement="My post-14 review was helpful",
        audience="young-people",
        positive=positive,
        n=n,
        milestones=BEXLEY,
        on=on,
        minimum_sample=10,
        final_target=0.80,
        people=("young person", "young people"),
    )
    kwargs.update(overrides)
    return assess(**kwargs)


# Wilson interval


def test_wilson_interval_for_8_of_10_matches_published_values():
    low, high = wilson_interval(8, 10)
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)


def test_wilson_interval_with_no_answers_is_the_whole_range():
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_wilson_interval_for_none_positive_starts_at_zero_and_ends_at_closed_form():
    # Closed form at p = 0: upper end is z^2 / (n + z^2) = 3.8416 / 13.8416.
    low, high = wilson_interval(0, 10)
    assert low == 0.0
    assert high == pytest.approx(0.277540, abs=1e-6)


def test_wilson_interval_for_all_positive_ends_at_one_and_starts_at_closed_form():
    low, high = wilson_interval(10, 10)
    assert low == pytest.approx(10 / 13.8416, abs=1e-6)
    assert high == 1.0


def test_wilson_interval_narrows_as_the_sample_grows():
    small_low, small_high = wilson_interval(8, 10)
    large_low, large_high = wilson_interval(80, 100)
    assert large_high - large_low < small_high - small_low
    assert large_low < 0.8 < large_high


@pytest.mark.parametrize("positive, n", [(11, 10), (-1, 10), (0, -1)])
def test_wilson_interval_refuses_impossible_counts(positive, n):
    with pytest.raises(ValueError):
        wilson_interval(positive, n)


# Classification boundaries


def test_value_exactly_on_expected_is_green():
    assert classify(0.8, 0.9, 0.8) is Status.GREEN


def test_value_above_expected_is_green():
    assert classify(0.81, 0.9, 0.8) is Status.GREEN


def test_interval_upper_end_exactly_touching_expected_is_amber():
    assert classify(0.7, 0.8, 0.8) is Status.AMBER


def test_interval_upper_end_just_below_expected_is_red():
    assert classify(0.7, 0.7999, 0.8) is Status.RED


# Trajectory


def test_nothing_is_expected_before_the_first_milestone():
    assert expected_on(BEXLEY, date(2024, 11, 30)) is None


def test_expected_is_the_target_exactly_on_a_milestone_date():
    assert expected_on(BEXLEY, DEC_2024) == 0.45
    assert expected_on(BEXLEY, JUN_2025) == 0.80


def test_expected_is_interpolated_by_day_between_milestones():
    # 2 March 2025 is day 91 of 182: halfway from 45% to 80%.
    assert expected_on(BEXLEY, date(2025, 3, 2)) == pytest.approx(0.625)
    assert expected_on(BEXLEY, date(2024, 12, 2)) == pytest.approx(0.45 + 0.35 / 182)


def test_expected_is_the_last_target_after_the_last_milestone():
    assert expected_on(BEXLEY, date(2027, 1, 1)) == 0.80


def test_milestones_given_out_of_order_give_the_same_line():
    assert expected_on(list(reversed(BEXLEY)), date(2025, 3, 2)) == pytest.approx(0.625)


def test_two_milestones_on_one_day_are_refused():
    with pytest.raises(ValueError, match="2024-12-01"):
        expected_on([Milestone(DEC_2024, 0.4), Milestone(DEC_2024, 0.5)], JUN_2025)


def test_no_milestones_means_never_due():
    assert expected_on([], JUN_2025) is None


def test_a_start_and_baseline_draw_the_line_up_to_the_first_milestone():
    line = dict(start=date(2024, 11, 1), baseline=0.25)
    assert expected_on(BEXLEY, date(2024, 10, 31), **line) is None
    assert expected_on(BEXLEY, date(2024, 11, 1), **line) == 0.25
    assert expected_on(BEXLEY, date(2024, 11, 16), **line) == pytest.approx(0.35)


def test_a_start_without_a_baseline_is_not_due_until_the_first_milestone():
    assert expected_on(BEXLEY, date(2024, 11, 16), start=date(2024, 11, 1)) is None


def test_heading_to_names_the_next_milestone_on_or_after_the_date():
    assert heading_to(BEXLEY, DEC_2024) == BEXLEY[0]
    assert heading_to(BEXLEY, date(2024, 12, 2)) == BEXLEY[1]
    assert heading_to(BEXLEY, date(2025, 6, 2)) is None


# Formatting


@pytest.mark.parametrize(
    "fraction, whole", [(0.125, 13), (0.285, 29), (0.624, 62), (0.0, 0), (1.0, 100)]
)
def test_percentages_are_whole_numbers_rounded_half_up(fraction, whole):
    assert percent(fraction) == whole


def test_dates_are_written_with_english_month_names():
    assert month_year(JUN_2025) == "June 2025"
    assert day_month_year(date(2024, 11, 1)) == "1 November 2024"


def test_every_template_is_one_sentence_ending_in_the_status_label():
    for template in TEMPLATES.values():
        assert template.endswith(", so %(status)s.")
        assert template.count(".") == 1


def test_one_answer_is_one_young_person_not_one_young_people():
    r = reading(1, 1, date(2025, 1, 15))
    assert "1 young person answered" in r.explanation


def test_a_reading_keeps_its_case_and_unformatted_facts_for_translation():
    r = reading(8, 10, date(2025, 6, 30))
    facts = dict(r.facts)
    assert r.case == "green-at" and facts["milestone"] == date(2025, 6, 1)
    assert TEMPLATES[r.case] % {**facts, "milestone": "June 2025", "status": "Green"} == (
        r.explanation
    )


# assess: Grey


def test_before_the_first_milestone_is_grey_and_not_due():
    r = reading(8, 10, date(2024, 11, 1))
    assert r.status is Status.GREY
    assert r.expected is None
    assert r.explanation == "Not due yet: the first milestone is December 2024, so Grey."


def test_before_a_start_date_the_sentence_names_the_start():
    r = reading(8, 10, date(2024, 10, 1), start=date(2024, 11, 1), baseline=0.25)
    assert r.status is Status.GREY
    assert r.explanation == (
        "Not due yet: tracking starts on 1 November 2024 and the first "
        "milestone is December 2024, so Grey."
    )


def test_a_kpi_without_milestones_is_grey():
    r = reading(8, 10, JUN_2025, milestones=[])
    assert r.status is Status.GREY
    assert r.explanation == "Not due yet: no milestones are set, so Grey."
    assert r.current_milestone is None


def test_one_answer_below_the_minimum_is_grey():
    r = reading(7, 9, JUN_2025)
    assert r.status is Status.GREY
    assert r.explanation == (
        "Too few answers to say: 9 young people answered and at least 10 are needed, so Grey."
    )


def test_exactly_the_minimum_number_of_answers_is_enough():
    assert reading(8, 10, JUN_2025).status is Status.GREEN


def test_no_answers_is_grey_even_with_a_minimum_of_zero():
    r = reading(0, 0, JUN_2025, minimum_sample=0)
    assert r.status is Status.GREY
    assert r.value is None
    assert (r.ci_low, r.ci_high) == (0.0, 1.0)


# assess: Green, Amber, Red


def test_value_exactly_on_milestone_is_green():
    r = reading(8, 10, JUN_2025)
    assert r.status is Status.GREEN
    assert r.explanation == (
        "80% of 10 young people (95% CI 49-94%); the June 2025 milestone "
        "is 80%; the value meets it, so Green."
    )


def test_interval_upper_end_exactly_on_the_milestone_is_amber():
    _, high = wilson_interval(8, 10)
    r = reading(8, 10, JUN_2025, milestones=[Milestone(JUN_2025, high)])
    assert r.status is Status.AMBER
    assert r.explanation.endswith("; the value is below it but the interval reaches it, so Amber.")


def test_milestone_a_hair_above_the_interval_is_red():
    _, high = wilson_interval(8, 10)
    assert (
        reading(8, 10, JUN_2025, milestones=[Milestone(JUN_2025, high + 1e-6)]).status is Status.RED
    )


def test_whole_interval_below_the_milestone_is_red_and_says_so():
    r = reading(28, 45, JUN_2025)
    assert r.status is Status.RED
    assert r.explanation == (
        "62% of 45 young people (95% CI 48-75%); the June 2025 milestone "
        "is 80%; the whole interval is below it, so Red."
    )


def test_between_milestones_the_sentence_gives_the_line_and_the_milestone_ahead():
    r = reading(8, 10, date(2025, 3, 2))
    assert r.expected == pytest.approx(0.625)
    assert r.status is Status.GREEN
    assert r.explanation == (
        "80% of 10 young people (95% CI 49-94%); 63% is expected by now on "
        "the way to 80% at the June 2025 milestone; the value meets it, so Green."
    )
    assert r.next_milestone == r.current_milestone == BEXLEY[1]


def test_after_the_last_milestone_the_final_target_applies_and_is_named():
    r = reading(28, 45, date(2026, 1, 1))
    assert r.expected == 0.80
    assert r.next_milestone is None
    assert r.current_milestone == BEXLEY[1]
    assert "the June 2025 milestone is 80%" in r.explanation


def test_on_the_first_milestone_date_that_milestone_is_named():
    r = reading(5, 10, DEC_2024)
    assert r.expected == 0.45
    assert r.current_milestone == BEXLEY[0]
    assert "the December 2024 milestone is 45%" in r.explanation


# assess: Blue


def test_met_and_closed_is_blue():
    r = reading(9, 10, JUN_2025, closed=True)
    assert r.status is Status.BLUE
    assert r.explanation == (
        "90% of 10 young people (95% CI 60-98%) meets the final target of "
        "80% and the work is closed, so Blue."
    )


def test_exactly_meeting_the_final_target_and_closed_is_blue():
    assert reading(8, 10, JUN_2025, closed=True).status is Status.BLUE


def test_met_but_not_closed_is_green_not_blue():
    assert reading(9, 10, JUN_2025).status is Status.GREEN


def test_closed_but_not_met_is_assessed_normally():
    assert reading(6, 10, JUN_2025, closed=True).status is Status.AMBER
    assert reading(28, 45, JUN_2025, closed=True).status is Status.RED


def test_closed_and_met_before_the_first_milestone_is_blue():
    assert reading(9, 10, date(2024, 11, 1), closed=True).status is Status.BLUE


def test_closed_with_too_few_answers_is_grey_not_blue():
    assert reading(9, 9, JUN_2025, closed=True).status is Status.GREY


# Vocabulary


def test_vocabulary_switch_changes_the_last_words_of_the_sentence():
    brag = reading(28, 45, JUN_2025)
    hull = reading(28, 45, JUN_2025, vocabulary=ON_TRACK)
    assert brag.explanation.endswith(", so Red.")
    assert hull.explanation.endswith(", so Off track.")
    assert hull.status is Status.RED


def test_vocabularies_give_each_status_its_own_label():
    assert [ON_TRACK.label(s) for s in Status] == [
        "Not due yet",
        "On track - no concerns",
        "On track - some concerns",
        "Off track",
        "Completed",
    ]
    assert [BRAG.label(s) for s in Status] == ["Grey", "Green", "Amber", "Red", "Blue"]
    assert VOCABULARIES == {"brag": BRAG, "on-track": ON_TRACK}


# Slow to progress


def period(month, status, value, expected):
    """Build one history row for 2025."""
    return (date(2025, month, 1), status, value, expected)


def test_fewer_than_two_periods_is_never_slow():
    assert slow_to_progress([]) is False
    assert slow_to_progress([period(1, Status.RED, 0.1, 0.5)]) is False


def test_two_periods_amber_or_red_in_a_row_is_slow():
    assert slow_to_progress([period(1, Status.AMBER, 0.4, 0.5), period(2, Status.RED, 0.45, 0.55)])


def test_only_the_last_two_periods_count():
    history = [
        period(1, Status.RED, 0.3, 0.5),
        period(2, Status.RED, 0.35, 0.5),
        period(3, Status.GREEN, 0.6, 0.55),
        period(4, Status.AMBER, 0.65, 0.6),
    ]
    assert slow_to_progress(history) is False


def test_flat_value_while_expected_rises_is_slow_even_when_green():
    assert slow_to_progress([period(1, Status.GREEN, 0.7, 0.5), period(2, Status.GREEN, 0.7, 0.55)])


def test_falling_value_while_expected_rises_is_slow():
    assert slow_to_progress(
        [period(1, Status.GREEN, 0.7, 0.5), period(2, Status.GREEN, 0.65, 0.55)]
    )


def test_rising_value_is_not_slow():
    assert not slow_to_progress(
        [period(1, Status.GREEN, 0.6, 0.5), period(2, Status.GREEN, 0.61, 0.55)]
    )


def test_falling_value_with_a_flat_trajectory_is_not_slow():
    assert not slow_to_progress(
        [period(1, Status.GREEN, 0.9, 0.8), period(2, Status.GREEN, 0.85, 0.8)]
    )


def test_grey_or_blue_periods_are_not_slow_by_trend():
    assert not slow_to_progress(
        [period(1, Status.GREY, 0.7, 0.5), period(2, Status.GREEN, 0.6, 0.55)]
    )
    assert not slow_to_progress(
        [period(1, Status.GREEN, 0.9, 0.5), period(2, Status.BLUE, 0.9, 0.8)]
    )


def test_assess_adds_the_current_period_to_the_history():
    earlier = [(date(2025, 3, 1), Status.AMBER, 0.5, 0.6)]
    assert reading(28, 45, JUN_2025, history=earlier).slow_to_progress is True
    assert reading(28, 45, JUN_2025).slow_to_progress is False


# JSON shape


def test_reading_to_dict_has_exactly_the_documented_keys():
    assert set(reading_to_dict(reading(28, 45, JUN_2025))) == {
        "ref",
        "statement",
        "audience",
        "n",
        "positive",
        "value",
        "ci_low",
        "ci_high",
        "expected",
        "status",
        "explanation",
        "slow_to_progress",
    }


def test_reading_to_dict_gives_fractions_to_four_places_and_a_lower_case_status():
    data = reading_to_dict(reading(8, 10, JUN_2025, vocabulary=ON_TRACK))
    assert (data["value"], data["ci_low"], data["ci_high"], data["expected"]) == (
        0.8,
        0.4902,
        0.9433,
        0.8,
    )
    assert data["status"] == "green"
    assert (data["n"], data["positive"], data["audience"]) == (10, 8, "young-people")
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize(
    "positive, n, on", [(28, 45, JUN_2025), (0, 12, JUN_2025), (12, 12, date(2025, 3, 2))]
)
def test_reading_to_dict_fractions_stay_between_zero_and_one(positive, n, on):
    data = reading_to_dict(reading(positive, n, on))
    for key in ("value", "ci_low", "ci_high", "expected"):
        assert 0.0 <= data[key] <= 1.0
    assert data["ci_low"] <= data["value"] <= data["ci_high"]


def test_reading_to_dict_keeps_missing_values_as_none():
    data = reading_to_dict(reading(0, 0, date(2024, 1, 1)))
    assert data["value"] is None and data["expected"] is None
    assert data["status"] == "grey"


# Readings on a few answers, as the board sees them


def test_a_reading_on_fewer_answers_than_the_threshold_hides_its_figures_and_status():
    exact = reading(8, 9, JUN_2025, minimum_sample=5)
    assert exact.status == Status.GREEN
    hidden = hidden_reading(exact, 10, BRAG)
    assert (hidden.n, hidden.positive, hidden.value, hidden.ci_low) == (None, None, None, None)
    assert hidden.status == Status.GREY and hidden.expected == exact.expected
    assert hidden.explanation == (
        "Fewer than 10 people answered: the figures are hidden so that no one can be"
        " recognised, so Grey."
    )
    assert reading_to_dict(hidden)["n"] is None


def test_a_reading_on_enough_answers_or_none_is_left_as_it_is():
    assert hidden_reading(reading(8, 10, JUN_2025), 10, BRAG) == reading(8, 10, JUN_2025)
    assert hidden_reading(reading(0, 0, JUN_2025), 10, BRAG) == reading(0, 0, JUN_2025)
