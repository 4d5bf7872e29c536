"""Answers in progress, kept server-side and found by a token in the browser session.

The session also carries a new withdrawal code from the send to the thank-you page.
"""

import secrets
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
class Visit:
    """What a question page needs to know of a survey in progress: read, never changed."""

    slug: str
    version_id: int
    content_hash: str  # finds the parsed definition (definitions.known_definition)
    answers: dict


# Plain columns on the driver's cursor: the ORM's objects, identity map and session
# transaction cost four times the query, and a question page only reads.
_VISIT = PlainQuery(
    select(
        Survey.state,
        SurveyVersion.id,
        SurveyVersion.content_hash,
        SurveyVersion.accepting,
        Draft.answers,
        Draft.updated_at,
    )
    .select_from(Survey)
    .join(SurveyVersion, SurveyVersion.survey_id == Survey.id)
    .join(Draft, Draft.survey_version_id == SurveyVersion.id)
    .where(Draft.token == bindparam("token"))
    .where(Survey.slug == bindparam("slug"))
)


def visit(slug: str, *, hours: int, engine: Engine) -> Visit | None:
    """Return this browser's unexpired draft of an open survey whose version takes answers.

    None for anything else (no draft, a closed survey, a replaced version): the ORM path
    (survey_and_draft) says which, and shows the page that explains it.
    """
    token = cookie.get("drafts", {}).get(slug)
    if not token:
        return None
    row = _VISIT.first(engine, slug=slug, token=token)
    if row is None or row.state != SurveyState.OPEN or not row.accepting:
        return None
    if _expired(row.updated_at, hours):
        return None
    return Visit(slug, row.id, row.content_hash, row.answers)


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


def forget_draft(slug: str, draft: Draft, *, session: Session) -> None:
    """Delete a sent draft and drop its token from the browser session."""
    # One DELETE now, not the ORM's unit of work at commit, while SQLite's write lock is held.
    session.execute(delete(Draft).where(Draft.token == draft.token))
    session.expunge(draft)
    cookie["drafts"] = {k: v for k, v in cookie.get("drafts", {}).items() if k != slug}


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
