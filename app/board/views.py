"""Board pages: dashboard, one KPI, its chart, edit, close, comparison, tallies, exports, pack."""

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app import clock, db
from app.analysis.kpi_status import day_month_year
from app.auth import role_required
from app.board import bp, editing, exports
from app.board import present as p
from app.board.forms import AUDIENCE_NAMES, KpiEditForm
from app.board.service import (
    across_audiences,
    by_area,
    close_kpi,
    kpi_views,
    one_view,
)
from app.board.tallies import BREAKDOWNS, survey_tallies
from app.forms import ActionForm
from app.models import Kpi, Role, StateError, Survey, utcnow


@bp.context_processor
def _helpers() -> dict:
    return {
        "pct": p.pct,
        "points": p.points,
        "audience_name": p.audience_name,
        "long_date": day_month_year,
    }


def _views(form, on):
    return kpi_views(
        session=db.session(),
        on=on,
        period_kind=p.period_kind(),
        vocabulary=p.vocabulary(),
        area=form.area.data or None,
        audience=form.audience.data or None,
    )


def _page(template: str, form, **context):
    context |= dict(form=form, vocabulary=p.vocabulary(), audiences=AUDIENCE_NAMES, user=g.user)
    return render_template(
        template, filters=p.filters(form), **context
    ), 400 if form.errors else 200


@bp.get("/")
@role_required(Role.BOARD)
def dashboard():
    form, on = p.filter_form()
    views = _views(form, on)
    return _page("board/dashboard.html", form, groups=by_area(views), on=on, p=p)


@bp.get("/compare")
@role_required(Role.BOARD)
def compare():
    form, on = p.filter_form()
    return _page("board/compare.html", form, rows=across_audiences(_views(form, on)), on=on)


@bp.get("/pack")
@role_required(Role.BOARD)
def pack():
    form, on = p.filter_form()
    views = _views(form, on)
    return _page("board/pack.html", form, groups=by_area(views), on=on, p=p)


def _one(kpi_id: int, on):
    view = one_view(
        kpi_id,
        session=db.session(),
        on=on,
        period_kind=p.period_kind(),
        vocabulary=p.vocabulary(),
    )
    return view or abort(404)


@bp.get("/kpis/<int:kpi_id>")
@role_required(Role.BOARD)
def kpi(kpi_id: int):
    form, on = p.filter_form()
    view = _one(kpi_id, on)
    return _page("board/kpi.html", form, view=view, on=on, p=p, action=ActionForm())


@bp.get("/kpis/<int:kpi_id>/chart.svg")
@role_required(Role.BOARD)
def chart(kpi_id: int):
    _form, on = p.filter_form()
    return Response(p.chart_svg(_one(kpi_id, on)), mimetype="image/svg+xml")


@bp.route("/kpis/<int:kpi_id>/edit", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def edit(kpi_id: int):
    kpi = db.session().get(Kpi, kpi_id) or abort(404)
    form = KpiEditForm(data=editing.form_values(kpi))
    if form.validate_on_submit():
        definition, problems = editing.validate(kpi, form.data, session=db.session())
        for field, message in problems:
            form[field].errors.append(message)
        if definition is not None:
            editing.save(kpi, definition, session=db.session())
            db.commit()
            flash(_("The KPI %(ref)s is saved.", ref=kpi.ref), "status")
            return redirect(url_for(".kpi", kpi_id=kpi.id))
    return render_template("board/edit.html", form=form, kpi=kpi, audiences=AUDIENCE_NAMES)


@bp.post("/kpis/<int:kpi_id>/<any(close, reopen):action>")
@role_required(Role.ADMIN)
def close(kpi_id: int, action: str):
    ActionForm().validate_on_submit() or abort(400)
    view = _one(kpi_id, clock.today())
    try:
        if action == "reopen":
            view.row.kpi.reopen()
        else:
            close_kpi(view, session=db.session(), when=utcnow())
    except StateError as refused:
        flash(str(refused), "error")
        return redirect(url_for(".kpi", kpi_id=kpi_id))
    db.commit()
    ref = view.row.kpi.ref
    if action == "close":
        flash(_("The KPI %(ref)s is closed: its final target is met.", ref=ref), "status")
    else:
        flash(_("The KPI %(ref)s is open again.", ref=ref), "status")
    return redirect(url_for(".kpi", kpi_id=kpi_id))


def _tallies_request():
    by = request.args.get("by", "all")
    slug = request.args.get("survey")
    surveys = dict(db.session().exec(select(Survey.slug, Survey.id).order_by(Survey.slug)).all())
    problems = []
    if by not in BREAKDOWNS:
        problems.append(("by", _("Choose how to break the tallies down from the list.")))
    if slug and slug not in surveys:
        problems.append(("survey", _("Choose a survey from the list.")))
    ids = [surveys[slug]] if slug in surveys else None
    return surveys, ids, "all" if problems else by, problems


@bp.get("/tallies")
@role_required(Role.BOARD)
def tallies():
    surveys, ids, by, problems = _tallies_request()
    if ids is None and not problems:
        return render_template("board/tallies.html", surveys=surveys, found=None, by=by)
    found = survey_tallies(ids, by=by, period_kind=p.period_kind(), session=db.session())
    page = render_template(
        "board/tallies.html",
        surveys=surveys,
        found=found if not problems else None,
        by=by,
        problems=problems,
        slug=request.args.get("survey"),
    )
    return page, 400 if problems else 200


def _download(body, mimetype: str, name: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, mimetype=mimetype, headers=headers)


@bp.get("/kpis.csv")
@role_required(Role.BOARD)
def kpis_csv():
    form, on = p.filter_form()
    form.errors and abort(400)
    rows = exports.kpi_rows(_views(form, on), p.vocabulary())
    return _download(exports.to_csv(exports.KPI_HEADER, rows), "text/csv", f"kpis-{on}.csv")


@bp.get("/tallies.csv")
@role_required(Role.BOARD)
def tallies_csv():
    _surveys, ids, by, problems = _tallies_request()
    problems and abort(400)
    found = survey_tallies(ids, by=by, period_kind=p.period_kind(), session=db.session())
    body = exports.to_csv(exports.TALLY_HEADER, exports.tally_rows(found))
    return _download(body, "text/csv", f"tallies-{by}.csv")


@bp.get("/kpis.xlsx")
@role_required(Role.BOARD)
def kpis_xlsx():
    form, on = p.filter_form()
    form.errors and abort(400)
    views = _views(form, on)
    found = survey_tallies(None, by="period", period_kind=p.period_kind(), session=db.session())
    body = exports.to_xlsx(
        [
            ("KPIs", exports.KPI_HEADER, exports.kpi_rows(views, p.vocabulary())),
            ("KPI history", exports.HISTORY_HEADER, exports.history_rows(views)),
            ("Tallies by period", exports.TALLY_HEADER, exports.tally_rows(found)),
        ]
    )
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _download(body, xlsx, f"kpis-{on}.xlsx")
