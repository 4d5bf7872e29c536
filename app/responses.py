"""Store a whole response once: the same UUID again is a no-op, different content a conflict."""

import hashlib
import json
import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.comments.store import read_answers
from app.comments.themes import theme_map
from app.db import begin_writing
from app.definitions import definition_of
from app.definitions.routing import Answers, answer_problems, relevant_answers
from app.inputs import clean_text
from app.kpis.counts import count_response
from app.models import Answer, Response, SurveyVersion, hour_of, utcnow


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


def answer_rows(response_id: uuid.UUID, answers: Answers) -> list[Answer]:
    """Turn answers into rows: one per value, so a tally is a GROUP BY."""
    return [
        Answer(response_id=response_id, question_key=key, value=item)
        for key, items in answer_values(answers).items()
        for item in items
    ]


def store_response(
    *,
    response_id: uuid.UUID,
    version: SurveyVersion,
    answers: Answers,
    language: str,
    mode: str,
    easy_read: bool = False,
    session: Session,
) -> StoreResult:
    """Check and store one whole response in the caller's transaction (flush only)."""
    existing = session.get(Response, response_id)
    definition = definition_of(version)
    answers = cleaned(answers)
    problems = answer_problems(definition, answers)
    # Answers to questions an earlier answer routed away from are dropped, not stored.
    answers = relevant_answers(definition, answers)
    digest = content_hash(version.id, answers)
    if existing is not None:
        same = existing.content_hash == digest
        return StoreResult(Outcome.DUPLICATE if same else Outcome.CONFLICT, response_id)
    if not version.accepting:
        return StoreResult(Outcome.REFUSED, response_id, ("this version no longer takes answers",))
    if problems:
        return StoreResult(Outcome.REFUSED, response_id, tuple(problems))
    response = Response(
        id=response_id,
        survey_version_id=version.id,
        language=language,
        mode=mode,
        easy_read=easy_read,
        submitted_at=hour_of(utcnow()),
        content_hash=digest,
    )
    begin_writing(session)
    try:
        # A savepoint: if a twin request stored this UUID a moment ago, only this part undoes.
        with session.begin_nested():
            session.add(response)
            session.flush()
            rows = answer_rows(response_id, answers)
            session.add_all(rows)
            session.flush()
            # Read every comment as it arrives, so a risk to a child is queued at once.
            alerts = read_answers(
                definition, rows, themes=theme_map(session=session), session=session
            )
            # In the savepoint: a response undone here is undone from the KPI counts too.
            values = answer_values(answers)
            count_response(version.survey_id, values, response.submitted_at, session=session)
    except IntegrityError:
        twin = session.get(Response, response_id)
        same = twin is not None and twin.content_hash == digest
        return StoreResult(Outcome.DUPLICATE if same else Outcome.CONFLICT, response_id)
    return StoreResult(Outcome.STORED, response_id, alerts=alerts)
