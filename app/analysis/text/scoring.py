"""Score one clause: its phrases, then its words, with the negations and intensifiers before
them. TextBlob's lexicon gives a word's polarity unless the domain lexicon knows better."""

import functools
import re
from dataclasses import dataclass

from app.analysis.text import lexicon, phrases
from app.analysis.text.tokens import words

_LOOK_BACK = 4  # words between a negation and what it negates: "couldn't give us any answers"
_REPEATS = re.compile(r"(\w)\1{2,}")  # "soooo", "goood"
# "never met him", "nobody came", "no decision yet": a lack reported as a fact.
_LACKING = frozenset({"never", "nobody", "nothing", "none", "without", "nowhere", "no"})
# In a wish, a suggestion or a question praise words are not praise: "it would be good to
# meet in the afternoon" judges nothing.
_HYPOTHETICAL = frozenset(
    {"would", "could", "should", "shouldn't", "might", "wish", "hope", "if", "wd", "please"}
)


@dataclass(frozen=True)
class Hit:
    phrase: str
    polarity: float
    manner: bool = False  # praise for manner or effort alone: "lovely", "tried her best"


def clause_hits(clause: str) -> list[Hit]:
    """Score a clause's phrases first, then its remaining words, then any bare negation."""
    tokens, written = _normalised(words(clause))
    joined = " ".join(tokens)
    taken: set[int] = set()  # words inside phrases or used as modifiers
    wish = _wish_starts(clause, tokens)
    found = []
    for match in phrases.PATTERN.finditer(joined):
        first = joined.count(" ", 0, match.start())
        last = first + match.group().count(" ")
        taken.update(range(first, last + 1))
        rule = phrases.scored(joined, match.start())
        if rule:
            found += _phrase_hits(tokens, written, first, last, rule, taken, wish)
    for i in range(len(tokens)):
        polarity = None if i in taken else _word_polarity(tokens, i)
        if polarity is not None and not (i > wish and polarity > 0):
            found.append(_modified(tokens, written, i, i, polarity, taken, wish))
    found += _bare_negations(tokens, written, taken, wish)
    return [hit for hit in found if hit.polarity]


def _wish_starts(clause: str, tokens: list[str]) -> int:
    """Return where a wish, request or question starts in a clause (past the end if none)."""
    if clause.rstrip().endswith("?"):
        return -1
    wishes = (i for i, t in enumerate(tokens) if t in _HYPOTHETICAL or t.endswith("'d"))
    return next(wishes, len(tokens))


def _phrase_hits(tokens, written, first: int, last: int, rule, taken, wish) -> list[Hit]:
    """Score a matched phrase; a "mixed feelings" phrase counts on both sides."""
    polarity, effort = rule
    if polarity is None:
        said = " ".join(written[first : last + 1])
        return [Hit(said, 0.4), Hit(said, -0.4)]
    hit = _modified(tokens, written, first, last, polarity, taken, wish)
    return [Hit(hit.phrase, hit.polarity, effort)]


def _bare_negations(tokens, written, taken: set[int], wish: int) -> list[Hit]:
    """Score negations that negate no feeling word: "nobody came", "council not"."""
    found = []
    for i, token in enumerate(tokens):
        if i in taken or not (token in lexicon.NEGATORS or token.endswith("n't")):
            continue
        if i > wish and token not in _LACKING:
            continue  # "please send it to me, not my mum": a request, not a complaint
        following = len(tokens) - i - 1
        if token in _LACKING and following:
            found.append(Hit(" ".join(written[i : i + 2]), -0.45))
        elif following == 0 and i > 0:
            found.append(Hit(" ".join(written[i - 1 : i + 1]), -0.4))  # "council not"
        elif following >= 2:
            found.append(Hit(" ".join(written[i : i + 3]), -0.2))  # "didn't know any"
    return found


def _normalised(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Mend spelling and text-speak and read pairs ("kind of") as one; keep what was written."""
    mended: list[str] = []
    written: list[str] = []
    stretched = _REPEATS.search(" ".join(tokens)) is not None  # one search, not one a word
    for token in tokens:
        word = lexicon.SPELLING.get(token) or (_unrepeated(token) if stretched else token)
        if word == "know" and mended and mended[-1] in lexicon.KNOW_MEANS_NO:
            word = "no"
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
    if token in lexicon.LIKING:  # "like" is liking only after a subject: "i like it"
        liked = tokens[i - 1] in lexicon.LIKERS if i else token in lexicon.LIKED
        return 0.4 if liked else None
    return _polarity(token)


def _modified(tokens, written, first: int, last: int, polarity: float, taken, wish) -> Hit:
    """Apply the negations and intensifiers just before a scored word or phrase."""
    start, boost, negated = first, 1.0, False
    for j in range(first - 1, max(-1, first - 1 - _LOOK_BACK), -1):
        word = tokens[j]
        if j in taken:
            break
        if word in lexicon.NEGATORS or word.endswith("n't"):
            start, negated = j, True
        elif word in lexicon.INTENSIFIERS and not negated:
            start, boost = j, boost * lexicon.INTENSIFIERS[word]
        elif _known(word):
            break
    taken.update(range(start, last + 1))
    phrase = " ".join(written[start : last + 1])
    if "too" in tokens[start:first] and polarity > 0:
        return Hit(phrase, -0.3)  # "too fast", "too many"
    manner = first == last and tokens[first] in lexicon.MANNER
    # "it shouldn't take this long" still complains: in a wish, negation does not turn it round.
    if not negated or (polarity < 0 and first > wish):
        return Hit(phrase, max(-1.0, min(1.0, polarity * boost)), manner)
    if polarity == 0:  # "the therapy hasn't started", "no reply"
        return Hit(phrase, -0.5)
    # "not helpful" is clearly bad; "not bad" is only faintly good.
    return Hit(phrase, -max(0.3, 0.7 * polarity) if polarity > 0 else 0.4 * -polarity)


def _known(token: str) -> bool:
    """Tell whether a word carries feeling of its own."""
    return _polarity(token) is not None


def _polarity(token: str) -> float | None:
    """Return a word's polarity from the domain lexicon, else TextBlob's; emoji by their face."""
    if token in lexicon.WORDS:
        return lexicon.WORDS[token]
    if token in lexicon.NEUTRAL or token in lexicon.NEGATORS or token.endswith("n't"):
        return None  # TextBlob scores "isn't" and "can't"; here they turn the next word round
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
