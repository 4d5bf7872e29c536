"""Session cookies checked once per worker, and CSRF tokens reused (app/signing.py).

Remembering a checked cookie must never let a forged or expired one in, and a reused
CSRF token must only ever reach the session it was signed for.
"""

import re
import time
from datetime import timedelta

import pytest
from flask import request
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from app import signing
from tests.journey import start
from tests.pages import submit

SLUG = "post-14-review"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
ANSWER = re.compile(r'name="answer" value="([^"]+)"')  # the first question offers choices


@pytest.fixture(autouse=True)
def no_reused_tokens():
    signing.forget_tokens()
    yield
    signing.forget_tokens()


def cookie_of(client, app) -> str:
    return client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value


def with_cookie(app, value: str):
    other = app.test_client()
    other.set_cookie(app.config["SESSION_COOKIE_NAME"], value)
    return other


def signed_long_ago(app, value: str, seconds: int) -> str:
    """Sign the same session contents again, as if `seconds` ago, with the app's own key."""

    class Earlier(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - seconds

    interface = app.session_interface
    serializer = interface.get_signing_serializer(app)
    contents = serializer.loads(value)
    earlier = URLSafeTimedSerializer(
        app.secret_key,
        salt=interface.salt,
        serializer=interface.serializer,
        signer=Earlier,
        signer_kwargs={"key_derivation": "hmac", "digest_method": interface.digest_method},
    )
    return earlier.dumps(contents)


def test_a_cookie_read_before_still_finds_its_draft(app, client):
    question = start(client, SLUG)
    cookie = cookie_of(client, app)
    for _ in range(2):  # checked, then remembered
        assert with_cookie(app, cookie).get(question).status_code == 200


def test_a_forged_cookie_holds_nothing(app, client):
    question = start(client, SLUG)
    cookie = cookie_of(client, app)
    assert with_cookie(app, cookie).get(question).status_code == 200
    payload, signature = cookie.rsplit(".", 1)
    forged = payload + "." + ("A" if signature[0] != "A" else "B") + signature[1:]
    response = with_cookie(app, forged).get(question)
    assert response.status_code == 302 and response.location.endswith(f"/s/{SLUG}")


def test_a_remembered_cookie_expires_on_time(app, client):
    question = start(client, SLUG)
    old = signed_long_ago(app, cookie_of(client, app), seconds=2 * 60 * 60)
    assert with_cookie(app, old).get(question).status_code == 200  # within 8 hours
    app.permanent_session_lifetime = timedelta(hours=1)
    response = with_cookie(app, old).get(question)  # the same text, remembered as checked
    assert response.status_code == 302 and response.location.endswith(f"/s/{SLUG}")


def test_each_request_gets_its_own_copy_of_a_remembered_cookie(app, client):
    start(client, SLUG)
    header = f"{app.config['SESSION_COOKIE_NAME']}={cookie_of(client, app)}"
    with app.test_request_context(headers={"Cookie": header}):
        first = app.session_interface.open_session(app, request)
        token = first["drafts"][SLUG]
        first["drafts"][SLUG] = "changed in place"  # as a careless view might
    with app.test_request_context(headers={"Cookie": header}):
        again = app.session_interface.open_session(app, request)
    assert again["drafts"][SLUG] == token


def test_a_page_that_only_reads_the_session_varies_on_it_and_sets_no_cookie(app, client):
    question = start(client, SLUG)
    response = client.get(question)
    assert response.status_code == 200
    assert response.headers["Vary"] == "Cookie"
    assert "Set-Cookie" not in response.headers
    changed = client.get(question + "?lang=pl")  # a language chosen is kept in the session
    assert changed.headers["Vary"] == "Cookie"
    assert "Set-Cookie" in changed.headers


def test_a_reused_token_is_only_given_to_its_own_session(app, client):
    question = start(client, SLUG)
    first = TOKEN.search(client.get(question).get_data(as_text=True)).group(1)
    again = TOKEN.search(client.get(question).get_data(as_text=True)).group(1)
    assert again == first  # reused within the minute
    other = app.test_client()
    other_question = start(other, SLUG)
    html = other.get(other_question).get_data(as_text=True)
    theirs, choice = TOKEN.search(html).group(1), ANSWER.search(html).group(1)
    assert theirs != first
    # Someone else's token is refused, and the answer is not saved.
    refused = other.post(other_question, data={"answer": choice, "csrf_token": first})
    assert refused.status_code == 400
    assert f'value="{choice}" checked' not in other.get(other_question).get_data(as_text=True)
    accepted = other.post(other_question, data={"answer": choice, "csrf_token": theirs})
    assert accepted.status_code == 302


def test_a_reused_token_is_replaced_well_before_it_expires(app, client):
    app.config["WTF_CSRF_TIME_LIMIT"] = 6  # so a token is reused for a tenth of a second
    question = start(client, SLUG)
    first = TOKEN.search(client.get(question).get_data(as_text=True)).group(1)
    time.sleep(1.1)  # signed timestamps are whole seconds
    html = client.get(question).get_data(as_text=True)
    assert TOKEN.search(html).group(1) != first
    choice = ANSWER.search(html).group(1)
    assert submit(client, question, {"answer": choice}).status_code == 302
