"""Send a response with a comment through the journey, as a young person would."""

from sqlmodel import Session, select

from app.models import CommentReading, SafeguardingAlert
from tests.journey import SHORTEST, answer_through, start
from tests.pages import page, submit
from tests.samples import ALL_TYPES

SLUG = "review-comments"


def comment_survey(make_survey) -> str:
    """Load the sample survey, whose last question asks for a comment; return its slug."""
    return make_survey(ALL_TYPES, slug=SLUG)


def send_comment(client, comment: str, slug: str = SLUG) -> None:
    """Answer the sample survey with this comment and send it, as a respondent would."""
    url = answer_through(client, start(client, slug), (*SHORTEST[:-1], {"answer": comment}))
    response = submit(client, url)
    assert response.status_code == 302 and response.location.endswith("/sent")


def readings(app) -> list[CommentReading]:
    """Return every stored comment reading."""
    with Session(app.extensions["engine"]) as session:
        return list(session.exec(select(CommentReading).order_by(CommentReading.id)).all())


def alerts(app) -> list[SafeguardingAlert]:
    """Return every safeguarding alert."""
    with Session(app.extensions["engine"]) as session:
        return list(session.exec(select(SafeguardingAlert).order_by(SafeguardingAlert.id)).all())


def moderate(client, url: str, fields: dict, *, form_index: int = -1):
    """Send one comment's moderation form on the comments page, naming fields without the
    form's prefix ("sentiment" for "c12-sentiment")."""
    form = page(client.get(url)).select("main form[method=post]")[form_index]
    prefix = form.select_one("input[name$='-redactions_shown']")["name"].split("-")[0]
    return submit(
        client, url, {f"{prefix}-{k}": v for k, v in fields.items()}, form_index=form_index
    )
