"""A throwaway database with the shipped surveys, for benchmarks."""

import tempfile
from pathlib import Path

from sqlmodel import Session

from app import create_app
from app.cli import db_upgrade
from app.definitions.loader import load_directory

ROOT = Path(__file__).resolve().parent.parent


def bench_app(url: str | None = None):
    """Build an app on a fresh migrated database with the surveys loaded."""
    url = url or f"sqlite:///{tempfile.mkdtemp(prefix='heard-bench-')}/heard.db"
    app = create_app({"SECRET_KEY": "bench", "DATABASE_URL": url, "WTF_CSRF_ENABLED": False})
    result = app.test_cli_runner().invoke(db_upgrade)
    assert result.exit_code == 0, result.output
    with Session(app.extensions["engine"]) as session:
        load_directory(ROOT / "surveys", session=session)
        session.commit()
    return app


def table(headers: list[str], rows: list[list]) -> str:
    """Format a Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)
