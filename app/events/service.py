"""What the event pages and commands need: create an event, list them, count responses."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, func, select

from app.definitions import definition_of
from app.definitions.loader import surveys_with_newest_version
from app.models import Event, Response, SurveyState


@dataclass(frozen=True)
class EventRow:
    event: Event
    responses: int


def open_surveys(*, session: Session) -> list[tuple[str, str]]:
    """Return (slug, title) for every open survey, the ones an event can offer."""
    rows = surveys_with_newest_version(session=session, state=SurveyState.OPEN)
    return [(survey.slug, definition_of(version).title) for survey, version in rows]


def offered(event: Event, *, session: Session) -> list[tuple[str, str]]:
    """Return (slug, title) for the event's surveys that this server has, in the event's order."""
    titles = dict(open_surveys(session=session))
    return [(slug, titles[slug]) for slug in event.surveys if slug in titles]


def unknown_surveys(slugs: list[str], *, session: Session) -> list[str]:
    """Return the slugs that name no open survey here."""
    known = dict(open_surveys(session=session))
    return [slug for slug in slugs if slug not in known]


def create_event(
    name: str,
    held_on: date,
    surveys: list[str],
    *,
    group: str = "",
    facilitator: str = "",
    session: Session,
) -> Event:
    """Add an event offering these surveys (flush only); the caller has checked the slugs."""
    event = Event(
        name=name,
        held_on=held_on,
        surveys=list(dict.fromkeys(surveys)),
        group_name=group,
        facilitator=facilitator,
    )
    session.add(event)
    session.flush()
    return event


def event_rows(*, session: Session) -> list[EventRow]:
    """List every event, newest first, with its number of responses, in two queries."""
    counts = dict(
        session.exec(
            select(Response.event_id, func.count(Response.id))
            .where(Response.event_id.is_not(None))
            .group_by(Response.event_id)
        ).all()
    )
    events = session.exec(select(Event).order_by(Event.held_on.desc(), Event.id.desc())).all()
    return [EventRow(event, counts.get(event.id, 0)) for event in events]


def response_count(event_id: int, *, session: Session) -> int:
    """Return how many responses belong to an event, in every mode."""
    return session.exec(select(func.count(Response.id)).where(Response.event_id == event_id)).one()
