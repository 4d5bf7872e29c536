"""Starting up: refuse an unmigrated database or a missing secret, with what to run."""

import stat

import pytest
from sqlalchemy import inspect

from app import create_app
from app.cli import db_upgrade
from app.config import ConfigError, database_url


def test_an_unmigrated_database_is_refused_with_the_command_to_run(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    with pytest.raises(SystemExit) as refused:
        create_app({"SECRET_KEY": "x", "DATABASE_URL": url}, require_schema=True)
    assert "not migrated" in str(refused.value) and "make migrate" in str(refused.value)


def test_a_migrated_database_is_served(database_url):
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": database_url}, require_schema=True)
    tables = set(inspect(app.extensions["engine"]).get_table_names())
    app.extensions["engine"].dispose()
    assert {
        "survey",
        "survey_version",
        "kpi",
        "kpi_month_count",
        "response",
        "answer",
        "draft",
        "staff_user",
        "alembic_version",
    } <= tables


def test_no_secret_key_is_refused_with_what_to_do(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setattr("app.config.INSTANCE", tmp_path)
    with pytest.raises(ConfigError, match="make run"):
        create_app({"DATABASE_URL": "sqlite://"})


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(sqlite_template):
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{sqlite_template}"})
    with app.extensions["engine"].connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    app.extensions["engine"].dispose()
    assert (mode, timeout) == ("wal", 15000)


def test_a_hosting_style_postgres_url_gets_the_psycopg_driver(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db/heard")
    assert database_url() == "postgresql+psycopg://u:p@db/heard"


def test_no_ip_address_or_user_agent_is_stored(database_url):
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": database_url})
    columns = {
        c["name"]
        for table in ("response", "answer", "draft")
        for c in inspect(app.extensions["engine"]).get_columns(table)
    }
    app.extensions["engine"].dispose()
    assert not {"ip", "ip_address", "user_agent", "remote_addr"} & columns


def test_a_new_sqlite_database_is_readable_by_its_owner_alone(tmp_path):
    folder = tmp_path / "instance"
    url = f"sqlite:///{folder / 'heard.db'}"
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": url})
    assert app.test_cli_runner().invoke(db_upgrade).exit_code == 0
    with app.extensions["engine"].connect() as connection:
        connection.exec_driver_sql("SELECT count(*) FROM survey").scalar()
        # While a connection is open, SQLite keeps the write-ahead log beside the file.
        files = {path.name: mode(path) for path in folder.iterdir()}
    app.extensions["engine"].dispose()
    assert mode(folder) == 0o700
    assert files == {"heard.db": 0o600, "heard.db-wal": 0o600, "heard.db-shm": 0o600}


def test_an_existing_database_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "heard.db"
    path.touch(mode=0o640)
    path.chmod(0o640)
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{path}"})
    app.extensions["engine"].dispose()
    assert mode(path) == 0o640  # the owner chose it, e.g. for a backup group


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
