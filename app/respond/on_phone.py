"""Answers kept on a phone that lost its signal: the rules it checks, its token, what it sends.

The phone's worker (static/offline-worker.js) answers pages from its cache while there is no
signal, then sends the whole response to `/s/<slug>/answers`. The server checks it again with
the same rules as the online journey (`responses.store_response`) and stores it by UUID.
"""

import uuid
from collections.abc import Collection
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeSerializer

from app.definitions import QuestionDef, SurveyDef
from app.definitions.routing import Answers

SALT = "heard-phone-send"
MAX_ANSWERS = 200
MAX_TEXT = 5000
MAX_CHOICES = 100


def send_token(secret: str, response_id: uuid.UUID, version_id: int) -> str:
    """Sign a response's UUID and survey version, so the phone can send them later.

    This token stands in for the session's CSRF token: the browser session (and with it the
    CSRF secret) may be gone by the time the signal returns, but the answers must still go.
    """
    return URLSafeSerializer(secret, salt=SALT).dumps({"r": str(response_id), "v": version_id})


def read_token(secret: str, token: str) -> tuple[str, int] | None:
    """Return the (response UUID, version id) a token was signed for, or None if forged."""
    try:
        data = URLSafeSerializer(secret, salt=SALT).loads(token)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("v"), int):
        return None
    return data.get("r"), data["v"]


def question_rules(question: QuestionDef) -> dict:
    """Return what the phone needs to route and check one question without the server."""
    rule = question.show_if
    return {
        "key": question.key,
        "type": question.type,
        "required": question.required,
        "values": list(question.values()),
        "min": question.min,
        "max": question.max,
        "max_length": question.max_length,
        "show_if": {"question": rule.question, "answers": rule.answers} if rule else None,
        "under_answer": question.under_answer,
        "exclusive": list(question.exclusive_values()),
    }


def survey_rules(survey: SurveyDef) -> list[dict]:
    """Return every question's rules, in order."""
    return [question_rules(q) for q in survey.questions]


@dataclass(frozen=True)
class Sent:
    """A whole response as the phone sent it, its shape checked (not yet its answers)."""

    response_id: uuid.UUID
    version_id: int
    answers: Answers
    language: str
    easy_read: bool


def read_sent(payload: object, *, secret: str, languages: Collection[str]) -> Sent | list[str]:
    """Check the shape of what a phone sent; return it, or the problems (nothing is stored)."""
    if not isinstance(payload, dict):
        return ["expected a JSON object"]
    problems = []
    response_id = _uuid(payload.get("response_id"))
    if response_id is None:
        problems.append("response_id: expected a UUID")
    token = payload.get("token")
    signed = read_token(secret, token) if isinstance(token, str) else None
    if signed is None or (response_id is not None and signed[0] != str(response_id)):
        problems.append("token: not signed for this response")
    answers = payload.get("answers")
    problems += [f"answers: {p}" for p in _answer_shape(answers)]
    language = payload.get("language")
    if language not in languages:
        problems.append("language: not one of this site's languages")
    easy = payload.get("easy_read", False)
    if not isinstance(easy, bool):
        problems.append("easy_read: expected true or false")
    if problems:
        return problems
    return Sent(response_id, signed[1], answers, language, easy)


def _uuid(value: object) -> uuid.UUID | None:
    if not isinstance(value, str) or len(value) != 36:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _answer_shape(answers: object) -> list[str]:
    if not isinstance(answers, dict):
        return ["expected an object of question keys and answers"]
    if len(answers) > MAX_ANSWERS:
        return [f"more than {MAX_ANSWERS} answers"]
    problems = []
    for key, value in answers.items():
        if len(key) > 64:
            problems.append("a question key is too long")
        elif value is None or (isinstance(value, str) and len(value) <= MAX_TEXT):
            continue
        elif isinstance(value, list) and len(value) <= MAX_CHOICES:
            if not all(isinstance(item, str) and len(item) <= 64 for item in value):
                problems.append(f"{key}: each choice must be a short string")
        else:
            problems.append(f"{key}: expected a string, a list of strings or null")
    return problems
