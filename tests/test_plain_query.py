"""PlainQuery (app/db.py) reads what SQLAlchemy's own execution reads, on both databases."""

from datetime import timedelta

from sqlalchemy import bindparam
from sqlmodel import Session, select

from app.db import PlainQuery
from app.models import Draft, Survey, SurveyState, SurveyVersion, utcnow
from tests.conftest import newest_version

SLUG = "post-14-review"
COLUMNS = select(
    Survey.state,
    SurveyVersion.id,
    SurveyVersion.accepting,
    Draft.answers,
    Draft.updated_at,
    Draft.response_id,
)
STATEMENT = (
    COLUMNS.select_from(Survey)
    .join(SurveyVersion, SurveyVersion.survey_id == Survey.id)
    .join(Draft, Draft.survey_version_id == SurveyVersion.id)
    .where(Draft.token == bindparam("token"))
    .where(Survey.slug == bindparam("slug"))
)


def a_draft(app) -> Draft:
    engine = app.extensions["engine"]
    with Session(engine, expire_on_commit=False) as session:
        version = newest_version(session, SLUG)
        draft = Draft(
            token="a-token",
            survey_version_id=version.id,
            answers={"helpful": "yes", "words": "Ünïcode and 'quotes'", "many": ["a", "b"]},
            updated_at=utcnow() - timedelta(minutes=5),
        )
        session.add(draft)
        session.commit()
    return draft


def test_a_row_reads_as_sqlalchemy_reads_it(app):
    draft = a_draft(app)
    engine = app.extensions["engine"]
    query = PlainQuery(STATEMENT)
    with engine.connect() as connection:
        expected = connection.execute(STATEMENT, {"slug": SLUG, "token": "a-token"}).one()
    for _ in range(2):  # compiled on the first call, remembered after
        row = query.first(engine, slug=SLUG, token="a-token")
        assert tuple(row) == tuple(expected)
    assert row.state is SurveyState.OPEN
    assert row.answers == draft.answers
    assert row.updated_at == draft.updated_at
    assert row.updated_at.tzinfo is not None
    assert row.response_id == draft.response_id


def test_no_row_is_none_and_leaves_the_pool_clean(app):
    a_draft(app)
    engine = app.extensions["engine"]
    query = PlainQuery(STATEMENT)
    for _ in range(20):  # more than the pool holds: each connection goes back
        assert query.first(engine, slug=SLUG, token="someone-else") is None
    # Nothing was left open: a write straight after is not blocked or rolled back.
    with Session(engine) as session:
        session.get(Draft, "a-token").answers = {"helpful": "no"}
        session.commit()
    assert query.first(engine, slug=SLUG, token="a-token").answers == {"helpful": "no"}


def test_values_written_into_the_statement_are_sent_too(app):
    a_draft(app)
    engine = app.extensions["engine"]
    only_open = PlainQuery(STATEMENT.where(Survey.state == SurveyState.OPEN.value))
    assert only_open.first(engine, slug=SLUG, token="a-token") is not None
    with Session(engine) as session:
        survey = session.exec(select(Survey).where(Survey.slug == SLUG)).one()
        survey.close()
        session.commit()
    assert only_open.first(engine, slug=SLUG, token="a-token") is None


def test_on_a_session_it_reads_in_the_sessions_transaction(app):
    draft = a_draft(app)
    engine = app.extensions["engine"]
    query = PlainQuery(STATEMENT)
    with Session(engine) as session:
        changed = {"helpful": "not yet committed"}
        session.get(Draft, draft.token).answers = changed
        session.flush()
        # Its own connection sees its own uncommitted write; the engine's pool does not.
        assert query.first(session, slug=SLUG, token="a-token").answers == changed
        assert query.first(engine, slug=SLUG, token="a-token").answers == draft.answers
        session.commit()  # the connection is still the session's to commit on
    assert query.first(engine, slug=SLUG, token="a-token").answers == changed


def test_a_borrowed_connection_goes_back_ready_for_a_transaction(app):
    # On PostgreSQL the SELECT runs in autocommit: the connection must go back without it.
    a_draft(app)
    engine = app.extensions["engine"]
    query = PlainQuery(STATEMENT)
    for _ in range(20):  # more than the pool holds
        assert query.first(engine, slug=SLUG, token="a-token") is not None
    for _ in range(6):  # each pooled connection in turn
        with Session(engine) as session:
            session.get(Draft, "a-token").answers = {"helpful": "rolled back"}
            session.flush()
            session.rollback()  # undoes the write only inside a transaction
        assert query.first(engine, slug=SLUG, token="a-token").answers["helpful"] == "yes"
