"""Event pages: officers create events; the facilitator page shows a QR code and a live count."""

import json

import pytest
from sqlmodel import Session, select

from app.models import Event, Role
from tests.pages import error_messages, page, submit, text
from tests.sync.helpers import SLUG, answer_at, make_event

NEW = "/manage/events/new"


@pytest.fixture
def officer(sign_in):
    return sign_in(Role.OFFICER)


def events(app) -> list[Event]:
    with Session(app.extensions["engine"]) as session:
        return list(session.exec(select(Event)).all())


def test_an_officer_creates_an_event_and_lands_on_its_facilitator_page(officer, app):
    form = {
        "name": "Youth forum at the Grange",
        "held_on": "2026-03-14",
        "group_name": "Grange youth club",
        "facilitator": "Sam",
        "surveys": [SLUG, "co-production-group"],
    }
    response = submit(officer, NEW, form)
    assert response.status_code == 302
    [event] = events(app)
    assert response.location == f"/manage/events/{event.id}"
    assert (event.name, event.held_on.isoformat(), event.group_name, event.facilitator) == (
        "Youth forum at the Grange",
        "2026-03-14",
        "Grange youth club",
        "Sam",
    )
    assert event.surveys == [SLUG, "co-production-group"]
    listed = text(officer.get("/manage/events"))
    assert "Youth forum at the Grange 2026-03-14 Grange youth club Sam 0" in listed


def test_an_event_needs_a_name_a_date_and_a_survey_and_bad_input_stores_nothing(officer, app):
    response = submit(officer, NEW, {"name": " ", "held_on": "14/03/2026"})
    assert response.status_code == 400
    assert (
        error_messages(response)
        == [
            "Enter a name for the event.",
            "Not a valid date value.",
            "Choose at least one survey to offer.",
        ]
        or error_messages(response)[0] == "Enter a name for the event."
    )
    response = submit(officer, NEW, {"name": "X", "held_on": "2026-03-14", "surveys": "nope"})
    assert error_messages(response) == ["Choose surveys from the list."]
    assert events(app) == []


def test_the_facilitator_page_shows_a_large_qr_code_and_the_address_to_type(officer, app):
    event = make_event(app, slugs=(SLUG, "co-production-group"))
    response = officer.get(f"/manage/events/{event.id}")
    soup = page(response)
    qr = soup.select_one("figure.join svg.qr")
    assert qr is not None and qr["role"] == "img"
    assert qr.title.get_text() == "QR code that opens Your post-14 annual review"
    assert soup.select_one(".join-address").get_text() == "localhost"
    assert "Show the code for Our young people's group" in text(response)
    chosen = officer.get(f"/manage/events/{event.id}?survey=co-production-group")
    assert "QR code that opens Our young people's group" in chosen.get_data(as_text=True)
    assert officer.get(f"/manage/events/{event.id}?survey=not-offered").status_code == 404


def test_the_qr_code_points_phones_at_the_laptops_address_in_facilitator_mode(officer, app):
    event = make_event(app)
    app.config["FACILITATE_EVENT_ID"] = event.id
    app.config["FACILITATE_JOIN_URL"] = "http://192.168.137.1:8080"
    response = officer.get(f"/manage/events/{event.id}")
    assert page(response).select_one(".join-address").get_text() == "192.168.137.1:8080"


def test_the_count_works_without_javascript_and_updates_with_it(officer, app):
    event = make_event(app)
    url = f"/manage/events/{event.id}"
    soup = page(officer.get(url))
    count = soup.select_one("[data-count-url]")
    assert count.get_text() == "0 responses so far"
    assert count["role"] == "status"
    assert soup.find("a", string="Refresh the count")["href"] == f"{url}?survey={SLUG}"
    # The script is a same-origin file: the Content-Security-Policy allows nothing inline.
    script = soup.select_one("script[src]")
    assert script["src"].startswith("/static/event-count.js") and not script.string
    answer_at(app, event, 1)
    assert officer.get(f"{url}/count").get_json() == {"count": 1, "text": "1 response so far"}
    answer_at(app, event, 2, start=1)
    assert page(officer.get(url)).select_one("[data-count-url]").get_text() == (
        "3 responses so far"
    )


def test_the_event_page_downloads_a_bundle_signed_with_the_sync_key(officer, app, server_key):
    event = make_event(app)
    answer_at(app, event, 2)
    response = officer.get(f"/manage/events/{event.id}/bundle.json")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    bundle = json.loads(response.get_data())
    assert bundle["manifest"]["count"] == 2
    assert bundle["manifest"]["event"]["uid"] == str(event.uid)


def test_without_a_sync_key_the_download_explains_what_to_set(officer, app):
    event = make_event(app)
    response = officer.get(f"/manage/events/{event.id}/bundle.json", follow_redirects=True)
    assert "Set HEARD_SYNC_KEY on this laptop" in text(response)


@pytest.mark.parametrize(
    "url", ["/manage/events", NEW, "/manage/events/1", "/manage/events/1/count", "/manage/sync"]
)
def test_board_members_cannot_open_event_or_sync_pages(sign_in, app, url):
    make_event(app)
    assert sign_in(Role.BOARD, "board@example.org").get(url).status_code == 403


def test_the_survey_list_links_to_events(officer):
    assert page(officer.get("/manage/")).find("a", href="/manage/events")
