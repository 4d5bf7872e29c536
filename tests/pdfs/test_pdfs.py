"""The shared PDF maker: a contents list, page numbers in each language, nothing fetched from
outside, and a plain-words page when this server cannot make PDFs."""

import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session, select

from app.models import AuditEvent
from app.pdfs import page_css, render_pdf, with_contents
from tests.pages import check_page, squash, text

ROOT = Path(__file__).resolve().parent.parent.parent

PAGE = """<!doctype html><html lang="en" dir="ltr"><head><title>Pack – Heard</title></head>
<body><header><h2>Not in main</h2><div id="r-2"></div></header><main><h1>Pack</h1><p>Intro</p>
<section><h2>Reviews &amp; plans</h2><article><h3 id="r-1">R 1 <span>Young people</span></h3>
</article><article><h3>R 2</h3></article></section>
<section><h2>Preparing for adulthood</h2></section></main></body></html>"""


def test_the_contents_list_links_each_section_with_its_subsections_inside():
    soup = check_page(with_contents(PAGE, "Contents"))
    nav = soup.select_one("main h1 + nav.pdf-contents")
    assert squash(nav.h2.get_text()) == "Contents"
    top = nav.select(":scope > ol > li")
    assert [squash(li.a.get_text()) for li in top] == ["Reviews & plans", "Preparing for adulthood"]
    inner = top[0].select(":scope > ol > li > a")
    assert [(a["href"], squash(a.get_text())) for a in inner] == [
        ("#r-1", "R 1 Young people"),
        ("#r-2-2", "R 2"),  # "r-2" is taken
    ]
    # Each link leads to its heading: an id it had, or one made from its words.
    for link in nav.select("a"):
        assert soup.select_one(link["href"]).name in ("h2", "h3")


def test_a_page_without_sections_gets_no_contents_list():
    plain = PAGE.split("<section>")[0] + "</main></body></html>"
    assert with_contents(plain, "Contents") == plain


@pytest.mark.parametrize(
    ("language", "css"),
    [
        ("en", '"Page " counter(page) " of " counter(pages)'),
        ("cy", '"Tudalen " counter(page) " o " counter(pages)'),
        # Punjabi says "of 9, page 2": the counters follow the translation's order.
        ("pa", 'counter(pages) " ਵਿੱਚੋਂ ਪੰਨਾ " counter(page)'),
    ],
)
def test_page_numbers_are_a_whole_translated_sentence(app, language, css):
    with app.test_request_context(f"/?lang={language}"):
        app.preprocess_request()
        assert page_css() == "@page{@bottom-center{content:" + css + "}}"


def test_a_pdf_fetches_nothing_from_outside_heard_nor_a_page_it_was_not_given(app, caplog):
    page = PAGE.replace(
        "<p>Intro</p>",
        '<img src="http://example.org/track.png" alt="outside">'
        '<img src="/board/kpis.csv" alt="a staff download">',
    )
    with app.test_request_context("/"):
        assert render_pdf(page).startswith(b"%PDF-")
    refused = [r.getMessage() for r in caplog.records if r.name == "weasyprint"]
    assert any("a PDF fetches nothing from outside Heard" in m for m in refused)
    assert any("this page may not embed that address" in m for m in refused)


def test_without_weasyprint_a_pdf_link_explains_in_plain_words(
    app, client, board, review, monkeypatch
):
    # As on a server without WeasyPrint installed: importing it fails.
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    response = board.get("/board/pack.pdf")
    assert response.status_code == 503
    assert "The PDF cannot be made just now" in text(response)
    assert "print it from your browser" in text(response)
    with Session(app.extensions["engine"]) as session:
        assert not session.exec(select(AuditEvent).where(AuditEvent.action == "downloaded")).all()
    assert board.get("/board/pack").status_code == 200


def test_the_app_starts_without_loading_weasyprint():
    # A fresh interpreter: a server without Pango must still serve every page but the PDFs.
    code = (
        "import sys; from app import create_app;"
        "create_app({'SECRET_KEY': 'x', 'DATABASE_URL': 'sqlite://'});"
        "print('weasyprint' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
