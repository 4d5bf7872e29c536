"""The pages a young person sees first: home by audience, start, thank you, with help."""

from app.definitions.schema import Audience
from app.respond.groups import GROUPS, by_audience
from tests.journey import SHORTEST, answer_through, start
from tests.pages import page, submit
from tests.samples import ALL_TYPES


def test_every_audience_has_a_heading_and_a_picture_on_the_home_page():
    assert [audience for audience, _heading, _picture in GROUPS] == list(Audience)


def test_grouping_keeps_young_people_first_and_leaves_out_empty_groups():
    groups = by_audience([("sencos", "a"), ("young_people", "b"), ("sencos", "c")])
    assert [(g.audience, g.surveys) for g in groups] == [
        (Audience.YOUNG_PEOPLE, ["b"]),
        (Audience.SENCOS, ["a", "c"]),
    ]


def test_the_home_page_groups_surveys_by_who_they_are_for_young_people_first(client):
    home = page(client.get("/"))
    headings = [h2.get_text(strip=True) for h2 in home.select("main h2.group-heading")]
    assert headings == ["For young people", "For parents and carers", "For school staff"]
    first = home.select_one("main h2.group-heading + .survey-list")
    slugs = [a["href"].rsplit("/", 1)[1] for a in first.select("a")]
    assert sorted(slugs) == ["co-production-group", "ehcp-quality-young-people", "post-14-review"]


def test_easy_read_puts_a_picture_beside_each_group_and_standard_does_not(client):
    standard = page(client.get("/?easy=0")).select("h2.group-heading svg")
    easy = page(client.get("/?easy=1")).select("h2.group-heading svg")
    assert standard == [] and len(easy) == 3
    assert all(svg["aria-hidden"] == "true" for svg in easy)  # the heading says it


def test_the_home_page_groups_are_translated(client):
    headings = [h.get_text(strip=True) for h in page(client.get("/?lang=cy")).select("h2")]
    assert "For young people" not in headings and len(headings) == 3


def test_the_start_page_puts_start_now_before_the_details(client):
    start_page = page(client.get("/s/post-14-review"))
    main = start_page.select_one("main")
    order = [tag.name for tag in main.find_all(["form", "details"], recursive=False)]
    assert order == ["form", "details"]
    before = main.select_one("form").find_all_previous("p")
    said = " ".join(p.get_text() for p in before)
    assert "5 minutes" in said and "You do not give your name." in said
    more = main.select_one("details.more")
    assert more.select_one("summary").get_text() == "More about this survey"
    assert "anonymous" in more.get_text() and "stop at any time" in more.get_text()


def test_the_easy_read_start_page_keeps_its_pictures_and_the_rest_behind_more(client):
    main = page(client.get("/s/post-14-review?easy=1")).select_one("main")
    above = main.select_one("form").find_all_previous("p", class_="line")
    assert len(above) == 3 and all(p.select_one("svg") for p in above)
    assert "You can stop at any time." in main.select_one("details.more").get_text()


def test_the_start_page_moves_the_translation_note_below_start_now(client):
    main = page(client.get("/s/post-14-review?lang=pl")).select_one("main")
    note = main.select_one("#about-translation")
    assert note is not None and note.find_previous("form") is not None


def sent_page(client, make_survey, query="", survey=ALL_TYPES):
    """Answer a survey the shortest way, send it and return the thank-you page."""
    slug = make_survey(survey)
    client.get(f"/{query}")
    submit(client, answer_through(client, start(client, slug), SHORTEST))
    return page(client.get(f"/s/{slug}/sent"))


def test_the_thank_you_page_offers_childline_as_a_number_a_phone_can_call(client, make_survey):
    thanks = sent_page(client, make_survey)
    call = thanks.select_one('a[href="tel:08001111"]')
    assert call.get_text() == "Call Childline free on 0800 1111"
    words = thanks.get_text()
    assert "Childline is for anyone under 19." in words and "free" in words
    assert "You can also get help from us" not in words  # no support contact set yet


def test_the_easy_read_thank_you_page_offers_childline_with_a_picture(client, make_survey):
    thanks = sent_page(client, make_survey, "?easy=1")
    line = thanks.select_one('a[href="tel:08001111"]').find_parent("p")
    assert line.select_one("svg") is not None
    assert "You do not pay for the call." in thanks.get_text()


def text_of(soup) -> str:
    return soup.select_one("main").get_text(" ")


def test_the_thank_you_page_names_you_said_we_did_once(client, make_survey):
    for query in ("?easy=0", "?easy=1"):
        words = text_of(sent_page(client, make_survey, query))
        assert words.count("You said, we did") == 1, query


def test_next_steps_that_promise_the_report_are_not_repeated_by_the_page(client, make_survey):
    promise = "We will tell you what changed in our 'You said, we did' report."
    survey = ALL_TYPES.replace("minutes = 3", f'minutes = 3\nnext_steps = "{promise}"')
    words = text_of(sent_page(client, make_survey, survey=survey))
    assert promise in words and "We will publish what you told us" not in words
    assert words.count("You said, we did") == 2  # the survey's own promise, and the link


def test_the_privacy_page_links_childline_to_call(client):
    for easy in ("0", "1"):
        shown = page(client.get(f"/privacy?easy={easy}"))
        assert shown.select_one('a[href="tel:08001111"]') is not None, easy
