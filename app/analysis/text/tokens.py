"""Sentences and words of a comment, found with regular expressions alone.

TextBlob's own splitters need NLTK data we cannot download, and comments are short and
informal (text-speak, emoji, no capitals), so a few patterns serve them better anyway.
"""

import functools
import re

# One emoji: a pictograph, then any skin tone, variation selector or zero-width-joined part,
# so "👍🏽" and "👨‍👩‍👧" stay single tokens as people mean them.
_PICTOGRAPH = "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff]"
_EMOJI = f"{_PICTOGRAPH}(?:[\ufe0f\U0001f3fb-\U0001f3ff]|\u200d{_PICTOGRAPH})*"
# Sideways faces and hearts; a URL is matched first so "https://" gives no ":/".
_EMOTICON = r"(?<!\w)(?:[:;=][-'^]?[()\[\]DPpO/|*3]|<3|\):)(?!\w)"
_URL = r"(?:https?://|www\.)\S+"
# Letters or digits of any script, with inner apostrophes ("don't", "o'clock").
_WORD = r"[^\W_]+(?:['’][^\W_]+)*"
# Text-speak that a split on "/" would break: "n/a" means "not applicable".
_SLASHED = r"(?<!\w)[nNwW]/[aAeEcC](?!\w)"

TOKEN = re.compile(f"{_URL}|{_SLASHED}|{_EMOJI}|{_EMOTICON}|{_WORD}|[!?]")
EMOJI = re.compile(_EMOJI)

# A sentence ends at . ! ? or … (with any closing quote or bracket) before a space, or at a
# line break: people often write one point a line without a full stop.
_END = re.compile(r"[.!?…]+['\"’”)\]]*(?=\s|$)|\n\s*")
_LAST_WORD = re.compile(r"\S+$")


def word_set(listed: str) -> frozenset[str]:
    """Return the words of a space-separated list, so long word lists read as prose."""
    return frozenset(listed.split())


# Words whose full stop does not end a sentence. Titles come before a name, and the Latin
# ones mid-sentence; an initial ("J. Smith") is handled by its length.
_ABBREVIATIONS = word_set(
    "mr mrs ms mx dr prof st rev sr jr e.g eg i.e ie etc vs approx dept no tel cllr"
)


# Cached, a few at a time: reading one comment splits the same text for its language, feeling
# and themes. (A large cache would only flatter the benchmark, which reads each text 5 times.)
@functools.lru_cache(maxsize=32)
def words(text: str) -> tuple[str, ...]:
    """Return the comment's tokens, lower-cased, with typographic apostrophes made plain."""
    return tuple(t.lower().replace("’", "'") for t in TOKEN.findall(text))


@functools.lru_cache(maxsize=32)
def sentences(text: str) -> tuple[str, ...]:
    """Return the comment's sentences, stripped, without empty ones."""
    found, start = [], 0
    for end in _END.finditer(text):
        if end.group().startswith(".") and _abbreviated(text, end.start()):
            continue
        if _trails_on(text, end):
            continue
        piece = text[start : end.end()].strip()
        if piece:
            found.append(piece)
        start = end.end()
    tail = text[start:].strip()
    return (*found, tail) if tail else tuple(found)


def _trails_on(text: str, end: re.Match) -> bool:
    """Tell whether an ellipsis runs on into a lower-case word ("great job... not")."""
    mark = end.group()
    following = text[end.end() : end.end() + 2].strip()
    return (mark.startswith("..") or mark.startswith("…")) and following[:1].islower()


def _abbreviated(text: str, dot: int) -> bool:
    """Tell whether the full stop at this position closes an abbreviation, not a sentence."""
    before = _LAST_WORD.search(text, max(0, dot - 12), dot)
    if before is None:
        return False
    word = before.group().lstrip("([\"'").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
