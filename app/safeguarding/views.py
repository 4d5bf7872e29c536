"""Safeguarding pages: the queue, and one alert with the comment and the lead's decision."""

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from app import db
from app.auth import requires
from app.permissions import Permission
from app.safeguarding import bp, service
from app.safeguarding.forms import MarkForm
from app.safeguarding.words import REASONS, STATES, reasons_of


@bp.context_processor
def _words() -> dict:
    return {"reasons_of": reasons_of, "states": STATES}


@bp.app_template_filter("reason_name")
def reason_name(category: str) -> str:
    """Return what a risk category is called, translated."""
    return str(REASONS.get(category, category))


@bp.get("/")
@requires(Permission.SAFEGUARDING)
def queue():
    return render_template("safeguarding/queue.html", rows=service.queue(session=db.session()))


@bp.route("/alerts/<int:alert_id>", methods=["GET", "POST"])
@requires(Permission.SAFEGUARDING)
def alert(alert_id: int):
    session = db.session()
    found = service.one_alert(alert_id, session=session) or abort(404)
    row, comment = found
    form = MarkForm(data={"state": row.alert.state if row.alert.state != "new" else None})
    if form.validate_on_submit():
        service.mark(row.alert, form.data, staff_id=g.user.id, session=session)
        db.commit()
        flash(_("Your decision is saved."), "status")
        return redirect(url_for(".queue"))
    service.viewed(row.alert, staff_id=g.user.id, session=session)
    db.commit()
    status = 400 if form.errors else 200
    return render_template("safeguarding/alert.html", row=row, comment=comment, form=form), status
