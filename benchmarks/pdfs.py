"""How long the PDFs take: the board pack of every shipped KPI, and a published report."""

import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from app import clock
from app.auth import create_user
from app.definitions import definition_of
from app.definitions.loader import latest_version
from app.kpis.counts import recount
from app.models import Answer, Kpi, Response, Role, Survey
from app.reports.publish import publish
from benchmarks.reports import SLUG, _answers
from benchmarks.setup import bench_app, table

RUNS = 3
RESPONSES = 2_000


def fill(app) -> int:
    """Insert responses to one survey in bulk, then count its KPIs once; return its id."""
    with Session(app.extensions["engine"]) as session:
        survey = session.exec(select(Survey).where(Survey.slug == SLUG)).one()
        version = latest_version(survey.id, session=session)
        given = _answers(definition_of(version))
        start = datetime(2025, 1, 1, tzinfo=UTC)
        ids = [uuid.uuid4() for _ in range(RESPONSES)]
        for i, rid in enumerate(ids):
            at = start + timedelta(minutes=97 * i)
            session.add(
                Response(
                    id=rid,
                    survey_version_id=version.id,
                    language="en",
                    submitted_at=at,
                    content_hash="bench",
                )
            )
        # Responses first: an answer's row needs its response's.
        session.flush()
        for rid in ids:
            for key, value in given.items():
                for item in value if isinstance(value, list) else [value]:
                    session.add(Answer(response_id=rid, question_key=key, value=item))
        session.flush()
        recount(session.exec(select(Kpi).where(Kpi.survey_id == survey.id)).all(), session=session)
        session.commit()
        return survey.id


def _timed(client, url: str) -> tuple[float, float, int]:
    """Return one PDF's wall-clock and CPU milliseconds and its size in bytes."""
    began, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "application/pdf", url
    wall, used = time.perf_counter() - began, time.process_time() - cpu
    return wall * 1000, used * 1000, len(response.data)


def _row(label: str, runs: list[tuple[float, float, int]]) -> list[str]:
    wall, cpu = (statistics.median(run[i] for run in runs) for i in (0, 1))
    return [label, f"{wall:.0f}", f"{cpu:.0f}", f"{runs[0][2] / 1024:.0f}"]


def report(_args=None) -> str:
    """Time the board pack PDF (the first in a process, then warm) and a report's PDF."""
    app = bench_app()
    survey_id = fill(app)  # so some KPIs have a value, an interval and a history
    with app.app_context(), Session(app.extensions["engine"]) as session:
        create_user("board@example.org", "bench password", Role.BOARD, session=session)
        survey = session.get(Survey, survey_id)
        number = publish(survey, clock.today(), threshold=10, staff_id=None, session=session).number
        session.commit()
    client = app.test_client()
    signing_in = {"email": "board@example.org", "password": "bench password"}
    client.post("/manage/sign-in", data=signing_in)
    # The first PDF in a process also loads Pango and reads the system's fonts.
    first = [_timed(client, "/board/pack.pdf")]
    warm = [_timed(client, "/board/pack.pdf") for _ in range(RUNS)]
    address = f"/you-said-we-did/{SLUG}/{number}/report.pdf"
    english = [_timed(client, f"{address}?lang=en") for _ in range(RUNS)]
    arabic = [_timed(client, f"{address}?lang=ar") for _ in range(RUNS)]
    app.extensions["engine"].dispose()
    rows = [
        _row("board pack, first in the process", first),
        _row("board pack, warm", warm),
        _row("report, English", english),
        _row("report, Arabic", arabic),
    ]
    note = (
        "CPU ms is this process's own time: on a busy machine the clock time grows and it does"
        " not. Flask test client; WeasyPrint in the request; every chart drawn from its SVG."
    )
    heading = f"## PDFs (every shipped KPI with its chart; SQLite, median of {RUNS})"
    return heading + "\n\n" + table(["PDF", "ms", "CPU ms", "KB"], rows) + "\n\n" + note
