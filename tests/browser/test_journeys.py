"""In a real browser: keyboard only, 320 px, 200% text, no JavaScript, focus, touch targets."""

import pytest

from tests.browser.walk import SURVEY, press, respondent_pages

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"
SMALL_TARGETS = """() => {
  const targets = document.querySelectorAll('button, input, select, textarea, .choice label, '
    + 'header a, footer a, .back, .change a, main > p > a:only-child');
  return [...targets].filter(e => e.offsetParent !== null).map(e => {
    const box = e.getBoundingClientRect();
    return {what: e.outerHTML.slice(0, 80), height: box.height, width: box.width};
  }).filter(t => t.height < 44 || t.width < 44);
}"""


def test_a_whole_survey_can_be_answered_with_the_keyboard_alone(new_page, live_server):
    page = new_page()
    page.goto(f"{live_server}/s/co-production-group")
    # Tab from the top of the page to the start button, as a keyboard user would.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('main form button')"):
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    answered = 0
    while page.locator("form[data-type]").count():
        kind = page.get_attribute("form[data-type]", "data-type")
        page.focus("form[data-type] input:not([type=hidden]), form[data-type] textarea")
        if kind in ("scale", "yesno", "single", "multiple"):
            page.keyboard.press("Space")
        elif kind == "number":
            page.keyboard.type("15")
        page.keyboard.press("Tab")
        while not page.evaluate("document.activeElement.matches('button[type=submit]')"):
            page.keyboard.press("Tab")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        answered += 1
    assert answered >= 5 and "/check" in page.url
    page.focus("main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/sent")


@pytest.mark.parametrize(("lang", "easy"), [("en", False), ("cy", True), ("ar", True)])
def test_every_page_fits_320_pixels_without_sideways_scrolling(new_page, live_server, lang, easy):
    page = new_page(viewport={"width": 320, "height": 640})
    wide = [
        name
        for name in respondent_pages(page, live_server, lang, easy)
        if not page.evaluate(NO_SIDEWAYS_SCROLL)
    ]
    assert wide == []


def test_text_at_200_percent_still_fits_with_nothing_cut_off(new_page, live_server):
    page = new_page(viewport={"width": 640, "height": 800})
    problems = []
    for name in respondent_pages(page, live_server, "en", False):
        # Through the CSSOM, which the page's Content Security Policy allows.
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        if not page.evaluate(NO_SIDEWAYS_SCROLL):
            problems.append(name)
    assert problems == []


def test_easy_read_text_is_at_least_14_point(new_page, live_server):
    page = new_page()
    for name in respondent_pages(page, live_server, "en", True):
        size = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('main p, main "
            "legend, main label')).fontSize)"
        )
        assert size >= 18.66, (name, size)


def test_the_survey_works_with_javascript_switched_off(new_page, live_server):
    page = new_page(java_script_enabled=False)
    names = list(respondent_pages(page, live_server, "en", False))
    assert "thank you" in names and "check your answers" in names


def test_the_error_summary_receives_focus(new_page, live_server):
    page = new_page()
    page.goto(f"{live_server}/s/{SURVEY}")
    press(page, "main form button[type=submit]")
    press(page, "form[data-type] button[type=submit]")
    # autofocus moves focus as the page settles, with no script of ours.
    page.wait_for_function("document.activeElement.className === 'error-summary'", timeout=5000)
    assert page.title().startswith("Error: ")
    page.click(".error-summary a")
    assert page.evaluate("document.activeElement.id") == "answer"


def test_touch_targets_are_at_least_44_pixels(new_page, live_server):
    page = new_page()
    small = {}
    for lang, easy in (("en", False), ("en", True), ("ar", False)):
        for name in respondent_pages(page, live_server, lang, easy):
            found = page.evaluate(SMALL_TARGETS)
            if found:
                small[f"{lang} {easy} {name}"] = found
    assert small == {}


def test_right_to_left_pages_are_mirrored_and_faces_still_go_worst_to_best(new_page, live_server):
    page = new_page()
    page.goto(f"{live_server}/s/{SURVEY}?lang=ar")
    assert page.get_attribute("html", "dir") == "rtl"
    press(page, "main form button[type=submit]")
    page.check("input[value=yes]")
    press(page, "form[data-type] button[type=submit]")
    assert page.get_attribute("form[data-type]", "data-type") == "scale"
    width = page.evaluate("window.innerWidth")
    back = page.locator("a.back").bounding_box()
    assert back["x"] + back["width"] > width / 2  # Back sits on the right, where reading starts
    values = page.eval_on_selector_all("input[type=radio]", "els => els.map(e => e.value)")
    assert values[:5] == ["1", "2", "3", "4", "5"]
    tops = page.eval_on_selector_all(
        "input[type=radio]", "els => els.map(e => e.getBoundingClientRect().top)"
    )
    assert tops == sorted(tops)
    radio = page.locator("input[value='1']").bounding_box()
    assert radio["x"] > width / 2  # the radio comes first in reading order: on the right


def test_free_text_in_any_script_comes_back_as_typed(new_page, live_server):
    page = new_page()
    typed = "مرحبا hello ਸਤ ਸ੍ਰੀ ਅਕਾਲ 123"
    page.goto(f"{live_server}/s/co-production-group")
    press(page, "main form button[type=submit]")
    while page.locator("form[data-type]").count():
        kind = page.get_attribute("form[data-type]", "data-type")
        if kind == "text":
            page.fill("#answer", typed)
        elif kind in ("scale", "yesno", "single"):
            page.check("input[type=radio] >> nth=0")
        elif kind == "multiple":
            page.check("input[type=checkbox] >> nth=0")
        elif kind == "number":
            page.fill("#answer", "15")
        press(page, "form[data-type] button[type=submit]")
    shown = page.locator("bdi[dir=auto]").all_inner_texts()
    assert typed in shown


# Headless Chromium has no voices, so the page is given one English voice to find.
ONE_ENGLISH_VOICE = """
  Object.defineProperty(window.speechSynthesis, "getVoices",
    {value: () => [{lang: "en-GB", name: "Test voice"}]});
"""


@pytest.mark.parametrize(("lang", "shown"), [("en", True), ("ar", False)])
def test_listen_button_shows_only_where_there_is_a_voice_for_the_language(
    new_page, live_server, lang, shown
):
    page = new_page()
    page.add_init_script(ONE_ENGLISH_VOICE)
    page.goto(f"{live_server}/s/{SURVEY}?lang={lang}")
    press(page, "main form button[type=submit]")
    page.wait_for_load_state("load")  # listen.js is deferred: it has run by "load"
    assert page.get_attribute("html", "lang") == lang
    assert page.is_visible(".listen") is shown
