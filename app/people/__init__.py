"""Staff accounts in the browser: administrators manage people; everyone manages their own."""

from flask import Blueprint

bp = Blueprint("people", __name__, template_folder="templates")

from app.people import account, views  # noqa: E402,F401  (routes register on bp)
