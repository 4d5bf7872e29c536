"""Withdrawal codes: shown once after sending, so a person can later take their answers back.

A code is 8 characters from an alphabet without characters that look or sound alike (no O
or 0, I, L or 1, S or 5, B or 8, G, U or Z), grouped 4-4 to read aloud: "K7QP-M2XD". It is
random, never made from the response's id, and only its SHA-256 is stored. 24 ** 8 is about
10 ** 11 codes: finding somebody else's by guessing means asking staff millions of times.
"""

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, select
from sqlmodel import Session

from app.audit import record
from app.clock import london_month_of
from app.definitions import definition_of
from app.kpis.counts import uncount_response
from app.models import Answer, CommentReading, Response, Survey, SurveyVersion
from app.retention.erase import erase, with_open_alert

ALPHABET = "ACDEFHJKMNPQRTVWXY234679"
LENGTH = 8
# Spaces, dashes of any kind and dots people type between the groups.
SEPARATORS = re.compile(r"[\s\-‐‑‒–—.]+")


def new_code() -> str:
    """Return a fresh random code, without its dash."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def shown(code: str) -> str:
    """Return a code as people read it: two groups of four."""
    return f"{code[:4]}-{code[4:]}"


def normalise(typed: str) -> str | None:
    """Return the code a person typed, in capitals without separators; None if not a code."""
    code = SEPARATORS.sub("", typed or "").upper()
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def code_hash(code: str) -> str:
    """Return what is stored for a (normalised) code."""
    return hashlib.sha256(code.encode("ascii")).hexdigest()


# Asked on every send: built once and run on the connection, not through the ORM.
_TAKEN = select(Response.__table__.c.id).where(
    Response.__table__.c.withdrawal_hash == bindparam("hash")
)


def unused_code(*, session: Session) -> str:
    """Return a code no stored response has yet (a clash is rare, but possible in millions)."""
    connection = session.connection()
    while True:
        code = new_code()
        if connection.execute(_TAKEN, {"hash": code_hash(code)}).first() is None:
            return code


@dataclass(frozen=True)
class Found:
    """A response found by its code, described without any of its answers."""

    response_id: uuid.UUID
    survey_title: str
    slug: str
    submitted_at: datetime
    answers: int
    alert_open: bool


def find(code: str, *, session: Session) -> Found | None:
    """Return the response with this (normalised) code, or None."""
    response = session.scalar(select(Response).where(Response.withdrawal_hash == code_hash(code)))
    if response is None:
        return None
    version = session.get(SurveyVersion, response.survey_version_id)
    survey = session.get(Survey, version.survey_id)
    answers = session.scalar(
        select(func.count()).select_from(Answer).where(Answer.response_id == response.id)
    )
    alert = session.scalar(with_open_alert().where(CommentReading.response_id == response.id))
    return Found(
        response.id,
        definition_of(version).title,
        survey.slug,
        response.submitted_at,
        answers,
        alert is not None,
    )


def withdraw(found: Found, *, staff_id: int, session: Session) -> bool:
    """Delete a response found by its code, take it off the KPI counts, and record who did it.

    Return False, changing nothing, if it is gone or its safeguarding alert is open (flush only).
    """
    response = session.get(Response, found.response_id)
    if response is None:
        return False
    version = session.get(SurveyVersion, response.survey_version_id)
    values: dict[str, list[str]] = {}
    for key, value in session.execute(
        select(Answer.question_key, Answer.value).where(Answer.response_id == response.id)
    ):
        values.setdefault(key, []).append(value)
    this_one = select(Response.id).where(
        Response.id == response.id, Response.id.not_in(with_open_alert())
    )
    erased = erase(this_one, session=session)
    if not erased.responses:
        return False
    uncount_response(version.survey_id, values, found.submitted_at, session=session)
    # No answer text, and no code: which survey, which month, and any closed alerts with it.
    record(
        "withdrew",
        f"survey:{found.slug}",
        staff_id=staff_id,
        session=session,
        sent=london_month_of(found.submitted_at),
        alerts=erased.alerts,
    )
    return True
