"""Kiosk mode: one tablet passed around, set up by an officer, left with the facilitator's PIN."""

from flask import session


def current_kiosk() -> dict | None:
    """Return this browser's kiosk settings, or None when it is not a kiosk."""
    return session.get("kiosk")
