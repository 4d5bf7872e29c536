"""Fixtures for the board and KPI count tests: a KPI survey, timed responses, a fixed today."""

import uuid
from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from app.accounts import sessions
from app.auth import TOKEN
from app.kpis.counts import count_response, live_counts, stored_counts
from app.models import Kpi, Response, Role, StaffUser, utcnow
from app.responses import answer_rows, answer_values, insert_answers
from tests.conftest import newest_version, survey_by_slug

# 50% by 31 March 2025, 80% by 30 September 2025; two conditions; a minimum of 5.
REVIEW = """
title = "Your review"
audience = "young_people"
summary = "Tell us about your review."
minutes = 2

[[questions]]
key = "helpful"
type = "scale"
text = "Was your review helpful?"
dont_know = true

[[questions]]
key = "clear"
type = "yesno"
text = "Are you clear about your help?"
dont_know = true

[[questions]]
key = "topics"
type = "multiple"
text = "What did you talk about?"
required = false
options = [
  { value = "school", label = "School" },
  { value = "jobs", label = "Jobs" },
]

[[kpis]]
ref = "R 1"
statement = "Young people say their review was helpful and they are clear about their help."
priority_area = "Preparing for adulthood"
conditions = [
  { question = "helpful", positive = ["4", "5"] },
  { question = "clear", positive = ["yes"] },
]
milestones = [{ date = 2025-03-31, percent = 50 }]
target = 80
target_date = 2025-09-30
minimum_sample = 5

[[kpis]]
ref = "R 2"
statement = "Young people say their review was helpful."
priority_area = "Reviews on time"
conditions = [{ question = "helpful", positive = ["4", "5"] }]
target = 60
target_date = 2025-06-30
minimum_sample = 5
"""

TODAY = date(2025, 7, 15)


@pytest.fixture
def today(monkeypatch):
    """Fix the board's idea of today at 15 July 2025 (London)."""
    monkeypatch.setattr("app.clock.today", lambda: TODAY)
    return TODAY


@pytest.fixture
def review(make_survey) -> str:
    """Load the two-KPI review survey; return its slug."""
    return make_survey(REVIEW, slug="review")


@pytest.fixture
def add_responses(app):
    """Store responses at a chosen time, with their KPI counts, without a send's checks.

    Each is a dict of answers, given at a time, in a language and a mode.
    """

    def add(slug: str, answers: list[dict], at: datetime, language="en", mode="online"):
        with Session(app.extensions["engine"]) as session:
            version = newest_version(session, slug)
            for given in answers:
                response = Response(
                    id=uuid.uuid4(),
                    survey_version_id=version.id,
                    language=language,
                    mode=mode,
                    submitted_at=at,
                    content_hash="test",
                )
                session.add(response)
                session.flush()
                insert_answers(answer_rows(response.id, given), set(), session=session)
                count_response(version.survey_id, answer_values(given), at, session=session)
            session.commit()

    return add


def utc(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    """Return an aware UTC time."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def mix(both: int, helpful_only: int = 0, neither: int = 0, dont_know: int = 0) -> list[dict]:
    """Return answers: positive on both, helpful only, neither, or "I don't know"."""
    return (
        [{"helpful": "5", "clear": "yes"}] * both
        + [{"helpful": "4", "clear": "no"}] * helpful_only
        + [{"helpful": "2", "clear": "no"}] * neither
        + [{"helpful": "dont_know", "clear": "yes"}] * dont_know
    )


@pytest.fixture
def sign_in(app, client):
    """Sign the client in as a new staff user with a role, without hashing a password.

    The sign-in form itself is tested in tests/app; here a password hash (scrypt, about
    0.1 s each way) would double the time of every board test.
    """

    def as_role(role: Role = Role.OFFICER, email: str = "officer@example.org"):
        with Session(app.extensions["engine"]) as session:
            user = StaffUser(email=email, role=role, password_hash="!no password")
            session.add(user)
            session.flush()
            token = sessions.start(user.id, utcnow(), session=session)
            session.commit()
        with client.session_transaction() as browser:
            browser[TOKEN] = token
        return client

    return as_role


@pytest.fixture
def board(sign_in, today):
    """A client signed in as a board member, on the fixed today."""
    return sign_in(Role.BOARD, "board@example.org")


def kpi_id(app, ref: str, slug: str = "review") -> int:
    """Return the id of a KPI by its reference and survey."""
    with Session(app.extensions["engine"]) as session:
        survey = survey_by_slug(session, slug)
        return session.exec(select(Kpi.id).where(Kpi.survey_id == survey.id, Kpi.ref == ref)).one()


def _by_ref(app, slug: str, count) -> dict[str, dict]:
    with Session(app.extensions["engine"]) as session:
        survey = survey_by_slug(session, slug)
        kpis = session.exec(select(Kpi).where(Kpi.survey_id == survey.id)).all()
        found = count(kpis, session=session)
        return {kpi.ref: found[kpi.id] for kpi in kpis}


def stored_months(app, slug: str = "review") -> dict[str, dict]:
    """Return a survey's stored month counts by KPI reference."""
    return _by_ref(
        app, slug, lambda kpis, session: stored_counts([k.id for k in kpis], session=session)
    )


def counted_months(app, slug: str = "review") -> dict[str, dict]:
    """Return a survey's month counts by KPI reference, counted from the answers."""
    return _by_ref(app, slug, live_counts)
