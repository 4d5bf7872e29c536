"""A phone that loses its signal mid-survey: it finishes, sends once when the signal returns,
and keeps nothing afterwards. Network cut with Chromium's own emulation (set_offline)."""

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, select

from app.definitions import parse_text
from app.definitions.loader import load_survey
from app.forms import strip
from app.inputs import too_many_digits, whole_number
from app.models import Answer, Draft, Response
from app.pages import STATIC
from tests.browser.test_accessibility import violations
from tests.browser.walk import press
from tests.samples import ALL_TYPES

SLUG = "phone-signal"
CONTINUE = "form[data-type] button[type=submit]"
STORED_ON_PHONE = """async () => {
  const db = await new Promise((ok) => {
    const opening = indexedDB.open("heard", 1);
    opening.onsuccess = () => ok(opening.result);
  });
  const count = await new Promise((ok) => {
    const counting = db.transaction("responses").objectStore("responses").count();
    counting.onsuccess = () => ok(counting.result);
  });
  db.close();
  const kept = (await caches.keys()).filter((name) => name.startsWith("heard-"));
  return {records: count, caches: kept.length};
}"""

KEPT_PAGES = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""


@pytest.fixture(scope="module")
def survey(live_app) -> str:
    """Load a survey with every question type and routing into the live server's database."""
    with Session(live_app.extensions["engine"]) as session:
        load_survey(parse_text(ALL_TYPES, slug=SLUG, path=f"{SLUG}.toml"), session=session)
        session.commit()
    return SLUG


def responses(app) -> list[tuple[str, list[tuple[str, str]]]]:
    """Return every stored response to the survey: its mode and its answers."""
    with Session(app.extensions["engine"]) as session:
        found = []
        for response in session.exec(select(Response)).all():
            rows = session.exec(select(Answer).where(Answer.response_id == response.id)).all()
            if any(row.question_key == "had_review" for row in rows):
                found.append((response.mode, sorted((a.question_key, a.value) for a in rows)))
        return found


def start_with_the_worker(page, base: str) -> None:
    """Open the survey, let the worker take charge, start, and wait for the pages to be kept."""
    page.goto(f"{base}/s/{SLUG}")
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller")
    press(page, "main form button[type=submit]")
    page.wait_for_selector("html[data-phone=mirror]")


def test_a_phone_that_loses_signal_finishes_sends_once_and_forgets(
    new_page, live_server, live_app, survey
):
    before = responses(live_app)
    page = new_page()
    start_with_the_worker(page, live_server)
    # The worker looks after survey pages only, and keeps them with no answers in them.
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL").endswith("/sw.js")
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.scope)")
    assert scope == f"{live_server}/s/"
    for url in page.evaluate(KEPT_PAGES):
        assert url.startswith((f"{live_server}/s/{SLUG}", f"{live_server}/static/")), url
    page.check("input[value=yes]")
    press(page, CONTINUE)  # answered online: the server's draft has it
    page.context.set_offline(True)

    press(page, CONTINUE)  # nothing chosen: the server's own message, shown by the phone
    assert page.title().startswith("Error: ")
    assert "Choose one answer." in page.inner_text(".error-summary")
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert violations(page) == []  # a page built on the phone, with its error
    page.check("input[value='4']")
    press(page, CONTINUE)
    expect(page.locator("#phone-status")).to_contain_text("Saved on this phone")
    page.check("input[value=school]")
    page.check("input[value=jobs]")
    press(page, CONTINUE)
    page.check("input[value=teacher]")
    press(page, CONTINUE)

    page.reload()  # offline: the page comes from the phone, nothing typed or chosen is lost
    expect(page.locator(".caption")).to_contain_text("Question 5 of 6")
    expect(page.locator("a.back")).to_have_attribute("href", f"/s/{SLUG}/q/who")
    page.click("a.back")
    expect(page.locator("input[value=teacher]")).to_be_checked()
    press(page, CONTINUE)
    page.fill("#answer", "99")
    press(page, CONTINUE)
    assert "between 11 and 25" in page.inner_text(".error-summary")
    page.fill("#answer", "15")
    press(page, CONTINUE)
    page.fill("#answer", "  Good, thank you  ")
    press(page, CONTINUE)

    assert page.url.endswith("/check")
    page.reload()
    summary = page.locator(".summary")
    for shown in ("Yes", "Good", "School or college", "Jobs", "A teacher", "15", "Good, thank you"):
        expect(summary).to_contain_text(shown)
    page.click(".summary-row:has-text('Who helped') .change a")
    expect(page.locator("input[value=teacher]")).to_be_checked()
    page.check("input[value=family]")
    press(page, CONTINUE)
    assert page.url.endswith("/check")
    expect(page.locator(".summary")).to_contain_text("My family")
    assert violations(page) == []

    press(page, "main form button[type=submit]")  # Send, with no signal
    assert page.url.endswith("/saved")
    waiting = "Saved on this phone. We will send your answers when you are online again."
    expect(page.locator("#phone-status")).to_have_text(waiting)
    page.reload()
    expect(page.locator("#phone-status")).to_have_text(waiting)
    assert violations(page) == []
    assert responses(live_app) == before

    page.context.set_offline(False)
    expect(page.locator("#phone-status")).to_have_text("Sent. We have your answers.", timeout=30000)
    new = [r for r in responses(live_app) if r not in before]
    assert new == [
        (
            "online",
            [
                ("age", "15"),
                ("comments", "Good, thank you"),
                ("had_review", "yes"),
                ("helpful", "4"),
                ("topics", "jobs"),
                ("topics", "school"),
                ("who", "family"),
            ],
        )
    ]
    assert page.evaluate(STORED_ON_PHONE) == {"records": 0, "caches": 0}
    # Asked to send again, and reloaded: still one response, the server's draft gone.
    page.evaluate("navigator.serviceWorker.controller.postMessage({type: 'sync', slug: 'x'})")
    page.reload()
    assert len(responses(live_app)) == len(before) + 1
    with Session(live_app.extensions["engine"]) as session:
        stored = session.exec(select(Response).order_by(Response.submitted_at.desc())).first()
        assert session.exec(select(Draft).where(Draft.response_id == stored.id)).all() == []


def test_with_the_signal_all_the_way_the_phone_keeps_nothing_after_sending(
    new_page, live_server, live_app, survey
):
    before = len(responses(live_app))
    page = new_page()
    start_with_the_worker(page, live_server)
    page.check("input[value=no]")
    press(page, CONTINUE)
    press(page, CONTINUE)  # topics is optional
    page.check("input[value=family]")
    press(page, CONTINUE)
    press(page, CONTINUE)
    press(page, CONTINUE)
    press(page, "main form button[type=submit]")
    assert page.url.endswith("/sent")
    assert len(responses(live_app)) == before + 1
    page.goto(f"{live_server}/s/{SLUG}")
    # The worker forgets its copy once the server has answered the send.
    for _ in range(50):
        if page.evaluate(STORED_ON_PHONE) == {"records": 0, "caches": 0}:
            break
        page.wait_for_timeout(100)
    assert page.evaluate(STORED_ON_PHONE) == {"records": 0, "caches": 0}


NUMBERS = ["15", " 015 ", "-4", "\u2212" + "4", "+7", "٤٢", "৪২", "੧੫", "４２", "\u200f١٥",
           "𝟙𝟝", "1.5", "--5", "²", "", "-", "1234567890", "0000000001", "abc"]  # fmt: skip
TEXTS = ["  hello  ", "line\r\nbreak", "tab\there", "bell\x07", "\x00", "  \r\n  "]


def test_the_phone_reads_numbers_and_text_as_the_server_does(new_page):
    page = new_page()
    page.goto("about:blank")
    page.add_script_tag(content=(STATIC / "offline-worker.js").read_text())
    phone = page.evaluate("(texts) => texts.map(wholeNumber)", NUMBERS)
    server = [
        "long" if too_many_digits(t) else None if whole_number(t) is None else str(whole_number(t))
        for t in (strip(t) for t in NUMBERS)
    ]
    assert phone == server
    assert page.evaluate("(texts) => texts.map(cleanText)", TEXTS) == [strip(t) for t in TEXTS]
