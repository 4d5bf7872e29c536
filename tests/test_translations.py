"""The catalogues: up to date, complete for respondents, placeholders and tags kept."""

import re

import pytest
from babel.messages.pofile import read_po

from app import catalogues
from app.cli import easyread_check, translate_status

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
# What respondents read: survey files, their pages, the question forms and words the journey
# shares with paper entry, the shared layout and error pages.
RESPONDENT = (
    "surveys/",
    "app/respond/",
    "app/questions/",
    "app/publish/",
    "app/templates/",
    "app/errors.py",
)


def catalogue(language):
    with (catalogues.FOLDER / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)


def pairs(message) -> list[tuple[str, str]]:
    """Return (source, translation) for each form a message has (plurals have several)."""
    if not message.pluralizable:
        return [(message.id, message.string)]
    # Every plural form is checked against the plural source: both carry the same names.
    return [(message.id[1], form) for form in message.string if form]


@pytest.mark.parametrize("language", catalogues.languages())
def test_every_translation_keeps_its_placeholders_tags_and_lines(language):
    broken = []
    for message in catalogue(language):
        for source, string in pairs(message) if message.id and message.string else []:
            for pattern in (PLACEHOLDER, TAG):
                if sorted(pattern.findall(source)) != sorted(pattern.findall(string)):
                    broken.append(source)
            if source.count("\n") != string.count("\n"):
                broken.append(source)
    assert broken == []


@pytest.mark.parametrize("language", catalogues.languages())
def test_every_string_a_respondent_reads_is_translated(language):
    missing = [
        m.id
        for m in catalogue(language)
        if m.id
        and not all(f for f in (m.string if m.pluralizable else [m.string]))
        and any(path.startswith(RESPONDENT) for path, _line in m.locations)
    ]
    assert missing == []


def test_the_template_holds_every_string_in_the_code_and_surveys(tmp_path):
    with catalogues.TEMPLATE.open("rb") as handle:
        committed = {m.id for m in read_po(handle) if m.id}
    catalogues.extract(tmp_path / "messages.pot")
    with (tmp_path / "messages.pot").open("rb") as handle:
        fresh = {m.id for m in read_po(handle) if m.id}
    assert fresh - committed == set(), "run `flask --app app translate update`"


def test_ten_languages_are_offered():
    assert catalogues.languages() == sorted(["ar", "bn", "cy", "lt", "pa", "pl", "ro", "so", "ur"])


def test_the_status_command_prints_each_language_and_survey(app):
    output = app.test_cli_runner().invoke(translate_status).output
    assert "pl       post-14-review" in output and "interface" in output


def test_the_easy_read_linter_passes_every_shipped_template(app):
    result = app.test_cli_runner().invoke(easyread_check)
    assert result.exit_code == 0, result.output
