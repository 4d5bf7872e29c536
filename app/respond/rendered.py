"""Question pages kept once rendered: the next person on the same question gets a copy.

Rendering a question page (layout, macros, thirty translated sentences, the form) was
most of its cost. What a page shows is a function of what the view hands the template, of
the context processors' values (language, easy read, kiosk) and of the address, so that is
the key: everything the template can see, fingerprinted. The one thing that differs per
person with the same key is the CSRF token, which is swapped for this request's.

Pages that could hold something personal beyond the key are never kept: anything with a
flashed message, a signed-in member of staff, or words a young person typed (the view
decides that last one, as it knows which answers are typed).
"""

import threading
from collections import OrderedDict

from flask import current_app, g, render_template, request, session
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf
from pydantic import BaseModel
from sqlalchemy import inspect
from sqlmodel import SQLModel

SIZE = 512  # pages per worker: a few MB at most
_pages: OrderedDict[tuple, tuple[str, str]] = OrderedDict()
_lock = threading.Lock()  # waitress (flask facilitate) serves from threads


class NotKeyable(Exception):
    """A value the fingerprint cannot vouch for: render the page afresh."""


def fingerprint(value, definition=None, version_id=None):
    """Return a hashable stand-in for a template value that changes whenever it does."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return tuple(fingerprint(item, definition, version_id) for item in value)
    if isinstance(value, dict):
        return tuple(
            sorted((str(k), fingerprint(v, definition, version_id)) for k, v in value.items())
        )
    if isinstance(value, FlaskForm):
        data = {k: v for k, v in value.data.items() if k != "csrf_token"}
        return ("form", type(value).__name__, fingerprint(data), fingerprint(value.errors))
    if isinstance(value, SQLModel) and inspect(value).identity is not None:
        return (type(value).__name__, inspect(value).identity)
    if value is definition:
        return ("definition", version_id)  # a stored version never changes
    if isinstance(value, BaseModel):
        return (type(value).__name__, value.model_dump_json())
    if hasattr(value, "__dataclass_fields__"):
        return (type(value).__name__, repr(value))
    raise NotKeyable(type(value).__name__)


# The request's own objects are keyed by the address instead; the CSRF helpers give this
# request's token, which render_kept swaps in.
REQUEST_OBJECTS = ("request", "session", "g", "config", "csrf_token", "csrf_meta_tag")


def _seen(context: dict) -> dict:
    """Return everything the template sees: the view's values and the context processors'."""
    seen = dict(context)
    current_app.update_template_context(seen)  # the view's values win, as in render_template
    for name in REQUEST_OBJECTS:
        seen.pop(name, None)
    return seen


def render_kept(template: str, *, definition, version_id: int, **context) -> str:
    """Render a page, or return the kept copy for the same template, context and address."""
    token = generate_csrf()
    if "_flashes" in session or g.get("user") is not None:
        return render_template(template, definition=definition, **context)
    try:
        key = (
            template,
            request.host,
            request.full_path,
            fingerprint(_seen(context), definition, version_id),
        )
    except NotKeyable:
        return render_template(template, definition=definition, **context)
    with _lock:
        kept = _pages.get(key)
        if kept is not None:
            _pages.move_to_end(key)
    if kept is not None:
        html, old_token = kept
        return html.replace(old_token, token)
    html = render_template(template, definition=definition, **context)
    with _lock:
        _pages[key] = (html, token)
        while len(_pages) > SIZE:
            _pages.popitem(last=False)
    return html


def forget_all() -> None:
    """Drop every kept page (tests compare kept and fresh pages)."""
    with _lock:
        _pages.clear()
