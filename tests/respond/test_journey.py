"""The whole respondent journey through the test client, with JavaScript off."""

from sqlmodel import func, select

from app.models import Answer, Response
from tests.conftest import count_statements
from tests.journey import SHORTEST, answer, answer_through, start
from tests.pages import page, submit, text
from tests.samples import ALL_TYPES, TWO_QUESTIONS


def count(db_session, model=Response):
    return db_session.exec(select(func.count()).select_from(model)).one()


def test_home_page_lists_the_open_surveys_by_address(client):
    links = [a["href"] for a in page(client.get("/")).select(".survey-list a")]
    assert "/s/post-14-review" in links and len(links) == 7


def test_the_home_page_makes_as_many_queries_for_eight_surveys_as_for_seven(
    client, app, make_survey
):
    seven = count_statements(app, lambda: client.get("/"))
    make_survey(TWO_QUESTIONS)
    eight = count_statements(app, lambda: client.get("/"))
    assert "Two questions" in text(client.get("/")) and eight == seven


def test_start_page_says_who_sees_answers_that_they_are_anonymous_and_how_long(client):
    words = text(client.get("/s/post-14-review"))
    assert "anonymous" in words and "minutes" in words and "stop at any time" in words


def test_a_young_person_answers_checks_and_sends_a_whole_survey(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    url = start(client, slug)
    assert url.endswith("/q/had_review")
    url = answer(client, url, {"answer": "yes"})
    assert url.endswith("/q/helpful")
    url = answer(client, url, {"answer": "4"})
    url = answer(client, url, {"answer": ["school", "jobs"]})
    url = answer(client, url, {"answer": "teacher"})
    url = answer(client, url, {"answer": "15"})
    url = answer(client, url, {"answer": "  It was <b>good</b>  "})
    assert url.endswith("/check")
    check = text(client.get(url))
    assert "School or college" in check and "Good" in check and "It was <b>good</b>" in check
    sent = submit(client, url, follow_redirects=True)
    assert "Thank you" in text(sent) and "You said, we did" in text(sent)
    stored = db_session.exec(select(Answer.question_key, Answer.value)).all()
    assert sorted(stored) == sorted(
        [
            ("had_review", "yes"),
            ("helpful", "4"),
            ("topics", "school"),
            ("topics", "jobs"),
            ("who", "teacher"),
            ("age", "15"),
            ("comments", "It was <b>good</b>"),
        ]
    )
    response = db_session.exec(select(Response)).one()
    assert response.mode == "online" and response.language == "en"


def test_routing_skips_a_question_when_the_earlier_answer_does_not_match(client, make_survey):
    slug = make_survey(ALL_TYPES)
    url = answer(client, start(client, slug), {"answer": "no"})
    assert url.endswith("/q/topics")
    back = page(client.get(url)).select_one("a.back")["href"]
    assert back.endswith("/q/had_review")
    assert client.get(f"/s/{slug}/q/helpful").status_code == 404


def test_back_link_returns_to_the_previous_answer_with_it_still_chosen(client, make_survey):
    slug = make_survey(ALL_TYPES)
    url = answer(client, start(client, slug), {"answer": "yes"})
    back = page(client.get(url)).select_one("a.back")["href"]
    chosen = page(client.get(back)).select_one("input[checked]")
    assert chosen["value"] == "yes"


def test_change_link_returns_to_check_answers_and_new_routing_is_asked(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST)
    assert url.endswith("/check")
    change = [a["href"] for a in page(client.get(url)).select(".change a")][0]
    assert change.endswith("/q/had_review?change=1")
    # Answering "yes" now routes to the newly shown question before going back to check.
    after = answer(client, change, {"answer": "yes"})
    assert after.endswith("/q/helpful?change=1")
    assert answer(client, after, {"answer": "dont_know"}).endswith("/check")
    submit(client, f"/s/{slug}/check")
    assert ("helpful", "dont_know") in db_session.exec(select(Answer.question_key, Answer.value))


def test_sending_twice_stores_one_response_and_shows_the_same_thanks(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST)
    form = page(client.get(url)).select_one("main form")
    fields = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
    first = client.post(form["action"], data=fields)
    second = client.post(form["action"], data=fields)
    assert first.location == second.location and first.location.endswith("/sent")
    assert count(db_session) == 1
    assert count(db_session, Answer) == 2


def test_a_dropped_signal_loses_nothing_answers_are_kept_on_the_server(client, make_survey):
    slug = make_survey(ALL_TYPES)
    answer(client, start(client, slug), {"answer": "yes"})
    # The phone comes back later: the start page offers to carry on where they left off.
    resumed = submit(client, f"/s/{slug}")
    assert resumed.location.endswith("/q/helpful")
    assert "Carry on where you left off" in text(client.get(f"/s/{slug}"))


def test_optional_questions_can_be_skipped_and_show_as_not_answered(client, make_survey):
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST)
    assert text(client.get(url)).count("Not answered") == 3


def test_prefer_not_to_say_beside_a_number_is_an_answer(client, make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    answers = (*SHORTEST[:3], {"special": "prefer_not_say"}, {})
    url = answer_through(client, start(client, slug), answers)
    submit(client, url)
    assert ("age", "prefer_not_say") in db_session.exec(select(Answer.question_key, Answer.value))


def test_scale_question_shows_five_faces_worst_to_best_with_words(client, make_survey):
    slug = make_survey(ALL_TYPES)
    url = answer(client, start(client, slug), {"answer": "yes"})
    labels = page(client.get(url)).select(".choice label")
    words = [label.get_text(" ", strip=True) for label in labels]
    assert words == ["Very bad", "Bad", "OK", "Good", "Very good", "I don't know"]
    assert all(label.find("svg") for label in labels[:5])
