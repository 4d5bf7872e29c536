"""The board dashboard: cards by priority area, sample warnings, trends, filters, roles."""

import re

import pytest

from app.models import Role
from tests.kpi_fixtures import kpi_id, mix, utc
from tests.pages import error_messages, page, squash, text


@pytest.fixture
def officer(sign_in, today):
    """An officer: these tests read few answers, which the board would see hidden."""
    return sign_in(Role.OFFICER, "officer@example.org")


def card(response, ref: str):
    """Return the card for a KPI reference on the review survey."""
    for article in page(response).select("article.kpi-card"):
        if squash(article.select_one(".kpi-title a").get_text()) == ref:
            return article
    raise AssertionError(f"no card for {ref}")


def card_text(response, ref: str) -> str:
    return squash(card(response, ref).get_text(" "))


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get("/board/")
    assert response.status_code == 302 and "/manage/sign-in" in response.location


@pytest.mark.parametrize("role", [Role.BOARD, Role.OFFICER, Role.ADMIN])
def test_the_board_role_and_every_role_above_it_can_see_the_dashboard(sign_in, today, role):
    client = sign_in(role, f"{role}@example.org")
    assert client.get("/board/").status_code == 200


def test_cards_are_grouped_under_their_priority_area(board, review):
    soup = page(board.get("/board/"))
    areas = [squash(h.get_text()) for h in soup.select("section.area > h2")]
    assert "Preparing for adulthood" in areas and "Reviews on time" in areas
    section = next(s for s in soup.select("section.area") if "Preparing" in s.h2.get_text())
    assert [squash(a.get_text()) for a in section.select(".kpi-title a")] == ["R 1"]


def test_a_card_shows_value_n_interval_target_status_and_its_sentence(
    officer, review, add_responses
):
    # June: 6 positive of 9 valid ("I don't know" is left out); July: 3 of 4 more.
    add_responses(review, mix(6, 2, 1, 1), utc(2025, 6, 10))
    add_responses(review, mix(3, 1), utc(2025, 7, 2))
    shown = card_text(officer.get("/board/"), "R 1")
    assert "Value 69%" in shown and "Answers (n) 13" in shown
    assert "95% interval 42% – 87%" in shown
    assert "Final target 80% by 30 September 2025" in shown
    assert "Green" in shown
    assert "69% of 13 young people (95% CI 42-87%)" in shown
    assert "Change since the last period +3 percentage points" in shown


def test_fewer_answers_than_the_minimum_sample_are_grey_and_warned_about(
    officer, review, add_responses
):
    add_responses(review, mix(4), utc(2025, 7, 2))
    shown = card_text(officer.get("/board/"), "R 1")
    assert "Grey" in shown and "4 young people answered and at least 5 are needed" in shown
    assert "Too few answers to rely on: 4 answers; the minimum sample is 5." in shown


def test_exactly_the_minimum_sample_is_assessed_without_a_warning(officer, review, add_responses):
    add_responses(review, mix(5), utc(2025, 7, 2))
    shown = card_text(officer.get("/board/"), "R 1")
    assert "Green" in shown and "Too few answers" not in shown


def test_two_periods_below_the_line_mark_a_kpi_slow_to_progress(board, review, add_responses):
    # 2 of 10 in June and 2 of 10 more in July: whole intervals far below the line.
    add_responses(review, mix(2, 8), utc(2025, 6, 10))
    add_responses(review, mix(2, 8), utc(2025, 7, 2))
    shown = card_text(board.get("/board/"), "R 1")
    assert "Red" in shown and "Slow to progress" in shown


def test_a_kpi_on_track_is_not_marked_slow(board, review, add_responses):
    add_responses(review, mix(9, 1), utc(2025, 6, 10))
    add_responses(review, mix(10), utc(2025, 7, 2))
    assert "Slow to progress" not in card_text(board.get("/board/"), "R 1")


def test_the_chart_has_alt_text_and_its_numbers_in_a_table(officer, review, add_responses):
    add_responses(review, mix(6, 3), utc(2025, 6, 10))
    article = card(officer.get("/board/"), "R 1")
    image = article.select_one("figure.chart img")
    assert "Chart of R 1 from June 2025 to July 2025" in image["alt"]
    assert "The latest value is 67% of 9 answers (95% CI 35-88%)" in image["alt"]
    rows = [squash(tr.get_text(" ")) for tr in article.select("table.numbers tbody tr")]
    # The line rises from 50% (31 March) to 80% (30 September): 65% at the end of June,
    # 67% on 15 July, so the same 67% is Green in June and Amber now.
    assert rows == [
        "June 2025 9 67% 35% – 88% 65% Green",
        "July 2025 9 67% 35% – 88% 67% Amber",
    ]
    svg = officer.get(image["src"])
    assert svg.mimetype == "image/svg+xml" and b"<svg" in svg.data


def test_the_priority_area_filter_shows_only_that_area(board, review):
    response = board.get("/board/?area=Reviews+on+time")
    assert [squash(h.get_text()) for h in page(response).select("section.area > h2")] == [
        "Reviews on time"
    ]


def test_the_audience_filter_shows_only_that_audience(board, review):
    response = board.get("/board/?audience=sencos")
    audiences = {squash(s.get_text()) for s in page(response).select(".kpi-title .audience")}
    assert audiences == {"SENCos"}


def test_the_period_filter_reads_the_kpis_at_the_end_of_an_earlier_period(
    officer, review, add_responses
):
    add_responses(review, mix(6, 3), utc(2025, 5, 10))
    add_responses(review, mix(0, 9), utc(2025, 7, 2))
    shown = card_text(officer.get("/board/?period=2025-05"), "R 1")
    assert "67% of 9 young people" in shown and "31 May 2025" in text(
        officer.get("/board/?period=2025-05")
    )


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
    assert len(page(response).select("section.area")) >= 2


def test_the_status_words_follow_the_configured_vocabulary(app, board, review, add_responses):
    app.config["STATUS_VOCABULARY"] = "on-track"
    add_responses(review, mix(9, 1), utc(2025, 7, 2))
    shown = card_text(board.get("/board/"), "R 1")
    assert "On track - no concerns" in shown and "Green" not in shown


def test_quarters_can_be_the_reporting_period(app, board, review, add_responses):
    app.config["BOARD_PERIOD"] = "quarter"
    add_responses(review, mix(6, 3), utc(2025, 5, 10))
    add_responses(review, mix(3), utc(2025, 7, 2))
    rows = [squash(th.get_text()) for th in card(board.get("/board/"), "R 1").select("tbody th")]
    assert rows == ["April to June 2025", "July to September 2025"]


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


def test_a_kpi_page_links_from_the_card(board, review, app):
    response = board.get(f"/board/kpis/{kpi_id(app, 'R 1')}")
    assert page(response).h1.get_text() == "R 1 for Young people"
    assert re.search(r"Reading on 15 July 2025", text(response))
