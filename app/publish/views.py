"""Public report pages: the archive, and one published snapshot as it was published."""

from datetime import date

from flask import Response, abort, current_app, render_template
from flask_babel import get_locale
from sqlmodel import select

from app import db
from app.charts import aims_svg, bar_key, feelings_svg
from app.definitions import definition_of
from app.i18n import easy_read
from app.models import Report, Survey, SurveyVersion
from app.pdfs import PdfUnavailable, render_pdf, unavailable
from app.publish import bp
from app.publish.content import FEELING_ORDER, aims_of, feelings_of, report_page, worth_drawing
from app.reports.publish import published
from app.words import ACTION_STATES, FEELING_NAMES


@bp.get("/you-said-we-did")
def archive():
    session = db.session()
    listed = [
        (survey, report, definition_of(session.get(SurveyVersion, report.content["version_id"])))
        for survey, report in published(session=session)
    ]
    return render_template("publish/archive.html", listed=listed)


def _report(slug: str, number: int | None) -> tuple[Survey, Report]:
    session = db.session()
    survey = session.exec(select(Survey).where(Survey.slug == slug)).first() or abort(404)
    query = select(Report).where(Report.survey_id == survey.id)
    if number is not None:
        query = query.where(Report.number == number)
    report = session.exec(query.order_by(Report.number.desc())).first() or abort(404)
    return survey, report


@bp.get("/you-said-we-did/<slug>")
@bp.get("/you-said-we-did/<slug>/<int:number>")
def report(slug: str, number: int | None = None):
    survey, found = _report(slug, number)
    version = db.session().get(SurveyVersion, found.content["version_id"])
    shown = report_page(found.content, definition_of(version), easy=easy_read())
    return render_template(
        "publish/report.html",
        survey=survey,
        report=found,
        report_page=shown,
        on=date.fromisoformat(found.content["on"]),
        threshold=current_app.config["SUPPRESSION_THRESHOLD"],
        action_states=ACTION_STATES,
        feeling_names=FEELING_NAMES,
        feeling_order=FEELING_ORDER,
        bar_key=bar_key,
        draw_aims=worth_drawing(value for value, _ in aims_of(found.content)),
        draw_feelings=worth_drawing(n for row in feelings_of(found.content) for n in row),
    )


# A snapshot never changes, so its charts can be kept by the browser for good: a young person
# on poor mobile data downloads each one once.
_FOR_GOOD = {"Cache-Control": "public, max-age=31536000, immutable"}


@bp.get("/you-said-we-did/<slug>/<int:number>/aims.svg")
def aims_chart(slug: str, number: int):
    _survey, found = _report(slug, number)
    return Response(aims_svg(aims_of(found.content)), mimetype="image/svg+xml", headers=_FOR_GOOD)


@bp.get("/you-said-we-did/<slug>/<int:number>/feelings.svg")
def feelings_chart(slug: str, number: int):
    _survey, found = _report(slug, number)
    svg = feelings_svg(feelings_of(found.content))
    return Response(svg, mimetype="image/svg+xml", headers=_FOR_GOOD)


@bp.get("/you-said-we-did/<slug>/<int:number>/report.pdf")
def report_pdf(slug: str, number: int):
    # The PDF is the report's page in this reader's language and reading level.
    page = report(slug, number)
    try:
        body = render_pdf(page, embeds=("publish.aims_chart", "publish.feelings_chart"))
    except PdfUnavailable:
        return unavailable()
    easy = "-easy-read" if easy_read() else ""
    name = f"you-said-we-did-{slug}-{number}-{get_locale()}{easy}.pdf"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, mimetype="application/pdf", headers=headers)
