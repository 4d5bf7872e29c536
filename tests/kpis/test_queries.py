"""The dashboard's counts: the rule per response, London months, no N+1, rolling windows."""

import random
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import delete
from sqlmodel import Session, select

from app.analysis.tally import response_outcome
from app.kpis.readings import kpi_views
from app.models import Kpi, KpiMonthCount
from app.responses import store_response
from tests.conftest import count_statements, newest_version
from tests.kpi_fixtures import REVIEW, TODAY, counted_months, stored_months, utc

CODES = {"5": 1, "4": 1, "2": 0, "yes": 1, "no": 0, "dont_know": 2}


def test_stored_and_sql_counts_match_the_rule_applied_to_each_response(app, review, add_responses):
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
    wanted = {ref: {"2025-06": tuple(v)} for ref, v in expected.items()}
    assert stored_months(app) == wanted and counted_months(app) == wanted


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
    assert stored_months(app)["R 2"] == counted_months(app)["R 2"] == dict.fromkeys(months, (1, 1))


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

    def get(query):
        return lambda: board.get(f"{url}?{query}")

    assert count_statements(app, get("area=Few")) == count_statements(app, get("area=Many"))


def send(app, slug: str) -> None:
    """Store one response to a survey through store_response, committed."""
    with Session(app.extensions["engine"]) as session:
        store_response(
            response_id=uuid.uuid4(),
            version=newest_version(session, slug),
            answers={"helpful": "5", "clear": "yes"},
            language="en",
            mode="online",
            session=session,
        )
        session.commit()


def test_a_send_makes_as_many_queries_for_twelve_kpis_as_for_three(app, make_survey):
    make_survey(survey_with_kpis(3, "Few"), slug="few")
    make_survey(survey_with_kpis(12, "Many"), slug="many")
    send(app, "few")  # the first send to each also reads the versions' definitions
    send(app, "many")
    few = count_statements(app, lambda: send(app, "few"))
    assert few == count_statements(app, lambda: send(app, "many"))
    assert stored_months(app, "many")["Many 11"] == stored_months(app, "few")["Few 0"]


def test_a_kpi_not_counted_with_its_conditions_is_counted_from_the_answers(
    app, review, add_responses
):
    add_responses(review, [{"helpful": "5", "clear": "yes"}] * 6, utc(2025, 6, 10))
    with Session(app.extensions["engine"]) as session:
        # As after an upgrade, or a definition changed in the database by hand.
        session.execute(delete(KpiMonthCount))
        for kpi in session.exec(select(Kpi)):
            kpi.counted_hash = None
            session.add(kpi)
        session.commit()
        views = kpi_views(session=session, on=TODAY)
    reading = next(
        v.reading for v in views if v.row.survey_slug == review and v.row.kpi.ref == "R 1"
    )
    assert (reading.n, reading.positive) == (6, 6)


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
