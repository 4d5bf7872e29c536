"""KPI values, their history and the tallies as CSV and XLSX, every text cell neutralised."""

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook

from app.analysis.kpi_status import Vocabulary, reading_to_dict
from app.board.tallies import SurveyTallies
from app.export import neutralise
from app.kpis.readings import KpiView

KPI_HEADER = [
    "priority_area",
    "ref",
    "statement",
    "audience",
    "survey",
    "n",
    "positive",
    "value",
    "ci_low",
    "ci_high",
    "expected",
    "status",
    "status_label",
    "explanation",
    "slow_to_progress",
    "change_since_last_period",
    "target",
    "target_date",
    "minimum_sample",
    "below_minimum_sample",
]
HISTORY_HEADER = ["ref", "audience", "period", "n", "positive", "value", "ci_low", "ci_high"]
HISTORY_HEADER += ["expected", "status"]
TALLY_HEADER = ["survey", "audience", "question", "group", "answer", "label", "count", "share"]
TALLY_HEADER += ["answered", "not_answered"]
# A count kept from the board: under the threshold, or one that would let such a count be
# worked out (app.analysis.disclosure). The same word for both, so neither can be told apart.
HIDDEN = "hidden"


def _rounded(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _count(n: int | None) -> int | str:
    return HIDDEN if n is None else n


def kpi_rows(views: Sequence[KpiView], vocabulary: Vocabulary) -> Iterable[list]:
    """Yield one row per KPI: the JSON reading plus target, change and sample warnings."""
    for view in views:
        d, definition = reading_to_dict(view.reading), view.row.definition
        yield [
            view.row.kpi.priority_area,
            *(d[k] for k in ("ref", "statement", "audience")),
            view.row.survey_slug,
            _count(d["n"]),
            _count(d["positive"]),
            *(d[k] for k in ("value", "ci_low", "ci_high", "expected")),
            d["status"],
            vocabulary.label(view.reading.status),
            d["explanation"],
            d["slow_to_progress"],
            _rounded(view.change),
            definition.target / 100,
            definition.target_date.isoformat(),
            definition.minimum_sample,
            view.below_minimum,
        ]


def history_rows(views: Sequence[KpiView]) -> Iterable[list]:
    """Yield one row per KPI per period: the values the trajectory chart draws."""
    for view in views:
        for item in view.history:
            d = reading_to_dict(item.reading)
            yield [
                d["ref"],
                d["audience"],
                item.period.key,
                _count(d["n"]),
                _count(d["positive"]),
            ] + [d[k] for k in ("value", "ci_low", "ci_high", "expected", "status")]


def tally_rows(surveys: Sequence[SurveyTallies]) -> Iterable[list]:
    """Yield one row per survey, question, group and answer; a hidden count says so."""
    for survey in surveys:
        for tally in survey.tallies:
            labels = survey.labels.get(tally.key, {})
            for option in tally.options:
                yield [
                    survey.slug,
                    survey.audience,
                    tally.key,
                    tally.group,
                    option.value,
                    labels.get(option.value, option.value),
                    _count(option.count),
                    _rounded(option.share),
                    _count(tally.answered),
                    _count(tally.not_answered),
                ]


def _cell(value):
    return neutralise(value) if isinstance(value, str) else value


def to_csv(header: list[str], rows: Iterable[list]) -> str:
    """Return rows as CSV text, every text cell made safe to open in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else _cell(v) for v in row])
    return buffer.getvalue()


def to_xlsx(sheets: Sequence[tuple[str, list[str], Iterable[list]]]) -> bytes:
    """Return a workbook with one sheet per (title, header, rows), text cells neutralised."""
    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
