"""Tallies a person reads: titles, answer words, language names, age bands, a chart beside each."""

import pytest

from app.board.tallies import age_band_of, age_bands
from app.definitions.schema import PREFER_NOT, QuestionDef
from app.models import Role
from tests.kpi_fixtures import mix, utc
from tests.pages import page, squash

AGES = """
title = "Growing up"
audience = "young_people"
summary = "About growing up."
minutes = 1
[[questions]]
key = "ready"
type = "yesno"
text = "Do you feel ready?"
[[questions]]
key = "age"
type = "number"
text = "How old are you?"
required = false
min = 13
max = 25
prefer_not = true
"""


@pytest.fixture
def officer(sign_in, today):
    return sign_in(Role.OFFICER, "officer@example.org")


def tables(response) -> dict[str, list[str]]:
    """Return each tally table's caption and its rows, as read."""
    return {
        squash(t.caption.get_text()): [squash(tr.get_text(" ")) for tr in t.select("tbody tr")]
        for t in page(response).select("table.tally")
    }


def test_surveys_are_chosen_by_their_titles(officer):
    options = page(officer.get("/board/tallies")).select("#survey option")
    shown = {squash(o.get_text()): o["value"] for o in options}
    assert shown["Your post-14 annual review"] == "post-14-review"
    assert "post-14-review" not in shown


def test_answers_are_their_words_and_languages_their_names(officer, review, add_responses):
    add_responses(review, mix(3, 1), utc(2025, 6, 10), language="cy")
    add_responses(review, mix(2), utc(2025, 6, 10), language="bn")
    found = tables(officer.get("/board/tallies?survey=review&by=language"))
    captions = [c.split(":")[0] for c in found]
    assert "Are you clear about your help? – Welsh" in captions
    assert "Are you clear about your help? – Bengali" in captions
    welsh = found[next(c for c in found if c.startswith("Was your review helpful? – Welsh"))]
    assert welsh[0].startswith("1 ") and "5 " in welsh[4]
    assert not any(c.endswith("– cy") or "– cy:" in c for c in found)


def test_ways_of_answering_and_periods_are_said_in_words(officer, review, add_responses):
    add_responses(review, mix(2), utc(2025, 6, 10), mode="paper")
    add_responses(review, mix(2), utc(2025, 7, 2), mode="kiosk")
    modes = [c.split(":")[0] for c in tables(officer.get("/board/tallies?survey=review&by=mode"))]
    assert "Are you clear about your help? – On paper" in modes
    assert "Are you clear about your help? – On a shared tablet (kiosk)" in modes
    periods = tables(officer.get("/board/tallies?survey=review&by=period"))
    assert any(c.startswith("Are you clear about your help? – July 2025") for c in periods)


def test_ages_are_counted_in_bands(officer, make_survey, add_responses):
    slug = make_survey(AGES, slug="growing-up")
    ages = ["13", "14", "15", "16", "17", "17", "19", "24", PREFER_NOT]
    add_responses(slug, [{"ready": "yes", "age": age} for age in ages], utc(2025, 6, 10))
    found = tables(officer.get(f"/board/tallies?survey={slug}"))
    rows = found[next(c for c in found if c.startswith("How old are you?"))]
    assert rows == [
        "13 years old 1 11%",
        "14 to 15 years old 2 22%",
        "16 to 17 years old 3 33%",
        "18 to 19 years old 1 11%",
        "20 to 25 years old 1 11%",
        "I'd rather not say 1 11%",
    ]


def test_the_board_sees_small_age_bands_hidden(board, make_survey, add_responses):
    slug = make_survey(AGES, slug="growing-up")
    answers = [{"ready": "yes", "age": "16"}] * 12 + [{"ready": "yes", "age": "24"}]
    add_responses(slug, answers, utc(2025, 6, 10))
    found = tables(board.get(f"/board/tallies?survey={slug}"))
    rows = found[next(c for c in found if c.startswith("How old are you?"))]
    assert "20 to 25 years old hidden –" in rows and "24" not in " ".join(rows)


def test_each_table_has_a_chart_beside_it_that_points_to_the_table(officer, review, add_responses):
    add_responses(review, mix(6, 2, 2), utc(2025, 6, 10))
    soup = page(officer.get("/board/tallies?survey=review"))
    block = next(
        b for b in soup.select(".tally-block") if "clear about" in b.table.caption.get_text()
    )
    chart = block.select_one("svg.tally-chart")
    assert chart["role"] == "img"
    assert "the table beside it has the numbers" in chart["aria-label"]
    said = [t.get_text() for t in chart.select("text")]
    assert said[:4] == ["Yes", "60%", "No", "40%"]
    bars = [float(r["width"]) for r in chart.select("rect") if r["fill"] == "#1d70b8"]
    assert bars[0] == pytest.approx(1.5 * bars[1])


def test_an_age_band_holds_only_ages_in_the_questions_range():
    question = QuestionDef(key="age", type="number", text="How old are you?", min=13, max=25)
    bands = age_bands(question)
    assert [b for b, _first, _last in bands] == ["13-13", "14-15", "16-17", "18-19", "20-25"]
    assert age_band_of("19", bands) == "18-19" and age_band_of(PREFER_NOT, bands) == PREFER_NOT
