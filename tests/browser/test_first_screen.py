"""On a 360 x 740 phone: Start now on the first screen, one language control, Urdu in Nastaliq."""

import pytest
from sqlmodel import Session, select

from app.i18n import LANGUAGES
from app.models import Survey, SurveyState
from tests.browser.test_accessibility import violations
from tests.browser.walk import SURVEY

PHONE = {"width": 360, "height": 740}
START = "main form button[type=submit]"


def open_surveys(live_app) -> list[str]:
    with Session(live_app.extensions["engine"]) as session:
        found = session.exec(select(Survey.slug).where(Survey.state == SurveyState.OPEN))
        return sorted(found.all())


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_start_now_is_on_the_first_screen_of_a_phone_in_standard_and_easy_read(
    new_page, live_server, live_app, lang
):
    page = new_page(viewport=PHONE)
    below = {}
    for easy in (0, 1):
        page.goto(f"{live_server}/?lang={lang}&easy={easy}")
        for slug in open_surveys(live_app):
            page.goto(f"{live_server}/s/{slug}")
            assert page.get_attribute("html", "lang") == lang
            box = page.locator(START).bounding_box()
            if box["y"] < 0 or box["y"] + box["height"] > PHONE["height"]:
                below[f"{slug} easy={easy}"] = round(box["y"] + box["height"])
    assert below == {}


def test_carry_on_is_on_the_first_screen_too(new_page, live_server):
    page = new_page(viewport=PHONE)
    page.goto(f"{live_server}/s/{SURVEY}?lang=so&easy=1")
    with page.expect_navigation():
        page.click(START)
    page.goto(f"{live_server}/s/{SURVEY}")  # back later: the button says carry on
    box = page.locator(START).bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize("easy", [0, 1])
def test_the_language_control_is_one_line_that_opens_without_javascript(
    new_page, live_server, easy
):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(f"{live_server}/s/{SURVEY}?easy={easy}")
    summary = page.locator("header .languages summary")
    assert summary.inner_text().strip() == "Language"
    assert summary.bounding_box()["height"] >= 44
    # The header is one short bar, not a third of the screen.
    assert page.locator("header").bounding_box()["height"] <= 130
    assert not page.locator("header .languages a").first.is_visible()
    summary.click()
    links = page.locator("header .languages a")
    assert links.count() == 10
    small = [b for b in (links.nth(i).bounding_box() for i in range(10)) if b["height"] < 44]
    assert small == []
    with page.expect_navigation():
        page.click("header .languages a[hreflang=pl]")
    assert page.get_attribute("html", "lang") == "pl"
    assert page.url.split("?")[0].endswith(f"/s/{SURVEY}")  # the same page, now in Polish
    page.goto(f"{live_server}/privacy")
    assert page.get_attribute("html", "lang") == "pl"  # and kept on the next one
    assert page.locator("header .languages summary").inner_text().strip() == "Język"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_open_language_list_and_more_about_this_survey_have_no_wcag_violations(
    new_page, live_server, lang
):
    page = new_page(viewport=PHONE)
    page.goto(f"{live_server}/s/{SURVEY}?lang={lang}")
    page.click("header .languages summary")
    page.click("details.more summary")
    assert page.locator("details.more summary").bounding_box()["height"] >= 44
    assert violations(page) == []


def used_fonts(page, selector: str) -> set[str]:
    """Return the font faces the browser actually drew an element's text with."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"] for font in fonts}


def test_urdu_is_drawn_in_the_devices_nastaliq_with_room_between_lines(new_page, live_server):
    page = new_page(viewport=PHONE)
    fetched = []
    page.on("request", lambda request: fetched.append(request.resource_type))
    page.goto(f"{live_server}/s/{SURVEY}?lang=ur")
    assert "font" not in fetched  # a font on the device, never a download
    assert "Noto Nastaliq Urdu" in used_fonts(page, "main h1")
    size, height = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('main p'));"
        " return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; })()"
    )
    assert height >= 2 * size
    # Arabic keeps its own face: the Nastaliq stack is for Urdu only.
    page.goto(f"{live_server}/s/{SURVEY}?lang=ar")
    assert "Noto Nastaliq Urdu" not in used_fonts(page, "main h1")
