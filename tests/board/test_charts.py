"""KPI charts a board member can read, drawn once for what they show and kept until it changes."""

import re

import pytest
from sqlmodel import Session

from app.board import chart_cache
from app.models import Kpi, Role
from tests.board.reading import kpi_page
from tests.kpi_fixtures import kpi_id, mix, utc
from tests.pages import page

PT = 96 / 72  # CSS pixels in a point

# Two KPIs in one priority area, one with a single milestone (its final target only).
PAIR = """
title = "Plans"
audience = "parent_carers"
summary = "About plans."
minutes = 1
[[questions]]
key = "clear"
type = "yesno"
text = "Is the plan clear?"
[[kpis]]
ref = "P 1"
statement = "Parent carers say the plan is clear."
priority_area = "Plans"
conditions = [{ question = "clear", positive = ["yes"] }]
target = 70
target_date = 2025-12-31
[[kpis]]
ref = "P 2"
statement = "Parent carers say the plan is not unclear."
priority_area = "Plans"
conditions = [{ question = "clear", positive = ["yes", "no"] }]
milestones = [{ date = 2025-03-31, percent = 50 }]
target = 90
target_date = 2026-06-30
"""


@pytest.fixture
def officer(sign_in, today):
    return sign_in(Role.OFFICER, "officer@example.org")


@pytest.fixture
def plans(make_survey) -> str:
    return make_survey(PAIR, slug="plans")


def chart_of(client, app, ref: str, slug: str = "review") -> str:
    """Fetch a KPI's chart as its page links it; return the SVG."""
    url = f"/board/kpis/{kpi_id(app, ref, slug)}"
    image = page(client.get(url)).select_one("figure.chart img")
    response = client.get(image["src"])
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    return response.get_data(as_text=True)


def font_sizes(svg: str) -> list[float]:
    return [float(size) for size in re.findall(r"font-size: ([\d.]+)px", svg)]


def dotted_lines(svg: str) -> list[tuple[float, float, float]]:
    """Return each straight dotted or dashed line's (x from, x to, y) where it is level."""
    found = []
    for d in re.findall(r'<path d="([^"]+)"[^>]*style="[^"]*stroke-dasharray[^"]*"', svg):
        points = re.findall(r"([ML]) ([\d.]+) ([\d.]+)", d)
        if len(points) == 2 and points[0][2] == points[1][2]:
            found.append((float(points[0][1]), float(points[1][1]), float(points[0][2])))
    return found


def words(svg: str) -> str:
    """Return the chart's words as a person reads them, its wrapped lines joined."""
    found = re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)
    return " ".join(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", t)).strip() for t in found)


def x_labels(svg: str) -> list[str]:
    return re.findall(r'<g id="xtick_\d+">.*?<text[^>]*>([^<]+)</text>', svg, re.S)


def test_every_word_in_the_chart_is_at_least_11_point_at_the_size_shown(
    officer, app, review, add_responses
):
    add_responses(review, mix(6, 3), utc(2025, 6, 10))
    image = page(kpi_page(officer, app, "R 1")).select_one("figure.chart img")
    svg = chart_of(officer, app, "R 1")
    view_width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    scale = int(image["width"]) / view_width  # CSS pixels per unit of the chart
    sizes = font_sizes(svg)
    assert sizes and min(sizes) * scale >= 11 * PT - 0.01


def test_the_final_target_is_a_line_across_the_chart_even_with_one_milestone(
    officer, app, plans, add_responses
):
    add_responses(plans, [{"clear": "yes"}] * 6, utc(2025, 6, 10))
    svg = chart_of(officer, app, "P 1", "plans")
    axes = re.search(r'<g id="patch_2">\s*<path d="M ([\d.]+) [\d.]+ \s*L ([\d.]+)', svg)
    left, right = float(axes.group(1)), float(axes.group(2))
    # A level line from one side of the plot to the other: P 1 has no milestone but its target.
    across = [line for line in dotted_lines(svg) if line[0] <= left + 1 and line[1] >= right - 1]
    assert across, dotted_lines(svg)
    assert "Final target: 70% by December 2025" in words(svg)


def test_the_status_of_each_point_is_said_in_words_beside_its_colour(
    officer, app, review, add_responses
):
    # June: on the line (Green); July: below it with an interval that reaches it (Amber).
    add_responses(review, mix(6, 3), utc(2025, 6, 10))
    said = words(chart_of(officer, app, "R 1"))
    assert "Green: on track: at or above the milestone line" in said
    assert "Amber: below the milestone line, but its confidence interval reaches it" in said
    assert "Red:" not in said and "Milestone line" in said


def test_comparable_kpis_share_one_date_axis(officer, app, plans, add_responses):
    add_responses(plans, [{"clear": "yes"}] * 6, utc(2025, 6, 10))
    first, second = chart_of(officer, app, "P 1", "plans"), chart_of(officer, app, "P 2", "plans")
    # P 1 ends in December 2025 and P 2 in June 2026, yet both axes run to June 2026.
    assert x_labels(first) == x_labels(second)
    assert x_labels(first)[-1].endswith("2026"), x_labels(first)


def test_a_new_answer_changes_the_chart(officer, app, review, add_responses):
    add_responses(review, mix(6, 3), utc(2025, 6, 10))
    before = chart_of(officer, app, "R 1")
    add_responses(review, mix(0, 3), utc(2025, 7, 2))
    assert chart_of(officer, app, "R 1") != before


def test_an_edit_to_the_kpi_changes_its_chart_and_no_other(officer, app, review, add_responses):
    add_responses(review, mix(6, 3), utc(2025, 6, 10))
    chart_cache.clear_memory()  # as a fresh process, with this test's empty chart folder
    one, two = chart_of(officer, app, "R 1"), chart_of(officer, app, "R 2")
    with Session(app.extensions["engine"]) as session:
        kpi = session.get(Kpi, kpi_id(app, "R 1"))
        kpi.definition = {**kpi.definition, "target": 95}
        session.add(kpi)
        session.commit()
    drawn = chart_cache.drawn
    assert chart_of(officer, app, "R 1") != one and chart_cache.drawn == drawn + 1
    assert chart_of(officer, app, "R 2") == two and chart_cache.drawn == drawn + 1


def test_an_unchanged_kpi_is_not_drawn_again_even_after_a_restart(
    officer, app, review, add_responses, chart_folder
):
    add_responses(review, mix(6, 3), utc(2025, 6, 10))
    chart_cache.clear_memory()  # as a fresh process: this test's first fetch draws
    first = chart_of(officer, app, "R 1")
    drawn = chart_cache.drawn
    assert chart_of(officer, app, "R 1") == first
    # A restarted app (or another worker) has nothing in memory: the kept file serves it.
    chart_cache.clear_memory()
    assert chart_of(officer, app, "R 1") == first
    assert chart_cache.drawn == drawn
    assert len(list(chart_folder.glob("*.svg"))) >= 1


def test_a_chart_that_cannot_be_kept_is_still_drawn(officer, app, review, tmp_path):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    app.config["CHART_CACHE_DIR"] = blocked
    chart_cache.clear_memory()
    assert "<svg" in chart_of(officer, app, "R 2")


def test_a_chart_for_a_page_in_arabic_keeps_english_words_matplotlib_can_draw(
    officer, app, review, add_responses
):
    add_responses(review, mix(6, 3), utc(2025, 6, 10))
    url = page(kpi_page(officer, app, "R 1")).select_one("figure.chart img")["src"]
    # Staff pages are in English until the staff interface is translated (app/i18n.py), so
    # a chart asked for in Arabic is drawn in English words too.
    arabic = words(officer.get(f"{url}?lang=ar").get_data(as_text=True))
    assert "Milestone line" in arabic and "Young people" in arabic
