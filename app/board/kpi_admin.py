"""Staff changes to a KPI from the board: edit it, close it (Blue), reopen it, comment on it."""

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from app import clock, db
from app.audit import record
from app.auth import requires
from app.board import bp, commentary, editing, filters
from app.board.formatting import period_label
from app.board.forms import COMMENTARY_LIMIT, CommentaryForm, KpiEditForm
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


def _kpi_and_period(kpi_id: int, key: str):
    kpi = db.session().get(Kpi, kpi_id) or abort(404)
    return kpi, filters.writable_period(key) or abort(404)


@bp.route("/kpis/<int:kpi_id>/commentary/<period>", methods=["GET", "POST"])
@requires(Permission.KPIS)
def write_commentary(kpi_id: int, period: str):
    kpi, chosen = _kpi_and_period(kpi_id, period)
    written = commentary.find(kpi.id, chosen, session=db.session())
    form = CommentaryForm(data={"text": written.text if written else ""})
    if form.validate_on_submit():
        commentary.save(kpi.id, chosen, form.text.data, staff_id=g.user.id, session=db.session())
        # The trail says who wrote for which KPI and period; the words stay on the page.
        detail = dict(ref=kpi.ref, period=chosen.key, new=written is None)
        record(
            "commentary_saved", f"kpi:{kpi.id}", staff_id=g.user.id, session=db.session(), **detail
        )
        db.commit()
        flash(
            _(
                "Your commentary on %(ref)s for %(period)s is saved.",
                ref=kpi.ref,
                period=period_label(chosen),
            ),
            "status",
        )
        return redirect(url_for(".kpi", kpi_id=kpi.id) + "#commentary")
    page = render_template(
        "board/commentary.html",
        form=form,
        kpi=kpi,
        period=chosen,
        written=written,
        delete_form=ActionForm(),
        limit=COMMENTARY_LIMIT,
    )
    return page, 400 if form.errors else 200


@bp.post("/kpis/<int:kpi_id>/commentary/<period>/delete")
@requires(Permission.KPIS)
def delete_commentary(kpi_id: int, period: str):
    ActionForm().validate_on_submit() or abort(400)
    kpi, chosen = _kpi_and_period(kpi_id, period)
    label = period_label(chosen)
    if commentary.delete(kpi.id, chosen, session=db.session()):
        record(
            "commentary_deleted",
            f"kpi:{kpi.id}",
            staff_id=g.user.id,
            session=db.session(),
            ref=kpi.ref,
            period=chosen.key,
        )
        db.commit()
        flash(
            _("The commentary on %(ref)s for %(period)s is deleted.", ref=kpi.ref, period=label),
            "status",
        )
    else:
        flash(
            _(
                "There was no commentary on %(ref)s for %(period)s to delete.",
                ref=kpi.ref,
                period=label,
            ),
            "error",
        )
    return redirect(url_for(".kpi", kpi_id=kpi.id) + "#commentary")
