"""Pages for a phone that loses its signal: the worker, the survey's pages for its cache, and
the endpoint that takes a whole response the phone kept while it was offline.

The phone keeps answers only for the survey in progress, only until the server confirms
them. Kiosk mode never gets a pack: a tablet passed around keeps nothing in its browser.
"""

import logging

from flask import Response as HttpResponse
from flask import abort, current_app, jsonify, request, url_for
from flask_babel import get_locale, gettext
from sqlmodel import select

from app import db
from app.comments.notify import alert_in_background
from app.definitions import definition_of
from app.definitions.loader import latest_version
from app.definitions.routing import under_answers
from app.definitions.schema import Kind
from app.extensions import csrf
from app.facilitation import serving_event_id
from app.i18n import available, easy_read
from app.kiosk_mode import current_kiosk
from app.models import Response, ResponseMode, Survey, SurveyState, SurveyVersion
from app.pages import STATIC, asset_url
from app.questions.forms import answer_form, box_name, problem_messages
from app.questions.words import question_words
from app.respond import bp
from app.respond.drafts import find_draft, forget_sent_draft
from app.respond.forms import SendForm, StartForm
from app.respond.on_phone import read_sent, send_token, survey_rules
from app.respond.summary import sections
from app.respond.views import _hours, _page
from app.responses import Outcome, store_response

log = logging.getLogger(__name__)
ASSETS = ("heard.css", "manifest.json", "listen.js", "answers.js", "offline.js", "offline-page.js")


@bp.get("/sw.js")
def worker():
    # Served from the root so its scope can be /s/: survey pages only, never staff pages.
    return HttpResponse((STATIC / "offline-worker.js").read_bytes(), mimetype="text/javascript")


@bp.get("/s/<slug>/offline.json")
def pack(slug: str):
    """Everything a phone needs to finish this browser's draft without a signal."""
    if current_kiosk() is not None:
        abort(404)
    session = db.session()
    survey = session.exec(select(Survey).where(Survey.slug == slug)).first()
    draft = find_draft(slug, hours=_hours(), session=session)
    if survey is None or not survey.is_open or draft is None:
        abort(404)
    version = session.get(SurveyVersion, draft.survey_version_id)
    if not version.accepting:
        abort(404)
    definition = definition_of(version)
    return jsonify(
        format=1,
        response_id=str(draft.response_id),
        token=send_token(current_app.secret_key, draft.response_id, version.id),
        language=str(get_locale()),
        easy_read=easy_read(),
        hours=_hours(),
        answers=draft.answers,
        questions=survey_rules(definition),
        pages=_blank_pages(survey, version),
        assets=[asset_url(name) for name in ASSETS],
    )


def _phone_words(**more) -> dict:
    """Return the words the phone's page script shows, in the page's language."""
    return {
        "saving": gettext("Saved on this phone. You can carry on answering."),
        "waiting": gettext(
            "Saved on this phone. We will send your answers when you are online again."
        ),
        "sent": gettext("Sent. We have your answers."),
        "problem": gettext("There is a problem"),
        "error": gettext("Error:"),
        # Without values, gettext returns the sentence with its placeholders for the phone.
        "error_title": gettext("Error: %(heading)s"),
        **more,
    }


def _blank_pages(survey: Survey, version: SurveyVersion) -> dict[str, str]:
    """Render the survey's pages with no answers in them: the phone fills them in."""
    definition = definition_of(version)
    easy = easy_read()
    slug = survey.slug
    pages = {}
    for question in definition.questions:
        if question.under_answer:
            continue  # a box on the page of the question before it
        words = question_words(question, easy)
        special = words.options if question.type in (Kind.TEXT, Kind.NUMBER) else []
        under = under_answers(definition, question.key)
        form = answer_form(question, under)
        html, _status = _page(
            "respond/question.html",
            survey,
            version,
            form=form,
            question=question,
            words=words,
            special=special,
            number=0,
            total=0,
            changing=False,
            back=url_for(".start", slug=slug),
            boxes=[
                (box.show_if.answers[0], form[box_name(box)], question_words(box, easy))
                for box in under
            ],
            offline=_phone_words(
                caption=gettext("Question %(number)d of %(total)d"),
                problems=problem_messages(question),
            ),
        )
        pages[url_for(".question", slug=slug, key=question.key)] = html
    pages[url_for(".check", slug=slug)] = _blank_check(survey, version)
    pages[url_for(".saved", slug=slug)] = _page(
        "respond/saved.html", survey, version, offline=_phone_words()
    )[0]
    pages[url_for(".start", slug=slug)] = _page(
        "respond/start.html", survey, version, form=StartForm(), resuming=True
    )[0]
    return pages


def _blank_check(survey: Survey, version: SurveyVersion) -> str:
    definition = definition_of(version)
    groups = sections(definition, definition.questions, {}, easy_read())
    labels = {row.key: row.labels for group in groups for row in group.rows}
    return _page(
        "respond/check.html",
        survey,
        version,
        sections=groups,
        form=SendForm(response_id=""),
        offline=_phone_words(labels=labels, not_answered=gettext("Not answered")),
    )[0]


@bp.get("/s/<slug>/saved")
def saved(slug: str):
    """The thank-you page for answers kept on the phone (the phone's cache usually serves it)."""
    session = db.session()
    survey = session.exec(select(Survey).where(Survey.slug == slug)).first()
    if survey is None or survey.state == SurveyState.DRAFT:
        abort(404)
    version = latest_version(survey.id, session=session)
    return _page("respond/saved.html", survey, version, offline=_phone_words())


@bp.post("/s/<slug>/answers")
@csrf.exempt  # a signed token per response stands in for it: see on_phone.send_token
def receive(slug: str):
    """Store a whole response a phone kept while offline, checked as an online one is."""
    if not request.is_json:
        return _refused(400, ["expected application/json"])
    sent = read_sent(
        request.get_json(silent=True), secret=current_app.secret_key, languages=available()
    )
    if isinstance(sent, list):
        return _refused(400, sent)
    session = db.session()
    version = session.get(SurveyVersion, sent.version_id)
    survey = session.get(Survey, version.survey_id) if version else None
    if survey is None or survey.slug != slug:
        return _refused(400, ["token: not for this survey"])
    if session.get(Response, sent.response_id) is None and not survey.is_open:
        closed = gettext("This survey closed before we got your answers.")
        return _refused(410, ["survey: closed"], closed)
    event_id = serving_event_id()  # a phone at a focus group, through the facilitator's laptop
    result = store_response(
        response_id=sent.response_id,
        version=version,
        answers=sent.answers,
        language=sent.language,
        mode=ResponseMode.PHONE if event_id else ResponseMode.ONLINE,
        easy_read=sent.easy_read,
        event_id=event_id,
        session=session,
    )
    if result.outcome == Outcome.REFUSED:
        return _refused(422, list(result.problems))
    if result.outcome == Outcome.CONFLICT:
        # Reported, never merged: the first response with this UUID stays as it was.
        log.warning("Response %s came again with other answers: kept the first", sent.response_id)
        return _refused(
            409,
            ["response_id: already stored with different answers"],
            gettext("These answers were sent before."),
        )
    forget_sent_draft(sent.response_id, session=session)
    db.commit()
    if result.alerts:
        alert_in_background(current_app.config, url_for("safeguarding.queue", _external=True))
    stored = result.outcome == Outcome.STORED
    return jsonify(outcome=result.outcome.value, response_id=str(sent.response_id)), (
        201 if stored else 200
    )


def _refused(status: int, problems: list[str], message: str | None = None):
    """Answer a phone with why nothing was stored, and a sentence it can show."""
    message = message or gettext("We could not take these answers. Please answer the survey again.")
    return jsonify(outcome="refused", problems=problems, message=message), status
