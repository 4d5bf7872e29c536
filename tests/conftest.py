"""Fixtures: each app test runs on SQLite and on a real PostgreSQL server."""

import os
import shutil
import threading
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import event
from sqlalchemy import text as sql
from sqlalchemy.engine import make_url
from sqlmodel import Session, SQLModel, select

from app import catalogues, create_app
from app.auth import create_user
from app.cli import db_upgrade
from app.definitions import parse_text
from app.definitions.loader import load_directory, load_survey
from app.models import Role, Survey, SurveyVersion
from app.responses import store_response
from tests.pages import PageCheckingClient, submit

# The KPI fixtures serve tests/board and tests/kpis alike.
pytest_plugins = ["tests.kpi_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SURVEYS = ROOT / "surveys"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues() -> None:
    """Compile the translations if a .po file changed, as `make test` does."""
    if catalogues.needs_compiling():
        catalogues.compile_all()


def _prepare(url: str) -> None:
    """Migrate a database through Alembic (as `make run` does) and load the shipped surveys."""
    app = create_app({"SECRET_KEY": "test", "DATABASE_URL": url, "TESTING": True})
    runner = app.test_cli_runner()
    result = runner.invoke(db_upgrade)
    assert result.exit_code == 0, result.output
    with Session(app.extensions["engine"]) as session:
        _results, errors = load_directory(SURVEYS, session=session)
        assert not errors, errors
        session.commit()
    app.extensions["engine"].dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """Return a migrated SQLite file with the surveys loaded, to copy for each test."""
    path = tmp_path_factory.mktemp("template") / "heard.db"
    _prepare(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """Create a fresh PostgreSQL database for this run, migrated, with the surveys loaded."""
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        if os.environ.get("CI"):
            pytest.fail("CI must run the PostgreSQL tests, but TEST_DATABASE_URL is not set.")
        pytest.skip(
            "PostgreSQL not configured: set TEST_DATABASE_URL=postgresql://user:pw@host/"
            "postgres (see README) to run these tests against a real server."
        )
    name = f"heard_test_{os.getpid()}"
    admin = make_url(server).set(drivername="postgresql")
    conninfo = admin.render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    url = admin.set(drivername="postgresql+psycopg", database=name)
    rendered = url.render_as_string(hide_password=False)
    _prepare(rendered)
    yield rendered
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _reset_postgres(app) -> None:
    # Empty every table and load the shipped surveys again: the next test starts clean.
    engine = app.extensions["engine"]
    names = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    with Session(engine) as session:
        load_directory(SURVEYS, session=session)
        session.commit()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """Run the test once per database backend."""
    return request.param


@pytest.fixture
def database_url(backend, request, tmp_path) -> str:
    """Return a database for one test: a copy of the SQLite template, or the PostgreSQL one."""
    if backend == "sqlite":
        path = tmp_path / "heard.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def app(database_url, backend, tmp_path):
    """Build the app on this test's database (its charts kept in this test's own folder)."""
    app = create_app(
        {
            "SECRET_KEY": "test",
            "DATABASE_URL": database_url,
            "TESTING": True,
            "SURVEYS_DIR": SURVEYS,
            "CHART_CACHE_DIR": tmp_path / "charts",
        }
    )
    app.test_client_class = PageCheckingClient
    yield app
    if backend == "postgresql":
        _reset_postgres(app)
    app.extensions["engine"].dispose()


@pytest.fixture
def client(app):
    """A browser without JavaScript: every page it fetches is checked."""
    return app.test_client()


@pytest.fixture
def db_session(app):
    """Open a session on the test's database (for arranging and checking, outside requests)."""
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        yield session


@pytest.fixture
def make_survey(app, tmp_path):
    """Load a survey from TOML text, as `flask surveys load` would; return its slug."""

    def make(toml: str, slug: str | None = None) -> str:
        slug = slug or f"test-{uuid.uuid4().hex[:8]}"
        definition = parse_text(toml, slug=slug, path=f"{slug}.toml")
        with Session(app.extensions["engine"]) as session:
            load_survey(definition, session=session)
            session.commit()
        return slug

    return make


@pytest.fixture
def sign_in(app, client):
    """Create a staff user with a role and sign the client in as them."""

    def as_role(role: Role = Role.OFFICER, email: str = "officer@example.org"):
        with Session(app.extensions["engine"]) as session:
            create_user(email, "correct horse battery", role, session=session)
            session.commit()
        response = submit(
            client, "/manage/sign-in", {"email": email, "password": "correct horse battery"}
        )
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return as_role


def survey_by_slug(session: Session, slug: str) -> Survey:
    """Return the survey with this slug."""
    return session.exec(select(Survey).where(Survey.slug == slug)).one()


def newest_version(session: Session, slug: str) -> SurveyVersion:
    """Return the newest version of the survey with this slug."""
    survey = survey_by_slug(session, slug)
    return session.exec(
        select(SurveyVersion)
        .where(SurveyVersion.survey_id == survey.id)
        .order_by(SurveyVersion.number.desc())
    ).first()


def race_sends(
    engine, version: SurveyVersion, answers: dict | list[dict], senders: int = 4
) -> list:
    """Send one response id from several threads at the same moment; return their results.

    `answers` is what every sender sends, or a list of what each one sends.
    """
    each = answers if isinstance(answers, list) else [answers] * senders
    response_id, barrier, results = uuid.uuid4(), threading.Barrier(len(each)), []

    def send(given: dict):
        with Session(engine) as session:
            barrier.wait()
            result = store_response(
                response_id=response_id,
                version=version,
                answers=given,
                language="en",
                mode="online",
                session=session,
            )
            session.commit()
            results.append(result)

    threads = [threading.Thread(target=send, args=(given,)) for given in each]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def count_statements(app, action) -> int:
    """Return how many SQL statements an action makes."""
    statements = []

    def record(*_args):
        statements.append(1)

    engine = app.extensions["engine"]
    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements)
