"""Kiosk mode, with JavaScript off: an officer switches it on, one survey in a loop, no way back
to the last person's answers, and the facilitator's PIN to leave."""

import pytest
from sqlmodel import Session, select

from app import create_app
from app.config import ConfigError
from app.models import AuditEvent, Draft, Response, Role
from tests.journey import SHORTEST, answer_through, start
from tests.pages import error_messages, page, submit, text
from tests.samples import ALL_TYPES

PIN = "2468"


@pytest.fixture
def slug(make_survey) -> str:
    return make_survey(ALL_TYPES)


@pytest.fixture
def kiosk(sign_in, slug):
    """Sign in as an officer and switch this browser to kiosk mode for the survey."""
    client = sign_in(Role.OFFICER)
    response = submit(client, "/manage/kiosk", {"survey": slug, "pin": PIN, "pin_again": PIN})
    assert response.status_code == 302 and response.location == f"/s/{slug}"
    return client


def responses(app) -> list[Response]:
    with Session(app.extensions["engine"]) as session:
        return session.exec(select(Response)).all()


def test_an_officer_switches_a_device_to_kiosk_mode_and_is_signed_out_there(kiosk, app, slug):
    assert kiosk.get("/manage/").location == f"/s/{slug}"
    assert kiosk.get("/board/").location == f"/s/{slug}"
    with Session(app.extensions["engine"]) as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "kiosk started")).one()
    assert event.subject == f"survey:{slug}" and event.staff_id is not None


def test_only_an_officer_can_switch_kiosk_mode_on(client, sign_in):
    assert client.get("/manage/kiosk").status_code == 302  # to sign in
    assert sign_in(Role.BOARD).get("/manage/kiosk").status_code == 403


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"pin": "12", "pin_again": "12"}, "Enter a PIN of 4 to 12 digits, using only numbers."),
        (
            {"pin": "12ab", "pin_again": "12ab"},
            "Enter a PIN of 4 to 12 digits, using only numbers.",
        ),
        ({"pin": "2468", "pin_again": "2469"}, "The two PINs are not the same."),
        ({"pin": "", "pin_again": ""}, "Enter a PIN of 4 to 12 digits."),
        ({"survey": "no-such-survey"}, "Choose a survey from the list."),
    ],
)
def test_a_bad_kiosk_set_up_says_what_to_fix_and_changes_nothing(sign_in, slug, form, message):
    officer = sign_in(Role.OFFICER)
    response = submit(
        officer, "/manage/kiosk", {"survey": slug, "pin": PIN, "pin_again": PIN} | form
    )
    assert response.status_code == 200 and message in error_messages(response)
    assert officer.get("/manage/").status_code == 200  # still signed in, not a kiosk


def test_a_kiosk_shows_only_its_survey(kiosk, slug):
    for elsewhere in ("/", "/s/post-14-review", "/you-said-we-did", "/manage/sign-in"):
        assert kiosk.get(elsewhere).location == f"/s/{slug}", elsewhere
    assert kiosk.get("/privacy").status_code == 200
    assert "Leave kiosk mode" in text(kiosk.get(f"/s/{slug}"))


def test_after_each_send_the_kiosk_starts_again_and_the_last_answers_are_out_of_reach(
    kiosk, app, slug
):
    url = start(kiosk, slug)
    check = answer_through(kiosk, url, SHORTEST)
    response_id = page(kiosk.get(check)).select_one("input[name=response_id]")["value"]
    sent = submit(kiosk, check)
    assert sent.location == f"/s/{slug}"
    (stored,) = responses(app)
    assert stored.mode == "kiosk"
    again = kiosk.get(f"/s/{slug}")
    assert "Thank you. Your answers have been sent." in text(again)
    assert "Start now" in text(again)
    # Back and history: every earlier page of the sent response is refused by the server.
    for earlier in (check, url, f"/s/{slug}/q/who", f"/s/{slug}/sent"):
        assert kiosk.get(earlier).location == f"/s/{slug}", earlier
    token = page(again).select_one("input[name=csrf_token]")["value"]
    replay = kiosk.post(f"/s/{slug}/send", data={"csrf_token": token, "response_id": response_id})
    assert replay.status_code == 302 and len(responses(app)) == 1


def test_a_kiosk_left_alone_starts_again_without_javascript(kiosk, app, slug):
    app.config["KIOSK_IDLE_SECONDS"] = 7
    url = start(kiosk, slug)
    question = page(kiosk.get(url))
    refresh = question.select_one("noscript").decode_contents()
    assert 'http-equiv="refresh"' in refresh and 'content="7;url=/kiosk/reset"' in refresh
    assert "If nobody touches the tablet for 7 seconds, the survey starts again." in text(
        kiosk.get(url)
    )
    answer_through(kiosk, url, SHORTEST[:2])
    assert kiosk.get("/kiosk/reset").location == f"/s/{slug}"
    with Session(app.extensions["engine"]) as session:
        assert session.exec(select(Draft)).all() == []
    assert kiosk.get(url).location == f"/s/{slug}"
    assert "Start now" in text(kiosk.get(f"/s/{slug}"))


def test_a_kiosk_keeps_nothing_on_the_tablet(kiosk, slug):
    url = start(kiosk, slug)
    assert "offline.js" not in kiosk.get(url).get_data(as_text=True)
    assert kiosk.get(f"/s/{slug}/offline.json").status_code != 200


def test_leaving_needs_the_pin_and_wrong_pins_make_people_wait(kiosk, app, slug):
    wrong = submit(kiosk, "/kiosk/leave", {"pin": "1111"})
    assert error_messages(wrong) == ["That PIN is not right. Try again."]
    submit(kiosk, "/kiosk/leave", {"pin": "1111"})
    third = submit(kiosk, "/kiosk/leave", {"pin": "1111"})
    assert error_messages(third) == ["Too many wrong PINs. Wait 30 seconds, then try again."]
    refused = submit(kiosk, "/kiosk/leave", {"pin": PIN})
    assert error_messages(refused)[0].startswith("Too many wrong PINs.")
    assert kiosk.get("/").location == f"/s/{slug}"  # still a kiosk


def test_the_right_pin_leaves_kiosk_mode(kiosk, app, slug):
    start(kiosk, slug)
    left = submit(kiosk, "/kiosk/leave", {"pin": PIN})
    assert left.location == "/manage/sign-in"
    assert "Kiosk mode is off." in text(kiosk.get("/manage/sign-in"))
    assert kiosk.get("/").status_code == 200 and kiosk.get("/manage/").status_code == 302
    with Session(app.extensions["engine"]) as session:
        assert session.exec(select(Draft)).all() == []
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "kiosk ended")).one()


def test_leaving_a_browser_that_is_not_a_kiosk_goes_to_sign_in(client):
    assert client.get("/kiosk/leave").location == "/manage/sign-in"
    assert client.get("/kiosk/reset").location == "/"


@pytest.mark.parametrize("idle", ["2", "soon"])
def test_the_idle_limit_must_be_a_few_seconds_or_more(idle):
    with pytest.raises(ConfigError, match="HEARD_KIOSK_IDLE_SECONDS"):
        create_app({"SECRET_KEY": "x", "DATABASE_URL": "sqlite://", "KIOSK_IDLE_SECONDS": idle})
