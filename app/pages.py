"""What every page needs: lang and dir, the language list, cached assets, London times."""

import hashlib
from datetime import datetime
from pathlib import Path

from flask import Flask, current_app, request, url_for
from flask_babel import format_datetime, get_locale

from app import catalogues, i18n
from app.symbols import symbol

STATIC = Path(__file__).resolve().parent / "static"
YEAR = 60 * 60 * 24 * 365
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "bluetooth",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
        "browsing-topics",  # and no interest groups worked out from what someone reads
    )
)


def init_app(app: Flask) -> None:
    """Register the template globals and the caching headers."""
    app.context_processor(_page_context)
    app.add_template_filter(_london, "london")
    app.add_template_global(asset_url)
    app.add_template_global(symbol)
    app.add_template_global(i18n.native_name)
    app.after_request(_headers)


def _page_context() -> dict:
    code = str(get_locale())
    return {
        "lang": code.replace("_", "-"),
        "dir": i18n.direction(code),
        "easy": i18n.easy_read(),
        "draft_translation": catalogues.is_draft(code),
        "languages": [(c, i18n.native_name(c), i18n.direction(c)) for c in i18n.available()],
    }


def _london(value: datetime | None) -> str:
    # Stored times are UTC; Flask-Babel shows them in app.clock.LONDON.
    return "" if value is None else format_datetime(value, "d MMMM yyyy, HH:mm")


_hashes: dict[str, str] = {}


def asset_url(name: str) -> str:
    """Return a static file's URL with a content hash, so it can be cached for a year."""
    if name not in _hashes:
        _hashes[name] = hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:10]
    return url_for("static", filename=name, v=_hashes[name])


# Every page's safety headers, worked out once: set one by one they were a tenth of a kept
# question page's time.
SAFETY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    (
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
    ),
    # A survey page never needs the camera, the microphone or where the phone is.
    ("Permissions-Policy", PERMISSIONS_POLICY),
)


def safety_headers(config) -> tuple[tuple[str, str], ...]:
    """Return the safety headers every page carries under this configuration."""
    if config["SESSION_COOKIE_SECURE"]:
        # Secure cookies mean the site is served over HTTPS: browsers should never try HTTP.
        return (*SAFETY_HEADERS, ("Strict-Transport-Security", f"max-age={YEAR}"))
    return SAFETY_HEADERS


def _headers(response):
    headers = response.headers
    if request.endpoint == "static" and request.args.get("v"):
        response.cache_control.public = True
        response.cache_control.max_age = YEAR
        response.cache_control.immutable = True
    elif "Cache-Control" in headers:
        response.cache_control.no_store = True  # kept beside the view's own directives
    else:
        # Pages can hold a respondent's answers: never store them in a shared cache.
        headers["Cache-Control"] = "no-store"
    wanted = safety_headers(current_app.config)
    present = {name.lower() for name, _value in headers}  # a view's own header wins
    headers.extend([(name, value) for name, value in wanted if name.lower() not in present])
    return response
