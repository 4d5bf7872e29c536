"""Helpers for the staff account tests: make accounts, sign in by the form, let time pass."""

from datetime import timedelta

import pyotp
from sqlalchemy import text as sql
from sqlmodel import Session, select

from app.accounts import people
from app.models import AuditEvent, Role, StaffUser, utcnow
from tests.pages import page, submit

PASSWORD = "plum kettle orbit lantern"


def make_user(app, email="officer@example.org", role=Role.OFFICER, password=PASSWORD, **fields):
    """Add an account directly (as `users create` would); return its id."""
    with Session(app.extensions["engine"]) as session:
        user = people.create(email, password, role, utcnow(), session=session)
        for name, value in fields.items():
            setattr(user, name, value)
        session.commit()
        return user.id


def sign_in_with(client, email="officer@example.org", password=PASSWORD, query=""):
    """Send the sign-in form; return the response."""
    return submit(client, "/manage/sign-in" + query, {"email": email, "password": password})


def user(app, email="officer@example.org") -> StaffUser:
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        return session.exec(select(StaffUser).where(StaffUser.email == email)).one()


def actions(app) -> list[tuple[str, str]]:
    """Return the audit trail as (action, subject) pairs, oldest first."""
    with Session(app.extensions["engine"]) as session:
        return [
            (e.action, e.subject) for e in session.exec(select(AuditEvent).order_by(AuditEvent.id))
        ]


def shift(app, statement: str, **params) -> None:
    """Move stored times, as if time had passed (a statement with :ago, a timedelta)."""
    with app.extensions["engine"].begin() as connection:
        connection.execute(sql(statement), params)


def waits_are_over(app) -> None:
    """Let every sign-in wait run out (locks stay)."""
    shift(app, "UPDATE sign_in_throttle SET retry_at = NULL")


def locks_are_over(app) -> None:
    """Let every sign-in wait and lock run out."""
    shift(app, "UPDATE sign_in_throttle SET retry_at = NULL, locked_until = NULL")


def sessions_idle_for(app, minutes: int) -> None:
    shift(
        app,
        "UPDATE staff_session SET last_seen_at = :at",
        at=utcnow() - timedelta(minutes=minutes),
    )


def enrol(client) -> str:
    """Turn on two-step sign-in for the signed-in client; return the secret."""
    submit(client, "/manage/account/two-step")
    secret = "".join(
        page(client.get("/manage/account/two-step")).select_one("#setup-key").text.split()
    )
    response = submit(client, "/manage/account/two-step", {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 200, response.status_code
    return secret


def recovery_codes(response) -> list[str]:
    return [code.get_text() for code in page(response).select("ul.codes code")]


def client_at(app, address: str):
    """Return a browser whose requests come from this address."""
    browser = app.test_client()
    browser.environ_base["REMOTE_ADDR"] = address
    return browser
