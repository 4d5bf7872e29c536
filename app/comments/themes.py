"""The partnership's theme list: the officers' edited list, or Heard's defaults until then."""

from sqlmodel import Session, select

from app.analysis.text.themes import DEFAULT_THEMES
from app.models import Theme


def theme_map(*, session: Session) -> dict[str, list[str]]:
    """Return theme name -> phrases, in the officers' order."""
    rows = session.exec(select(Theme).order_by(Theme.position, Theme.name)).all()
    if not rows:
        return {name: list(phrases) for name, phrases in DEFAULT_THEMES.items()}
    return {row.name: list(row.phrases) for row in rows}
