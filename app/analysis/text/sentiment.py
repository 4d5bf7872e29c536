"""How a comment feels: positive, negative, mixed or neutral, and the words that decided it.

Built on the lexicon of TextBlob's PatternAnalyzer, scored clause by clause with the rules
SEND feedback needs: a domain lexicon and phrases (phrases.py), negation, the clause after
"but" weighing more, sarcasm, slang, emoji and common misspellings.
"""

import functools
import re
from dataclasses import dataclass

from app.analysis.text import lexicon, phrases
from app.analysis.text.tokens import sentences, words

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
_LOOK_BACK = 3  # words between a negation and what it negates: "not very helpful"
_REPEATS = re.compile(r"(\w)\1{2,}")  # "soooo", "goood"
# A side counts as "mixed" when the weaker one is at least this share of the stronger.
_MIXED_SHARE = 0.5
_MIN_SIDE = 0.2
_NEUTRAL_BAND = 0.1


@dataclass(frozen=True)
class Sentiment:
    label: str
    score: float
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class _Hit:
    phrase: str
    polarity: float


def sentiment(text: str) -> Sentiment:
    """Read a comment's feeling, with the words that decided it."""
    hits: list[tuple[_Hit, float]] = []
    for sentence in sentences(text):
        hits += _sentence_hits(sentence)
    return _decide(hits)


def _sentence_hits(sentence: str) -> list[tuple[_Hit, float]]:
    """Score each clause of a sentence; turn praise round when the sentence is sarcastic."""
    found, weight = [], 1.0
    parts = _CLAUSE.split(sentence)
    for i in range(0, len(parts), 2):
        marker = (parts[i - 1] or "").lower() if i else ""
        if marker in _CONTRAST:
            weight = _STRESSED
        clause_weight = _CONCEDED if marker and marker not in _CONTRAST else weight
        found += [(hit, clause_weight) for hit in _clause_hits(parts[i])]
    lowered = sentence.lower()
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
        found = [(h, w) for h, w in found if h.polarity < 0] + [(_Hit(marker, -strength), 1.0)]
    return found


def _shortened(phrase: str) -> str:
    """Shorten a long sarcastic match to its first and last words ("brilliant … again")."""
    said = phrase.strip(" ,.!")
    parts = said.split()
    return f"{parts[0].strip(',')} … {parts[-1]}" if len(parts) > 4 else said


def _clause_hits(clause: str) -> list[_Hit]:
    """Score a clause's phrases first, then its remaining words."""
    tokens, written = _normalised(words(clause))
    if not tokens:
        return []
    joined = " ".join(tokens)
    taken: set[int] = set()
    found = []
    for match in phrases.PATTERN.finditer(joined):
        first = joined.count(" ", 0, match.start())
        last = first + match.group().count(" ")
        taken.update(range(first, last + 1))
        if match.lastgroup:
            polarity = phrases.POLARITY[match.lastgroup]
            found.append(_modified(tokens, written, first, last, polarity, taken))
    for i in range(len(tokens)):
        if i not in taken:
            polarity = _word_polarity(tokens, i)
            if polarity is not None:
                found.append(_modified(tokens, written, i, i, polarity, taken))
    return [hit for hit in found if hit.polarity]


def _normalised(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Mend spelling and text-speak and read pairs ("kind of") as one; keep what was written."""
    mended: list[str] = []
    written: list[str] = []
    for token in tokens:
        word = lexicon.SPELLING.get(token) or _unrepeated(token)
        pair = lexicon.MERGES.get((mended[-1], word)) if mended else None
        if pair:
            mended[-1], written[-1] = pair, f"{written[-1]} {token}"
        else:
            mended.append(word)
            written.append(token)
    return mended, written


def _unrepeated(token: str) -> str:
    """Shorten letters typed three times or more ("soooo good") to a known word."""
    if not _REPEATS.search(token):
        return token
    double = _REPEATS.sub(r"\1\1", token)
    return double if _known(double) else _REPEATS.sub(r"\1", token)


def _word_polarity(tokens: list[str], i: int) -> float | None:
    """Return a word's polarity, 0 for a missed event, or None when it carries no feeling."""
    token = tokens[i]
    if token in lexicon.INTENSIFIERS:
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if _known(following) or token not in lexicon.WORDS:
            return None  # it strengthens the next word rather than being felt itself
    if token in lexicon.EVENTS:
        return 0.0
    return _polarity(token)


def _modified(tokens, written, first: int, last: int, polarity: float, taken) -> _Hit:
    """Apply the negations and intensifiers just before a scored word or phrase."""
    start, boost, negated = first, 1.0, False
    for j in range(first - 1, max(-1, first - 1 - _LOOK_BACK), -1):
        word = tokens[j]
        if word in lexicon.NEGATORS or word.endswith("n't"):
            start, negated = j, True
        elif word in lexicon.INTENSIFIERS and not negated:
            start, boost = j, boost * lexicon.INTENSIFIERS[word]
        elif j in taken or _known(word):
            break
    phrase = " ".join(written[start : last + 1])
    if not negated:
        return _Hit(phrase, max(-1.0, min(1.0, polarity * boost)))
    if polarity == 0:  # "the therapy hasn't started", "no reply"
        return _Hit(phrase, -0.5)
    # "not helpful" is clearly bad; "not bad" is only faintly good.
    return _Hit(phrase, -max(0.3, 0.7 * polarity) if polarity > 0 else 0.4 * -polarity)


def _known(token: str) -> bool:
    """Tell whether a word carries feeling of its own."""
    return _polarity(token) is not None


def _polarity(token: str) -> float | None:
    """Return a word's polarity from the domain lexicon, else TextBlob's; emoji by their face."""
    if token in lexicon.WORDS:
        return lexicon.WORDS[token]
    if token in lexicon.NEUTRAL:
        return None
    return _textblob_words().get(token) or lexicon.WORDS.get(token[:1])


@functools.cache
def _textblob_words() -> dict[str, float]:
    """Return TextBlob's word polarities, leaving out the faint ones that only add noise."""
    # Imported here: importing TextBlob loads NLTK, which takes a noticeable part of a second.
    from textblob.en import sentiment as pattern

    "good" in pattern  # noqa: B015 - the lexicon loads on first use
    found = {}
    for word, senses in dict.items(pattern):
        polarity = (senses.get(None) or next(iter(senses.values())))[0]
        if abs(polarity) >= 0.1:
            found[word] = polarity
    return found


def _decide(hits: list[tuple[_Hit, float]]) -> Sentiment:
    """Weigh the two sides: a clear winner, a mix, or nothing felt at all."""
    good = sum(h.polarity * w for h, w in hits if h.polarity > 0)
    bad = -sum(h.polarity * w for h, w in hits if h.polarity < 0)
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


def _deciding(hits: list[tuple[_Hit, float]], label: str, most: int = 5) -> tuple[str, ...]:
    """Return the strongest phrases on the winning side (both sides when mixed)."""
    sides = {POSITIVE: (1,), NEGATIVE: (-1,), MIXED: (1, -1), NEUTRAL: ()}[label]
    ranked = sorted(hits, key=lambda hw: -abs(hw[0].polarity * hw[1]))
    chosen = [h.phrase for h, _ in ranked if (h.polarity > 0) - (h.polarity < 0) in sides]
    return tuple(dict.fromkeys(chosen))[:most]
