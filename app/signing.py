"""The session cookie and CSRF tokens, each signature worked out once per worker.

Every page opens the signed session cookie, and every page with a form signs a CSRF
token. Measured under load, checking the cookie's signature and signing a fresh token
took a quarter of a kept question page's time, though a person sends the same cookie
with every request and any signed copy of their CSRF token is as good as another.

- A cookie whose signature was checked is remembered (its exact text, when it was signed
  and what it holds), so the same text is not checked or decoded again. Its age is still
  checked on every request, and each request gets its own copy of what it holds, so no two
  requests ever share a session dict.
- A person's signed CSRF token is reused for a minute: it stays valid for the token's full
  time limit less that minute, and it is only ever given back to the session that holds
  the secret it signs.
"""

import threading
import time
from functools import lru_cache

from flask import Flask, Request, Response, current_app, g, session
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import generate_csrf
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.http import parse_cookie

REMEMBERED = 4096  # cookies per worker: a few MB at most
TOKEN_REUSE_SECONDS = 60


class CheckedOnceSessions(SecureCookieSessionInterface):
    """Flask's signed cookie sessions, with each cookie's signature checked once."""

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        if not app.secret_key:
            return None
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        return _serializer(self, keys)

    def open_session(self, app: Flask, request: Request):
        if not app.secret_key:
            return None  # as Flask does: no key, no session
        data = read_only_session(app, request.environ.get("HTTP_COOKIE", ""))
        # As Flask does, a missing, forged or expired cookie gives an empty session.
        return self.session_class() if data is None else self.session_class(_copied(data))

    def save_session(self, app: Flask, session, response: Response) -> None:
        if self.should_set_cookie(app, session):
            super().save_session(app, session, response)
        elif session.accessed:
            # Most pages only read the session: Flask's own path works out every cookie
            # setting and parses the Vary header only to add "Cookie" to it.
            if "Vary" in response.headers:
                response.vary.add("Cookie")
            else:
                response.headers["Vary"] = "Cookie"


@lru_cache(maxsize=8)
def _serializer(sessions: CheckedOnceSessions, keys: tuple) -> URLSafeTimedSerializer:
    # Flask builds a new serializer per request; one per secret key serves them all.
    secret, fallbacks = keys
    return URLSafeTimedSerializer(
        [*fallbacks, secret],  # itsdangerous signs with the last key
        salt=sessions.salt,
        serializer=sessions.serializer,
        signer_kwargs={
            "key_derivation": sessions.key_derivation,
            "digest_method": sessions.digest_method,
        },
    )


def read_only_session(app: Flask, cookie_header: str) -> dict | None:
    """Return what a request's session cookie holds, or None if it is missing, forged or old.

    Shared with every request that sends the same cookie: read it, never change it.
    """
    interface = app.session_interface
    signing = interface.get_signing_serializer(app)
    value = _cookie(cookie_header, interface.get_cookie_name(app))
    if signing is None or not value:
        return None
    checked = _checked(signing, value)
    max_age = app.permanent_session_lifetime.total_seconds()
    if checked is None or not 0 <= time.time() - checked[0] <= max_age:
        return None
    return checked[1]


@lru_cache(maxsize=REMEMBERED)
def _cookie(header: str, name: str) -> str | None:
    # A browser sends the same Cookie header with every page; parsing it was a thirtieth of
    # a kept question page's time.
    return parse_cookie(header).get(name)


@lru_cache(maxsize=REMEMBERED)
def _checked(signing: URLSafeTimedSerializer, value: str) -> tuple[float, dict] | None:
    """Return when a cookie was signed and what it holds, or None if it is forged.

    No maximum age here: the caller checks the age on every request. What it holds is
    shared by every request that sends this cookie, so it is only ever given out copied.
    """
    try:
        data, signed_at = signing.loads(value, return_timestamp=True)
    except BadSignature:
        return None
    return signed_at.timestamp(), data


def _copied(value):
    """Return a copy of a decoded session value that shares no dict or list with it."""
    # Flask's session serializer gives back dicts, lists, tuples and immutable values
    # (strings, numbers, bytes, Markup, UUIDs, datetimes): only the containers need copying.
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_copied(item) for item in value)
    return value


_tokens: dict[tuple, tuple[str, float]] = {}
_tokens_lock = threading.Lock()  # waitress (flask facilitate) serves from threads


def csrf_token() -> str:
    """Return this session's signed CSRF token, reusing one signed in the last minute."""
    name = current_app.config["WTF_CSRF_FIELD_NAME"]
    if name in g:
        # Signed in this request (a form asked first) or reused: kept for reuse if it is new,
        # so that the next page can be served without signing again.
        _remember(session[name], g.get(name), time.monotonic(), replace=False)
        return g.get(name)
    secret = session.get(name)
    kept = reused_token(current_app, secret) if secret else None
    if kept is not None:
        setattr(g, name, kept)  # generate_csrf and the forms give back what g holds
        return kept
    token = generate_csrf()  # signs afresh, and makes the secret on a first visit
    _remember(session[name], token, time.monotonic(), replace=True)
    return token


def _remember(secret: str, token: str, now: float, *, replace: bool) -> None:
    key = (_signing_key(current_app), secret)
    with _tokens_lock:
        if not replace and key in _tokens:
            return  # a reused token keeps the time it was signed
        if len(_tokens) >= REMEMBERED:
            _tokens.clear()  # the simplest bound: the next minute signs them afresh
        _tokens[key] = (token, now)


def reused_token(app: Flask, secret: str) -> str | None:
    """Return the token signed for this session's CSRF secret in the last minute, if any."""
    kept = _tokens.get((_signing_key(app), secret))
    if kept is not None and time.monotonic() - kept[1] < _reuse_seconds(app.config):
        return kept[0]
    return None


def _signing_key(app: Flask):
    return app.config.get("WTF_CSRF_SECRET_KEY") or app.secret_key


def _reuse_seconds(config) -> float:
    # A token must stay valid long after it is given: never reuse one for more than a
    # sixtieth of the time it lasts.
    limit = config["WTF_CSRF_TIME_LIMIT"]
    return TOKEN_REUSE_SECONDS if limit is None else min(TOKEN_REUSE_SECONDS, limit / 60)


def forget_tokens() -> None:
    """Drop every reused token (tests that change the secret key or the clock)."""
    with _tokens_lock:
        _tokens.clear()
