"""Errors: malformed addresses are not found, and no error log holds what someone typed."""

import logging

import pytest
from sqlalchemy import text as sql
from sqlmodel import func, select

from app.errors import scrubbed
from app.models import Answer, Draft, Response, Role
from tests.journey import SHORTEST, answer, answer_through, start
from tests.pages import submit, text
from tests.samples import ALL_TYPES

TOO_BIG = "9" * 30  # no integer column holds it


@pytest.mark.parametrize(
    "url",
    [
        "/s/post-14-review%00",
        "/s/post-14-review/q/%00",
        "/s/%1b%5b31m",
        f"/you-said-we-did/post-14-review/{TOO_BIG}",
        f"/you-said-we-did/post-14-review/{2**31}",
        "/you-said-we-did/post-14-review/٣",  # a digit, but no such report
    ],
)
def test_a_malformed_public_address_is_not_found(client, url):
    response = client.get(url)
    assert response.status_code == 404 and "Page not found" in text(response)


@pytest.mark.parametrize(
    "url",
    [
        f"/board/kpis/{TOO_BIG}",
        f"/board/kpis/{TOO_BIG}/edit",
        f"/board/kpis/{2**31}/chart.svg",
        f"/manage/actions/{TOO_BIG}",
        f"/safeguarding/alerts/{TOO_BIG}",
        "/manage/surveys/%00/actions",
    ],
)
def test_a_malformed_staff_address_is_not_found(sign_in, url):
    response = sign_in(Role.ADMIN, "admin@example.org").get(url)
    assert response.status_code == 404


def test_an_error_while_sending_logs_no_answer_text(app, client, make_survey, db_session, caplog):
    # A real failure: the answer table is gone when the answers are stored.
    app.config["PROPAGATE_EXCEPTIONS"] = False
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST[:4])
    words = "My key worker Zebediah never rings back"
    url = answer(client, url, {"answer": words})
    engine = app.extensions["engine"]
    with engine.begin() as connection:
        connection.execute(sql("ALTER TABLE answer RENAME TO answer_away"))
    try:
        with caplog.at_level(logging.DEBUG):
            response = submit(client, url)
    finally:
        with engine.begin() as connection:
            connection.execute(sql("ALTER TABLE answer_away RENAME TO answer"))
    assert response.status_code == 500 and "Nothing was saved" in text(response)
    logged = caplog.text + "".join(str(record.__dict__) for record in caplog.records)
    assert f"/s/{slug}/send [POST]" in logged and "sqlalchemy.exc." in logged  # it was logged
    for word in ("Zebediah", "key worker", "never rings"):
        assert word not in logged
    db_session.expire_all()
    assert db_session.exec(select(func.count()).select_from(Response)).one() == 0
    assert db_session.exec(select(func.count()).select_from(Answer)).one() == 0
    assert db_session.exec(select(Draft)).one().answers["comments"] == words


def test_a_logged_traceback_names_each_exception_but_not_its_message():
    typed = "".join(["Zebe", "diah"])  # so no line of this file holds the words
    try:
        try:
            int(typed)
        except ValueError as error:
            raise RuntimeError(typed) from error
    except RuntimeError as error:
        logged = scrubbed(error)
    assert "builtins.ValueError" in logged and "builtins.RuntimeError" in logged
    assert "test_errors.py" in logged and "int(typed)" in logged
    assert "Zebediah" not in logged
