"""How a comment feels: positive, negative, mixed or neutral, and the words that decided it.

Built on the lexicon of TextBlob's PatternAnalyzer, scored clause by clause with the rules
SEND feedback needs: a domain lexicon and phrases (phrases.py), negation, the clause after
"but" weighing more, sarcasm, slang, emoji and common misspellings.
"""

import re
from dataclasses import dataclass

from app.analysis.text import phrases
from app.analysis.text.scoring import Hit, clause_hits
from app.analysis.text.tokens import sentences

POSITIVE, NEGATIVE, MIXED, NEUTRAL = "positive", "negative", "mixed", "neutral"

# After "but" or "however" comes what the writer most wants said; a concession ("although
# the school is lovely") weighs less than the clause it concedes to.
_CLAUSE = re.compile(
    r"[,;:–—]\s*|\s+-\s+|\b(but|however|yet|whereas|except|although|though|even though"
    r"|despite|while|whilst)\b",
    re.IGNORECASE,
)
_CONTRAST = frozenset({"but", "however", "yet", "whereas", "except"})
_STRESSED, _CONCEDED = 1.5, 0.6
# A question asked twice over is frustration, not a question: "who do I even complain to??"
_EXASPERATED = re.compile(r"\?\s*[?!]")
# Kind manner set against a failure counts for less: "the SENCo was lovely but the plan is
# still wrong" is a complaint.
_MANNER_AGAINST_FAILURE = 0.5
# A side counts as "mixed" when the weaker one is at least this share of the stronger.
_MIXED_SHARE = 0.5
_MIN_SIDE = 0.2
_NEUTRAL_BAND = 0.1


@dataclass(frozen=True)
class Sentiment:
    label: str
    score: float
    phrases: tuple[str, ...]


def sentiment(text: str) -> Sentiment:
    """Read a comment's feeling, with the words that decided it."""
    hits: list[tuple[Hit, float]] = []
    for sentence in sentences(text):
        hits += _sentence_hits(sentence)
    return _decide(hits)


def _sentence_hits(sentence: str) -> list[tuple[Hit, float]]:
    """Score each clause of a sentence; turn praise round when the sentence is sarcastic."""
    found, weight = [], 1.0
    parts = _CLAUSE.split(sentence)
    for i in range(0, len(parts), 2):
        marker = (parts[i - 1] or "").lower() if i else ""
        if marker in _CONTRAST:
            weight = _STRESSED
        clause_weight = _CONCEDED if marker and marker not in _CONTRAST else weight
        found += [(hit, clause_weight) for hit in clause_hits(parts[i])]
    lowered = sentence.lower()
    if _EXASPERATED.search(lowered):
        found.append((Hit("??", -0.3), 1.0))
    sarcasm = phrases.SARCASM.search(lowered)
    if sarcasm is None and any(h.polarity < 0 for h, _ in found):
        sarcasm = phrases.IRONIC_PRAISE.search(lowered)
    if sarcasm:
        # The praise was not meant: it counts against, shown as the words that gave it away.
        praise = [(h, w) for h, w in found if h.polarity > 0]
        marker = _shortened(sarcasm.group())
        if praise and praise[0][0].phrase not in marker:
            marker = f"{praise[0][0].phrase} … {marker}"
        strength = min(1.0, 0.4 + sum(h.polarity * w for h, w in praise))
        found = [(h, w) for h, w in found if h.polarity < 0] + [(Hit(marker, -strength), 1.0)]
    return found


def _shortened(phrase: str) -> str:
    """Shorten a long sarcastic match to its first and last words ("brilliant … again")."""
    said = phrase.strip(" ,.!")
    parts = said.split()
    return f"{parts[0].strip(',')} … {parts[-1]}" if len(parts) > 4 else said


def _decide(hits: list[tuple[Hit, float]]) -> Sentiment:
    """Weigh the two sides: a clear winner, a mix, or nothing felt at all."""
    bad = -sum(h.polarity * w for h, w in hits if h.polarity < 0)
    discount = _MANNER_AGAINST_FAILURE if bad else 1.0
    good = sum(h.polarity * w * (discount if h.manner else 1) for h, w in hits if h.polarity > 0)
    total = good + bad
    score = round((good - bad) / max(1.0, total), 3)
    if total < _MIN_SIDE / 2:
        return Sentiment(NEUTRAL, 0.0, ())
    if min(good, bad) >= max(_MIN_SIDE, _MIXED_SHARE * max(good, bad)):
        label = MIXED
    elif abs(score) < _NEUTRAL_BAND:
        label = MIXED if min(good, bad) > 0 else NEUTRAL
    else:
        label = POSITIVE if score > 0 else NEGATIVE
    return Sentiment(label, score, _deciding(hits, label))


def _deciding(hits: list[tuple[Hit, float]], label: str, most: int = 5) -> tuple[str, ...]:
    """Return the strongest phrases on the winning side (both sides when mixed)."""
    sides = {POSITIVE: (1,), NEGATIVE: (-1,), MIXED: (1, -1), NEUTRAL: ()}[label]
    ranked = sorted(hits, key=lambda hw: -abs(hw[0].polarity * hw[1]))
    chosen = [h.phrase for h, _ in ranked if (h.polarity > 0) - (h.polarity < 0) in sides]
    return tuple(dict.fromkeys(chosen))[:most]
