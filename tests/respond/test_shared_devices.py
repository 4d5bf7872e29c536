"""Shared devices: stop and delete your answers, drafts that expire, and who started a draft."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import func, select

from app import create_app
from app.config import ConfigError
from app.models import Draft, Response
from tests.journey import SHORTEST, answer, answer_through, start
from tests.pages import discard, page, submit, text
from tests.samples import ALL_TYPES


def drafts(db_session) -> int:
    db_session.expire_all()
    return db_session.exec(select(func.count()).select_from(Draft)).one()


def test_every_question_page_and_the_check_page_offer_to_stop_and_delete(client, make_survey):
    slug = make_survey(ALL_TYPES)
    url = start(client, slug)
    pages = []
    for data in SHORTEST:
        pages.append(page(client.get(url)))
        url = answer(client, url, data)
    pages.append(page(client.get(url)))  # Check your answers
    for shown in pages:
        form = shown.select_one("main form.discard")
        assert form["method"] == "post" and form["action"] == f"/s/{slug}/stop"
        assert form.select_one("input[name=csrf_token]")["value"]
        assert form.select_one("button").get_text(strip=True) == "Stop and delete my answers"


def test_stopping_deletes_the_draft_forgets_it_and_says_the_answers_are_gone(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    url = answer(client, start(client, slug), {"answer": "yes"})
    assert drafts(db_session) == 1
    stopped = discard(client, url, follow_redirects=True)
    assert "We have deleted the answers" in text(stopped)
    assert drafts(db_session) == 0
    # The next person on this browser starts afresh: nothing to carry on with.
    start_page = text(client.get(f"/s/{slug}"))
    assert "Start now" in start_page and "Carry on" not in start_page
    assert client.get(url).status_code == 302  # the old question sends you to the start


def test_stopping_in_easy_read_says_so_in_easy_read(client, make_survey):
    slug = make_survey(ALL_TYPES)
    url = start(client, slug)
    client.get("/?easy=1")
    stopped = discard(client, url, follow_redirects=True)
    assert "The next person on this device cannot see them." in text(stopped)


def test_stopping_without_a_csrf_token_deletes_nothing(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    answer(client, start(client, slug), {"answer": "yes"})
    refused = client.post(f"/s/{slug}/stop")
    assert refused.status_code == 400
    assert drafts(db_session) == 1
    assert "Carry on where you left off" in text(client.get(f"/s/{slug}"))


def test_stopping_deletes_only_this_browsers_draft(app, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    mine, theirs = app.test_client(), app.test_client()
    answer(mine, start(mine, slug), {"answer": "yes"})
    url = answer(theirs, start(theirs, slug), {"answer": "no"})
    discard(mine, f"/s/{slug}/q/helpful")
    assert drafts(db_session) == 1
    assert "Carry on where you left off" in text(theirs.get(f"/s/{slug}"))
    assert theirs.get(url).status_code == 200


def test_stopping_twice_or_with_nothing_started_still_says_the_answers_are_gone(
    client, make_survey
):
    slug = make_survey(ALL_TYPES)
    url = start(client, slug)
    token = page(client.get(url)).select_one("form.discard input[name=csrf_token]")["value"]
    for _ in range(2):
        response = client.post(f"/s/{slug}/stop", data={"csrf_token": token})
        assert response.status_code == 302 and response.location.endswith(f"/s/{slug}/stopped")


def test_a_sent_survey_keeps_its_response_when_the_button_is_pressed_afterwards(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    check = answer_through(client, start(client, slug), SHORTEST)
    token = page(client.get(check)).select_one("form.discard input[name=csrf_token]")["value"]
    assert submit(client, check).status_code == 302  # sent
    client.post(f"/s/{slug}/stop", data={"csrf_token": token})
    assert db_session.exec(select(func.count()).select_from(Response)).one() == 1


def _started_at(db_session, at: datetime) -> None:
    draft = db_session.exec(select(Draft)).one()
    draft.started_at = at
    db_session.add(draft)
    db_session.commit()


@pytest.mark.parametrize(
    ("started", "said"),
    [
        # 14:00 UTC on Monday 1 July 2024 is 3pm in London (summer time).
        (datetime(2024, 7, 1, 14, 0, tzinfo=UTC), "You started this on Monday at 3:00 PM."),
        # 23:30 UTC on Monday is already Tuesday in London.
        (datetime(2024, 7, 1, 23, 30, tzinfo=UTC), "You started this on Tuesday at 12:30 AM."),
        # In winter London is on UTC.
        (datetime(2024, 12, 2, 15, 0, tzinfo=UTC), "You started this on Monday at 3:00 PM."),
    ],
)
def test_a_resumed_draft_says_when_it_was_started_in_london_time(
    client, make_survey, db_session, monkeypatch, started, said
):
    slug = make_survey(ALL_TYPES)
    answer(client, start(client, slug), {"answer": "yes"})
    _started_at(db_session, started)
    # The page says the day of the week while the draft is under a week old.
    monkeypatch.setattr("app.respond.views.utcnow", lambda: started + timedelta(hours=2))
    start_page = page(client.get(f"/s/{slug}"))
    assert said in text(client.get(f"/s/{slug}"))
    button = start_page.select_one("main form.discard button").get_text(strip=True)
    assert button == "Delete these answers"


def test_an_older_draft_gives_the_date_and_welsh_gets_welsh_days(
    client, make_survey, db_session, monkeypatch
):
    slug = make_survey(ALL_TYPES)
    answer(client, start(client, slug), {"answer": "yes"})
    started = datetime(2024, 7, 1, 14, 0, tzinfo=UTC)
    _started_at(db_session, started)
    monkeypatch.setattr("app.respond.views.utcnow", lambda: started + timedelta(days=9))
    assert "You started this on 1 July at 3:00 PM." in text(client.get(f"/s/{slug}"))
    monkeypatch.setattr("app.respond.views.utcnow", lambda: started + timedelta(hours=1))
    assert "Llun" in text(client.get(f"/s/{slug}?lang=cy"))  # dydd Llun: Monday


def test_a_new_start_page_says_nothing_about_earlier_answers(client, make_survey):
    slug = make_survey(ALL_TYPES)
    start_page = page(client.get(f"/s/{slug}"))
    assert "You started this" not in text(client.get(f"/s/{slug}"))
    assert start_page.select_one("form.discard") is None


def test_a_draft_lasts_as_long_as_heard_draft_hours_says(
    database_url, make_survey, db_session, monkeypatch
):
    monkeypatch.setenv("HEARD_DRAFT_HOURS", "2")
    app = create_app({"SECRET_KEY": "test", "DATABASE_URL": database_url, "TESTING": True})
    client = app.test_client()
    slug = make_survey(ALL_TYPES)
    url = answer(client, start(client, slug), {"answer": "yes"})
    draft = db_session.exec(select(Draft)).one()
    draft.updated_at = datetime.now(UTC) - timedelta(hours=1)
    db_session.add(draft)
    db_session.commit()
    assert client.get(url).status_code == 200  # one hour old: still there
    draft.updated_at = datetime.now(UTC) - timedelta(hours=3)
    db_session.add(draft)
    db_session.commit()
    assert client.get(url).status_code == 302  # three hours old: gone, start again
    assert "after 2 hours" in text(client.get("/privacy"))
    app.extensions["engine"].dispose()


@pytest.mark.parametrize("hours", ["0", "-1", "1.5", "two", "²", "721"])
def test_a_draft_lifetime_that_is_not_a_whole_number_of_hours_stops_the_app(monkeypatch, hours):
    monkeypatch.setenv("HEARD_DRAFT_HOURS", hours)
    with pytest.raises(ConfigError, match="HEARD_DRAFT_HOURS"):
        create_app({"SECRET_KEY": "test", "DATABASE_URL": "sqlite://"})


def test_the_privacy_page_says_how_long_drafts_last_in_days_or_hours(client):
    assert "We delete answers you start but do not send after 1 day." in text(
        client.get("/privacy")
    )
    easy = text(client.get("/privacy?easy=1"))
    assert "We delete answers you do not send after 1 day." in easy
