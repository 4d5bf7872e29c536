"""Error pages in plain words; a bad request changes nothing; no answer reaches a log."""

import traceback
from functools import lru_cache
from inspect import iscoroutinefunction

from flask import Flask, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.routing import IntegerConverter, UnicodeConverter

MESSAGES = {
    400: (
        _l("Something went wrong with that request"),
        _l("Nothing was saved. Go back and try again."),
    ),
    403: (_l("You cannot see this page"), _l("Your account does not have access to this page.")),
    404: (
        _l("Page not found"),
        _l(
            "Check the web address. If you followed a link or scanned a QR code, "
            "ask the person who gave it to you for a new one."
        ),
    ),
    405: (
        _l("Something went wrong with that request"),
        _l("Nothing was saved. Go back and try again."),
    ),
    413: (
        _l("That was too much to send"),
        _l("Nothing was saved. Make your answer shorter and try again."),
    ),
    500: (
        _l("Sorry, there is a problem with the service"),
        _l("Nothing was saved. Try again later."),
    ),
}


class Heard(Flask):
    """The Flask application, logging its errors without what the person typed."""

    def ensure_sync(self, func):
        # Flask asks inspect whether every hook and view is a coroutine, on every request
        # (eight times a page, a fiftieth of its time): Heard asks once per function.
        return self.async_to_sync(func) if _is_coroutine(func) else func

    def log_exception(self, exc_info) -> None:
        # An exception's message can quote its input (int("my words"), a failed INSERT's
        # parameters): log where it happened and its type, never the message.
        self.logger.error(
            "Exception on %s [%s]\n%s", request.path, request.method, scrubbed(exc_info[1])
        )


@lru_cache(maxsize=1024)
def _is_coroutine(func) -> bool:
    return iscoroutinefunction(func)


def scrubbed(error: BaseException | None) -> str:
    """Format a traceback, chained exceptions included, with types but no messages."""
    chain: list[BaseException] = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    lines = []
    for each in reversed(chain):
        lines += traceback.format_list(traceback.extract_tb(each.__traceback__))
        kind = type(each)
        lines.append(f"{kind.__module__}.{kind.__qualname__} (its message is not logged)\n")
    return "".join(lines)


class IdConverter(IntegerConverter):
    """`<int:...>` in a URL: an id no database column can hold is not found, not an error."""

    def __init__(self, map, fixed_digits=0, min=None, max=2**31 - 1, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


class TextConverter(UnicodeConverter):
    """`<slug>` in a URL: a control character (NUL fails on PostgreSQL) is not found."""

    def __init__(self, map, minlength=1, maxlength=None, length=None):
        super().__init__(map, minlength, maxlength, length)
        self.regex = self.regex.replace("[^/]", r"[^/\x00-\x1f\x7f]")


def init_app(app: Flask) -> None:
    """Register the plain-words error pages, and URL converters that 404 on malformed ids."""
    # Before the blueprints: a rule takes its converter when it is added.
    app.url_map.converters.update(int=IdConverter, default=TextConverter, string=TextConverter)
    for code in MESSAGES:
        app.register_error_handler(code, _page_for(code))
    app.register_error_handler(CSRFError, _csrf)


def _page_for(code: int):
    def handler(_error):
        heading, body = MESSAGES[code]
        return render_template("error.html", heading=heading, body=body), code

    return handler


def _csrf(_error: CSRFError):
    heading = _l("This page had expired")
    body = _l(
        "Nothing was saved from that page. Go back, reload the page and try again. "
        "Answers you saved before are still there."
    )
    return render_template("error.html", heading=heading, body=body), 400
