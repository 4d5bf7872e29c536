"""Publish a report: a new numbered snapshot each time, never an edit of an old one."""

from datetime import date

from sqlmodel import Session, func, select

from app.audit import record
from app.definitions.loader import latest_version
from app.models import Report, Survey
from app.reports.build import build_report


def publish(
    survey: Survey, on: date, *, threshold: int, staff_id: int | None, session: Session
) -> Report:
    """Build the report from today's answers and store it as the next snapshot (flush only)."""
    version = latest_version(survey.id, session=session)
    number = session.exec(
        select(func.max(Report.number)).where(Report.survey_id == survey.id)
    ).one()
    report = Report(
        survey_id=survey.id,
        number=(number or 0) + 1,
        published_by=staff_id,
        content=build_report(survey, version, on, threshold=threshold, session=session),
    )
    session.add(report)
    session.flush()
    record(
        "report_published",
        f"report:{report.id}",
        staff_id=staff_id,
        session=session,
        survey=survey.slug,
        number=report.number,
    )
    return report


def published(*, session: Session) -> list[tuple[Survey, Report]]:
    """Return every published report with its survey, newest first."""
    return list(
        session.exec(
            select(Survey, Report)
            .join(Report, Report.survey_id == Survey.id)
            .order_by(Report.published_at.desc())
        ).all()
    )
