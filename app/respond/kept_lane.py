"""Kept question pages served ahead of Flask's request handling, when nothing else needs it.

A kept question page (rendered.py) costs little to find, but under load Flask's own work
around it (a request context, routing, five hooks before the view and one after, the
response object) cost more than the page itself. This lane sits in front of Flask and
serves the kept page when it can tell that Flask would serve that same page, byte for
byte: it works the page's key out with the same functions as the view (asking.py,
rendered.key_of) and serves only a page Flask itself rendered and kept under that key, so
it never shows anything Flask has not shown for the same address, language, survey
version and answers.

Everything else goes to Flask untouched, which decides it as it always has:
- anything but a GET of a question page's address with no query string;
- no valid session cookie, or one holding a flashed message, a staff sign-in, a kiosk or a
  permanent session (the hooks and pages that act on those);
- no unexpired draft of an open survey whose version takes answers (Flask says why);
- a question the answers skip, or words typed on the page (never kept);
- no page kept under the key, or no CSRF token signed for this session in the last minute;
- any error on the way (Flask meets it again, and shows and logs it its own way).

The hooks Flask runs around a request change nothing for the requests the lane serves;
tests/respond/test_kept_lane.py names each one and fails when one is added.
"""

import re

from flask import Flask
from werkzeug.wsgi import get_host

from app.auth import TOKEN
from app.definitions import known_definition
from app.errors import scrubbed
from app.i18n import language_for, languages_of, locale_name
from app.pages import safety_headers
from app.respond.asking import asking
from app.respond.drafts import visit_by_token
from app.respond.rendered import kept, key_of
from app.signing import read_only_session, reused_token

QUESTION = re.compile(r"/s/([^/]+)/q/([^/]+)")
# Session keys that some hook or page acts on: a request carrying one goes to Flask.
UNUSUAL = frozenset({"_flashes", TOKEN, "kiosk", "_permanent"})


class KeptPagesFirst:
    """WSGI middleware: serve a kept question page itself, or hand the request to Flask."""

    def __init__(self, app: Flask, flask_wsgi_app):
        self.app = app
        self.flask = flask_wsgi_app

    def __call__(self, environ, start_response):
        served = None
        if environ.get("REQUEST_METHOD") == "GET" and not environ.get("QUERY_STRING"):
            try:
                served = self.kept_page(environ)
            except Exception as error:  # noqa: BLE001 - Flask meets it again and handles it
                # Said, or a fault in the lane alone would quietly send every page to Flask.
                self.app.logger.warning("A kept page went to Flask after:\n%s", scrubbed(error))
        if served is None:
            return self.flask(environ, start_response)
        start_response("200 OK", self.headers(len(served)))
        return [served]

    def kept_page(self, environ) -> bytes | None:
        """Return the kept page Flask would serve for this request, or None."""
        app, path = self.app, environ.get("PATH_INFO", "")
        address = QUESTION.fullmatch(path) if path.isascii() else None
        # The host is part of the key; with either setting Flask checks it first.
        checked_host = app.config["TRUSTED_HOSTS"] is not None or app.config["SERVER_NAME"]
        if address is None or checked_host:
            return None
        session = read_only_session(app, environ.get("HTTP_COOKIE", ""))
        if not session or not UNUSUAL.isdisjoint(session):
            return None
        slug, key = address.groups()
        draft = session.get("drafts", {}).get(slug)
        secret = session.get(app.config["WTF_CSRF_FIELD_NAME"])
        token = reused_token(app, secret) if secret else None
        if not draft or token is None:
            return None
        hours = app.config["DRAFT_HOURS"]
        seen = visit_by_token(slug, draft, hours=hours, on=app.extensions["engine"])
        definition = seen and known_definition(seen.version.content_hash)
        page = definition and asking(definition, seen.answers, key, changing=False)
        if not page or page.typed:
            return None
        language = language_for(
            session.get("lang"), environ.get("HTTP_ACCEPT_LANGUAGE", ""), languages_of(app)
        )
        found = kept(
            key_of(
                get_host(environ),  # as request.host gives it
                path + "?",  # werkzeug's full_path of an address with no query string
                locale_name(language),
                bool(session.get("easy")),
                None,  # no kiosk
                *page.key_parts(seen.version.id),
            )
        )
        if found is None:
            return None
        html, old_token = found
        return html.replace(old_token, token).encode()

    def headers(self, length: int) -> list[tuple[str, str]]:
        """Return the headers Flask gives a kept question page, in Flask's order."""
        return [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(length)),
            ("Cache-Control", "no-store"),
            *safety_headers(self.app.config),
            ("Vary", "Cookie"),
        ]
