""" "We did": officers record what was done; the log shows what is slow; reports show it."""

from datetime import date, timedelta

import pytest
from sqlmodel import Session, func, select

from app.models import Action, Role
from tests.comments.helpers import comment_survey
from tests.pages import error_messages, page, submit, text

SLUG = "review-comments"
URL = f"/manage/surveys/{SLUG}/actions"


@pytest.fixture
def officer(sign_in, make_survey):
    comment_survey(make_survey)
    return sign_in(Role.OFFICER)


def count(app) -> int:
    with Session(app.extensions["engine"]) as session:
        return session.exec(select(func.count()).select_from(Action)).one()


def test_an_action_needs_what_and_who_and_bad_input_changes_nothing(officer, app):
    response = submit(officer, URL, {"what": "", "owner": "", "state": "planned"})
    assert response.status_code == 400
    assert error_messages(response) == ["Enter what was done.", "Enter who owns this action."]
    response = submit(officer, URL, {"what": "x", "owner": "y", "state": "done"})
    assert error_messages(response) == ["Enter the date it was done."]
    assert count(app) == 0


def test_an_action_past_its_date_and_not_done_shows_as_slow_to_progress(officer, app):
    late = (date.today() - timedelta(days=30)).isoformat()
    form = {"what": "Review paperwork sent a week before", "owner": "SEND team"}
    response = submit(officer, URL, form | {"state": "in_progress", "due_on": late})
    assert response.status_code == 302 and count(app) == 1
    assert "Past its date and not done" in text(officer.get(URL))


def test_what_we_did_appears_in_the_published_report(officer, client):
    form = {"what": "We now send the plan a week before the review", "owner": "SEND team"}
    submit(officer, URL, form | {"state": "done", "done_on": "2026-10-01"})
    location = submit(officer, URL, form_index=0).location
    body = text(client.get(location))
    assert "We now send the plan a week before the review" in body and "Done" in body


def test_an_action_links_to_kpis_and_questions_and_keeps_them_when_edited(officer, app):
    form = {"what": "Plans sent a week early", "owner": "SEND team", "state": "planned"}
    submit(officer, URL, form | {"kpi_refs": "T 1, T 2", "question_keys": "helpful"})
    with Session(app.extensions["engine"]) as session:
        action = session.exec(select(Action)).one()
    assert (action.kpi_refs, action.question_keys) == (["T 1", "T 2"], ["helpful"])
    edit = f"/manage/actions/{action.id}"
    assert 'value="T 1, T 2"' in officer.get(edit).get_data(as_text=True)
    # A browser sends every field back as the page showed it, with the owner changed.
    page_form = page(officer.get(edit)).select_one("main form[method=post]")
    sent = {i["name"]: i.get("value", "") for i in page_form.select("input[name]")}
    sent |= {"what": "Plans sent a week early", "state": "planned", "owner": "Inclusion team"}
    assert officer.post(edit, data=sent).status_code == 302
    with Session(app.extensions["engine"]) as session:
        again = session.get(Action, action.id)
    assert (again.owner, again.kpi_refs) == ("Inclusion team", ["T 1", "T 2"])


@pytest.mark.parametrize("field", ["due_on", "done_on"])
@pytest.mark.parametrize("day", ["9999-12-31", "1999-12-31", "0001-01-01"])
def test_an_action_date_outside_2000_to_2099_is_refused_and_nothing_stored(
    officer, app, field, day
):
    form = {"what": "Plans sent early", "owner": "SEND team", "state": "done"}
    form |= {"done_on": "2026-10-01", field: day}
    response = submit(officer, URL, form)
    assert response.status_code == 400
    assert error_messages(response) == ["Enter a date from 2000-01-01 to 2099-12-31."]
    assert count(app) == 0


def test_an_action_due_at_the_end_of_2099_is_kept_and_listed(officer, app):
    form = {"what": "Plans sent early", "owner": "SEND team", "state": "planned"}
    assert submit(officer, URL, form | {"due_on": "2099-12-31"}).status_code == 302
    assert count(app) == 1 and "2099-12-31" in text(officer.get(URL))


def test_control_characters_are_removed_from_an_action(officer, app):
    form = {"what": "Plans\x00 sent\x07 early", "owner": "SEND\x1b team", "state": "planned"}
    assert submit(officer, URL, form).status_code == 302
    with Session(app.extensions["engine"]) as session:
        action = session.exec(select(Action)).one()
    assert (action.what, action.owner) == ("Plans sent early", "SEND team")
