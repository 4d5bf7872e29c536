"""The board's SQL: every count is a GROUP BY in the database, one query per survey at most."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, literal, select
from sqlmodel import Session

from app.analysis.tally import ConditionSpec
from app.models import Answer, Response, Survey, SurveyVersion


@dataclass(frozen=True)
class KpiSpec:
    kpi_id: int
    conditions: tuple[ConditionSpec, ...]


MonthCounts = dict[str, tuple[int, int]]  # "YYYY-MM" -> (valid, positive)


def london_month(column, dialect: str) -> ColumnElement:
    """Return SQL for the Europe/London calendar month ("YYYY-MM") of a UTC timestamp."""
    if dialect == "postgresql":
        return func.to_char(func.timezone("Europe/London", column), "YYYY-MM")
    # SQLite has no time zones. A UTC instant falls in a different London month only in the
    # last hour of a month that ends in summer time, and British Summer Time always covers
    # the ends of March to September and never the ends of October to February (it starts
    # on the last Sunday in March and ends on the last Sunday in October, at 01:00 UTC).
    summer = func.substr(column, 6, 2).between("03", "09")
    shift = case((summer, literal("+1 hour")), else_=literal("+0 hours"))
    return func.strftime("%Y-%m", column, shift)


def _versions_of(survey_id: int):
    return select(SurveyVersion.id).where(SurveyVersion.survey_id == survey_id)


def _state(condition: ConditionSpec) -> ColumnElement:
    # Per answer row: 2 excluded, 1 positive, 0 answered; MAX over a response's rows then
    # lets an excluded answer win, and leaves NULL when the question was not answered.
    asked = Answer.question_key == condition.question
    whens = []
    if condition.excluded:
        whens.append((and_(asked, Answer.value.in_(condition.excluded)), 2))
    whens += [(and_(asked, Answer.value.in_(condition.positive)), 1), (asked, 0)]
    return func.max(case(*whens))


def _survey_kpi_query(survey_id: int, kpis: Sequence[KpiSpec], dialect: str):
    distinct = list(dict.fromkeys(c for kpi in kpis for c in kpi.conditions))
    # No filter on question_key: the plan then walks the survey's responses and reads each
    # one's answers from the (response_id, question_key, value) index, instead of reading
    # every survey's answers to keys that other surveys share ("age", "anything_else").
    per_response = (
        select(
            Response.submitted_at.label("at"),
            *(_state(c).label(f"c{i}") for i, c in enumerate(distinct)),
        )
        .select_from(Answer)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.survey_version_id.in_(_versions_of(survey_id)))
        .group_by(Response.id)
        .subquery()
    )
    columns = []
    for kpi in kpis:
        states = [per_response.c[f"c{distinct.index(c)}"] for c in kpi.conditions]
        columns.append(func.sum(case((and_(*(s.in_((0, 1)) for s in states)), 1), else_=0)))
        columns.append(func.sum(case((and_(*(s == 1 for s in states)), 1), else_=0)))
    month = london_month(per_response.c.at, dialect).label("month")
    return select(month, *columns).group_by(month)


def kpi_month_counts(
    survey_id: int, kpis: Sequence[KpiSpec], *, session: Session
) -> dict[KpiSpec, MonthCounts]:
    """Return one survey's valid and positive responses per London month for each KPI."""
    dialect = session.get_bind().dialect.name
    counts: dict[KpiSpec, MonthCounts] = {kpi: {} for kpi in kpis}
    if kpis:
        query = _survey_kpi_query(survey_id, kpis, dialect)
        for month, *sums in session.execute(query):
            for index, kpi in enumerate(kpis):
                counts[kpi][month] = (int(sums[2 * index]), int(sums[2 * index + 1]))
    return counts


# Tallies: answers, answering responses and all responses, each grouped by every
# dimension at once (survey, month, language, mode) so any breakdown is a roll-up.
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
