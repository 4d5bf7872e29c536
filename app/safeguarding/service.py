"""The queue's reading and writing: alerts with their comment, and the lead's decisions."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from app.audit import record
from app.models import (
    AlertState,
    Answer,
    CommentReading,
    Response,
    SafeguardingAlert,
    Survey,
    SurveyVersion,
    utcnow,
)


@dataclass(frozen=True)
class AlertRow:
    alert: SafeguardingAlert
    survey: str
    language: str
    question: str
    submitted_at: datetime


def _query():
    return (
        select(SafeguardingAlert, Survey.slug, Response.language, CommentReading.question_key)
        .add_columns(Response.submitted_at)
        .join(CommentReading, CommentReading.id == SafeguardingAlert.reading_id)
        .join(Response, Response.id == CommentReading.response_id)
        .join(SurveyVersion, SurveyVersion.id == Response.survey_version_id)
        .join(Survey, Survey.id == SurveyVersion.survey_id)
    )


def queue(*, session: Session) -> list[AlertRow]:
    """Return every alert, new ones first, then newest first, in one query."""
    new_first = SafeguardingAlert.state != AlertState.NEW
    rows = session.exec(_query().order_by(new_first, SafeguardingAlert.created_at.desc()))
    return [AlertRow(*row) for row in rows]


def one_alert(alert_id: int, *, session: Session) -> tuple[AlertRow, str] | None:
    """Return an alert and the comment it is about, or None."""
    row = session.exec(
        _query()
        .add_columns(Answer.value)
        .join(Answer, Answer.id == CommentReading.answer_id)
        .where(SafeguardingAlert.id == alert_id)
    ).first()
    return None if row is None else (AlertRow(*row[:5]), row[5])


def viewed(alert: SafeguardingAlert, *, staff_id: int, session: Session) -> None:
    """Record that a member of staff read the comment (the lead marks it seen on purpose)."""
    record("viewed", f"alert:{alert.id}", staff_id=staff_id, session=session)


def mark(alert: SafeguardingAlert, data: dict, *, staff_id: int, session: Session) -> None:
    """Store the lead's decision and record it in the audit trail (flush only)."""
    alert.state = AlertState(data["state"])
    alert.referred_to = data.get("referred_to") or None
    alert.reference = data.get("reference") or None
    alert.note = data.get("note") or None
    alert.updated_at, alert.updated_by = utcnow(), staff_id
    session.add(alert)
    # Text no one could read at first may be quoted once a reader finds no concern in it.
    if alert.kind == "not_checked" and alert.state == AlertState.NO_CONCERN:
        reading = session.get(CommentReading, alert.reading_id)
        reading.withheld = False
        session.add(reading)
    decision = {k: data.get(k) for k in ("state", "referred_to", "reference")}
    record("marked", f"alert:{alert.id}", staff_id=staff_id, session=session, **decision)
