"""CSV and XLSX of KPI values and tallies, the printable board pack, and the tallies page."""

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

import app as app_package
from app.models import Role
from tests.board.reading import row_text
from tests.kpi_fixtures import REVIEW, mix, utc
from tests.pages import page, squash


@pytest.fixture
def officer(sign_in, today):
    """An officer, who sees exact counts (the board sees small ones hidden)."""
    return sign_in(Role.OFFICER, "officer@example.org")


def rows_of(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_the_kpi_csv_has_the_readings_as_fractions(officer, review, add_responses):
    add_responses(review, mix(6, 2, 1, 1), utc(2025, 6, 10))
    add_responses(review, mix(3, 1), utc(2025, 7, 2))
    response = officer.get("/board/kpis.csv")
    assert response.mimetype == "text/csv"
    assert 'filename="kpis-2025-07-15.csv"' in response.headers["Content-Disposition"]
    row = next(r for r in rows_of(response) if r["ref"] == "R 1")
    assert (row["n"], row["positive"], row["value"]) == ("13", "9", "0.6923")
    assert (row["ci_low"], row["ci_high"], row["expected"]) == ("0.4237", "0.8732", "0.6738")
    assert (row["status"], row["status_label"], row["slow_to_progress"]) == (
        "green",
        "Green",
        "False",
    )
    assert row["change_since_last_period"] == "0.0256"
    assert row["below_minimum_sample"] == "False"


def test_the_kpi_csv_follows_the_filters(board, review):
    refs = {r["ref"] for r in rows_of(board.get("/board/kpis.csv?area=Reviews+on+time"))}
    assert refs == {"R 2"}


def test_exports_refuse_a_wrong_filter(board, review):
    assert board.get("/board/kpis.csv?audience=aliens").status_code == 400
    assert board.get("/board/kpis.xlsx?period=soon").status_code == 400
    assert board.get("/board/tallies.csv?by=colour").status_code == 400


def test_a_cell_that_would_run_as_a_formula_is_neutralised(board, make_survey):
    dangerous = REVIEW.replace(
        'statement = "Young people say their review was helpful."',
        'statement = "=HYPERLINK(\\"http://x\\")"',
    )
    make_survey(dangerous, slug="danger")
    row = next(
        r
        for r in rows_of(board.get("/board/kpis.csv"))
        if r["survey"] == "danger" and r["ref"] == "R 2"
    )
    assert row["statement"] == '\'=HYPERLINK("http://x")'
    book = load_workbook(io.BytesIO(board.get("/board/kpis.xlsx").data))
    statements = [r[2] for r in book["KPIs"].iter_rows(values_only=True)]
    assert '\'=HYPERLINK("http://x")' in statements


def test_the_workbook_has_kpis_their_history_and_tallies(officer, review, add_responses):
    add_responses(review, mix(6, 3), utc(2025, 6, 10), language="pl")
    response = officer.get("/board/kpis.xlsx")
    assert response.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["KPIs", "KPI history", "Tallies by period"]
    history = [r for r in book["KPI history"].iter_rows(values_only=True) if r[0] == "R 1"]
    assert [(r[2], r[3], r[4]) for r in history] == [("2025-06", 9, 6), ("2025-07", 9, 6)]
    tallies = [
        r
        for r in book["Tallies by period"].iter_rows(values_only=True)
        if r[0] == "review" and r[2] == "clear" and r[4] == "yes"
    ]
    assert tallies == [
        ("review", "young_people", "clear", "2025-06", "yes", "Yes", 6, 0.6667, 9, 0)
    ]


def test_tallies_give_counts_shares_and_who_did_not_answer(officer, review, add_responses):
    add_responses(
        review,
        [{"helpful": "5", "clear": "yes", "topics": ["school", "jobs"]}] * 3,
        utc(2025, 6, 10),
    )
    add_responses(review, [{"helpful": "2", "clear": "dont_know"}], utc(2025, 6, 11))
    soup = page(officer.get("/board/tallies?survey=review"))
    table = next(
        t for t in soup.select("table.tally") if "What did you talk about?" in t.caption.get_text()
    )
    assert "3 answered, 1 did not answer" in squash(table.caption.get_text())
    assert [squash(tr.get_text(" ")) for tr in table.select("tbody tr")] == [
        "School 3 100%",
        "Jobs 3 100%",
    ]
    clear = next(t for t in soup.select("table.tally") if "clear about" in t.caption.get_text())
    assert [squash(tr.get_text(" ")) for tr in clear.select("tbody tr")] == [
        "Yes 3 75%",
        "No 0 0%",
        "Not sure 0 0%",
        "I don't know 1 25%",
    ]


def test_tallies_break_down_by_language_mode_and_period(officer, review, add_responses):
    add_responses(review, mix(2), utc(2025, 6, 10), language="pl", mode="paper")
    add_responses(review, mix(1), utc(2025, 7, 10))
    by_language = {
        r["group"] for r in rows_of(officer.get("/board/tallies.csv?survey=review&by=language"))
    }
    by_mode = {r["group"] for r in rows_of(officer.get("/board/tallies.csv?survey=review&by=mode"))}
    by_period = rows_of(officer.get("/board/tallies.csv?survey=review&by=period"))
    assert by_language == {"en", "pl"} and by_mode == {"online", "paper"}
    june = [
        r
        for r in by_period
        if r["group"] == "2025-06" and r["question"] == "clear" and r["answer"] == "yes"
    ]
    assert [(r["count"], r["answered"]) for r in june] == [("2", "2")]


def test_a_wrong_tally_choice_is_explained_in_the_order_of_the_fields(board, review):
    response = board.get("/board/tallies?survey=nope&by=colour")
    assert response.status_code == 400
    assert [squash(a.get_text()) for a in page(response).select(".error-summary a")] == [
        "Choose a survey from the list.",
        "Choose how to break the tallies down from the list.",
    ]


def test_the_board_pack_prints_every_kpi_with_its_chart_status_and_explanation(
    board, review, add_responses
):
    add_responses(review, mix(9, 1), utc(2025, 7, 2))
    response = board.get("/board/pack")
    soup = page(response)
    assert soup.h1.get_text() == "Board pack: KPIs on 15 July 2025"
    assert soup.select_one('link[href*="board.css"]')
    card = next(a for a in soup.select("article.kpi-card") if a.h3.get_text().startswith("R 1"))
    assert card.select_one("img.chart")["alt"].startswith("Chart of R 1")
    assert "90% of 10 young people" in squash(card.get_text(" "))
    assert card.select_one("table.numbers caption")
    assert "Green — on track: at or above the milestone line" in squash(card.get_text(" "))
    # The summary first: every KPI in one table, with the count in each status above it.
    assert row_text(response, "R 1").startswith("R 1 Young people say their review")
    assert row_text(response, "R 1").endswith("Young people 90% 10 Green –")
    assert soup.select_one(".status-counts").sourceline < soup.select_one("article").sourceline


def test_the_print_stylesheet_starts_each_area_on_a_new_page():
    css = (Path(app_package.__file__).parent / "static" / "board.css").read_text()
    assert "@media print" in css and ".pack-area{break-before:page}" in css
