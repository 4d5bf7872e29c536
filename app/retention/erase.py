"""Delete responses with everything made from them: answers, comment readings, alerts.

Both the purge and a withdrawal come through here, so nothing derived from a child's words
outlives the words. A response with a safeguarding alert still open (new or seen, not yet
decided) is never deleted: the lead decides it first. The audit trail keeps its rows (they
hold no answer text); the caller records which alerts went, so "alert:12" there still
explains itself.
"""

from dataclasses import dataclass, field

from sqlalchemy import Select, delete, func, select
from sqlmodel import Session

from app.models import AlertState, Answer, CommentReading, Response, SafeguardingAlert

OPEN_ALERTS = (AlertState.NEW, AlertState.SEEN)
# Bulk deletes by subquery: nothing in the session needs to follow them.
BULK = {"synchronize_session": False}


@dataclass
class Erased:
    """How much went (or would go)."""

    responses: int = 0
    answers: int = 0
    readings: int = 0
    alerts: list[int] = field(default_factory=list)  # ids, for the audit trail

    def __iadd__(self, other: "Erased") -> "Erased":
        self.responses += other.responses
        self.answers += other.answers
        self.readings += other.readings
        self.alerts += other.alerts
        return self


def with_open_alert() -> Select:
    """Return the ids of responses with a safeguarding alert not yet decided."""
    return (
        select(CommentReading.response_id)
        .join(SafeguardingAlert, SafeguardingAlert.reading_id == CommentReading.id)
        .where(SafeguardingAlert.state.in_(OPEN_ALERTS))
    )


def _readings(responses: Select) -> Select:
    return select(CommentReading.id).where(CommentReading.response_id.in_(responses))


def _count(query: Select, *, session: Session) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery()))


def tally(responses: Select, *, session: Session) -> Erased:
    """Count what erasing these responses (a select of Response.id) would delete."""
    return Erased(
        responses=_count(responses, session=session),
        answers=_count(select(Answer.id).where(Answer.response_id.in_(responses)), session=session),
        readings=_count(_readings(responses), session=session),
        alerts=list(
            session.scalars(
                select(SafeguardingAlert.id)
                .where(SafeguardingAlert.reading_id.in_(_readings(responses)))
                .order_by(SafeguardingAlert.id)
            )
        ),
    )


def erase(responses: Select, *, session: Session) -> Erased:
    """Delete these responses (a select of Response.id) and what was made from them (flush only).

    The select is run again by each statement, so it must not depend on what is deleted
    before the responses themselves: alerts, readings, answers.
    """
    erased = tally(responses, session=session)
    readings = _readings(responses)
    session.execute(
        delete(SafeguardingAlert).where(SafeguardingAlert.reading_id.in_(readings)),
        execution_options=BULK,
    )
    session.execute(
        delete(CommentReading).where(CommentReading.response_id.in_(responses)),
        execution_options=BULK,
    )
    session.execute(delete(Answer).where(Answer.response_id.in_(responses)), execution_options=BULK)
    session.execute(delete(Response).where(Response.id.in_(responses)), execution_options=BULK)
    session.flush()
    return erased
