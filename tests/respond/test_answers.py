"""Answering as a young person would: "None of these" on its own, a number's range said first,
their own words under "another way", and a short check page grouped by section."""

import logging

from sqlmodel import select

from app.models import Answer, CommentReading, Draft
from tests.journey import answer, start
from tests.pages import error_messages, page, squash, submit, text

NONE_ALONE = "Choose \u201cNone of these\u201d on its own, or untick it."
WORDS = "Genderfluid, some days"


def valid(soup) -> dict:
    """Return an answer the question page takes: the first choice, a number or a few words."""
    kind = soup.select_one("form[data-type]")["data-type"]
    if kind in ("single", "multiple", "scale", "yesno"):
        return {"answer": soup.select_one("input[name=answer]")["value"]}
    return {"answer": "16" if kind == "number" else "It was fine."}


def walk_to(client, slug: str, key: str | None, *, chosen: dict | None = None) -> str:
    """Answer every page up to the question with this key (None: the check page)."""
    url = start(client, slug)
    while "/q/" in url and not url.endswith(f"/q/{key}"):
        here = url.rsplit("/q/", 1)[1]
        url = answer(client, url, (chosen or {}).get(here) or valid(page(client.get(url))))
    return url


def captions(client, slug: str, chosen: dict) -> list[tuple[int, int]]:
    """Walk a survey to the check page; return each page's "Question N of M"."""
    seen = []
    url = start(client, slug)
    while "/q/" in url:
        soup = page(client.get(url))
        number, total = squash(soup.select_one(".caption span").get_text()).split()[1::2]
        seen.append((int(number), int(total)))
        url = answer(client, url, chosen.get(url.rsplit("/q/", 1)[1]) or valid(soup))
    return seen


# ---- "None of these" goes on its own ------------------------------------------------------


def test_none_of_these_with_other_answers_is_refused_beside_the_question_and_nothing_kept(
    client, db_session
):
    url = walk_to(client, "post-14-review", "pathways_heard")
    before = db_session.exec(select(Draft.answers)).one()
    response = submit(client, url, {"answer": ["job", "none"]})
    assert response.status_code == 200
    assert error_messages(response) == [NONE_ALONE]
    beside = page(response).select_one("fieldset .error-message")
    assert squash(beside.get_text()) == f"Error: {NONE_ALONE}"
    db_session.expire_all()
    assert db_session.exec(select(Draft.answers)).one() == before


def test_none_of_these_on_its_own_is_kept(client):
    url = walk_to(client, "post-14-review", "pathways_heard")
    assert answer(client, url, {"answer": "none"}).endswith("/q/age")


def test_the_page_marks_none_of_these_for_the_script_that_unticks_the_others(client):
    url = walk_to(client, "post-14-review", "pathways_heard")
    soup = page(client.get(url))
    assert [i["value"] for i in soup.select("input[data-exclusive]")] == ["none"]
    assert any("answers.js" in s["src"] for s in soup.select("script[src]"))


# ---- A number's range, said before anyone gets it wrong -----------------------------------


def test_a_number_question_says_its_range_before_anyone_types(client):
    url = walk_to(client, "post-14-review", "age")
    hint = squash(page(client.get(url)).select_one(".hint").get_text())
    assert hint.startswith("Enter a number from 13 to 25.")


def test_the_range_is_said_in_easy_read_and_in_welsh_too(client):
    url = walk_to(client, "post-14-review", "age")
    assert "Enter a number from 13 to 25." in text(client.get(url + "?easy=1"))
    welsh = text(client.get(url + "?lang=cy"))
    assert "Enter a number from" not in welsh and "13" in welsh and "25" in welsh


# ---- Gender: what it asks, and the person's own words ----------------------------------------


def test_the_gender_question_says_what_it_asks_and_explains_non_binary_in_easy_read(client):
    url = walk_to(client, "co-production-group", "gender")
    assert "Which of these describes your gender?" in text(client.get(url))
    easy = text(client.get(url + "?easy=1"))
    assert "What is your gender?" in easy
    assert "Non-binary means you feel you are not only a boy or a girl." in easy


def test_another_way_has_a_box_for_their_own_words_right_under_it_without_javascript(client):
    url = walk_to(client, "co-production-group", "gender")
    soup = page(client.get(url))
    box = soup.select_one("fieldset .choice-box input[name=words_gender_own_words]")
    assert box is not None and box.get("maxlength") == "100" and "hidden" not in box.attrs
    assert squash(soup.select_one(f"label[for={box['id']}]").get_text()) == "Your own words"
    choice = soup.select_one(".choice-box").find_previous_sibling(class_="choice")
    assert choice.select_one("input")["value"] == "another_way"


def test_their_own_words_are_sent_as_free_text_and_never_logged(client, db_session, caplog):
    caplog.set_level(logging.DEBUG)
    url = walk_to(client, "co-production-group", "gender")
    url = answer(client, url, {"answer": "another_way", "words_gender_own_words": f"  {WORDS} "})
    url = answer(client, url, {"answer": "No more to say."})
    check = page(client.get(url))
    row = next(r for r in check.select(".summary-row") if "Your own words" in r.get_text())
    assert WORDS in row.select_one(".answer").get_text()
    assert row.select_one(".change a")["href"].endswith("/q/gender?change=1")
    submit(client, url)
    stored = db_session.exec(select(Answer).where(Answer.question_key == "gender_own_words")).one()
    assert stored.value == WORDS
    read = db_session.exec(select(CommentReading).where(CommentReading.answer_id == stored.id))
    assert read.one().question_key == "gender_own_words"
    assert WORDS not in caplog.text and "Genderfluid" not in caplog.text


def test_words_typed_under_another_answer_are_dropped(client, db_session):
    url = walk_to(client, "co-production-group", "gender")
    answer(client, url, {"answer": "girl", "words_gender_own_words": WORDS})
    db_session.expire_all()
    kept = db_session.exec(select(Draft.answers)).one()
    assert kept["gender"] == "girl" and kept["gender_own_words"] is None


def test_words_too_long_for_the_box_are_refused_and_nothing_kept(client, db_session):
    url = walk_to(client, "co-production-group", "gender")
    response = submit(client, url, {"answer": "another_way", "words_gender_own_words": "x" * 101})
    assert error_messages(response) == [
        "Your answer must be 100 characters or fewer. You have typed 101."
    ]
    db_session.expire_all()
    assert "gender" not in db_session.exec(select(Draft.answers)).one()


def test_the_box_has_no_page_of_its_own(client):
    url = walk_to(client, "co-production-group", "gender")
    assert client.get(url.replace("/q/gender", "/q/gender_own_words")).status_code == 404


# ---- Check your answers: by section, each answer beside its Change link ----------------------


def test_check_your_answers_is_grouped_by_section_with_each_change_link_beside_its_answer(client):
    soup = page(client.get(walk_to(client, "post-14-review", None)))
    headings = [squash(h.get_text()) for h in soup.select("main h2")]
    assert headings == [
        "Your review meeting",
        "Life after school",
        "About you",
        "Anything else",
        "Now send your answers",
    ]
    rows = soup.select(".summary-row")
    assert len(rows) == 12
    for row in rows:
        question = squash(row.dt.get_text())
        link = row.select_one("dd.change a")
        assert squash(link.get_text()) == f"Change your answer to: {question}"
        assert row.select_one("dd.answer").get_text(strip=True)


def test_check_your_answers_shows_the_answers_pictures_in_easy_read_only(client):
    url = walk_to(client, "post-14-review", None)
    standard = page(client.get(url))
    assert standard.select(".summary .answer svg") == []
    easy = page(client.get(url + "?easy=1"))
    first = easy.select_one(".summary-row")
    assert squash(first.select_one(".answer").get_text()) == "Yes"
    assert first.select_one(".answer svg") is not None  # the tick beside "Yes"


def test_a_section_routing_skipped_leaves_no_heading_and_its_rows_keep_their_own(client):
    chosen = {"helped_make_things": {"answer": "no"}}
    soup = page(client.get(walk_to(client, "co-production-group", None, chosen=chosen)))
    headings = [squash(h.get_text()) for h in soup.select(".summary-section h2")]
    assert headings == ["Our young people's group", "About you", "Anything else"]
    keys = [a["href"].split("/q/")[1] for a in soup.select(".summary .change a")]
    assert "what_worked_on" not in keys and "gender_own_words" not in keys


# ---- The question count never grows ----------------------------------------------------------


def test_the_question_count_on_a_routed_survey_never_grows_whichever_way_it_goes(app):
    for helped in ("yes", "no"):
        chosen = {"helped_make_things": {"answer": helped}}
        seen = captions(app.test_client(), "co-production-group", chosen)
        numbers = [number for number, _total in seen]
        totals = [total for _number, total in seen]
        assert numbers == list(range(1, len(seen) + 1))
        assert totals == sorted(totals, reverse=True), totals
        assert totals[-1] == len(seen)


# ---- Easy read: the new sentences pass the same lint as the survey files -------------------


def test_the_range_the_none_of_these_message_and_the_section_headings_pass_the_easy_read_lint():
    from app.definitions import parse_file
    from app.easyread_check import avoid_words, check_text
    from tests.definitions.test_answers import SURVEYS

    headings = {
        question.section
        for path in SURVEYS.glob("*.toml")
        for question in parse_file(path).questions
        if question.section
    }
    said = ["Enter a number from 13 to 25.", NONE_ALONE]
    assert {line: list(check_text("page", line, avoid_words())) for line in said} == {
        line: [] for line in said
    }
    # "Your child's assessment" is the survey's own easy-read title: advice, not an error.
    assert len(headings) >= 10
    assert [
        f for line in headings for f in check_text("heading", line, avoid_words()) if f.error
    ] == []
