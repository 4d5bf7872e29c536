"""Staff moderation: read a survey's comments with why each was labelled; correct, quote or hide."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select
from wtforms.fields.choices import SelectChoice

from app import db
from app.auth import role_required
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
    Role,
    Survey,
    SurveyVersion,
)
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
        # Responses keep only their hour: within one, the comment read last comes first.
        .order_by(Response.submitted_at.desc(), CommentReading.id.desc())
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


def moderation_form(reading: CommentReading, formdata=None) -> ModerateForm:
    """Return one comment's form; its prefix keeps every id and name on the page unique."""
    form = ModerateForm(formdata=formdata, prefix=f"c{reading.id}")
    form.show.choices = [
        SelectChoice(
            str(i), _("Show “%(words)s” after all: it does not identify anyone", words=r["text"])
        )
        for i, r in enumerate(reading.redactions)
    ]
    if formdata is None:
        form.show.data = [str(i) for i, r in enumerate(reading.redactions) if r.get("refused")]
        form.themes.data = ", ".join(reading.corrected_themes or reading.themes)
        form.summary.data = reading.summary_en
    return form


def _comments_page(slug: str, refused: ModerateForm | None = None, refused_id: int = 0):
    """Render the comments page; a refused form is shown with its errors in its place."""
    survey, title = survey_titled(slug, session=db.session()) or abort(404)
    form = CommentFilterForm(formdata=request.args)
    themes = theme_map(session=db.session())
    form.theme.choices = [SelectChoice("", _("Any theme"))]
    form.theme.choices += [SelectChoice(t, _(t)) for t in themes]
    valid = not request.args or form.validate()
    rows = _filtered(survey, form) if valid else []
    forms = {reading.id: moderation_form(reading) for reading, *_ in rows}
    if refused is not None:
        forms[refused_id] = refused
    page = render_template(
        "manage/comments.html",
        survey=survey,
        title=title,
        rows=rows,
        form=form,
        forms=forms,
        refused=refused,
    )
    return page, 200 if valid and refused is None else 400


@bp.get("/surveys/<slug>/comments")
@role_required(Role.OFFICER)
def comments(slug: str):
    return _comments_page(slug)


@bp.post("/comments/<int:reading_id>")
@role_required(Role.OFFICER)
def moderate(reading_id: int):
    reading = db.session().get(CommentReading, reading_id) or abort(404)
    if reading.withheld:
        abort(404)  # as if it were not there: only the safeguarding lead sees it
    form = moderation_form(reading, request.form)
    if not form.validate_on_submit():
        return _comments_page(_slug_of(reading), form, reading.id)
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
    if form.redactions_shown.data:
        shown = {int(i) for i in form.show.data or ()}  # offered indexes, checked by the form
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
