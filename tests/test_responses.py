"""Storing a whole response: once, checked, cleaned, and kept to the hour, on a real database."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, func, select

from app.models import AlertState, Answer, CommentReading, QuoteState, Response, SafeguardingAlert
from app.responses import Outcome, store_response
from tests.conftest import newest_version, race_sends
from tests.samples import ALL_TYPES, GENDER, TWO_QUESTIONS

RISKY = "I am scared at home, my step dad hits me"


def test_racing_duplicate_sends_store_one_response(app, make_survey, db_session):
    version = newest_version(db_session, make_survey(TWO_QUESTIONS))
    results = race_sends(app.extensions["engine"], version, {"involved": "yes", "comments": None})
    assert sorted(result.outcome for result in results) == sorted(
        [Outcome.STORED] + [Outcome.DUPLICATE] * 3
    )
    assert db_session.exec(select(func.count()).select_from(Response)).one() == 1
    assert db_session.exec(select(func.count()).select_from(Answer)).one() == 1


def test_racing_sends_of_a_risky_comment_store_one_reading_and_raise_one_alert(
    app, make_survey, db_session
):
    version = newest_version(db_session, make_survey(TWO_QUESTIONS))
    answers = {"involved": "yes", "comments": RISKY}
    results = race_sends(app.extensions["engine"], version, answers)
    assert sorted(result.outcome for result in results) == sorted(
        [Outcome.STORED] + [Outcome.DUPLICATE] * 3
    )
    # Only the send that stored it asks for the lead's email; its twins raise nothing.
    assert sorted(result.alerts for result in results) == [0, 0, 0, 1]
    answer = db_session.exec(select(Answer).where(Answer.question_key == "comments")).one()
    reading = db_session.exec(select(CommentReading)).one()
    alert = db_session.exec(select(SafeguardingAlert)).one()
    assert (reading.answer_id, alert.reading_id) == (answer.id, reading.id)


def test_racing_sends_of_one_id_with_different_answers_keep_the_first_and_merge_nothing(
    app, make_survey, db_session
):
    version = newest_version(db_session, make_survey(TWO_QUESTIONS))
    given = [{"involved": "yes"}, {"involved": "no"}]
    results = race_sends(app.extensions["engine"], version, given)
    assert sorted(result.outcome for result in results) == [Outcome.CONFLICT, Outcome.STORED]
    assert db_session.exec(select(Answer.value)).all() in (["yes"], ["no"])


def test_each_comment_in_a_response_is_read_and_alerted_on_its_own(app, make_survey, db_session):
    version = newest_version(db_session, make_survey(TWO_QUESTIONS + GENDER))
    own_words = "I am non-binary and that is how I like to say it"
    answers = {"involved": "yes", "comments": RISKY, "gender": "another_way"}
    result = store(db_session, version, answers | {"gender_words": own_words})
    assert (result.outcome, result.alerts) == (Outcome.STORED, 1)
    read = db_session.exec(
        select(Answer.value, CommentReading)
        .join(CommentReading, CommentReading.answer_id == Answer.id)
        .order_by(Answer.question_key)
    ).all()
    assert [(value, reading.withheld) for value, reading in read] == [
        (RISKY, True),
        (own_words, False),
    ]
    # Stored as the models' defaults say, though no model object was made.
    for _value, reading in read:
        assert reading.quote == QuoteState.PENDING and reading.corrected_themes is None
        assert reading.analysed_at is not None and reading.summary_en is None
    alert = db_session.exec(select(SafeguardingAlert)).one()
    assert (alert.reading_id, alert.kind, alert.state) == (read[0][1].id, "risk", AlertState.NEW)
    assert alert.created_at is not None and alert.updated_at is None


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


def test_a_replaced_version_takes_answers_only_when_they_were_given_while_it_was_newest(
    app, make_survey, db_session
):
    slug = make_survey(TWO_QUESTIONS)
    old = newest_version(db_session, slug)
    make_survey(TWO_QUESTIONS.replace("Tell us more", "Tell us anything else"), slug=slug)
    db_session.refresh(old)

    def store(**kwargs):
        return store_response(
            response_id=uuid.uuid4(),
            version=old,
            answers={"involved": "yes"},
            language="en",
            mode="paper",
            session=db_session,
            **kwargs,
        ).outcome

    # A phone still holding the old version is refused; a paper form printed from it is not.
    assert store() == Outcome.REFUSED
    assert store(allow_replaced=True) == Outcome.STORED
    db_session.commit()
    stored = db_session.exec(select(Response)).one()
    assert stored.survey_version_id == old.id and stored.mode == "paper"
