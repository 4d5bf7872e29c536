"""Personal details in a comment, found so staff can redact them before a comment is shared.

These are suggestions for a person to confirm: each rule prefers to suggest one word too
many rather than to leave a child's name or a phone number in a published quote.
"""

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.analysis.text.first_names import ALSO_WORDS, FIRST_NAMES
from app.analysis.text.language import FUNCTION_WORDS
from app.analysis.text.tokens import word_set

LABELS = {
    "email": "[email]",
    "phone": "[phone]",
    "nhs_number": "[NHS number]",
    "postcode": "[postcode]",
    "address": "[address]",
    "date_of_birth": "[date of birth]",
    "school": "[school]",
    "name": "[name]",
    "other": "[removed]",  # words a member of staff chose to hide
}


@dataclass(frozen=True)
class Redaction:
    start: int
    end: int
    kind: str
    text: str


# Starts only where a run of address characters starts: tried at every letter, a long word
# would be scanned to its end once per letter.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d(?:[\s-]?\)?[\s-]?\d){8,10}(?!\d)"
)
_NHS = re.compile(r"(?<![\d-])[1-9]\d\d[\s-]?\d{3}[\s-]?\d{4}(?![\d-])")
_POSTCODE = re.compile(
    r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) ?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE
)
_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Way|Crescent|Court|Place|Gardens"
    r"|Grove|Terrace|Hill|Park|Row|Walk|Mews|Square|Green|View|Rise|Parade)"
)
# Words that tell "2 long road trips" or "3 weeks the road was shut" from "12 High Street".
_NOT_STREET_NAME = (
    r"(?!(?:weeks?|days?|months?|years?|times|hours?|minutes?|miles?|the|a|and|of|to|in|for"
    r"|long|short|more|few|other|different|same)\b)"
)
_ADDRESS = re.compile(
    rf"\b\d{{1,4}}[a-z]?,? (?:{_NOT_STREET_NAME}[a-z][a-z'-]+ ){{1,3}}{_STREET}\b", re.IGNORECASE
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?(?: of)? {_MONTH},? \d{{4}}"
    rf"|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
)
# A date is a date of birth only after a cue; other dates are meetings and deadlines.
_BIRTH = re.compile(
    rf"\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?|birthday(?: is)?)\s*:?\s*(?P<date>{_DATE})",
    re.IGNORECASE,
)
_NAME = r"[A-Za-z][a-z'’-]+"
_TITLED = re.compile(r"\b(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof)\.? (?P<name>[A-Z][a-z'’-]+)")
# Words after which the next word is someone's name: "my son Jack", "caseworker, Sarah".
_CUED = re.compile(
    r"(?i:\b(?:(?:my|our|his|her) (?:son|daughter|child|boy|girl|brother|sister|grandson"
    r"|granddaughter|husband|wife|partner|mum|dad)|case ?worker|key ?worker|senco|teacher|ta"
    r"|social worker|therapist|salt|ot|nurse|paediatrician|psychologist|advis[eo]r|officer"
    r"|head ?teacher|tutor|mentor|called|named|name is|names)\b,?)"
    rf" (?P<name>{_NAME})"
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z'’-]+\b")
_SURNAME = re.compile(r" (?P<surname>[A-Z][a-z'’-]{2,})\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|\s[-–]\s)$")
# Capitalised words that follow cues but name no person.
_NOT_NAMES = word_set(
    """council local offer sendias sendiass camhs nhs ehcp ehc school college academy team
    service services panel tribunal monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november
    december english maths science year reception nursery sen send pupil student god
    also really just never always"""
)


def redactions(text: str, schools: Sequence[str] = ()) -> tuple[Redaction, ...]:
    """Return the personal details in a comment, in order, never overlapping."""
    found = [
        *_matches(_EMAIL, text, "email"),
        *(r for r in _matches(_NHS, text, "nhs_number") if is_nhs_number(r.text)),
        *(r for r in _matches(_PHONE, text, "phone") if _is_phone(r.text)),
        *(r for r in _matches(_POSTCODE, text, "postcode") if _is_postcode(r.text)),
        *_matches(_ADDRESS, text, "address"),
        *_matches(_BIRTH, text, "date_of_birth", group="date"),
        *(_matches(_schools_pattern(tuple(schools)), text, "school") if schools else ()),
        *_names(text),
    ]
    kept: list[Redaction] = []
    for found_one in sorted(found, key=lambda r: (r.start, r.start - r.end)):
        if not kept or found_one.start >= kept[-1].end:
            kept.append(found_one)
    return tuple(kept)


def apply(text: str, found: Sequence[Redaction]) -> str:
    """Replace each redaction with its label, such as "[name]" or "[email]"."""
    for redaction in sorted(found, key=lambda r: r.start, reverse=True):
        text = text[: redaction.start] + LABELS[redaction.kind] + text[redaction.end :]
    return text


def is_nhs_number(text: str) -> bool:
    """Tell whether ten digits pass the NHS number's modulus 11 check."""
    digits = [int(d) for d in re.sub(r"\D", "", text)]
    if len(digits) != 10:
        return False
    check = 11 - sum(d * (10 - i) for i, d in enumerate(digits[:9])) % 11
    return (0 if check == 11 else check) == digits[9]


def _matches(pattern: re.Pattern, text: str, kind: str, group: int | str = 0) -> list[Redaction]:
    """Return a redaction for each match of a pattern (or of one of its groups)."""
    return [
        Redaction(m.start(group), m.end(group), kind, m.group(group))
        for m in pattern.finditer(text)
    ]


def _is_phone(text: str) -> bool:
    """Tell whether a number has the length of a UK number, once its 0 or +44 is dropped."""
    digits = re.sub(r"\D", "", text)
    national = digits[2:] if text.lstrip().startswith("+") else digits
    national = national.lstrip("0")
    return len(national) in (9, 10) and national[0] in "1235789"


def _is_postcode(text: str) -> bool:
    """Tell whether a postcode-shaped match is one, not "y6 2nd" in lower case."""
    return text.isupper() or text[-2:].lower() not in {"st", "nd", "rd", "th"}


@functools.lru_cache(maxsize=16)
def _schools_pattern(schools: tuple[str, ...]) -> re.Pattern:
    """Match any of the given school names as whole words, longest first, in any case."""
    names = sorted((s.strip() for s in schools if s.strip()), key=len, reverse=True)
    spaced = [r"\s+".join(map(re.escape, name.split())) for name in names]
    return re.compile(rf"\b(?:{'|'.join(spaced)})\b", re.IGNORECASE)


def _names(text: str) -> list[Redaction]:
    """Return people's names: after a title or a cue, or from the list of first names."""
    found = [_with_surname(text, m.start("name"), m.end("name")) for m in _TITLED.finditer(text)]
    for match in _CUED.finditer(text):
        name = match.group("name")
        if _could_be_name(name) and (name[0].isupper() or name.title() in FIRST_NAMES):
            found.append(_with_surname(text, match.start("name"), match.end("name")))
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if word in FIRST_NAMES and not (word in ALSO_WORDS and _starts_sentence(text, match)):
            found.append(_with_surname(text, match.start(), match.end()))
    return found


def _could_be_name(word: str) -> bool:
    """Tell whether a word after a cue may be a name rather than an ordinary word."""
    lowered = word.lower()
    return lowered not in FUNCTION_WORDS and lowered not in _NOT_NAMES


def _with_surname(text: str, start: int, end: int) -> Redaction:
    """Extend a first name over a capitalised surname that follows it."""
    surname = _SURNAME.match(text, end)
    if surname and _could_be_name(surname.group("surname")):
        end = surname.end()
    return Redaction(start, end, "name", text[start:end])


def _starts_sentence(text: str, match: re.Match) -> bool:
    """Tell whether a word opens a sentence, where any word has a capital."""
    return bool(_SENTENCE_START.search(text, 0, match.start()))
