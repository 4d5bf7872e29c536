"""Easy-read lines on respondent pages pass the same lint as the survey files' wording."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app import create_app
from app.easyread_check import avoid_words, check_text
from app.respond.content import periods, when_started

TEMPLATES = Path(__file__).resolve().parents[2] / "app"
# A picture line's words, and the easy hint of the "delete my answers" form.
EASY_LINE = re.compile(r'(?:picture_line|given_line)\("[a-z-]+", _\("((?:[^"\\]|\\.)*)"\)')
EASY_HINTS = (
    "You can stop now and we will delete your answers.",
    "If these are not your answers, delete them.",
)


def template_lines() -> list[str]:
    found = []
    for path in TEMPLATES.glob("*/templates/**/*.html"):
        found += EASY_LINE.findall(path.read_text())
    return found


def code_lines() -> list[str]:
    app = create_app({"SECRET_KEY": "test", "DATABASE_URL": "sqlite://"})
    with app.test_request_context():
        said = [
            when_started(datetime(2024, 7, 1, 14, tzinfo=UTC), datetime(2024, 7, 1, 15, tzinfo=UTC))
        ]
        for months, hours in ((36, 24), (1, 1), (18, 30), (12, 48)):
            shown = periods(months, hours, easy=True)
            said += [shown.kept, shown.drafts]
    return said


def test_the_templates_have_easy_read_lines_to_check():
    lines = template_lines()
    assert "Then we delete your answers." in lines and len(lines) >= 25
    respond = TEMPLATES / "respond" / "templates" / "respond"
    forms = (respond / "_discard.html").read_text() + (respond / "start.html").read_text()
    assert all(hint in forms for hint in EASY_HINTS)


@pytest.mark.parametrize("line", sorted(set(template_lines())) + list(EASY_HINTS))
def test_every_easy_read_line_in_a_template_passes_the_lint(line):
    assert list(check_text("template", line, avoid_words())) == []


def test_easy_read_sentences_made_in_code_pass_the_lint():
    for line in code_lines():
        assert list(check_text("code", line, avoid_words())) == [], line
