"""A laptop beside the central server: its own SQLite database, events, responses, bundles."""

import shutil
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, func, select

from app import create_app
from app.definitions import definition_of
from app.definitions.schema import Kind
from app.events.service import create_event
from app.models import Answer, CommentReading, Event, KpiMonthCount, Response, SyncImport
from app.responses import store_response
from app.sync.cli import sync_export, sync_import
from app.sync.keys import make_key
from tests.conftest import newest_version

SLUG = "post-14-review"
COMMENTS = (
    "The college visit was really helpful",
    "Still waiting for my plan, nobody listens",
    "It was fine",
)
RISKY = "My stepdad hits me when I get home"


@pytest.fixture
def server_key(app) -> str:
    """Make the central server's sync key, as `flask sync key` does."""
    with Session(app.extensions["engine"]) as session:
        key = make_key(session=session)
        session.commit()
    return key


@pytest.fixture
def laptop(sqlite_template, tmp_path, server_key):
    """A facilitator's laptop: its own SQLite database, signing with the server's key."""
    path = tmp_path / "laptop.db"
    shutil.copy(sqlite_template, path)
    app = create_app(
        {
            "SECRET_KEY": "laptop",
            "DATABASE_URL": f"sqlite:///{path}",
            "TESTING": True,
            "SYNC_KEY": server_key,
        }
    )
    yield app
    app.extensions["engine"].dispose()


def make_event(app, slugs=(SLUG,), name="Youth forum") -> Event:
    """Create an event on a machine and return it."""
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        event = create_event(
            name,
            datetime(2026, 3, 14).date(),
            list(slugs),
            group="Grange youth club",
            facilitator="Sam",
            session=session,
        )
        session.commit()
    return event


def answers_for(definition, index: int, comment: str | None = None) -> dict:
    """Return a valid, varied set of answers to every question of a survey."""
    found = {}
    for question in definition.questions:
        values = question.values()
        if question.type == Kind.TEXT:
            found[question.key] = comment or COMMENTS[index % len(COMMENTS)]
        elif question.type == Kind.NUMBER:
            found[question.key] = str(question.min + index % (question.max - question.min + 1))
        elif question.type == Kind.MULTIPLE:
            found[question.key] = [values[index % len(values)]]
        else:
            found[question.key] = values[index % len(values)]
    return found


def answer_at(app, event: Event, count: int, *, slug=SLUG, start=0, comment=None, mode="phone"):
    """Store responses given at an event, as the laptop's send page does; return their ids."""
    ids = []
    with Session(app.extensions["engine"]) as session:
        version = newest_version(session, slug)
        definition = definition_of(version)
        for index in range(start, start + count):
            response_id = uuid.uuid4()
            result = store_response(
                response_id=response_id,
                version=version,
                answers=answers_for(definition, index, comment),
                language="en",
                mode=mode,
                event_id=event.id,
                answered_at=datetime(2026, 3, 14, 10, tzinfo=UTC) + timedelta(minutes=index),
                session=session,
            )
            assert result.outcome == "stored", result
            ids.append(response_id)
        session.commit()
    return ids


def export(app, event: Event) -> bytes:
    """Run `flask sync export --event ID` and return the bundle it writes."""
    result = app.test_cli_runner().invoke(sync_export, ["--event", str(event.id)])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def import_file(app, path) -> tuple[int, list[str]]:
    """Run `flask sync import FILE`; return its exit code and output lines."""
    result = app.test_cli_runner().invoke(sync_import, [str(path)])
    return result.exit_code, result.output.strip().splitlines()


def import_bytes(app, tmp_path, text: bytes) -> tuple[int, list[str]]:
    """Write a bundle to a file and import it with `flask sync import`."""
    path = tmp_path / f"bundle-{uuid.uuid4().hex[:6]}.json"
    path.write_bytes(text)
    return import_file(app, path)


def stored(app) -> dict[str, int]:
    """Count what an import can add, table by table."""
    tables = {
        "responses": Response,
        "answers": Answer,
        "readings": CommentReading,
        "events": Event,
        "imports": SyncImport,
    }
    with Session(app.extensions["engine"]) as session:
        counts = {
            name: session.exec(select(func.count()).select_from(t)).one()
            for name, t in tables.items()
        }
        counts["kpi_valid"] = session.exec(
            select(func.coalesce(func.sum(KpiMonthCount.valid), 0))
        ).one()
    return counts


def response_ids(app) -> set[uuid.UUID]:
    """Return the ids of every stored response."""
    with Session(app.extensions["engine"]) as session:
        return set(session.exec(select(Response.id)).all())
