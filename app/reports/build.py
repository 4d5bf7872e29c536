"""Build a report's content: every figure made safe to publish, only approved quotes, the actions.

The content is plain JSON, stored as it is published, so a published page never changes
when later answers arrive.
"""

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from app.analysis.disclosure import safe_share, safe_table
from app.comments.moderation import quote_text
from app.definitions import definition_of
from app.definitions.schema import Kind, SurveyDef
from app.kpis.readings import kpi_views
from app.models import (
    Action,
    Answer,
    CommentReading,
    QuoteState,
    Response,
    Survey,
    SurveyVersion,
)

COUNTED = (Kind.SINGLE, Kind.MULTIPLE, Kind.SCALE, Kind.YESNO)


def _versions(survey: Survey):
    return select(SurveyVersion.id).where(SurveyVersion.survey_id == survey.id)


def _count(number: int | None, threshold: int) -> int | None:
    """Return a count as it may be published: None below the threshold, 0 as it is."""
    return safe_table([number or 0], threshold).total


def question_tables(
    survey: Survey, definition: SurveyDef, threshold: int, *, session: Session
) -> list[dict]:
    """Return each counted question's answers with their counts, made safe, in one query."""
    rows = session.exec(
        select(Answer.question_key, Answer.value, func.count())
        .join(Response, Response.id == Answer.response_id)
        .where(Response.survey_version_id.in_(_versions(survey)))
        .group_by(Answer.question_key, Answer.value)
    ).all()
    counts: dict[str, dict[str, int]] = {}
    for key, value, n in rows:
        counts.setdefault(key, {})[value] = n
    tables = []
    for question in definition.questions:
        if question.type not in COUNTED:
            continue
        values = list(question.values())
        table = safe_table([counts.get(question.key, {}).get(v, 0) for v in values], threshold)
        rows = [
            {"value": v, "count": c.count, "share": c.share}
            for v, c in zip(values, table.cells, strict=True)
        ]
        # Words come from the version's definition when shown, so they can be translated.
        tables.append({"key": question.key, "total": table.total, "rows": rows})
    return tables


def kpi_headlines(survey: Survey, on: date, threshold: int, *, session: Session) -> list[dict]:
    """Return each KPI's value, as may be published, with its target and status."""
    found = []
    for view in kpi_views(session=session, on=on, survey_id=survey.id):
        reading = view.reading
        value = safe_share(reading.positive, reading.n, threshold)
        found.append(
            {
                "ref": view.row.kpi.ref,
                "statement": view.row.kpi.statement,
                "value": value,
                "n": _count(reading.n, threshold),
                "target": view.row.definition.target / 100,
                "status": reading.status.value if value is not None else None,
            }
        )
    return found


def _readings(survey: Survey, *, session: Session) -> list[tuple[CommentReading, str]]:
    return list(
        session.exec(
            select(CommentReading, Answer.value)
            .join(Answer, Answer.id == CommentReading.answer_id)
            .join(Response, Response.id == CommentReading.response_id)
            .where(Response.survey_version_id.in_(_versions(survey)))
            .where(CommentReading.withheld == False)  # noqa: E712  (SQL, not Python)
        ).all()
    )


def theme_counts(readings: list[tuple[CommentReading, str]], threshold: int) -> list[dict]:
    """Return each theme with how many comments raised it and how they felt, made safe."""
    tally: dict[str, dict[str, int]] = {}
    for reading, _text in readings:
        label = reading.corrected_sentiment or reading.sentiment
        for theme in reading.corrected_themes or reading.themes:
            feel = tally.setdefault(theme, {})
            feel[label or "not_read"] = feel.get(label or "not_read", 0) + 1
    found = []
    for theme, feel in sorted(tally.items(), key=lambda item: -sum(item[1].values())):
        total = _count(sum(feel.values()), threshold)
        if total:
            labels = ["positive", "mixed", "neutral", "negative"]
            table = safe_table([feel.get(label, 0) for label in labels], threshold)
            shown = {f: c.count for f, c in zip(labels, table.cells, strict=True)}
            counted = {f: n for f, n in shown.items() if n}
            found.append(
                {
                    "theme": theme,
                    "count": total,
                    "feelings": shown,
                    # Said only when the counts behind it may be shown.
                    "mostly": max(counted, key=counted.get) if counted else None,
                }
            )
    return found


def quotes(readings: list[tuple[CommentReading, str]]) -> list[str]:
    """Return approved quotes with the redactions staff kept applied."""
    return [
        quote_text(reading, text)
        for reading, text in readings
        if reading.quote == QuoteState.APPROVED
    ]


def action_list(survey: Survey, *, session: Session) -> list[dict]:
    """Return what was done, newest first, as the officer wrote it."""
    actions = session.exec(
        select(Action).where(Action.survey_id == survey.id).order_by(Action.created_at.desc())
    )
    return [
        {
            "what": a.what,
            "owner": a.owner,
            "state": a.state.value,
            "due_on": a.due_on.isoformat() if a.due_on else None,
            "done_on": a.done_on.isoformat() if a.done_on else None,
            "evidence_url": a.evidence_url,
            "themes": list(a.themes),
            "kpi_refs": list(a.kpi_refs),
        }
        for a in actions
    ]


def build_report(
    survey: Survey, version: SurveyVersion, on: date, *, threshold: int, session: Session
) -> dict:
    """Return everything a published report shows, every figure already made safe."""
    definition = definition_of(version)
    responses = session.exec(
        select(func.count())
        .select_from(Response)
        .where(Response.survey_version_id.in_(_versions(survey)))
    ).one()
    readings = _readings(survey, session=session)
    return {
        "slug": survey.slug,
        "version_id": version.id,
        "on": on.isoformat(),
        "responses": _count(responses, threshold),
        "kpis": kpi_headlines(survey, on, threshold, session=session),
        "questions": question_tables(survey, definition, threshold, session=session),
        "themes": theme_counts(readings, threshold),
        "quotes": quotes(readings),
        "actions": action_list(survey, session=session),
    }
