"""Two sends of the same response at the same moment store it once, on a real database."""

import uuid

from sqlmodel import Session, func, select

from app.models import Answer, Response
from app.responses import Outcome, store_response
from tests.conftest import newest_version, race_sends
from tests.samples import TWO_QUESTIONS


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
