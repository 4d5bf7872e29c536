"""Administrators invite staff (a one-time link, shown and emailed), change roles, switch
accounts off and reset them; everyone changes their own password. Every change is audited."""

import email
import email.policy
from datetime import timedelta

import pytest
from sqlmodel import select

from app.models import AccountLink, Role, utcnow
from tests.accounts.helpers import PASSWORD, actions, make_user, shift, sign_in_with, user
from tests.comments.test_notify import inbox, wait_for  # noqa: F401  (a real SMTP server)
from tests.pages import error_messages, page, submit, text

NEW = "quiet meadow copper violin"


@pytest.fixture
def admin(app):
    make_user(app, email="admin@example.org", role=Role.ADMIN)
    browser = app.test_client()
    assert sign_in_with(browser, email="admin@example.org").status_code == 302
    return browser


def invite(admin, email="new.person@example.org", role="officer"):
    return submit(admin, "/manage/people/invite", {"email": email, "role": role})


def link_of(response) -> str:
    return page(response).select_one("#link")["value"]


def test_an_invitation_shows_a_one_time_link_that_sets_a_password(app, admin, client):
    response = invite(admin)
    assert response.status_code == 200
    url = link_of(response)
    assert "/manage/account/new-password/" in url
    assert "Email is not set up on this server" in text(response)
    path = url.split("localhost", 1)[1]
    assert "new.person@example.org" in text(client.get(path))
    done = submit(client, path, {"password": NEW, "confirm": NEW})
    assert done.location == "/manage/sign-in"
    assert sign_in_with(client, email="new.person@example.org", password=NEW).status_code == 302
    assert client.get(path).status_code == 404  # used once
    invited = user(app, "new.person@example.org")
    assert ("invited", f"staff:{invited.id}") in actions(app)
    assert ("password_changed", f"staff:{invited.id}") in actions(app)


def test_an_invitation_is_emailed_when_smtp_is_set_up(app, admin, inbox):  # noqa: F811
    handler, port = inbox
    app.config["SMTP_URL"] = f"smtp://127.0.0.1:{port}"
    response = invite(admin)
    assert "We emailed this link to new.person@example.org." in text(response)
    ((recipients, body),) = wait_for(handler)
    assert recipients == ["new.person@example.org"]
    mail = email.message_from_string(body, policy=email.policy.default)
    assert link_of(response) in mail.get_content()


def test_an_invitation_link_expires(app, admin, client):
    path = link_of(invite(admin)).split("localhost", 1)[1]
    shift(app, "UPDATE account_link SET expires_at = :at", at=utcnow() - timedelta(minutes=1))
    response = client.get(path)
    assert response.status_code == 404 and "This link does not work" in text(response)


def test_the_invitation_lasts_72_hours_and_the_account_has_no_password_till_then(
    app, admin, db_session
):
    invite(admin)
    link = db_session.exec(select(AccountLink)).one()
    assert link.expires_at - link.created_at == timedelta(hours=72)
    assert link.purpose == "invite" and len(link.token_hash) == 64
    assert user(app, "new.person@example.org").password_hash == "!"


def test_a_weak_password_on_the_link_page_is_explained_and_nothing_is_stored(app, admin, client):
    path = link_of(invite(admin)).split("localhost", 1)[1]
    cases = {
        "short": "Your password must be at least 12 characters long.",
        "qwertyuiop123": "This password is on a list of common passwords that attackers try "
        "first. Choose another.",
        "new.person is great": "Your password must not contain your email address or its "
        "first part.",
    }
    for password, message in cases.items():
        response = submit(client, path, {"password": password, "confirm": password})
        assert error_messages(response) == [message]
    mismatch = submit(client, path, {"password": NEW, "confirm": NEW + "x"})
    assert error_messages(mismatch) == ["The two passwords are not the same."]
    assert user(app, "new.person@example.org").password_hash == "!"


def test_bad_invitations_are_explained_and_nothing_is_stored(app, admin):
    assert error_messages(invite(admin, email="not an email")) == [
        "Enter an email address like name@example.org."
    ]
    assert error_messages(invite(admin, email="")) == ["Enter their email address."]
    assert error_messages(invite(admin, role="owner")) == ["Choose a role."]
    assert error_messages(invite(admin, email="admin@example.org")) == [
        "Someone with this email address already has an account."
    ]
    assert [a for a, _s in actions(app) if a == "invited"] == []


@pytest.mark.parametrize("role", [Role.OFFICER, Role.BOARD, Role.SAFEGUARDING])
def test_only_admins_manage_people(app, client, role):
    make_user(app, email="someone@example.org", role=role)
    sign_in_with(client, email="someone@example.org")
    assert client.get("/manage/people").status_code == 403
    assert client.get("/manage/people/invite").status_code == 403
    assert client.get("/manage/account").status_code == 200


def test_the_people_page_lists_everyone_and_their_state(app, admin):
    make_user(app, email="gone@example.org", active=False)
    invite(admin)
    rows = {
        r.select_one("th").get_text(strip=True): [td.get_text(strip=True) for td in r.select("td")]
        for r in page(admin.get("/manage/people")).select("tbody tr")
    }
    assert rows["gone@example.org"][:2] == ["Participation officer", "Switched off"]
    assert rows["new.person@example.org"][1] == "Waiting for them to choose a password"
    assert rows["admin@example.org"][0] == "Administrator"


def test_changing_a_role(app, admin):
    make_user(app)
    officer = user(app)
    submit(admin, f"/manage/people/{officer.id}", {"role": "board"}, form_index=0)
    assert user(app).role == "board"
    assert ("role_changed", f"staff:{officer.id}") in actions(app)


def test_the_only_admin_cannot_stop_being_one(app, admin):
    me = user(app, "admin@example.org")
    response = submit(
        admin, f"/manage/people/{me.id}", {"role": "officer"}, form_index=0, follow_redirects=True
    )
    assert "This is the only active administrator." in text(response)
    assert user(app, "admin@example.org").role == "admin"


def test_a_switched_off_account_cannot_sign_in_and_can_be_switched_on(app, admin, client):
    make_user(app)
    officer = user(app)
    submit(admin, f"/manage/people/{officer.id}", form_index=-1)
    assert error_messages(sign_in_with(client)) == ["The email address or password is not right."]
    submit(admin, f"/manage/people/{officer.id}", form_index=-1)
    assert sign_in_with(client).status_code == 302
    trail = actions(app)
    assert ("disabled", f"staff:{officer.id}") in trail and (
        "enabled",
        f"staff:{officer.id}",
    ) in trail


def test_a_reset_stops_the_old_password_and_gives_a_new_link(app, admin, client):
    make_user(app)
    officer = user(app)
    response = submit(admin, f"/manage/people/{officer.id}", form_index=1)
    assert "The password is reset" in text(response)
    assert error_messages(sign_in_with(client)) == ["The email address or password is not right."]
    path = link_of(response).split("localhost", 1)[1]
    submit(client, path, {"password": NEW, "confirm": NEW})
    assert sign_in_with(client, password=NEW).status_code == 302
    assert ("reset", f"staff:{officer.id}") in actions(app)


def test_an_admin_cannot_switch_off_or_reset_themselves(app, admin):
    me = user(app, "admin@example.org")
    assert "Reset the password" not in text(admin.get(f"/manage/people/{me.id}"))
    token = page(admin.get(f"/manage/people/{me.id}")).select_one("input[name=csrf_token]")["value"]
    admin.post(f"/manage/people/{me.id}/disable", data={"csrf_token": token})
    assert user(app, "admin@example.org").active


def test_changing_your_own_password_needs_the_current_one(app, client):
    make_user(app)
    sign_in_with(client)
    wrong = submit(
        client, "/manage/account/password", {"current": "nope", "password": NEW, "confirm": NEW}
    )
    assert error_messages(wrong) == ["Your current password is not right."]
    weak = submit(
        client,
        "/manage/account/password",
        {"current": PASSWORD, "password": "password1", "confirm": "password1"},
    )
    assert error_messages(weak) == ["Your password must be at least 12 characters long."]
    assert sign_in_with(app.test_client()).status_code == 302  # still the old password
    done = submit(
        client, "/manage/account/password", {"current": PASSWORD, "password": NEW, "confirm": NEW}
    )
    assert done.location == "/manage/account"
    assert sign_in_with(app.test_client(), password=NEW).status_code == 302


def test_every_page_links_to_your_account(app, client):
    make_user(app, role=Role.BOARD)
    sign_in_with(client)
    dashboard = page(client.get("/board/"))
    assert dashboard.select_one("a[href='/manage/account']") is not None
