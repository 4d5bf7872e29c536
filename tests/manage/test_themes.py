"""Officers keep the partnership's theme list: add, edit, try and delete themes; tag again."""

import pytest
from sqlmodel import Session, select

from app.analysis.text import DEFAULT_THEMES, suggest_themes
from app.models import CommentReading, Role, Theme
from tests.comments.helpers import comment_survey, readings, send_comment
from tests.pages import error_messages, page, submit, text

URL = "/manage/themes"
RISK = "I am scared at home, my step dad hits me"
FORUM = (
    "The parent forum was brilliant and friendly",
    "Thank you, the parent forum was great",
    "We loved the parent forum meetings",
)


@pytest.fixture
def survey(make_survey) -> str:
    return comment_survey(make_survey)


@pytest.fixture
def officer(sign_in, survey):
    return sign_in(Role.OFFICER)


def themes(app) -> dict[str, list[str]]:
    with Session(app.extensions["engine"]) as session:
        rows = session.exec(select(Theme).order_by(Theme.position)).all()
        return {row.name: row.phrases for row in rows}


def edit(officer, name: str) -> str:
    """Press a default theme's Edit button; return its edit page's address."""
    response = submit(officer, URL, {"theme": name}, form_index=list(DEFAULT_THEMES).index(name))
    assert response.status_code == 302 and "/manage/themes/" in response.location
    return response.location


def test_an_officer_sees_the_default_themes_and_the_way_there(officer):
    assert 'href="/manage/themes"' in officer.get("/manage/").get_data(as_text=True)
    body = text(officer.get(URL))
    assert "These are Heard’s default themes." in body
    assert (
        "transport transport, taxi, bus, minibus, escort, travel, driver 0 Edit transport" in body
    )


def test_a_new_theme_joins_the_defaults_and_tags_the_next_comment(officer, app):
    form = {"name": "parent forum", "phrases": "parent forum\n\nparents' group\nparent forum"}
    response = submit(officer, URL, form)
    assert response.status_code == 302
    saved = themes(app)
    assert list(saved) == [*DEFAULT_THEMES, "parent forum"]
    assert saved["parent forum"] == ["parent forum", "parents' group"]
    send_comment(officer, "The parent forum meetings were a lifeline")
    (reading,) = readings(app)
    assert reading.themes == ["parent forum"]
    body = text(officer.get(URL))
    assert "The theme “parent forum” is added." in body
    assert "parent forum parent forum, parents' group 1" in body


@pytest.mark.parametrize(
    ("name", "phrases", "message"),
    [
        ("", "parent forum", "Enter a name for the theme."),
        ("  ", "parent forum", "Enter a name for the theme."),
        ("x" * 81, "parent forum", "Enter a name of 80 characters or fewer."),
        (
            "Transport",
            "parent forum",
            "There is already a theme called “Transport”: choose another name.",
        ),
        ("parent forum", " \n \n", "Enter at least one phrase, one a line."),
        (
            "parent forum",
            "forum\n" + "a" * 81,
            f"Shorten the phrase “{'a' * 30}…” to 80 characters or fewer: it has 81.",
        ),
        ("parent forum", "forum\n!!!", "The phrase “!!!” has no letters or numbers: use words."),
    ],
)
def test_bad_input_is_explained_and_stores_nothing(officer, app, name, phrases, message):
    response = submit(officer, URL, {"name": name, "phrases": phrases})
    assert response.status_code == 400
    assert error_messages(response) == [message]
    assert themes(app) == {}


def test_a_bad_edit_is_explained_and_changes_nothing(officer, app):
    url = edit(officer, "transport")
    response = submit(officer, url, {"name": "waiting times", "phrases": ""}, form_index=0)
    assert response.status_code == 400
    assert error_messages(response) == [
        "There is already a theme called “waiting times”: choose another name.",
        "Enter at least one phrase, one a line.",
    ]
    assert themes(app)["transport"] == list(DEFAULT_THEMES["transport"])


def test_trying_a_comment_shows_the_themes_and_the_phrases_that_match(officer):
    url = edit(officer, "transport")
    body = text(officer.get(url, query_string={"comment": "The taxi was late again"}))
    assert "Heard finds these themes in the comment: waiting times, transport." in body
    assert "Phrases of “transport” that match it: taxi." in body
    body = text(officer.get(url, query_string={"comment": "Lovely staff"}))
    assert "Heard finds no theme in the comment." in body
    assert "No phrase of “transport” matches it." in body


def test_tagging_again_uses_the_new_themes_and_keeps_corrections(client, app, survey, sign_in):
    send_comment(client, "The taxi was late")
    send_comment(client, "The minibus driver was kind")
    with Session(app.extensions["engine"]) as session:
        corrected = session.exec(select(CommentReading).order_by(CommentReading.id)).first()
        corrected.corrected_themes = ["waiting times"]
        session.add(corrected)
        session.commit()
    officer = sign_in(Role.OFFICER)
    form = {"name": "getting there", "phrases": "\n".join(DEFAULT_THEMES["transport"])}
    response = submit(officer, edit(officer, "transport"), form, form_index=0)
    assert response.status_code == 302
    assert [r.themes for r in readings(app)] == [["waiting times", "transport"], ["transport"]]
    response = submit(officer, URL, form_index=-2)
    assert response.status_code == 302
    late, kind = readings(app)
    assert late.themes == ["waiting times", "getting there"] and kind.themes == ["getting there"]
    assert late.corrected_themes == ["waiting times"]
    body = text(officer.get(URL))
    assert "The stored comments are tagged again: 2 comments have new themes." in body
    # The corrected comment counts where the officer put it, not where Heard did.
    assert "getting there transport, taxi, bus, minibus, escort, travel, driver 1" in body


def test_a_deleted_theme_leaves_the_list_but_the_last_one_stays(officer, app):
    response = submit(officer, edit(officer, "transport"), form_index=-1)
    assert response.status_code == 302
    assert "transport" not in themes(app) and len(themes(app)) == len(DEFAULT_THEMES) - 1
    for name in list(themes(app))[:-1]:
        submit(officer, f"{URL}/{_id_of(app, name)}", form_index=-1)
    (last,) = themes(app)
    response = submit(officer, f"{URL}/{_id_of(app, last)}", form_index=-1, follow_redirects=True)
    assert "Keep at least one theme" in text(response)
    assert list(themes(app)) == [last]


def _id_of(app, name: str) -> int:
    with Session(app.extensions["engine"]) as session:
        return session.exec(select(Theme.id).where(Theme.name == name)).one()


def test_a_board_member_may_not_see_or_change_the_themes(sign_in, client, app):
    board = sign_in(Role.BOARD, "board@example.org")
    assert board.get(URL).status_code == 403
    # A real token, so that the role check and not the CSRF check is what refuses.
    token = page(board.get("/board/")).select_one("input[name=csrf_token]")["value"]
    posts = {URL: {"name": "x", "phrases": "y"}, f"{URL}/own": {"theme": "transport"}}
    for url, form in (posts | {f"{URL}/retag": {}}).items():
        assert board.post(url, data=form | {"csrf_token": token}).status_code == 403
    assert themes(app) == {}


def test_suggestions_come_only_from_comments_staff_may_read(client, app, survey, sign_in):
    for comment in (*FORUM, RISK, RISK, RISK):
        send_comment(client, comment)
    assert sum(r.withheld for r in readings(app)) == 3
    # Were the flagged comments counted, their words would be suggested.
    assert ("step dad hits", 3) in suggest_themes([RISK] * 3)
    body = text(sign_in(Role.OFFICER).get(URL))
    assert "parent forum 3 comments Start a theme from “parent forum”" in body
    for words in ("scared", "step dad", "hits"):
        assert words not in body


def test_a_suggestion_fills_in_the_new_theme_form(officer):
    response = officer.get(URL, query_string={"name": "parent forum", "phrases": "parent forum"})
    assert 'value="parent forum"' in response.get_data(as_text=True)
    assert ">parent forum</textarea>" in response.get_data(as_text=True)


def test_suggestions_follow_new_comments_and_new_themes(client, app, survey, sign_in):
    officer = sign_in(Role.OFFICER)
    for comment in FORUM[:2]:
        send_comment(client, comment)
    assert "parent forum" not in text(officer.get(URL))  # twice is not yet a pattern
    send_comment(client, FORUM[2])
    assert "Start a theme from “parent forum”" in text(officer.get(URL))
    submit(officer, URL, {"name": "Forum", "phrases": "parent forum"})
    assert "Start a theme from “parent forum”" not in text(officer.get(URL))
