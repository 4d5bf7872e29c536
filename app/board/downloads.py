"""The board's downloads: KPI readings and tallies as CSV, and a workbook of all three."""

from flask import Response, abort, request

from app import db
from app.auth import requires
from app.board import bp, exports, filters
from app.board.tallies import survey_tallies
from app.board.views import readings
from app.permissions import Permission

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(body, mimetype: str, name: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, mimetype=mimetype, headers=headers)


def _filtered():
    form, on = filters.filter_form(request.args, session=db.session())
    if form.errors:
        abort(400)
    return form, on


@bp.get("/kpis.csv")
@requires(Permission.AGGREGATES)
def kpis_csv():
    form, on = _filtered()
    rows = exports.kpi_rows(readings(form, on), filters.vocabulary())
    return _download(exports.to_csv(exports.KPI_HEADER, rows), "text/csv", f"kpis-{on}.csv")


@bp.get("/tallies.csv")
@requires(Permission.AGGREGATES)
def tallies_csv():
    form, surveys = filters.tallies_form(request.args, session=db.session())
    if form.errors:
        abort(400)
    ids = [surveys[form.survey.data]] if form.survey.data else None
    by, kind = form.by.data, filters.period_kind()
    found = survey_tallies(ids, by=by, period_kind=kind, session=db.session())
    body = exports.to_csv(exports.TALLY_HEADER, exports.tally_rows(found))
    return _download(body, "text/csv", f"tallies-{by}.csv")


@bp.get("/kpis.xlsx")
@requires(Permission.AGGREGATES)
def kpis_xlsx():
    form, on = _filtered()
    views = readings(form, on)
    found = survey_tallies(
        None, by="period", period_kind=filters.period_kind(), session=db.session()
    )
    body = exports.to_xlsx(
        [
            ("KPIs", exports.KPI_HEADER, exports.kpi_rows(views, filters.vocabulary())),
            ("KPI history", exports.HISTORY_HEADER, exports.history_rows(views)),
            ("Tallies by period", exports.TALLY_HEADER, exports.tally_rows(found)),
        ]
    )
    return _download(body, XLSX, f"kpis-{on}.xlsx")
