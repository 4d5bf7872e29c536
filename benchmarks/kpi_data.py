"""Generated survey files with 50 KPIs, and answer rows inserted in bulk, for the dashboard.

The bulk inserts bypass store_response, so they add nothing to the stored KPI counts:
`recount` then counts everything once, as `flask kpis recount` would.
"""

import io
import random
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, select

from app.kpis.counts import recount as recount_kpis
from app.models import Kpi

SURVEYS, KPIS_PER_SURVEY, QUESTIONS = 10, 5, 10
AUDIENCES = ("young_people", "parent_carers", "sencos")
YESNO = ("yes", "yes", "yes", "no", "not_sure", "dont_know")
MONTHS = 18


def survey_text(index: int) -> str:
    """Return one generated survey file: ten questions and five KPIs over them."""
    lines = [
        f'title = "Bench survey {index}"',
        f'audience = "{AUDIENCES[index % len(AUDIENCES)]}"',
        'summary = "Generated for the dashboard benchmark."',
        "minutes = 5",
    ]
    for q in range(QUESTIONS):
        lines += ["[[questions]]", f'key = "q{q}"', 'type = "yesno"', f'text = "Question {q}?"']
        lines.append("dont_know = true")
    for k in range(KPIS_PER_SURVEY):
        keys = [f"q{(k + j) % QUESTIONS}" for j in range(1 + k % 3)]
        conditions = ", ".join(f'{{ question = "{key}", positive = ["yes"] }}' for key in keys)
        lines += [
            "[[kpis]]",
            f'ref = "B{index}.{k}"',
            f'statement = "Generated KPI {k} of survey {index}."',
            f'priority_area = "Priority area {k % 4 + 1}"',
            f"conditions = [{conditions}]",
            "milestones = [{ date = 2025-06-30, percent = 40 }]",
            "target = 60",
            "target_date = 2027-06-30",
        ]
        if k == 4:
            lines.append("window_months = 3")
    return "\n".join(lines) + "\n"


def write_surveys(folder: Path) -> None:
    """Write the generated survey files into a folder."""
    for index in range(SURVEYS):
        (folder / f"bench-{index}.toml").write_text(survey_text(index), encoding="utf-8")


def generate(version_ids: list[int], answer_rows: int, seed: int = 4):
    """Yield (response row, answer rows) with QUESTIONS answers each, over the last 18 months."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    span = timedelta(days=30 * MONTHS).total_seconds()
    for _ in range(answer_rows // QUESTIONS):
        response_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        at = now - timedelta(seconds=rng.random() * span)
        version = rng.choice(version_ids)
        mode = rng.choice(("online", "online", "paper", "kiosk"))
        response = (response_id, version, rng.choice(("en", "en", "pl", "ur")), mode, at)
        yield response, [(response_id, f"q{q}", rng.choice(YESNO)) for q in range(QUESTIONS)]


def insert_sqlite(engine, version_ids: list[int], answer_rows: int) -> None:
    """Insert the rows through sqlite3's executemany, as SQLAlchemy would store them."""
    responses, answers = [], []
    for (rid, version, lang, mode, at), rows in generate(version_ids, answer_rows):
        stamp = at.strftime("%Y-%m-%d %H:%M:%S.%f")
        responses.append((rid.hex, version, lang, mode, 0, stamp, "bench"))
        answers += [(r.hex, key, value) for r, key, value in rows]
    raw = engine.raw_connection()
    try:
        raw.executemany("INSERT INTO response VALUES (?, ?, ?, ?, ?, ?, ?)", responses)
        raw.executemany(
            "INSERT INTO answer (response_id, question_key, value) VALUES (?, ?, ?)", answers
        )
        raw.commit()
    finally:
        raw.close()


def insert_postgres(engine, version_ids: list[int], answer_rows: int) -> None:
    """Insert the rows with PostgreSQL's COPY, then ANALYZE so the planner knows the sizes."""
    responses, answers = io.StringIO(), io.StringIO()
    for (rid, version, lang, mode, at), rows in generate(version_ids, answer_rows):
        responses.write(f"{rid}\t{version}\t{lang}\t{mode}\tf\t{at.isoformat()}\tbench\n")
        answers.writelines(f"{r}\t{key}\t{value}\n" for r, key, value in rows)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        columns = "(id, survey_version_id, language, mode, easy_read, submitted_at, content_hash)"
        with cursor.copy(f"COPY response {columns} FROM STDIN") as copy:
            copy.write(responses.getvalue())
        with cursor.copy("COPY answer (response_id, question_key, value) FROM STDIN") as copy:
            copy.write(answers.getvalue())
        raw.commit()
        cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def recount(engine) -> float:
    """Count every KPI's month counts from the answers and store them; return milliseconds."""
    started = time.perf_counter()
    with Session(engine) as session:
        recount_kpis(session.exec(select(Kpi)).all(), session=session)
        session.commit()
    return (time.perf_counter() - started) * 1000
