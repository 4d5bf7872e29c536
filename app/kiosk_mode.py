"""Kiosk mode: one tablet passed around a group, showing one survey in a loop.

An officer switches it on from the staff area on the tablet itself; that signs them out there.
Everything the kiosk needs lives in the signed session cookie: the survey, the facilitator's
PIN (hashed with the server's secret key, so the cookie alone cannot be used to guess it) and
the count of wrong PINs. Nothing else is kept in the tablet's browser: the offline worker is
never started in kiosk mode, so a kiosk needs the network (a laptop's hotspot will do).

A cookie can be replayed, so the wrong-PIN count only slows down someone pressing buttons;
clearing the browser's data ends kiosk mode anyway, and it never opens anyone's answers.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass, replace

from flask import Flask, current_app, has_request_context, redirect, request, url_for
from flask import session as cookie
from sqlmodel import Session

from app.models import Draft

FREE_TRIES = 3  # wrong PINs before the tablet makes the next person wait
FIRST_WAIT = 30  # seconds, doubled with each further wrong PIN
LONGEST_WAIT = 15 * 60

# Pages a kiosk may show: its own survey's journey, the privacy notice and the way out.
SURVEY_PAGES = {"respond.start", "respond.question", "respond.check", "respond.send"}
ANY_TIME = {"static", "respond.privacy", "respond.receive", "respond.worker", "kiosk.leave",
            "kiosk.reset"}  # fmt: skip


@dataclass(frozen=True)
class Kiosk:
    """What makes this browser a kiosk; stored in the session cookie as a dict."""

    slug: str
    salt: str
    pin_hash: str
    wrong: int = 0  # wrong PINs in a row
    wait_until: float = 0.0  # UNIX time before which no PIN is tried


def init_app(app: Flask) -> None:
    """Keep a kiosk on its survey, and tell every page whether it is on a kiosk."""
    app.before_request(_stay_on_the_survey)
    app.context_processor(_page_context)


def _page_context() -> dict:
    if not has_request_context():
        return {"kiosk": None}
    idle = idle_seconds()
    return {"kiosk": current_kiosk(), "kiosk_idle": idle, "kiosk_warning": warning_seconds(idle)}


def current_kiosk() -> Kiosk | None:
    """Return this browser's kiosk settings, or None when it is not a kiosk."""
    stored = cookie.get("kiosk")
    return Kiosk(**stored) if isinstance(stored, dict) else None


def idle_seconds() -> int:
    """Return how long a kiosk waits with nothing pressed before it starts again."""
    return current_app.config["KIOSK_IDLE_SECONDS"]


def warning_seconds(idle: int) -> int:
    """Return how long before the reset the warning shows (30 seconds, or half a short limit)."""
    return min(30, idle // 2)


def pin_hash(secret: str, salt: str, pin: str) -> str:
    """Hash a PIN with the server's secret: 10,000 PINs are easy to try against a plain hash."""
    return hmac.new(secret.encode(), f"kiosk-pin:{salt}:{pin}".encode(), hashlib.sha256).hexdigest()


def begin(slug: str, pin: str) -> Kiosk:
    """Make this browser a kiosk for one survey; whoever was signed in here is signed out."""
    salt = secrets.token_hex(8)
    kiosk = Kiosk(slug=slug, salt=salt, pin_hash=pin_hash(current_app.secret_key, salt, pin))
    cookie.clear()
    _keep(kiosk)
    return kiosk


def _keep(kiosk: Kiosk) -> None:
    cookie["kiosk"] = {
        "slug": kiosk.slug,
        "salt": kiosk.salt,
        "pin_hash": kiosk.pin_hash,
        "wrong": kiosk.wrong,
        "wait_until": kiosk.wait_until,
    }


@dataclass(frozen=True)
class PinResult:
    right: bool
    kiosk: Kiosk
    wait: int = 0  # seconds to wait before trying again (0: try now)


def check_pin(kiosk: Kiosk, right: bool, now: float) -> PinResult:
    """Decide a PIN attempt (pure): while the tablet makes people wait, no PIN is tried."""
    if now < kiosk.wait_until:
        return PinResult(False, kiosk, wait=int(kiosk.wait_until - now + 0.999))
    if right:
        return PinResult(True, replace(kiosk, wrong=0, wait_until=0.0))
    wrong = kiosk.wrong + 1
    if wrong < FREE_TRIES:
        return PinResult(False, replace(kiosk, wrong=wrong))
    wait = min(FIRST_WAIT * 2 ** (wrong - FREE_TRIES), LONGEST_WAIT)
    return PinResult(False, replace(kiosk, wrong=wrong, wait_until=now + wait), wait=wait)


def try_pin(pin: str, now: float) -> PinResult:
    """Check the facilitator's PIN on this kiosk; remember a wrong one."""
    kiosk = current_kiosk()
    expected = pin_hash(current_app.secret_key, kiosk.salt, pin)
    result = check_pin(kiosk, hmac.compare_digest(expected, kiosk.pin_hash), now)
    if not result.right:
        _keep(result.kiosk)
    return result


def end() -> None:
    """Stop kiosk mode in this browser (call forget_person first)."""
    cookie.clear()


def forget_person(*, session: Session) -> None:
    """Delete this browser's drafts and their tokens: the next person cannot reach them."""
    for token in cookie.pop("drafts", {}).values():
        draft = session.get(Draft, token)
        if draft is not None:
            session.delete(draft)


def _stay_on_the_survey():
    kiosk = current_kiosk()
    if kiosk is None or request.endpoint in ANY_TIME:
        return None
    if request.endpoint in SURVEY_PAGES and (request.view_args or {}).get("slug") == kiosk.slug:
        return None
    return redirect(url_for("respond.start", slug=kiosk.slug))
