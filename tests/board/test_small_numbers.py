"""Small numbers on staff pages: the board sees them hidden; officers see them with a warning."""

import csv
import io

import pytest
from openpyxl import load_workbook
from sqlmodel import Session, select

from app.models import AuditEvent, Role
from tests.board.reading import drawing, kpi_page, main_text, row_text, summary_row
from tests.kpi_fixtures import mix, utc
from tests.pages import page, squash, text

HIDDEN_NOTE = (
    "To protect people in small groups, a count of fewer than 10 people is hidden, and so is"
    " any other count that would let one be worked out."
)
WARNING = "These tallies hold small numbers: do not share them."


def rows_of(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


@pytest.fixture
def one_somali_respondent(review, add_responses):
    """Forty answers in English in June and one in Somali in July, as in the issue."""
    add_responses(review, mix(25, 10, 5), utc(2025, 6, 10))
    add_responses(
        review,
        [{"helpful": "2", "clear": "no", "topics": ["jobs"]}],
        utc(2025, 7, 11),
        language="so",
    )


def test_the_board_cannot_read_a_lone_respondents_answers_by_language(board, one_somali_respondent):
    rows = rows_of(board.get("/board/tallies.csv?survey=review&by=language"))
    somali = [r for r in rows if r["group"] == "so"]
    assert somali and {(r["count"], r["answered"], r["not_answered"]) for r in somali} == {
        ("hidden", "hidden", "hidden")
    }
    assert all(r["share"] == "" for r in somali)
    # Everyone together is on the same page: English counts would give the Somali one away.
    everyone = rows_of(board.get("/board/tallies.csv?survey=review&by=all"))
    english = [r for r in rows if r["group"] == "en"]
    for row in english:
        same = next(
            e for e in everyone if (e["question"], e["answer"]) == (row["question"], row["answer"])
        )
        if "hidden" not in (row["count"], same["count"]):
            assert row["count"] == same["count"]  # nothing to subtract
            assert int(row["count"]) >= 10 or row["count"] == "0"


def test_the_board_sees_hidden_cells_and_why_on_the_tallies_page(board, one_somali_respondent):
    response = board.get("/board/tallies?survey=review&by=language")
    body = text(response)
    assert HIDDEN_NOTE in body and WARNING not in body
    table = next(
        t
        for t in page(response).select("table.tally")
        if "clear about" in t.caption.get_text() and "– Somali" in t.caption.get_text()
    )
    assert squash(table.caption.get_text()).endswith(
        "a hidden number answered, a hidden number did not answer"
    )
    assert [squash(tr.get_text(" ")) for tr in table.select("tbody tr")] == [
        "Yes hidden –",
        "No hidden –",
        "Not sure hidden –",
        "I don't know hidden –",
    ]
    # The chart beside the table draws no bar for a hidden count, and says "hidden".
    chart = table.find_parent(class_="tally-block").select_one("svg.tally-chart")
    bars = [r for r in chart.select("rect") if r["fill"] != "#f3f2f1"]
    assert bars == [] and [t.get_text() for t in chart.select("text")][1::2] == ["hidden"] * 4


def test_large_counts_stay_exact_for_the_board(board, review, add_responses):
    add_responses(review, mix(30, 20), utc(2025, 6, 10))
    rows = rows_of(board.get("/board/tallies.csv?survey=review&by=all"))
    clear = {r["answer"]: r["count"] for r in rows if r["question"] == "clear"}
    assert clear == {"yes": "30", "no": "20", "not_sure": "0", "dont_know": "0"}
    assert HIDDEN_NOTE in text(board.get("/board/tallies?survey=review"))


def test_the_board_workbook_hides_small_tallies_too(board, one_somali_respondent):
    book = load_workbook(io.BytesIO(board.get("/board/kpis.xlsx").data))
    rows = [r for r in book["Tallies by period"].iter_rows(values_only=True) if r[0] == "review"]
    july = [(r[6], r[8], r[9]) for r in rows if r[3] == "2025-07"]
    assert july and set(july) == {("hidden", "hidden", "hidden")}
    assert all(r[6] == "hidden" or r[6] >= 10 or r[6] == 0 for r in rows)


def test_an_officer_sees_exact_small_counts_with_a_warning(sign_in, today, one_somali_respondent):
    officer = sign_in(Role.OFFICER)
    response = officer.get("/board/tallies?survey=review&by=language")
    body = text(response)
    assert WARNING in body and HIDDEN_NOTE not in body
    assert page(response).select_one(".banner-alert")["role"] == "alert"
    rows = rows_of(officer.get("/board/tallies.csv?survey=review&by=language"))
    somali = {
        r["answer"]: r["count"] for r in rows if r["group"] == "so" and r["question"] == "clear"
    }
    assert somali == {"yes": "0", "no": "1", "not_sure": "0", "dont_know": "0"}


def test_an_officer_is_not_warned_when_nothing_is_small(sign_in, today, review, add_responses):
    add_responses(
        review, mix(30, 20) + [{"helpful": "3", "clear": "not_sure"}] * 10, utc(2025, 6, 10)
    )
    officer = sign_in(Role.OFFICER)
    body = text(officer.get("/board/tallies?survey=review&by=all"))
    assert WARNING not in body and HIDDEN_NOTE not in body


def test_the_threshold_is_the_partnerships_setting(app, board, one_somali_respondent):
    app.config["SUPPRESSION_THRESHOLD"] = 2
    rows = rows_of(board.get("/board/tallies.csv?survey=review&by=all"))
    clear = {r["answer"]: r["count"] for r in rows if r["question"] == "clear"}
    assert clear["no"] == "16" and "fewer than 2" in text(board.get("/board/tallies?survey=review"))


def test_who_downloads_tallies_and_whether_they_were_exact_is_recorded(
    app, board, sign_in, one_somali_respondent
):
    board.get("/board/tallies.csv?survey=review&by=language")
    officer = sign_in(Role.OFFICER)
    officer.get("/board/tallies.csv?survey=review&by=language")
    with Session(app.extensions["engine"]) as session:
        # Signing in is audited too; this test is about the downloads.
        query = select(AuditEvent).where(AuditEvent.action == "downloaded")
        events = session.exec(query.order_by(AuditEvent.id)).all()
    assert [(e.action, e.detail) for e in events] == [
        ("downloaded", {"file": "tallies-language.csv", "exact": False}),
        ("downloaded", {"file": "tallies-language.csv", "exact": True}),
    ]


KPI_HIDDEN = (
    "Fewer than 10 people answered: the figures are hidden so that no one can be recognised,"
    " so Grey."
)
KPI_WARNING = "This page holds small numbers: do not share them."


def test_the_board_sees_a_kpi_on_a_few_answers_hidden_everywhere(board, review, add_responses, app):
    add_responses(review, mix(3, 1), utc(2025, 7, 2))
    row = row_text(board.get("/board/"), "R 1")
    assert "– hidden Grey –" in row and "75%" not in row and "4" not in row.split("help.")[1]
    # The trend line has no value to draw, and says so.
    spark = summary_row(board.get("/board/"), "R 1").select_one("img.spark")
    values = drawing(spark).select('[stroke="#1d70b8"], [fill="#1d70b8"]')
    assert spark["alt"] == "No values to show yet." and values == []
    shown = main_text(kpi_page(board, app, "R 1"))
    assert KPI_HIDDEN in shown and "Answers (n) hidden" in shown and "75%" not in shown
    assert "Too few answers" not in shown and "July 2025 Answers (n) hidden Value –" in shown
    assert KPI_WARNING not in text(board.get("/board/"))
    image = page(kpi_page(board, app, "R 1")).select_one("figure.chart img")
    assert image["alt"].endswith("The latest figures are hidden: fewer than 10 people answered.")
    chart = board.get(image["src"])
    assert chart.status_code == 200 and chart.mimetype == "image/svg+xml"
    compare = text(board.get("/board/compare"))
    assert "75%" not in compare
    pack = board.get("/board/pack")
    assert "Young people – hidden Grey" in row_text(pack, "R 1") and "75%" not in text(pack)
    row = next(r for r in rows_of(board.get("/board/kpis.csv")) if r["ref"] == "R 1")
    assert (row["n"], row["positive"], row["value"], row["ci_low"]) == ("hidden", "hidden", "", "")
    assert (row["status"], row["below_minimum_sample"]) == ("grey", "False")
    history = load_workbook(io.BytesIO(board.get("/board/kpis.xlsx").data))["KPI history"]
    july = [r for r in history.iter_rows(values_only=True) if r[0] == "R 1" and r[2] == "2025-07"]
    assert [r[3:6] for r in july] == [("hidden", "hidden", None)]


def test_a_change_from_a_hidden_period_is_not_shown(board, review, add_responses, app):
    add_responses(review, mix(3, 1), utc(2025, 6, 10))  # June: 4 answers, hidden
    add_responses(review, mix(16, 4), utc(2025, 7, 2))  # July: 24 in all, shown
    shown = main_text(kpi_page(board, app, "R 1"))
    assert "June 2025 Answers (n) hidden" in shown and "July 2025 Answers (n) 24 Value 79%" in shown
    # July's value and the change would give June's value away.
    assert "Change since the last period no earlier value to compare" in shown
    assert row_text(board.get("/board/"), "R 1").endswith("79% 24 Green –")


def test_an_officer_sees_a_kpi_on_a_few_answers_with_a_warning(
    sign_in, today, review, add_responses
):
    add_responses(review, mix(3, 1), utc(2025, 7, 2))
    officer = sign_in(Role.OFFICER)
    response = officer.get("/board/")
    assert KPI_WARNING in text(response)
    assert "75% 4 (too few) Grey" in row_text(response, "R 1")
    assert KPI_WARNING in text(officer.get("/board/compare"))
    assert KPI_WARNING in text(officer.get("/board/pack"))


def test_a_kpi_on_enough_answers_is_exact_for_the_board(board, review, add_responses, app):
    add_responses(review, mix(9, 3), utc(2025, 7, 2))
    shown = main_text(kpi_page(board, app, "R 1"))
    assert "75% of 12 young people" in shown and "hidden" not in shown
    assert "75% 12" in row_text(board.get("/board/"), "R 1")
