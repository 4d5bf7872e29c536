"""The safeguarding queue: comments that suggest a child may be at risk, or need a reader."""

from flask import Blueprint

bp = Blueprint("safeguarding", __name__, template_folder="templates")

from app.safeguarding import views  # noqa: E402,F401  (routes register on bp)
