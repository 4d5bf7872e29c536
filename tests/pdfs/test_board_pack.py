"""The board pack as a PDF: the page's own words and figures, tagged, with bookmarks."""

import re

import pytest
from sqlmodel import Session, select

from app.models import AuditEvent, Role
from tests.kpi_fixtures import mix, utc
from tests.pages import page, squash
from tests.pdfs.reading import figures, read

KPI_WARNING = "This page holds small numbers: do not share them."


@pytest.fixture
def officer(sign_in, today):
    return sign_in(Role.OFFICER, "officer@example.org")


def test_the_pack_page_links_to_its_pdf_with_the_same_filters(board, review):
    soup = page(board.get("/board/pack?area=Reviews+on+time"))
    link = soup.find("a", string="Download the board pack (PDF)")
    assert link["href"] == "/board/pack.pdf?area=Reviews+on+time"


def test_the_pdf_holds_what_the_pack_shows_tagged_titled_and_bookmarked(
    board, review, add_responses
):
    add_responses(review, mix(9, 1), utc(2025, 6, 10))
    add_responses(review, mix(9, 3), utc(2025, 7, 2))
    html = page(board.get("/board/pack"))
    response = board.get("/board/pack.pdf")
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="board-pack-2025-07-15.pdf"'
    )
    pdf = read(response)
    # Every card's heading, statement, status sentence and figures are in the PDF's text.
    cards = html.select("article.kpi-card")
    for card in cards:
        for part in card.select(".kpi-title, .statement, .explanation, .figures div"):
            assert squash(part.get_text(" ")) in pdf.text
    # Every row of every table: the summary, and the numbers under each chart.
    # A line broken after a word's hyphen ("co-" / "producing") reads back with a space.
    unbroken = re.sub(r"(?<=\w)- (?=\w)", "-", pdf.text)
    for row in html.select("main table tbody tr"):
        for label in row.select(".cell-label"):  # a narrow screen's labels, not printed
            label.decompose()
        assert squash(row.get_text(" ")) in unbroken
    assert "June 2025 10 90%" in pdf.text
    # Tagged for a screen reader: marked, a structure tree, the page's language and title.
    assert pdf.marked and pdf.tags[0] == ("/Document", None)
    assert {"/H1", "/H2", "/H3", "/Table", "/TH", "/TD", "/Figure"} <= {k for k, _ in pdf.tags}
    assert pdf.lang == "en"
    assert pdf.title == "Board pack: KPIs on 15 July 2025 – Heard"
    # Bookmarks: the pack, then each priority area with its KPIs inside it.
    sections = [squash(h.get_text()) for h in html.select("main h2")]
    areas = [squash(h.get_text()) for h in html.select("section.area > h2")]
    assert sections[0] == "Summary" and sections[-len(areas) :] == areas
    kpis = [squash(h.get_text(" ")) for h in html.select("article.kpi-card h3")]
    assert pdf.outline[0] == (0, "Board pack: KPIs on 15 July 2025")
    assert [title for depth, title in pdf.outline if depth == 1] == sections
    assert [title for depth, title in pdf.outline if depth == 2] == kpis
    assert (1, "Reviews on time") in pdf.outline and (2, "R 2 Young people") in pdf.outline
    # The printed contents list names the same sections, each with its page number.
    assert "Contents Summary" in pdf.text and "Area for Improvement 1" in pdf.text
    # Each chart is a drawing with its alternative text, never a picture of one.
    # The summary's trend lines and each KPI's chart: every one a figure with its words.
    assert figures(pdf) == [img["alt"] for img in html.select("img.spark, img.chart")]
    assert len(html.select("img.chart")) == len(cards) and pdf.images == 0
    # The screen's navigation, filters and download links are not printed.
    assert "Download the board pack" not in pdf.text and "Sign out" not in pdf.text


def test_the_board_sees_small_numbers_hidden_in_the_pdf_and_the_download_is_audited(
    app, board, sign_in, review, add_responses
):
    add_responses(review, mix(3, 1), utc(2025, 7, 2))
    hidden = read(board.get("/board/pack.pdf"))
    summary_row = "R 1 Young people say their review was helpful and they are clear about their"
    assert f"{summary_row} help. Young people – hidden Grey" in hidden.text
    assert "Answers (n) hidden" in hidden.text and "75%" not in hidden.text
    assert KPI_WARNING not in hidden.text
    exact = read(sign_in(Role.OFFICER).get("/board/pack.pdf"))
    assert KPI_WARNING in exact.text and "75%" in exact.text
    with Session(app.extensions["engine"]) as session:
        query = select(AuditEvent).where(AuditEvent.action == "downloaded")
        events = session.exec(query.order_by(AuditEvent.id)).all()
    assert [e.detail for e in events] == [
        {"file": "board-pack-2025-07-15.pdf", "exact": False},
        {"file": "board-pack-2025-07-15.pdf", "exact": True},
    ]


def test_a_wrong_filter_is_refused_before_a_pdf_is_made(app, board, review):
    assert board.get("/board/pack.pdf?area=Nowhere").status_code == 400
    with Session(app.extensions["engine"]) as session:
        assert not session.exec(select(AuditEvent).where(AuditEvent.action == "downloaded")).all()


def test_signed_out_people_are_sent_to_sign_in_for_the_pdf(client):
    response = client.get("/board/pack.pdf")
    assert response.status_code == 302 and "/manage/sign-in" in response.location
