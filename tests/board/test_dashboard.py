"""The board dashboard: one summary table of every KPI, status counts, each KPI's page, roles."""

import base64
import re

import pytest

from app.models import Role
from tests.board.reading import kpi_page, main_text, row_text, summary_row
from tests.kpi_fixtures import kpi_id, mix, utc
from tests.pages import error_messages, page, squash, text


@pytest.fixture
def officer(sign_in, today):
    """An officer: these tests read few answers, which the board would see hidden."""
    return sign_in(Role.OFFICER, "officer@example.org")


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get("/board/")
    assert response.status_code == 302 and "/manage/sign-in" in response.location


@pytest.mark.parametrize("role", [Role.BOARD, Role.OFFICER, Role.ADMIN])
def test_the_board_role_and_every_role_above_it_can_see_the_dashboard(sign_in, today, role):
    client = sign_in(role, f"{role}@example.org")
    assert client.get("/board/").status_code == 200


def test_every_kpi_is_one_row_of_one_table_grouped_by_priority_area(board, review):
    soup = page(board.get("/board/"))
    assert len(soup.select("table.kpi-summary")) == 1
    groups = {
        squash(body.select_one("tr.area-row th").get_text()): [
            squash(row.th.get_text()) for row in body.select("tr.kpi-row")
        ]
        for body in soup.select("table.kpi-summary tbody")
    }
    assert groups["Preparing for adulthood"] == ["R 1"]
    assert groups["Reviews on time"] == ["R 2"]
    # The 23 shipped KPIs and the review survey's two, and no cards or charts on the page.
    assert len(soup.select("tr.kpi-row")) == 25
    assert soup.select("article.kpi-card, img.chart") == []


def test_a_row_shows_ref_statement_audience_value_n_status_change_and_trend(
    officer, review, add_responses
):
    # June: 6 positive of 9 valid ("I don't know" is left out); July: 3 of 4 more.
    add_responses(review, mix(6, 2, 1, 1), utc(2025, 6, 10))
    add_responses(review, mix(3, 1), utc(2025, 7, 2))
    response = officer.get("/board/")
    assert row_text(response, "R 1") == (
        "R 1 Young people say their review was helpful and they are clear about their help."
        " Young people 69% 13 Green +3"
    )
    spark = summary_row(response, "R 1").select_one("img.spark")
    assert spark["alt"] == "Values from June 2025 to July 2025: 67%, 69%."
    drawing = base64.b64decode(spark["src"].removeprefix("data:image/svg+xml;base64,"))
    assert b"<polyline" in drawing


def test_a_long_statement_is_shortened_in_the_table_and_whole_on_the_kpis_page(
    officer, app, make_survey
):
    long = "Young people say " + "their plan is clear and describes the help they get, " * 4
    make_survey(
        f"""
title = "Plans"
audience = "young_people"
summary = "About plans."
minutes = 1
[[questions]]
key = "clear"
type = "yesno"
text = "Is your plan clear?"
[[kpis]]
ref = "L 1"
statement = "{long.strip()}"
priority_area = "Plans"
conditions = [{{ question = "clear", positive = ["yes"] }}]
target = 70
target_date = 2026-03-31
""",
        slug="plans",
    )
    shown = row_text(officer.get("/board/?area=Plans"), "L 1")
    assert "their plan is clear and describes the help they get, their plan is clear\u2026" in shown
    assert len(shown) < 140
    assert long.strip() in text(officer.get(f"/board/kpis/{kpi_id(app, 'L 1', 'plans')}"))


def test_the_count_of_kpis_in_each_status_is_at_the_top_with_what_each_means(
    officer, review, add_responses
):
    add_responses(review, mix(9, 1), utc(2025, 7, 2))
    soup = page(officer.get("/board/?audience=young_people&area=Preparing+for+adulthood"))
    assert squash(soup.select_one("main h2").get_text()) == "1 KPI by status"
    counts = [squash(li.get_text(" ")) for li in soup.select(".status-counts li")]
    assert counts == [
        "Red 0 KPIs — the whole confidence interval is below the milestone line",
        "Amber 0 KPIs — below the milestone line, but its confidence interval reaches it",
        "Green 1 KPI — on track: at or above the milestone line",
        "Blue 0 KPIs — final target met and closed by the board",
        "Grey 0 KPIs — not due yet, or too few answers to say",
    ]
    # The counts come before the table they summarise.
    assert soup.select_one(".status-counts").find_next("table") is not None


def test_the_kpis_page_shows_value_n_interval_target_status_and_its_sentence(
    officer, review, add_responses, app
):
    add_responses(review, mix(6, 2, 1, 1), utc(2025, 6, 10))
    add_responses(review, mix(3, 1), utc(2025, 7, 2))
    shown = main_text(kpi_page(officer, app, "R 1"))
    assert "Value 69%" in shown and "Answers (n) 13" in shown
    assert "95% interval 42% – 87%" in shown
    assert "Final target 80% by 30 September 2025" in shown
    assert "Green — on track: at or above the milestone line" in shown
    assert "69% of 13 young people (95% CI 42-87%)" in shown
    assert "Change since the last period +3 percentage points" in shown


def test_fewer_answers_than_the_minimum_sample_are_grey_and_warned_about(
    officer, review, add_responses, app
):
    add_responses(review, mix(4), utc(2025, 7, 2))
    assert "4 (too few) Grey" in row_text(officer.get("/board/"), "R 1")
    shown = main_text(kpi_page(officer, app, "R 1"))
    assert "Grey" in shown and "4 young people answered and at least 5 are needed" in shown
    assert "Too few answers to rely on: 4 answers; the minimum sample is 5." in shown


def test_exactly_the_minimum_sample_is_assessed_without_a_warning(
    officer, review, add_responses, app
):
    add_responses(review, mix(5), utc(2025, 7, 2))
    assert "Green" in row_text(officer.get("/board/"), "R 1")
    assert "Too few answers" not in main_text(kpi_page(officer, app, "R 1"))


def test_two_periods_below_the_line_mark_a_kpi_slow_to_progress(board, review, add_responses):
    # 2 of 10 in June and 2 of 10 more in July: whole intervals far below the line.
    add_responses(review, mix(2, 8), utc(2025, 6, 10))
    add_responses(review, mix(2, 8), utc(2025, 7, 2))
    shown = row_text(board.get("/board/"), "R 1")
    assert "Red Slow to progress" in shown


def test_a_kpi_on_track_is_not_marked_slow(board, review, add_responses):
    add_responses(review, mix(9, 1), utc(2025, 6, 10))
    add_responses(review, mix(10), utc(2025, 7, 2))
    assert "Slow to progress" not in row_text(board.get("/board/"), "R 1")


def test_the_chart_is_on_the_kpis_page_with_alt_text_and_its_numbers_in_a_table(
    officer, review, add_responses, app
):
    add_responses(review, mix(6, 3), utc(2025, 6, 10))
    soup = page(kpi_page(officer, app, "R 1"))
    image = soup.select_one("figure.chart img")
    assert "Chart of R 1 from June 2025 to July 2025" in image["alt"]
    assert "The latest value is 67% of 9 answers (95% CI 35-88%)" in image["alt"]
    rows = [squash(tr.get_text(" ")) for tr in soup.select("table.numbers tbody tr")]
    # The line rises from 50% (31 March) to 80% (30 September): 65% at the end of June,
    # 67% on 15 July, so the same 67% is Green in June and Amber now. Each cell carries
    # its label for narrow screens, where the table's columns are laid out as lines.
    assert rows == [
        "June 2025 Answers (n) 9 Value 67% 95% interval 35% – 88% Expected 65% Status Green",
        "July 2025 Answers (n) 9 Value 67% 95% interval 35% – 88% Expected 67% Status Amber",
    ]
    svg = officer.get(image["src"])
    assert svg.mimetype == "image/svg+xml" and b"<svg" in svg.data


def test_the_priority_area_filter_shows_only_that_area(board, review):
    response = board.get("/board/?area=Reviews+on+time")
    areas = [squash(th.get_text()) for th in page(response).select("tr.area-row th")]
    assert areas == ["Reviews on time"]


def test_the_audience_filter_shows_only_that_audience(board, review):
    rows = page(board.get("/board/?audience=sencos")).select("tr.kpi-row")
    assert rows and {squash(row.select("td")[1].get_text()) for row in rows} == {"Audience SENCos"}


def test_the_period_filter_reads_the_kpis_at_the_end_of_an_earlier_period(
    officer, review, add_responses, app
):
    add_responses(review, mix(6, 3), utc(2025, 5, 10))
    add_responses(review, mix(0, 9), utc(2025, 7, 2))
    response = officer.get("/board/?period=2025-05")
    assert "31 May 2025" in text(response) and " 67% 9 " in row_text(response, "R 1")
    assert "67% of 9 young people" in main_text(kpi_page(officer, app, "R 1", "?period=2025-05"))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("area=Nowhere", "Choose a priority area from the list."),
        ("audience=aliens", "Choose an audience from the list."),
        ("period=2031-01", "Choose a period from the list."),
        ("period=last-week", "Choose a period from the list."),
    ],
)
def test_a_wrong_filter_value_is_explained_and_everything_is_shown(board, review, query, message):
    response = board.get(f"/board/?{query}")
    assert response.status_code == 400
    assert error_messages(response) == [message]
    assert page(response).title.get_text().startswith("Error: KPI dashboard")
    assert len(page(response).select("tr.area-row")) >= 2


def test_the_status_words_follow_the_configured_vocabulary(app, board, review, add_responses):
    app.config["STATUS_VOCABULARY"] = "on-track"
    add_responses(review, mix(9, 1), utc(2025, 7, 2))
    response = board.get("/board/")
    assert "On track - no concerns" in row_text(response, "R 1")
    assert "Green" not in text(response)


def test_quarters_can_be_the_reporting_period(app, board, review, add_responses):
    app.config["BOARD_PERIOD"] = "quarter"
    add_responses(review, mix(6, 3), utc(2025, 5, 10))
    add_responses(review, mix(3), utc(2025, 7, 2))
    soup = page(kpi_page(board, app, "R 1"))
    rows = [squash(th.get_text()) for th in soup.select("table.numbers tbody th")]
    assert rows == ["April to June 2025", "July to September 2025"]
    spark = summary_row(board.get("/board/"), "R 1").select_one("img.spark")
    assert spark["alt"].startswith("Values from April to June 2025 to July to September")


def test_the_same_kpi_is_compared_across_young_people_parent_carers_and_sencos(board):
    soup = page(board.get("/board/compare"))
    table = next(t for t in soup.select("table.compare") if "PA2 2.5.1" in t.caption.get_text())
    audiences = [squash(th.get_text()) for th in table.select("tbody th")]
    assert audiences == ["Young people", "Parent carers", "SENCos"]


def test_every_board_page_names_a_permission(app):
    unguarded = [
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("board.")
        and not hasattr(app.view_functions[rule.endpoint], "permission")
    ]
    assert unguarded == []


def test_a_kpi_page_links_from_its_row(board, review, app):
    link = summary_row(board.get("/board/"), "R 1").th.a["href"]
    response = board.get(link)
    assert page(response).h1.get_text() == "R 1 for Young people"
    assert re.search(r"Survey: Your review\. Reading on 15 July 2025", text(response))
