"""Read each free-text answer of a stored response, keep the reading, raise alerts at once."""

from collections.abc import Mapping, Sequence
from dataclasses import asdict

from sqlalchemy import insert
from sqlmodel import Session, select

from app.analysis.text import Reading, read_comment
from app.audit import record
from app.definitions.schema import DONT_KNOW, PREFER_NOT, Kind, SurveyDef
from app.models import (
    AlertState,
    Answer,
    CommentReading,
    SafeguardingAlert,
    plain_defaults,
    utcnow,
)


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


def reading_values(reading: Reading) -> dict:
    """Return what is stored of a reading, apart from which answer it is of."""
    sentiment = reading.sentiment
    return dict(
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


def reading_row(answer: Answer, reading: Reading) -> CommentReading:
    """Return the stored form of a reading of one answer."""
    return CommentReading(
        answer_id=answer.id,
        response_id=answer.response_id,
        question_key=answer.question_key,
        **reading_values(reading),
    )


def alert_values(risks: list, needs_reader: bool) -> dict | None:
    """Return the alert a reading raises: a risk, or text no one could check; else None."""
    if risks:
        return dict(kind="risk", reasons=risks)
    if needs_reader:
        return dict(kind="not_checked", reasons=[])
    return None


def alert_for(row: CommentReading) -> SafeguardingAlert | None:
    """Return the alert a stored reading raises, or None."""
    found = alert_values(row.risks, row.needs_reader)
    return SafeguardingAlert(reading_id=row.id, **found) if found else None


# Sending stores readings and alerts with Core statements: building each as an ORM object
# and flushing it cost more than the INSERT. Core fills in none of the models' defaults, so
# the rows start from them (corrected_themes None is JSON null, as the ORM stores it).
_READING = CommentReading.__table__
_INSERT_READINGS = insert(_READING).returning(_READING.c.id, sort_by_parameter_order=True)
_INSERT_ALERTS = insert(SafeguardingAlert.__table__)
_READING_DEFAULTS = plain_defaults(CommentReading)
_ALERT_DEFAULTS = plain_defaults(SafeguardingAlert)


def store_readings(
    answers: Sequence[Mapping], readings: Sequence[Reading | None], *, session: Session
) -> int:
    """Store the readings of stored answer rows (with ids), and any alerts; count the alerts."""
    now = utcnow()
    rows = [
        _READING_DEFAULTS
        | reading_values(reading)
        | dict(
            answer_id=answer["id"],
            response_id=answer["response_id"],
            question_key=answer["question_key"],
            analysed_at=now,
        )
        for answer, reading in zip(answers, readings, strict=True)
        if reading is not None
    ]
    if not rows:
        return 0
    connection = session.connection()
    ids = connection.execute(_INSERT_READINGS, rows).scalars().all()  # the alerts point to them
    alerts = [
        _ALERT_DEFAULTS | found | dict(reading_id=reading_id, created_at=now)
        for reading_id, row in zip(ids, rows, strict=True)
        if (found := alert_values(row["risks"], row["needs_reader"]))
    ]
    if alerts:
        connection.execute(_INSERT_ALERTS, alerts)
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
