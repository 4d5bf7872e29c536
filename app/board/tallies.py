"""Per-question tallies of a survey: counts and shares per option, by period, language or mode."""

from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session

from app.analysis.disclosure import holds_small, safe_tallies
from app.analysis.tally import QuestionTally, period_of, question_tallies, roll_up
from app.board.queries import DIMENSIONS, surveys_with_versions, tally_rows
from app.definitions import definition_of
from app.definitions.schema import Kind, SurveyDef
from app.words import answer_labels

# No events yet: facilitator events come with a later issue; until then "mode" (online,
# kiosk, paper, event) is how answers from focus groups are told apart.


@dataclass(frozen=True)
class SurveyTallies:
    slug: str
    title: str
    audience: str
    questions: dict[str, str]  # key -> question text, in survey order
    labels: dict[str, dict[str, str]]  # key -> value -> option label
    tallies: list[QuestionTally]
    multiple: frozenset[str] = frozenset()  # keys of questions that take several answers


def option_labels(definition: SurveyDef) -> dict[str, dict[str, str]]:
    """Return each counted question's answer labels, in the order the survey shows them."""
    # Free text is read, not counted; numbers are not a fixed set.
    counted = [q for q in definition.questions if q.type not in (Kind.TEXT, Kind.NUMBER)]
    # str(): the shared answer words are lazy, and a spreadsheet cell needs text.
    return {q.key: {v: str(label) for v, label in answer_labels(q).items()} for q in counted}


def _group_of(row: tuple, by: str, period_kind: str) -> str:
    if by == "all":
        return ""
    if by == "period":
        return period_of(date.fromisoformat(f"{row[1]}-01"), period_kind).key
    return row[DIMENSIONS.index(by)]


def _grouped(rows: list[tuple], by: str, period_kind: str, width: int) -> list[tuple]:
    # Replace the four dimensions with one group, keeping the survey and the other columns.
    regrouped = [(r[0], _group_of(r, by, period_kind), *r[4:]) for r in rows]
    return roll_up(regrouped, keep=range(width), count_at=width)


def survey_tallies(
    survey_ids: list[int] | None, *, by: str, period_kind: str, session: Session
) -> list[SurveyTallies]:
    """Return tallies for these surveys (None: every survey) in four queries."""
    surveys = surveys_with_versions(session=session)
    raw = tally_rows(survey_ids, session=session)
    answers = _grouped(raw["answers"], by, period_kind, 4)
    answered = _grouped(raw["answered"], by, period_kind, 3)
    responses = _grouped(raw["responses"], by, period_kind, 2)
    found = []
    for survey_id, (survey, versions) in surveys.items():
        if survey_ids is not None and survey_id not in survey_ids:
            continue
        definition = definition_of(versions[0])
        labels = option_labels(definition)
        tallies = question_tallies(
            [r[1:] for r in answers if r[0] == survey_id and r[2] in labels],
            [r[1:] for r in answered if r[0] == survey_id],
            {r[1]: r[2] for r in responses if r[0] == survey_id},
            {key: list(values) for key, values in labels.items()},
        )
        questions = {q.key: q.text for q in definition.questions if q.key in labels}
        multiple = frozenset(q.key for q in definition.questions if q.type == Kind.MULTIPLE)
        found.append(
            SurveyTallies(
                survey.slug,
                definition.title,
                definition.audience,
                questions,
                labels,
                tallies,
                multiple,
            )
        )
    return found


def as_shown(found: list[SurveyTallies], *, exact: bool, threshold: int) -> list[SurveyTallies]:
    """Return tallies as a reader may see them: exact, or with small numbers hidden."""
    if exact:
        return found
    return [replace(s, tallies=safe_tallies(s.tallies, s.multiple, threshold)) for s in found]


def any_small(found: list[SurveyTallies], threshold: int) -> bool:
    """Say whether exact tallies hold a count under the threshold (the page then warns)."""
    return any(holds_small(survey.tallies, threshold) for survey in found)
