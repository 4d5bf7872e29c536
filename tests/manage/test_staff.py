"""Staff sign-in, the survey list, open and close, and the CSV export."""

import csv
import io

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
    assert "correct horse" not in user.password_hash and user.password_hash.startswith("scrypt")


def test_a_board_member_starts_on_the_dashboard_not_the_officers_survey_list(sign_in):
    client = sign_in(Role.BOARD, "board@example.org")
    response = client.get("/manage/")
    assert response.status_code == 302 and response.location == "/board/"


def test_the_safeguarding_lead_starts_on_the_queue(sign_in):
    client = sign_in(Role.SAFEGUARDING, "lead@example.org")
    response = client.get("/manage/")
    assert response.status_code == 302 and response.location == "/safeguarding/"


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
    assert rows[0]["topics"] == "jobs; home" and rows[0]["helpful"] == "5"
    assert rows[0]["comments"] == '\'=HYPERLINK("http://evil")'
    assert rows[1]["comments"] == "'@SUM(A1)"


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


def test_bootstrap_makes_one_admin_once_and_then_says_so(app, db_session):
    first = app.test_cli_runner().invoke(users_bootstrap)
    second = app.test_cli_runner().invoke(users_bootstrap)
    assert "password:" in first.output and "password:" not in second.output
    assert db_session.exec(select(StaffUser.role)).all() == ["admin"]


def test_users_create_refuses_a_duplicate_email(app):
    runner = app.test_cli_runner()
    args = ["a@example.org", "--role", "board", "--password", "pw-long-enough"]
    assert runner.invoke(users_create, args).exit_code == 0
    again = runner.invoke(users_create, args)
    assert again.exit_code == 1 and "already has an account" in again.output
