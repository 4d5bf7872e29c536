"""Staff sign-in: the signed-in user of each request, `role_required`, role ranks."""

from datetime import timedelta
from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, g, redirect, request, session, url_for
from sqlmodel import Session

from app import db
from app.accounts import people, sessions
from app.models import Role, StaffUser, utcnow

# Each role includes the roles below it; safeguarding sits beside officer.
RANKS = {Role.BOARD: 1, Role.SAFEGUARDING: 2, Role.OFFICER: 2, Role.ADMIN: 3}

# The cookie's keys: the signed-in session's token, and a half-finished two-step sign-in.
TOKEN = "staff_session"
PENDING = "pending_staff"

# Roles that must use two-step sign-in when HEARD_REQUIRE_2FA=1.
TWO_STEP_ROLES = (Role.ADMIN, Role.SAFEGUARDING)


def init_app(app: Flask) -> None:
    """Load the signed-in staff user, if any, before each request."""
    app.before_request(_load_user)


def _load_user() -> None:
    g.user = g.staff_session = None
    token = session.get(TOKEN)
    if not isinstance(token, str):
        return  # respondents, and staff not signed in: no query, no cookie change
    now = utcnow()
    found = sessions.current(
        token,
        now,
        idle=timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"]),
        longest=timedelta(hours=current_app.config["SESSION_MAX_HOURS"]),
        session=db.session(),
    )
    if found is None:
        session.pop(TOKEN, None)
        return
    g.staff_session, g.user = found
    sessions.touch(db.engine(), g.staff_session, now)


def setup_needed(user: StaffUser) -> str | None:
    """Return the endpoint of what a user must do before any other staff page, if anything."""
    if user.must_change_password:
        return "people.change_password"
    if current_app.config["REQUIRE_2FA"] and user.role in TWO_STEP_ROLES and not user.two_step:
        return "people.two_step"
    return None


def role_required(role: Role, *, setup: bool = False):
    """Let only signed-in staff with this role (or a higher one) see a page.

    `setup` marks the pages that finish setting up an account (a new password, two-step
    sign-in): they stay open while that is outstanding; every other page sends people there.
    """

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if g.user is None:
                return redirect(url_for("manage.sign_in", next=request.path))
            if not setup and (needed := setup_needed(g.user)):
                return redirect(url_for(needed))
            if not allowed(g.user.role, role):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_role = role
        return wrapped

    return decorate


def allowed(user_role: str, needed: Role) -> bool:
    """Say whether a user's role reaches the one a page needs."""
    if needed == Role.SAFEGUARDING:
        return user_role in (Role.SAFEGUARDING, Role.ADMIN)
    return RANKS.get(Role(user_role), 0) >= RANKS[needed]


def create_user(email: str, password: str, role: Role, *, session: Session) -> StaffUser:
    """Add a staff user with a hashed password."""
    return people.create(email, password, role, utcnow(), session=session)


def local_path(target: str | None) -> str | None:
    r"""Return `target` if it is a path on this site, else None (so a link cannot send staff away).

    Browsers drop tabs and newlines and read a backslash as a slash, so "/\t/evil.example" and
    "/\\evil.example" both mean another site: any control character, space or backslash is refused.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 or ch == "\\" for ch in target):
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None
