"""Paper entry: typed-in forms are checked as the journey checks, stored once, marked paper."""

from sqlmodel import func, select

from app.models import (
    Answer,
    CommentReading,
    Kpi,
    KpiMonthCount,
    Response,
    Role,
    SafeguardingAlert,
)
from tests.conftest import newest_version, survey_by_slug
from tests.pages import error_messages, page, submit, text
from tests.samples import ALL_TYPES

# One whole form: "yes" asks question 2, which the KPI "T 1" counts as positive.
FILLED = {
    "had_review-answer": "yes",
    "helpful-answer": "4",
    "topics-answer": ["school", "jobs"],
    "who-answer": "teacher",
    "age-answer": "15",
    "comments-answer": "The meeting was good",
}


def entry_url(slug, **query):
    settings = "&".join(f"{name}={value}" for name, value in query.items())
    return f"/manage/surveys/{slug}/paper-entry" + (f"?{settings}" if settings else "")


def count(db_session, model=Response):
    return db_session.exec(select(func.count()).select_from(model)).one()


def kpi_counts(db_session, slug):
    survey = survey_by_slug(db_session, slug)
    kpi = db_session.exec(select(Kpi).where(Kpi.survey_id == survey.id)).one()
    rows = db_session.exec(select(KpiMonthCount).where(KpiMonthCount.kpi_id == kpi.id)).all()
    return sum(r.valid for r in rows), sum(r.positive for r in rows)


def test_an_officer_enters_a_paper_form_and_it_is_stored_marked_paper(
    sign_in, make_survey, db_session
):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    saved = submit(officer, entry_url(slug), FILLED)
    assert saved.status_code == 302
    assert saved.location.endswith("/paper-entry?version=1&language=en&reading=standard#answers")
    response = db_session.exec(select(Response)).one()
    assert (response.mode, response.language, response.easy_read) == ("paper", "en", False)
    assert response.survey_version_id == newest_version(db_session, slug).id
    stored = db_session.exec(select(Answer.question_key, Answer.value)).all()
    assert sorted(stored) == sorted(
        [
            ("had_review", "yes"),
            ("helpful", "4"),
            ("topics", "school"),
            ("topics", "jobs"),
            ("who", "teacher"),
            ("age", "15"),
            ("comments", "The meeting was good"),
        ]
    )


def test_a_paper_form_counts_towards_kpis_and_its_comment_is_read(sign_in, make_survey, db_session):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    assert kpi_counts(db_session, slug) == (0, 0)
    submit(officer, entry_url(slug), FILLED)
    assert kpi_counts(db_session, slug) == (1, 1)
    submit(officer, entry_url(slug), FILLED | {"helpful-answer": "2"})
    assert kpi_counts(db_session, slug) == (2, 1)
    assert count(db_session, CommentReading) == 2


def test_the_page_counts_the_forms_entered_and_says_each_was_saved(sign_in, make_survey):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    assert "You have entered 0 paper forms" in text(officer.get(entry_url(slug)))
    submit(officer, entry_url(slug), FILLED)
    after = officer.get(entry_url(slug))
    assert "Form saved." in text(after)
    submit(officer, entry_url(slug), FILLED)
    assert "You have entered 2 paper forms for this survey" in text(officer.get(entry_url(slug)))


def test_pressing_save_twice_stores_the_form_once(sign_in, make_survey, db_session):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    form = page(officer.get(entry_url(slug))).select_one("form#answers")
    fields = {i["name"]: i["value"] for i in form.select("input[type=hidden]")} | FILLED
    first = officer.post(form["action"], data=fields)
    again = officer.post(form["action"], data=fields, follow_redirects=True)
    assert first.status_code == 302 and "That form was saved already." in text(again)
    assert count(db_session) == 1
    assert "You have entered 1 paper form for this survey" in text(again)


def test_a_page_sent_again_with_other_answers_saves_nothing_and_keeps_them_to_check(
    sign_in, make_survey, db_session
):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    form = page(officer.get(entry_url(slug))).select_one("form#answers")
    fields = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
    officer.post(form["action"], data=fields | FILLED)
    changed = officer.post(form["action"], data=fields | FILLED | {"who-answer": "family"})
    assert changed.status_code == 400 and "These answers are not saved yet." in text(changed)
    again = page(changed).select_one("input[name=response_id]")["value"]
    assert again != fields["response_id"]
    assert page(changed).select_one("input[name=who-answer][value=family]").has_attr("checked")
    assert db_session.exec(select(Answer.value).where(Answer.question_key == "who")).all() == [
        "teacher"
    ]


def test_a_worrying_comment_on_paper_reaches_the_safeguarding_queue(
    sign_in, make_survey, db_session
):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    worrying = FILLED | {"comments-answer": "My stepdad hits me when he is angry"}
    assert submit(officer, entry_url(slug), worrying).status_code == 302
    assert count(db_session, SafeguardingAlert) == 1


def test_the_language_and_easy_read_of_the_printed_form_are_recorded_and_kept(
    sign_in, make_survey, db_session
):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    url = entry_url(slug, version=1, language="ar", reading="easy")
    saved = submit(officer, url, FILLED)
    assert "language=ar" in saved.location and "reading=easy" in saved.location
    response = db_session.exec(select(Response)).one()
    assert (response.mode, response.language, response.easy_read) == ("paper", "ar", True)
    chosen = page(officer.get(saved.location)).select("select option[selected]")
    assert [o["value"] for o in chosen] == ["1", "ar", "easy"]


def test_a_form_printed_from_an_older_version_is_stored_against_that_version(
    sign_in, make_survey, db_session
):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    old = newest_version(db_session, slug)
    make_survey(ALL_TYPES.replace("Jobs", "Work"), slug=slug)
    newest = page(officer.get(entry_url(slug)))
    assert newest.select_one("#version option[selected]").get_text() == "Version 2 (newest)"
    assert "Work" in newest.select_one("form#answers").get_text()
    older = officer.get(entry_url(slug, version=1))
    assert "Jobs" in page(older).select_one("form#answers").get_text()
    submit(officer, entry_url(slug, version=1), FILLED)
    assert db_session.exec(select(Response)).one().survey_version_id == old.id


def test_a_missing_required_answer_is_named_linked_and_nothing_is_stored(
    sign_in, make_survey, db_session
):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    refused = submit(officer, entry_url(slug), FILLED | {"who-answer": ""})
    assert refused.status_code == 400
    assert error_messages(refused) == ["Question 4: Choose one answer."]
    link = page(refused).select_one(".error-summary a")["href"]
    assert link == "#who-answer" and page(refused).select_one(link)["type"] == "radio"
    assert page(refused).title.get_text().startswith("Error: ")
    # What was typed stays, so only the wrong answer needs typing again.
    kept = page(refused)
    assert kept.select_one("#comments-answer").get_text() == "The meeting was good"
    assert kept.select_one("input[name=had_review-answer][value=yes]").has_attr("checked")
    assert count(db_session) == 0 and count(db_session, Answer) == 0


def test_an_answer_that_was_not_offered_is_refused(sign_in, make_survey, db_session):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    refused = submit(officer, entry_url(slug), FILLED | {"topics-answer": ["school", "sport"]})
    assert refused.status_code == 400
    assert error_messages(refused) == ["Question 3: Choose one of the answers shown."]
    assert count(db_session) == 0


def test_a_number_out_of_range_is_refused_with_the_range(sign_in, make_survey, db_session):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    refused = submit(officer, entry_url(slug), FILLED | {"age-answer": "9"})
    assert error_messages(refused) == ["Question 5: Type a number between 11 and 25."]
    assert count(db_session) == 0


def test_an_answer_to_a_question_the_routing_skips_is_refused(sign_in, make_survey, db_session):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    refused = submit(officer, entry_url(slug), FILLED | {"had_review-answer": "no"})
    assert refused.status_code == 400
    assert error_messages(refused) == [
        "Question 2: The answer to question 1 skips this question. "
        "Leave it blank, or check that answer."
    ]
    assert count(db_session) == 0
    # Left blank, as the routing says, the same form is stored without it.
    saved = submit(
        officer, entry_url(slug), FILLED | {"had_review-answer": "no", "helpful-answer": ""}
    )
    assert saved.status_code == 302
    keys = db_session.exec(select(Answer.question_key)).all()
    assert "helpful" not in keys and "had_review" in keys


def test_a_skipped_required_question_left_blank_is_not_asked_for(sign_in, make_survey, db_session):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    blank = {"had_review-answer": "not_sure", "who-answer": "family"}
    assert submit(officer, entry_url(slug), blank).status_code == 302
    assert count(db_session) == 1


def test_every_problem_on_the_page_is_listed_in_page_order(sign_in, make_survey, db_session):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    refused = submit(officer, entry_url(slug), {"age-answer": "old"})
    assert error_messages(refused) == [
        "Question 1: Choose one answer.",
        "Question 4: Choose one answer.",
        "Question 5: Type a whole number, like 15.",
    ]
    for link in page(refused).select(".error-summary a"):
        assert page(refused).select_one(link["href"]) is not None
    assert count(db_session) == 0


def test_questions_are_labelled_numbered_and_in_order_with_routing_said(sign_in, make_survey):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    form = page(officer.get(entry_url(slug))).select_one("form#answers")
    # Each question's first group: its answers, then (text and number) "Or choose:".
    legends = [
        question.select_one("legend, label").get_text(" ", strip=True)
        for question in form.select(".entry-question")
    ]
    assert legends == [
        "Question 1: Did you have a review meeting?",
        "Question 2: How helpful was your review?",
        "Question 3: What did you talk about?",
        "Question 4: Who helped you most?",
        "Question 5: How old are you?",
        "Question 6: Is there anything else you want to tell us?",
    ]
    assert (
        "Only if question 1 is answered Yes." in form.select_one("#helpful-answer-hint").get_text()
    )
    assert form.select("button[type=submit]")[-1].get_text() == "Save and enter another"


def test_a_changed_address_with_an_unknown_version_is_refused(sign_in, make_survey, db_session):
    officer = sign_in()
    slug = make_survey(ALL_TYPES)
    wrong = officer.get(entry_url(slug, version=7))
    assert wrong.status_code == 400
    assert error_messages(wrong) == ["Choose a version of this survey from the list."]
    assert page(wrong).select_one("form#answers") is None


def test_a_closed_survey_takes_no_paper_forms(sign_in, make_survey, db_session):
    officer = sign_in()
    token = page(officer.get(entry_url("co-production-group"))).select_one("form#answers")
    fields = {i["name"]: i["value"] for i in token.select("input[type=hidden]")}
    submit(officer, "/manage/", form_index=0)  # closes the first survey: co-production-group
    closed = officer.get(entry_url("co-production-group"))
    assert (
        "This survey is closed" in text(closed) and page(closed).select_one("form#answers") is None
    )
    late = officer.post(
        entry_url("co-production-group"), data=fields | {"helped_make_things-answer": "yes"}
    )
    assert late.status_code == 409 and count(db_session) == 0


def test_an_unknown_survey_is_not_found(sign_in):
    assert sign_in().get(entry_url("no-such-survey")).status_code == 404


def test_the_board_cannot_enter_paper_forms(sign_in, make_survey, db_session, client):
    slug = make_survey(ALL_TYPES)
    assert client.get(entry_url(slug)).status_code == 302  # signed out: to sign in
    board = sign_in(Role.BOARD, "board@example.org")
    assert board.get(entry_url(slug)).status_code == 403
    token = page(board.get("/board/")).select_one("input[name=csrf_token]")["value"]
    sent = board.post(entry_url(slug), data=FILLED | {"csrf_token": token})
    assert sent.status_code == 403
    assert count(db_session) == 0


def test_the_survey_list_links_to_the_paper_form_and_to_paper_entry(sign_in):
    links = [a["href"] for a in page(sign_in().get("/manage/")).select("main a")]
    assert "/s/post-14-review/paper" in links
    assert "/manage/surveys/post-14-review/paper-entry" in links
