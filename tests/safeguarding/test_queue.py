"""The safeguarding lead sees alerts at once, reads the comment, records a decision; all audited."""

import pytest
from sqlmodel import Session, select

from app.export import WITHHELD
from app.models import AlertState, AuditEvent, Role, SafeguardingAlert
from tests.comments.helpers import alerts, comment_survey, moderate, readings, send_comment
from tests.pages import error_messages, page, submit, text

RISK = "sometimes i dont want to be here anymore"


@pytest.fixture
def flagged(client, app, make_survey):
    """One risky comment and one ordinary one, sent by two young people."""
    comment_survey(make_survey)
    send_comment(client, RISK)
    send_comment(client, "The review was fine")
    (alert,) = alerts(app)
    return alert


def audit(app) -> list[tuple[str, str, int | None]]:
    with Session(app.extensions["engine"]) as session:
        events = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
        # Signing in is audited too (tests/accounts); these tests look at the alerts.
        return [(e.action, e.subject, e.staff_id) for e in events if e.action != "signed_in"]


@pytest.mark.parametrize("role", [Role.OFFICER, Role.BOARD])
def test_only_safeguarding_and_admin_roles_see_the_queue(sign_in, flagged, role):
    client = sign_in(role, f"{role}@example.org")
    assert client.get("/safeguarding/").status_code == 403
    assert client.get(f"/safeguarding/alerts/{flagged.id}").status_code == 403


def test_the_queue_lists_the_alert_without_the_childs_words(sign_in, flagged):
    client = sign_in(Role.SAFEGUARDING, "lead@example.org")
    response = client.get("/safeguarding/")
    assert response.status_code == 200
    assert "Self-harm or suicidal thoughts" in text(response)
    assert RISK not in text(response) and "New" in text(response)


def test_opening_an_alert_shows_the_comment_and_records_who_read_it(sign_in, app, flagged):
    client = sign_in(Role.SAFEGUARDING, "lead@example.org")
    response = client.get(f"/safeguarding/alerts/{flagged.id}")
    assert RISK in text(response)
    assert [(a, s) for a, s, _who in audit(app)] == [("viewed", f"alert:{flagged.id}")]
    assert audit(app)[0][2] is not None


def test_referring_needs_to_say_to_whom_and_changes_nothing_until_it_does(
    sign_in, app, db_session, flagged
):
    client = sign_in(Role.SAFEGUARDING, "lead@example.org")
    url = f"/safeguarding/alerts/{flagged.id}"
    response = submit(client, url, {"state": "referred"})
    assert response.status_code == 400
    assert error_messages(response) == ["Enter who the concern was referred to."]
    assert db_session.get(SafeguardingAlert, flagged.id).state == AlertState.NEW
    response = submit(
        client, url, {"state": "referred", "referred_to": "MASH", "reference": "R-12"}
    )
    assert response.status_code == 302
    db_session.expire_all()
    saved = db_session.get(SafeguardingAlert, flagged.id)
    assert (saved.state, saved.referred_to, saved.reference) == ("referred", "MASH", "R-12")
    assert ("marked", f"alert:{flagged.id}") in [(a, s) for a, s, _w in audit(app)]


def test_the_officers_download_withholds_the_flagged_comment(sign_in, flagged):
    client = sign_in(Role.OFFICER)
    csv = client.get("/manage/surveys/review-comments/responses.csv").get_data(as_text=True)
    assert WITHHELD in csv and RISK not in csv and "The review was fine" in csv


def test_text_no_one_could_read_is_released_when_a_reader_finds_no_concern(
    client, app, make_survey, sign_in, db_session
):
    comment_survey(make_survey)
    send_comment(client, "Roedd y cyfarfod yn dda iawn ac roedd pawb yn garedig wrthyf i")
    (alert,) = alerts(app)
    lead = sign_in(Role.SAFEGUARDING, "lead@example.org")
    submit(
        lead,
        f"/safeguarding/alerts/{alert.id}",
        {"state": "no_concern", "note": "Read by a Welsh speaker"},
    )
    (reading,) = readings(app)
    assert not reading.withheld
    assert page(lead.get("/safeguarding/")).find("strong").get_text() == "No concern"


def test_an_officer_who_reads_a_worrying_comment_sends_it_to_the_lead(
    client, app, make_survey, sign_in, db_session
):
    comment_survey(make_survey)
    # A worry no rule or net flags: the officer reads it and decides.
    worrying = "I miss my old school and I dont talk to anyone much now"
    send_comment(client, worrying)
    assert alerts(app) == []
    officer = sign_in(Role.OFFICER)
    response = moderate(officer, "/manage/surveys/review-comments/comments", {"escalate": "y"})
    assert response.status_code == 302
    (alert,) = alerts(app)
    (reading,) = readings(app)
    assert alert.kind == "staff" and reading.withheld
    assert worrying not in text(officer.get("/manage/surveys/review-comments/comments"))
    assert ("escalated", f"alert:{alert.id}") in [(a, s) for a, s, _w in audit(app)]
