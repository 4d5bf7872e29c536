"""Gather one event's responses, with their answers, as the plain values a bundle carries."""

import uuid
from collections import defaultdict

from sqlmodel import Session, select

from app.definitions import definition_of
from app.definitions.schema import Kind
from app.models import Answer, Event, Response, Survey, SurveyVersion


def event_part(event: Event) -> dict:
    """Return what the central server needs to make the same event."""
    return {
        "uid": str(event.uid),
        "name": event.name,
        "held_on": event.held_on.isoformat(),
        "group": event.group_name,
        "facilitator": event.facilitator,
        "surveys": list(event.surveys),
    }


def event_responses(event: Event, *, session: Session) -> list[dict]:
    """Return every response given at an event, oldest first, answers as they were given."""
    rows = session.exec(
        select(Response, Survey.slug)
        .join(SurveyVersion, SurveyVersion.id == Response.survey_version_id)
        .join(Survey, Survey.id == SurveyVersion.survey_id)
        .where(Response.event_id == event.id)
        .order_by(Response.submitted_at, Response.id)
    ).all()
    # Each version once: its definition is large, and an event has one or two.
    ids = {response.survey_version_id for response, _slug in rows}
    versions = {
        v.id: v for v in session.exec(select(SurveyVersion).where(SurveyVersion.id.in_(ids)))
    }
    values = _answer_values(event, session=session)
    return [
        {
            "id": str(response.id),
            "survey": slug,
            "version": versions[response.survey_version_id].number,
            "hash": versions[response.survey_version_id].content_hash,
            "language": response.language,
            "mode": response.mode,
            "easy_read": response.easy_read,
            "answered_at": response.submitted_at.isoformat(),
            "answers": _answers(versions[response.survey_version_id], values[response.id]),
        }
        for response, slug in rows
    ]


def _answer_values(event: Event, *, session: Session) -> dict[uuid.UUID, dict[str, list]]:
    # One query for every answer of the event, in the order they were stored.
    found: dict[uuid.UUID, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    rows = session.exec(
        select(Answer.response_id, Answer.question_key, Answer.value)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.event_id == event.id)
        .order_by(Answer.id)
    )
    for response_id, key, value in rows:
        found[response_id][key].append(value)
    return found


def _answers(version: SurveyVersion, values: dict[str, list]) -> dict:
    # A multiple-choice answer is a list even with one choice; every other answer is text.
    multiple = {q.key for q in definition_of(version).questions if q.type == Kind.MULTIPLE}
    return {key: items if key in multiple else items[0] for key, items in values.items()}
