"""Signing in under attack: throttled in the database, locked after 30 failures, logged without
the password or the whole email, and only ever sent on to a page of this site."""

import logging

import pytest
from sqlmodel import Session, select

from app.auth import local_path
from app.models import SignInThrottle
from tests.accounts.helpers import (
    PASSWORD,
    actions,
    client_at,
    locks_are_over,
    make_user,
    sign_in_with,
    user,
    waits_are_over,
)
from tests.pages import error_messages

WRONG = ["The email address or password is not right."]


def test_the_right_password_signs_in_and_is_recorded(app, client):
    make_user(app)
    response = sign_in_with(client)
    assert response.status_code == 302 and response.location == "/manage/"
    assert client.get("/manage/").status_code == 200
    assert actions(app) == [("signed_in", f"staff:{user(app).id}")]
    assert user(app).last_sign_in_at is not None


def test_thirty_failures_lock_the_account_and_then_the_right_password_is_refused(app, client):
    make_user(app)
    for attempt in range(30):
        response = sign_in_with(client, password=f"wrong guess {attempt}")
        assert error_messages(response) == WRONG
        waits_are_over(app)  # time passes between guesses: only the lock is left to stop them
    (message,) = error_messages(sign_in_with(client))
    assert message.startswith("This account is locked after too many failed sign-ins.")
    assert "Try again after" in message and "reset your password" in message
    assert client.get("/manage/").status_code == 302
    trail = actions(app)
    assert trail.count(("sign_in_failed", f"staff:{user(app).id}")) == 30
    assert ("locked", f"staff:{user(app).id}") in trail


def test_the_lock_runs_out_and_then_the_right_password_works(app, client):
    make_user(app)
    for attempt in range(30):
        sign_in_with(client, password=f"wrong guess {attempt}")
        waits_are_over(app)
    locks_are_over(app)
    assert sign_in_with(client).status_code == 302


def test_after_five_failures_the_next_try_must_wait_and_is_told_how_long(app, client):
    make_user(app)
    for attempt in range(5):
        sign_in_with(client, password=f"wrong guess {attempt}")
    (message,) = error_messages(sign_in_with(client))  # the right password, too soon
    assert message == "Too many failed sign-ins. Wait 1 second, then try again."
    waits_are_over(app)
    assert sign_in_with(client).status_code == 302


def test_waits_grow_with_each_failure(app, client):
    make_user(app)
    for attempt in range(8):
        sign_in_with(client, password=f"wrong guess {attempt}")
        waits_are_over(app)
    sign_in_with(client, password="one more wrong guess")
    assert error_messages(sign_in_with(client)) == [
        "Too many failed sign-ins. Wait 16 seconds, then try again."
    ]


def test_a_right_password_clears_the_accounts_failures(app, client, db_session):
    make_user(app)
    for attempt in range(4):
        sign_in_with(client, password=f"wrong guess {attempt}")
    assert sign_in_with(client).status_code == 302
    kinds = db_session.exec(select(SignInThrottle.kind)).all()
    assert kinds == ["client"]  # the client's failures still count


def test_an_unknown_email_is_throttled_exactly_like_a_real_one(app, client):
    for attempt in range(5):
        response = sign_in_with(client, email="nobody@example.org", password=f"guess {attempt}")
        assert error_messages(response) == WRONG
    assert error_messages(sign_in_with(client, email="nobody@example.org")) == [
        "Too many failed sign-ins. Wait 1 second, then try again."
    ]
    assert ("sign_in_failed", "sign-in") in actions(app)


def test_failures_from_one_client_across_many_accounts_make_it_wait(app, client):
    for attempt in range(20):
        sign_in_with(client, email=f"person{attempt}@example.org", password="guess guess guess")
    (message,) = error_messages(sign_in_with(client, email="someone.new@example.org"))
    assert message.startswith("Too many failed sign-ins.")


def test_another_client_is_not_held_up_by_one_clients_failures(app):
    make_user(app)
    attacker = client_at(app, "203.0.113.9")
    for attempt in range(20):
        sign_in_with(attacker, email=f"person{attempt}@example.org", password="guess guess guess")
    colleague = client_at(app, "198.51.100.4")
    assert sign_in_with(colleague).status_code == 302


def test_the_throttle_stores_no_address_and_no_email(app, client, db_session):
    attacker = client_at(app, "203.0.113.9")
    sign_in_with(attacker, email="sam@example.org", password="wrong wrong wrong")
    rows = db_session.exec(select(SignInThrottle)).all()
    assert sorted(r.kind for r in rows) == ["account", "client"]
    for row in rows:
        assert "203.0.113" not in row.key and "sam" not in row.key and len(row.key) == 64


def test_a_failure_is_logged_without_the_password_or_the_whole_email(app, client, caplog):
    make_user(app, email="sam.jones@example.org")
    with caplog.at_level(logging.WARNING, logger="app.accounts.signin"):
        sign_in_with(client, email="sam.jones@example.org", password="my secret guess")
    (line,) = [r.getMessage() for r in caplog.records if r.name == "app.accounts.signin"]
    assert "Sign-in failed" in line and "@example.org" in line
    assert "my secret guess" not in line and "sam.jones" not in line


def test_a_switched_off_account_cannot_sign_in(app, client):
    make_user(app, active=False)
    assert error_messages(sign_in_with(client)) == WRONG


def test_an_old_hash_is_replaced_at_sign_in(app, client):
    from werkzeug.security import generate_password_hash

    make_user(app, password_hash=generate_password_hash(PASSWORD, method="scrypt:32768:8:1"))
    assert sign_in_with(client).status_code == 302
    assert user(app).password_hash.startswith("scrypt:16384:8:1$")


@pytest.mark.parametrize(
    "query",
    [
        "next=/%09/evil.example",
        "next=//evil",
        "next=%5C%5Cevil",
        "next=/%5Cevil",
        "next=https://evil",
        "next=https:/evil",
        "next=javascript:alert(1)",
        "next=/%0A/evil.example",
    ],
)
def test_only_a_path_on_this_site_is_followed_after_sign_in(app, client, query):
    make_user(app)
    response = sign_in_with(client, query="?" + query)
    assert response.status_code == 302 and response.location == "/manage/"


def test_a_local_next_page_is_followed_after_sign_in(app, client):
    make_user(app)
    response = sign_in_with(client, query="?next=/manage/translations")
    assert response.location == "/manage/translations"


def test_a_staff_page_sends_you_to_sign_in_and_back(app, client):
    make_user(app)
    login = client.get("/manage/translations")
    assert login.location == "/manage/sign-in?next=/manage/translations"
    assert (
        sign_in_with(client, query="?next=/manage/translations").location == "/manage/translations"
    )


@pytest.mark.parametrize(
    "target", ["/\t/evil.example", "//evil", "\\\\evil", "/\\evil", "https://evil", "", None]
)
def test_local_path_refuses_anything_a_browser_would_read_as_another_site(target):
    assert local_path(target) is None


def test_local_path_keeps_a_query():
    assert local_path("/board/?period=quarter") == "/board/?period=quarter"


def test_the_failures_are_shared_by_every_process(app, client, db_session):
    # Another app on the same database (another worker or server) sees the same count.
    from app import create_app

    make_user(app)
    for attempt in range(5):
        sign_in_with(client, password=f"wrong guess {attempt}")
    other = create_app(
        {"SECRET_KEY": "test", "DATABASE_URL": app.config["DATABASE_URL"], "TESTING": True}
    )
    other.test_client_class = type(client)
    try:
        (message,) = error_messages(sign_in_with(other.test_client()))
        assert message.startswith("Too many failed sign-ins.")
    finally:
        other.extensions["engine"].dispose()
    with Session(app.extensions["engine"]) as session:
        assert session.exec(select(SignInThrottle.failures)).all() == [5, 5]
