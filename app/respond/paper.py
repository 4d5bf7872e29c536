"""The printable paper form: every question with tick boxes, and its routing said in words."""

from dataclasses import dataclass

from flask import url_for
from markupsafe import Markup

from app import db
from app.definitions import QuestionDef, SurveyDef, definition_of
from app.definitions.loader import latest_version
from app.definitions.routing import jumps
from app.definitions.schema import Kind
from app.i18n import easy_read
from app.questions.words import QuestionWords, answer_list, question_words
from app.respond import bp
from app.respond.views import _closed, _page, _survey

# Lines to write on for a text answer: about one for every 100 characters it may hold.
FEWEST_LINES, MOST_LINES = 3, 10


@dataclass(frozen=True)
class Route:
    """Routing in words: which answers, and the question the sentence names."""

    answers: Markup
    # The question to go to ("If you ticked ..., go to question 6"; None: the form ends),
    # or, for only_if, the question whose answer decides ("... if you ticked Yes for 4").
    number: int | None


@dataclass(frozen=True)
class PaperQuestion:
    number: int
    question: QuestionDef
    words: QuestionWords
    only_if: Route | None  # "Only answer this question if you ticked <answers> for <number>."
    routes: list[Route]
    lines: int


def paper_questions(survey: SurveyDef, easy: bool) -> list[PaperQuestion]:
    """Return every question of a survey, numbered, with its boxes and routing sentences."""
    numbers = {q.key: n for n, q in enumerate(survey.questions, start=1)}
    words = {q.key: question_words(q, easy) for q in survey.questions}
    labels = {key: {value: label for value, label, _art in w.options} for key, w in words.items()}

    def route(key: str, values, to: str | None) -> Route:
        named = answer_list([labels[key][value] for value in values])
        return Route(named, numbers[to] if to else None)

    result = []
    for question in survey.questions:
        rule = question.show_if
        result.append(
            PaperQuestion(
                number=numbers[question.key],
                question=question,
                words=words[question.key],
                # Named by the earlier question it depends on: "... for question 4".
                only_if=route(rule.question, rule.answers, rule.question) if rule else None,
                routes=[route(question.key, j.values, j.to) for j in jumps(survey, question.key)],
                lines=_lines(question),
            )
        )
    return result


def _lines(question: QuestionDef) -> int:
    if question.type != Kind.TEXT:
        return 0
    return max(FEWEST_LINES, min(MOST_LINES, question.max_length // 100))


def _address(endpoint: str, **values) -> Markup:
    # An address keeps left-to-right order inside a right-to-left sentence.
    url = url_for(endpoint, _external=True, **values)
    return Markup('<bdi dir="ltr"><a href="%s">%s</a></bdi>') % (url, url)


@bp.get("/s/<slug>/paper")
def paper(slug: str):
    survey = _survey(slug)
    if not survey.is_open:
        return _closed(survey)
    version = latest_version(survey.id, session=db.session())
    return _page(
        "respond/paper.html",
        survey,
        version,
        version_number=version.number,
        questions=paper_questions(definition_of(version), easy_read()),
        online=_address(".start", slug=slug),
        privacy=_address(".privacy"),
    )
