"""What a comment is about, from phrases per theme; and phrases that no theme covers yet."""

import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

from app.analysis.text.language import FUNCTION_WORDS
from app.analysis.text.tokens import sentences, words

# A partnership can replace these with its own; each phrase matches its plurals and its
# -ing and -ed forms ("wait" finds "waits", "waiting", "waited").
DEFAULT_THEMES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "communication": (
            "communication", "communicate", "email", "phone", "phone call", "call back",
            "reply", "respond", "response", "contact", "update", "kept informed", "letter",
            "get back to", "got back to", "voicemail", "answer", "inbox", "in the loop",
        ),
        "waiting times": (
            "wait", "waiting list", "delay", "late", "overdue", "deadline", "20 weeks",
            "timescale", "still waiting", "chase", "and counting", "took months",
        ),
        "EHCP quality": (
            "ehcp", "ehc plan", "education health and care plan", "draft plan",
            "amended plan", "final plan", "section b", "section f", "outcomes", "copied",
            "copy and paste", "wrong name", "plan says", "in the plan",
        ),
        "annual reviews": ("annual review", "review meeting", "my review", "his review",
                           "her review", "the review"),
        "preparing for adulthood": (
            "preparing for adulthood", "pfa", "post 16", "post 19", "college",
            "supported internship", "adulthood", "adult services", "leave school",
            "leaving school", "independent living", "job", "apprenticeship", "university",
        ),
        "therapies": (
            "speech and language", "salt", "speech therapy", "occupational therapy", "ot",
            "physio", "physiotherapy", "therapy", "therapist", "sensory team", "aac",
        ),
        "Local Offer": ("local offer", "website", "directory", "web page", "online information"),
        "school support": (
            "senco", "teacher", "teaching assistant", "ta", "1 1", "one to one", "classroom",
            "reduced timetable", "exclusion", "excluded", "school staff", "support at school",
            "support in school", "mainstream",
        ),
        "mental health": (
            "camhs", "mental health", "anxiety", "anxious", "depression", "depressed",
            "self harm", "counsellor", "counselling", "wellbeing", "panic attack",
        ),
        "transport": ("transport", "taxi", "bus", "minibus", "escort", "travel", "driver"),
        "short breaks": (
            "short break", "respite", "youth club", "holiday club", "play scheme",
            "direct payment", "personal assistant", "personal budget", "activities",
        ),
        "being listened to": (
            "listen", "listened to", "felt heard", "my voice", "my views", "views",
            "asked me", "nobody asked", "involved", "ignored", "co production",
            "take part", "what i want", "what i wanted",
        ),
    }
)  # fmt: skip


def themes_of(text: str, themes: Mapping[str, Sequence[str]] = DEFAULT_THEMES) -> tuple[str, ...]:
    """Return the themes a comment touches, in the themes' own order."""
    stems = _stems(text)
    present, said = set(stems), f" {' '.join(stems)} "
    return tuple(
        name
        for name, (single, multiple) in _indexed(_key(themes))
        if not present.isdisjoint(single)
        or any(first in present and phrase in said for first, phrase in multiple)
    )


def suggest_themes(
    texts: Iterable[str], themes: Mapping[str, Sequence[str]] = DEFAULT_THEMES, minimum: int = 3
) -> list[tuple[str, int]]:
    """Return 2-3 word phrases found in at least `minimum` comments that match no theme."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({gram for sentence in sentences(text) for gram in _grams(sentence)})
    every = [phrase for _, listed in _compiled(_key(themes)) for phrase in listed]
    found = {
        gram: count
        for gram, count in counts.items()
        if count >= minimum and not _mentions(f" {' '.join(map(_stem, gram.split()))} ", every)
    }
    # "speech language" says nothing that "speech language therapy" in as many comments does not.
    # A pair sits inside a run of three as its first or last two words: index those, in one pass.
    inside: set[tuple[str, int]] = set()
    for gram, count in found.items():
        three = gram.split()
        if len(three) == 3:
            inside |= {(" ".join(three[:2]), count), (" ".join(three[1:]), count)}
    kept = [(gram, count) for gram, count in found.items() if (gram, count) not in inside]
    return sorted(kept, key=lambda item: (-item[1], item[0]))


def _grams(sentence: str) -> set[str]:
    """Return the sentence's 2- and 3-word runs that neither begin nor end with a stop word."""
    tokens = [w for w in words(sentence) if w.isalpha() or "'" in w]
    return {
        " ".join(tokens[i : i + n])
        for n in (2, 3)
        for i in range(len(tokens) - n + 1)
        if tokens[i] not in FUNCTION_WORDS and tokens[i + n - 1] not in FUNCTION_WORDS
    }


def _mentions(said: str, phrases: Iterable[str]) -> bool:
    """Tell whether any stemmed phrase occurs in the stemmed text as whole words."""
    return any(f" {phrase} " in said for phrase in phrases)


def _key(themes: Mapping[str, Sequence[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return a hashable copy of a themes mapping, so its stemmed form can be cached."""
    return tuple((name, tuple(listed)) for name, listed in themes.items())


@functools.lru_cache(maxsize=32)
def _compiled(key) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Stem every phrase of every theme once."""
    return tuple((name, tuple(" ".join(_stems(p)) for p in listed)) for name, listed in key)


@functools.lru_cache(maxsize=32)
def _indexed(key) -> tuple[tuple[str, tuple[frozenset[str], tuple[tuple[str, str], ...]]], ...]:
    """Split each theme's stemmed phrases into single words, looked up at once, and longer
    phrases, searched for only when their first word is in the comment."""
    indexed = []
    for name, listed in _compiled(key):
        single = frozenset(p for p in listed if " " not in p)
        multiple = tuple((p.split()[0], f" {p} ") for p in listed if " " in p)
        indexed.append((name, (single, multiple)))
    return tuple(indexed)


def _stems(text: str) -> list[str]:
    """Return the stems of a text's words."""
    return [_stem(w) for w in words(text)]


@functools.lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    """Strip plural, -ing and -ed endings, so "waits", "waiting" and "waited" all read "wait"."""
    for ending, instead in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", "e")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)] + instead
            break
    else:
        # Not "bus", "class", "crisis" or "this".
        if len(word) > 3 and word[-1] == "s" and not word.endswith(("ss", "us", "sis", "this")):
            word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "planned" -> "plann" -> "plan"
    return word[:-1] if word.endswith("e") and len(word) > 3 else word
