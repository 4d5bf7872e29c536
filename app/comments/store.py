"""Read each free-text answer of a stored response, keep the reading, raise alerts at once."""

from collections.abc import Mapping, Sequence
from dataclasses import asdict

from sqlmodel import Session, select

from app.analysis.text import Reading, read_comment
from app.audit import record
from app.definitions.schema import DONT_KNOW, PREFER_NOT, Kind, SurveyDef
from app.models import AlertState, Answer, CommentReading, SafeguardingAlert


def read_rows(
    definition: SurveyDef, rows: Sequence[Mapping], *, themes: Mapping[str, Sequence[str]]
) -> list[Reading | None]:
    """Read each answer row that is free text a person wrote; None for the others.

    Pure: a response's comments are read before its write transaction begins, so the
    reading (the slow part of storing) never holds SQLite's one write lock.
    """
    keys = {q.key for q in definition.questions if q.type == Kind.TEXT}
    special = (DONT_KNOW, PREFER_NOT)
    return [
        read_comment(row["value"], themes=themes)
        if row["question_key"] in keys and row["value"] not in special
        else None
        for row in rows
    ]


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


def store_readings(
    answers: Sequence[Answer], readings: Sequence[Reading | None], *, session: Session
) -> int:
    """Store the readings of stored answers, and any alerts (flush only); count the alerts."""
    stored = [
        reading_row(answer, reading)
        for answer, reading in zip(answers, readings, strict=True)
        if reading is not None
    ]
    if not stored:
        return 0
    session.add_all(stored)
    session.flush()  # the readings' ids, which their alerts point to
    alerts = [alert for alert in map(alert_for, stored) if alert is not None]
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
