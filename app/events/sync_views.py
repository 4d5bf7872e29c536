"""Staff sync pages: upload a bundle, read each import's report, retry a quarantined one."""

from flask import abort, current_app, g, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from sqlmodel import select

from app import db
from app.auth import requires
from app.comments.notify import alert_in_background
from app.events import bp
from app.events.forms import UploadForm
from app.forms import ActionForm
from app.models import SyncImport
from app.permissions import Permission
from app.sync.bundle import BundleError
from app.sync.importer import import_bundle, retry
from app.sync.keys import NoKeyError

STATES = {
    "imported": _l("Imported"),
    "quarantined": _l("Quarantined"),
    "released": _l("Quarantined, then imported"),
}


def _max_bytes() -> int:
    return current_app.config["SYNC_MAX_BYTES"]


def _after_import(report):
    """Commit, tell the safeguarding lead if a comment needs it, and show the report."""
    db.commit()
    if report.alerts:
        alert_in_background(current_app.config, url_for("safeguarding.queue", _external=True))
    return redirect(url_for(".sync_report", import_id=report.import_id))


@bp.route("/manage/sync", methods=["GET", "POST"])
@requires(Permission.EVENTS)
def sync():
    form = UploadForm()
    if form.validate_on_submit():
        text = form.bundle.data.read(_max_bytes() + 1)
        try:
            report = import_bundle(
                text,
                source="upload",
                staff_id=g.user.id,
                max_bytes=_max_bytes(),
                session=db.session(),
            )
        except (BundleError, NoKeyError) as error:
            db.session().rollback()
            form.bundle.errors.append(str(error))
        else:
            return _after_import(report)
    imports = db.session().exec(select(SyncImport).order_by(SyncImport.id.desc()).limit(50)).all()
    page = render_template("events/sync.html", form=form, imports=imports, sync_states=STATES)
    return page, 400 if form.errors else 200


@bp.get("/manage/sync/imports/<int:import_id>")
@requires(Permission.EVENTS)
def sync_report(import_id: int):
    row = db.session().get(SyncImport, import_id) or abort(404)
    return render_template("events/report.html", row=row, form=ActionForm())


@bp.post("/manage/sync/imports/<int:import_id>/retry")
@requires(Permission.EVENTS)
def sync_retry(import_id: int):
    ActionForm().validate_on_submit() or abort(400)
    row = db.session().get(SyncImport, import_id) or abort(404)
    try:
        report = retry(row.id, staff_id=g.user.id, max_bytes=_max_bytes(), session=db.session())
    except (BundleError, NoKeyError) as error:
        db.session().rollback()
        page = render_template("events/report.html", row=row, form=ActionForm(), refused=str(error))
        return page, 400
    return _after_import(report)
