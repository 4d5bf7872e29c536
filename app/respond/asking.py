"""What a question page shows that depends on the answers so far: no Flask, no session.

The question view renders from it, and the key a page is kept under (rendered.py) is made
from it, so the view and the lane that serves kept pages first (kept_lane.py) work the key
out the same way.
"""

from dataclasses import dataclass

from app.definitions.routing import Answers, pages, position_of, under_answers
from app.definitions.schema import Kind, QuestionDef, SurveyDef
from app.questions.forms import page_data
from app.respond.navigation import Step, back
from app.respond.rendered import frozen

TEMPLATE = "respond/question.html"


@dataclass(frozen=True)
class Asking:
    """One question page for one person: the question, its boxes, and where it sits."""

    question: QuestionDef
    boxes: list[QuestionDef]  # text boxes under one of its answers
    data: dict  # the answers already given, as the form's defaults
    number: int
    total: int
    back: Step
    typed: bool  # words a young person typed are on the page

    def key_parts(self, version_id: int) -> tuple:
        """Return the page's own part of the key it is kept under."""
        key, data = self.question.key, frozen(self.data)
        return (TEMPLATE, version_id, key, self.number, self.total, self.back, data)


def asking(survey: SurveyDef, answers: Answers, key: str, *, changing: bool) -> Asking | None:
    """Return the page asking question `key`, or None when the answers so far skip it."""
    question = next((asked for asked in pages(survey, answers) if asked.key == key), None)
    if question is None:
        return None
    boxes = under_answers(survey, key)
    number, total = position_of(survey, answers, key)
    # Words a young person typed (here or in a box under an answer) are never kept in
    # memory beyond their own request.
    typed = question.type in (Kind.TEXT, Kind.NUMBER) and answers.get(key) is not None
    typed = typed or any(answers.get(box.key) is not None for box in boxes)
    return Asking(
        question=question,
        boxes=boxes,
        data=page_data(question, boxes, answers),
        number=number,
        total=total,
        back=back(survey, answers, key, changing=changing),
        typed=typed,
    )
