"""Error pages in plain words; a bad request changes nothing."""

from flask import Flask, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

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


def init_app(app: Flask) -> None:
    """Register the plain-words error pages."""
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
