"""The staff area: sign in, surveys, responses."""

from flask import Blueprint

bp = Blueprint("manage", __name__, template_folder="templates")

from app.manage import (  # noqa: E402,F401  (routes register on bp)
    actions,
    audit_log,
    comments,
    paper,
    privacy,
    themes,
    views,
)
