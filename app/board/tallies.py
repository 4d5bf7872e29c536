"""Per-question tallies of a survey: counts and shares per option, by period, language or mode."""

from dataclasses import dataclass, field, replace
from datetime import date

from babel import Locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlmodel import Session

from app.analysis.disclosure import holds_small, safe_tallies
from app.analysis.tally import QuestionTally, parse_period, period_of, question_tallies, roll_up
from app.board.formatting import period_label
from app.board.queries import DIMENSIONS, surveys_with_versions, tally_rows
from app.definitions import definition_of
from app.definitions.schema import Kind, QuestionDef, SurveyDef
from app.words import SPECIAL_ANSWERS, answer_labels

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
    groups: dict[str, str] = field(default_factory=dict)  # group key -> what a person reads


# The question a survey asks age with, counted in bands: a number is not a fixed set of
# answers, and one row per year of age would hold more small numbers than counts.
AGE_KEY = "age"
AGE_BANDS = ((0, 10), (11, 13), (14, 15), (16, 17), (18, 19), (20, 25), (26, 150))
MODE_NAMES = {
    "online": _l("Online"),
    "phone": _l("On a phone at an event"),
    "kiosk": _l("On a shared tablet (kiosk)"),
    "paper": _l("On paper"),
    "event": _l("At an event"),
}
# Staff read language names in English (the respondents' list names each in itself);
# CLDR says "Bangla", where UK services say Bengali.
ENGLISH = Locale("en")
LANGUAGE_NAMES = {"bn": "Bengali"}


def asks_age(question: QuestionDef) -> bool:
    """Say whether a question asks a person's age (a number question keyed "age")."""
    return question.type == Kind.NUMBER and question.key == AGE_KEY


def age_bands(question: QuestionDef) -> list[tuple[str, int, int]]:
    """Return the age bands within a question's range: (value, first age, last age)."""
    found = []
    for low, high in AGE_BANDS:
        first, last = max(low, question.min), min(high, question.max)
        if first <= last:
            found.append((f"{first}-{last}", first, last))
    return found


def age_band_of(value: str, bands: list[tuple[str, int, int]]) -> str:
    """Return the band an age answer falls in; an answer that is not an age stays itself."""
    if not value.isdigit():
        return value
    age = int(value)
    return next((band for band, first, last in bands if first <= age <= last), value)


def _age_label(first: int, last: int) -> str:
    if first == last:
        return _("%(age)d years old", age=first)
    return _("%(first)d to %(last)d years old", first=first, last=last)


def option_labels(definition: SurveyDef) -> dict[str, dict[str, str]]:
    """Return each counted question's answer labels, in the order the survey shows them.

    Free text is read, not counted; a number is counted only when it is an age, in bands.
    """
    found = {}
    for question in definition.questions:
        if asks_age(question):
            bands = {band: _age_label(first, last) for band, first, last in age_bands(question)}
            extra = {v: str(SPECIAL_ANSWERS.get(v, v)) for v in question.values()}
            found[question.key] = bands | extra
        elif question.type not in (Kind.TEXT, Kind.NUMBER):
            # str(): the shared answer words are lazy, and a spreadsheet cell needs text.
            found[question.key] = {v: str(label) for v, label in answer_labels(question).items()}
    return found


def _banded(rows: list[tuple], definition: SurveyDef) -> list[tuple]:
    # Rows are (survey, group, question, value, count): an age becomes its band.
    bands = {q.key: age_bands(q) for q in definition.questions if asks_age(q)}
    return [
        (*row[:3], age_band_of(row[3], bands[row[2]]), row[4]) if row[2] in bands else row
        for row in rows
    ]


def group_label(by: str, key: str, period_kind: str) -> str:
    """Return what a person reads for a group: a period, a language's name or a way of answering."""
    if by == "period":
        return period_label(parse_period(key, period_kind))
    if by == "language":
        return LANGUAGE_NAMES.get(key) or ENGLISH.languages.get(key, key)
    if by == "mode":
        return str(MODE_NAMES.get(key, key))
    return key


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
        mine = _banded([r for r in answers if r[0] == survey_id and r[2] in labels], definition)
        tallies = question_tallies(
            [r[1:] for r in mine],
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
                {t.group: group_label(by, t.group, period_kind) for t in tallies},
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
