"""Answers in progress, kept server-side and found by a token in the browser session.

The session also carries a new withdrawal code from the send to the thank-you page.
"""

import secrets
from datetime import timedelta

from flask import session as cookie
from sqlmodel import Session, delete

from app.models import Draft, SurveyVersion, utcnow


def find_draft(slug: str, *, hours: int, session: Session) -> Draft | None:
    """Return this browser's draft for a survey, unless it has expired."""
    token = cookie.get("drafts", {}).get(slug)
    if not token:
        return None
    draft = session.get(Draft, token)
    if draft is None or draft.updated_at < utcnow() - timedelta(hours=hours):
        return None
    return draft


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
    session.delete(draft)
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
