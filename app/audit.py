"""The audit trail: who viewed or changed something sensitive. Rows are only ever added."""

from sqlmodel import Session

from app.models import AuditEvent


def record(action: str, subject: str, *, staff_id: int | None, session: Session, **detail) -> None:
    """Add one event to the trail (flush only), e.g. record("viewed", "alert:3", ...)."""
    session.add(AuditEvent(action=action, subject=subject, staff_id=staff_id, detail=detail))
    session.flush()
