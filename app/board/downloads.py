"""The board's downloads: KPI readings and tallies as CSV, a workbook of all three, the pack
as a PDF."""

from flask import Response, abort, g, request

from app import db
from app.audit import record
from app.auth import requires, user_can
from app.board import bp, exports, filters
from app.board.views import pack, readings, shown_tallies
from app.pdfs import PdfUnavailable, render_pdf, unavailable
from app.permissions import Permission

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(body, mimetype: str, name: str) -> Response:
    # Exact counts can hold small numbers: who took a copy of them is on the audit trail.
    exact = user_can(Permission.EXACT_COUNTS)
    record("downloaded", "board", staff_id=g.user.id, session=db.session(), file=name, exact=exact)
    db.commit()
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
    found, _small = shown_tallies(ids, form.by.data)
    body = exports.to_csv(exports.TALLY_HEADER, exports.tally_rows(found))
    return _download(body, "text/csv", f"tallies-{form.by.data}.csv")


@bp.get("/kpis.xlsx")
@requires(Permission.AGGREGATES)
def kpis_xlsx():
    form, on = _filtered()
    views = readings(form, on)
    found, _small = shown_tallies(None, "period")
    body = exports.to_xlsx(
        [
            ("KPIs", exports.KPI_HEADER, exports.kpi_rows(views, filters.vocabulary())),
            ("KPI history", exports.HISTORY_HEADER, exports.history_rows(views)),
            ("Tallies by period", exports.TALLY_HEADER, exports.tally_rows(found)),
        ]
    )
    return _download(body, XLSX, f"kpis-{on}.xlsx")


@bp.get("/pack.pdf")
@requires(Permission.AGGREGATES)
def pack_pdf():
    _form, on = _filtered()
    # The PDF is the pack's own page, as this reader sees it: the same small numbers hidden.
    page, _status = pack()
    try:
        body = render_pdf(page, embeds=("board.chart",))
    except PdfUnavailable:
        return unavailable()
    return _download(body, "application/pdf", f"board-pack-{on}.pdf")
