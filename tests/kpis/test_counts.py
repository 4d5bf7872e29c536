"""Stored KPI counts: a send adds to its month once, a definition change or a repair recounts."""

import random
import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlmodel import Session, select

from app.board.cli import kpis_recount
from app.kpis.counts import recount
from app.models import Kpi, KpiMonthCount
from app.responses import Outcome, store_response
from tests.conftest import newest_version, race_sends
from tests.kpi_fixtures import REVIEW, counted_months, mix, stored_months, utc

# Optional questions (so a condition can go unanswered), a multiple choice question, and
# conditions with and without their own excluded answers.
RANDOM = """
title = "Random answers"
audience = "young_people"
summary = "Answers at random."
minutes = 2

[[questions]]
key = "helpful"
type = "scale"
text = "Was it helpful?"
required = false
dont_know = true
prefer_not = true

[[questions]]
key = "clear"
type = "yesno"
text = "Is it clear?"
dont_know = true

[[questions]]
key = "topics"
type = "multiple"
text = "What did you talk about?"
required = false
options = [
  { value = "school", label = "School" },
  { value = "jobs", label = "Jobs" },
  { value = "friends", label = "Friends" },
]
""" + "".join(
    f"""
[[kpis]]
ref = "P {ref}"
statement = "KPI {ref}."
priority_area = "Random"
conditions = [{conditions}]
target = 50
target_date = 2026-01-31
"""
    for ref, conditions in (
        (
            1,
            '{ question = "helpful", positive = ["4", "5"] },'
            ' { question = "clear", positive = ["yes"] }',
        ),
        (2, '{ question = "topics", positive = ["jobs"] }'),
        (
            3,
            '{ question = "topics", positive = ["school"], excluded = ["friends"] },'
            ' { question = "helpful", positive = ["5"], excluded = ["1"] }',
        ),
    )
)


@pytest.fixture
def send(app, monkeypatch):
    """Send a response through store_response at a chosen time; return its outcome."""

    def send_at(slug: str, answers: dict, at: datetime, response_id: uuid.UUID | None = None):
        monkeypatch.setattr("app.responses.utcnow", lambda: at)
        with Session(app.extensions["engine"]) as session:
            result = store_response(
                response_id=response_id or uuid.uuid4(),
                version=newest_version(session, slug),
                answers=answers,
                language="en",
                mode="online",
                session=session,
            )
            session.commit()
        return result.outcome

    return send_at


def test_a_sent_response_adds_to_the_london_month_it_was_sent_in(app, review, send):
    send(review, {"helpful": "5", "clear": "no"}, utc(2025, 6, 30, 23, 30))  # 1 July in London
    send(review, {"helpful": "4", "clear": "yes"}, utc(2025, 7, 2))
    assert stored_months(app) == {"R 1": {"2025-07": (2, 1)}, "R 2": {"2025-07": (2, 2)}}


def test_sending_the_same_response_again_adds_nothing(app, review, send):
    response_id = uuid.uuid4()
    answers = {"helpful": "5", "clear": "yes"}
    assert send(review, answers, utc(2025, 6, 10), response_id) == Outcome.STORED
    assert send(review, answers, utc(2025, 6, 11), response_id) == Outcome.DUPLICATE
    assert send(review, mix(0, 1)[0], utc(2025, 6, 12), response_id) == Outcome.CONFLICT
    assert stored_months(app) == {"R 1": {"2025-06": (1, 1)}, "R 2": {"2025-06": (1, 1)}}


def test_a_refused_response_adds_nothing(app, review, send):
    assert send(review, {"helpful": "5"}, utc(2025, 6, 10)) == Outcome.REFUSED
    assert stored_months(app) == {"R 1": {}, "R 2": {}}


def test_racing_duplicate_sends_are_counted_once(app, review, monkeypatch, db_session):
    monkeypatch.setattr("app.responses.utcnow", lambda: utc(2025, 6, 10))
    version = newest_version(db_session, review)
    results = race_sends(app.extensions["engine"], version, {"helpful": "5", "clear": "yes"})
    assert sorted(result.outcome for result in results) == sorted(
        [Outcome.STORED] + [Outcome.DUPLICATE] * 3
    )
    assert stored_months(app) == {"R 1": {"2025-06": (1, 1)}, "R 2": {"2025-06": (1, 1)}}


# Two responses in June before, one in July during: a month row the recount did not make.
JUNE_AND_JULY = {
    "R 1": {"2025-06": (2, 2), "2025-07": (1, 1)},
    "R 2": {"2025-06": (2, 2), "2025-07": (1, 1)},
}


def in_a_thread(action) -> threading.Thread:
    """Start an action in another thread, as another request would run."""
    thread = threading.Thread(target=action)
    thread.start()
    return thread


def test_a_send_waits_for_a_recount_in_progress_and_is_counted_once(
    app, review, add_responses, send
):
    add_responses(review, mix(2), utc(2025, 6, 10))
    with Session(app.extensions["engine"]) as recounting:
        recount(recounting.exec(select(Kpi)).all(), session=recounting)
        thread = in_a_thread(lambda: send(review, mix(1)[0], utc(2025, 7, 1)))
        thread.join(timeout=0.5)
        assert thread.is_alive()
        recounting.commit()
    thread.join(timeout=20)
    assert stored_months(app) == counted_months(app) == JUNE_AND_JULY


def test_a_recount_waits_for_a_send_in_progress_and_counts_it_once(
    app, review, add_responses, monkeypatch
):
    add_responses(review, mix(2), utc(2025, 6, 10))
    monkeypatch.setattr("app.responses.utcnow", lambda: utc(2025, 7, 1))

    def recount_all():
        with Session(app.extensions["engine"]) as session:
            recount(session.exec(select(Kpi)).all(), session=session)
            session.commit()

    with Session(app.extensions["engine"]) as sending:
        store_response(
            response_id=uuid.uuid4(),
            version=newest_version(sending, review),
            answers=mix(1)[0],
            language="en",
            mode="online",
            session=sending,
        )
        thread = in_a_thread(recount_all)
        thread.join(timeout=0.5)
        assert thread.is_alive()
        sending.commit()
    thread.join(timeout=20)
    assert stored_months(app) == counted_months(app) == JUNE_AND_JULY


def random_answers(rng: random.Random) -> dict:
    """Return answers a respondent could give: optional questions sometimes skipped."""
    answers: dict = {"clear": rng.choice(["yes", "no", "not_sure", "dont_know"])}
    if rng.random() < 0.8:
        answers["helpful"] = rng.choice(["1", "2", "3", "4", "5", "dont_know", "prefer_not_say"])
    if rng.random() < 0.7:
        answers["topics"] = rng.sample(["school", "jobs", "friends"], rng.randint(1, 3))
    return answers


def random_time(rng: random.Random) -> datetime:
    """Return a time in 2025, half of them in the hours either side of a month's end."""
    month = rng.randint(1, 12)
    if rng.random() < 0.5:
        month_end = datetime(2025 + month // 12, month % 12 + 1, 1, tzinfo=UTC)
        return month_end + timedelta(minutes=rng.randint(-150, 90))
    return datetime(2025, month, 1, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 27 * 1440))


@pytest.mark.parametrize("seed", [1, 2])
def test_the_stored_counts_agree_with_a_full_recount_on_random_responses(
    app, make_survey, send, seed
):
    slug = make_survey(RANDOM, slug="random")
    rng = random.Random(seed)
    for _ in range(60):
        assert send(slug, random_answers(rng), random_time(rng)) == Outcome.STORED
    found = stored_months(app, slug)
    assert found == counted_months(app, slug)
    assert sum(v for months in found.values() for v, _p in months.values()) > 0


def test_a_changed_survey_file_recounts_changed_kpis_and_counts_new_ones(
    app, make_survey, add_responses
):
    make_survey(REVIEW, slug="review")
    add_responses("review", mix(3, 2), utc(2025, 6, 10))
    changed = REVIEW.replace('positive = ["yes"] }', 'positive = ["no"] }')
    extra = '\n[[kpis]]\nref = "R 3"\nstatement = "Clear."\npriority_area = "Reviews on time"\n'
    extra += 'conditions = [{ question = "clear", positive = ["yes"] }]\n'
    make_survey(changed + extra + "target = 60\ntarget_date = 2025-06-30\n", slug="review")
    assert stored_months(app) == {
        "R 1": {"2025-06": (5, 2)},
        "R 2": {"2025-06": (5, 5)},
        "R 3": {"2025-06": (5, 3)},
    }


def test_the_recount_command_repairs_the_stored_counts(app, review, add_responses):
    add_responses(review, mix(4, 1), utc(2025, 6, 10))
    with Session(app.extensions["engine"]) as session:
        session.execute(update(KpiMonthCount).values(valid=99))
        session.execute(update(Kpi).values(counted_hash=None))
        session.commit()
    result = app.test_cli_runner().invoke(kpis_recount)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Recounted ")
    assert stored_months(app) == {"R 1": {"2025-06": (5, 4)}, "R 2": {"2025-06": (5, 5)}}
    with Session(app.extensions["engine"]) as session:
        assert None not in session.exec(select(Kpi.counted_hash)).all()
