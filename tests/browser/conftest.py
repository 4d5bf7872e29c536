"""A live Heard server and a real Chromium (Debian's), for tests a person would notice."""

import os
import shutil
import threading
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, select
from werkzeug.serving import make_server

from app import create_app
from app.definitions import definition_of
from app.definitions.loader import latest_version
from app.definitions.schema import Kind
from app.models import Survey
from app.reports.publish import publish
from app.responses import store_response
from tests.browser.walk import SURVEY

CHROMIUM = os.environ.get("HEARD_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Return Debian's Chromium, or skip locally / fail in CI when it is missing."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = f"Chromium not found at {CHROMIUM}: apt-get install chromium (see .ci/run)."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def publish_sample_report(app, responses: int = 12) -> None:
    """Store a dozen responses to the walked survey and publish its report, as staff would."""
    with app.app_context(), Session(app.extensions["engine"]) as session:
        survey = session.exec(select(Survey).where(Survey.slug == SURVEY)).one()
        version = latest_version(survey.id, session=session)
        given = {}
        for question in definition_of(version).questions:
            values = question.values()
            if values and question.show_if is None:
                given[question.key] = [values[0]] if question.type == Kind.MULTIPLE else values[0]
        for _ in range(responses):
            store_response(
                response_id=uuid.uuid4(),
                version=version,
                answers=given,
                language="en",
                mode="online",
                session=session,
            )
        publish(survey, date.today(), threshold=10, staff_id=None, session=session)
        session.commit()


@pytest.fixture(scope="session")
def live_app(sqlite_template, tmp_path_factory):
    """Build the app the live server serves, on a copy of the migrated SQLite database."""
    path = tmp_path_factory.mktemp("live") / "heard.db"
    shutil.copy(sqlite_template, path)
    app = create_app({"SECRET_KEY": "browser", "DATABASE_URL": f"sqlite:///{path}"})
    publish_sample_report(app)
    yield app
    app.extensions["engine"].dispose()


@pytest.fixture(scope="session")
def live_server(live_app):
    """Serve the app on a free localhost port."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(chromium_path):
    """Start one headless Chromium for the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open a fresh browser context (no cookies) with options; closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 390, "height": 844})
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
