"""Signing in: throttle first, check the password (the same work for an unknown email), then
start a session, or ask for the two-step code first."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import format_time, ngettext
from flask_babel import gettext as _
from sqlmodel import Session

from app import audit
from app.accounts import passwords, sessions, throttle, twostep
from app.accounts.people import by_email, subject
from app.models import StaffUser

log = logging.getLogger(__name__)

WRONG = "wrong"


@dataclass(frozen=True)
class Outcome:
    """What happened: a user whose password was right, or a sentence saying why not."""

    user: StaffUser | None = None
    problem: str | None = None


def attempt(
    email: str, password: str, client: str | None, now: datetime, *, secret: str, session: Session
) -> Outcome:
    """Check an email address and password, within the limits on failed attempts."""
    keys = throttle.keys(secret, email, client)
    refused = throttle.refusal(keys, now, session=session)
    if refused is not None:
        log.warning("Sign-in refused before checking: %s", _who(email, keys))
        return Outcome(problem=refusal_message(refused, now))
    user = by_email(email, session=session)
    right = passwords.matches(user.password_hash if user else None, password)
    if not right or not user.active:
        return Outcome(problem=_failed(user, email, keys, now, "password", session=session))
    if user.password_expires_at and user.password_expires_at <= now:
        return Outcome(problem=_expired())
    throttle.succeed(keys, session=session)
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hashed(password)
    return Outcome(user=user)


def second_step(
    user: StaffUser, code: str, client: str | None, now: datetime, *, secret: str, session: Session
) -> Outcome:
    """Check a code from the authenticator app, or a recovery code, within the same limits."""
    keys = throttle.keys(secret, user.email, client)
    refused = throttle.refusal(keys, now, session=session)
    if refused is not None:
        return Outcome(problem=refusal_message(refused, now))
    if twostep.accept_code(user, code, now):
        throttle.succeed(keys, session=session)
        return Outcome(user=user)
    if twostep.use_recovery_code(user.id, code, now, session=session):
        throttle.succeed(keys, session=session)
        audit.record("recovery_code_used", subject(user), staff_id=user.id, session=session)
        return Outcome(user=user)
    _failed(user, user.email, keys, now, "code", session=session)
    return Outcome(problem=_("That code is not right. Enter the 6-digit code your app shows now."))


def start_session(user: StaffUser, now: datetime, *, session: Session) -> str:
    """Start a signed-in session and record it; return the cookie's token."""
    user.last_sign_in_at = now
    token = sessions.start(user.id, now, session=session)
    audit.record("signed_in", subject(user), staff_id=user.id, session=session)
    return token


def _failed(
    user: StaffUser | None, email: str, keys, now: datetime, what: str, *, session: Session
) -> str:
    counts = throttle.fail(keys, now, session=session)
    name = subject(user) if user else "sign-in"
    staff_id = user.id if user else None
    audit.record("sign_in_failed", name, staff_id=staff_id, session=session, wrong=what)
    log.warning(
        "Sign-in failed (%s): %s, failures: account %d, client %d",
        what,
        _who(email, keys),
        counts["account"],
        counts["client"],
    )
    if throttle.just_locked("account", counts["account"]):
        audit.record("locked", name, staff_id=staff_id, session=session)
        log.warning("Sign-in locked for %s", _who(email, keys))
    return _("The email address or password is not right.")


def _who(email: str, keys) -> str:
    # Never the password, never the whole email: the domain and short key prefixes are
    # enough to follow one attack through the log.
    domain = email.rpartition("@")[2][:60] or "?"
    return f"account {keys.account[:8]} (@{domain}), client {keys.client[:8]}"


def _expired() -> str:
    return _(
        "This one-time password has expired. Ask an administrator for a new invitation link, "
        "or run flask users bootstrap again on the server."
    )


def refusal_message(refused: throttle.Refusal, now: datetime) -> str:
    """Say why an attempt was refused and when to try again."""
    at = format_time(refused.until, "HH:mm")
    if refused.locked and refused.kind == "account":
        return _(
            "This account is locked after too many failed sign-ins. Try again after %(time)s, "
            "or ask an administrator to reset your password.",
            time=at,
        )
    if refused.locked:
        return _("Too many failed sign-ins from this network. Try again after %(time)s.", time=at)
    wait = refused.until - now
    if wait <= timedelta(minutes=2):
        seconds = max(1, int(wait.total_seconds() + 0.999))
        return ngettext(
            "Too many failed sign-ins. Wait %(num)d second, then try again.",
            "Too many failed sign-ins. Wait %(num)d seconds, then try again.",
            seconds,
        )
    return _("Too many failed sign-ins. Try again after %(time)s.", time=at)


def recheck(
    user: StaffUser,
    password: str,
    client: str | None,
    now: datetime,
    *,
    secret: str,
    session: Session,
) -> str | None:
    """Check a signed-in person's current password before a change; return a problem or None.

    Failures count as sign-in failures: a borrowed session cannot guess the password here.
    """
    keys = throttle.keys(secret, user.email, client)
    refused = throttle.refusal(keys, now, session=session)
    if refused is not None:
        return refusal_message(refused, now)
    if passwords.matches(user.password_hash, password):
        return None
    _failed(user, user.email, keys, now, "current password", session=session)
    return _("Your current password is not right.")
