"""A Babel extractor for survey files, so translators get survey text in ordinary .po files."""

import tomllib
from collections.abc import Iterator

# The fields a respondent reads; KPI wording is for staff and stays in the file's language.
PAGE_FIELDS = ("title", "summary", "who_sees", "next_steps")


def survey_strings(data: dict) -> Iterator[tuple[str, str]]:
    """Yield (where, text) for every respondent-facing string in a parsed survey file."""
    for field in PAGE_FIELDS:
        if data.get(field):
            yield field, data[field]
        if data.get("easyread", {}).get(field):
            yield f"easyread.{field}", data["easyread"][field]
    for question in data.get("questions", []):
        yield from _question_strings(question)


def _question_strings(question: dict) -> Iterator[tuple[str, str]]:
    key = question.get("key", "?")
    for field in ("text", "hint", "section"):
        if question.get(field):
            yield f"{key}.{field}", question[field]
    for field, value in (question.get("easyread") or {}).items():
        if field in ("text", "hint") and value:
            yield f"{key}.easyread.{field}", value
    for label in question.get("scale_labels", []):
        yield f"{key}.scale", label
    for option in question.get("options", []):
        yield f"{key}.{option.get('value')}", option.get("label", "")
        if option.get("easyread"):
            yield f"{key}.{option.get('value')}.easyread", option["easyread"]


def extract_survey(fileobj, keywords, comment_tags, options):  # noqa: ARG001 (Babel API)
    """Babel extractor entry point: yield (line, function, message, comments)."""
    raw = fileobj.read().decode("utf-8")
    data = tomllib.loads(raw)
    for where, text in survey_strings(data):
        yield _line_of(raw, text), "gettext", text, [f"survey: {where}"]


def _line_of(raw: str, text: str) -> int:
    # tomllib keeps no positions: point translators at the first line holding the text.
    first_line = text.split("\n")[0]
    position = raw.find(first_line)
    return raw.count("\n", 0, position) + 1 if position >= 0 else 1
