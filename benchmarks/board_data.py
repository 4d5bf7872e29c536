"""Plausible answers to the shipped surveys over the last year, for the board's pages.

The board benchmark and the page measurements need the 23 real KPIs with a year of
history: each survey gets responses spread over twelve months, answers drawn at random
from each question's own values (numbers within the question's range; free text left out,
since the board never reads it), in several languages and modes. They go in through the
ORM without a send's checks, then every KPI is counted once, as `flask kpis recount` does.
"""

import random
import uuid
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from app.definitions import definition_of
from app.definitions.loader import latest_version
from app.definitions.schema import Kind, SurveyDef
from app.kpis.counts import recount
from app.models import Kpi, Response, Survey
from app.responses import answer_rows, insert_answers

MONTHS = 12
LANGUAGES = ("en", "en", "en", "pl", "ur", "ar", "so")
MODES = ("online", "online", "online", "paper", "kiosk")


def answers(definition: SurveyDef, rng: random.Random) -> dict:
    """Return one made-up response: every counted question answered from its own values."""
    found = {}
    for question in definition.questions:
        if question.type == Kind.TEXT or question.show_if is not None:
            continue
        if question.type == Kind.NUMBER:
            found[question.key] = str(rng.randint(question.min, question.max))
        elif question.type == Kind.MULTIPLE:
            values = question.values()
            found[question.key] = rng.sample(values, rng.randint(1, min(3, len(values))))
        else:
            # Lean towards the first values (the positive end of most scales), so that the
            # KPIs land in different statuses rather than all at one value.
            values = question.values()
            found[question.key] = values[min(int(rng.expovariate(0.7)), len(values) - 1)]
    return found


def fill(engine, per_survey: int = 120, seed: int = 11) -> None:
    """Store `per_survey` responses to each shipped survey over 12 months; count the KPIs."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with Session(engine) as session:
        for survey in session.exec(select(Survey).order_by(Survey.slug)).all():
            version = latest_version(survey.id, session=session)
            definition = definition_of(version)
            for _ in range(per_survey):
                at = now - timedelta(days=rng.random() * 30.4 * MONTHS)
                response = Response(
                    id=uuid.UUID(int=rng.getrandbits(128), version=4),
                    survey_version_id=version.id,
                    language=rng.choice(LANGUAGES),
                    mode=rng.choice(MODES),
                    submitted_at=at.replace(minute=0, second=0, microsecond=0),
                    content_hash="bench",
                )
                session.add(response)
                session.flush()
                rows = answer_rows(response.id, answers(definition, rng))
                insert_answers(rows, set(), session=session)
        session.flush()
        recount(session.exec(select(Kpi)).all(), session=session)
        session.commit()
