"""Answers in progress, kept server-side and found by a token in the browser session.

The session also carries a new withdrawal code from the send to the thank-you page.
"""

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import session as cookie
from sqlalchemy import Engine, and_, bindparam
from sqlalchemy.orm import defer
from sqlmodel import Session, delete, select

from app.db import PlainQuery
from app.models import Draft, Survey, SurveyState, SurveyVersion, utcnow


def find_draft(slug: str, *, hours: int, session: Session) -> Draft | None:
    """Return this browser's draft for a survey, unless it has expired."""
    token = cookie.get("drafts", {}).get(slug)
    if not token:
        return None
    return _unexpired(session.get(Draft, token), hours)


def _unexpired(draft: Draft | None, hours: int) -> Draft | None:
    if draft is None or _expired(draft.updated_at, hours):
        return None
    return draft


def _expired(updated_at: datetime, hours: int) -> bool:
    return updated_at < utcnow() - timedelta(hours=hours)


@dataclass(frozen=True)
class TakingAnswers:
    """A survey version that takes answers, as storing a response reads it (responses.py).

    Its definition must already be parsed in this process (definitions.known_definition).
    """

    id: int
    survey_id: int
    content_hash: str
    accepting: bool = True


@dataclass(frozen=True)
class Visit:
    """A survey in progress, as a question page or a send needs it: read, never changed."""

    slug: str
    version: TakingAnswers
    answers: dict
    token: str
    response_id: uuid.UUID


# Plain columns on the driver's cursor: the ORM's objects, identity map and session
# transaction cost four times the query, and question pages and sends only read here.
_VISIT = PlainQuery(
    select(
        SurveyVersion.id,
        SurveyVersion.survey_id,
        SurveyVersion.content_hash,
        Draft.answers,
        Draft.updated_at,
        Draft.response_id,
    )
    .select_from(Survey)
    .join(SurveyVersion, SurveyVersion.survey_id == Survey.id)
    .join(Draft, Draft.survey_version_id == SurveyVersion.id)
    .where(Draft.token == bindparam("token"))
    .where(Survey.slug == bindparam("slug"))
    # Asked of the database, so no row means "explain" and no column needs converting.
    .where(Survey.state == SurveyState.OPEN.value, SurveyVersion.accepting.is_(True))
)


def visit(slug: str, *, hours: int, on: Engine | Session) -> Visit | None:
    """Return this browser's unexpired draft of an open survey whose version takes answers.

    None for anything else (no draft, a closed survey, a replaced version): the ORM path
    (survey_and_draft) says which, and shows the page that explains it. A page that only
    reads passes the engine; a send passes its session, which writes on the same connection.
    """
    token = cookie.get("drafts", {}).get(slug)
    return visit_by_token(slug, token, hours=hours, on=on) if token else None


def visit_by_token(slug: str, token: str, *, hours: int, on: Engine | Session) -> Visit | None:
    """Return the Visit of the draft with this token, as visit() does, without Flask."""
    row = _VISIT.first(on, slug=slug, token=token)
    if row is None or _expired(row.updated_at, hours):
        return None
    version = TakingAnswers(row.id, row.survey_id, row.content_hash)
    return Visit(slug, version, row.answers, token, row.response_id)


def visit_of(slug: str, draft: Draft, version: SurveyVersion) -> Visit:
    """Return the Visit an ORM draft and its version make (pages after a POST)."""
    taking = TakingAnswers(version.id, version.survey_id, version.content_hash, version.accepting)
    return Visit(slug, taking, draft.answers, draft.token, draft.response_id)


# Built once with bound parameters: building the statement anew cost as much as running it.
_SURVEY_AND_DRAFT = (
    select(Survey, Draft, SurveyVersion)
    .where(Survey.slug == bindparam("slug"))
    # A token with no draft (or none at all) still finds the survey: outer joins.
    .outerjoin(SurveyVersion, SurveyVersion.survey_id == Survey.id)
    .outerjoin(
        Draft,
        and_(Draft.survey_version_id == SurveyVersion.id, Draft.token == bindparam("token")),
    )
    .order_by(Draft.token.is_(None))  # the row with the draft first
    .limit(1)
    # The definition is parsed once per version (definition_of); reading its JSON on every
    # page was a tenth of the page's time.
    .options(defer(SurveyVersion.definition))
)


def survey_and_draft(
    slug: str, *, hours: int, session: Session
) -> tuple[Survey | None, Draft | None, SurveyVersion | None]:
    """Return a survey, this browser's unexpired draft of it and the draft's version, in one query.

    Every question page needs all three; one round trip instead of three is most of the
    database's share of the page. Draft and version are None when there is no draft.
    """
    token = cookie.get("drafts", {}).get(slug)
    row = session.exec(_SURVEY_AND_DRAFT, params={"slug": slug, "token": token}).first()
    if row is None:
        return None, None, None
    survey, draft, version = row
    draft = _unexpired(draft, hours) if token else None
    return survey, draft, version if draft is not None else None


def start_draft(
    slug: str,
    version: SurveyVersion,
    *,
    hours: int,
    session: Session,
) -> Draft:
    """Begin a new draft, remembered only for this browser session."""
    # Drafts nobody came back to are deleted, so abandoned answers are not kept.
    session.exec(delete(Draft).where(Draft.updated_at < utcnow() - timedelta(hours=hours)))
    draft = Draft(token=secrets.token_urlsafe(32), survey_version_id=version.id)
    session.add(draft)
    session.flush()
    cookie["drafts"] = {**cookie.get("drafts", {}), slug: draft.token}
    return draft


def save_answer(draft: Draft, key: str, value) -> None:
    """Record one answer in the draft (a new dict, so the JSON column sees the change)."""
    draft.answers = {**draft.answers, key: value}
    draft.updated_at = utcnow()


def forget_draft(slug: str, token: str, *, session: Session) -> None:
    """Delete a sent draft and drop its token from the browser session."""
    # One Core DELETE now, while SQLite's write lock is held: no ORM unit of work.
    session.connection().execute(_FORGET, {"token": token})
    cookie["drafts"] = {k: v for k, v in cookie.get("drafts", {}).items() if k != slug}


_FORGET = delete(Draft.__table__).where(Draft.__table__.c.token == bindparam("token"))


def discard_draft(slug: str, *, session: Session) -> None:
    """Delete this browser's draft for a survey, expired or not, and forget its token."""
    token = cookie.get("drafts", {}).get(slug)
    if token:
        session.exec(delete(Draft).where(Draft.token == token))
    cookie["drafts"] = {k: v for k, v in cookie.get("drafts", {}).items() if k != slug}


def remember_code(slug: str, code: str) -> None:
    """Keep a new withdrawal code for the thank-you page, which shows it once."""
    cookie["codes"] = {**cookie.get("codes", {}), slug: code}


def take_code(slug: str) -> str | None:
    """Return the withdrawal code waiting for this survey's thank-you page, and forget it.

    Shown once: the next person on a shared computer must not find it by reloading.
    """
    codes = cookie.get("codes", {})
    if slug not in codes:
        return None
    cookie["codes"] = {k: v for k, v in codes.items() if k != slug}
    return codes[slug]


def forget_sent_draft(response_id, *, session: Session) -> None:
    """Delete the draft a phone finished offline, found by its response's UUID."""
    # The phone may have lost its session cookie by now; the UUID came with its signed token.
    session.exec(delete(Draft).where(Draft.response_id == response_id))
