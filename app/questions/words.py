"""A question's words: translated, in standard or easy-read wording, with its pictures."""

from dataclasses import dataclass

from babel.lists import format_list
from flask_babel import get_locale, gettext
from markupsafe import Markup, escape

from app.definitions import QuestionDef
from app.definitions.schema import Kind
from app.questions.forms import choices
from app.symbols import FACES, faces, symbol

# Pictures for the fixed answers, so every idea on an easy-read page has one.
FIXED_SYMBOLS = {
    "yes": "tick",
    "no": "cross",
    "not_sure": "question",
    "dont_know": "question",
    "prefer_not_say": "lock",
}


def translated(text: str | None) -> str | None:
    """Translate survey text through the same catalogues as the interface."""
    return gettext(text) if text else text


def lines(text: str | None) -> list[str]:
    """Split easy-read text into its lines: one idea each."""
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


@dataclass(frozen=True)
class QuestionWords:
    text: str
    hint: str | None
    picture: Markup
    options: list[tuple[str, str, Markup]]  # value, label, picture


def question_words(question: QuestionDef, easy: bool) -> QuestionWords:
    """Return a question's wording and its answers' labels and pictures."""
    easy_text = question.easyread if easy else None
    return QuestionWords(
        text=translated(easy_text.text if easy_text else question.text),
        hint=translated(easy_text.hint if easy_text and easy_text.hint else question.hint),
        picture=symbol(easy_text.symbol) if easy_text and easy_text.symbol else Markup(""),
        options=option_words(question, easy),
    )


def option_words(question: QuestionDef, easy: bool) -> list[tuple[str, str, Markup]]:
    """Return (value, label, picture) for each answer offered."""
    by_value = {option.value: option for option in question.options}
    names = picture_names(question) if easy else {}
    pictures = faces() if question.type == Kind.SCALE else {}
    result = []
    for value, label in choices(question):
        option = by_value.get(value)
        if easy and option is not None and option.easyread:
            label = option.easyread
        picture = pictures.get(value) or (symbol(names[value]) if value in names else Markup(""))
        result.append((value, translated(str(label)), picture))
    return result


def picture_names(question: QuestionDef) -> dict[str, str]:
    """Return the name of each answer's easy-read picture, for the answers that have one."""
    named = {str(number): name for number, name in enumerate(FACES, start=1)}
    named = named if question.type == Kind.SCALE else {}
    named |= {option.value: option.symbol for option in question.options if option.symbol}
    return {
        value: named.get(value) or FIXED_SYMBOLS[value]
        for value, _label in choices(question)
        if value in named or value in FIXED_SYMBOLS
    }


def answer_list(labels: list[str]) -> Markup:
    """Join answer labels in the page's language ("Yes or Not sure"), each in bold."""
    # Babel joins stand-ins, so its words are escaped and the labels' own markup is ours.
    stand_ins = [f"\x00{n}\x00" for n in range(len(labels))]
    try:
        joined = format_list(stand_ins, style="or", locale=get_locale())
    except ValueError:  # a language with no "or" pattern: "A, B and C" reads acceptably
        joined = format_list(stand_ins, locale=get_locale())
    html = str(escape(joined))
    for stand_in, label in zip(stand_ins, labels, strict=True):
        html = html.replace(stand_in, str(Markup("<strong>%s</strong>") % label))
    return Markup(html)
