"""Staff changes to a KPI from the board: edit its definition, close it (Blue), reopen it."""

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from app import clock, db
from app.audit import record
from app.auth import requires
from app.board import bp, editing
from app.board.forms import KpiEditForm
from app.board.service import close_kpi
from app.board.views import reading_of
from app.forms import ActionForm
from app.models import Kpi, StateError, utcnow
from app.permissions import Permission
from app.words import AUDIENCE_NAMES


@bp.route("/kpis/<int:kpi_id>/edit", methods=["GET", "POST"])
@requires(Permission.KPIS)
def edit(kpi_id: int):
    kpi = db.session().get(Kpi, kpi_id) or abort(404)
    before = editing.form_values(kpi)
    form = KpiEditForm(data=before)
    if form.validate_on_submit():
        definition, problems = editing.validate(kpi, form.data, session=db.session())
        for field, message in problems:
            form[field].errors.append(message)
        if definition is not None:
            editing.save(kpi, definition, session=db.session())
            after = editing.form_values(kpi)
            changed = [name for name in before if before[name] != after.get(name)]
            record(
                "kpi_edited",
                f"kpi:{kpi.id}",
                staff_id=g.user.id,
                session=db.session(),
                ref=kpi.ref,
                fields=changed,
            )
            db.commit()
            flash(_("The KPI %(ref)s is saved.", ref=kpi.ref), "status")
            return redirect(url_for(".kpi", kpi_id=kpi.id))
    return render_template("board/edit.html", form=form, kpi=kpi, audiences=AUDIENCE_NAMES)


@bp.post("/kpis/<int:kpi_id>/<any(close, reopen):action>")
@requires(Permission.CLOSE_KPIS)
def close(kpi_id: int, action: str):
    ActionForm().validate_on_submit() or abort(400)
    view = reading_of(kpi_id, clock.today())
    try:
        if action == "reopen":
            view.row.kpi.reopen()
        else:
            close_kpi(view, session=db.session(), when=utcnow())
    except StateError as refused:
        flash(str(refused), "error")
        return redirect(url_for(".kpi", kpi_id=kpi_id))
    ref = view.row.kpi.ref
    done = "kpi_closed" if action == "close" else "kpi_reopened"
    record(done, f"kpi:{kpi_id}", staff_id=g.user.id, session=db.session(), ref=ref)
    db.commit()
    if action == "close":
        flash(_("The KPI %(ref)s is closed: its final target is met.", ref=ref), "status")
    else:
        flash(_("The KPI %(ref)s is open again.", ref=ref), "status")
    return redirect(url_for(".kpi", kpi_id=kpi_id))
