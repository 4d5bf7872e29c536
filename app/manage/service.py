"""What the staff pages show: surveys with their state, version and response counts."""

from dataclasses import dataclass

from sqlmodel import Session, func, select

from app.definitions import definition_of
from app.definitions.loader import latest_version, surveys_with_newest_version
from app.models import Response, Survey, SurveyVersion


@dataclass(frozen=True)
class SurveyRow:
    survey: Survey
    title: str
    version: int
    responses: int


def survey_rows(*, session: Session) -> list[SurveyRow]:
    """List every survey with its newest version and all its responses, in two queries."""
    counts = dict(
        session.exec(
            select(SurveyVersion.survey_id, func.count(Response.id))
            .join(Response, Response.survey_version_id == SurveyVersion.id)
            .group_by(SurveyVersion.survey_id)
        ).all()
    )
    rows = surveys_with_newest_version(session=session)
    return [SurveyRow(s, definition_of(v).title, v.number, counts.get(s.id, 0)) for s, v in rows]


def survey_titled(slug: str, *, session: Session) -> tuple[Survey, str] | None:
    """Return a survey and its newest version's title, or None when there is no such survey."""
    survey = session.exec(select(Survey).where(Survey.slug == slug)).first()
    if survey is None:
        return None
    return survey, definition_of(latest_version(survey.id, session=session)).title
