"""Read each free-text answer of a stored response, keep the reading, raise alerts at once."""

from collections.abc import Mapping, Sequence
from dataclasses import asdict

from sqlmodel import Session, select

from app.analysis.text import Reading, read_comment
from app.audit import record
from app.definitions.schema import DONT_KNOW, PREFER_NOT, Kind, SurveyDef
from app.models import AlertState, Answer, CommentReading, SafeguardingAlert


def free_text(definition: SurveyDef, rows: Sequence[Answer]) -> list[Answer]:
    """Return the answer rows that are free text a person wrote (not "I'd rather not say")."""
    keys = {q.key for q in definition.questions if q.type == Kind.TEXT}
    special = (DONT_KNOW, PREFER_NOT)
    return [row for row in rows if row.question_key in keys and row.value not in special]


def reading_row(answer: Answer, reading: Reading) -> CommentReading:
    """Return the stored form of a reading of one answer."""
    sentiment = reading.sentiment
    return CommentReading(
        answer_id=answer.id,
        response_id=answer.response_id,
        question_key=answer.question_key,
        english=reading.english,
        sentiment=sentiment.label if sentiment else None,
        score=sentiment.score if sentiment else None,
        phrases=list(sentiment.phrases) if sentiment else [],
        themes=list(reading.themes),
        risks=[asdict(risk) for risk in reading.risks],
        needs_reader=reading.needs_reader,
        redactions=[asdict(r) for r in reading.redactions],
        withheld=bool(reading.risks) or reading.needs_reader,
    )


def alert_for(row: CommentReading) -> SafeguardingAlert | None:
    """Return the alert a reading raises: a risk, or text no one could check; else None."""
    if row.risks:
        return SafeguardingAlert(reading_id=row.id, kind="risk", reasons=row.risks)
    if row.needs_reader:
        return SafeguardingAlert(reading_id=row.id, kind="not_checked", reasons=[])
    return None


def read_answers(
    definition: SurveyDef,
    rows: Sequence[Answer],
    *,
    themes: Mapping[str, Sequence[str]],
    session: Session,
) -> int:
    """Store a reading of each free-text answer and any alerts (flush only); count the alerts."""
    readings = [
        reading_row(answer, read_comment(answer.value, themes=themes))
        for answer in free_text(definition, rows)
    ]
    if not readings:
        return 0
    session.add_all(readings)
    session.flush()  # the readings' ids, which their alerts point to
    alerts = [alert for alert in map(alert_for, readings) if alert is not None]
    if alerts:
        session.add_all(alerts)
        session.flush()
    return len(alerts)


def raise_again(
    reading: CommentReading, kind: str, reasons: list, *, session: Session
) -> SafeguardingAlert:
    """Put a comment (back) in the queue as new: one alert per comment, reopened if closed."""
    reading.withheld = True
    session.add(reading)
    alert = session.exec(
        select(SafeguardingAlert).where(SafeguardingAlert.reading_id == reading.id)
    ).first() or SafeguardingAlert(reading_id=reading.id, kind=kind)
    alert.kind, alert.reasons, alert.state = kind, reasons, AlertState.NEW
    session.add(alert)
    session.flush()
    return alert


def escalate(reading: CommentReading, *, staff_id: int, session: Session) -> SafeguardingAlert:
    """Send a comment a person judged worrying to the safeguarding queue (flush only)."""
    alert = raise_again(reading, "staff", [], session=session)
    record("escalated", f"alert:{alert.id}", staff_id=staff_id, session=session)
    return alert
