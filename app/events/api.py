"""The sync API: a laptop's `flask sync push` sends a bundle; its signature is its credential.

The one route outside the staff area that changes data. It is CSRF-exempt because no
browser session is involved: a bundle is accepted only when signed with this server's key.
"""

from flask import current_app, jsonify, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from app import db
from app.comments.notify import alert_in_background
from app.events import bp
from app.extensions import csrf
from app.sync.bundle import BundleError
from app.sync.importer import import_bundle
from app.sync.keys import NoKeyError

STATUS = {"too_big": 413, "wrong_key": 403, "signature": 403}


def _refused(status: int, message: str):
    report = "Refused: 0 new, 0 already there, 0 conflicts, 0 quarantined."
    return jsonify(state="refused", message=message, report=report), status


@bp.post("/api/sync/bundles")
@csrf.exempt
def receive_bundle():
    limit = current_app.config["SYNC_MAX_BYTES"]
    too_big = f"The bundle is more than the {limit:,} bytes this server takes. Nothing was stored."
    if request.content_length is not None and request.content_length > limit:
        return _refused(413, too_big)
    try:
        text = request.get_data(cache=False)
    except RequestEntityTooLarge:
        return _refused(413, too_big)
    try:
        report = import_bundle(
            text, source="push", staff_id=None, max_bytes=limit, session=db.session()
        )
    except BundleError as error:
        db.session().rollback()
        return _refused(STATUS.get(error.kind, 400), str(error))
    except NoKeyError as error:
        return _refused(503, str(error))
    db.commit()
    if report.alerts:
        alert_in_background(current_app.config, url_for("safeguarding.queue", _external=True))
    body = report.as_json()
    if report.state == "quarantined":
        body["message"] = (
            "The bundle is quarantined: this server does not have every survey version it "
            "answers. An officer can load them and retry it from /manage/sync."
        )
    return jsonify(body), 200 if report.state == "imported" else 202
