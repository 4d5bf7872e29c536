"""The engine, the per-request session, and the "is the schema migrated?" check."""

import os
from collections import namedtuple
from contextlib import closing
from pathlib import Path

from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask, g
from sqlalchemy import Engine, Select, event, make_url
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def make_engine(url: str) -> Engine:
    """Create the one engine (and connection pool) this process uses for a database."""
    # A failed statement's parameters are answers: keep them out of error messages and logs.
    if url.startswith("sqlite"):
        _create_privately(make_url(url).database)
        engine = create_engine(
            url,
            connect_args={"timeout": 15, "check_same_thread": False},
            hide_parameters=True,
        )
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    return create_engine(
        url, pool_pre_ping=True, pool_size=5, max_overflow=10, hide_parameters=True
    )


def _create_privately(database: str | None) -> None:
    """Create a new SQLite file readable by its owner alone, in a folder only they can open."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if path.exists():
        return  # an existing file keeps the permissions its owner chose
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # SQLite gives the -wal and -shm files the database file's permissions.
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _tune_sqlite(dbapi_connection, _record) -> None:
    # WAL lets respondents read while another request writes; the busy timeout makes
    # a second writer wait instead of failing with "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def init_app(app: Flask) -> None:
    """Bind an engine to the app and give each request one session, committed once."""
    app.extensions["engine"] = make_engine(app.config["DATABASE_URL"])
    app.teardown_appcontext(_close_session)


def engine() -> Engine:
    """Return the current app's engine."""
    from flask import current_app

    return current_app.extensions["engine"]


def session() -> Session:
    """Return this request's session, opening it on first use."""
    if "db_session" not in g:
        g.db_session = Session(engine(), expire_on_commit=False)
    return g.db_session


def commit() -> None:
    """Commit this request's work: called once, by the view, after the work is done."""
    if "db_session" in g:
        g.db_session.commit()


def begin_writing(db_session: Session) -> None:
    """Open the write transaction now, so every write after it commits together."""
    connection = db_session.connection()
    if connection.dialect.name != "sqlite":
        return
    # pysqlite opens a transaction only at its first INSERT, UPDATE or DELETE: a SAVEPOINT
    # issued first would commit on release, apart from the writes that follow it.
    # IMMEDIATE takes the write lock now, waiting out the busy timeout instead of failing.
    if not connection.connection.driver_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class PlainQuery:
    """A read-only SELECT run on the driver's own cursor, compiled once by SQLAlchemy.

    For the few reads on every respondent's page: even a Core `connection.execute` spent
    four times as long building its result as the database spent answering. SQLAlchemy
    still writes the SQL for each dialect and converts each column (times, JSON, enums) as
    it would; what is skipped is the per-call bookkeeping. Parameters (and values written
    into the statement) reach the driver as they are, so they must be plain strings,
    numbers and booleans.
    """

    def __init__(self, statement: Select):
        self.statement = statement
        self.Row = namedtuple("Row", statement.selected_columns.keys())
        # (dialect, driver): (SQL, parameter order, fixed values, converters); drivers
        # differ in paramstyle. Two threads compiling at once store the same thing.
        self._ready: dict[tuple[str, str], tuple] = {}

    def first(self, source: Engine | Session, **params):
        """Return the first row (a named tuple of converted values), or None.

        Given an engine, the query borrows a pooled connection for itself; given a session,
        it runs on the session's own connection, in its transaction: for a request that
        writes next, one connection (and on PostgreSQL one pre-ping) instead of two.
        """
        borrowed = not isinstance(source, Session)
        if borrowed:
            db_engine, connection = source, source.raw_connection()  # close() gives it back
        else:  # the session gives its connection back when it ends
            db_engine, connection = source.get_bind(), source.connection().connection
        dialect = db_engine.dialect
        ready = self._ready.get((dialect.name, dialect.driver))
        # One SELECT needs no transaction of its own. On PostgreSQL, autocommit (as
        # SQLAlchemy's own pre-ping does) saves psycopg's BEGIN and the ROLLBACK the pool
        # sends when the connection goes back: two round trips of the four a page paid.
        driver = connection.driver_connection
        autocommit = borrowed and dialect.name == "postgresql" and not driver.autocommit
        if autocommit:
            driver.autocommit = True
        try:
            with closing(connection.cursor()) as cursor:
                sql, order, fixed = ready[:3] if ready else self._compiled(dialect)
                given = {**fixed, **params}  # the statement's own values, then this call's
                values = tuple(given[name] for name in order) if order else given
                if db_engine.dispatch.before_cursor_execute:
                    # Whatever watches every statement (a test, a tool) sees this one too;
                    # no Connection or execution context was made, so those are None.
                    db_engine.dispatch.before_cursor_execute(None, cursor, sql, values, None, False)
                cursor.execute(sql, values)
                row = cursor.fetchone()
                if ready is None:
                    ready = self._remember(dialect, (sql, order, fixed), cursor.description)
        finally:
            if autocommit and not driver.closed:
                driver.autocommit = False
            if borrowed:
                connection.close()  # the pool rolls back whatever the SELECT began
        if row is None:
            return None
        return self.Row(
            *(value if c is None else c(value) for c, value in zip(ready[3], row, strict=True))
        )

    def _compiled(self, dialect) -> tuple[str, tuple | None, dict]:
        compiled = self.statement.compile(dialect=dialect)
        order = tuple(compiled.positiontup) if compiled.positional else None
        fixed = {
            name: bind.effective_value for name, bind in compiled.binds.items() if not bind.required
        }
        return compiled.string, order, fixed

    def _remember(self, dialect, compiled: tuple, description) -> tuple:
        # Converters need the driver's type codes, which only a cursor's description gives.
        converters = tuple(
            column.type.dialect_impl(dialect).result_processor(dialect, described[1])
            for column, described in zip(self.statement.selected_columns, description, strict=True)
        )
        ready = self._ready[(dialect.name, dialect.driver)] = (*compiled, converters)
        return ready


def _close_session(_exc: BaseException | None) -> None:
    # Anything not committed by the view is rolled back here, so an error changes nothing.
    db_session = g.pop("db_session", None)
    if db_session is not None:
        db_session.rollback()
        db_session.close()


def alembic_config(url: str) -> AlembicConfig:
    """Build the Alembic config for a database URL without an alembic.ini file."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def schema_problem(db_engine: Engine) -> str | None:
    """Say what to run if the database is not at the newest migration, else None."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with db_engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current == head:
        return None
    return (
        f"The database is not migrated (it is at {current or 'nothing'}, the code needs "
        f"{head}). Run `make migrate` (or `flask --app app db upgrade`) and start again."
    )
