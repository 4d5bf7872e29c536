"""The printable paper form: every question and answer in order, tick boxes, routing in words."""

import re
from pathlib import Path

from app.easyread_check import avoid_words, check_text
from tests.pages import page, squash, submit, text
from tests.samples import ALL_TYPES

APP = Path(__file__).resolve().parents[2] / "app"
TEMPLATE = APP / "respond" / "templates" / "respond" / "paper.html"
# The start page's sentences, shown again only on the standard form, never in easy read.
STANDARD_ONLY = {
    "You do not have to give your name. Your answers are anonymous.",
    "People who plan and run services in your area read the answers together. "
    "Nobody can tell which answers are yours.",
    "You can skip questions that say they are optional, and you can stop at any time.",
    "If you tell us something that makes us worried about your safety, we will try to help. "
    "Read how in our privacy notice.",
}


def sections(response):
    return page(response).select("main section.paper-question")


def test_the_paper_form_lists_every_question_and_answer_in_order_each_with_a_box(
    client, make_survey
):
    slug = make_survey(ALL_TYPES)
    response = client.get(f"/s/{slug}/paper")
    assert response.status_code == 200
    found = sections(response)
    assert [squash(s.select_one("h2").get_text()) for s in found] == [
        "Did you have a review meeting?",
        "How helpful was your review?",
        "What did you talk about?",
        "Who helped you most?",
        "How old are you?",
        "Is there anything else you want to tell us?",
    ]
    answers = [[squash(li.get_text()) for li in s.select(".paper-options li")] for s in found]
    assert answers == [
        ["Yes", "No", "Not sure"],
        ["Very bad", "Bad", "OK", "Good", "Very good", "I don't know"],
        ["School or college", "Jobs", "Where I live"],
        ["My family", "A teacher", "I'd rather not say"],
        ["I'd rather not say"],
        [],
    ]
    for item in page(response).select(".paper-options li"):
        assert item.select_one("span.tick-box[aria-hidden=true]") is not None
    # Boxes are drawn, not form controls: nothing on the page can be ticked on screen.
    assert page(response).select("main input, main form") == []


def test_each_question_says_how_to_answer_it(client, make_survey):
    slug = make_survey(ALL_TYPES)
    found = sections(client.get(f"/s/{slug}/paper"))
    said = [squash(s.get_text(" ")) for s in found]
    assert "Tick one box." in said[0] and "You can tick more than one box." in said[2]
    assert "Write a number from 11 to 25." in said[4] and "Or tick one of these boxes." in said[4]
    assert "Write your answer on the lines." in said[5]
    assert len(found[5].select(".write-line")) == 3  # up to 200 characters
    assert "This question is optional." in said[2] and "This question is optional." not in said[0]


def test_routing_is_said_in_words_where_a_reader_needs_it(client, make_survey):
    slug = make_survey(ALL_TYPES)
    found = sections(client.get(f"/s/{slug}/paper"))
    routes = [[squash(p.get_text()) for p in s.select(".route")] for s in found]
    assert routes[0] == ["If you ticked No or Not sure, go to question 3."]
    assert routes[1] == ["Only answer this question if you ticked Yes for question 1."]
    assert routes[2:] == [[], [], [], []]


def test_the_form_starts_with_what_it_is_for_and_how_answers_are_kept(client):
    words = text(client.get("/s/post-14-review/paper"))
    assert "This survey is about your last annual review" in words
    assert "Your answers are anonymous." in words
    assert "we will try to help" in words and "Our privacy notice is at http" in words
    assert "Put a tick in the box next to your answer." in words


def test_the_footer_names_the_survey_and_its_version_so_entry_can_match_it(client, make_survey):
    slug = make_survey(ALL_TYPES)
    footer = page(client.get(f"/s/{slug}/paper")).select_one("main .paper-footer")
    assert f"Paper form: {slug}, version 1" in squash(footer.get_text())
    make_survey(ALL_TYPES.replace("Jobs", "Work"), slug=slug)
    response = client.get(f"/s/{slug}/paper")
    assert f"Paper form: {slug}, version 2" in text(response) and "Work" in text(response)


def test_easy_read_prints_the_easy_wording_with_a_picture_for_each_question(client):
    response = client.get("/s/post-14-review/paper?easy=1")
    soup = page(response)
    assert "easy" in soup.body["class"] and "paper" in soup.body["class"]
    found = sections(response)
    assert squash(soup.h1.get_text()) == "Your review meeting"
    assert "Did you talk about your life after school?" in squash(found[4].h2.get_text())
    assert all(s.select_one("h2 svg") for s in found)
    assert len(found[0].select(".paper-options li svg")) == 3  # yes, no, not sure
    assert "Learning a job while you work." in squash(found[9].get_text(" "))


def test_the_standard_form_has_no_question_pictures(client):
    found = sections(client.get("/s/post-14-review/paper?easy=0"))
    assert not any(s.select_one("h2 svg") for s in found)


def test_arabic_prints_right_to_left_in_arabic(client):
    response = client.get("/s/local-offer-sencos/paper?lang=ar")
    root = page(response).find("html")
    assert (root["lang"], root["dir"]) == ("ar", "rtl")
    words = text(response)
    assert "Tick one box." not in words and "Do you know about" not in words
    route = squash(sections(response)[3].select_one(".route").get_text())
    assert "6" in route and "If you ticked" not in route


def test_the_print_stylesheet_mirrors_for_right_to_left_and_prints_large(client):
    css = (APP / "static" / "paper.css").read_text()
    # Physical sides would leave the boxes on the left of an Arabic form.
    assert not re.search(r"(margin|padding|border)-(left|right)|text-align:(left|right)", css)
    assert "size:A4" in css and "font-size:14pt" in css and "font-size:18pt" in css
    href = page(client.get("/s/post-14-review/paper")).select_one('link[href*="paper.css"]')
    served = client.get(href["href"])
    served.close()  # a static file is streamed: close it, or its file handle leaks
    assert served.status_code == 200


def test_a_closed_survey_has_no_paper_form_and_an_unknown_one_is_not_found(client, sign_in):
    officer = sign_in()
    submit(officer, "/manage/", form_index=0)  # closes the first survey: co-production-group
    closed = client.get("/s/co-production-group/paper")
    assert closed.status_code == 410 and "This survey has closed" in text(closed)
    assert client.get("/s/no-such-survey/paper").status_code == 404


def test_the_words_on_the_paper_form_pass_the_easy_read_lint():
    # The form's own sentences, with their placeholders filled as a respondent reads them.
    strings = re.findall(r'_\("([^"]+)"', TEMPLATE.read_text())
    filled = {
        "%(answers)s": "Yes or Not sure",
        "%(number)d": "12",
        "%(total)d": "20",
        "%(low)d": "11",
        "%(high)d": "25",
        "%(address)s": "https://heard.example.org/s/post-14-review",
        "%(survey)s": "post-14-review",
    }
    for string in set(strings) - STANDARD_ONLY:
        for placeholder, value in filled.items():
            string = string.replace(placeholder, value)
        assert list(check_text("paper.html", string, avoid_words())) == [], string
