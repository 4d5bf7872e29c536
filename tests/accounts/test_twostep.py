"""Two-step sign-in: enrol with a QR code (or the key as text), sign in in two steps, codes
used once, one step of drift, recovery codes, and required for some roles when switched on."""

import time

import pyotp
from sqlmodel import Session, select

from app.models import RecoveryCode, Role
from tests.accounts.helpers import (
    PASSWORD,
    actions,
    enrol,
    make_user,
    recovery_codes,
    sign_in_with,
    user,
    waits_are_over,
)
from tests.pages import error_messages, page, submit, text


def signed_in(app, email="officer@example.org"):
    browser = app.test_client()
    assert sign_in_with(browser, email=email).status_code == 302
    return browser


def enrolled(app, email="officer@example.org", role=Role.OFFICER):
    """An account with two-step sign-in on; return its secret and recovery codes."""
    make_user(app, email=email, role=role)
    browser = signed_in(app, email)
    submit(browser, "/manage/account/two-step")
    secret = "".join(
        page(browser.get("/manage/account/two-step")).select_one("#setup-key").text.split()
    )
    code = pyotp.TOTP(secret).now()
    codes = recovery_codes(submit(browser, "/manage/account/two-step", {"code": code}))
    return secret, codes


def next_code(secret: str) -> str:
    """The code for the next 30 seconds: enrolment spent this step's code."""
    return pyotp.TOTP(secret).at(time.time() + 30)


def test_enrolling_shows_a_qr_code_and_the_key_as_text(app):
    make_user(app)
    browser = signed_in(app)
    start = browser.get("/manage/account/two-step")
    assert "Set up two-step sign-in" in text(start)
    submit(browser, "/manage/account/two-step")
    shown = page(browser.get("/manage/account/two-step"))
    svg = shown.select_one(".qr svg")
    assert svg is not None and svg.find("title").get_text() != ""
    key = "".join(shown.select_one("#setup-key").text.split())
    assert key == user(app).totp_secret and len(key) == 32
    assert not user(app).two_step


def test_a_right_code_turns_it_on_and_shows_ten_recovery_codes_once(app, db_session):
    make_user(app)
    browser = signed_in(app)
    codes = recovery_codes(submit_code_after_start(browser))
    assert len(codes) == 10 and len(set(codes)) == 10
    assert user(app).two_step
    stored = db_session.exec(select(RecoveryCode.code_hash)).all()
    assert len(stored) == 10 and not set(codes) & set(stored)
    assert "You have 10 unused recovery codes." in text(browser.get("/manage/account"))
    assert ("two_step_on", f"staff:{user(app).id}") in actions(app)


def submit_code_after_start(browser):
    submit(browser, "/manage/account/two-step")
    secret = "".join(
        page(browser.get("/manage/account/two-step")).select_one("#setup-key").text.split()
    )
    return submit(browser, "/manage/account/two-step", {"code": pyotp.TOTP(secret).now()})


def test_a_wrong_code_does_not_turn_it_on(app):
    make_user(app)
    browser = signed_in(app)
    submit(browser, "/manage/account/two-step")
    response = submit(browser, "/manage/account/two-step", {"code": "000000"})
    assert error_messages(response) == [
        "That code is not right. Enter the 6-digit code your app shows now."
    ]
    assert not user(app).two_step


def test_sign_in_takes_two_steps_and_the_first_opens_no_staff_page(app, client):
    secret, _codes = enrolled(app)
    first = sign_in_with(client)
    assert first.location.startswith("/manage/sign-in/code")
    for url in (
        "/manage/",
        "/manage/account",
        "/board/",
        "/manage/surveys/co-production-group/responses.csv",
    ):
        assert client.get(url).status_code == 302, url
        assert "/manage/sign-in" in client.get(url).location
    response = submit(client, first.location, {"code": next_code(secret)})
    assert response.status_code == 302 and response.location == "/manage/"
    assert client.get("/manage/").status_code == 200


def test_a_code_cannot_be_used_twice(app, client):
    secret, _codes = enrolled(app)
    code = next_code(secret)
    assert submit(client, sign_in_with(client).location, {"code": code}).status_code == 302
    other = app.test_client()
    response = submit(other, sign_in_with(other).location, {"code": code})
    assert error_messages(response) == [
        "That code is not right. Enter the 6-digit code your app shows now."
    ]


def test_one_step_of_drift_is_allowed_and_two_are_not(app, client):
    secret, _codes = enrolled(app)
    totp = pyotp.TOTP(secret)
    step_url = sign_in_with(client).location
    too_far = submit(client, step_url, {"code": totp.at(time.time() + 60)})
    assert error_messages(too_far) != []
    fast_phone = submit(client, step_url, {"code": totp.at(time.time() + 30)})
    assert fast_phone.status_code == 302 and fast_phone.location == "/manage/"


def test_a_recovery_code_signs_in_once(app):
    _secret, codes = enrolled(app)
    first = app.test_client()
    response = submit(first, sign_in_with(first).location, {"code": codes[0].upper()})
    assert response.location == "/manage/"
    second = app.test_client()
    again = submit(second, sign_in_with(second).location, {"code": codes[0]})
    assert error_messages(again) != []
    assert ("recovery_code_used", f"staff:{user(app).id}") in actions(app)


def test_wrong_codes_count_as_failed_sign_ins(app, client):
    enrolled(app)
    step_url = sign_in_with(client).location
    for attempt in range(5):
        submit(client, step_url, {"code": f"{attempt:06d}"})
    (message,) = error_messages(submit(client, step_url, {"code": "123456"}))
    assert message.startswith("Too many failed sign-ins.")
    waits_are_over(app)


def test_the_half_signed_in_state_runs_out(app, client):
    enrolled(app)
    sign_in_with(client)
    with client.session_transaction() as browser:
        browser["pending_staff"] = {**browser["pending_staff"], "until": 0}
    response = client.get("/manage/sign-in/code")
    assert response.location == "/manage/sign-in"


def test_turning_it_off_needs_the_current_password(app):
    enrolled(app)
    browser = app.test_client()
    secret = user(app).totp_secret
    submit(browser, sign_in_with(browser).location, {"code": next_code(secret)})
    submit(browser, "/manage/account", {"current": "not my password"}, follow_redirects=True)
    assert user(app).two_step
    submit(browser, "/manage/account", {"current": PASSWORD})
    assert not user(app).two_step
    assert ("two_step_off", f"staff:{user(app).id}") in actions(app)


def test_when_required_an_admin_must_enrol_before_any_other_page(app, client):
    app.config["REQUIRE_2FA"] = True
    make_user(app, email="admin@example.org", role=Role.ADMIN)
    sign_in_with(client, email="admin@example.org")
    assert client.get("/manage/").location == "/manage/account/two-step"
    assert client.get("/manage/people").location == "/manage/account/two-step"
    assert "Your role must use two-step sign-in" in text(client.get("/manage/account/two-step"))
    enrol(client)
    assert client.get("/manage/people").status_code == 200


def test_when_required_a_safeguarding_lead_must_enrol_but_an_officer_need_not(app):
    app.config["REQUIRE_2FA"] = True
    make_user(app, email="lead@example.org", role=Role.SAFEGUARDING)
    make_user(app)
    lead = signed_in(app, "lead@example.org")
    assert lead.get("/safeguarding/").location == "/manage/account/two-step"
    assert signed_in(app).get("/manage/").status_code == 200


def test_when_required_it_cannot_be_turned_off(app):
    app.config["REQUIRE_2FA"] = True
    secret, _codes = enrolled(app, email="admin@example.org", role=Role.ADMIN)
    browser = app.test_client()
    submit(
        browser,
        sign_in_with(browser, email="admin@example.org").location,
        {"code": next_code(secret)},
    )
    assert "cannot be turned off" in text(browser.get("/manage/account"))
    with Session(app.extensions["engine"]):
        assert user(app, "admin@example.org").two_step
