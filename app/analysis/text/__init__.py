"""Read free-text comments: language, sentiment, themes, safeguarding and personal data.

Pure functions on plain text, so a reading can be stored beside the answer and recomputed
whenever the rules improve.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.analysis.text.language import is_english
from app.analysis.text.personal import Redaction, redactions
from app.analysis.text.safeguarding import Risk, risks
from app.analysis.text.scoring import _textblob_words
from app.analysis.text.sentiment import Sentiment, sentiment
from app.analysis.text.themes import DEFAULT_THEMES, suggest_themes, themes_of

__all__ = [
    "DEFAULT_THEMES",
    "Reading",
    "Redaction",
    "Risk",
    "Sentiment",
    "flags",
    "load_now",
    "read_comment",
    "suggest_themes",
]


@dataclass(frozen=True)
class Reading:
    english: bool | None  # None: too short to tell ("ok", "👍")
    sentiment: Sentiment | None  # None when the comment is not in English
    themes: tuple[str, ...]
    risks: tuple[Risk, ...]
    needs_reader: bool  # not English, so a person must read it for safeguarding
    redactions: tuple[Redaction, ...]


def read_comment(
    text: str,
    *,
    themes: Mapping[str, Sequence[str]] = DEFAULT_THEMES,
    schools: Sequence[str] = (),
) -> Reading:
    """Read one comment: its language, feeling, themes, risks and personal details."""
    english = is_english(text)
    readable = english is not False
    return Reading(
        english=english,
        sentiment=sentiment(text) if readable else None,
        themes=themes_of(text, themes) if readable else (),
        # Every comment, in any language: risk words in Polish or Urdu still raise a flag.
        risks=risks(text),
        needs_reader=not readable,
        redactions=redactions(text, schools),
    )


def load_now() -> None:
    """Load the word lists and the model read_comment uses, so no reading waits for them."""
    # A served app calls this as it starts: otherwise the first person to send after a
    # restart waits while TextBlob's lexicon and NLTK load (a fifth of a second here).
    read_comment("Loading the readers now.")
    _textblob_words()


def flags(reading: Reading) -> tuple[str, ...]:
    """Return what staff must know first: "safeguarding", "personal_data", "not_english"."""
    raised = {
        "safeguarding": bool(reading.risks),
        "personal_data": bool(reading.redactions),
        "not_english": reading.needs_reader,
    }
    return tuple(flag for flag, up in raised.items() if up)
