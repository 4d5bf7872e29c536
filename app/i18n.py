"""Which language a page is in: the person's choice, then Accept-Language, then English."""

from functools import cache, lru_cache
from pathlib import Path

from babel import Locale, negotiate_locale, support
from flask import Flask, Request, current_app, has_request_context, request, session
from flask_babel import get_locale
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header
from werkzeug.utils import cached_property
from wtforms.i18n import messages_path

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
    app.request_class = WithSharedCatalogues
    app.before_request(remember_choices)
    app.add_template_global(staff_page)


def remember_choices() -> None:
    """Keep a language or easy-read choice for the rest of this browser session."""
    if not request.query_string:
        return  # most pages: nothing to parse
    if request.args.get("lang") in available():
        session["lang"] = request.args["lang"]
    if request.args.get("easy") in ("1", "0"):
        session["easy"] = request.args["easy"] == "1"


@cache
def _wtforms_catalogue(code: str) -> support.Translations:
    return support.Translations.load(messages_path(), [code], domain="wtforms")


class WithSharedCatalogues(Request):
    """A request that finds WTForms' own messages ("Field cannot be longer than...") parsed."""

    # Flask-WTF reads and parses WTForms' catalogue from disk in every request that makes a
    # form, which cost more than the rest of a question page's translating. It looks for
    # request.wtforms_translations first, so one parsed copy per language serves every
    # request, and a page that makes no form (a kept question page) never asks.
    @cached_property
    def wtforms_translations(self) -> support.Translations:
        return _wtforms_catalogue(str(get_locale()))


def easy_read() -> bool:
    """Say whether this person chose the easy-read version."""
    return bool(session.get("easy"))


def available() -> tuple[str, ...]:
    """Return the languages with a catalogue (and English, the source), in our order."""
    return languages_of(current_app)


def languages_of(app: Flask) -> tuple[str, ...]:
    """Return the languages an app has catalogues for (and English), in our order."""
    cached = app.extensions.get("heard_languages")
    if cached is None:
        folder = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])
        present = {p.name for p in folder.iterdir() if p.is_dir()} if folder.exists() else set()
        cached = tuple(code for code in LANGUAGES if code == DEFAULT or code in present)
        app.extensions["heard_languages"] = cached
    return cached


def staff_page() -> bool:
    """Say whether this request is for a staff page rather than one respondents see."""
    if not has_request_context() or request.blueprint is None:
        return False  # a page no route matched (404) may be a respondent's
    return request.blueprint not in PUBLIC_BLUEPRINTS


def select_locale() -> Locale:
    """Pick the page language for this request."""
    return _locale(_chosen_language())


@cache
def _locale(code: str) -> Locale:
    # Flask-Babel parses a code afresh on every request (a search of Babel's data files);
    # a Locale is given back as it is.
    return Locale.parse(code)


def _chosen_language() -> str:
    if staff_page():
        # Staff pages stay in English, without the language list, until they are translated.
        return DEFAULT
    chosen = (request.query_string and request.args.get("lang")) or session.get("lang")
    return language_for(chosen, request.headers.get("Accept-Language", ""), available())


def language_for(chosen: str | None, accept_language: str, languages: tuple[str, ...]) -> str:
    """Return the language chosen if there is one, else the best the browser asks for."""
    if chosen in languages:
        return chosen
    return _negotiated(accept_language, languages)


def locale_name(code: str) -> str:
    """Return the name Flask-Babel gives a language's locale ("pt_BR" for "pt-BR")."""
    return str(_locale(code))


@lru_cache(maxsize=256)
def _negotiated(header: str, languages: tuple[str, ...]) -> str:
    # A phone sends the same header with every page: parsing and negotiating it was a
    # twentieth of a question page's time, so each distinct header is worked out once.
    accepted = parse_accept_header(header, LanguageAccept)
    preferred = [value.replace("_", "-") for value, _quality in accepted]
    return (
        negotiate_locale(preferred, languages, sep="-") or _by_base(preferred, languages) or DEFAULT
    )


def _by_base(preferred: list[str], languages: tuple[str, ...]) -> str | None:
    # "pl-PL" should reach "pl" even when the catalogue has no region.
    for tag in preferred:
        base = tag.split("-")[0].lower()
        if base in languages:
            return base
    return None


def direction(code: str) -> str:
    """Return "rtl" or "ltr" for a language code."""
    return LANGUAGES.get(code, ("", "ltr"))[1]


def native_name(code: str) -> str:
    """Return a language's name in itself."""
    if code in LANGUAGES:  # (a default argument to .get() would parse the locale every time)
        return LANGUAGES[code][0]
    return Locale.parse(code).get_display_name(code)
