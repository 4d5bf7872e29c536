"""Question pages kept once rendered (app/respond/rendered.py) show what a fresh page shows.

A kept page must differ from a fresh one only in the CSRF token, which must be this
browser's; anything that changes what the page says (an answer given, the language, easy
read, a change link) must give a different page; words a young person typed are never kept.
"""

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from app.models import Draft, utcnow
from app.respond import rendered
from tests.journey import answer, start
from tests.pages import page, submit

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
SLUGS = ("post-14-review", "ehcp-quality-parent-carers", "co-production-group")
TYPED = {"text": "Marker words nobody else wrote", "number": "15"}


@pytest.fixture(autouse=True)
def empty_store():
    rendered.forget_all()
    yield
    rendered.forget_all()


def tokens(html: str) -> set[str]:
    return set(TOKEN.findall(html))


def without_tokens(html: str) -> str:
    return TOKEN.sub('name="csrf_token" value="-"', html)


def an_answer(html: str) -> dict:
    """Choose an answer the page offers: the first option, or typed words."""
    kind = re.search(r'data-type="(\w+)"', html).group(1)
    if kind in TYPED:
        return {"answer": TYPED[kind]}
    if kind == "multiple":
        return {"answer": [re.search(r'name="answer" value="([^"]+)"', html).group(1)]}
    return {"answer": re.search(r'name="answer" value="([^"]+)"', html).group(1)}


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang, easy", [("en", "0"), ("ar", "1")])
def test_a_kept_page_is_the_fresh_page_with_this_requests_token(client, slug, lang, easy):
    client.get(f"/?lang={lang}&easy={easy}")
    url, pages = start(client, slug), 0
    while "/q/" in url:
        rendered.forget_all()
        fresh = client.get(url).get_data(as_text=True)
        kept = client.get(url).get_data(as_text=True)
        assert without_tokens(kept) == without_tokens(fresh), url
        assert len(tokens(kept)) == 1  # the answer form's and the Stop form's: the same token
        url = submit(client, url, an_answer(fresh)).location
        pages += 1
    assert pages >= 3 and "/check" in url


def test_another_browser_gets_its_own_token_and_can_send_the_kept_page(app, client):
    first = client.get(start(client, "post-14-review")).get_data(as_text=True)
    other = app.test_client()
    url = start(other, "post-14-review")
    kept = other.get(url).get_data(as_text=True)
    assert without_tokens(kept) == without_tokens(first)
    assert tokens(kept) != tokens(first)
    response = submit(other, url, an_answer(kept))
    assert response.status_code == 302 and "/q/" in response.location


def test_an_answer_given_shows_on_its_page_and_not_on_anyone_elses(app, client):
    url = start(client, "post-14-review")
    blank = client.get(url).get_data(as_text=True)
    chosen = an_answer(blank)["answer"]
    submit(client, url, {"answer": chosen})
    mine = page(client.get(url))
    assert mine.select_one(f'input[name=answer][value="{chosen}"]').has_attr("checked")
    other = app.test_client()
    theirs = page(other.get(start(other, "post-14-review")))
    assert not theirs.select("input[name=answer][checked]")


def test_the_language_easy_read_and_change_links_each_give_their_own_page(client):
    url = start(client, "post-14-review")
    english = page(client.get(url))
    polish = page(client.get(url + "?lang=pl"))
    assert english.html["lang"] == "en" and polish.html["lang"] == "pl"
    assert polish.h1.get_text() != english.h1.get_text()
    client.get(url + "?lang=en&easy=1")
    assert "easy" in page(client.get(url)).body.get("class", [])
    changing = page(client.get(url + "?change=1"))
    assert "change=1" in changing.select_one("main form:not(.discard)")["action"]


def test_words_a_young_person_typed_are_never_kept(client):
    client.get("/?lang=en")
    url = start(client, "post-14-review")
    typed_url = None
    while "/q/" in url:
        html = client.get(url).get_data(as_text=True)
        if 'data-type="text"' in html:
            typed_url = url
        url = submit(client, url, an_answer(html)).location
    assert typed_url is not None, "the survey has a question to type an answer to"
    again = client.get(typed_url).get_data(as_text=True)
    assert TYPED["text"] in again  # shown to the person who typed them
    assert rendered._pages, "other pages were kept"
    assert not any(TYPED["text"] in html for html, _token in rendered._pages.values())


def test_words_typed_in_a_box_under_an_answer_are_never_kept(client):
    client.get("/?lang=en")
    url = start(client, "co-production-group")
    while "/q/gender" not in url:
        url = submit(client, url, an_answer(client.get(url).get_data(as_text=True))).location
    own = {"answer": "another_way", "words_gender_own_words": TYPED["text"]}
    assert submit(client, url, own).status_code == 302
    again = client.get(url).get_data(as_text=True)
    assert TYPED["text"] in again  # shown to the person who wrote them
    assert not any(TYPED["text"] in html for html, _token in rendered._pages.values())


def test_people_whose_earlier_answers_differ_get_one_kept_copy_of_a_page_that_is_the_same(app):
    # The key is what the page shows, not every answer so far: the third question looks the
    # same after "4" or "5" to the second, so the second person is served the kept copy.
    seen, kept = [], []
    for helpful in ("4", "5"):
        client = app.test_client()
        url = answer(client, start(client, "post-14-review"), {"answer": "yes"})
        url = answer(client, url, {"answer": helpful})
        seen.append(without_tokens(client.get(url).get_data(as_text=True)))
        kept.append(len(rendered._pages))
    assert seen[0] == seen[1]
    assert kept[0] == kept[1]  # the second person added no page: each was the same


def test_an_expired_draft_is_never_shown_a_kept_page(app, client, db_session):
    url = start(client, "post-14-review")
    assert client.get(url).status_code == 200  # now kept
    draft = db_session.exec(select(Draft)).one()
    draft.updated_at = utcnow() - timedelta(hours=app.config["DRAFT_HOURS"] + 1)
    db_session.add(draft)
    db_session.commit()
    response = client.get(url)
    assert response.status_code == 302 and response.location.endswith("/s/post-14-review")
