"""The "You said, we did" report as a PDF anyone can download, in their language."""

import io

import pytest
from pypdf import PdfReader

from app.models import Role
from tests.comments.helpers import comment_survey
from tests.pages import page, squash
from tests.pdfs.reading import figures, read
from tests.publish.helpers import review, store_many
from tests.publish.test_reports import SLUG, publish


@pytest.fixture
def published(sign_in, make_survey, app) -> str:
    """Publish the sample survey's report on 15 answers, one comment theme; return its URL."""
    comment_survey(make_survey)
    officer = sign_in(Role.OFFICER)
    comments = "The wait for the plan was far too long and nobody rang back"
    store_many(app, SLUG, [review(comments=comments)] * 12 + [review(had_review="no")] * 3)
    url = publish(officer)
    officer.post("/manage/sign-out")
    return url


def pdf_link(client, url: str):
    """Open the report page and return it with the address of its PDF."""
    html = page(client.get(url))
    return html, html.select_one(".pdf-link a")["href"]


def test_anyone_can_download_the_report_as_a_tagged_pdf_that_says_what_the_page_says(
    client, published
):
    html, link = pdf_link(client, published)
    assert link == f"{published}/report.pdf?lang=en&easy=0"
    response = client.get(link)
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="you-said-we-did-{SLUG}-1-en.pdf"'
    )
    pdf = read(response)
    for part in html.select("main h1, main h2, main h3, main p, main li, main caption"):
        if "pdf-link" not in (part.get("class") or []):
            assert squash(part.get_text()) in pdf.text
    # Small numbers stay hidden as on the page: 12 and 3 said yes and no.
    assert "Yes fewer than 10 –" in pdf.text and "No fewer than 10 –" in pdf.text
    assert pdf.marked and pdf.tags[0] == ("/Document", None)
    assert pdf.lang == "en" and pdf.title == "You said, we did: Your review – Heard"
    assert pdf.outline == [
        (0, "You said, we did: Your review"),
        (1, "You said"),
        (2, "What we are aiming for"),
        (2, "What people wrote about"),
        (1, "We did"),
        (1, "What happens next"),
    ]
    assert "Contents You said" in pdf.text
    assert figures(pdf) == [img["alt"] for img in html.select("figure.chart img")]
    assert len(figures(pdf)) == 2 and pdf.images == 0


def heading_x(response) -> float:
    """Return where, across the first page, the first line of text starts (in points)."""
    first = PdfReader(io.BytesIO(response.data)).pages[0]
    found: list[float] = []

    def visit(text, _cm, tm, _font, _size):
        if text.strip() and not found:
            found.append(tm[4])

    first.extract_text(visitor_text=visit)
    return found[0]


def test_an_arabic_pdf_is_in_arabic_and_reads_from_the_right(client, published):
    html, link = pdf_link(client, f"{published}?lang=ar")
    assert link.endswith("report.pdf?lang=ar&easy=0")
    response = client.get(link)
    pdf = read(response)
    assert pdf.lang == "ar" and pdf.title == squash(html.title.get_text())
    assert [title for _depth, title in pdf.outline[1:]] == [
        squash(h.get_text()) for h in html.select("main h2, main h3")
    ]
    # "Page 1 of 3" in Arabic at the foot of each page ("الصفحة" is "page").
    assert "Page" not in pdf.text and pdf.text.count("الصفحة") > pdf.pages
    # A right-to-left page starts its lines at the right margin.
    assert heading_x(response) > 595 / 2
    assert heading_x(client.get(link.replace("lang=ar", "lang=en"))) < 595 / 4


def test_the_easy_read_pdf_has_the_easy_read_words(client, published):
    _html, link = pdf_link(client, f"{published}?easy=1")
    response = client.get(link)
    assert response.headers["Content-Disposition"].endswith('-1-en-easy-read.pdf"')
    pdf = read(response)
    assert "You told us what you think." in pdf.text and "We will ask you again." in pdf.text


def test_a_report_that_was_never_published_has_no_pdf(client, published):
    assert client.get(published.replace("/1", "/2") + "/report.pdf").status_code == 404
