"""Lint easy-read wording against easyread/RULES.md: plain data in, findings out."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.definitions import SurveyDef

RULES = Path(__file__).resolve().parent.parent / "easyread" / "RULES.md"
MAX_WORDS = 15
SHORT_FORMS = ("EHCP", "SEN", "SENCo", "e.g.", "etc.", "i.e.")


@dataclass(frozen=True)
class Finding:
    where: str
    rule: str
    message: str
    error: bool = True


def avoid_words(rules: Path = RULES) -> dict[str, str]:
    """Read the "do not use | use instead" table from the rules file."""
    table = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|$", rules.read_text(), flags=re.M)
    words = {}
    for avoid, instead in table:
        if avoid.strip() in ("do not use", "---"):
            continue
        for word in avoid.split(","):
            words[re.sub(r"\s*\(.*\)", "", word).strip().lower()] = instead.strip()
    return words


def sentences(text: str) -> list[str]:
    """Split text into sentences: at . ! ? and at line ends."""
    parts = re.split(r"(?<=[.!?])\s+|\n", text)
    return [part.strip() for part in parts if part.strip()]


def word_count(sentence: str) -> int:
    """Count words the way RULES.md ER1 does: runs with a letter or digit."""
    return sum(1 for token in sentence.split() if re.search(r"\w", token))


def check_text(where: str, text: str, avoid: dict[str, str]) -> Iterator[Finding]:
    """Check one easy-read string: sentence length, one idea a line, common words."""
    for line in text.split("\n"):
        if len(sentences(line)) > 1:
            yield Finding(where, "ER2", f'more than one sentence on a line: "{line}"', False)
        if ";" in line:
            yield Finding(where, "ER2", f'a ";" joins two ideas: "{line}"', False)
    for sentence in sentences(text):
        if word_count(sentence) > MAX_WORDS:
            yield Finding(
                where, "ER1", f'{word_count(sentence)} words (at most {MAX_WORDS}): "{sentence}"'
            )
    lowered = text.lower()
    for word, instead in avoid.items():
        if re.search(rf"\b{re.escape(word)}(s|ed|ing)?\b", lowered):
            yield Finding(where, "ER3", f'"{word}" is a hard word: use "{instead}"', False)
    for short in SHORT_FORMS:
        if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", text):
            yield Finding(where, "ER3", f'"{short}" is a short form: write it in full', False)


def check_survey(survey: SurveyDef, symbols: set[str], avoid: dict[str, str]) -> list[Finding]:
    """Check a survey's easy-read version: every page and question has words and a picture."""
    found: list[Finding] = []
    page = survey.easyread
    if page is None:
        return [Finding("easyread", "ER0", "the survey has no easy-read version")]
    found += _picture("easyread.symbol", page.symbol, symbols)
    for field in ("title", "summary", "who_sees", "next_steps"):
        if getattr(page, field):
            found += check_text(f"easyread.{field}", getattr(page, field), avoid)
    for question in survey.questions:
        found += _check_question(question, symbols, avoid)
    return found


def _check_question(question, symbols: set[str], avoid: dict[str, str]) -> list[Finding]:
    where = f"questions.{question.key}.easyread"
    found: list[Finding] = []
    if question.easyread is None:
        found.append(Finding(where, "ER0", "no easy-read wording"))
    else:
        found += _picture(f"{where}.symbol", question.easyread.symbol, symbols)
        found += check_text(f"{where}.text", question.easyread.text, avoid)
        if question.easyread.hint:
            found += check_text(f"{where}.hint", question.easyread.hint, avoid)
    for option in question.options:
        at = f"questions.{question.key}.options.{option.value}"
        found += _picture(f"{at}.symbol", option.symbol, symbols, needed=False)
        found += check_text(f"{at}.easyread", option.easyread or option.label, avoid)
    return found


def _picture(where: str, name: str | None, symbols: set[str], *, needed=True) -> list[Finding]:
    if not name:
        # An answer like "16 to 18" says itself; a question or page always needs its picture.
        return [Finding(where, "ER4", "no picture", error=needed)]
    if name not in symbols:
        return [Finding(where, "ER4", f'no symbol called "{name}" in easyread/symbols')]
    return []


def easy_strings(survey: SurveyDef) -> Iterator[tuple[str, str]]:
    """Yield (where, text) for every easy-read string, to look up in each catalogue."""
    if survey.easyread:
        for field in ("title", "summary", "who_sees", "next_steps"):
            if getattr(survey.easyread, field):
                yield f"easyread.{field}", getattr(survey.easyread, field)
    for question in survey.questions:
        if question.easyread:
            yield f"questions.{question.key}.easyread.text", question.easyread.text
            if question.easyread.hint:
                yield f"questions.{question.key}.easyread.hint", question.easyread.hint
        for option in question.options:
            if option.easyread:
                yield f"questions.{question.key}.options.{option.value}.easyread", option.easyread


def check_translations(survey: SurveyDef, catalogues: dict[str, dict[str, str]]) -> list[Finding]:
    """Find easy-read strings a language's catalogue does not translate yet."""
    return [
        Finding(where, "ER7", f"no {language} translation")
        for language, strings in sorted(catalogues.items())
        for where, text in easy_strings(survey)
        if not strings.get(text)
    ]
