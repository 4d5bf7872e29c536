"""The public respondent journey: start, one question per page, check, send, thanks."""

from flask import Blueprint

bp = Blueprint("respond", __name__, template_folder="templates")

from app.respond import offline, paper, views  # noqa: E402,F401  (routes register on bp)
