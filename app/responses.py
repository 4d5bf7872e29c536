"""Store a whole response once: the same UUID again is a no-op, different content a conflict."""

import hashlib
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.comments.store import read_rows, store_readings
from app.comments.themes import theme_map
from app.db import begin_writing
from app.definitions import definition_of
from app.definitions.routing import Answers, answer_problems, relevant_answers
from app.definitions.schema import Kind
from app.inputs import clean_text
from app.kpis.counts import count_response
from app.models import Answer, Response, hour_of, utcnow


class Version(Protocol):
    """What storing a response reads of its survey version: a SurveyVersion, or the plain
    columns a send reads (respond/drafts.py), once its definition is parsed."""

    id: int
    survey_id: int
    content_hash: str
    accepting: bool


class Outcome(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"  # the same response arrived again: nothing new stored
    CONFLICT = "conflict"  # the same UUID with other content: reported, never merged
    REFUSED = "refused"  # the version no longer takes answers, or the answers are invalid


@dataclass(frozen=True)
class StoreResult:
    outcome: Outcome
    response_id: uuid.UUID
    problems: tuple[str, ...] = ()
    alerts: int = 0  # safeguarding alerts raised: the caller sends the email after commit


def content_hash(version_id: int, answers: Answers) -> str:
    """Hash what a response says, so a repeat can be told from a conflicting one."""
    text = json.dumps({"version": version_id, "answers": answers}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def answer_values(answers: Answers) -> dict[str, list[str]]:
    """Return each answered question's values: one per answer row (multiple choice: several)."""
    found = {}
    for key, value in answers.items():
        listed = value if isinstance(value, list) else [value]
        items = [item for item in listed if item is not None]
        if items:
            found[key] = items
    return found


def _clean(value):
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return clean_text(value) if isinstance(value, str) else value


def cleaned(answers: Answers) -> Answers:
    """Remove control characters from every answer, from a form or any other source."""
    # The form already cleans typed text; this keeps NUL from PostgreSQL whatever sends it.
    return {key: _clean(value) for key, value in answers.items()}


def answer_rows(response_id: uuid.UUID, answers: Answers) -> list[dict]:
    """Turn answers into rows: one per value, so a tally is a GROUP BY."""
    return [
        {"response_id": response_id, "question_key": key, "value": item}
        for key, items in answer_values(answers).items()
        for item in items
    ]


# Sending writes through Core statements built once: ORM objects, each flushed with its own
# INSERT and a new select() on every send, were most of what storing a response cost.
_RESPONSE = Response.__table__
_ANSWER = Answer.__table__
_STORED_HASH = select(_RESPONSE.c.content_hash).where(_RESPONSE.c.id == bindparam("id"))
_INSERT_RESPONSE = insert(_RESPONSE)
_INSERT_ANSWERS = insert(_ANSWER)
# Typed answers come back with their key and value, which say whose id is whose: SQLite
# does not promise RETURNING's order, and sort_by_parameter_order would send one INSERT a row.
_INSERT_TYPED = insert(_ANSWER).returning(_ANSWER.c.id, _ANSWER.c.question_key, _ANSWER.c.value)


def stored_hash(response_id: uuid.UUID, *, session: Session) -> str | None:
    """Return the content hash of the response stored under this UUID, or None if none is."""
    return session.connection().execute(_STORED_HASH, {"id": response_id}).scalar()


def insert_answers(rows: list[dict], typed: set[str], *, session: Session) -> list[dict]:
    """Store answer rows (flush only); return the typed ones with the ids their readings need.

    Chosen answers go in one statement without reading ids back (executemany, the quickest);
    only typed answers, which have readings, are read back.
    """
    connection = session.connection()
    chosen = [row for row in rows if row["question_key"] not in typed]
    if chosen:
        connection.execute(_INSERT_ANSWERS, chosen)
    written = [row for row in rows if row["question_key"] in typed]
    if not written:
        return []
    ids = defaultdict(list)
    for answer_id, key, value in connection.execute(_INSERT_TYPED, written):
        ids[key, value].append(answer_id)
    return [row | {"id": ids[row["question_key"], row["value"]].pop()} for row in written]


def _repeat(response_id: uuid.UUID, stored: str | None, digest: str) -> StoreResult:
    """Say what a UUID already stored means: the same response again, or a conflict."""
    same = stored == digest
    return StoreResult(Outcome.DUPLICATE if same else Outcome.CONFLICT, response_id)


def store_response(
    *,
    response_id: uuid.UUID,
    version: Version,
    answers: Answers,
    language: str,
    mode: str,
    easy_read: bool = False,
    withdrawal_hash: str | None = None,
    allow_replaced: bool = False,
    event_id: int | None = None,
    answered_at: datetime | None = None,
    session: Session,
) -> StoreResult:
    """Check and store one whole response in the caller's transaction (flush only).

    allow_replaced stores answers to a version a newer one has replaced: a paper form
    printed before the survey changed was answered while its version was the newest.
    `answered_at` is for a response answered elsewhere (a focus group's laptop): it keeps
    its own time, and a version that has stopped taking answers since then still takes it.
    """
    definition = definition_of(version)
    answers = cleaned(answers)
    problems = answer_problems(definition, answers)
    # Answers to questions an earlier answer routed away from are dropped, not stored.
    answers = relevant_answers(definition, answers)
    digest = content_hash(version.id, answers)
    stored = stored_hash(response_id, session=session)
    if stored is not None:
        return _repeat(response_id, stored, digest)
    if not version.accepting and not allow_replaced and answered_at is None:
        return StoreResult(Outcome.REFUSED, response_id, ("this version no longer takes answers",))
    if problems:
        return StoreResult(Outcome.REFUSED, response_id, tuple(problems))
    submitted_at = hour_of(answered_at or utcnow())
    response = dict(
        id=response_id,
        survey_version_id=version.id,
        language=language,
        mode=mode,
        event_id=event_id,
        easy_read=easy_read,
        submitted_at=submitted_at,
        content_hash=digest,
        withdrawal_hash=withdrawal_hash,
    )
    rows = answer_rows(response_id, answers)
    typed = {q.key for q in definition.questions if q.type == Kind.TEXT}
    # Every comment is read as it arrives, so a risk to a child is queued at once; read
    # before the write transaction, which on SQLite keeps every other send waiting.
    readings = read_rows(
        definition,
        [row for row in rows if row["question_key"] in typed],
        themes=theme_map(session=session),
    )
    begin_writing(session)
    try:
        # A savepoint: if a twin request stored this UUID a moment ago, only this part undoes.
        with session.begin_nested():
            session.connection().execute(_INSERT_RESPONSE, response)
            written = insert_answers(rows, typed, session=session)
            alerts = store_readings(written, readings, session=session)
            # In the savepoint: a response undone here is undone from the KPI counts too.
            values = answer_values(answers)
            count_response(version.survey_id, values, submitted_at, session=session)
    except IntegrityError:
        return _repeat(response_id, stored_hash(response_id, session=session), digest)
    return StoreResult(Outcome.STORED, response_id, alerts=alerts)
