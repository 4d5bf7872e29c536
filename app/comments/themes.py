"""The partnership's theme list: the officers' edited list, or Heard's defaults until then."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, func, select

from app.analysis.text.themes import DEFAULT_THEMES, suggest_themes, themes_of
from app.db import begin_writing
from app.models import Answer, CommentReading, Theme


@dataclass(frozen=True)
class ThemeRow:
    """A theme as the officers' list shows it; `id` is None while it is one of the defaults."""

    id: int | None
    name: str
    phrases: list[str]
    comments: int


@dataclass(frozen=True)
class Trial:
    """What the themes find in one comment: every theme, and which phrases of one theme."""

    themes: tuple[str, ...]
    phrases: list[str]


# Every send reads the themes: plain columns through the connection, as loading them as
# Theme objects cost a send more than the query did.
_THEMES = Theme.__table__
_NAMES_AND_PHRASES = select(_THEMES.c.name, _THEMES.c.phrases).order_by(
    _THEMES.c.position, _THEMES.c.name
)


def theme_map(*, session: Session) -> dict[str, list[str]]:
    """Return theme name -> phrases, in the officers' order."""
    rows = session.connection().execute(_NAMES_AND_PHRASES).all()
    if not rows:
        return {name: list(phrases) for name, phrases in DEFAULT_THEMES.items()}
    return {name: list(phrases) for name, phrases in rows}


def own_themes(*, session: Session) -> list[Theme]:
    """Return the partnership's themes, copying Heard's defaults in first if none (flush only)."""
    # On SQLite, two officers' first edits take turns instead of both copying the defaults.
    begin_writing(session)
    rows = _rows(session)
    if rows:
        return rows
    # Copied whole before any edit, so a first change never drops the other defaults.
    rows = [
        Theme(name=name, phrases=list(phrases), position=number)
        for number, (name, phrases) in enumerate(DEFAULT_THEMES.items())
    ]
    session.add_all(rows)
    session.flush()
    return rows


def add_theme(name: str, phrases: Sequence[str], *, session: Session) -> Theme:
    """Add a theme at the end of the partnership's list (flush only)."""
    last = max((row.position for row in own_themes(session=session)), default=-1)
    theme = Theme(name=name, phrases=list(phrases), position=last + 1)
    session.add(theme)
    session.flush()
    return theme


def change_theme(theme: Theme, name: str, phrases: Sequence[str], *, session: Session) -> None:
    """Rename a theme and replace its phrases (flush only)."""
    theme.name, theme.phrases = name, list(phrases)
    session.add(theme)
    session.flush()


def remove_theme(theme: Theme, *, session: Session) -> bool:
    """Delete a theme unless it is the last, whose loss brings the defaults back (flush only)."""
    if len(_rows(session)) <= 1:
        return False
    session.delete(theme)
    session.flush()
    return True


def theme_rows(*, session: Session) -> list[ThemeRow]:
    """List the themes with how many stored comments that staff may read carry each."""
    counts = Counter(
        theme
        for themes, corrected in session.exec(
            select(CommentReading.themes, CommentReading.corrected_themes).where(
                CommentReading.withheld == False  # noqa: E712  (SQL, not Python)
            )
        )
        # As the comments page filters: a person's correction stands in for Heard's tags.
        for theme in (corrected or themes)
    )
    rows = _rows(session)
    if not rows:
        return [ThemeRow(None, n, list(p), counts[n]) for n, p in DEFAULT_THEMES.items()]
    return [ThemeRow(row.id, row.name, list(row.phrases), counts[row.name]) for row in rows]


# Suggestions re-read every comment (about a second for 10,000), so the theme page keeps the
# last answer while the comments and themes it came from are unchanged. Suggestions are hints:
# a deletion and an arrival between two views may leave one a view late, which does no harm.
_last_suggested: dict[tuple, list[tuple[str, int]]] = {}


def suggestions(*, session: Session, limit: int = 10) -> list[tuple[str, int]]:
    """Return the phrases most used in comments staff may read that no theme matches yet."""
    # A withheld comment is for the safeguarding lead alone: its words suggest nothing.
    readable = CommentReading.withheld == False  # noqa: E712  (SQL, not Python)
    themes = theme_map(session=session)
    seen = session.exec(select(func.count(), func.max(CommentReading.id)).where(readable)).one()
    key = (
        str(session.get_bind().url),
        *seen,
        tuple((name, tuple(listed)) for name, listed in themes.items()),
        limit,
    )
    if key not in _last_suggested:
        texts = session.exec(
            select(Answer.value)
            .join(CommentReading, CommentReading.answer_id == Answer.id)
            .where(readable)
        ).all()
        _last_suggested.clear()
        _last_suggested[key] = suggest_themes(texts, themes)[:limit]
    return _last_suggested[key]


def try_comment(text: str, phrases: Sequence[str], *, session: Session) -> Trial:
    """Return the themes found in a comment, and which of these phrases match it on their own."""
    # Each phrase as a theme of its own: one call, and one entry in the phrase cache.
    matching = themes_of(text, {phrase: [phrase] for phrase in phrases})
    return Trial(themes_of(text, theme_map(session=session)), list(matching))


def retag(*, session: Session) -> int:
    """Tag every stored comment again with the current themes (flush only); count the changed."""
    themes = theme_map(session=session)
    changed = 0
    pairs = session.exec(
        select(CommentReading, Answer.value).join(Answer, Answer.id == CommentReading.answer_id)
    ).all()
    for reading, text in pairs:
        # As read_comment does: no themes for text Heard could not read as English.
        fresh = list(themes_of(text, themes)) if reading.english is not False else []
        if fresh != reading.themes:
            # Only Heard's tags: corrected_themes is a person's decision and stays.
            reading.themes = fresh
            session.add(reading)
            changed += 1
    session.flush()
    return changed


def _rows(session: Session) -> list[Theme]:
    return list(session.exec(select(Theme).order_by(Theme.position, Theme.name)).all())
