"""Question pages kept once rendered: the next person on the same page gets a copy.

Rendering a question page (layout, macros, thirty translated sentences, the form) was
most of its cost, so a page is kept under a key naming everything that makes it what it
is. The view names its own part (the version, the question, its number, where Back goes,
the answer already chosen); `page_key` adds what every page depends on: the address, the
language, easy read and a kiosk's settings. Everything else a template sees is the same
for everyone (the catalogues, the configuration). The one thing that differs per person
with the same key is the CSRF token, which is swapped for this request's.

Pages that could hold something personal beyond the key are never kept: anything with a
flashed message, a signed-in member of staff, or words a young person typed (the view
decides that last one, as it knows which answers are typed).
"""

import threading
from collections import OrderedDict

from flask import g, render_template, request, session
from flask_babel import get_locale

from app.i18n import easy_read
from app.signing import csrf_token

SIZE = 512  # pages per worker: a few MB at most
_pages: OrderedDict[tuple, tuple[str, str]] = OrderedDict()
_lock = threading.Lock()  # waitress (flask facilitate) serves from threads


def frozen(value):
    """Return a hashable copy of a key part made of dicts, lists and plain values."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), frozen(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(frozen(item) for item in value)
    return value


def page_key(*parts) -> tuple | None:
    """Return the key a page is kept under, or None when this request's page is never kept."""
    if "_flashes" in session or g.get("user") is not None:
        return None
    kiosk = frozen(session.get("kiosk"))
    return key_of(request.host, request.full_path, str(get_locale()), easy_read(), kiosk, *parts)


def key_of(host: str, full_path: str, locale: str, easy: bool, kiosk, *parts) -> tuple:
    """Return the key a page is kept under, from what every page depends on and its own parts."""
    return (host, full_path, locale, easy, kiosk, *parts)


def kept(key: tuple) -> tuple[str, str] | None:
    """Return the page kept under this key and the CSRF token it was rendered with; else None."""
    with _lock:
        found = _pages.get(key)
        if found is not None:
            _pages.move_to_end(key)
    return found


def kept_page(key: tuple | None) -> str | None:
    """Return the page kept under this key, with this request's CSRF token; else None."""
    found = None if key is None else kept(key)
    if found is None:
        return None
    html, old_token = found
    return html.replace(old_token, csrf_token())


def render_kept(template: str, key: tuple | None, **context) -> str:
    """Render a page and keep it under its key (None: render only)."""
    html = render_template(template, **context)
    if key is not None:
        with _lock:
            _pages[key] = (html, csrf_token())
            while len(_pages) > SIZE:
                _pages.popitem(last=False)
    return html


def forget_all() -> None:
    """Drop every kept page (tests compare kept and fresh pages)."""
    with _lock:
        _pages.clear()
