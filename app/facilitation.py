"""Facilitator mode, shared: find an event, and the event this server is serving, if any.

`flask facilitate --event ID` sets FACILITATE_EVENT_ID; while it is set, the home page offers
the event's surveys and every response sent through this server belongs to the event.
"""

import uuid

from flask import current_app
from sqlmodel import Session, select

from app.models import Event


def find_event(ref: str | int, *, session: Session) -> Event | None:
    """Return the event with this number (as `flask events create` prints) or UUID."""
    text = str(ref).strip()
    if text.isdigit():
        return session.get(Event, int(text))
    try:
        uid = uuid.UUID(text)
    except ValueError:
        return None
    return session.exec(select(Event).where(Event.uid == uid)).first()


def serving_event_id() -> int | None:
    """Return the id of the event this server is facilitating, or None online."""
    return current_app.config.get("FACILITATE_EVENT_ID")


def serving_event(*, session: Session) -> Event | None:
    """Return the event this server is facilitating, or None online."""
    event_id = serving_event_id()
    return session.get(Event, event_id) if event_id is not None else None
