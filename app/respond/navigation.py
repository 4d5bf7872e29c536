"""Where the journey goes next: start, a question or the check page, from plain answers."""

from dataclasses import dataclass
from typing import Literal

from app.definitions.routing import Answers, first_unanswered, next_after, previous_before
from app.definitions.schema import SurveyDef


@dataclass(frozen=True)
class Step:
    """A page of the journey; key names the question, change keeps someone in "change" mode."""

    page: Literal["start", "question", "check"]
    key: str | None = None
    change: bool = False


START = Step("start")
CHECK = Step("check")


def resume(survey: SurveyDef, answers: Answers, *, changing: bool = False) -> Step:
    """Return the first question still to answer, or the check page when none is left."""
    question = first_unanswered(survey, answers)
    if question is None:
        return CHECK
    return Step("question", question.key, change=changing)


def back(survey: SurveyDef, answers: Answers, key: str, *, changing: bool = False) -> Step:
    """Return where a question's back link goes."""
    # Someone changing one answer came from the check page, so back takes them there.
    if changing:
        return CHECK
    previous = previous_before(survey, answers, key)
    return START if previous is None else Step("question", previous.key)


def after_answer(survey: SurveyDef, answers: Answers, key: str, *, changing: bool = False) -> Step:
    """Return where to go once this question is answered."""
    # After a change, new questions that routing now asks come first, then the check page.
    if changing:
        return resume(survey, answers, changing=True)
    following = next_after(survey, answers, key)
    return resume(survey, answers) if following is None else Step("question", following.key)
