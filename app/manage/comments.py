"""Staff moderation: read a survey's comments with why each was labelled; correct, quote or hide."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select
from wtforms.fields.choices import SelectChoice

from app import db
from app.auth import requires
from app.comments.moderation import choose_redactions, correct, quote_text, summarise
from app.comments.store import escalate
from app.comments.themes import theme_map
from app.manage import bp
from app.manage.forms import CommentFilterForm, ModerateForm
from app.manage.service import survey_titled
from app.models import (
    Answer,
    CommentReading,
    Response,
    Survey,
    SurveyVersion,
)
from app.permissions import Permission
from app.words import ACTION_STATES


@bp.context_processor
def _words() -> dict:
    return {"action_states": ACTION_STATES, "redacted": quote_text}


def _filtered(survey: Survey, form: CommentFilterForm):
    versions = select(SurveyVersion.id).where(SurveyVersion.survey_id == survey.id)
    query = (
        select(CommentReading, Answer.value, Response.language, Response.submitted_at)
        .join(Answer, Answer.id == CommentReading.answer_id)
        .join(Response, Response.id == CommentReading.response_id)
        .where(Response.survey_version_id.in_(versions))
        # Withheld comments are for the safeguarding lead alone: never on this page.
        .where(CommentReading.withheld == False)  # noqa: E712  (SQL, not Python)
        .order_by(Response.submitted_at.desc())
    )
    if form.sentiment.data:
        query = query.where(CommentReading.sentiment == form.sentiment.data)
    if form.language.data:
        query = query.where(Response.language == form.language.data)
    if form.since.data:
        query = query.where(Response.submitted_at >= form.since.data.isoformat())
    rows = db.session().exec(query).all()
    theme = form.theme.data
    return [r for r in rows if not theme or theme in (r[0].corrected_themes or r[0].themes)]


@bp.get("/surveys/<slug>/comments")
@requires(Permission.COMMENTS)
def comments(slug: str):
    survey, title = survey_titled(slug, session=db.session()) or abort(404)
    form = CommentFilterForm(formdata=request.args)
    themes = theme_map(session=db.session())
    form.theme.choices = [SelectChoice("", _("Any theme"))]
    form.theme.choices += [SelectChoice(t, _(t)) for t in themes]
    valid = not request.args or form.validate()
    rows = _filtered(survey, form) if valid else []
    page = render_template(
        "manage/comments.html",
        survey=survey,
        title=title,
        rows=rows,
        form=form,
        moderate=ModerateForm(),
    )
    return page, 200 if valid else 400


@bp.post("/comments/<int:reading_id>")
@requires(Permission.COMMENTS)
def moderate(reading_id: int):
    reading = db.session().get(CommentReading, reading_id) or abort(404)
    if reading.withheld:
        abort(404)  # as if it were not there: only the safeguarding lead sees it
    form = ModerateForm()
    form.validate_on_submit() or abort(400)
    if form.escalate.data:
        escalate(reading, staff_id=g.user.id, session=db.session())
        db.commit()
        flash(_("The comment is with the safeguarding lead and is no longer shown here."), "status")
        return redirect(url_for(".comments", slug=_slug_of(reading)))
    if form.summary.data and reading.english is False:
        themes = theme_map(session=db.session())
        if summarise(reading, form.summary.data, themes=themes, session=db.session()):
            db.commit()
            flash(
                _("The summary suggests a risk: the comment is with the safeguarding lead."),
                "status",
            )
            return redirect(url_for(".comments", slug=_slug_of(reading)))
    if request.form.get("redactions_shown"):
        shown = {int(i) for i in request.form.getlist("show") if i.isdigit()}
        extra = [w.strip() for w in (form.hide.data or "").split(",") if w.strip()]
        text = db.session().get(Answer, reading.answer_id).value
        choose_redactions(reading, text, shown, extra, session=db.session())
    correct(reading, form.data, session=db.session())
    db.commit()
    flash(_("The comment is updated."), "status")
    return redirect(url_for(".comments", slug=_slug_of(reading)))


def _slug_of(reading: CommentReading) -> str:
    query = (
        select(Survey.slug)
        .join(SurveyVersion, SurveyVersion.survey_id == Survey.id)
        .join(Response, Response.survey_version_id == SurveyVersion.id)
        .where(Response.id == reading.response_id)
    )
    return db.session().exec(query).one()
