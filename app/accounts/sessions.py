"""Staff sign-in sessions, kept on the server so that signing out really ends them.

The browser's (signed) cookie holds only a random token; the database holds its hash, when
it started, when it was last used and whether it has ended. Respondents never sign in, so
their cookie never has a token and nothing here touches their pages.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import Engine, update
from sqlmodel import Session, select

from app.models import StaffSession, StaffUser

# Last use is written at most once a minute, so a busy page is not a write per request.
TOUCH_EVERY = timedelta(minutes=1)


def digest(token: str) -> str:
    """Return the stored form of a token: a stolen table holds no usable cookie."""
    return hashlib.sha256(token.encode()).hexdigest()


def start(staff_id: int, now: datetime, *, session: Session) -> str:
    """Start a session for a staff member; return the token for their cookie."""
    token = secrets.token_urlsafe(32)
    session.add(
        StaffSession(token_hash=digest(token), staff_id=staff_id, created_at=now, last_seen_at=now)
    )
    session.flush()
    return token


def current(
    token: str, now: datetime, *, idle: timedelta, longest: timedelta, session: Session
) -> tuple[StaffSession, StaffUser] | None:
    """Return the live session and its (active) user for a token, or None."""
    found = session.exec(
        select(StaffSession, StaffUser)
        .join(StaffUser, StaffUser.id == StaffSession.staff_id)
        .where(StaffSession.token_hash == digest(token), StaffSession.ended_at.is_(None))
    ).first()
    if found is None:
        return None
    staff_session, user = found
    expired = now - staff_session.last_seen_at > idle or now - staff_session.created_at > longest
    return None if expired or not user.active else found


def touch(engine: Engine, staff_session: StaffSession, now: datetime) -> None:
    """Note that a session was used, in its own short transaction (pages may not commit)."""
    if now - staff_session.last_seen_at < TOUCH_EVERY:
        return
    with engine.begin() as connection:
        connection.execute(
            update(StaffSession).where(StaffSession.id == staff_session.id).values(last_seen_at=now)
        )


def end_all(staff_id: int, now: datetime, *, keep: int | None = None, session: Session) -> None:
    """End every session of an account (but `keep`, the one in use, if given)."""
    query = update(StaffSession).where(
        StaffSession.staff_id == staff_id, StaffSession.ended_at.is_(None)
    )
    if keep is not None:
        query = query.where(StaffSession.id != keep)
    session.execute(query.values(ended_at=now))
