"""Answers in a real browser: "None of these" unticks the rest, the own-words box shows under
"another way" (and without JavaScript is simply there), and a phone without signal keeps the
server's rules: the same count, the same refusal, the same words kept."""

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, select

from app.definitions import parse_text
from app.definitions.loader import load_survey
from app.definitions.routing import reachable_pages
from app.models import Answer, Response
from app.pages import STATIC
from app.respond.on_phone import survey_rules
from tests.browser.test_accessibility import violations
from tests.browser.walk import press
from tests.samples import GENDER

SLUG = "answers-in-browser"
CONTINUE = "form[data-type] button[type=submit]"
SURVEY = (
    """
title = "Your group"
audience = "young_people"
summary = "Tell us about the group."
minutes = 2

[[questions]]
key = "helped"
type = "yesno"
text = "Have you helped make something?"
section = "The group"

[[questions]]
key = "what"
type = "multiple"
text = "What did you help with?"
show_if = { question = "helped", answers = ["yes"] }
options = [
  { value = "leaflets", label = "Leaflets" },
  { value = "surveys", label = "Surveys" },
  { value = "none", label = "None of these", exclusive = true },
]
"""
    + GENDER
)
WORDS = "Genderfluid, some days"
NONE_ALONE = "Choose \u201cNone of these\u201d on its own, or untick it."


@pytest.fixture(scope="module")
def survey(live_app):
    """Load a small routed survey with "None of these" and a box under an answer."""
    definition = parse_text(SURVEY, slug=SLUG, path=f"{SLUG}.toml")
    with Session(live_app.extensions["engine"]) as session:
        load_survey(definition, session=session)
        session.commit()
    return definition


def ticked(page) -> list[str]:
    return page.eval_on_selector_all("input[name=answer]:checked", "all => all.map(e => e.value)")


def to_what(page, base: str) -> None:
    page.goto(f"{base}/s/{SLUG}")
    press(page, "main form button[type=submit]")
    page.check("input[value=yes]")
    press(page, CONTINUE)


def test_ticking_none_of_these_unticks_the_others_and_another_answer_unticks_it(
    new_page, live_server, survey
):
    page = new_page()
    to_what(page, live_server)
    page.check("input[value=leaflets]")
    page.check("input[value=surveys]")
    page.check("input[value=none]")
    assert ticked(page) == ["none"]
    page.check("input[value=surveys]")
    assert ticked(page) == ["surveys"]


def test_the_own_words_box_shows_when_another_way_is_chosen(new_page, live_server, survey):
    page = new_page()
    to_what(page, live_server)
    page.check("input[value=leaflets]")
    press(page, CONTINUE)
    box = page.locator("#words_gender_words")
    expect(box).to_be_hidden()
    page.check("input[value=another_way]")
    expect(box).to_be_visible()
    expect(page.locator("input[value=another_way]")).to_have_attribute(
        "aria-controls", "words_gender_words-box"
    )
    assert violations(page) == []
    page.check("input[value=girl]")
    expect(box).to_be_hidden()


def test_without_javascript_the_own_words_box_is_simply_there(new_page, live_server, survey):
    page = new_page(java_script_enabled=False)
    to_what(page, live_server)
    page.check("input[value=leaflets]")
    press(page, CONTINUE)
    expect(page.locator("#words_gender_words")).to_be_visible()


def start_with_the_worker(page, base: str) -> None:
    """Open the survey, let the worker take charge, start, and wait for its pages."""
    page.goto(f"{base}/s/{SLUG}")
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller")
    press(page, "main form button[type=submit]")
    page.wait_for_selector("html[data-phone=mirror]")


def stored(app) -> list[list[tuple[str, str]]]:
    with Session(app.extensions["engine"]) as session:
        found = []
        for response in session.exec(select(Response)).all():
            rows = session.exec(select(Answer).where(Answer.response_id == response.id)).all()
            if any(row.question_key == "gender" for row in rows):
                found.append(sorted((a.question_key, a.value) for a in rows))
        return found


def test_a_phone_without_signal_counts_refuses_and_keeps_words_as_the_server_does(
    new_page, live_server, live_app, survey
):
    before = stored(live_app)
    page = new_page()
    start_with_the_worker(page, live_server)
    expect(page.locator(".caption")).to_contain_text("Question 1 of 3")
    page.context.set_offline(True)
    page.check("input[value=yes]")
    press(page, CONTINUE)
    expect(page.locator(".caption")).to_contain_text("Question 2 of 3")
    page.evaluate("document.querySelector('input[value=none]').checked = true")
    page.evaluate("document.querySelector('input[value=leaflets]').checked = true")
    press(page, CONTINUE)  # a script-less tick of both: the phone refuses as the server would
    assert NONE_ALONE in page.inner_text(".error-summary")
    page.check("input[value=none]")
    press(page, CONTINUE)
    expect(page.locator(".caption")).to_contain_text("Question 3 of 3")
    page.check("input[value=another_way]")
    page.fill("#words_gender_words", f"  {WORDS} ")
    press(page, CONTINUE)
    assert page.url.endswith("/check")
    expect(page.locator("main")).to_contain_text(WORDS)
    assert violations(page) == []
    press(page, "main form button[type=submit]")
    page.context.set_offline(False)
    expect(page.locator("#phone-status")).to_have_text("Sent. We have your answers.", timeout=30000)
    new = [r for r in stored(live_app) if r not in before]
    assert new == [
        [("gender", "another_way"), ("gender_words", WORDS), ("helped", "yes"), ("what", "none")]
    ]


@pytest.mark.parametrize(
    "answers",
    [{}, {"helped": "yes"}, {"helped": "no"}, {"helped": "yes", "what": ["none"]}],
    ids=["nothing yet", "yes", "no", "yes then none"],
)
def test_the_phone_counts_the_questions_left_as_the_server_does(new_page, survey, answers):
    page = new_page()
    page.goto("about:blank")
    page.add_script_tag(content=(STATIC / "offline-worker.js").read_text())
    record = {"questions": survey_rules(survey), "answers": answers}
    phone = page.evaluate("(record) => reachable(record).map((q) => q.key)", record)
    assert phone == [q.key for q in reachable_pages(survey, answers)]
