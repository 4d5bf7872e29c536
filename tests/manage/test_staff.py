"""Staff sign-in, the survey list, open and close, the CSV export, and the users commands."""

import csv
import io
import re
from datetime import timedelta

import pytest
from sqlmodel import select

from app.cli import responses_export, users_bootstrap, users_create
from app.export import neutralise
from app.models import Role, StaffUser
from tests.conftest import survey_by_slug
from tests.journey import answer_through, start
from tests.pages import error_messages, page, submit, text
from tests.samples import ALL_TYPES


def send_one(client, slug, comment):
    answers = (
        {"answer": "yes"},
        {"answer": "5"},
        {"answer": ["jobs", "home"]},
        {"answer": "family"},
        {"answer": "16"},
        {"answer": comment},
    )
    submit(client, answer_through(client, start(client, slug), answers))


def test_staff_pages_ask_for_sign_in(client):
    response = client.get("/manage/")
    assert response.status_code == 302 and "/manage/sign-in" in response.location


def test_a_wrong_password_is_refused_with_a_message(client, sign_in, app):
    sign_in()
    client.post(
        "/manage/sign-out",
        data={
            "csrf_token": page(client.get("/manage/")).select_one("input[name=csrf_token]")["value"]
        },
    )
    response = submit(client, "/manage/sign-in", {"email": "officer@example.org", "password": "x"})
    assert error_messages(response) == ["The email address or password is not right."]
    assert client.get("/manage/").status_code == 302


def test_passwords_are_stored_hashed(sign_in, db_session):
    sign_in()
    user = db_session.exec(select(StaffUser)).one()
    assert "correct horse" not in user.password_hash and user.password_hash.startswith("scrypt:")


def test_a_board_member_cannot_see_the_officers_survey_list(sign_in):
    client = sign_in(Role.BOARD, "board@example.org")
    assert client.get("/manage/").status_code == 403


def test_the_survey_list_shows_state_version_and_response_counts(client, sign_in, make_survey):
    slug = make_survey(ALL_TYPES)
    send_one(client, slug, "Fine")
    officer = sign_in()
    rows = {
        r.select_one("th").get_text(strip=True): [td.get_text(strip=True) for td in r.select("td")]
        for r in page(officer.get("/manage/")).select("tbody tr")
    }
    assert rows["Your review"][:3] == ["open", "1", "1"]
    assert rows["Our young people's group"][:3] == ["open", "1", "0"]


def test_closing_then_opening_a_survey(sign_in, db_session):
    officer = sign_in()
    submit(officer, "/manage/", form_index=0)
    db_session.expire_all()
    survey = survey_by_slug(db_session, "co-production-group")
    assert survey.state == "closed" and survey.closed_at is not None
    response = submit(officer, "/manage/", form_index=0, follow_redirects=True)
    assert "The survey is now open." in text(response)
    db_session.expire_all()
    assert survey_by_slug(db_session, "co-production-group").state == "open"


def test_csv_has_one_row_per_response_one_column_per_question_and_no_formulas(
    client, sign_in, make_survey
):
    slug = make_survey(ALL_TYPES)
    send_one(client, slug, '=HYPERLINK("http://evil")')
    send_one(client, slug, "@SUM(A1)")
    officer = sign_in()
    response = officer.get(f"/manage/surveys/{slug}/responses.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 2
    assert list(rows[0])[6:] == ["had_review", "helpful", "topics", "who", "age", "comments"]
    # Both arrived in the same hour, the closest a response's time is kept: any order.
    by_comment = {row["comments"]: row for row in rows}
    assert set(by_comment) == {'\'=HYPERLINK("http://evil")', "'@SUM(A1)"}
    first = by_comment['\'=HYPERLINK("http://evil")']
    assert first["topics"] == "jobs; home" and first["helpful"] == "5"


def test_every_dangerous_first_character_is_neutralised():
    for start_char in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(start_char + "1+1").startswith("'")
    assert neutralise("Fine") == "Fine"


def test_the_export_command_writes_the_same_csv(app, client, make_survey):
    slug = make_survey(ALL_TYPES)
    send_one(client, slug, "-2+3")
    result = app.test_cli_runner().invoke(responses_export, ["--survey", slug])
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.output)))
    assert len(rows) == 2 and rows[1][-1] == "'-2+3"


def test_the_export_command_names_an_unknown_survey(app):
    result = app.test_cli_runner().invoke(responses_export, ["--survey", "nope"])
    assert result.exit_code == 1 and 'There is no survey called "nope".' in result.output


def test_bootstrap_makes_one_admin_once_and_then_says_so(app, db_session, client):
    first = app.test_cli_runner().invoke(users_bootstrap)
    password = re.search(r"password: (\S+)", first.output).group(1)
    submit(client, "/manage/sign-in", {"email": "admin@localhost", "password": "wrong"})
    sign_in = submit(client, "/manage/sign-in", {"email": "admin@localhost", "password": password})
    assert sign_in.status_code == 302
    second = app.test_cli_runner().invoke(users_bootstrap)
    assert "password:" in first.output and "password:" not in second.output
    assert db_session.exec(select(StaffUser.role)).all() == ["admin"]


def test_the_bootstrap_admin_must_choose_a_new_password_before_anything_else(app, client):
    password = re.search(r"password: (\S+)", app.test_cli_runner().invoke(users_bootstrap).output)
    submit(client, "/manage/sign-in", {"email": "admin@localhost", "password": password.group(1)})
    for url in ("/manage/", "/manage/people", "/board/", "/safeguarding/"):
        assert client.get(url).location == "/manage/account/password", url
    new = "quiet meadow copper violin"
    response = submit(
        client,
        "/manage/account/password",
        {"current": password.group(1), "password": new, "confirm": new},
    )
    assert response.location == "/manage/account"
    assert client.get("/manage/people").status_code == 200


def test_the_bootstrap_password_expires_after_24_hours(app, client, db_session):
    output = app.test_cli_runner().invoke(users_bootstrap).output
    password = re.search(r"password: (\S+)", output).group(1)
    admin = db_session.exec(select(StaffUser)).one()
    assert admin.password_expires_at - admin.created_at == timedelta(hours=24)
    admin.password_expires_at = admin.created_at - timedelta(minutes=1)
    db_session.commit()
    response = submit(client, "/manage/sign-in", {"email": "admin@localhost", "password": password})
    assert error_messages(response)[0].startswith("This one-time password has expired.")
    again = app.test_cli_runner().invoke(users_bootstrap).output  # a new one, while unused
    fresh = re.search(r"password: (\S+)", again).group(1)
    ok = submit(client, "/manage/sign-in", {"email": "admin@localhost", "password": fresh})
    assert ok.status_code == 302


def test_users_create_reads_the_password_from_standard_input(app, db_session):
    runner = app.test_cli_runner()
    result = runner.invoke(
        users_create,
        ["A@Example.org", "--role", "board", "--password-stdin"],
        input="plum kettle orbit lantern\n",
    )
    assert result.exit_code == 0, result.output
    user = db_session.exec(select(StaffUser)).one()
    assert (user.email, user.role) == ("a@example.org", "board")
    assert "plum" not in user.password_hash
    again = runner.invoke(
        users_create, ["a@example.org", "--password-stdin"], input="plum kettle orbit lantern\n"
    )
    assert again.exit_code == 1 and "already has an account" in again.output


def test_users_create_prompts_twice_for_the_password(app, db_session):
    result = app.test_cli_runner().invoke(
        users_create,
        ["b@example.org"],
        input="plum kettle orbit lantern\nplum kettle orbit lantern\n",
    )
    assert result.exit_code == 0, result.output
    assert "plum" not in result.output
    assert db_session.exec(select(StaffUser.email)).all() == ["b@example.org"]


def test_users_create_takes_no_password_argument(app):
    result = app.test_cli_runner().invoke(
        users_create, ["c@example.org", "--password", "plum kettle orbit lantern"]
    )
    assert result.exit_code == 2 and "No such option" in result.output


@pytest.mark.parametrize(
    ("email", "password", "says"),
    [
        ("d@example.org", "a", "at least 12 characters"),
        ("d@example.org", "", "at least 12 characters"),
        ("not an email", "plum kettle orbit lantern", "Enter an email address like"),
        ("d@example.org", "qazwsxedcrfv", "list of common passwords"),
        ("d@example.org", "iloveyou1234", "too easy to guess"),
        ("dave.smith@example.org", "dave.smith rules ok", "email address"),
    ],
)
def test_users_create_refuses_a_bad_email_or_password_and_stores_nothing(
    app, db_session, email, password, says
):
    result = app.test_cli_runner().invoke(
        users_create, [email, "--password-stdin"], input=password + "\n"
    )
    assert result.exit_code == 1 and says in result.output
    assert db_session.exec(select(StaffUser)).all() == []
