"""Unit tests for tallies: periods, windows, per-response outcomes, shares and change."""

from datetime import date

import pytest

from app.analysis.kpi_status import Milestone
from app.analysis.tally import (
    EXCLUDED,
    NOT_POSITIVE,
    POSITIVE,
    ConditionSpec,
    change,
    condition_state,
    kpi_outcome,
    parse_period,
    period_of,
    periods_between,
    question_tallies,
    response_outcome,
    roll_up,
    share,
    window_counts,
)
from app.definitions import KpiDef
from app.kpis.definition import trajectory


def test_a_month_runs_from_its_first_to_its_last_day():
    june = period_of(date(2025, 6, 17))
    assert (june.start, june.end, june.key, june.label) == (
        date(2025, 6, 1),
        date(2025, 6, 30),
        "2025-06",
        "June 2025",
    )


def test_february_ends_on_the_29th_in_a_leap_year():
    assert period_of(date(2024, 2, 3)).end == date(2024, 2, 29)


def test_a_quarter_is_three_calendar_months():
    q = period_of(date(2025, 12, 31), "quarter")
    assert (q.start, q.end, q.key, q.label) == (
        date(2025, 10, 1),
        date(2025, 12, 31),
        "2025-Q4",
        "October to December 2025",
    )


def test_periods_between_include_both_ends_and_cross_a_year():
    keys = [p.key for p in periods_between(date(2024, 11, 30), date(2025, 2, 1))]
    assert keys == ["2024-11", "2024-12", "2025-01", "2025-02"]


@pytest.mark.parametrize(
    ("key", "kind"), [("2025-13", "month"), ("June", "month"), ("2025-Q5", "quarter")]
)
def test_a_malformed_period_key_is_refused(key, kind):
    with pytest.raises(ValueError):
        parse_period(key, kind)


def test_a_period_key_reads_back_as_its_period():
    assert parse_period("2025-Q2", "quarter") == period_of(date(2025, 5, 5), "quarter")
    assert parse_period("2025-02") == period_of(date(2025, 2, 14))


@pytest.mark.parametrize(
    ("states", "outcome"),
    [
        ([POSITIVE, POSITIVE], (True, True)),
        ([POSITIVE, NOT_POSITIVE], (True, False)),
        ([POSITIVE, EXCLUDED], (False, False)),  # "I don't know" leaves the response out
        ([POSITIVE, None], (False, False)),  # so does a missing answer
        ([NOT_POSITIVE], (True, False)),
    ],
)
def test_a_response_counts_only_when_every_condition_is_answered(states, outcome):
    assert response_outcome(states) == outcome


TOPICS = ConditionSpec("topics", positive=("jobs",), excluded=("none_of_these",))
CLEAR = ConditionSpec("clear", positive=("yes",), excluded=("dont_know",))


@pytest.mark.parametrize(
    ("values", "state"),
    [
        ((), None),
        (("school",), NOT_POSITIVE),
        (("school", "jobs"), POSITIVE),  # one positive choice among several is enough
        (("jobs", "none_of_these"), EXCLUDED),  # an excluded choice wins, as in the SQL
    ],
)
def test_a_multiple_choice_answer_reduces_to_one_state(values, state):
    assert condition_state(values, TOPICS) == state


def test_a_response_is_positive_for_a_kpi_only_when_every_condition_is():
    conditions = (TOPICS, CLEAR)
    assert kpi_outcome({"topics": ["jobs"], "clear": ["yes"]}, conditions) == (True, True)
    assert kpi_outcome({"topics": ["school"], "clear": ["yes"]}, conditions) == (True, False)
    assert kpi_outcome({"topics": ["jobs"], "clear": ["dont_know"]}, conditions) == (False, False)
    assert kpi_outcome({"clear": ["yes"]}, conditions) == (False, False)


MONTHS = {"2025-01": (10, 5), "2025-02": (10, 6), "2025-03": (10, 9)}


def test_without_a_window_every_month_so_far_counts():
    assert window_counts(MONTHS, period_of(date(2025, 2, 1)), None) == (20, 11)
    assert window_counts(MONTHS, period_of(date(2025, 3, 1)), None) == (30, 20)


def test_a_window_of_two_months_counts_the_period_and_the_month_before():
    assert window_counts(MONTHS, period_of(date(2025, 3, 1)), 2) == (20, 15)
    assert window_counts(MONTHS, period_of(date(2025, 4, 1)), 2) == (10, 9)


def test_a_quarter_with_a_window_of_one_month_counts_its_last_month():
    assert window_counts(MONTHS, period_of(date(2025, 1, 1), "quarter"), 1) == (10, 9)


def test_change_is_the_difference_between_the_last_two_values():
    assert change([0.5, 0.6]) == pytest.approx(0.1)
    assert change([0.5, None]) is None and change([0.5]) is None


def test_a_share_of_nobody_is_none():
    assert share(3, 4) == 0.75 and share(0, 0) is None


def test_question_tallies_count_every_option_and_who_did_not_answer():
    tallies = question_tallies(
        counts=[("", "q", "yes", 3), ("", "q", "old_value", 1)],
        answered=[("", "q", 4)],
        responses={"": 6},
        options={"q": ["yes", "no"]},
    )
    (tally,) = tallies
    assert (tally.answered, tally.not_answered) == (4, 2)
    assert [(o.value, o.count, o.share) for o in tally.options] == [
        ("yes", 3, 0.75),
        ("no", 0, 0.0),
        ("old_value", 1, 0.25),
    ]


def test_roll_up_sums_counts_over_the_columns_left_out():
    rows = [("a", "x", 1), ("a", "y", 2), ("b", "x", 5)]
    assert sorted(roll_up(rows, keep=[0], count_at=2)) == [("a", 3), ("b", 5)]


def kpi(**overrides) -> KpiDef:
    fields = dict(
        ref="K",
        statement="S",
        priority_area="A",
        target=80.0,
        target_date=date(2025, 6, 30),
        conditions=[{"question": "q", "positive": ["yes"]}],
    )
    return KpiDef.model_validate(fields | overrides)


def test_the_final_target_is_the_last_point_of_the_trajectory():
    line = trajectory(kpi(milestones=[{"date": date(2024, 12, 31), "percent": 45.0}]))
    assert line == [Milestone(date(2024, 12, 31), 0.45), Milestone(date(2025, 6, 30), 0.8)]


def test_a_milestone_on_the_target_date_is_not_repeated():
    line = trajectory(kpi(milestones=[{"date": date(2025, 6, 30), "percent": 80.0}]))
    assert line == [Milestone(date(2025, 6, 30), 0.8)]


def test_a_kpi_without_milestones_heads_straight_for_its_target():
    assert trajectory(kpi()) == [Milestone(date(2025, 6, 30), 0.8)]
