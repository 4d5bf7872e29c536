"""`flask data purge`: delete responses past their survey's retention, and expired drafts.

KPI month counts are kept: the board's trend over years is an aggregate no one can be
found in. The survey remembers the cutoff (`Survey.purged_before`), so a later recount
leaves the months whose answers are gone as they were counted (kpis/counts.py).
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, select
from sqlmodel import Session

from app.audit import record
from app.models import Draft, Response, Survey, SurveyVersion
from app.retention.erase import BULK, Erased, erase, tally, with_open_alert
from app.retention.periods import cutoff, retention_of


@dataclass(frozen=True)
class SurveyPurge:
    slug: str
    months: int
    before: datetime  # responses sent before this are past their retention
    responses: int  # deleted (or, on a dry run, would be)
    held: int  # past their retention but kept: a safeguarding alert is still open


@dataclass
class PurgeReport:
    surveys: list[SurveyPurge] = field(default_factory=list)
    erased: Erased = field(default_factory=Erased)
    drafts: int = 0

    @property
    def held(self) -> int:
        return sum(survey.held for survey in self.surveys)


def _past(survey: Survey, before: datetime) -> ColumnElement:
    versions = select(SurveyVersion.id).where(SurveyVersion.survey_id == survey.id)
    return Response.survey_version_id.in_(versions) & (Response.submitted_at < before)


def _count(condition: ColumnElement, *, session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Response).where(condition))


def _purge_survey(survey: Survey, now: datetime, *, dry_run: bool, session: Session):
    before = cutoff(survey, now)
    past = _past(survey, before)
    held = _count(past & Response.id.in_(with_open_alert()), session=session)
    due = select(Response.id).where(past, Response.id.not_in(with_open_alert()))
    erased = tally(due, session=session) if dry_run else erase(due, session=session)
    # The latest cutoff wins: a period made longer later does not bring months back.
    later = survey.purged_before is None or survey.purged_before < before
    if erased.responses and not dry_run and later:
        survey.purged_before = before
        session.add(survey)
    summary = SurveyPurge(survey.slug, retention_of(survey), before, erased.responses, held)
    return summary, erased


def _drafts(now: datetime, hours: int, *, dry_run: bool, session: Session) -> int:
    expired = Draft.updated_at < now - timedelta(hours=hours)
    count = session.scalar(select(func.count()).select_from(Draft).where(expired))
    if count and not dry_run:
        session.execute(delete(Draft).where(expired), execution_options=BULK)
    return count


def purge(now: datetime, *, draft_hours: int, dry_run: bool, session: Session) -> PurgeReport:
    """Delete (or, on a dry run, count) what is past its time; record it (flush only)."""
    report = PurgeReport()
    for survey in session.scalars(select(Survey).order_by(Survey.slug)).all():
        summary, erased = _purge_survey(survey, now, dry_run=dry_run, session=session)
        report.surveys.append(summary)
        report.erased += erased
    report.drafts = _drafts(now, draft_hours, dry_run=dry_run, session=session)
    if not dry_run and (report.erased.responses or report.drafts):
        record(
            "purged",
            "retention",
            staff_id=None,
            session=session,
            responses={s.slug: s.responses for s in report.surveys if s.responses},
            drafts=report.drafts,
            alerts=report.erased.alerts,
        )
    session.flush()
    return report
