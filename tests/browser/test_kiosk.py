"""Kiosk mode in a real browser: one tablet passed round, with and without JavaScript."""

import uuid

import pytest
from sqlmodel import Session, select

from app.auth import create_user
from app.definitions import parse_text
from app.definitions.loader import load_survey
from app.models import Answer, Response, Role
from tests.browser.test_accessibility import violations
from tests.browser.walk import press
from tests.samples import ALL_TYPES

SLUG = "kiosk-loop"
PIN = "2468"
SECRET = "Purple elephants at the review"
CONTINUE = "form[data-type] button[type=submit]"


@pytest.fixture(scope="module")
def survey(live_app) -> str:
    """Load a survey with a free-text question into the live server's database."""
    with Session(live_app.extensions["engine"]) as session:
        load_survey(parse_text(ALL_TYPES, slug=SLUG, path=f"{SLUG}.toml"), session=session)
        session.commit()
    return SLUG


@pytest.fixture
def idle(live_app):
    """Let a test shorten the kiosk's idle limit (seconds); put it back afterwards."""
    before = live_app.config["KIOSK_IDLE_SECONDS"]

    def set_to(seconds: int) -> None:
        live_app.config["KIOSK_IDLE_SECONDS"] = seconds

    yield set_to
    live_app.config["KIOSK_IDLE_SECONDS"] = before


def make_kiosk(page, base: str, app) -> None:
    """Sign in as an officer on this browser and switch it to kiosk mode for the survey."""
    email = f"officer-{uuid.uuid4().hex[:8]}@example.org"
    with Session(app.extensions["engine"]) as session:
        create_user(email, "correct horse battery", Role.OFFICER, session=session)
        session.commit()
    page.goto(f"{base}/manage/sign-in")
    page.fill("#email", email)
    page.fill("#password", "correct horse battery")
    press(page, "main form button[type=submit]")
    page.goto(f"{base}/manage/kiosk")
    page.select_option("#survey", SLUG)
    page.fill("#pin", PIN)
    page.fill("#pin_again", PIN)
    press(page, "main form button[type=submit]")
    assert page.url == f"{base}/s/{SLUG}"


def answer_everything(page) -> None:
    """Start and answer every question, the free-text one with SECRET; stop at the check page."""
    press(page, "main form button[type=submit]")
    page.check("input[value=yes]")
    press(page, CONTINUE)
    page.check("input[value='4']")
    press(page, CONTINUE)
    press(page, CONTINUE)
    page.check("input[value=family]")
    press(page, CONTINUE)
    press(page, CONTINUE)
    page.fill("#answer", SECRET)
    press(page, CONTINUE)
    assert page.url.endswith("/check") and SECRET in page.content()


def kiosk_responses(app) -> int:
    with Session(app.extensions["engine"]) as session:
        return len(
            session.exec(
                select(Response)
                .join(Answer, Answer.response_id == Response.id)
                .where(Response.mode == "kiosk", Answer.value == SECRET)
            ).all()
        )


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_after_sending_the_kiosk_starts_again_and_back_never_shows_the_answers(
    new_page, live_server, live_app, survey, javascript
):
    page = new_page(java_script_enabled=javascript)
    make_kiosk(page, live_server, live_app)
    before = kiosk_responses(live_app)
    answer_everything(page)
    press(page, "main form button[type=submit]")
    assert page.url == f"{live_server}/s/{SLUG}"
    assert "Thank you. Your answers have been sent." in page.inner_text("main")
    assert kiosk_responses(live_app) == before + 1
    # The next person presses Back again and again: the server sends each page back to the start.
    for _ in range(8):
        page.go_back()
        page.wait_for_load_state()
        assert SECRET not in page.content()
        assert page.locator("form[data-type] input:checked").count() == 0
    assert page.url.startswith(f"{live_server}/s/{SLUG}")
    # The staff area on this tablet is closed until the PIN is given.
    page.goto(f"{live_server}/manage/")
    assert page.url == f"{live_server}/s/{SLUG}"


def test_a_kiosk_left_alone_warns_then_starts_again(new_page, live_server, live_app, survey, idle):
    idle(4)  # the warning after 2 seconds, the reset after 4
    page = new_page()
    make_kiosk(page, live_server, live_app)
    press(page, "main form button[type=submit]")
    page.check("input[value=yes]")
    press(page, CONTINUE)
    question = page.url
    warning = page.locator("#kiosk-warning")
    warning.wait_for(state="visible", timeout=10000)
    assert page.evaluate("document.activeElement.textContent") == "I'm still here"
    assert violations(page) == []
    page.click("#kiosk-warning button")
    assert warning.is_hidden() and page.url == question
    page.wait_for_url(f"{live_server}/s/{SLUG}", timeout=15000)
    assert "Start now" in page.inner_text("main")
    page.goto(question)  # the last person's page: refused
    assert page.url == f"{live_server}/s/{SLUG}"


def test_without_javascript_an_idle_kiosk_still_starts_again(
    new_page, live_server, live_app, survey, idle
):
    idle(4)
    page = new_page(java_script_enabled=False)
    make_kiosk(page, live_server, live_app)
    press(page, "main form button[type=submit]")
    page.check("input[value=yes]")
    press(page, CONTINUE)
    page.wait_for_url(f"{live_server}/s/{SLUG}", timeout=15000)
    page.go_back()
    page.wait_for_load_state()
    assert page.url == f"{live_server}/s/{SLUG}"
    assert "Start now" in page.inner_text("main")


def test_leaving_kiosk_mode_needs_the_facilitators_pin(new_page, live_server, live_app, survey):
    page = new_page()
    make_kiosk(page, live_server, live_app)
    page.click("text=Leave kiosk mode")
    page.wait_for_load_state()
    page.fill("#pin", "1357")
    press(page, "main form button[type=submit]")
    assert "That PIN is not right. Try again." in page.inner_text(".error-summary")
    assert violations(page) == []
    page.fill("#pin", PIN)
    press(page, "main form button[type=submit]")
    assert page.url == f"{live_server}/manage/sign-in"
    assert "Kiosk mode is off." in page.inner_text("main")
    page.goto(f"{live_server}/")
    assert page.url == f"{live_server}/"
