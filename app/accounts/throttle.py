"""Failed sign-ins, counted in the database so every process and server sees the same counts.

Each failure counts against the account (a keyed hash of the email address typed, whether
or not it has an account) and against the client (a keyed hash of its address). After a
few free tries each further attempt must wait longer; after many the key is locked for a
while. A refused attempt is refused before any password is checked, so an attack costs
the server a database read, not a password hash.
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import case, delete, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from app.models import SignInThrottle


@dataclass(frozen=True)
class Rule:
    free: int  # failures before any wait
    lock_at: int  # failures that lock the key
    lock_for: timedelta
    longest_wait: timedelta


ACCOUNT = Rule(
    free=5, lock_at=30, lock_for=timedelta(minutes=15), longest_wait=timedelta(minutes=5)
)
# Higher: one school or council office can sit behind a single address.
CLIENT = Rule(
    free=20, lock_at=100, lock_for=timedelta(minutes=15), longest_wait=timedelta(minutes=5)
)
RULES = {"account": ACCOUNT, "client": CLIENT}
# A key with no failure for this long starts counting again from nothing.
FORGET_AFTER = timedelta(hours=24)


@dataclass(frozen=True)
class Keys:
    account: str
    client: str

    def pairs(self) -> list[tuple[str, str]]:
        return [("account", self.account), ("client", self.client)]


@dataclass(frozen=True)
class Refusal:
    kind: str  # "account" or "client"
    locked: bool  # locked, rather than asked to wait
    until: datetime


def keys(secret: str, email: str, client_address: str | None) -> Keys:
    """Return the stored keys for an email address and a client: keyed hashes, never raw."""
    return Keys(
        account=_keyed(secret, "account", email.strip().lower()),
        client=_keyed(secret, "client", client_address or "unknown"),
    )


def _keyed(secret: str, kind: str, value: str) -> str:
    # Keyed with the app's secret: a bare SHA-256 of an IPv4 address is undone by trying all 2^32.
    return hmac.new(secret.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def refusal(keys: Keys, now: datetime, *, session: Session) -> Refusal | None:
    """Say why an attempt is refused now (locked, or too soon), or None if it may go ahead."""
    rows = session.exec(
        select(SignInThrottle).where(
            or_(
                *(
                    (SignInThrottle.kind == kind) & (SignInThrottle.key == key)
                    for kind, key in keys.pairs()
                )
            )
        )
    ).all()
    found = []
    for row in rows:
        if row.locked_until and row.locked_until > now:
            found.append(Refusal(row.kind, True, row.locked_until))
        elif row.retry_at and row.retry_at > now:
            found.append(Refusal(row.kind, False, row.retry_at))
    # A lock outranks a wait, and the account outranks the client: say the most useful thing.
    found.sort(key=lambda r: (not r.locked, r.kind != "account"))
    return found[0] if found else None


def fail(keys: Keys, now: datetime, *, session: Session) -> dict[str, int]:
    """Count a failed attempt against both keys; return each key's failures so far."""
    counts = {}
    for kind, key in keys.pairs():
        failures = session.execute(
            _count(session.get_bind().dialect.name),
            {"kind": kind, "key": key, "failures": 1, "last_failure_at": now},
        ).scalar_one()
        retry_at, locked_until = _after(RULES[kind], failures, now)
        session.execute(
            update(SignInThrottle)
            .where(SignInThrottle.kind == kind, SignInThrottle.key == key)
            .values(retry_at=retry_at, locked_until=locked_until)
        )
        counts[kind] = failures
    return counts


@cache
def _count(dialect: str):
    # One atomic statement: two processes failing at once both count.
    table = SignInThrottle.__table__
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(table)
    stale = table.c.last_failure_at < insert.excluded.last_failure_at - FORGET_AFTER
    return insert.on_conflict_do_update(
        index_elements=["kind", "key"],
        set_={
            "failures": case((stale, 1), else_=table.c.failures + 1),
            "last_failure_at": insert.excluded.last_failure_at,
        },
    ).returning(table.c.failures)


def _after(rule: Rule, failures: int, now: datetime) -> tuple[datetime | None, datetime | None]:
    """Return (retry_at, locked_until) after this many failures."""
    if failures >= rule.lock_at:  # and every failure after, once a lock has run out
        return None, now + rule.lock_for
    if failures < rule.free:
        return None, None
    wait = min(timedelta(seconds=2 ** (failures - rule.free)), rule.longest_wait)
    return now + wait, None


def just_locked(kind: str, failures: int) -> bool:
    """Say whether this failure locked the key."""
    return failures >= RULES[kind].lock_at


def succeed(keys: Keys, *, session: Session) -> None:
    """Forget the account's failures after a right password; the client's stay counted."""
    session.execute(
        delete(SignInThrottle).where(
            SignInThrottle.kind == "account", SignInThrottle.key == keys.account
        )
    )
