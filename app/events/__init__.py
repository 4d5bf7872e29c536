"""Focus-group events: create them, the facilitator page with its QR code, and sync pages.

Staff pages live under /manage/events and /manage/sync; the one public route is the sync
API, /api/sync/bundles, which a laptop's `flask sync push` calls and the bundle's signature
authenticates.
"""

from flask import Blueprint

# cli_group=None: the commands are `flask events ...` and `flask facilitate`.
bp = Blueprint("events", __name__, template_folder="templates", cli_group=None)

from app.events import api, sync_views, views  # noqa: E402,F401  (routes register on bp)
from app.events.cli import events_cli, facilitate  # noqa: E402

bp.cli.add_command(events_cli)
bp.cli.add_command(facilitate)
