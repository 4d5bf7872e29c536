"""House rules enforced by tests: every staff page names the permission it needs."""

from app import create_app

# Pages anyone may open. Every other route, in any blueprint present or future, is staff-only.
PUBLIC_BLUEPRINTS = {"respond", "publish"}
PUBLIC_ENDPOINTS = {
    "static",
    "manage.sign_in",
    "manage.sign_in_code",  # the second step of signing in
    "manage.sign_out",
    "people.new_password",  # a one-time link, for someone not signed in yet
    # The sync API takes no session: a bundle signed with the sync key is its credential.
    "events.receive_bundle",
    "kiosk.leave",  # the facilitator's PIN, on a tablet no one is signed in to
    "kiosk.reset",  # a kiosk starting again for the next person
}


def test_every_staff_route_names_a_permission():
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": "sqlite://"})
    unguarded = [
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.endpoint.partition(".")[0] not in PUBLIC_BLUEPRINTS
        and rule.endpoint not in PUBLIC_ENDPOINTS
        and not hasattr(app.view_functions[rule.endpoint], "permission")
    ]
    app.extensions["engine"].dispose()
    assert unguarded == []


def test_the_staff_routes_checked_include_the_board():
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": "sqlite://"})
    guarded = {
        rule.endpoint.partition(".")[0]
        for rule in app.url_map.iter_rules()
        if hasattr(app.view_functions[rule.endpoint], "permission")
    }
    app.extensions["engine"].dispose()
    assert {"board", "manage", "people", "safeguarding"} <= guarded
