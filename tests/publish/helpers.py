"""Many responses at once, stored as the journey stores them."""

import uuid

from sqlmodel import Session

from app.responses import Outcome, store_response
from tests.conftest import newest_version


def store_many(app, slug: str, answers: list[dict]) -> None:
    """Store one response per answer set in the survey's newest version."""
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        version = newest_version(session, slug)
        for given in answers:
            result = store_response(
                response_id=uuid.uuid4(),
                version=version,
                answers=given,
                language="en",
                mode="online",
                session=session,
            )
            assert result.outcome == Outcome.STORED, result
        session.commit()


def review(had_review="yes", helpful="4", who="family", comments=None) -> dict:
    """Return one answer set for the sample survey (tests/samples.py ALL_TYPES)."""
    found = {"had_review": had_review, "topics": ["school"], "who": who, "age": "15"}
    if had_review == "yes":
        found["helpful"] = helpful
    if comments is not None:
        found["comments"] = comments
    return found
