"""Staff sessions live on the server: signing out, switching off, a new password or a reset
ends them, a saved cookie stops working, and they end after 30 idle minutes or 8 hours."""

from datetime import timedelta

from sqlalchemy import event

from app.models import Role, utcnow
from tests.accounts.helpers import (
    PASSWORD,
    actions,
    make_user,
    sessions_idle_for,
    shift,
    sign_in_with,
    user,
)
from tests.journey import start
from tests.pages import page, submit


def signed_in(app, email="officer@example.org", role=Role.OFFICER):
    browser = app.test_client()
    assert sign_in_with(browser, email=email).status_code == 302
    return browser


def sign_out(browser):
    token = page(browser.get("/manage/")).select_one("form[action='/manage/sign-out'] input")
    return browser.post("/manage/sign-out", data={"csrf_token": token["value"]})


def saved_cookie(browser) -> str:
    return browser.get_cookie("session").value


def replay(app, cookie: str):
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief


def test_a_cookie_saved_before_sign_out_is_refused_after_it(app):
    make_user(app)
    browser = signed_in(app)
    cookie = saved_cookie(browser)
    assert replay(app, cookie).get("/manage/").status_code == 200
    assert sign_out(browser).status_code == 302
    refused = replay(app, cookie)
    assert refused.get("/manage/").status_code == 302
    assert refused.get("/manage/surveys/co-production-group/responses.csv").status_code == 302
    assert ("signed_out", f"staff:{user(app).id}") in actions(app)


def test_signing_out_ends_the_accounts_sessions_on_other_browsers_too(app):
    make_user(app)
    laptop, phone = signed_in(app), signed_in(app)
    sign_out(laptop)
    assert phone.get("/manage/").status_code == 302


def test_a_new_password_ends_every_other_session_but_keeps_this_one(app):
    make_user(app)
    here, elsewhere = signed_in(app), signed_in(app)
    new = "quiet meadow copper violin"
    response = submit(
        here,
        "/manage/account/password",
        {"current": PASSWORD, "password": new, "confirm": new},
    )
    assert response.location == "/manage/account"
    assert here.get("/manage/").status_code == 200
    assert elsewhere.get("/manage/").status_code == 302


def test_switching_an_account_off_ends_its_sessions(app):
    make_user(app)
    make_user(app, email="admin@example.org", role=Role.ADMIN)
    officer, admin = signed_in(app), signed_in(app, "admin@example.org")
    submit(admin, f"/manage/people/{user(app).id}", form_index=-1)
    assert not user(app).active
    assert officer.get("/manage/").status_code == 302


def test_a_reset_ends_the_accounts_sessions(app):
    make_user(app)
    make_user(app, email="admin@example.org", role=Role.ADMIN)
    officer, admin = signed_in(app), signed_in(app, "admin@example.org")
    response = submit(admin, f"/manage/people/{user(app).id}", form_index=1)
    assert response.status_code == 200
    assert officer.get("/manage/").status_code == 302


def test_a_session_ends_after_30_idle_minutes(app):
    make_user(app)
    browser = signed_in(app)
    sessions_idle_for(app, 29)
    assert browser.get("/manage/").status_code == 200
    sessions_idle_for(app, 31)
    assert browser.get("/manage/").status_code == 302


def test_the_idle_limit_is_a_setting(app):
    app.config["SESSION_IDLE_MINUTES"] = 60
    make_user(app)
    browser = signed_in(app)
    sessions_idle_for(app, 45)
    assert browser.get("/manage/").status_code == 200


def test_a_session_ends_after_8_hours_however_busy(app):
    make_user(app)
    browser = signed_in(app)
    shift(
        app,
        "UPDATE staff_session SET created_at = :at",
        at=utcnow() - timedelta(hours=8, minutes=1),
    )
    assert browser.get("/manage/").status_code == 302


def test_the_longest_session_is_a_setting(app):
    app.config["SESSION_MAX_HOURS"] = 12
    make_user(app)
    browser = signed_in(app)
    shift(app, "UPDATE staff_session SET created_at = :at", at=utcnow() - timedelta(hours=9))
    assert browser.get("/manage/").status_code == 200


def test_use_keeps_a_session_alive(app):
    make_user(app)
    browser = signed_in(app)
    sessions_idle_for(app, 20)
    assert browser.get("/manage/").status_code == 200  # noted as used now
    sessions_idle_for(app, 0)
    assert browser.get("/manage/").status_code == 200


def test_a_respondents_pages_never_look_up_staff_sessions(app, client):
    statements = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    question = start(client, "co-production-group")
    engine = app.extensions["engine"]
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(question).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert statements and not any("staff_session" in s for s in statements)


def test_a_respondents_draft_is_kept_while_staff_sessions_come_and_go(app, client):
    make_user(app)
    question = start(client, "co-production-group")
    staff = signed_in(app)
    sign_out(staff)
    assert client.get(question).status_code == 200
