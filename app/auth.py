"""Staff sign-in: hashed passwords, a role on every staff page."""

from functools import wraps

from flask import Flask, abort, g, redirect, request, session, url_for
from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from app import db
from app.models import Role, StaffUser

# Each role includes the roles below it; safeguarding sits beside officer.
RANKS = {Role.BOARD: 1, Role.SAFEGUARDING: 2, Role.OFFICER: 2, Role.ADMIN: 3}


def init_app(app: Flask) -> None:
    """Load the signed-in staff user, if any, before each request."""
    app.before_request(_load_user)


def _load_user() -> None:
    g.user = None
    user_id = session.get("staff_id")
    if user_id is not None:
        user = db.session().get(StaffUser, user_id)
        g.user = user if user is not None and user.active else None


def role_required(role: Role):
    """Let only signed-in staff with this role (or a higher one) see a page."""

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if g.user is None:
                return redirect(url_for("manage.sign_in", next=request.path))
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
    user = StaffUser(
        email=email.strip().lower(), role=role, password_hash=generate_password_hash(password)
    )
    session.add(user)
    session.flush()
    return user


def authenticate(email: str, password: str, *, session: Session) -> StaffUser | None:
    """Return the active user with this email and password, else None."""
    user = session.exec(select(StaffUser).where(StaffUser.email == email.strip().lower())).first()
    if user is None or not user.active or not check_password_hash(user.password_hash, password):
        return None
    return user
