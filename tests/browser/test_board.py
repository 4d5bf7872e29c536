"""The board's pages in Chromium: no WCAG violations, no sideways scrolling on a phone, short.

The board member signs in and reads the dashboard, the comparison across audiences, one
KPI, the tallies and the pack; an officer writes commentary. The live server holds the
shipped surveys with a few months of made-up answers.
"""

import uuid

import pytest
from sqlmodel import Session, select

from app.auth import create_user
from app.board.filters import reading_period
from app.clock import today
from app.models import Kpi, Role
from benchmarks import board_data
from tests.browser.test_accessibility import violations
from tests.browser.walk import press

PASSWORD = "correct horse battery"
PHONE, LAPTOP = 390, 1280


@pytest.fixture(scope="module")
def board_data_loaded(live_app, tmp_path_factory) -> int:
    """Give the live server's surveys answers; keep its charts out of the instance folder."""
    live_app.config["CHART_CACHE_DIR"] = tmp_path_factory.mktemp("charts")
    board_data.fill(live_app.extensions["engine"], per_survey=40)
    with Session(live_app.extensions["engine"]) as session:
        return session.exec(select(Kpi.id).where(Kpi.ref == "PA2 2.5.1")).first()


def signed_in(new_page, live_server, live_app, role: Role, width: int):
    """Open a browser at a width, signed in as a new member of staff with this role."""
    email = f"{role}-{uuid.uuid4().hex[:8]}@example.org"
    with Session(live_app.extensions["engine"]) as session:
        create_user(email, PASSWORD, role, session=session)
        session.commit()
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(f"{live_server}/manage/sign-in")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    press(page, "main form button[type=submit]")
    return page


def board_pages(kpi: int) -> dict[str, str]:
    return {
        "dashboard": "/board/",
        "compare": "/board/compare",
        "kpi": f"/board/kpis/{kpi}",
        "tallies": "/board/tallies?survey=post-14-review&by=language",
        "pack": "/board/pack",
    }


@pytest.mark.parametrize("width", [LAPTOP, PHONE])
def test_the_board_pages_have_no_wcag_violations(
    new_page, live_server, live_app, board_data_loaded, width
):
    page = signed_in(new_page, live_server, live_app, Role.BOARD, width)
    found = {}
    for name, url in board_pages(board_data_loaded).items():
        page.goto(f"{live_server}{url}")
        if problems := violations(page):
            found[name] = problems
    assert found == {}


def test_the_commentary_form_and_its_errors_have_no_wcag_violations(
    new_page, live_server, live_app, board_data_loaded
):
    page = signed_in(new_page, live_server, live_app, Role.OFFICER, PHONE)
    with live_app.test_request_context():
        period = reading_period(today()).key
    page.goto(f"{live_server}/board/kpis/{board_data_loaded}/commentary/{period}")
    assert violations(page) == []
    press(page, "main form button[type=submit]")  # nothing written: the error summary
    assert page.locator(".error-summary").is_visible()
    assert violations(page) == []
    page.fill("#text", "Reviews slipped in June.\nThey are back on time since July.")
    press(page, "main form button[type=submit]")
    assert "They are back on time since July." in page.inner_text("#commentary")
    assert violations(page) == []


def test_the_board_pages_do_not_scroll_sideways_on_a_phone(
    new_page, live_server, live_app, board_data_loaded
):
    page = signed_in(new_page, live_server, live_app, Role.BOARD, PHONE)
    wide = {}
    for name, url in board_pages(board_data_loaded).items():
        page.goto(f"{live_server}{url}")
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > PHONE:
            wide[name] = width
    assert wide == {}


def test_the_dashboard_shows_the_status_counts_first_and_fits_a_few_screens(
    new_page, live_server, live_app, board_data_loaded
):
    page = signed_in(new_page, live_server, live_app, Role.BOARD, LAPTOP)
    page.goto(f"{live_server}/board/")
    # Every one of the 23 KPIs is a row of one table; the counts by status are on the first screen.
    assert page.locator("table.kpi-summary tr.kpi-row").count() == 23
    assert page.locator(".status-counts").bounding_box()["y"] < 900
    height = page.evaluate("document.scrollingElement.scrollHeight")
    print(f"dashboard height at {LAPTOP} px: {height} px")
    # Twenty-three cards with their charts made a 10,468 px page.
    assert height < 4000
