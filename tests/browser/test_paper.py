"""The paper form as Chromium prints it: boxes on the reading side, large type, no site chrome."""

import pytest

from tests.browser.walk import SURVEY

FONT_SIZE = "parseFloat(getComputedStyle(document.querySelector('.paper-question .how')).fontSize)"
PT = 96 / 72  # CSS pixels in a point


def printed(new_page, live_server, query: str):
    page = new_page()
    page.goto(f"{live_server}/s/{SURVEY}/paper?{query}")
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize(("lang", "box_first"), [("en", True), ("ar", False), ("ur", False)])
def test_each_tick_box_prints_before_its_answer_in_reading_order(
    new_page, live_server, lang, box_first
):
    page = printed(new_page, live_server, f"lang={lang}&easy=0")
    box = page.locator(".paper-options li .tick-box").first.bounding_box()
    label = page.locator(".paper-options li > span:last-child").first.bounding_box()
    # Left to right the box is on the left of its words; right to left, on the right.
    assert (box["x"] < label["x"]) is box_first
    assert box["width"] >= 20 and box["height"] >= 20


def test_print_is_at_least_14_point_and_easy_read_18_point(new_page, live_server):
    assert printed(new_page, live_server, "lang=en&easy=0").evaluate(FONT_SIZE) >= 14 * PT - 0.1
    assert printed(new_page, live_server, "lang=en&easy=1").evaluate(FONT_SIZE) >= 18 * PT - 0.1


def test_the_printout_leaves_out_the_site_header_and_keeps_the_version_footer(
    new_page, live_server
):
    page = printed(new_page, live_server, "lang=en&easy=1")
    assert not page.locator("header.header").is_visible()
    assert not page.locator(".screen-only").is_visible()
    assert page.locator(".paper-footer").is_visible()
    assert page.locator(".paper-footer .print-only").is_visible()  # the pictures' licence
    assert page.pdf(format="A4").startswith(b"%PDF")
