"""House rules enforced by tests: every staff page checks a role."""

from app import create_app


def test_every_staff_route_carries_a_role_check():
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": "sqlite://"})
    open_to_all = {"manage.sign_in", "manage.sign_out"}
    unguarded = [
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("manage.")
        and rule.endpoint not in open_to_all
        and not hasattr(app.view_functions[rule.endpoint], "required_role")
    ]
    app.extensions["engine"].dispose()
    assert unguarded == []
