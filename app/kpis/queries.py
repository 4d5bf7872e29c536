"""The SQL that counts a KPI: valid and positive responses per London month, one survey a query."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, literal, select
from sqlmodel import Session

from app.analysis.tally import EXCLUDED, NOT_POSITIVE, POSITIVE, ConditionSpec
from app.clock import LONDON
from app.models import Answer, Response, SurveyVersion


@dataclass(frozen=True)
class KpiSpec:
    kpi_id: int
    conditions: tuple[ConditionSpec, ...]


MonthCounts = dict[str, tuple[int, int]]  # "YYYY-MM" -> (valid, positive)


def london_month(column, dialect: str) -> ColumnElement:
    """Return SQL for the London calendar month ("YYYY-MM") of a UTC timestamp."""
    if dialect == "postgresql":
        return func.to_char(func.timezone(LONDON.key, column), "YYYY-MM")
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
    # Per answer row: EXCLUDED beats POSITIVE beats NOT_POSITIVE, so MAX over a response's
    # rows lets an excluded answer win, and leaves NULL when the question was not answered.
    asked = Answer.question_key == condition.question
    whens = []
    if condition.excluded:
        whens.append((and_(asked, Answer.value.in_(condition.excluded)), EXCLUDED))
    whens += [(and_(asked, Answer.value.in_(condition.positive)), POSITIVE), (asked, NOT_POSITIVE)]
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
    answered = (NOT_POSITIVE, POSITIVE)
    columns = []
    for kpi in kpis:
        states = [per_response.c[f"c{distinct.index(c)}"] for c in kpi.conditions]
        columns.append(func.sum(case((and_(*(s.in_(answered) for s in states)), 1), else_=0)))
        columns.append(func.sum(case((and_(*(s == POSITIVE for s in states)), 1), else_=0)))
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
