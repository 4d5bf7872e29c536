"""CSV of a survey's responses: one row per response, one column per question key."""

import csv
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TextIO

from sqlmodel import Session, select

from app.definitions import definition_of
from app.models import Answer, CommentReading, Response, Survey, SurveyVersion

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIXED = ["response_id", "submitted_at_utc", "version", "language", "mode", "easy_read"]
# What an export for anyone but the safeguarding lead shows in place of a flagged comment.
WITHHELD = "withheld for safeguarding"


class ExportError(LookupError):
    """The export cannot be made; the message says why."""


def neutralise(cell: str) -> str:
    """Stop a cell from running as a formula when the file is opened in a spreadsheet."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def question_keys(versions: Iterable[SurveyVersion]) -> list[str]:
    """Return every question key across versions: newest order first, retired keys after."""
    keys: list[str] = []
    for version in sorted(versions, key=lambda v: -v.number):
        keys += [q.key for q in definition_of(version).questions if q.key not in keys]
    return keys


def export_rows(slug: str, *, session: Session) -> Iterator[list[str]]:
    """Yield the header then one row per response, oldest first."""
    survey = session.exec(select(Survey).where(Survey.slug == slug)).first()
    if survey is None:
        raise ExportError(f'There is no survey called "{slug}".')
    versions = session.exec(select(SurveyVersion).where(SurveyVersion.survey_id == survey.id)).all()
    numbers = {v.id: v.number for v in versions}
    keys = question_keys(versions)
    yield FIXED + keys
    rows = session.exec(
        select(Response, Answer.question_key, Answer.value, CommentReading.withheld)
        .join(Answer, Answer.response_id == Response.id, isouter=True)
        .join(CommentReading, CommentReading.answer_id == Answer.id, isouter=True)
        .where(Response.survey_version_id.in_(numbers))
        .order_by(Response.submitted_at, Response.id, Answer.id)
    )
    for response, group in groupby(rows, key=lambda row: row[0]):
        values: dict[str, list[str]] = {}
        for _r, key, value, withheld in group:
            if key is not None:
                values.setdefault(key, []).append(WITHHELD if withheld else value)
        fixed = [
            str(response.id),
            response.submitted_at.isoformat(timespec="seconds"),
            str(numbers[response.survey_version_id]),
            response.language,
            response.mode,
            "yes" if response.easy_read else "no",
        ]
        yield fixed + ["; ".join(values.get(key, [])) for key in keys]


def export_csv(slug: str, stream: TextIO, *, session: Session) -> None:
    """Write a survey's responses to a stream as CSV with every cell neutralised."""
    writer = csv.writer(stream)
    for row in export_rows(slug, session=session):
        writer.writerow([neutralise(cell) for cell in row])
