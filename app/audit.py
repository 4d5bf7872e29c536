"""The audit trail: who viewed or changed something sensitive. Rows are only ever added.

A row names the action, what it was done to ("survey:post-14-review", "alert:3") and a few
facts about it. It never holds a comment's words or an answer: only ids, names staff gave
things (a theme, a KPI reference), field names and counts. `AuditEvent` refuses to be
updated or deleted through the app (`app/models/comments.py`).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func
from sqlmodel import Session, select

from app.clock import LONDON
from app.models import AuditEvent, StaffUser

# Every action the app records, with what the audit log page calls it.
ACTIONS = {
    "viewed": _l("Read a flagged comment"),
    "marked": _l("Decided on a safeguarding alert"),
    "escalated": _l("Sent a comment to the safeguarding lead"),
    "downloaded": _l("Downloaded a file"),
    "survey_opened": _l("Opened a survey"),
    "survey_closed": _l("Closed a survey"),
    "kpi_edited": _l("Edited a KPI"),
    "kpi_closed": _l("Closed a KPI"),
    "kpi_reopened": _l("Reopened a KPI"),
    "commentary_saved": _l("Wrote a KPI's commentary for the board"),
    "commentary_deleted": _l("Deleted a KPI's commentary for the board"),
    "report_published": _l("Published a report"),
    "theme_added": _l("Added a theme"),
    "theme_changed": _l("Changed a theme"),
    "theme_deleted": _l("Deleted a theme"),
    "themes_owned": _l("Made the default themes the partnership's own"),
    "comments_retagged": _l("Tagged the stored comments again"),
    "action_added": _l("Added a \u201cwe did\u201d action"),
    "action_changed": _l("Changed a \u201cwe did\u201d action"),
    "signed_in": _l("Signed in"),
    "sign_in_failed": _l("Failed to sign in"),
    "locked": _l("Sign-in locked after repeated failures"),
    "recovery_code_used": _l("Signed in with a recovery code"),
    "signed_out": _l("Signed out"),
    "invited": _l("Invited a member of staff"),
    "role_changed": _l("Changed a member of staff's role"),
    "disabled": _l("Switched an account off"),
    "enabled": _l("Switched an account on"),
    "reset": _l("Reset an account"),
    "password_changed": _l("Changed their password"),
    "two_step_on": _l("Set up two-step sign-in"),
    "two_step_off": _l("Turned off two-step sign-in"),
    "changed": _l("Changed a setting (privacy notice or retention)"),
    "purged": _l("Deleted responses past their retention period"),
    "withdrew": _l("Withdrew a response by its code"),
    "kiosk started": _l("Switched a device to kiosk mode"),
    "kiosk ended": _l("Kiosk mode ended with the PIN"),
}
PER_PAGE = 50


def record(action: str, subject: str, *, staff_id: int | None, session: Session, **detail) -> None:
    """Add one event to the trail (flush only), e.g. record("viewed", "alert:3", ...)."""
    session.add(AuditEvent(action=action, subject=subject, staff_id=staff_id, detail=detail))
    session.flush()


@dataclass(frozen=True)
class AuditFilter:
    staff_id: int | None = None
    action: str | None = None
    since: date | None = None  # London days, both ends included
    until: date | None = None


def _london_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=LONDON)


def _query(chosen: AuditFilter):
    query = select(AuditEvent, StaffUser.email).outerjoin(
        StaffUser, StaffUser.id == AuditEvent.staff_id
    )
    if chosen.staff_id is not None:
        query = query.where(AuditEvent.staff_id == chosen.staff_id)
    if chosen.action:
        query = query.where(AuditEvent.action == chosen.action)
    if chosen.since:
        query = query.where(AuditEvent.at >= _london_midnight(chosen.since))
    if chosen.until:
        query = query.where(AuditEvent.at < _london_midnight(chosen.until + timedelta(days=1)))
    return query


def count_events(chosen: AuditFilter, *, session: Session) -> int:
    """Return how many events the filter keeps."""
    return session.exec(select(func.count()).select_from(_query(chosen).subquery())).one()


def events_page(
    chosen: AuditFilter, page: int, *, session: Session, per_page: int = PER_PAGE
) -> list[tuple[AuditEvent, str | None]]:
    """Return one page of events (the first is 1), newest first, with each one's staff email."""
    ordered = _query(chosen).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    return list(session.exec(ordered.offset((page - 1) * per_page).limit(per_page)))


def pages_of(total: int, per_page: int = PER_PAGE) -> int:
    """Return how many pages hold this many events (at least one, if empty)."""
    return max(1, -(-total // per_page))


def all_events(chosen: AuditFilter, *, session: Session) -> Iterator[tuple[AuditEvent, str | None]]:
    """Yield every event the filter keeps, oldest first, for the CSV."""
    yield from session.exec(_query(chosen).order_by(AuditEvent.at, AuditEvent.id))


def staff_choices(*, session: Session) -> list[tuple[int, str]]:
    """Return every member of staff (id, email) to filter the trail by, by email."""
    return list(session.exec(select(StaffUser.id, StaffUser.email).order_by(StaffUser.email)))


def recorded_actions(*, session: Session) -> list[str]:
    """Return the actions to filter by: the known ones, then any others stored."""
    stored = session.exec(select(AuditEvent.action).distinct()).all()
    return list(ACTIONS) + sorted(a for a in stored if a not in ACTIONS)


def described(detail: dict) -> str:
    """Return an event's facts as one line, "key: value; ..." in a fixed order."""
    return "; ".join(f"{key}: {_shown(value)}" for key, value in sorted(detail.items()))


def _shown(value) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)
