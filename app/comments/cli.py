"""`flask text ...`: read comments from a CSV, and read the stored comments again."""

import csv
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlmodel import Session, select

from app.analysis.text import flags, read_comment
from app.comments.csvfile import CsvProblem, read_rows
from app.comments.store import alert_for, reading_row
from app.comments.themes import theme_map
from app.models import Answer, CommentReading, Response, SafeguardingAlert, SurveyVersion

text_cli = AppGroup("text", help="Free-text comments: sentiment, themes, safeguarding.")
ADDED = ["sentiment", "score", "themes", "flags"]


def _session() -> Session:
    return Session(current_app.extensions["engine"], expire_on_commit=False)


@text_cli.command("analyse")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--column", default="text", show_default=True, help="The column of comments.")
def text_analyse(path: Path, column: str) -> None:
    """Read a CSV's comments; write it to standard output with what Heard read in each."""
    try:
        header, rows = read_rows(path, column)
    except CsvProblem as problem:
        raise click.ClickException(str(problem)) from None
    with _session() as session:
        themes = theme_map(session=session)
    out = []
    for row in rows:
        reading = read_comment(row.get(column) or "", themes=themes)
        sentiment = reading.sentiment
        row |= {
            "sentiment": sentiment.label if sentiment else "not analysed",
            "score": f"{sentiment.score:.3f}" if sentiment else "",
            "themes": "; ".join(reading.themes),
            "flags": "; ".join(flags(reading)),
        }
        out.append(row)
    # Written only once every row is read, so a failure part-way leaves no half a file.
    writer = csv.DictWriter(sys.stdout, fieldnames=header + [c for c in ADDED if c not in header])
    writer.writeheader()
    writer.writerows(out)


@text_cli.command("reanalyse")
def text_reanalyse() -> None:
    """Read every stored comment again after a lexicon or theme change; keep staff corrections."""
    with _session() as session:
        themes = theme_map(session=session)
        pairs = session.exec(
            select(CommentReading, Answer).join(Answer, Answer.id == CommentReading.answer_id)
        ).all()
        # One query for which comments already have an alert, not one per comment.
        alerted = set(session.exec(select(SafeguardingAlert.reading_id)).all())
        raised = 0
        for stored, answer in pairs:
            fresh = reading_row(answer, read_comment(answer.value, themes=themes))
            for field in ("english", "sentiment", "score", "phrases", "themes", "risks"):
                setattr(stored, field, getattr(fresh, field))
            stored.needs_reader, stored.redactions = fresh.needs_reader, fresh.redactions
            # A comment once withheld stays withheld: a new rule never un-flags a child.
            stored.withheld = stored.withheld or fresh.withheld
            session.add(stored)
            alert = None if stored.id in alerted else alert_for(stored)
            if alert is not None:
                session.add(alert)
                raised += 1
        session.commit()
    click.echo(f"Comments read again: {len(pairs)}. New safeguarding alerts: {raised}.")


@text_cli.command("corrections")
@click.option("--output", type=click.File("w", encoding="utf-8"), default="-")
def text_corrections(output) -> None:
    """Write staff sentiment corrections as labelled comments, in the dev set's columns."""
    with _session() as session:
        rows = session.exec(
            select(CommentReading.id, SurveyVersion.definition, CommentReading.corrected_sentiment)
            .add_columns(Answer.value)
            .join(Answer, Answer.id == CommentReading.answer_id)
            .join(Response, Response.id == CommentReading.response_id)
            .join(SurveyVersion, SurveyVersion.id == Response.survey_version_id)
            .where(CommentReading.corrected_sentiment.is_not(None))
            # A flagged comment is for the safeguarding lead alone, even as training data.
            .where(CommentReading.withheld == False)  # noqa: E712  (SQL, not Python)
            .order_by(CommentReading.id)
        ).all()
    writer = csv.writer(output)
    writer.writerow(["id", "part", "audience", "label", "text"])
    for reading_id, definition, label, text in rows:
        writer.writerow([f"c{reading_id}", "staff", definition["audience"], label, text])
