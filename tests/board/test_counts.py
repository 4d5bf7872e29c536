"""The SQL behind the dashboard: right counts, London months, no N+1, counts kept correctly."""

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import event
from sqlmodel import Session

from app.analysis.tally import response_outcome
from app.board.service import kpi_views, load_kpis, month_counts
from tests.board.conftest import REVIEW, TODAY, utc

CODES = {"5": 1, "4": 1, "2": 0, "yes": 1, "no": 0, "dont_know": 2}


def counts_for(app, slug="review", store=None):
    with Session(app.extensions["engine"]) as session:
        rows = [r for r in load_kpis(session=session) if r.survey_slug == slug]
        found = month_counts(rows, session=session, store=store)
        return {r.kpi.ref: found[r.kpi.id] for r in rows}


def test_sql_counts_match_the_rule_applied_to_each_response(app, review, add_responses):
    rng = random.Random(7)
    expected: dict[str, list[int]] = {"R 1": [0, 0], "R 2": [0, 0]}
    for _ in range(60):
        answers = {}
        for key, values in (
            ("helpful", ["5", "4", "2", "dont_know"]),
            ("clear", ["yes", "no", "dont_know"]),
        ):
            if rng.random() < 0.9:
                answers[key] = rng.choice(values)
        add_responses(review, [answers], utc(2025, 6, 10))
        states = [CODES.get(answers.get(k)) if k in answers else None for k in ("helpful", "clear")]
        for ref, used in (("R 1", states), ("R 2", states[:1])):
            valid, positive = response_outcome(used)
            expected[ref][0] += valid
            expected[ref][1] += positive
    found = counts_for(app)
    assert found == {ref: {"2025-06": tuple(v)} for ref, v in expected.items()}


def test_answers_fall_in_the_london_month_they_were_given(app, review, add_responses):
    for at in (
        utc(2025, 3, 31, 22, 59),  # 23:59 on 31 March in London (BST began on the 30th)
        utc(2025, 3, 31, 23, 30),  # 00:30 on 1 April in London
        utc(2025, 6, 30, 23, 0),  # midnight: 1 July in London
        utc(2025, 10, 31, 23, 30),  # GMT again: still 31 October in London
        utc(2025, 12, 31, 23, 59),
        utc(2026, 1, 1, 0, 0),
    ):
        add_responses(review, [{"helpful": "5", "clear": "yes"}], at)
    months = ["2025-03", "2025-04", "2025-07", "2025-10", "2025-12", "2026-01"]
    assert counts_for(app)["R 2"] == dict.fromkeys(months, (1, 1))


def count_statements(app, client, url: str) -> int:
    statements = []

    def record(*_args):
        statements.append(1)

    engine = app.extensions["engine"]
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements)


def survey_with_kpis(count: int, area: str) -> str:
    """Return the review survey's questions with `count` KPIs in one priority area."""
    kpis = "".join(
        f"""
[[kpis]]
ref = "{area} {i}"
statement = "KPI {i} in {area}."
priority_area = "{area}"
conditions = [
  {{ question = "helpful", positive = ["4", "5"] }},
  {{ question = "clear", positive = ["yes"] }},
]
target = 50
target_date = 2026-01-31
"""
        for i in range(count)
    )
    return REVIEW.split("[[kpis]]")[0] + kpis


@pytest.mark.parametrize("url", ["/board/", "/board/kpis.csv"])
def test_the_dashboard_makes_as_many_queries_for_twelve_kpis_as_for_three(
    app, board, make_survey, add_responses, url
):
    make_survey(survey_with_kpis(3, "Few"), slug="few")
    make_survey(survey_with_kpis(12, "Many"), slug="many")
    for slug in ("few", "many"):
        add_responses(slug, [{"helpful": "5", "clear": "yes"}] * 3, utc(2025, 6, 10))
    three = count_statements(app, board, f"{url}?area=Few")
    app.extensions["board_counts"].clear()  # both renders count from scratch
    twelve = count_statements(app, board, f"{url}?area=Many")
    assert three == twelve


def test_the_second_render_reuses_the_counts(app, board, review, add_responses):
    add_responses(review, [{"helpful": "5", "clear": "yes"}] * 3, utc(2025, 6, 10))
    first = count_statements(app, board, "/board/")
    second = count_statements(app, board, "/board/")
    assert second < first


def test_new_responses_are_added_to_the_kept_counts(app, review, add_responses):
    store: dict = {}
    add_responses(review, [{"helpful": "5", "clear": "yes"}] * 3, utc(2025, 6, 10))
    assert counts_for(app, store=store)["R 1"] == {"2025-06": (3, 3)}
    add_responses(review, [{"helpful": "2", "clear": "yes"}] * 2, utc(2025, 7, 1))
    assert counts_for(app, store=store)["R 1"] == {"2025-06": (3, 3), "2025-07": (2, 0)}


def test_a_response_synced_late_with_an_earlier_time_recounts_the_survey(
    app, review, add_responses
):
    store: dict = {}
    add_responses(review, [{"helpful": "5", "clear": "yes"}] * 3, utc(2025, 6, 10))
    counts_for(app, store=store)
    add_responses(review, [{"helpful": "5", "clear": "no"}], utc(2025, 5, 1))
    assert counts_for(app, store=store)["R 1"] == {"2025-05": (1, 0), "2025-06": (3, 3)}


def test_kpi_readings_do_not_depend_on_the_kept_counts(app, review, add_responses):
    add_responses(review, [{"helpful": "4", "clear": "yes"}] * 6, utc(2025, 6, 10))
    store: dict = {}
    with app.app_context(), Session(app.extensions["engine"]) as session:
        cold = kpi_views(session=session, on=TODAY, store=store)
        warm = kpi_views(session=session, on=TODAY, store=store)
    assert [v.reading for v in cold] == [v.reading for v in warm]


def test_a_rolling_window_counts_only_its_months(app, make_survey, add_responses):
    make_survey(
        REVIEW.replace(
            "minimum_sample = 5\n\n[[kpis]]", "minimum_sample = 5\nwindow_months = 2\n\n[[kpis]]"
        ),
        slug="rolling",
    )
    add_responses("rolling", [{"helpful": "5", "clear": "yes"}] * 5, utc(2025, 4, 10))
    add_responses("rolling", [{"helpful": "2", "clear": "no"}] * 5, utc(2025, 6, 10))
    with Session(app.extensions["engine"]) as session:
        views = kpi_views(session=session, on=date(2025, 7, 1) + timedelta(days=14))
    view = next(v for v in views if v.row.survey_slug == "rolling" and v.row.kpi.ref == "R 1")
    # June and July only: April's five positives have left the window.
    assert (view.reading.n, view.reading.positive) == (5, 0)
