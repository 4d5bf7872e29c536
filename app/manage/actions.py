"""Staff pages for "we did": the action log of a survey, add and edit an action, publish."""

from flask import abort, current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app import clock, db
from app.audit import record
from app.auth import requires
from app.forms import ActionForm
from app.manage import bp
from app.manage.forms import ActionEditForm
from app.manage.service import survey_titled
from app.models import Action, Survey, utcnow
from app.permissions import Permission
from app.reports.publish import publish

LISTS = ("themes", "kpi_refs", "question_keys")


def _listed(text: str | None) -> list[str]:
    """Return the items of a comma-separated list, without blanks."""
    return [item.strip() for item in (text or "").split(",") if item.strip()]


def _save(action: Action, form: ActionEditForm) -> None:
    """Copy the form onto the action (flush only)."""
    action.what, action.owner, action.state = form.what.data, form.owner.data, form.state.data
    action.due_on, action.done_on = form.due_on.data, form.done_on.data
    action.evidence_url = form.evidence_url.data or None
    action.themes = _listed(form.themes.data)
    action.kpi_refs = _listed(form.kpi_refs.data)
    action.question_keys = _listed(form.question_keys.data)
    action.updated_at = utcnow()
    db.session().add(action)
    db.session().flush()


def _record(done: str, action: Action, slug: str) -> None:
    # Where the action stands, not what it says: the trail keeps no free text.
    detail = {"survey": slug, "state": action.state}
    record(done, f"action:{action.id}", staff_id=g.user.id, session=db.session(), **detail)


@bp.route("/surveys/<slug>/actions", methods=["GET", "POST"])
@requires(Permission.ACTIONS)
def actions(slug: str):
    survey, title = survey_titled(slug, session=db.session()) or abort(404)
    form = ActionEditForm()
    if form.validate_on_submit():
        added = Action(survey_id=survey.id, what="", owner="")
        _save(added, form)
        _record("action_added", added, slug)
        db.commit()
        flash(_("The action is saved."), "status")
        return redirect(url_for(".actions", slug=slug))
    rows = (
        db.session()
        .exec(
            select(Action).where(Action.survey_id == survey.id).order_by(Action.created_at.desc())
        )
        .all()
    )
    page = render_template(
        "manage/actions.html",
        survey=survey,
        title=title,
        rows=rows,
        today=clock.today(),
        form=form,
    )
    return page, 400 if form.errors else 200


@bp.route("/actions/<int:action_id>", methods=["GET", "POST"])
@requires(Permission.ACTIONS)
def action(action_id: int):
    found = db.session().get(Action, action_id) or abort(404)
    survey = db.session().get(Survey, found.survey_id)
    # The lists are shown as the comma-separated text they are typed as (obj= would win).
    shown = {name: getattr(found, name) for name in ("what", "owner", "state", "due_on")}
    shown |= {"done_on": found.done_on, "evidence_url": found.evidence_url}
    lists = {name: ", ".join(getattr(found, name)) for name in LISTS}
    form = ActionEditForm(data=shown | lists)
    if form.validate_on_submit():
        _save(found, form)
        _record("action_changed", found, survey.slug)
        db.commit()
        flash(_("The action is saved."), "status")
        return redirect(url_for(".actions", slug=survey.slug))
    page = render_template("manage/action.html", survey=survey, action=found, form=form)
    return page, 400 if form.errors else 200


@bp.post("/surveys/<slug>/publish")
@requires(Permission.PUBLISH)
def publish_report(slug: str):
    ActionForm().validate_on_submit() or abort(400)
    survey, title = survey_titled(slug, session=db.session()) or abort(404)
    threshold = current_app.config["SUPPRESSION_THRESHOLD"]
    report = publish(
        survey, clock.today(), threshold=threshold, staff_id=g.user.id, session=db.session()
    )
    db.commit()
    flash(_("The report is published."), "status")
    return redirect(url_for("publish.report", slug=slug, number=report.number))
