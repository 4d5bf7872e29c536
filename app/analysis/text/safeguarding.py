"""Comments that suggest a child or young person may be at risk of harm now.

A flag means "a person must read this today", not a finding: a wrong flag costs a minute,
a miss can cost a child. So the rules err towards flagging, and clear a comment only when
it says the harm has ended and was dealt with. Under the worded rules, a learned net
(risk_model.py) catches the wordings no rule names.
"""

import bisect
import re
from dataclasses import dataclass

from app.analysis.text import risk_elsewhere, risk_home, risk_model
from app.analysis.text.risk_signals import SIGNALS, concern
from app.analysis.text.tokens import sentences

# The rubric's order: when several fit, the first names the risk.
CATEGORIES = (
    "self_harm", "abuse", "violence_at_home", "neglect", "exploitation", "bullying",
    "carer_cannot_cope", "unsafe",
)  # fmt: skip
PATTERNS = {c: (risk_home.PATTERNS | risk_elsewhere.PATTERNS)[c] for c in CATEGORIES}


@dataclass(frozen=True)
class Risk:
    category: str
    phrase: str


def _compiled(patterns: dict[str, tuple[str, ...]], start: str = "") -> re.Pattern:
    """Join every category's patterns into one expression whose group names the category."""
    groups = (f"(?P<{category}>{'|'.join(listed)})" for category, listed in patterns.items())
    return re.compile(f"{start}(?:{'|'.join(groups)})")


# English risk wording starts at a word, so only the places after a space are tried: the
# words are joined by single spaces. Other languages join words inside longer ones.
_ENGLISH = _compiled(PATTERNS, start="(?<![^ ])")
_OTHER = _compiled(risk_elsewhere.OTHER_LANGUAGES)
_NO_APOSTROPHES = str.maketrans("", "", "'’`")
# Text-speak and run-together words, written out so the patterns need only one spelling.
_SPOKEN = {
    "no1": "no one", "noone": "no one", "no-one": "no one", "wanna": "want to",
    "gonna": "going to", "u": "you", "ur": "your", "cos": "because", "coz": "because",
    "cuz": "because", "sum1": "someone", "some1": "someone", "any1": "anyone", "ppl": "people",
    "nite": "night", "evry": "every", "kil": "kill", "myslef": "myself", "mysef": "myself",
    "dnt": "dont", "cnt": "cant", "stepdad": "step dad",
}  # fmt: skip
_WORD = re.compile(r"[\w£-]+")
# A word as written, apostrophes and all, so it lines up with its plain form ("I’m", "im").
_WRITTEN = re.compile(r"[\w£-]+(?:['’`][\w£-]+)*")

# A harm is cleared only when it is told in the past, has ended and was dealt with, and nothing
# says it goes on (rubric rule 5).
_DEALT_WITH = re.compile(
    r"\b(?:dealt with|stopped|sorted|resolved|no problems since|hasnt happened since|ever since"
    r"|happy now|safe now|fine now|settled|better place|court order|investigated|case was closed"
    r"|been fine|doing (?:great|well|fine|brilliant)|since (?:moving|changing|we moved)|been well"
    r"|been (?:brilliant|great|amazing|fantastic|good|ok|okay)|much better)\b"
)
_PAST = re.compile(
    r"\b(?:used to|was|were|last (?:year|term)|years ago|once|in year \d+|when (?:i|he|she) was)\b"
)
_GOING_ON = re.compile(
    r"\b(?:still|again|anymore|started|moving back|coming back|every (?:day|night)|most days"
    r"|keeps?|wont|cant|scared|now (?:hes|shes|hes talking|shes talking))\b"
)


# A wish to die said of boredom or embarrassment is the idiom "I could have died" (rubric
# rule 3); any act against oneself is still flagged, even as a joke.
_IDIOM = re.compile(r"\b(?:bor(?:ing|ed|edom)|embarrass\w*|cringe\w*|awkward)\b")
_WISH_TO_DIE = re.compile(r"\b(?:want|wanted|wish|wished)\w* (?:to|2) die\b")


def risks(text: str) -> tuple[Risk, ...]:
    """Return each kind of risk the comment suggests, with the words that suggest it."""
    worded = worded_risks(text)
    if worded:
        return worded
    reasons = risk_model.concern(plain_comment(text))
    if reasons is None:
        return ()
    # The net names no category; the first danger word it leans on suggests one, and "unsafe"
    # (any other present danger) stands in when none does.
    kinds = [SIGNALS[word][0] for word in reasons.replace(" … ", " ").split() if word in SIGNALS]
    return (Risk(kinds[0] if kinds else "unsafe", reasons),)


def plain_comment(text: str) -> str:
    """Return the whole comment in the plain form the rules read, sentence after sentence."""
    return " ".join(_plain(sentence) for sentence in sentences(text))


def worded_risks(text: str) -> tuple[Risk, ...]:
    """Return the risks the worded rules (and the wider net of danger words) find."""
    written = sentences(text)
    said = [_plain(sentence) for sentence in written]
    found: dict[str, str] = {}
    for i, sentence in enumerate(written):
        hits = _sentence_risks(sentence, said[i])
        # Only this sentence and the next can clear it: a past harm dealt with elsewhere in the
        # comment does not weaken a disclosure here (rubric rules 2 and 5).
        if hits and not _resolved(said[i], " ".join(said[i : i + 2])):
            for category, phrase in hits:
                found.setdefault(category, phrase)
    order = {category: i for i, category in enumerate(CATEGORIES)}
    return tuple(Risk(c, p) for c, p in sorted(found.items(), key=lambda cp: order[cp[0]]))


def _sentence_risks(sentence: str, said: str) -> list[tuple[str, str]]:
    """Return (category, words as written) for each rule a sentence matches, else the wider net."""
    hits = []
    for pattern in (_ENGLISH, _OTHER):
        for match in pattern.finditer(said):
            if _WISH_TO_DIE.fullmatch(match.group()) and _IDIOM.search(said):
                continue
            hits.append((match.lastgroup, _as_written(sentence, match.start(), match.end())))
    wider = None if hits else concern(said)
    return [wider] if wider else hits


def _plain(sentence: str) -> str:
    """Lower-case the words, drop punctuation and apostrophes, and write text-speak in full."""
    words = _WORD.findall(sentence.lower().translate(_NO_APOSTROPHES))
    return " ".join([_SPOKEN.get(word, word) for word in words])


def _as_written(sentence: str, start: int, end: int) -> str:
    """Return the words of the sentence behind a match in its plain form, as they were written."""
    starts, spans, at = [], [], 0
    for match in _WRITTEN.finditer(sentence):
        word = match.group().lower().translate(_NO_APOSTROPHES)
        starts.append(at)
        spans.append(match.span())
        at += len(_SPOKEN.get(word, word)) + 1
    first = spans[bisect.bisect_right(starts, start) - 1][0]
    last = spans[bisect.bisect_right(starts, end - 1) - 1][1]
    return sentence[first:last]


def _resolved(sentence: str, context: str) -> bool:
    """Tell whether a sentence tells of a past harm that ended and was dealt with."""
    return bool(
        _PAST.search(sentence) and _DEALT_WITH.search(context) and not _GOING_ON.search(context)
    )
