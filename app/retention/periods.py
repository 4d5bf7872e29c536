"""How long a survey's responses are kept, and the moment before which they are due to go."""

import calendar
from datetime import datetime

from sqlmodel import Session, func, select

from app.audit import record
from app.definitions.schema import LONGEST_RETENTION
from app.models import Survey

# What the privacy page has promised since the first release: answers kept for 3 years.
DEFAULT_MONTHS = 36
LONGEST_MONTHS = LONGEST_RETENTION


def retention_of(survey: Survey) -> int:
    """Return a survey's retention period in months."""
    return survey.retention_months or DEFAULT_MONTHS


def months_before(at: datetime, months: int) -> datetime:
    """Return the same moment a number of calendar months earlier (31 March - 1 = 28/29 Feb)."""
    month_index = at.year * 12 + at.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(at.day, calendar.monthrange(year, month + 1)[1])
    return at.replace(year=year, month=month + 1, day=day)


def cutoff(survey: Survey, now: datetime) -> datetime:
    """Return the time before which this survey's responses are past their retention."""
    return months_before(now, retention_of(survey))


def longest_retention(*, session: Session) -> int:
    """Return the longest period any survey keeps answers: what the privacy page promises."""
    months = func.coalesce(Survey.retention_months, DEFAULT_MONTHS)
    return session.exec(select(func.max(months))).one() or DEFAULT_MONTHS


def set_retention(survey: Survey, months: int, *, staff_id: int, session: Session) -> None:
    """Change how long a survey's responses are kept, and record who did (flush only)."""
    before = retention_of(survey)
    survey.retention_months = months
    session.add(survey)
    session.flush()
    record(
        "changed",
        f"survey:{survey.slug}",
        staff_id=staff_id,
        session=session,
        retention_months=[before, months],
    )
