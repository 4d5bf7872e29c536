"""Least privilege: every staff route, opened by every role and by nobody, matches the matrix."""

from pathlib import Path

from sqlmodel import Session
from werkzeug.routing import AnyConverter, IntegerConverter

from app.accounts import sessions
from app.auth import TOKEN
from app.models import Role, StaffUser, utcnow
from app.permissions import (
    GRANTS,
    ROUTES,
    Permission,
    can,
    matrix_markdown,
    needed_for,
    start_endpoint,
)
from tests.test_conventions import PUBLIC_BLUEPRINTS, PUBLIC_ENDPOINTS

README = Path(__file__).resolve().parent.parent / "README.md"
SIGN_IN = "/manage/sign-in"


def _staff_rules(app):
    for rule in app.url_map.iter_rules():
        public = rule.endpoint.partition(".")[0] in PUBLIC_BLUEPRINTS
        if not public and rule.endpoint not in PUBLIC_ENDPOINTS:
            yield rule


def _url(app, rule) -> str:
    # Arguments that match the route but name nothing: a view that runs past its permission
    # check answers 404 (or 400 for an empty form), and changes nothing.
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, AnyConverter):
            values[name] = sorted(converter.items)[0]
        elif isinstance(converter, IntegerConverter):
            values[name] = 999999
        else:
            values[name] = "no-such-thing"
    with app.test_request_context():
        return app.url_for(rule.endpoint, **values)


def _client_as(app, role: Role | None):
    client = app.test_client()
    if role is not None:
        with Session(app.extensions["engine"]) as session:
            user = StaffUser(email=f"{role}@example.org", role=role, password_hash="!none")
            session.add(user)
            session.flush()
            token = sessions.start(user.id, utcnow(), session=session)
            session.commit()
        with client.session_transaction() as browser:
            browser[TOKEN] = token
    return client


def _outcome(response) -> str:
    if response.status_code == 302 and response.location.startswith(SIGN_IN):
        return "sign in"
    if response.status_code == 403:
        return "403"
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    return "allowed"


def test_every_staff_route_lets_in_exactly_the_roles_the_matrix_names(app):
    # With CSRF checks off, a POST reaches the permission check instead of stopping at 400.
    app.config["WTF_CSRF_ENABLED"] = False
    clients = {role: _client_as(app, role) for role in [None, *Role]}
    differences, checked = [], set()
    for rule in _staff_rules(app):
        # The matrix, not the view's own decorator, says who should get in.
        permission = needed_for(rule.endpoint)
        assert permission is not None, f"{rule.endpoint} is not in ROUTES (app/permissions.py)"
        url = _url(app, rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for role, client in clients.items():
                got = _outcome(client.open(url, method=method))
                if role is None:
                    wanted = "sign in"
                else:
                    wanted = "allowed" if can(role, permission) else "403"
                if got != wanted:
                    differences.append((method, url, str(role), got, wanted))
            checked.add(rule.endpoint)
    assert differences == []
    # Every endpoint the matrix names exists, so the walk covered the whole matrix.
    assert {e for endpoints in ROUTES.values() for e in endpoints} == checked


def test_the_readme_shows_the_role_matrix_the_app_enforces():
    assert matrix_markdown() in README.read_text(encoding="utf-8")


def test_safeguarding_reaches_the_queue_and_nothing_else():
    # And their own account: a password to change, two-step sign-in to set up.
    own = {Permission.START, Permission.OWN_ACCOUNT}
    assert GRANTS[Role.SAFEGUARDING] == own | {Permission.SAFEGUARDING}


def test_the_board_sees_aggregates_only():
    board = GRANTS[Role.BOARD]
    assert board == {Permission.START, Permission.OWN_ACCOUNT, Permission.AGGREGATES}
    assert not can(Role.BOARD, Permission.RAW_DATA) and not can(Role.BOARD, Permission.EXACT_COUNTS)


def test_only_admins_manage_people_settings_and_the_audit_log():
    for permission in (Permission.PEOPLE, Permission.SETTINGS, Permission.AUDIT):
        assert [role for role in Role if can(role, permission)] == [Role.ADMIN]


def test_an_unknown_role_or_nobody_can_do_nothing():
    assert not any(can(None, p) or can("owner", p) for p in Permission)


def test_each_role_starts_on_a_page_it_may_open():
    assert start_endpoint(Role.OFFICER) == "manage.surveys"
    assert start_endpoint(Role.BOARD) == "board.dashboard"
    assert start_endpoint(Role.SAFEGUARDING) == "safeguarding.queue"
