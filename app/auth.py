"""Staff sign-in: hashed passwords, a permission on every staff page (`app/permissions.py`)."""

from functools import wraps

from flask import Flask, abort, g, redirect, request, session, url_for
from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from app import db
from app.models import Role, StaffUser
from app.permissions import Permission, can, start_endpoint


def init_app(app: Flask) -> None:
    """Load the signed-in staff user, if any, before each request."""
    app.before_request(_load_user)
    app.jinja_env.globals["can"] = user_can


def _load_user() -> None:
    g.user = None
    user_id = session.get("staff_id")
    if user_id is not None:
        user = db.session().get(StaffUser, user_id)
        g.user = user if user is not None and user.active else None


def requires(permission: Permission):
    """Let only signed-in staff whose role has this permission see a page."""

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if g.user is None:
                return redirect(url_for("manage.sign_in", next=request.path))
            if not can(g.user.role, permission):
                abort(403)
            return view(*args, **kwargs)

        wrapped.permission = permission
        return wrapped

    return decorate


def user_can(permission: Permission | str) -> bool:
    """Say whether the signed-in member of staff has a permission (templates call `can`)."""
    user = g.get("user")
    return user is not None and can(user.role, Permission(permission))


def start_page() -> str:
    """Return the address of the first page the signed-in member of staff may open."""
    endpoint = start_endpoint(g.user.role) if g.get("user") is not None else None
    return url_for(endpoint or "respond.home")


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
