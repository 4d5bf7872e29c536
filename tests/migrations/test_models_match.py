"""The models and the migrations describe one schema: autogenerate finds nothing to do."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel


def test_migrating_to_head_gives_the_schema_the_models_declare(app):
    with app.extensions["engine"].connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_the_database_refuses_a_survey_state_the_model_does_not_know(app):
    engine = app.extensions["engine"]
    names = {c["name"] for c in inspect(engine).get_check_constraints("survey")}
    assert "ck_survey_state" in names
    with engine.connect() as connection:
        refused = _refused(connection, "UPDATE survey SET state = 'archived'")
    assert refused


def test_the_database_refuses_a_closed_kpi_without_a_closing_date(app):
    with app.extensions["engine"].connect() as connection:
        assert _refused(connection, "UPDATE kpi SET closed = TRUE, closed_at = NULL")
        assert not _refused(
            connection, "UPDATE kpi SET closed = TRUE, closed_at = CURRENT_TIMESTAMP"
        )


def _refused(connection, statement: str) -> bool:
    """Run a statement in a savepoint; say whether the database refused it."""
    savepoint = connection.begin_nested() if connection.in_transaction() else connection.begin()
    try:
        connection.execute(text(statement))
    except Exception as error:  # noqa: BLE001  (either driver's IntegrityError)
        savepoint.rollback()
        return "constraint" in str(error).lower() or "check" in str(error).lower()
    savepoint.rollback()
    return False
