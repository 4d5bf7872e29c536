"""Storing a whole response: once, checked, cleaned, and kept to the hour, on a real database."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, func, select

from app.models import Answer, Response
from app.responses import Outcome, store_response
from tests.conftest import newest_version, race_sends
from tests.samples import ALL_TYPES, TWO_QUESTIONS


def test_racing_duplicate_sends_store_one_response(app, make_survey, db_session):
    version = newest_version(db_session, make_survey(TWO_QUESTIONS))
    outcomes = race_sends(app.extensions["engine"], version, {"involved": "yes", "comments": None})
    assert sorted(outcomes) == sorted([Outcome.STORED] + [Outcome.DUPLICATE] * 3)
    assert db_session.exec(select(func.count()).select_from(Response)).one() == 1
    assert db_session.exec(select(func.count()).select_from(Answer)).one() == 1


def test_the_same_id_with_different_answers_is_a_conflict_not_a_merge(app, make_survey, db_session):
    version = newest_version(db_session, make_survey(TWO_QUESTIONS))
    response_id = uuid.uuid4()
    first = store_response(
        response_id=response_id,
        version=version,
        answers={"involved": "yes"},
        language="en",
        mode="paper",
        session=db_session,
    )
    db_session.commit()
    second = store_response(
        response_id=response_id,
        version=version,
        answers={"involved": "no"},
        language="en",
        mode="paper",
        session=db_session,
    )
    assert (first.outcome, second.outcome) == (Outcome.STORED, Outcome.CONFLICT)
    assert db_session.exec(select(Answer.value)).all() == ["yes"]


def test_answers_that_break_the_rules_are_refused_whole(app, make_survey, db_session):
    version = newest_version(db_session, make_survey(TWO_QUESTIONS))
    result = store_response(
        response_id=uuid.uuid4(),
        version=version,
        answers={"involved": "perhaps", "made_up": "x"},
        language="en",
        mode="paper",
        session=db_session,
    )
    db_session.commit()
    assert result.outcome == Outcome.REFUSED
    assert set(result.problems) == {
        'involved: "perhaps" was not offered',
        "made_up: not a question in this survey",
    }
    assert db_session.exec(select(func.count()).select_from(Response)).one() == 0


def test_a_send_rolled_back_after_storing_leaves_nothing_behind(app, make_survey, db_session):
    version = newest_version(db_session, make_survey(TWO_QUESTIONS))
    with Session(app.extensions["engine"]) as session:
        result = store_response(
            response_id=uuid.uuid4(),
            version=version,
            answers={"involved": "yes"},
            language="en",
            mode="online",
            session=session,
        )
        session.rollback()  # e.g. deleting the draft failed after the response was stored
    assert result.outcome == Outcome.STORED
    assert db_session.exec(select(func.count()).select_from(Response)).one() == 0


def store(db_session, version, answers: dict):
    """Store one response from a source other than the form (a kiosk's sync, paper entry)."""
    result = store_response(
        response_id=uuid.uuid4(),
        version=version,
        answers=answers,
        language="en",
        mode="paper",
        session=db_session,
    )
    db_session.commit()
    return result


def test_control_characters_in_synced_text_are_removed_before_storing(app, make_survey, db_session):
    version = newest_version(db_session, make_survey(TWO_QUESTIONS))
    result = store(db_session, version, {"involved": "yes", "comments": "a\x00b\x1bc\r\nd"})
    assert result.outcome == Outcome.STORED
    values = db_session.exec(select(Answer.value).where(Answer.question_key == "comments")).all()
    assert values == ["abc\nd"]  # NUL never reached the database (PostgreSQL refuses it)


@pytest.mark.parametrize("age", ["١٥", "²", "--5", "+5", "9" * 5000])
def test_a_number_that_is_not_plain_ascii_digits_is_refused_whole(
    app, make_survey, db_session, age
):
    version = newest_version(db_session, make_survey(ALL_TYPES))
    answers = {"had_review": "no", "who": "family", "age": age}
    result = store(db_session, version, answers)
    assert result.outcome == Outcome.REFUSED
    assert result.problems == ("age: not a whole number",)
    assert db_session.exec(select(func.count()).select_from(Response)).one() == 0


def test_responses_keep_only_the_hour_they_came_in(app, make_survey, db_session):
    version = newest_version(db_session, make_survey(TWO_QUESTIONS))
    store(db_session, version, {"involved": "yes"})
    at = db_session.exec(select(Response.submitted_at)).one()
    assert (at.minute, at.second, at.microsecond) == (0, 0, 0)
    assert datetime.now(UTC) - at < timedelta(hours=1, minutes=1)
