"""Public report pages: the archive, and one published snapshot as it was published."""

from datetime import date

from flask import abort, current_app, render_template
from sqlmodel import select

from app import db
from app.definitions import definition_of
from app.i18n import easy_read
from app.models import Report, Survey, SurveyVersion
from app.publish import bp
from app.publish.content import report_page
from app.reports.publish import published
from app.words import ACTION_STATES, FEELINGS


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
        feeling_words=FEELINGS,
    )
