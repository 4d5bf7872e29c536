"""A throwaway database with the shipped surveys, and a respondent walking a survey."""

import re
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


# A plausible answer for each kind of question; choice questions take their first option.
ANSWERS = {"scale": "4", "yesno": "yes", "number": "15", "text": "It was fine"}


def answer_all(client, slug: str, on_question=None) -> tuple[str, bytes]:
    """Start a draft and answer every question; return the check page's address and HTML.

    on_question(kind, html) is called with each question page as it is shown.
    """
    url = client.post(f"/s/{slug}").location
    while "/q/" in url:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        html = response.get_data(as_text=True)
        kind = re.search(r'data-type="(\w+)"', html).group(1)
        if on_question:
            on_question(kind, response.data)
        value = ANSWERS.get(kind) or re.search(r'name="answer" value="([^"]+)"', html).group(1)
        url = client.post(url, data={"answer": value}).location
    return url, client.get(url).data


def response_id_of(check_html: bytes) -> str:
    """Return the response id the check page's send form carries."""
    return re.search(r'name="response_id"[^>]*value="([^"]+)"', check_html.decode()).group(1)
