"""Kiosk mode's pages: an officer switches it on (/manage/kiosk); the tablet starts again for
the next person (/kiosk/reset) and lets the facilitator leave with the PIN (/kiosk/leave)."""

from flask import Blueprint

bp = Blueprint("kiosk", __name__, template_folder="templates")

from app.kiosk import views  # noqa: E402,F401  (routes register on bp)
