"""The public "You said, we did" reports: what people told us, and what changed because of it."""

from flask import Blueprint

bp = Blueprint("publish", __name__, template_folder="templates")

from app.publish import views  # noqa: E402,F401  (routes register on bp)
