"""What a respondent reads on the start and thank-you pages, standard or easy read."""

from dataclasses import dataclass

from markupsafe import Markup

from app.definitions import SurveyDef
from app.questions.words import lines, translated
from app.symbols import symbol


@dataclass(frozen=True)
class PageWords:
    title: str
    summary: list[str]
    who_sees: list[str]
    next_steps: list[str]
    picture: Markup


def page_words(survey: SurveyDef, easy: bool) -> PageWords:
    """Return the start and thank-you page wording in the chosen version."""
    easy_text = survey.easyread if easy and survey.easyread else None

    def pick(field: str) -> list[str]:
        value = getattr(easy_text, field, None) if easy_text else None
        return lines(translated(value or getattr(survey, field)))

    return PageWords(
        title=translated((easy_text.title if easy_text else None) or survey.title),
        summary=pick("summary"),
        who_sees=pick("who_sees"),
        next_steps=pick("next_steps"),
        picture=symbol(easy_text.symbol) if easy_text and easy_text.symbol else Markup(""),
    )
