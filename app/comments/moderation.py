"""A person's decisions on a comment: corrections, an English summary, a quote, or escalation."""

import re
from collections.abc import Mapping, Sequence

from sqlmodel import Session

from app.analysis.text import read_comment
from app.analysis.text.personal import Redaction, apply
from app.comments.store import raise_again
from app.models import CommentReading, QuoteState


def summarise(
    reading: CommentReading, summary: str, *, themes: Mapping[str, Sequence[str]], session: Session
) -> bool:
    """Store an English summary of a comment in another language and read the summary.

    Its sentiment and themes stand for the comment's. Return True when the summary shows a
    risk, in which case the comment goes to the safeguarding lead (flush only).
    """
    found = read_comment(summary, themes=themes)
    reading.summary_en = summary
    if found.sentiment is not None:
        reading.sentiment, reading.score = found.sentiment.label, found.sentiment.score
        reading.phrases = list(found.sentiment.phrases)
    reading.themes = list(found.themes)
    if found.risks:
        reading.risks = [{"category": r.category, "phrase": r.phrase} for r in found.risks]
        raise_again(reading, "risk", reading.risks, session=session)
    session.add(reading)
    session.flush()
    return bool(found.risks)


def correct(reading: CommentReading, data: dict, *, session: Session) -> None:
    """Apply a person's corrections and quote decision (flush only)."""
    if data.get("sentiment"):
        reading.corrected_sentiment = data["sentiment"]
    # The form shows the themes as they are: only a change counts as a correction.
    given = [t.strip() for t in (data.get("themes") or "").split(",") if t.strip()]
    if data.get("themes") is not None and given != (reading.corrected_themes or reading.themes):
        reading.corrected_themes = given
    if data.get("quote"):
        reading.quote = QuoteState(data["quote"])
    session.add(reading)
    session.flush()


def quote_text(reading: CommentReading, text: str) -> str:
    """Return a comment as it may be quoted: every redaction staff kept, applied."""
    kept = [r for r in reading.redactions if not r.get("refused")]
    return apply(text, [Redaction(r["start"], r["end"], r["kind"], r["text"]) for r in kept])


def choose_redactions(
    reading: CommentReading, text: str, shown: set[int], extra: list[str], *, session: Session
) -> None:
    """Show the words staff chose to show, hide the words they added (flush only).

    Every suggestion stays hidden unless a person ticks it to be shown: a form sent without
    the ticks can only hide more, never reveal a name.
    """
    chosen = [
        {**r, "refused": i in shown}
        for i, r in enumerate(reading.redactions)
        if r["kind"] != "other" or i not in shown
    ]
    taken = [(r["start"], r["end"]) for r in chosen]
    for word in extra:
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE):
            if all(match.end() <= start or match.start() >= end for start, end in taken):
                chosen.append(
                    {
                        "start": match.start(),
                        "end": match.end(),
                        "kind": "other",
                        "text": match.group(),
                    }
                )
                taken.append(match.span())
    # A new list, so the JSON column sees the change.
    reading.redactions = sorted(chosen, key=lambda r: r["start"])
    session.add(reading)
    session.flush()
