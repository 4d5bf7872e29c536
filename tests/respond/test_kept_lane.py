"""Kept question pages served ahead of Flask (app/respond/kept_lane.py).

The lane must serve exactly what Flask would (status, headers in order, body) and only
when Flask would serve that same kept page; everything else must reach Flask, which is
seen here by Flask's own request_started signal.
"""

import logging
import re
from contextlib import contextmanager
from datetime import timedelta

import pytest
from flask import request_started
from sqlalchemy import text as sql
from sqlmodel import select

from app import signing
from app.auth import TOKEN
from app.models import Draft, Survey, SurveyState, utcnow
from app.respond import rendered
from tests.journey import answer, start

SLUG = "post-14-review"
CSRF = re.compile(r'(?<=name="csrf_token" value=")[^"]+')


@pytest.fixture(autouse=True)
def nothing_kept():
    rendered.forget_all()
    signing.forget_tokens()
    yield
    rendered.forget_all()
    signing.forget_tokens()


def without_tokens(response) -> str:
    return CSRF.sub("-", response.get_data(as_text=True))


def an_answer(html: str) -> dict:
    """Choose an answer a page offers: its first option, or typed words or a number."""
    kind = re.search(r'data-type="(\w+)"', html).group(1)
    if kind in ("text", "number"):
        return {"answer": "15" if kind == "number" else "Words typed here"}
    return {"answer": re.search(r'name="answer" value="([^"]+)"', html).group(1)}


@contextmanager
def flask_requests(app):
    """Count the requests Flask's own request handling saw."""
    seen = []
    with request_started.connected_to(lambda _sender, **_extra: seen.append(1), app):
        yield seen


def a_kept_page(client) -> str:
    """Start the survey and show its first page once, so it is kept; return its address."""
    url = start(client, SLUG)
    assert client.get(url).status_code == 200
    return url


def twice(app, client, url, **kwargs):
    """Fetch a page twice; return both responses and how many reached Flask."""
    with flask_requests(app) as seen:
        first = client.get(url, **kwargs)
        second = client.get(url, **kwargs)
    return first, second, len(seen)


@pytest.mark.parametrize("language, easy", [("en", "0"), ("ur", "1")])
def test_a_kept_page_is_served_ahead_of_flask_exactly_as_flask_serves_it(
    app, client, language, easy
):
    client.get(f"/?lang={language}&easy={easy}")
    url = start(client, SLUG)
    first, second, reached = twice(app, client, url)
    assert reached == 1  # the first was rendered and kept; the second came from the lane
    assert second.status_code == first.status_code == 200
    assert second.headers.to_wsgi_list() == first.headers.to_wsgi_list()
    assert second.get_data() == first.get_data()  # the same CSRF token, reused for a minute
    html = second.get_data(as_text=True)
    assert f'lang="{language}"' in html
    # The page the lane served works: its answer is taken.
    assert answer(client, url, an_answer(html)) != url


def test_each_page_of_a_journey_is_served_by_the_lane_once_flask_has_kept_it(app, client):
    url, pages = start(client, SLUG), 0
    while "/q/" in url:
        first, second, reached = twice(app, client, url)
        # A page rendered afresh signs a new token; the lane gives the one reused this minute.
        assert reached == 1 and without_tokens(second) == without_tokens(first), url
        url = answer(client, url, an_answer(first.get_data(as_text=True)))
        pages += 1
    assert pages >= 3 and url.endswith("/check")


def test_a_browser_language_is_only_served_its_own_kept_page(app):
    polish, welsh = app.test_client(), app.test_client()
    url = start(polish, SLUG)
    _first, kept, _reached = twice(app, polish, url, headers={"Accept-Language": "pl-PL,pl"})
    assert 'lang="pl"' in kept.get_data(as_text=True)
    welsh_url = start(welsh, SLUG)
    with flask_requests(app) as seen:
        page = welsh.get(welsh_url, headers={"Accept-Language": "cy"})
    assert seen and 'lang="cy"' in page.get_data(as_text=True)


def test_a_survey_closed_after_its_page_was_kept_says_so(app, client, db_session):
    url = a_kept_page(client)
    survey = db_session.exec(select(Survey).where(Survey.slug == SLUG)).one()
    survey.state = SurveyState.CLOSED
    db_session.add(survey)
    db_session.commit()
    with flask_requests(app) as seen:
        response = client.get(url)
    assert seen and response.status_code == 410


def test_an_expired_draft_reaches_flask_and_starts_again(app, client, db_session):
    url = a_kept_page(client)
    draft = db_session.exec(select(Draft)).one()
    draft.updated_at = utcnow() - timedelta(hours=app.config["DRAFT_HOURS"] + 1)
    db_session.add(draft)
    db_session.commit()
    with flask_requests(app) as seen:
        response = client.get(url)
    assert seen and response.status_code == 302 and response.location.endswith(f"/s/{SLUG}")


def test_another_browser_without_a_draft_is_sent_to_the_start(app, client):
    url = a_kept_page(client)
    stranger = app.test_client()
    with flask_requests(app) as seen:
        response = stranger.get(url)
    assert seen and response.status_code == 302 and response.location.endswith(f"/s/{SLUG}")


def test_a_forged_cookie_reaches_flask(app, client):
    url = a_kept_page(client)
    name = app.config["SESSION_COOKIE_NAME"]
    real = client.get_cookie(name).value
    forger = app.test_client()
    forger.set_cookie(name, real[:-2] + ("AA" if not real.endswith("AA") else "BB"))
    with flask_requests(app) as seen:
        response = forger.get(url)
    assert seen and response.status_code == 302


@pytest.mark.parametrize(
    "key, value",
    [
        ("_flashes", [("status", "Saved")]),  # a message waiting to be shown
        (TOKEN, "a staff sign-in"),  # checked (and here refused) by the sign-in hook
        ("kiosk", {"slug": SLUG, "salt": "s", "pin_hash": "h", "wrong": 0, "wait_until": 0}),
    ],
)
def test_a_session_a_hook_acts_on_reaches_flask(app, client, key, value):
    url = a_kept_page(client)
    with client.session_transaction() as session:
        session[key] = value
    with flask_requests(app) as seen:
        client.get(url)
    assert seen


def test_a_query_string_reaches_flask(app, client):
    url = a_kept_page(client)
    _first, second, reached = twice(app, client, url + "?lang=cy")
    assert reached == 2 and 'lang="cy"' in second.get_data(as_text=True)


def test_words_typed_on_a_page_are_never_served_by_the_lane(app, client):
    url = start(client, "co-production-group")
    while "/q/" in url:
        html = client.get(url).get_data(as_text=True)
        if 'data-type="text"' in html:
            break
        url = answer(client, url, an_answer(html))
    typed = answer(client, url, {"answer": "Marker words nobody else wrote"})
    assert typed != url
    _first, second, reached = twice(app, client, url)
    assert reached == 2 and "Marker words nobody else wrote" in second.get_data(as_text=True)


def test_a_stale_csrf_token_is_signed_again_by_flask_then_reused(app, client):
    app.config["WTF_CSRF_TIME_LIMIT"] = 6  # so a token is reused for a tenth of a second
    url = a_kept_page(client)
    signing.forget_tokens()  # as when the minute is up
    first, second, reached = twice(app, client, url)
    assert reached == 1 and second.get_data() == first.get_data()


def test_a_page_the_answers_skip_is_not_found(app, client):
    url = a_kept_page(client)
    with flask_requests(app) as seen:
        response = client.get(url.rsplit("/", 1)[0] + "/no-such-question")
    assert seen and response.status_code == 404


def test_a_fault_in_the_lane_is_logged_and_flask_answers(app, client, caplog):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    url = a_kept_page(client)
    engine = app.extensions["engine"]
    with engine.begin() as connection:
        connection.execute(sql("ALTER TABLE draft RENAME TO draft_away"))
    try:
        with caplog.at_level(logging.WARNING), flask_requests(app) as seen:
            response = client.get(url)
    finally:
        with engine.begin() as connection:
            connection.execute(sql("ALTER TABLE draft_away RENAME TO draft"))
    assert seen and response.status_code == 500  # Flask's own error page
    lane = [r.getMessage() for r in caplog.records if "A kept page went to Flask" in r.msg]
    assert len(lane) == 1 and "(its message is not logged)" in lane[0]
    assert client.get(url).status_code == 200


def test_the_hooks_the_lane_skips_are_the_ones_it_was_checked_against(app):
    """A new hook may act on requests the lane serves: check kept_lane.py, then list it here."""

    def named(functions) -> list[str]:
        return sorted(f"{f.__module__}.{f.__qualname__}" for f in functions)

    assert named(app.before_request_funcs[None]) == [
        "app.auth._load_user",  # staff sign-ins: the lane leaves those to Flask
        "app.events._bundle_limit",  # uploads only
        "app.i18n.remember_choices",  # query strings only
        "app.kiosk_mode._stay_on_the_survey",  # kiosks only
        "flask_wtf.csrf.CSRFProtect.init_app.<locals>.csrf_protect",  # not GETs
    ]
    assert named(app.after_request_funcs[None]) == ["app.pages._headers"]  # the same headers
    assert named(app.teardown_appcontext_funcs) == ["app.db._close_session"]  # no session
    assert not app.teardown_request_funcs and not app.url_value_preprocessors
    respond = ("respond",)
    for hooks in (app.before_request_funcs, app.after_request_funcs):
        assert not any(hooks.get(name) for name in respond)
