"""What administrators and staff do to accounts; each change is recorded in the audit trail."""

from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func
from sqlmodel import Session, select

from app import audit
from app.accounts import links, passwords, sessions, twostep
from app.models import AccountLink, LinkPurpose, Role, StaffUser


class AccountError(ValueError):
    """A change to an account that is not allowed; the message says why."""


def subject(user: StaffUser) -> str:
    """Return how the audit trail names an account."""
    return f"staff:{user.id}"


def by_email(email: str, *, session: Session) -> StaffUser | None:
    """Return the account with this email address, if any."""
    return session.exec(select(StaffUser).where(StaffUser.email == email.strip().lower())).first()


def everyone(*, session: Session) -> list[StaffUser]:
    """Return every account, by email address."""
    return list(session.exec(select(StaffUser).order_by(StaffUser.email)).all())


def create(
    email: str,
    password: str | None,
    role: Role,
    now: datetime,
    *,
    session: Session,
    must_change: bool = False,
    expires_in: timedelta | None = None,
) -> StaffUser:
    """Add an account; with no password it has none usable until its link is followed."""
    user = StaffUser(
        email=email.strip().lower(),
        role=role,
        password_hash=passwords.hashed(password) if password else passwords.UNUSABLE,
        created_at=now,
        must_change_password=must_change,
        password_expires_at=now + expires_in if expires_in else None,
        password_changed_at=now if password else None,
    )
    session.add(user)
    session.flush()
    return user


def invite(
    email: str, role: Role, now: datetime, *, by: int, hours: int, session: Session
) -> tuple[StaffUser, str]:
    """Add an account for a new member of staff; return it and their one-time link's token."""
    if by_email(email, session=session) is not None:
        raise AccountError(_l("Someone with this email address already has an account."))
    user = create(email, None, role, now, session=session)
    token = links.make(user, LinkPurpose.INVITE, now, hours=hours, created_by=by, session=session)
    audit.record("invited", subject(user), staff_id=by, session=session, role=str(role))
    return user, token


def _admins(*, session: Session) -> int:
    query = select(func.count()).where(StaffUser.role == Role.ADMIN, StaffUser.active)
    return session.exec(query).one()


def _not_the_last_admin(user: StaffUser, *, session: Session) -> None:
    if user.role == Role.ADMIN and user.active and _admins(session=session) <= 1:
        raise AccountError(
            _l("This is the only active administrator. Make someone else an administrator first.")
        )


def change_role(user: StaffUser, role: Role, *, by: int, session: Session) -> None:
    """Give an account another role; the last active administrator keeps theirs."""
    if role == user.role:
        return
    if role != Role.ADMIN:
        _not_the_last_admin(user, session=session)
    before, user.role = user.role, role
    session.flush()
    audit.record(
        "role_changed", subject(user), staff_id=by, session=session, before=before, after=role
    )


def disable(user: StaffUser, now: datetime, *, by: int, session: Session) -> None:
    """Switch an account off and end its sessions."""
    _not_the_last_admin(user, session=session)
    user.active = False
    sessions.end_all(user.id, now, session=session)
    session.flush()
    audit.record("disabled", subject(user), staff_id=by, session=session)


def enable(user: StaffUser, *, by: int, session: Session) -> None:
    """Switch an account back on."""
    user.active = True
    session.flush()
    audit.record("enabled", subject(user), staff_id=by, session=session)


def reset(user: StaffUser, now: datetime, *, by: int, hours: int, session: Session) -> str:
    """Remove an account's password and two-step sign-in, end its sessions; return a new link."""
    user.password_hash = passwords.UNUSABLE
    user.must_change_password, user.password_expires_at = False, None
    twostep.turn_off(user, session=session)
    sessions.end_all(user.id, now, session=session)
    token = links.make(user, LinkPurpose.RESET, now, hours=hours, created_by=by, session=session)
    audit.record("reset", subject(user), staff_id=by, session=session)
    return token


def set_password(
    user: StaffUser, password: str, now: datetime, *, keep: int | None, session: Session
) -> None:
    """Give an account a new password and end its other sessions."""
    user.password_hash = passwords.hashed(password)
    user.password_changed_at = now
    user.must_change_password, user.password_expires_at = False, None
    sessions.end_all(user.id, now, keep=keep, session=session)
    session.flush()
    audit.record("password_changed", subject(user), staff_id=user.id, session=session)


def follow_link(
    link: AccountLink, user: StaffUser, password: str, now: datetime, *, session: Session
) -> None:
    """Choose a password through a one-time link, which then stops working."""
    link.used_at = now
    set_password(user, password, now, keep=None, session=session)


def two_step_on(user: StaffUser, code: str, now: datetime, *, session: Session) -> list[str] | None:
    """Confirm enrolment with a code from the app; return the recovery codes, or None."""
    if not user.totp_secret or not twostep.accept_code(user, code, now):
        return None
    user.totp_enabled_at = now
    codes = twostep.new_recovery_codes(user.id, session=session)
    audit.record("two_step_on", subject(user), staff_id=user.id, session=session)
    return codes


def two_step_off(user: StaffUser, *, session: Session) -> None:
    """Turn two-step sign-in off for one's own account."""
    twostep.turn_off(user, session=session)
    audit.record("two_step_off", subject(user), staff_id=user.id, session=session)
