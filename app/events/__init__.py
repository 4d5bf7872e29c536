"""Focus-group events: create them, the facilitator page with its QR code, and sync pages.

Staff pages live under /manage/events and /manage/sync; the one public route is the sync
API, /api/sync/bundles, which a laptop's `flask sync push` calls and the bundle's signature
authenticates.
"""

from flask import Blueprint, current_app, request

# cli_group=None: the commands are `flask events ...` and `flask facilitate`.
bp = Blueprint("events", __name__, template_folder="templates", cli_group=None)

from app.events import api, sync_views, views  # noqa: E402,F401  (routes register on bp)
from app.events.cli import events_cli, facilitate  # noqa: E402

bp.cli.add_command(events_cli)
bp.cli.add_command(facilitate)

# A bundle is far bigger than a page of answers. The limit is raised for the two routes that
# take one before any other code (CSRF protection first of all) reads the request body.
BUNDLE_ENDPOINTS = {"events.sync", "events.receive_bundle"}
FORM_SLACK = 64 * 1024  # the upload form's other fields, around the bundle itself


def _bundle_limit() -> None:
    if request.endpoint in BUNDLE_ENDPOINTS:
        request.max_content_length = current_app.config["SYNC_MAX_BYTES"] + FORM_SLACK


@bp.record_once
def _limit_first(state) -> None:
    state.app.before_request_funcs.setdefault(None, []).insert(0, _bundle_limit)
