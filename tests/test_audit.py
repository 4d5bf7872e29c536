"""The audit trail: what staff do to surveys, KPIs, themes, actions and reports is recorded,
rows are never changed or deleted, and none holds a comment's or an answer's words."""

import json

import pytest
from sqlalchemy import delete, update
from sqlmodel import Session, select

from app.audit import record
from app.models import AuditEvent, Role, StaffUser, Theme
from app.models.comments import AuditChangeRefused
from tests.board.test_kpi_edit import edit
from tests.comments.helpers import alerts, comment_survey, moderate, readings, send_comment
from tests.kpi_fixtures import kpi_id, mix, utc
from tests.pages import page, submit

ACTIONS_URL = "/manage/surveys/review-comments/actions"
COMMENTS_URL = "/manage/surveys/review-comments/comments"


def trail(app) -> list[tuple[str, str, dict, str | None]]:
    """Return every event but signing in (which the sign_in fixture does through the form,
    and tests/accounts covers), oldest first: action, subject, detail and who."""
    with Session(app.extensions["engine"]) as session:
        rows = session.exec(
            select(AuditEvent, StaffUser.email)
            .outerjoin(StaffUser, StaffUser.id == AuditEvent.staff_id)
            .where(AuditEvent.action != "signed_in")
            .order_by(AuditEvent.id)
        ).all()
        return [(e.action, e.subject, e.detail, email) for e, email in rows]


def test_an_audit_event_cannot_be_changed_or_deleted(db_session):
    record("viewed", "alert:1", staff_id=None, session=db_session)
    db_session.commit()
    event = db_session.exec(select(AuditEvent)).one()
    attempts = [
        lambda: (setattr(event, "action", "nothing"), db_session.flush()),
        lambda: (db_session.delete(event), db_session.flush()),
        lambda: db_session.exec(update(AuditEvent).values(subject="alert:2")),
        lambda: db_session.exec(delete(AuditEvent)),
    ]
    for attempt in attempts:
        with pytest.raises(AuditChangeRefused):
            attempt()
        db_session.rollback()
    assert [(e.action, e.subject) for e in db_session.exec(select(AuditEvent))] == [
        ("viewed", "alert:1")
    ]


def test_closing_opening_and_downloading_a_survey_are_recorded(sign_in, app):
    officer = sign_in(Role.OFFICER)
    submit(officer, "/manage/", form_index=0)
    submit(officer, "/manage/", form_index=0)
    assert officer.get("/manage/surveys/co-production-group/responses.csv").status_code == 200
    assert trail(app) == [
        ("survey_closed", "survey:co-production-group", {}, "officer@example.org"),
        ("survey_opened", "survey:co-production-group", {}, "officer@example.org"),
        (
            "downloaded",
            "survey:co-production-group",
            {"file": "responses.csv"},
            "officer@example.org",
        ),
    ]


def test_a_refused_move_and_an_unknown_download_record_nothing(sign_in, app):
    officer = sign_in(Role.OFFICER)
    assert officer.get("/manage/surveys/nope/responses.csv").status_code == 404
    assert trail(app) == []


def press(client, page_url: str, action: str, data: dict | None = None):
    """Send the form on a page that posts to this address, CSRF token included."""
    form = page(client.get(page_url)).select_one(f'main form[action="{action}"]')
    fields = {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}
    return client.post(action, data=fields | (data or {}))


def test_kpi_edits_name_the_fields_that_changed_and_closing_is_recorded(
    sign_in, review, app, today, add_responses
):
    add_responses(review, mix(9), utc(2025, 7, 2))
    admin = sign_in(Role.ADMIN, "admin@example.org")
    kpi = kpi_id(app, "R 2")
    response = edit(admin, f"/board/kpis/{kpi}/edit", {"target": "65", "minimum_sample": "6"})
    assert response.status_code == 302
    assert press(admin, f"/board/kpis/{kpi}", f"/board/kpis/{kpi}/close").status_code == 302
    assert trail(app) == [
        (
            "kpi_edited",
            f"kpi:{kpi}",
            {"ref": "R 2", "fields": ["target", "minimum_sample"]},
            "admin@example.org",
        ),
        ("kpi_closed", f"kpi:{kpi}", {"ref": "R 2"}, "admin@example.org"),
    ]


def test_theme_changes_are_recorded_by_name_without_their_phrases(sign_in, make_survey, app):
    comment_survey(make_survey)
    officer = sign_in(Role.OFFICER)
    submit(officer, "/manage/themes", {"name": "parent forum", "phrases": "forum\nparent group"})
    with Session(app.extensions["engine"]) as session:
        theme = session.exec(select(Theme).where(Theme.name == "parent forum")).one()
    url = f"/manage/themes/{theme.id}"
    submit(officer, url, {"name": "parent carer forum", "phrases": "forum"}, form_index=0)
    press(officer, "/manage/themes", "/manage/themes/retag")
    press(officer, url, f"{url}/delete")
    assert [(a, s, d) for a, s, d, _who in trail(app)] == [
        ("theme_added", f"theme:{theme.id}", {"name": "parent forum"}),
        (
            "theme_changed",
            f"theme:{theme.id}",
            {"name": "parent carer forum", "was": "parent forum"},
        ),
        ("comments_retagged", "comments", {"changed": 0}),
        ("theme_deleted", f"theme:{theme.id}", {"name": "parent carer forum"}),
    ]


def test_actions_and_publishing_are_recorded(sign_in, make_survey, app):
    comment_survey(make_survey)
    officer = sign_in(Role.OFFICER)
    form = {"what": "Plans sent a week early", "owner": "SEND team", "state": "planned"}
    submit(officer, ACTIONS_URL, form)
    submit(officer, ACTIONS_URL, form_index=0)
    events = trail(app)
    assert [e[0] for e in events] == ["action_added", "report_published"]
    assert events[0][2] == {"survey": "review-comments", "state": "planned"}
    assert events[1][2] == {"survey": "review-comments", "number": 1}
    assert "Plans sent" not in json.dumps(events)


def test_no_audit_row_holds_a_comment_or_an_answer(client, sign_in, make_survey, app):
    comment_survey(make_survey)
    risky = "I am scared at home because my step dad hits me zebracorn"
    ordinary = "The caseworker Sarah was kind and listened to me zebracorn"
    send_comment(client, risky)
    send_comment(client, ordinary)
    lead = sign_in(Role.SAFEGUARDING, "lead@example.org")
    (alert,) = alerts(app)
    lead.get(f"/safeguarding/alerts/{alert.id}")
    submit(lead, f"/safeguarding/alerts/{alert.id}", {"state": "referred", "referred_to": "MASH"})
    officer = sign_in(Role.OFFICER)
    moderate(officer, COMMENTS_URL, {"quote": "approved", "hide": "caseworker"})
    officer.get("/manage/surveys/review-comments/responses.csv")
    submit(officer, ACTIONS_URL, form_index=0)
    moderate(officer, COMMENTS_URL, {"escalate": "y"})
    assert len(readings(app)) == 2
    events = trail(app)
    actions = [e[0] for e in events]
    assert {"viewed", "marked", "downloaded", "report_published", "escalated"} <= set(actions)
    stored = json.dumps(events, ensure_ascii=False)
    assert "zebracorn" not in stored and "caseworker" not in stored and "scared" not in stored
