"""Publishing and showing a "You said, we did" report for a survey with 10,000 responses."""

import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert
from sqlmodel import Session, select

from app import clock
from app.definitions import definition_of
from app.definitions.loader import latest_version
from app.definitions.schema import Kind
from app.kpis.counts import recount
from app.models import Answer, Kpi, Response, Survey
from app.reports.publish import publish
from benchmarks.setup import bench_app, table

SLUG = "post-14-review"
RESPONSES = 10_000
RUNS = 5


def _answers(survey_definition) -> dict:
    """Return a plausible answer set: each counted question's first offered value."""
    found = {}
    for question in survey_definition.questions:
        values = question.values()
        if values and question.show_if is None:
            found[question.key] = [values[0]] if question.type == Kind.MULTIPLE else values[0]
    return found


def fill(app) -> Survey:
    """Insert 10,000 responses in bulk (as an import would), then count the KPIs once."""
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        survey = session.exec(select(Survey).where(Survey.slug == SLUG)).one()
        version = latest_version(survey.id, session=session)
        given = _answers(definition_of(version))
        start = datetime(2025, 1, 1, tzinfo=UTC)
        rows = []
        for i in range(RESPONSES):
            rid = uuid.uuid4()
            at = start + timedelta(minutes=37 * i)
            session.add(
                Response(
                    id=rid,
                    survey_version_id=version.id,
                    language="en",
                    submitted_at=at,
                    content_hash="bench",
                )
            )
            rows += [
                {"response_id": rid, "question_key": key, "value": item}
                for key, value in given.items()
                for item in (value if isinstance(value, list) else [value])
            ]
        # Responses first: nothing tells the ORM that answers must follow their response.
        session.flush()
        session.connection().execute(insert(Answer.__table__), rows)
        recount(session.exec(select(Kpi).where(Kpi.survey_id == survey.id)).all(), session=session)
        session.commit()
        return survey


def report(_args=None) -> str:
    """Time publishing a report and fetching its page, median of a few runs."""
    app = bench_app()
    survey_id = fill(app).id
    publish_ms, page_ms = [], []
    client = app.test_client()
    for _ in range(RUNS):
        with app.app_context(), Session(app.extensions["engine"]) as session:
            survey = session.get(Survey, survey_id)
            began = time.perf_counter()
            snapshot = publish(survey, clock.today(), threshold=10, staff_id=None, session=session)
            session.commit()
            publish_ms.append((time.perf_counter() - began) * 1000)
            number = snapshot.number
        began = time.perf_counter()
        response = client.get(f"/you-said-we-did/{SLUG}/{number}")
        page_ms.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
    rows = [
        ["publish (build and store the snapshot)", f"{statistics.median(publish_ms):.0f}"],
        ["show the published page", f"{statistics.median(page_ms):.1f}"],
    ]
    return (
        f'## "You said, we did" report, {RESPONSES:,} responses (SQLite, median of {RUNS})\n\n'
        + table(["step", "ms"], rows)
        + "\n\nGoal: under 1,000 ms each."
    )
