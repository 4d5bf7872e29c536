"""Focus-group sync: export and import a 5,000-response bundle (SQLite, and PostgreSQL too).

The laptop stores 5,000 responses through `store_response` (as phones at an event would);
then `flask sync export`'s work is timed, and `flask sync import`'s, once into an empty
central server and once more with every response already there.
"""

import gzip
import os
import time
import uuid
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from app.definitions import definition_of
from app.definitions.loader import latest_version
from app.definitions.schema import Kind
from app.events.service import create_event
from app.models import Event, Survey
from app.responses import store_response
from app.sync import bundle as bundles
from app.sync.export import event_part, event_responses
from app.sync.importer import import_bundle
from app.sync.keys import make_key, signing_key
from benchmarks.dashboard import _reset_postgres
from benchmarks.setup import bench_app, table

RESPONSES = int(os.environ.get("BENCH_SYNC_RESPONSES", "5000"))
SLUG = "post-14-review"
COMMENTS = (
    "The college visit was really helpful",
    "Still waiting for my plan, nobody listens",
    "",
    "My keyworker explained everything and I felt listened to",
)


def _answers(definition, index: int) -> dict:
    """Return a varied, valid answer set; every fourth comment left blank."""
    found = {}
    for question in definition.questions:
        values = question.values()
        if question.type == Kind.TEXT:
            if COMMENTS[index % len(COMMENTS)]:
                found[question.key] = COMMENTS[index % len(COMMENTS)]
        elif question.type == Kind.NUMBER:
            found[question.key] = str(question.min + index % (question.max - question.min + 1))
        elif question.type == Kind.MULTIPLE:
            found[question.key] = [values[index % len(values)]]
        else:
            found[question.key] = values[index % len(values)]
    return found


def _laptop(key: str):
    """A laptop with one event and RESPONSES responses given at it; return (app, event id)."""
    app = bench_app()
    app.config["SYNC_KEY"] = key
    with Session(app.extensions["engine"]) as session:
        survey = session.exec(select(Survey).where(Survey.slug == SLUG)).one()
        version = latest_version(survey.id, session=session)
        definition = definition_of(version)
        event = create_event("Bench", datetime(2026, 3, 14).date(), [SLUG], session=session)
        start = datetime(2026, 3, 14, 10, tzinfo=UTC)
        for index in range(RESPONSES):
            store_response(
                response_id=uuid.uuid4(),
                version=version,
                answers=_answers(definition, index),
                language="en",
                mode="phone",
                event_id=event.id,
                answered_at=start + timedelta(seconds=index),
                session=session,
            )
        session.commit()
        return app, event.id


def _export(app, event_id: int) -> tuple[bytes, float]:
    with app.app_context(), Session(app.extensions["engine"]) as session:
        began = time.perf_counter()
        event = session.get(Event, event_id)
        made = bundles.build(
            event_part(event),
            event_responses(event, session=session),
            key=signing_key(session=session),
            created_at=datetime.now(UTC),
        )
        text = bundles.dumps(made).encode()
        return text, time.perf_counter() - began


def _import(app, text: bytes) -> tuple[str, float]:
    with app.app_context(), Session(app.extensions["engine"]) as session:
        began = time.perf_counter()
        report = import_bundle(
            text, source="cli", staff_id=None, max_bytes=len(text) + 1, session=session
        )
        session.commit()
        return report.line(), time.perf_counter() - began


def measure(label: str, url: str | None) -> list[list]:
    """Time export, first import and repeat import against one kind of central database."""
    if url:
        _reset_postgres(url)
    server = bench_app(url)
    with Session(server.extensions["engine"]) as session:
        key = make_key(session=session)
        session.commit()
    laptop, event_id = _laptop(key)
    text, export_s = _export(laptop, event_id)
    first, import_s = _import(server, text)
    again, repeat_s = _import(server, text)
    assert first.startswith(f"Imported: {RESPONSES} new"), first
    assert again.startswith(f"Imported: 0 new, {RESPONSES} already there"), again
    size = f"{len(text) / 1024:,.0f} KB ({len(gzip.compress(text)) / 1024:,.0f} KB gzip)"
    for app in (laptop, server):
        app.extensions["engine"].dispose()
    return [
        [label, "export (laptop, SQLite)", f"{export_s:.2f}", size],
        [label, "import, all new", f"{import_s:.2f}", f"{RESPONSES / import_s:,.0f} responses/s"],
        [
            label,
            "import again, all there",
            f"{repeat_s:.2f}",
            f"{RESPONSES / repeat_s:,.0f} responses/s",
        ],
    ]


def report(_args=None) -> str:
    """Measure on SQLite, and with a PostgreSQL server when BENCH_DATABASE_URL is set."""
    rows = measure("SQLite", None)
    if os.environ.get("BENCH_DATABASE_URL"):
        rows += measure("PostgreSQL", os.environ["BENCH_DATABASE_URL"])
    note = (
        "One signed bundle from a laptop's event; the import checks the signature and every "
        "survey version, stores each response through store_response (answers, KPI counts, "
        "comment reading) and commits once."
    )
    headers = ["central server", "step", "seconds", "size or rate"]
    return (
        f"## Focus-group sync, {RESPONSES:,} responses\n\n" + table(headers, rows) + "\n\n" + note
    )
