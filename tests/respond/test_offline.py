"""A phone that lost its signal: the pages it keeps, and the endpoint it sends a whole response
to when the signal returns (checked like an online send, stored once by UUID)."""

import json
import uuid

import pytest
from bs4 import BeautifulSoup
from sqlmodel import func, select

from app.easyread_check import avoid_words, check_text
from app.models import Answer, Draft, Response
from app.respond.on_phone import send_token
from tests.conftest import newest_version, survey_by_slug
from tests.journey import start
from tests.pages import check_page, page, submit
from tests.samples import ALL_TYPES, TWO_QUESTIONS

WHOLE = {"had_review": "yes", "helpful": "4", "topics": ["school"], "who": "teacher"}


def stored(db_session) -> tuple[int, int]:
    db_session.expire_all()
    responses = db_session.exec(select(func.count()).select_from(Response)).one()
    answers = db_session.exec(select(func.count()).select_from(Answer)).one()
    return responses, answers


def page_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def kept_on_phone(client, slug: str) -> dict:
    """Start the survey in this browser and fetch what the phone keeps for it."""
    start(client, slug)
    response = client.get(f"/s/{slug}/offline.json")
    assert response.status_code == 200 and response.is_json
    return response.get_json()


def send(client, slug: str, pack: dict, **changes):
    """Send a whole response as the phone's worker does: JSON, no CSRF field, no cookie needed."""
    body = {
        "response_id": pack["response_id"],
        "token": pack["token"],
        "answers": WHOLE,
        "language": "en",
        "easy_read": False,
    } | changes
    return client.post(f"/s/{slug}/answers", json=body)


def test_the_phone_keeps_every_page_with_no_answers_and_the_rules_to_check_them(
    client, make_survey
):
    slug = make_survey(ALL_TYPES)
    url = start(client, slug)
    submit(client, url, {"answer": "yes"})
    pack = client.get(f"/s/{slug}/offline.json").get_json()
    assert pack["answers"] == {"had_review": "yes"}
    assert [q["key"] for q in pack["questions"]] == [
        "had_review", "helpful", "topics", "who", "age", "comments"
    ]  # fmt: skip
    helpful = pack["questions"][1]
    assert helpful["show_if"] == {"question": "had_review", "answers": ["yes"]}
    assert helpful["values"] == ["1", "2", "3", "4", "5", "dont_know"]
    assert set(pack["pages"]) == {
        f"/s/{slug}",
        f"/s/{slug}/check",
        f"/s/{slug}/saved",
        *(f"/s/{slug}/q/{q['key']}" for q in pack["questions"]),
    }
    for html in pack["pages"].values():
        check_page(html)
    first = pack["pages"][f"/s/{slug}/q/had_review"]
    assert "checked" not in first and 'data-problem=""' in first
    # The server's own words for a missing answer travel with the page.
    assert "Choose one answer." in pack["pages"][f"/s/{slug}/q/who"]


def test_the_phone_sends_the_response_id_the_check_page_would_send(client, make_survey):
    slug = make_survey(TWO_QUESTIONS)
    pack = kept_on_phone(client, slug)
    submit(client, f"/s/{slug}/q/involved", {"answer": "yes"})
    submit(client, f"/s/{slug}/q/comments", {})
    check = page(client.get(f"/s/{slug}/check"))
    assert check.select_one("input[name=response_id]")["value"] == pack["response_id"]


def test_only_a_browser_with_a_draft_gets_the_survey_for_its_phone(client, make_survey):
    slug = make_survey(TWO_QUESTIONS)
    assert client.get(f"/s/{slug}/offline.json").status_code == 404
    assert client.get("/s/no-such-survey/offline.json").status_code == 404


def test_the_worker_is_served_from_the_root_so_it_can_look_after_survey_pages(client):
    response = client.get("/sw.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert "no-store" in response.headers["Cache-Control"]


def test_a_whole_response_sent_later_is_stored_once_and_the_draft_forgotten(
    app, client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    pack = kept_on_phone(client, slug)
    before = stored(db_session)
    # The session cookie may be gone by the time the signal returns: the token is enough.
    client.delete_cookie("session")
    first = send(client, slug, pack, easy_read=True, language="cy")
    assert first.status_code == 201 and first.get_json()["outcome"] == "stored"
    assert stored(db_session) == (before[0] + 1, before[1] + 4)
    response = db_session.get(Response, uuid.UUID(pack["response_id"]))
    assert (response.mode, response.language, response.easy_read) == ("online", "cy", True)
    assert db_session.exec(select(Draft)).all() == []
    # A replay (the reply was lost, the worker sends again): nothing new.
    again = send(client, slug, pack, easy_read=True, language="cy")
    assert again.status_code == 200 and again.get_json()["outcome"] == "duplicate"
    assert stored(db_session) == (before[0] + 1, before[1] + 4)


def test_the_same_uuid_with_other_answers_is_a_conflict_and_the_first_is_kept(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    pack = kept_on_phone(client, slug)
    assert send(client, slug, pack).status_code == 201
    before = stored(db_session)
    other = send(client, slug, pack, answers=WHOLE | {"who": "family"})
    assert other.status_code == 409 and other.get_json()["message"]
    assert stored(db_session) == before


@pytest.mark.parametrize(
    ("change", "status", "problem"),
    [
        ({"answers": WHOLE | {"had_review": {"an": "object"}}}, 400, "answers: had_review:"),
        ({"answers": ["yes"]}, 400, "answers: expected an object"),
        ({"response_id": "not-a-uuid"}, 400, "response_id: expected a UUID"),
        ({"response_id": str(uuid.uuid4())}, 400, "token: not signed for this response"),
        ({"token": "forged.token"}, 400, "token: not signed for this response"),
        ({"language": "xx"}, 400, "language: not one of this site's languages"),
        ({"easy_read": "yes"}, 400, "easy_read: expected true or false"),
        ({"answers": {"had_review": "yes"}}, 422, "who: required but not answered"),
        ({"answers": WHOLE | {"who": "nobody"}}, 422, 'who: "nobody" was not offered'),
        ({"answers": WHOLE | {"age": "300"}}, 422, "age: out of range"),
        ({"answers": WHOLE | {"comments": "x" * 201}}, 422, "comments: too long"),
        ({"answers": WHOLE | {"nope": "1"}}, 422, "nope: not a question in this survey"),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(
    client, make_survey, db_session, change, status, problem
):
    slug = make_survey(ALL_TYPES)
    pack = kept_on_phone(client, slug)
    before = stored(db_session)
    response = send(client, slug, pack, **change)
    assert response.status_code == status
    reply = response.get_json()
    assert reply["outcome"] == "refused" and reply["message"].startswith("We could not take")
    assert any(p.startswith(problem) for p in reply["problems"]), reply["problems"]
    assert stored(db_session) == before


def test_what_is_not_json_or_not_for_this_survey_is_refused(app, client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    other = make_survey(TWO_QUESTIONS)
    pack = kept_on_phone(client, slug)
    before = stored(db_session)
    form = client.post(f"/s/{slug}/answers", data={"response_id": pack["response_id"]})
    assert form.status_code == 400 and form.get_json()["problems"] == ["expected application/json"]
    elsewhere = send(client, other, pack)
    assert elsewhere.status_code == 400
    assert elsewhere.get_json()["problems"] == ["token: not for this survey"]
    version = newest_version(db_session, other)
    token = send_token(app.secret_key, uuid.UUID(pack["response_id"]), version.id + 999)
    unknown = send(client, slug, pack, token=token)
    assert unknown.status_code == 400
    assert stored(db_session) == before


def test_a_survey_that_closed_before_the_signal_returned_takes_nothing(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    pack = kept_on_phone(client, slug)
    survey = survey_by_slug(db_session, slug)
    survey.close()
    db_session.add(survey)
    db_session.commit()
    before = stored(db_session)
    response = send(client, slug, pack)
    assert response.status_code == 410
    assert response.get_json()["message"] == "This survey closed before we got your answers."
    assert stored(db_session) == before


def test_what_the_phone_says_passes_the_easy_read_lint(client, make_survey):
    slug = make_survey(ALL_TYPES)
    pack = kept_on_phone(client, slug)
    saved = page_of(pack["pages"][f"/s/{slug}/saved"])
    words = json.loads(saved.select_one("#offline-data").get_text())
    said = [words["saving"], words["waiting"], words["sent"], saved.select_one("h1").get_text()]
    said += [p.get_text() for p in saved.select("main p:not(.phone-status)")]
    avoid = avoid_words()
    assert [f for text in said for f in check_text("phone", text, avoid) if f.error] == []
