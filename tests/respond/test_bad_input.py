"""Bad input gets a clear answer and changes nothing."""

import pytest
from flask_babel import force_locale, gettext
from sqlmodel import func, select

from app.models import Answer, Draft, Response
from tests.conftest import survey_by_slug
from tests.journey import SHORTEST, answer, answer_through, start
from tests.pages import error_messages, page, submit, text
from tests.samples import ALL_TYPES


def stored(db_session) -> tuple[int, int]:
    responses = db_session.exec(select(func.count()).select_from(Response)).one()
    answers = db_session.exec(select(func.count()).select_from(Answer)).one()
    return responses, answers


def draft_answers(db_session) -> dict:
    db_session.expire_all()
    return db_session.exec(select(Draft)).one().answers


def test_an_unknown_survey_is_a_plain_words_404(client):
    response = client.get("/s/no-such-survey")
    assert response.status_code == 404
    assert "Page not found" in text(response) and "ask the person who gave it to you" in text(
        response
    )


def test_a_closed_survey_says_when_it_closed_and_takes_no_answers(client, sign_in, db_session):
    officer = sign_in()
    closed = submit(officer, "/manage/", form_index=0)  # the first survey: co-production-group
    page_text = text(client.get("/s/co-production-group"))
    assert closed.status_code == 302
    assert "This survey has closed" in page_text and "closed on" in page_text
    # A start page left open before the survey closed: its button now gets the closed page.
    token = page(client.get("/s/post-14-review")).select_one("input[name=csrf_token]")["value"]
    late = client.post("/s/co-production-group", data={"csrf_token": token})
    assert late.status_code == 410 and "This survey has closed" in text(late)
    assert stored(db_session) == (0, 0)


def test_question_and_check_pages_without_a_draft_send_you_to_the_start_page(client, make_survey):
    slug = make_survey(ALL_TYPES)
    for url in (f"/s/{slug}/q/had_review", f"/s/{slug}/check"):
        response = client.get(url)
        assert response.status_code == 302 and response.location.endswith(f"/s/{slug}")


def test_a_survey_closed_mid_journey_shows_the_closed_page_and_keeps_no_answer(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    url = start(client, slug)
    token = page(client.get(url)).select_one("input[name=csrf_token]")["value"]
    survey_by_slug(db_session, slug).close()
    db_session.commit()
    # The question page was open before the survey closed: its answer now gets the closed page.
    late = client.post(url, data={"answer": "yes", "csrf_token": token})
    for response in (client.get(url), client.get(f"/s/{slug}/check"), late):
        assert response.status_code == 410 and "This survey has closed" in text(response)
    assert draft_answers(db_session) == {}


def test_a_version_replaced_mid_journey_says_the_survey_changed(client, make_survey):
    slug = make_survey(ALL_TYPES)
    url = answer(client, start(client, slug), {"answer": "yes"})
    make_survey(ALL_TYPES.replace("Jobs", "Work"), slug=slug)  # a new version is published
    for response in (client.get(url), client.get(f"/s/{slug}/check")):
        assert response.status_code == 409 and "This survey has changed" in text(response)


def test_a_missing_csrf_token_is_refused_and_nothing_is_saved(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    url = start(client, slug)
    response = client.post(url, data={"answer": "yes"})
    assert response.status_code == 400 and "This page had expired" in text(response)
    assert draft_answers(db_session) == {}


def test_a_wrong_csrf_token_is_refused(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    url = start(client, slug)
    response = client.post(url, data={"answer": "yes", "csrf_token": "forged"})
    assert response.status_code == 400
    assert draft_answers(db_session) == {}


def test_an_option_that_was_not_offered_is_refused_with_a_message(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    response = submit(client, start(client, slug), {"answer": "maybe"})
    assert response.status_code == 200
    assert error_messages(response) == ["Choose one of the answers shown."]
    assert draft_answers(db_session) == {}


def test_a_multiple_choice_with_one_bad_value_is_refused_whole(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    url = answer(client, start(client, slug), {"answer": "no"})
    response = submit(client, url, {"answer": ["school", "drop table"]})
    assert error_messages(response) == ["Choose one of the answers shown."]
    assert "topics" not in draft_answers(db_session)


def test_a_skipped_required_question_shows_the_error_summary_linked_and_focused(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    response = submit(client, start(client, slug), {})
    soup = page(response)
    summary = soup.select_one(".error-summary")
    assert summary.has_attr("autofocus") and summary["role"] == "alert"
    assert soup.title.get_text().startswith("Error: Did you have a review meeting?")
    link = summary.select_one("a")
    assert link.get_text() == "Choose one answer." and link["href"] == "#answer"
    first_radio = soup.select_one("input[type=radio]")
    assert first_radio["id"] == "answer"
    assert soup.select_one("fieldset")["aria-describedby"] == "answer-error"
    assert draft_answers(db_session) == {}


def test_over_long_text_is_refused_with_the_limit_and_the_count(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST[:4])
    response = submit(client, url, {"answer": "x" * 201})
    assert error_messages(response) == [
        "Your answer must be 200 characters or fewer. You have typed 201."
    ]
    assert "comments" not in draft_answers(db_session)


def test_a_number_out_of_range_is_refused(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST[:3])
    response = submit(client, url, {"answer": "9"})
    assert error_messages(response) == ["Type a number between 11 and 25."]
    response = submit(client, url, {"answer": "fifteen"})
    assert error_messages(response) == ["Type a whole number, like 15."]
    assert "age" not in draft_answers(db_session)


def test_a_version_that_no_longer_takes_answers_refuses_the_send(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST)
    check_page = client.get(url)
    make_survey(ALL_TYPES.replace("Jobs", "Work"), slug=slug)  # a new version is published
    form = page(check_page).select_one("main form")
    fields = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
    response = client.post(form["action"], data=fields)
    assert response.status_code == 409 and "This survey has changed" in text(response)
    assert stored(db_session) == (0, 0)


def send_form(check_page) -> tuple[str, dict]:
    form = page(check_page).select_one("main form")
    return form["action"], {i["name"]: i["value"] for i in form.select("input[type=hidden]")}


def test_a_send_after_the_survey_closed_gets_the_closed_page_and_stores_nothing(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    action, fields = send_form(client.get(answer_through(client, start(client, slug), SHORTEST)))
    survey_by_slug(db_session, slug).close()
    db_session.commit()
    response = client.post(action, data=fields)
    assert response.status_code == 410 and "This survey has closed" in text(response)
    assert stored(db_session) == (0, 0)


@pytest.mark.parametrize("spoilt", ["csrf_token", "response_id"])
def test_a_send_without_its_token_or_id_is_refused_and_the_draft_kept(
    client, make_survey, db_session, spoilt
):
    slug = make_survey(ALL_TYPES)
    action, fields = send_form(client.get(answer_through(client, start(client, slug), SHORTEST)))
    response = client.post(action, data={k: v for k, v in fields.items() if k != spoilt})
    assert response.status_code == 400
    assert stored(db_session) == (0, 0) and draft_answers(db_session)
    assert client.post(action, data=fields).status_code == 302  # the real send still works
    assert stored(db_session)[0] == 1


def test_a_send_to_an_unknown_survey_is_not_found(client):
    token = page(client.get("/s/post-14-review")).select_one("input[name=csrf_token]")["value"]
    data = {"csrf_token": token, "response_id": "x"}
    assert client.post("/s/no-such-survey/send", data=data).status_code == 404


def test_html_in_free_text_is_stored_as_text_and_escaped_when_shown(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST[:4])
    script = '<script>alert("hi")</script>'
    url = answer(client, url, {"answer": script})
    html = client.get(url).get_data(as_text=True)
    assert script not in html and "&lt;script&gt;" in html
    submit(client, url)
    assert (
        db_session.exec(select(Answer.value).where(Answer.question_key == "comments")).one()
        == script
    )


def test_a_send_with_a_made_up_response_id_stores_nothing(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST)
    response = submit(client, url, {"response_id": "00000000-0000-0000-0000-000000000000"})
    assert response.status_code == 302 and response.location.endswith(f"/s/{slug}")
    assert stored(db_session) == (0, 0)


def test_a_send_with_no_draft_goes_back_to_the_start(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    response = client.get(f"/s/{slug}/check")
    assert response.status_code == 302 and response.location.endswith(f"/s/{slug}")
    assert stored(db_session) == (0, 0)


def number_page(client, make_survey) -> str:
    """Start ALL_TYPES and answer up to its number question ("How old are you?", 11 to 25)."""
    slug = make_survey(ALL_TYPES)
    return answer_through(client, start(client, slug), SHORTEST[:3])


@pytest.mark.parametrize("typed", ["²", "--5", "+-5", "1.5", "1,5", "5e1"])
def test_what_is_not_a_whole_number_is_refused_and_nothing_is_kept(
    client, make_survey, db_session, typed
):
    response = submit(client, number_page(client, make_survey), {"answer": typed})
    assert response.status_code == 200
    assert error_messages(response) == ["Type a whole number, like 15."]
    assert "age" not in draft_answers(db_session)


def test_a_number_of_5000_digits_is_refused_with_the_range(client, make_survey, db_session):
    url = number_page(client, make_survey)
    for typed in ("1" * 5000, "١" * 5000, "-" + "9" * 12):
        response = submit(client, url, {"answer": typed})
        assert error_messages(response) == ["Type a number between 11 and 25."]
    assert "age" not in draft_answers(db_session)


def test_the_number_message_is_in_the_respondents_language(app, client, make_survey, db_session):
    client.get("/?lang=ar")
    response = submit(client, number_page(client, make_survey), {"answer": "²"})
    with app.test_request_context(), force_locale("ar"):
        expected = gettext("Type a whole number, like 15.")
    assert expected != "Type a whole number, like 15."
    assert error_messages(response) == [expected]
    assert "age" not in draft_answers(db_session)


@pytest.mark.parametrize("typed", ["١٥", "۱۵", "১৫", "१५", "１５", "015", "+15"])
def test_a_number_in_any_script_is_kept_and_stored_as_plain_digits(
    client, make_survey, db_session, typed
):
    url = answer(client, number_page(client, make_survey), {"answer": typed})
    assert draft_answers(db_session)["age"] == "15"
    url = answer(client, url, {})  # no comment
    assert "15" in text(client.get(url))  # Check your answers shows what was kept
    submit(client, url)
    value = db_session.exec(select(Answer.value).where(Answer.question_key == "age")).one()
    assert value == "15"


def test_control_characters_are_removed_from_free_text_before_it_is_stored(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST[:4])
    # NUL fails on PostgreSQL; escape and bell characters are never meant; lines are kept.
    url = answer(client, url, {"answer": "Too\x00 long\x1b[31m a\x07 wait\r\nThey\tlistened"})
    assert draft_answers(db_session)["comments"] == "Too long[31m a wait\nThey\tlistened"
    submit(client, url)
    value = db_session.exec(select(Answer.value).where(Answer.question_key == "comments")).one()
    assert value == "Too long[31m a wait\nThey\tlistened"


def test_text_of_nothing_but_control_characters_is_no_answer(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES.replace("required = false\nmax_length = 200", "max_length = 200"))
    url = answer_through(client, start(client, slug), SHORTEST[:4])
    response = submit(client, url, {"answer": "\x00\x01 \x02"})
    assert error_messages(response) == ["Type your answer."]
    assert "comments" not in draft_answers(db_session)


@pytest.mark.parametrize("response_id", ["-" * 36, "not-a-uuid", "0" * 36, ""])
def test_a_send_with_a_malformed_response_id_is_refused_and_stores_nothing(
    client, make_survey, db_session, response_id
):
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST)
    response = submit(client, url, {"response_id": response_id})
    assert response.status_code == 400 and "Nothing was saved" in text(response)
    assert stored(db_session) == (0, 0)
    assert draft_answers(db_session)  # the answers wait for a proper send
