"""The sync key: made once on the central server, handed to laptops as HEARD_SYNC_KEY."""

import secrets

from flask import current_app
from sqlmodel import Session, select

from app.models import SyncKey


class NoKeyError(RuntimeError):
    """There is no key to sign or check a bundle with; the message says what to run."""


def stored_key(*, session: Session) -> str | None:
    """Return this server's sync key, if it has made one."""
    row = session.exec(select(SyncKey).order_by(SyncKey.id).limit(1)).first()
    return row.secret if row else None


def make_key(*, session: Session) -> str:
    """Return this server's sync key, making it the first time (flush only)."""
    key = stored_key(session=session)
    if key is None:
        key = secrets.token_urlsafe(32)
        session.add(SyncKey(secret=key))
        session.flush()
    return key


def signing_key(*, session: Session) -> str:
    """Return the key a laptop signs with: HEARD_SYNC_KEY, else this server's own key."""
    key = current_app.config.get("SYNC_KEY") or stored_key(session=session)
    if not key:
        raise NoKeyError(
            "No sync key: set HEARD_SYNC_KEY to the key that `flask sync key` prints on the "
            "central server."
        )
    return key


def checking_key(*, session: Session) -> str:
    """Return the key this server checks bundles with: its own, else HEARD_SYNC_KEY."""
    key = stored_key(session=session) or current_app.config.get("SYNC_KEY")
    if not key:
        raise NoKeyError(
            "This server has no sync key yet, so it cannot check bundles: run "
            "`flask sync key` and give the key to the laptops."
        )
    return key
