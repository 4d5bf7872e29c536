"""The published report: safe figures, approved quotes only, a snapshot that never changes."""

import re

import pytest

from app.models import Role
from tests.comments.helpers import comment_survey, moderate, readings
from tests.pages import page, submit, text
from tests.publish.helpers import review, store_many

SLUG = "review-comments"


@pytest.fixture
def officer(sign_in, make_survey):
    comment_survey(make_survey)
    return sign_in(Role.OFFICER)


def publish(client) -> str:
    response = submit(client, f"/manage/surveys/{SLUG}/actions", form_index=0)
    assert response.status_code == 302, text(response)
    return response.location


def test_a_report_with_no_answers_says_so_rather_than_showing_empty_tables(officer):
    response = officer.get(publish(officer))
    assert "Nobody has answered this survey yet" in text(response)
    assert not page(response).select("table")


def test_small_counts_are_shown_as_fewer_than_ten_and_never_as_numbers(officer, app):
    # 12 said yes, 3 said no: "no" is small, so "yes" must be hidden too (15 - 12 = 3).
    store_many(app, SLUG, [review()] * 12 + [review(had_review="no")] * 3)
    response = officer.get(publish(officer))
    body = text(response)
    assert "15 people answered." in body
    assert "fewer than 10" in body
    table = page(response).find("caption", string=re.compile("Did you have a review"))
    cells = [td.get_text(strip=True) for td in table.find_parent("table").select("td")]
    assert "3" not in cells and "12" not in cells


def test_a_published_report_never_changes_and_republishing_makes_a_new_one(officer, app, client):
    store_many(app, SLUG, [review()] * 10)
    first = publish(officer)
    before = officer.get(first).get_data(as_text=True)
    store_many(app, SLUG, [review(helpful="1")] * 10)
    assert officer.get(first).get_data(as_text=True) == before
    second = publish(officer)
    assert second != first and "20 people answered." in text(officer.get(second))
    archive = client.get("/you-said-we-did")
    assert len(page(archive).select(".survey-list li")) == 2


def test_only_approved_quotes_appear_with_personal_details_redacted(officer, app):
    store_many(
        app,
        SLUG,
        [review(comments="Email me at jo.bloggs@example.com, the review was brilliant")]
        + [review(comments="The review was a waste of time")]
        + [review()] * 9,
    )
    approved, other = sorted(readings(app), key=lambda r: r.id)
    moderate(officer, f"/manage/surveys/{SLUG}/comments", {"quote": "approved"}, form_index=1)
    body = text(officer.get(publish(officer)))
    assert "the review was brilliant" in body and "jo.bloggs@example.com" not in body
    assert "[email]" in body and "a waste of time" not in body


def test_a_flagged_comment_is_never_on_the_moderation_page_or_in_a_report(officer, app):
    store_many(app, SLUG, [review(comments="my step dad hits me")] + [review()] * 10)
    (flagged,) = readings(app)
    assert "step dad" not in text(officer.get(f"/manage/surveys/{SLUG}/comments"))
    response = officer.post(f"/manage/comments/{flagged.id}", data={"quote": "approved"})
    assert response.status_code in (400, 404)
    assert "step dad" not in text(officer.get(publish(officer)))


def test_the_thank_you_and_home_pages_link_to_the_reports(client):
    links = [a["href"] for a in page(client.get("/")).select("a")]
    assert "/you-said-we-did" in links


def test_the_report_shows_kpis_and_how_comments_on_a_theme_felt(officer, app):
    store_many(
        app,
        SLUG,
        [review(comments="The wait for the plan was far too long and nobody rang back")] * 11,
    )
    response = officer.get(publish(officer))
    body = text(response)
    assert "What we are aiming for" in body and "We are aiming for 80%." in body
    caption = page(response).find("caption", string=re.compile("each subject"))
    rows = caption.find_parent("table").select("tbody tr")
    cells = {r.th.get_text(" ", strip=True): [td.get_text() for td in r.select("td")] for r in rows}
    # Comments, then good, mixed, neither, not good: all 11 were not good.
    assert cells["A waiting times"] == ["11", "0", "0", "0", "11"], cells


def test_the_report_draws_its_charts_from_the_snapshot_with_alt_text(officer, app, client):
    store_many(app, SLUG, [review(comments="The wait was far too long and nobody rang back")] * 11)
    report = page(officer.get(publish(officer)))
    charts = report.select("figure.chart img")
    assert [img["src"].rsplit("/", 1)[1] for img in charts] == ["aims.svg", "feelings.svg"]
    assert all("same letters" in img["alt"] for img in charts)
    for img in charts:
        drawn = client.get(img["src"])
        assert drawn.mimetype == "image/svg+xml" and "immutable" in drawn.headers["Cache-Control"]
        assert "<svg" in drawn.get_data(as_text=True)
    # Later answers change neither chart of the published snapshot.
    before = [client.get(img["src"]).get_data() for img in charts]
    store_many(app, SLUG, [review(helpful="1", comments="Brilliant, she listened")] * 20)
    assert [client.get(img["src"]).get_data() for img in charts] == before


def test_a_report_draws_no_chart_when_every_figure_is_hidden(officer, app):
    store_many(app, SLUG, [review(comments="The wait was far too long")] * 4)
    report = page(officer.get(publish(officer)))
    assert not report.select("figure.chart")
    assert "fewer than 10" in report.get_text()


def test_the_easy_read_report_has_pictures_beside_short_lines(officer, app):
    store_many(app, SLUG, [review()] * 10)
    report = page(officer.get(publish(officer) + "?easy=1"))
    lines = [p.get_text(strip=True) for p in report.select("p.line")]
    assert "You told us what you think." in lines and "We will ask you again." in lines
    assert len(report.select("p.line svg")) == 3


def test_the_thank_you_page_links_to_the_surveys_last_report(officer, app, client):
    store_many(app, SLUG, [review()] * 10)
    publish(officer)
    sent = text(client.get(f"/s/{SLUG}/sent"))
    assert "See what changed after people answered this survey before" in sent
