"""Paper entry: staff type in returned paper forms on one long page, checked as online answers."""

import uuid
from dataclasses import dataclass

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask import session as cookie
from flask_babel import gettext as _
from sqlmodel import Session, select

from app import db
from app.auth import requires
from app.comments.notify import alert_in_background
from app.definitions import definition_of
from app.manage import bp
from app.manage.paper_forms import (
    EASY,
    Entry,
    PaperEntryForm,
    PaperSettingsForm,
    as_query,
    checked_answers,
    entries,
    settings_form,
)
from app.models import ResponseMode, Survey, SurveyVersion
from app.permissions import Permission
from app.questions.words import answer_list, question_words
from app.responses import Outcome, StoreResult, store_response

COUNT_KEY = "paper_entered"  # forms stored per survey since this person signed in


@dataclass(frozen=True)
class Problems:
    """The page's problems as (field id, message), in page order; base.html reads .errors."""

    errors: list[tuple[str, str]]


def survey_versions(slug: str, *, session: Session) -> tuple[Survey, list[SurveyVersion]]:
    """Return a survey and its versions, newest first; 404 when there is no such survey."""
    survey = session.exec(select(Survey).where(Survey.slug == slug)).first() or abort(404)
    versions = session.exec(
        select(SurveyVersion)
        .where(SurveyVersion.survey_id == survey.id)
        .order_by(SurveyVersion.number.desc())
    ).all()
    return survey, list(versions)


def save_form(
    version: SurveyVersion, settings: PaperSettingsForm, response_id: uuid.UUID, answers, *, session
) -> StoreResult:
    """Store one typed-in form through store_response, so it is counted and read like any."""
    return store_response(
        response_id=response_id,
        version=version,
        answers=answers,
        language=settings.language.data,
        mode=ResponseMode.PAPER,
        easy_read=settings.reading.data == EASY,
        # The form was filled in while the version printed on it was the newest.
        allow_replaced=True,
        # Events (branch `events`): pass the settings' event here as event_id.
        session=session,
    )


def problems_of(settings: PaperSettingsForm, rows: list[Entry]) -> list[tuple[str, str]]:
    """List the page's problems, in page order, each with the id of the field it links to."""
    found = [(field.id, field.errors[0]) for field in settings if field.errors]
    for row in rows:
        for field in (row.form.answer, getattr(row.form, "special", None)):
            if field is not None and field.errors:
                problem = field.errors[0]
                found.append(
                    (
                        field.id,
                        _("Question %(number)d: %(problem)s", number=row.number, problem=problem),
                    )
                )
    return found


def _count(slug: str) -> int:
    return cookie.get(COUNT_KEY, {}).get(slug, 0)


def _counted(slug: str) -> None:
    cookie[COUNT_KEY] = {**cookie.get(COUNT_KEY, {}), slug: _count(slug) + 1}


@bp.route("/surveys/<slug>/paper-entry", methods=["GET", "POST"])
@requires(Permission.PAPER_ENTRY)
def paper_entry(slug: str):
    session = db.session()
    survey, versions = survey_versions(slug, session=session)
    settings = settings_form(request.args, versions)
    if not settings.validate():  # only a changed address: say what is wrong, take nothing
        return _entry_page(survey, versions[0], settings), 400
    if not survey.is_open:
        return _entry_page(survey, versions[0], settings), 409 if request.method == "POST" else 200
    version = next(v for v in versions if str(v.number) == settings.version.data)
    rows = entries(definition_of(version))
    form = PaperEntryForm(response_id=str(uuid.uuid4()))
    if request.method == "GET":
        return _entry_page(survey, version, settings, form, rows)
    if not form.validate_on_submit():
        abort(400)
    answers = checked_answers(rows)
    if answers is not None:
        response_id = uuid.UUID(form.response_id.data)
        result = save_form(version, settings, response_id, answers, session=session)
        if result.outcome in (Outcome.STORED, Outcome.DUPLICATE):
            return _saved(survey, settings, result)
        _not_saved(form, result)
    return _entry_page(survey, version, settings, form, rows), 400


def _not_saved(form: PaperEntryForm, result: StoreResult) -> None:
    if result.outcome == Outcome.CONFLICT:
        # Other answers were stored under this page's id (sent again after Back and a
        # change): keep these on screen under a new id, to be saved once checked.
        form.response_id.data = str(uuid.uuid4())
        message = _(
            "These answers are not saved yet. Check the last form you saved, then save these."
        )
    else:  # refused: the forms passed what store_response refuses, so say what it found
        message = _(
            "These answers could not be saved: %(problems)s", problems="; ".join(result.problems)
        )
    flash(message, "error")


def _saved(survey: Survey, settings: PaperSettingsForm, result: StoreResult):
    if result.outcome == Outcome.STORED:
        _counted(survey.slug)
    db.commit()
    if result.alerts:
        alert_in_background(current_app.config, url_for("safeguarding.queue", _external=True))
    flash(
        _("Form saved. You can enter the next one.")
        if result.outcome == Outcome.STORED
        else _("That form was saved already. You can enter the next one."),
        "status",
    )
    # To the first question, so the next Tab lands in the next form's first answer.
    target = url_for(".paper_entry", slug=survey.slug, **as_query(settings), _anchor="answers")
    return redirect(target)


def _entry_page(survey, version, settings, form=None, rows=()):
    easy = settings.reading.data == EASY
    words = {row.question.key: question_words(row.question, easy) for row in rows}
    numbers = {row.question.key: row.number for row in rows}
    only_if = {}
    for row in rows:
        rule = row.question.show_if
        if rule is not None:
            labels = {value: label for value, label, _art in words[rule.question].options}
            named = answer_list([labels[value] for value in rule.answers])
            only_if[row.question.key] = (numbers[rule.question], named)
    problems = problems_of(settings, list(rows))
    return render_template(
        "manage/paper_entry.html",
        survey=survey,
        title=definition_of(version).title,
        settings=settings,
        query=as_query(settings),
        entry=form,
        rows=rows,
        words=words,
        only_if=only_if,
        problems=problems,
        form=Problems(problems),
        entered=_count(survey.slug),
    )
