"""Moderation: staff correct what Heard read, summarise other languages, and quote safely."""

import pytest

from app.models import Role
from tests.comments.helpers import alerts, comment_survey, moderate, readings, send_comment
from tests.pages import error_messages, page, submit, text

URL = "/manage/surveys/review-comments/comments"
WELSH = "Roedd y cyfarfod yn dda iawn ac roedd pawb yn garedig wrthyf i"


@pytest.fixture
def survey(make_survey):
    return comment_survey(make_survey)


def test_an_officer_sees_why_a_comment_was_labelled_and_can_correct_it(
    client, app, survey, sign_in
):
    send_comment(client, "The OT finally came and it really helped")
    officer = sign_in(Role.OFFICER)
    body = text(officer.get(URL))
    assert "The OT finally came" in body and "because of:" in body
    moderate(officer, URL, {"sentiment": "mixed", "themes": "therapies, waiting times"})
    (reading,) = readings(app)
    assert reading.corrected_sentiment == "mixed"
    assert reading.corrected_themes == ["therapies", "waiting times"]


def test_saving_without_changing_the_themes_is_not_a_correction(client, app, survey, sign_in):
    send_comment(client, "The OT finally came and it really helped")
    officer = sign_in(Role.OFFICER)
    moderate(officer, URL, {"quote": "hidden"})
    (reading,) = readings(app)
    assert reading.corrected_themes is None and reading.quote == "hidden"


def test_an_english_summary_of_another_language_is_read_for_sentiment(client, app, survey, sign_in):
    send_comment(client, WELSH)
    (alert,) = alerts(app)
    lead = sign_in(Role.SAFEGUARDING, "lead@example.org")
    submit(lead, f"/safeguarding/alerts/{alert.id}", {"state": "no_concern"})
    officer = sign_in(Role.OFFICER)
    moderate(officer, URL, {"summary": "The meeting was very good and everyone was kind"})
    (reading,) = readings(app)
    assert reading.summary_en.startswith("The meeting") and reading.sentiment == "positive"


def test_a_summary_that_shows_a_risk_sends_the_comment_to_the_lead(client, app, survey, sign_in):
    send_comment(client, WELSH)
    (alert,) = alerts(app)
    lead = sign_in(Role.SAFEGUARDING, "lead@example.org")
    submit(lead, f"/safeguarding/alerts/{alert.id}", {"state": "no_concern"})
    officer = sign_in(Role.OFFICER)
    moderate(officer, URL, {"summary": "They say their step dad hits them at home"})
    (reading,) = readings(app)
    (alert,) = alerts(app)
    assert reading.withheld and (alert.kind, alert.state) == ("risk", "new")
    assert WELSH not in text(officer.get(URL))


def test_staff_choose_which_redactions_a_quote_keeps_and_can_hide_more(
    client, app, survey, sign_in
):
    send_comment(client, "Sarah the caseworker was brilliant, email me at jo@example.com")
    (reading,) = readings(app)
    kinds = [r["kind"] for r in reading.redactions]
    assert kinds == ["name", "email"]
    officer = sign_in(Role.OFFICER)
    choice = {"redactions_shown": "1", "show": ["0"], "hide": "caseworker", "quote": "approved"}
    response = moderate(officer, URL, choice)
    assert response.status_code == 302, error_messages(response)
    page_text = text(officer.get(URL))
    assert "Sarah the [removed] was brilliant, email me at [email]" in page_text
    (reading,) = readings(app)
    assert [r.get("refused", False) for r in reading.redactions] == [True, False, False]


def test_a_refused_moderation_says_why_beside_that_comment_and_changes_nothing(
    client, app, survey, sign_in
):
    send_comment(client, "Sarah the caseworker was brilliant, email me at jo@example.com")
    officer = sign_in(Role.OFFICER)
    response = moderate(officer, URL, {"quote": "published", "show": ["7"], "sentiment": "mixed"})
    assert response.status_code == 400
    assert error_messages(response) == [
        "Choose what to do with the quote from the list.",
        "Choose from the words suggested for this comment.",
    ]
    # Each message links to its field in this comment's form, whose ids are unique on the page.
    (reading,) = readings(app)
    links = [a["href"] for a in page(response).select(".error-summary a")]
    assert links[0] == f"#c{reading.id}-quote"
    assert (reading.quote, reading.corrected_sentiment) == ("pending", None)


@pytest.mark.parametrize("since", ["9999-12-31", "0001-01-01"])
def test_a_filter_date_outside_2000_to_2099_is_refused_with_a_message(
    client, app, survey, sign_in, since
):
    send_comment(client, "The OT finally came and it really helped")
    officer = sign_in(Role.OFFICER)
    response = officer.get(f"{URL}?since={since}")
    assert response.status_code == 400
    assert error_messages(response) == ["Enter a date from 2000-01-01 to 2099-12-31."]
    assert "The OT finally came" not in text(response)
