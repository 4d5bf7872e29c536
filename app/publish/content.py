"""Turn a stored report into what its page shows, in the reader's language and reading level."""

from dataclasses import dataclass

from flask_babel import gettext

from app.definitions.schema import SurveyDef
from app.words import answer_labels


def said(text: str | None) -> str | None:
    """Return survey text in the page's language when the catalogue has it, else as written."""
    return gettext(text) if text else text


@dataclass(frozen=True)
class QuestionRows:
    text: str
    total: int | None
    rows: list[tuple[str, int | None, float | None]]  # label, count, share


@dataclass(frozen=True)
class ReportPage:
    title: str
    questions: list[QuestionRows]


def report_page(content: dict, definition: SurveyDef, *, easy: bool) -> ReportPage:
    """Return the report's words and tables for this reader."""
    questions = []
    for table in content["questions"]:
        question = definition.question(table["key"])
        text = question.easyread.text if easy and question.easyread else question.text
        labels = answer_labels(question)
        rows = [(said(str(labels[r["value"]])), r["count"], r["share"]) for r in table["rows"]]
        questions.append(QuestionRows(said(text), table["total"], rows))
    title = (
        definition.easyread.title
        if easy and definition.easyread and definition.easyread.title
        else definition.title
    )
    return ReportPage(said(title), questions)


# The order of feelings in a report's theme table and chart, best first.
FEELING_ORDER = ("positive", "mixed", "neutral", "negative")


def aims_of(content: dict) -> tuple[tuple[float | None, float], ...]:
    """Return each KPI's published share and target, in the report's order, for its chart."""
    return tuple((k["value"], k["target"]) for k in content["kpis"])


def feelings_of(content: dict) -> tuple[tuple[int | None, ...], ...]:
    """Return each theme's published counts by feeling, in the report's order, for its chart."""
    return tuple(tuple(t["feelings"].get(f) for f in FEELING_ORDER) for t in content["themes"])


def worth_drawing(figures) -> bool:
    """Say whether a chart would show anything: some figure is neither hidden nor zero."""
    return any(figure for figure in figures)
