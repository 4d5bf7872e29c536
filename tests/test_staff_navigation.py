"""Staff pages: a bar of the areas each role may open, in English, without the language list."""

import pytest

from app import i18n
from app.models import Role
from app.permissions import Permission, can
from tests.pages import page, text
from tests.test_conventions import PUBLIC_BLUEPRINTS

AREAS = {
    "/manage/": Permission.SURVEYS,
    "/board/": Permission.AGGREGATES,
    "/safeguarding/": Permission.SAFEGUARDING,
    "/manage/events": Permission.EVENTS,
    "/manage/people": Permission.PEOPLE,
    "/manage/audit": Permission.AUDIT,
}


def test_the_pages_that_keep_the_language_list_are_the_public_ones():
    assert i18n.PUBLIC_BLUEPRINTS == PUBLIC_BLUEPRINTS


def nav_links(response) -> list[str]:
    nav = page(response).select_one("header nav.staff-nav")
    return [a["href"] for a in nav.select("a")] if nav else []


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_a_link_to_every_staff_area_it_may_open_and_no_other(sign_in, role):
    staff = sign_in(role, f"{role}@example.org")
    landing = staff.get("/manage/", follow_redirects=True)
    expected = [path for path, needed in AREAS.items() if can(role, needed)]
    assert nav_links(landing) == expected
    for path in expected:  # every link opens, and carries the same bar
        shown = staff.get(path)
        assert shown.status_code == 200, path
        assert nav_links(shown) == expected, path


def test_the_officer_can_go_from_the_surveys_to_the_board_and_back(sign_in):
    officer = sign_in(Role.OFFICER)
    board = page(officer.get("/board/"))
    current = board.select_one("nav.staff-nav [aria-current=page]")
    assert current["href"] == "/board/"
    assert "/manage/" in [a["href"] for a in board.select("nav.staff-nav a")]


def test_staff_pages_have_no_language_list_and_stay_in_english(sign_in):
    officer = sign_in(Role.OFFICER)
    officer.get("/?lang=cy")  # a survey tried out in Welsh, in the same browser
    for path in ("/manage/", "/board/", "/manage/settings/privacy-notice", "/manage/sign-in"):
        shown = officer.get(path, follow_redirects=True)
        html = page(shown)
        assert html.find("html")["lang"] == "en", path
        assert html.select(".languages") == [], path
    # Respondent pages keep the person's language and the chooser.
    survey = page(officer.get("/s/post-14-review"))
    assert survey.find("html")["lang"] == "cy" and survey.select_one(".languages details")
    assert survey.select_one("nav.staff-nav") is None


def test_someone_not_signed_in_sees_no_staff_bar_on_the_sign_in_page(client):
    sign_in_page = page(client.get("/manage/sign-in"))
    assert sign_in_page.select_one("nav.staff-nav") is None
    assert sign_in_page.select(".languages") == []
    assert "Sign in" in text(client.get("/manage/sign-in"))
