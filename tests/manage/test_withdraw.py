"""Withdrawal codes: shown once after sending; staff delete a response by its code."""

import hashlib
import re

import pytest
from sqlmodel import Session, func, select

from app.models import (
    AlertState,
    Answer,
    AuditEvent,
    CommentReading,
    KpiMonthCount,
    Response,
    Role,
    SafeguardingAlert,
)
from app.retention.withdrawal import ALPHABET, normalise
from tests.journey import answer_through, start
from tests.pages import error_messages, page, submit, text
from tests.samples import ALL_TYPES

SLUG = "review"
# Yes, a helpful review (4: positive for the KPI), no topics, family, no age, then a comment.
HELPFUL = ({"answer": "yes"}, {"answer": "4"}, {}, {"answer": "family"}, {})
CODE = re.compile(rf"^[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")
RISK = "sometimes i dont want to be here anymore"


def send(client, comment: str = "") -> str:
    """Send one response as a young person would; return the code the thank-you page shows."""
    check = answer_through(client, start(client, SLUG), (*HELPFUL, {"answer": comment}))
    sent = submit(client, check, follow_redirects=True)
    return page(sent).select_one("#withdrawal-code").get_text(strip=True)


def count(app, model) -> int:
    with Session(app.extensions["engine"]) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def kpi_counts(app) -> list[tuple[int, int]]:
    with Session(app.extensions["engine"]) as session:
        rows = session.exec(select(KpiMonthCount).order_by(KpiMonthCount.kpi_id)).all()
        return [(row.valid, row.positive) for row in rows]


def events(app) -> list[AuditEvent]:
    with Session(app.extensions["engine"]) as session:
        # Signing in is audited too; these tests are about what withdrawing records.
        query = select(AuditEvent).where(AuditEvent.action != "signed_in")
        return list(session.exec(query.order_by(AuditEvent.id)).all())


@pytest.fixture
def survey(make_survey) -> str:
    return make_survey(ALL_TYPES, slug=SLUG)


def test_the_thank_you_page_shows_a_short_code_once(app, client, survey):
    code = send(client)
    assert CODE.match(code)
    again = client.get(f"/s/{SLUG}/sent")
    assert code not in text(again) and page(again).select_one("#withdrawal-code") is None
    # Only a hash is stored, and the code is not made from the response's id.
    with Session(app.extensions["engine"]) as session:
        response = session.exec(select(Response)).one()
    assert response.withdrawal_hash == hashlib.sha256(normalise(code).encode()).hexdigest()
    assert normalise(code) not in response.id.hex.upper()


def test_every_response_gets_its_own_code(client, survey):
    codes = {send(client) for _ in range(3)}
    assert len(codes) == 3


def test_the_thank_you_page_in_easy_read_says_what_the_code_is_for(client, survey):
    client.get("/?easy=1")
    check = answer_through(client, start(client, SLUG), (*HELPFUL, {}))
    sent = text(submit(client, check, follow_redirects=True))
    assert "If you change your mind, tell us the code." in sent
    assert "We show the code only once." in sent


def test_an_officer_withdraws_a_response_by_its_code_after_a_check(app, client, sign_in, survey):
    code = send(client, "The review was fine")
    send(client)  # somebody else's, which stays
    assert kpi_counts(app) == [(2, 2)]
    officer = sign_in(Role.OFFICER)
    typed = code.lower().replace("-", " ")  # read over the phone: spaces, small letters
    check = submit(officer, "/manage/withdraw", {"code": typed})
    assert check.status_code == 200
    shown = text(check)
    assert "Delete this response?" in shown and "Your review" in shown
    assert "The review was fine" not in shown  # never the answers
    assert count(app, Response) == 2  # nothing deleted by the check step
    done = submit_confirm(officer, check)
    assert done.status_code == 302
    assert "is deleted" in text(officer.get(done.location))
    assert count(app, Response) == 1 and count(app, CommentReading) == 0
    assert count(app, Answer) == 3  # yes, 4 and family: the other response's
    assert kpi_counts(app) == [(1, 1)]  # the KPI counts drop with it
    (event,) = events(app)
    assert event.action == "withdrew" and event.subject == f"survey:{SLUG}"
    assert event.staff_id is not None and "fine" not in str(event.detail)


def submit_confirm(client, check_response):
    """Press "Delete this response" on a check page already fetched."""
    form = page(check_response).select_one("main form")
    fields = {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}
    return client.post(form["action"], data=fields)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the withdrawal code."),
        (
            "K7QP-M2X",
            "A withdrawal code has 8 letters and numbers, like K7QP-M2XD. Check the code.",
        ),
        ("K7QP-M2XDA", "A withdrawal code has 8 letters and numbers, like K7QP-M2XD."),
        ("K0QP-M2XD", "A withdrawal code has 8 letters and numbers"),  # 0 is never used
        ("'; DROP TABLE response; --", "A withdrawal code has 8 letters and numbers"),
        ("K7QP-M2XD", "No response has this code."),
    ],
)
def test_a_wrong_or_malformed_code_says_why_and_deletes_nothing(
    app, client, sign_in, survey, typed, message
):
    send(client)
    officer = sign_in(Role.OFFICER)
    refused = submit(officer, "/manage/withdraw", {"code": typed})
    assert refused.status_code == 400 and error_messages(refused)[0].startswith(message)
    # Straight to the confirm step, past the check: still refused.
    token = page(officer.get("/manage/withdraw")).select_one("input[name=csrf_token]")["value"]
    refused = officer.post("/manage/withdraw/confirm", data={"code": typed, "csrf_token": token})
    assert refused.status_code == 400 and error_messages(refused)[0].startswith(message)
    assert count(app, Response) == 1 and kpi_counts(app) == [(1, 1)] and events(app) == []


def test_a_code_used_once_finds_nothing_the_second_time(app, client, sign_in, survey):
    code = send(client)
    officer = sign_in(Role.OFFICER)
    check = submit(officer, "/manage/withdraw", {"code": code})
    assert submit_confirm(officer, check).status_code == 302
    again = submit_confirm(officer, check)  # the same confirm form sent again
    assert again.status_code == 400
    assert error_messages(again)[0].startswith("No response has this code.")
    assert len(events(app)) == 1


def test_a_confirm_without_its_csrf_token_deletes_nothing(app, client, sign_in, survey):
    code = send(client)
    officer = sign_in(Role.OFFICER)
    assert officer.post("/manage/withdraw/confirm", data={"code": code}).status_code == 400
    assert count(app, Response) == 1


def test_a_response_with_an_open_safeguarding_alert_waits_for_the_lead(
    app, client, sign_in, survey
):
    code = send(client, RISK)
    officer = sign_in(Role.OFFICER)
    refused = submit(officer, "/manage/withdraw", {"code": code})
    assert refused.status_code == 400
    assert "safeguarding alert that is still open" in error_messages(refused)[0]
    assert count(app, Response) == 1 and count(app, SafeguardingAlert) == 1
    # The lead decides; then the response, its reading and its closed alert can go.
    with Session(app.extensions["engine"]) as session:
        alert = session.exec(select(SafeguardingAlert)).one()
        alert.state = AlertState.NO_CONCERN
        session.add(alert)
        session.commit()
        alert_id = alert.id
    check = submit(officer, "/manage/withdraw", {"code": code})
    assert submit_confirm(officer, check).status_code == 302
    assert count(app, Response) == 0 and count(app, SafeguardingAlert) == 0
    (event,) = events(app)
    assert event.detail["alerts"] == [alert_id]  # the trail says where alert:N went


def test_the_board_cannot_withdraw_responses(client, sign_in, survey):
    board = sign_in(Role.BOARD, "board@example.org")
    assert board.get("/manage/withdraw").status_code == 403
    token = page(board.get("/board/")).select_one("input[name=csrf_token]")["value"]
    data = {"code": "K7QP-M2XD", "csrf_token": token}
    assert board.post("/manage/withdraw/confirm", data=data).status_code == 403


def test_signed_out_people_are_sent_to_sign_in(client, survey):
    response = client.get("/manage/withdraw")
    assert response.status_code == 302 and "/manage/sign-in" in response.location


def test_the_privacy_page_says_how_to_use_the_code(client):
    shown = text(client.get("/privacy"))
    assert "we show you a withdrawal code" in shown and "contact us and give us the code" in shown
