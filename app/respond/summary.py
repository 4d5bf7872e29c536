"""The check-your-answers page's rows: every asked question with its answer, by section."""

from dataclasses import dataclass

from markupsafe import Markup

from app.definitions import QuestionDef, SurveyDef
from app.questions.words import QuestionWords, option_words, question_words, translated


@dataclass(frozen=True)
class Row:
    key: str
    change: str  # the page that changes it: a box under an answer is changed on its question's
    words: QuestionWords
    value: str | list[str] | None
    labels: dict[str, str]  # answer value -> the words the question page showed
    pictures: dict[str, Markup]  # answer value -> its picture (easy read)


@dataclass(frozen=True)
class Section:
    heading: str | None  # translated
    rows: list[Row]
    source: str | None = None  # the heading as the survey file gives it


def sections(
    survey: SurveyDef, questions: list[QuestionDef], answers: dict, easy: bool
) -> list[Section]:
    """Group these questions' rows under the section headings the survey file gives."""
    # A heading holds until the next one, even when routing skipped the question it is on.
    heading, headings = None, {}
    for question in survey.questions:
        heading = question.section or heading
        headings[question.key] = heading
    found: list[Section] = []
    for question in questions:
        if not found or headings[question.key] != found[-1].source:
            found.append(Section(translated(headings[question.key]), [], headings[question.key]))
        found[-1].rows.append(_row(question, answers.get(question.key), easy))
    return found


def _row(question: QuestionDef, value, easy: bool) -> Row:
    offered = option_words(question, easy)
    change = question.show_if.question if question.under_answer else question.key
    return Row(
        key=question.key,
        change=change,
        words=question_words(question, easy),
        value=value,
        labels={answer: label for answer, label, _art in offered},
        pictures={answer: art for answer, _label, art in offered if art},
    )
