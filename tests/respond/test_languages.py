"""Languages: the person's choice, then Accept-Language, then English; lang and dir right."""

from flask_wtf.i18n import translations

from tests.pages import page, submit, text


def html_lang(response):
    root = page(response).find("html")
    return root["lang"], root["dir"]


def test_english_is_the_default(client):
    assert html_lang(client.get("/")) == ("en", "ltr")


def test_accept_language_picks_a_language_we_have(client):
    response = client.get("/", headers={"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"})
    assert html_lang(response) == ("pl", "ltr")


def test_the_persons_choice_beats_accept_language_and_is_kept(client):
    client.get("/?lang=cy", headers={"Accept-Language": "pl"})
    later = client.get("/privacy", headers={"Accept-Language": "pl"})
    assert html_lang(later) == ("cy", "ltr")


def test_an_unknown_language_is_ignored(client):
    assert html_lang(client.get("/?lang=xx")) == ("en", "ltr")


def test_arabic_and_urdu_pages_run_right_to_left(client):
    assert html_lang(client.get("/?lang=ar")) == ("ar", "rtl")
    assert html_lang(client.get("/?lang=ur")) == ("ur", "rtl")


def test_every_language_is_listed_in_itself_with_hreflang_and_lang(client):
    links = page(client.get("/")).select(".languages a")
    named = {a["hreflang"]: (a["lang"], a.get_text()) for a in links}
    assert named["pl"] == ("pl", "Polski") and named["ar"] == ("ar", "العربية")
    assert len(links) == 10
    assert [a["hreflang"] for a in links if a.get("aria-current")] == ["en"]


def test_the_languages_fold_into_one_control_named_in_the_pages_language(client):
    welsh = page(client.get("/s/post-14-review?lang=cy")).select_one("header .languages details")
    assert welsh.select_one("summary").get_text(strip=True) == "Iaith"
    assert welsh.get("open") is None  # closed until tapped: one line, not ten
    current = welsh.select_one("[aria-current]")
    assert current["hreflang"] == "cy" and current.get_text() == "Cymraeg"


def test_someone_who_came_with_a_language_keeps_it_on_every_later_page(client):
    client.get("/s/post-14-review?lang=ur")
    url = submit(client, "/s/post-14-review").location
    question = page(client.get(url))
    assert question.find("html")["lang"] == "ur"
    assert question.select_one(".languages [aria-current]")["hreflang"] == "ur"
    assert html_lang(client.get("/privacy")) == ("ur", "rtl")


def test_a_phone_set_to_a_language_is_shown_that_language_as_chosen(client):
    polish = page(client.get("/", headers={"Accept-Language": "pl-PL,pl;q=0.9"}))
    assert polish.select_one(".languages summary").get_text(strip=True) == "Język"
    assert polish.select_one(".languages [aria-current]")["hreflang"] == "pl"


def test_a_survey_question_and_its_answers_are_translated(client):
    client.get("/?lang=pl")
    url = submit(client, "/s/post-14-review").location
    words = text(client.get(url))
    assert "Did you go to your review meeting?" not in words
    assert "Tak" in words and "Dalej" in words


def test_a_draft_translation_says_so_in_its_own_language(client):
    polish = page(client.get("/?lang=pl")).select_one("#about-translation")
    assert polish is not None and "About this translation" not in polish.get_text()
    assert page(client.get("/?lang=en")).select_one("#about-translation") is None


def test_easy_read_switches_the_whole_survey_and_stays_on(client):
    start = text(client.get("/s/post-14-review?easy=1"))
    assert "Your review meeting" in start and "You do not give your name." in start
    url = submit(client, "/s/post-14-review").location
    question = page(client.get(url))
    assert question.select_one("body")["class"] == ["easy"]
    assert question.select_one("h1 svg") is not None
    assert "This is the meeting about your plan." in question.get_text()
    assert "Standard version" in question.select_one("header").get_text()


def test_the_answer_records_the_language_and_easy_read_it_was_given_in(client, db_session):
    from sqlmodel import select

    from app.models import Response

    client.get("/?lang=cy&easy=1")
    url = submit(client, "/s/co-production-group").location
    while "/q/" in url:
        form = page(client.get(url)).select_one("form[data-type]")
        kind = form["data-type"]
        data = (
            {"answer": form.select_one("input[type=radio]")["value"]}
            if kind in ("scale", "yesno", "single")
            else {}
        )
        if kind == "multiple":
            data = {"answer": form.select_one("input[type=checkbox]")["value"]}
        url = submit(client, url, data).location
    submit(client, url)
    response = db_session.exec(select(Response)).one()
    assert (response.language, response.easy_read) == ("cy", True)


def test_the_start_page_offers_easy_read_and_the_link_switches_it_on(client):
    link = page(client.get("/s/post-14-review")).select_one(".easy-offer a")
    assert link.get_text() == "Read this survey in easy read, with pictures"
    easy = page(client.get("/s/post-14-review" + link["href"]))
    assert easy.select_one("body")["class"] == ["easy"] and easy.select_one(".easy-offer") is None


def test_wtforms_own_messages_follow_the_page_language(app):
    # Flask-WTF's fallback messages ("Not a valid integer value.") come from WTForms'
    # catalogues, parsed once per language and shared (app/i18n.py).
    with app.test_request_context("/?lang=pl"):
        polish = translations.gettext("Not a valid integer value.")
    with app.test_request_context("/", headers={"Accept-Language": "cy"}):
        welsh = translations.gettext("Not a valid integer value.")
    with app.test_request_context("/"):
        english = translations.gettext("Not a valid integer value.")
    assert english == "Not a valid integer value."
    assert len({polish, welsh, english}) == 3
