"""Easy-read pictures: small SVGs from easyread/symbols, inlined so they cost no request."""

from functools import cache
from pathlib import Path

from markupsafe import Markup

SYMBOLS = Path(__file__).resolve().parent.parent / "easyread" / "symbols"
FACES = ("face-very-bad", "face-bad", "face-ok", "face-good", "face-very-good")


@cache
def symbol(name: str) -> Markup:
    """Return a symbol's SVG markup (hidden from screen readers: the words say it)."""
    path = SYMBOLS / f"{name}.svg"
    return Markup(path.read_text(encoding="utf-8").strip()) if path.exists() else Markup("")


def faces() -> dict[str, Markup]:
    """Return the five faces for a scale question, keyed by answer value "1" to "5"."""
    return {str(number): symbol(name) for number, name in enumerate(FACES, start=1)}
