"""Security headers on every response: what a page may load, send to and switch on."""

import pytest

from app import create_app
from app.models import Role


def policy(response) -> dict[str, str]:
    """Return the Content-Security-Policy as {directive: sources}."""
    parts = (
        p.strip().split(" ", 1) for p in response.headers["Content-Security-Policy"].split(";")
    )
    return {name: sources for name, sources in parts}


@pytest.fixture
def pages(client, sign_in):
    """A respondent page, an error page, a staff page, a chart and a static file."""
    staff = sign_in(Role.ADMIN, "admin@example.org")
    static = client.get("/static/heard.css")
    static.close()  # only its headers are read
    return [
        client.get("/s/post-14-review"),
        client.get("/no-such-page"),
        staff.get("/manage/"),
        staff.get("/board/"),
        static,
    ]


def test_forms_post_only_to_heard_and_no_base_element_can_redirect_links(pages):
    for response in pages:
        csp = policy(response)
        assert csp["form-action"] == "'self'" and csp["base-uri"] == "'none'"
        assert csp["default-src"] == "'self'" and csp["frame-ancestors"] == "'none'"


def test_camera_microphone_and_location_are_switched_off(pages):
    for response in pages:
        features = dict(
            part.strip().split("=") for part in response.headers["Permissions-Policy"].split(",")
        )
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert features[feature] == "()"


def test_no_page_says_which_server_answered(pages):
    for response in pages:
        assert "Server" not in response.headers and "X-Powered-By" not in response.headers


def test_hsts_is_sent_only_when_cookies_are_secure(database_url, pages):
    assert all("Strict-Transport-Security" not in r.headers for r in pages)
    settings = {"SECRET_KEY": "x", "DATABASE_URL": database_url, "SESSION_COOKIE_SECURE": True}
    app = create_app(settings)
    response = app.test_client().get("/", base_url="https://localhost")
    app.extensions["engine"].dispose()
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_secure_cookies_come_from_heard_secure_cookies(monkeypatch, database_url):
    monkeypatch.setenv("HEARD_SECURE_COOKIES", "1")
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": database_url})
    response = app.test_client().get("/")
    app.extensions["engine"].dispose()
    assert "max-age=" in response.headers["Strict-Transport-Security"]
