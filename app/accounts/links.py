"""One-time links to choose a password: an invitation, or a reset by an administrator."""

import secrets
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from app.accounts.sessions import digest
from app.models import AccountLink, LinkPurpose, StaffUser


def make(
    user: StaffUser,
    purpose: LinkPurpose,
    now: datetime,
    *,
    hours: int,
    created_by: int | None,
    session: Session,
) -> str:
    """Make a new link for an account (older unused ones stop working); return its token."""
    session.execute(
        update(AccountLink)
        .where(AccountLink.staff_id == user.id, AccountLink.used_at.is_(None))
        .values(used_at=now)
    )
    token = secrets.token_urlsafe(32)
    session.add(
        AccountLink(
            token_hash=digest(token),
            staff_id=user.id,
            purpose=purpose,
            created_by=created_by,
            created_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    session.flush()
    return token


def find(token: str, now: datetime, *, session: Session) -> tuple[AccountLink, StaffUser] | None:
    """Return an unused, unexpired link and its (active) account, or None."""
    if not 20 <= len(token) <= 100:
        return None
    found = session.exec(
        select(AccountLink, StaffUser)
        .join(StaffUser, StaffUser.id == AccountLink.staff_id)
        .where(AccountLink.token_hash == digest(token), AccountLink.used_at.is_(None))
    ).first()
    if found is None or found[0].expires_at <= now or not found[1].active:
        return None
    return found
