"""The board's 23 KPI charts: drawn the first time, then served until their data change.

The shipped surveys with a year of made-up answers (benchmarks/board_data.py), read by a
board member through the Flask test client in one process. Each row fetches every KPI's
chart, as the board pack does: first with nothing kept (every chart drawn), then again
(kept in memory), then as after a restart or from the other worker (memory empty, each
chart read from its file), then after one new answer to one survey (only that survey's
KPIs are drawn again). The dashboard itself draws no chart: its trend lines are a few
lines of SVG each.
"""

import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session, select

from app.accounts import sessions
from app.auth import TOKEN
from app.board import chart_cache
from app.definitions import definition_of
from app.definitions.loader import latest_version
from app.kpis.counts import count_response
from app.models import Kpi, Response, Role, StaffUser, Survey, utcnow
from app.responses import answer_rows, answer_values, insert_answers
from benchmarks import board_data
from benchmarks.setup import bench_app, table

RUNS = int(os.environ.get("BENCH_BOARD_RUNS", "3"))
SLUG = "post-14-review"


def _board_client(app):
    with Session(app.extensions["engine"]) as session:
        user = StaffUser(email="board@example.org", role=Role.BOARD, password_hash="!none")
        session.add(user)
        session.flush()
        token = sessions.start(user.id, utcnow(), session=session)
        session.commit()
    client = app.test_client()
    with client.session_transaction() as browser:
        browser[TOKEN] = token
    return client


def _get(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return (time.perf_counter() - started) * 1000


def _all_charts(client, ids: list[int]) -> tuple[float, int]:
    """Fetch every chart; return the milliseconds and how many were drawn."""
    before = chart_cache.drawn
    started = time.perf_counter()
    for kpi_id in ids:
        _get(client, f"/board/kpis/{kpi_id}/chart.svg")
    return (time.perf_counter() - started) * 1000, chart_cache.drawn - before


def _one_answer(app) -> None:
    """Store one more response to one survey, with its KPI counts, as a send would."""
    with Session(app.extensions["engine"]) as session:
        survey = session.exec(select(Survey).where(Survey.slug == SLUG)).one()
        version = latest_version(survey.id, session=session)
        given = board_data.answers(definition_of(version), random.Random())
        now = datetime.now(UTC)
        response = Response(
            id=uuid.uuid4(),
            survey_version_id=version.id,
            language="en",
            mode="online",
            submitted_at=now,
            content_hash="bench",
        )
        session.add(response)
        session.flush()
        insert_answers(answer_rows(response.id, given), set(), session=session)
        count_response(survey.id, answer_values(given), now, session=session)
        session.commit()


def measure() -> list[list]:
    """Return the table's rows: medians over RUNS fresh chart folders."""
    app = bench_app()
    board_data.fill(app.extensions["engine"])
    client = _board_client(app)
    with Session(app.extensions["engine"]) as session:
        ids = list(session.exec(select(Kpi.id).order_by(Kpi.id)))
    found: dict[str, list[tuple[float, int]]] = {}
    for _ in range(RUNS):
        app.config["CHART_CACHE_DIR"] = Path(tempfile.mkdtemp(prefix="heard-charts-"))
        chart_cache.clear_memory()
        found.setdefault("first draw (nothing kept)", []).append(_all_charts(client, ids))
        found.setdefault("again (kept in memory)", []).append(_all_charts(client, ids))
        chart_cache.clear_memory()
        found.setdefault("after a restart (kept in files)", []).append(_all_charts(client, ids))
        _one_answer(app)
        found.setdefault("after one new answer", []).append(_all_charts(client, ids))
    dashboard = statistics.median(_get(client, "/board/") for _ in range(RUNS))
    app.extensions["engine"].dispose()
    rows = []
    for case, runs in found.items():
        drawn = statistics.median(n for _ms, n in runs)
        rows.append(
            [case, len(ids), f"{drawn:.0f}", f"{statistics.median(ms for ms, _n in runs):.0f}"]
        )
    rows.append(
        ["the dashboard page (no charts, a trend line a KPI)", len(ids), "0", f"{dashboard:.0f}"]
    )
    return rows


def report() -> str:
    """Measure and format the board charts table."""
    headers = ["case", "KPIs", "charts drawn", "ms for them all"]
    note = " ".join(__doc__.split("\n\n", 1)[1].split())
    note += f" Medians of {RUNS} runs, Flask test client, one process."
    return "## Board charts (every KPI's chart.svg)\n\n" + table(headers, measure()) + "\n\n" + note


if __name__ == "__main__":
    print(report())
