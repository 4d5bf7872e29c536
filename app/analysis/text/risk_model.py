"""A learned net under the worded rules: word weights that score how much a comment reads like
the risk comments in the labelled set, for the wordings no rule names.

Risk is told in more ways than rules can list ("i wrote letters to my mum in case sumthing
happens to me", "no one gets me up in the mornings"). The weights are a logistic regression
over the comment's words and word pairs, trained on the development part of
tests/data/comments/safeguarding.csv by tools/train_risk_model.py, which also chooses the
threshold by cross-validation so that rules and net together catch at least 95% of risk
comments they were not trained on. It errs wide: a flag costs a reader a minute.

The weights are plain data (risk_model.json); nothing here learns at run time.
"""

import json
from functools import lru_cache
from pathlib import Path

from app.analysis.text.tokens import word_set

WEIGHTS = Path(__file__).with_name("risk_model.json")
_SUFFIXES = ("ing", "ed", "es", "s", "ly")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Cut a common ending, so "punches", "punched" and "punching" share a weight."""
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


# A word up to three after one of these is read as negated: "feel safe" and "dont feel safe"
# must weigh differently, and a bag of words alone cannot tell them apart.
_NEGATORS = word_set("not no dont never cant wont isnt doesnt didnt nobody nothing noone without")
_NEGATED_SPAN = 3


def features(said: str) -> list[str]:
    """Return the stems of a plain-text comment and its neighbouring pairs, without repeats.

    Stems after a negator carry a "not " mark, so negation changes the weight they get.
    """
    stems, left = [], 0
    for word in said.split():
        if word in _NEGATORS:
            stems.append(word)
            left = _NEGATED_SPAN
            continue
        stems.append(f"not {stem(word)}" if left else stem(word))
        left = max(0, left - 1)
    pairs = [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]
    return list(dict.fromkeys(stems + pairs))


@lru_cache(maxsize=1)
def model() -> tuple[float, float, dict[str, float]]:
    """Return the shipped (bias, threshold, weights)."""
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return data["bias"], data["threshold"], data["weights"]


def logit(found: list[str], bias: float, weights: dict[str, float]) -> float:
    """Return the log-odds that a comment with these features is a risk comment."""
    get = weights.get
    return bias + sum([get(feature, 0.0) for feature in found])


def concern(said: str, *, shown: int = 3) -> str | None:
    """Return the words that weigh most towards risk when the comment scores past the
    threshold, for the reader to see why; None when it does not."""
    bias, threshold, weights = model()
    found = features(said)
    if logit(found, bias, weights) <= threshold:
        return None
    leading = sorted((f for f in found if weights.get(f, 0) > 0), key=lambda f: -weights[f])
    # Shown as the reader wrote them: without the negation mark, each word once.
    words = dict.fromkeys(f.removeprefix("not ") for f in leading)
    return " … ".join(list(words)[:shown])
