"""Dashboard time for 50 KPIs over 10k, 100k and 1M answer rows, on SQLite and PostgreSQL."""

import os
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session, select

from app import create_app
from app.auth import create_user
from app.board import chart_cache
from app.cli import db_upgrade
from app.definitions.loader import load_directory
from app.models import Kpi, Role, SurveyVersion
from benchmarks import kpi_data
from benchmarks.setup import table

SIZES = (10_000, 100_000, 1_000_000)
WARM_RUNS = int(os.environ.get("BENCH_DASHBOARD_RUNS", "7"))


def _reset_postgres(url: str) -> None:
    # BENCH_DATABASE_URL names a throwaway database: start each size from an empty schema.
    app = create_app({"SECRET_KEY": "bench", "DATABASE_URL": url})
    with app.extensions["engine"].begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    app.extensions["engine"].dispose()


def build(url: str | None, rows: int) -> tuple[dict, float]:
    """Make a database with 50 generated KPIs and `rows` answer rows, counted.

    Return the app settings for it and the milliseconds the recount of the counts took.
    """
    folder = Path(tempfile.mkdtemp(prefix="heard-dash-"))
    (folder / "surveys").mkdir()
    kpi_data.write_surveys(folder / "surveys")
    if url:
        _reset_postgres(url)
    config = {"SECRET_KEY": "bench", "DATABASE_URL": url or f"sqlite:///{folder}/heard.db"}
    config |= {"WTF_CSRF_ENABLED": False, "SURVEYS_DIR": folder / "surveys"}
    config |= {"CHART_CACHE_DIR": folder / "charts"}  # each size draws its charts afresh
    app = create_app(config)
    assert app.test_cli_runner().invoke(db_upgrade).exit_code == 0
    engine = app.extensions["engine"]
    with Session(engine) as session:
        load_directory(folder / "surveys", session=session)
        create_user("board@example.org", "bench password", Role.BOARD, session=session)
        session.commit()
        versions = [v.id for v in session.exec(select(SurveyVersion))]
    insert = kpi_data.insert_postgres if url else kpi_data.insert_sqlite
    insert(engine, versions, rows)
    recount_ms = kpi_data.recount(engine)
    engine.dispose()
    return config, recount_ms


def signed_in(config: dict, cookie: str | None = None):
    """Return a new app and a client signed in as the board member (by cookie if given)."""
    app = create_app(config)
    client = app.test_client()
    if cookie is None:
        form = {"email": "board@example.org", "password": "bench password"}
        client.post("/manage/sign-in", data=form)
    else:
        client.set_cookie("session", cookie)
    return app, client


def timed_get(client, url: str) -> float:
    """Return one GET's milliseconds, checking it worked."""
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return (time.perf_counter() - started) * 1000


def cold_load(config: dict, cookie: str) -> float:
    """Time the first request of a new app, as after a restart: nothing kept in memory."""
    app, client = signed_in(config, cookie)
    try:
        return timed_get(client, "/board/")
    finally:
        app.extensions["engine"].dispose()


def measure(label: str, url: str | None, rows: int) -> list:
    """Time the recount, the dashboard cold (a new app) and warm, and one chart."""
    config, recount_ms = build(url, rows)
    app, client = signed_in(config)
    cookie = client.get_cookie("session").value
    cold = [cold_load(config, cookie) for _ in range(3)]
    warm = [timed_get(client, "/board/") for _ in range(WARM_RUNS)]
    with Session(app.extensions["engine"]) as session:
        ids = session.exec(select(Kpi.id).limit(5)).all()
    chart_cache.clear_memory()  # draw each chart, not fetch one drawn by an earlier size
    charts = [timed_get(client, f"/board/kpis/{kpi_id}/chart.svg") for kpi_id in ids]
    app.extensions["engine"].dispose()
    return [
        label,
        f"{rows:,}",
        f"{recount_ms:.0f}",
        f"{statistics.median(cold):.0f}",
        f"{statistics.median(warm):.0f}",
        f"{statistics.median(charts):.0f}",
    ]


def report() -> str:
    """Measure every size on SQLite, and on PostgreSQL when BENCH_DATABASE_URL is set."""
    rows = [measure("SQLite", None, size) for size in SIZES]
    if os.environ.get("BENCH_DATABASE_URL"):
        rows += [measure("PostgreSQL", os.environ["BENCH_DATABASE_URL"], s) for s in SIZES]
    note = (
        "50 KPIs in 10 surveys (1-3 conditions each), answers spread over 18 months, "
        "inserted in bulk. Recount: counting every KPI per month from the answers into "
        "kpi_month_count once (one query per survey, as `flask kpis recount`; sends add to "
        "it as they arrive). Cold: the first request of a new app (as after a restart), "
        "which reads the stored counts; warm: a later request. Chart: one KPI's trajectory "
        "SVG drawn by matplotlib. Medians in milliseconds, Flask test client, one process."
    )
    headers = ["database", "answer rows", "recount ms", "cold ms", "warm ms", "chart ms"]
    return "## Board dashboard (GET /board/)\n\n" + table(headers, rows) + "\n\n" + note
