"""Which language a page is in: the person's choice, then Accept-Language, then English."""

from pathlib import Path

from babel import Locale, negotiate_locale
from flask import Flask, current_app, has_request_context, request, session

from app.extensions import babel

# Each language named in itself; dir drives <html dir> and the mirrored layout.
LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("English", "ltr"),
    "cy": ("Cymraeg", "ltr"),
    "pl": ("Polski", "ltr"),
    "ro": ("Română", "ltr"),
    "lt": ("Lietuvių", "ltr"),
    "pa": ("ਪੰਜਾਬੀ", "ltr"),
    "bn": ("বাংলা", "ltr"),
    "ur": ("اردو", "rtl"),
    "ar": ("العربية", "rtl"),
    "so": ("Soomaali", "ltr"),
}
DEFAULT = "en"
# The blueprints respondents see; every other page is for staff.
PUBLIC_BLUEPRINTS = frozenset({"respond", "publish"})


def init_app(app: Flask) -> None:
    """Bind Flask-Babel with our locale choice; remember a choice made by a link."""
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(remember_choices)
    app.add_template_global(staff_page)


def remember_choices() -> None:
    """Keep a language or easy-read choice for the rest of this browser session."""
    if request.args.get("lang") in available():
        session["lang"] = request.args["lang"]
    if request.args.get("easy") in ("1", "0"):
        session["easy"] = request.args["easy"] == "1"


def easy_read() -> bool:
    """Say whether this person chose the easy-read version."""
    return bool(session.get("easy"))


def available() -> list[str]:
    """Return the languages with a catalogue (and English, the source), in our order."""
    cached = current_app.extensions.get("heard_languages")
    if cached is None:
        folder = Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])
        present = {p.name for p in folder.iterdir() if p.is_dir()} if folder.exists() else set()
        cached = [code for code in LANGUAGES if code == DEFAULT or code in present]
        current_app.extensions["heard_languages"] = cached
    return cached


def staff_page() -> bool:
    """Say whether this request is for a staff page rather than one respondents see."""
    if not has_request_context() or request.blueprint is None:
        return False  # a page no route matched (404) may be a respondent's
    return request.blueprint not in PUBLIC_BLUEPRINTS


def select_locale() -> str:
    """Pick the page language for this request."""
    if staff_page():
        # Staff pages stay in English, without the language list, until they are translated.
        return DEFAULT
    chosen = request.args.get("lang") or session.get("lang")
    if chosen in available():
        return chosen
    preferred = [value.replace("_", "-") for value, _quality in request.accept_languages]
    return negotiate_locale(preferred, available(), sep="-") or _by_base(preferred) or DEFAULT


def _by_base(preferred: list[str]) -> str | None:
    # "pl-PL" should reach "pl" even when the catalogue has no region.
    for tag in preferred:
        base = tag.split("-")[0].lower()
        if base in available():
            return base
    return None


def direction(code: str) -> str:
    """Return "rtl" or "ltr" for a language code."""
    return LANGUAGES.get(code, ("", "ltr"))[1]


def native_name(code: str) -> str:
    """Return a language's name in itself."""
    return LANGUAGES.get(code, (Locale.parse(code).get_display_name(code), ""))[0]
