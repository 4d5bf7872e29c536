"""Respondent pages: each parses the request, calls a service, renders or redirects."""

import uuid

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlmodel import select

from app import db
from app.comments.notify import alert_in_background
from app.definitions import definition_of, known_definition
from app.definitions.loader import latest_version, surveys_with_newest_version
from app.definitions.routing import relevant_answers, shown_questions
from app.definitions.schema import Kind
from app.facilitation import serving_event, serving_event_id
from app.forms import ActionForm
from app.i18n import easy_read
from app.kiosk_mode import current_kiosk
from app.models import (
    Draft,
    Report,
    Response,
    ResponseMode,
    Survey,
    SurveyState,
    SurveyVersion,
    utcnow,
)
from app.notice import privacy_notice
from app.questions.forms import answer_form, box_name, page_answers
from app.questions.words import question_words
from app.respond import bp
from app.respond.asking import TEMPLATE, Asking, asking
from app.respond.content import page_words, periods, when_started
from app.respond.drafts import (
    Visit,
    discard_draft,
    find_draft,
    forget_draft,
    remember_code,
    save_answer,
    start_draft,
    survey_and_draft,
    take_code,
    visit,
    visit_of,
)
from app.respond.forms import SendForm, StartForm
from app.respond.groups import by_audience
from app.respond.navigation import CHECK, Step, after_answer, resume
from app.respond.rendered import kept_page, page_key, render_kept
from app.respond.summary import sections
from app.responses import Outcome, store_response
from app.retention.periods import longest_retention
from app.retention.withdrawal import code_hash, shown, unused_code


def _hours() -> int:
    return current_app.config["DRAFT_HOURS"]


def _survey(slug: str) -> Survey:
    return _offered(db.session().exec(select(Survey).where(Survey.slug == slug)).first())


def _offered(survey: Survey | None) -> Survey:
    """Return a survey respondents may see; a missing or draft survey is a 404."""
    if survey is None or survey.state == SurveyState.DRAFT:
        abort(404)
    return survey


def _page(template: str, survey: Survey, version: SurveyVersion, status: int = 200, **context):
    """Render a survey's page with its definition and its title in this person's words."""
    definition = definition_of(version)
    page = page_words(definition, easy_read())
    context.setdefault("words", page)
    return render_template(
        template, survey=survey, definition=definition, survey_title=page.title, **context
    ), status


def _closed(survey: Survey):
    return _page(
        "respond/closed.html", survey, latest_version(survey.id, session=db.session()), 410
    )


# A guard raises rather than returns, so views get plain values and need no "if early" check.
class ShowInstead(Exception):
    """Raised by a guard to show this response in place of the page asked for."""

    def __init__(self, response):
        super().__init__()
        self.response = response


@bp.errorhandler(ShowInstead)
def show_instead(raised: ShowInstead):
    """Return the response a guard chose."""
    return raised.response


def _open_draft(slug: str) -> tuple[Survey, Draft, SurveyVersion]:
    """Return this browser's draft in an open survey, or raise ShowInstead."""
    survey, draft, version = survey_and_draft(slug, hours=_hours(), session=db.session())
    survey = _offered(survey)
    if not survey.is_open:
        raise ShowInstead(_closed(survey))
    if draft is None:
        raise ShowInstead(redirect(url_for(".start", slug=slug)))
    if not version.accepting:
        raise ShowInstead(_page("respond/changed.html", survey, version, 409))
    return survey, draft, version


def _url(slug: str, step: Step) -> str:
    """Return the address of a step in this survey's journey."""
    return url_for(f".{step.page}", slug=slug, key=step.key, change=1 if step.change else None)


@bp.get("/")
def home():
    session = db.session()
    easy = easy_read()
    rows = surveys_with_newest_version(session=session, state=SurveyState.OPEN)
    event = serving_event(session=session)
    if event is not None:
        # At a focus group the laptop offers the event's surveys only.
        rows = [(survey, version) for survey, version in rows if survey.slug in event.surveys]
    listed = ((survey, definition_of(version)) for survey, version in rows)
    groups = by_audience((d.audience, (survey, page_words(d, easy))) for survey, d in listed)
    return render_template("respond/home.html", groups=groups)


@bp.route("/s/<slug>", methods=["GET", "POST"])
def start(slug: str):
    survey = _survey(slug)
    if not survey.is_open:
        return _closed(survey)
    session = db.session()
    version = latest_version(survey.id, session=session)
    draft = find_draft(slug, hours=_hours(), session=session)
    form = StartForm()
    if form.validate_on_submit():
        if draft is None or draft.survey_version_id != version.id:
            draft = start_draft(slug, version, hours=_hours(), session=session)
            db.commit()
        return redirect(_url(slug, resume(definition_of(version), draft.answers)))
    resuming = draft is not None and bool(draft.answers)
    started = when_started(draft.started_at, utcnow()) if resuming else None
    return _page(
        "respond/start.html", survey, version, form=form, resuming=resuming, started=started
    )


@bp.route("/s/<slug>/q/<key>", methods=["GET", "POST"])
def question(slug: str, key: str):
    if request.method == "GET":
        # Most question pages are read with the plain-columns query and a kept copy.
        found = visit(slug, hours=_hours(), on=db.engine())
        definition = found and known_definition(found.version.content_hash)
        if definition:
            return _question_page(found, definition, _asking(definition, found.answers, key))
    survey, draft, version = _open_draft(slug)
    definition = definition_of(version)
    seen = visit_of(slug, draft, version)
    page = _asking(definition, draft.answers, key)
    if request.method == "GET":
        return _question_page(seen, definition, page)
    form = answer_form(page.question, page.boxes, data=page.data)
    if form.validate_on_submit():
        for answered, value in page_answers(form, page.question, page.boxes).items():
            save_answer(draft, answered, value)
        db.commit()
        step = after_answer(definition, draft.answers, key, changing=_changing())
        return redirect(_url(slug, step))
    return _question_page(seen, definition, page, form=form)


def _changing() -> bool:
    """Say whether this page was reached from "Check your answers" to change an answer."""
    # Most pages have no query string, and werkzeug parses even an empty one (and raises and
    # catches an exception to find "change" missing from it).
    return bool(request.query_string) and request.args.get("change") == "1"


def _asking(definition, answers, key: str) -> Asking:
    """Return the page asking question `key`, or 404 if the answers so far skip it."""
    page = asking(definition, answers, key, changing=_changing())
    if page is None:
        abort(404)
    return page


def _question_page(seen: Visit, definition, page: Asking, form=None):
    """Render one question with its number, its words and where its back link goes.

    Without a form (a GET), the page may be a kept copy (rendered.py): its key is what
    makes it differ from another person's page, worked out before anything is rendered.
    """
    kept = None
    if form is None and not page.typed:
        kept = page_key(*page.key_parts(seen.version.id))
        html = kept_page(kept)
        if html is not None:
            return html
    current = page.question
    form = form or answer_form(current, page.boxes, data=page.data)
    easy = easy_read()
    words = question_words(current, easy)
    return render_kept(
        TEMPLATE,
        kept,
        survey=seen,
        definition=definition,
        survey_title=page_words(definition, easy).title,
        form=form,
        question=current,
        words=words,
        # Beside a text box, "I'd rather not say" is its own small group of radios.
        special=words.options if current.type in (Kind.TEXT, Kind.NUMBER) else [],
        number=page.number,
        total=page.total,
        changing=_changing(),
        back=_url(seen.slug, page.back),
        boxes=[
            (box.show_if.answers[0], form[box_name(box)], question_words(box, easy))
            for box in page.boxes
        ],
    )


@bp.get("/s/<slug>/check")
def check(slug: str):
    survey, draft, version = _open_draft(slug)
    definition = definition_of(version)
    missing = resume(definition, draft.answers)
    if missing != CHECK:
        return redirect(_url(slug, missing))
    answers = relevant_answers(definition, draft.answers)
    shown = shown_questions(definition, answers)
    form = SendForm(response_id=str(draft.response_id))
    return _page(
        "respond/check.html",
        survey,
        version,
        sections=sections(definition, shown, answers, easy_read()),
        form=form,
    )


@bp.post("/s/<slug>/send")
def send(slug: str):
    # A send whose draft is in order is read with the plain-columns query, as a question
    # page is; anything else (no draft, a closed survey, a replaced version) is explained.
    found = visit(slug, hours=_hours(), on=db.session())
    if found is None:
        return _not_sendable(slug)
    form = SendForm()
    if not form.validate_on_submit():
        abort(400)
    response_id = uuid.UUID(form.response_id.data)
    if found.response_id != response_id:
        return _tapped_again(slug, response_id)
    return _store(found)


def _not_sendable(slug: str):
    """Say why this browser's draft cannot be sent, as the page for that reason."""
    survey, draft, version = survey_and_draft(slug, hours=_hours(), session=db.session())
    survey = _offered(survey)
    form = SendForm()
    if not form.validate_on_submit():
        abort(400)
    if draft is None:
        return _tapped_again(slug, uuid.UUID(form.response_id.data))
    if not survey.is_open:
        return _closed(survey)
    if version.accepting:  # it opened again a moment ago: the person can look and send
        return redirect(url_for(".check", slug=slug))
    return _page("respond/changed.html", survey, version, 409)


def _tapped_again(slug: str, response_id: uuid.UUID):
    """A second tap after the first one was stored: the same thanks, nothing new."""
    if db.session().get(Response, response_id) is not None:
        return redirect(url_for(".sent", slug=slug))
    return redirect(url_for(".start", slug=slug))


def _store(found: Visit):
    """Store a draft as a response, forget the draft and thank the person."""
    session, slug = db.session(), found.slug
    if known_definition(found.version.content_hash) is None:
        definition_of(session.get(SurveyVersion, found.version.id))  # parsed once per process
    code = unused_code(session=session)
    event_id = serving_event_id()  # a phone at a focus group, through the facilitator's laptop
    kiosk = current_kiosk()
    result = store_response(
        response_id=found.response_id,
        version=found.version,
        answers=found.answers,
        language=str(get_locale()),
        mode=ResponseMode.KIOSK
        if kiosk
        else ResponseMode.PHONE
        if event_id
        else ResponseMode.ONLINE,
        easy_read=easy_read(),
        withdrawal_hash=code_hash(code),
        event_id=event_id,
        session=session,
    )
    if result.outcome == Outcome.REFUSED:
        version = session.get(SurveyVersion, found.version.id)
        return _page("respond/changed.html", _survey(slug), version, 409)
    if result.outcome == Outcome.STORED:
        # Only the code that was stored: a twin request's thanks shows none, never a wrong one.
        remember_code(slug, code)
    forget_draft(slug, found.token, session=session)
    db.commit()
    if result.alerts:
        alert_in_background(current_app.config, url_for("safeguarding.queue", _external=True))
    if kiosk:
        # Straight back to the start: the draft and its token are gone, so Back shows nothing.
        flash(_("Thank you. Your answers have been sent. Please pass the tablet on."), "status")
        return redirect(url_for(".start", slug=slug))
    return redirect(url_for(".sent", slug=slug))


@bp.get("/s/<slug>/sent")
def sent(slug: str):
    survey = _survey(slug)
    reported = db.session().exec(select(Report.id).where(Report.survey_id == survey.id)).first()
    version = latest_version(survey.id, session=db.session())
    code = take_code(slug)
    notice = privacy_notice(session=db.session())
    return _page(
        "respond/sent.html",
        survey,
        version,
        reported=reported is not None,
        code=shown(code) if code else None,
        support=notice.support_contact if notice else None,
    )


@bp.post("/s/<slug>/stop")
def stop(slug: str):
    survey = _survey(slug)
    if not ActionForm().validate_on_submit():
        abort(400)
    discard_draft(slug, session=db.session())
    db.commit()
    return redirect(url_for(".stopped", slug=survey.slug))


@bp.get("/s/<slug>/stopped")
def stopped(slug: str):
    survey = _survey(slug)
    return _page("respond/stopped.html", survey, latest_version(survey.id, session=db.session()))


@bp.get("/privacy")
def privacy():
    session = db.session()
    months = longest_retention(session=session)
    return render_template(
        "respond/privacy.html",
        notice=privacy_notice(session=session),
        periods=periods(months, _hours(), easy_read()),
    )
