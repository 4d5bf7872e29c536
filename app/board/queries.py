"""The tallies' SQL: answers grouped by every dimension at once, so any breakdown is a roll-up."""

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlmodel import Session

from app.definitions import definition_of
from app.kpis.queries import london_month
from app.models import Answer, Response, Survey, SurveyVersion

# Answers, answering responses and all responses, each grouped by every dimension at once
# (survey, month, language, mode).
DIMENSIONS = ("survey_id", "month", "language", "mode")


def _dimension_columns(dialect: str):
    return (
        SurveyVersion.survey_id,
        london_month(Response.submitted_at, dialect).label("month"),
        Response.language,
        Response.mode,
    )


def _scoped(query, survey_ids: Sequence[int] | None):
    query = query.join(SurveyVersion, SurveyVersion.id == Response.survey_version_id)
    return query if survey_ids is None else query.where(SurveyVersion.survey_id.in_(survey_ids))


def tally_rows(survey_ids: Sequence[int] | None, *, session: Session) -> dict[str, list[tuple]]:
    """Return the three grouped counts the tallies are built from, in three queries."""
    dialect = session.get_bind().dialect.name
    dims = _dimension_columns(dialect)
    answers = _scoped(
        select(*dims, Answer.question_key, Answer.value, func.count())
        .select_from(Answer)
        .join(Response, Response.id == Answer.response_id),
        survey_ids,
    ).group_by(*dims, Answer.question_key, Answer.value)
    answered = _scoped(
        select(*dims, Answer.question_key, func.count(func.distinct(Answer.response_id)))
        .select_from(Answer)
        .join(Response, Response.id == Answer.response_id),
        survey_ids,
    ).group_by(*dims, Answer.question_key)
    responses = _scoped(select(*dims, func.count()).select_from(Response), survey_ids).group_by(
        *dims
    )
    return {
        "answers": [tuple(r) for r in session.execute(answers)],
        "answered": [tuple(r) for r in session.execute(answered)],
        "responses": [tuple(r) for r in session.execute(responses)],
    }


def surveys_with_versions(*, session: Session) -> dict[int, tuple[Survey, list[SurveyVersion]]]:
    """Return every survey with its versions, newest first, in one query."""
    found: dict[int, tuple[Survey, list[SurveyVersion]]] = {}
    versions: dict[int, list[SurveyVersion]] = defaultdict(list)
    rows = session.exec(
        select(Survey, SurveyVersion)
        .join(SurveyVersion, SurveyVersion.survey_id == Survey.id)
        .order_by(Survey.slug, SurveyVersion.number.desc())
    ).all()
    for survey, version in rows:
        versions[survey.id].append(version)
        found.setdefault(survey.id, (survey, versions[survey.id]))
    return found


def survey_title(survey_id: int, *, session: Session) -> str:
    """Return a survey's title as its newest version gives it: what people call it."""
    newest = session.exec(
        select(SurveyVersion)
        .where(SurveyVersion.survey_id == survey_id)
        .order_by(SurveyVersion.number.desc())
        .limit(1)
    ).first()
    return definition_of(newest[0]).title
