"""The summary table's small parts: the trend line, the short statement, the change."""

from bs4 import BeautifulSoup

from app.board.formatting import points_short, short_statement
from app.board.sparkline import sparkline_svg
from tests.board.reading import drawing


def parsed(markup) -> BeautifulSoup:
    """Return the drawing inside the trend line's <img>."""
    return drawing(BeautifulSoup(str(markup), "html.parser").img)


def test_a_missing_value_breaks_the_trend_line_and_a_lone_value_is_a_dot():
    svg = parsed(sparkline_svg([0.2, 0.4, None, 0.5], [None] * 4, "Values"))
    lines = [p for p in svg.select("polyline") if p["stroke"] == "#1d70b8"]
    assert len(lines) == 1 and len(lines[0]["points"].split()) == 2
    # 0.5 stands alone after the gap: a dot, and the latest value is marked.
    assert len(svg.select("circle")) == 2


def test_the_trend_line_rises_with_the_value_and_draws_the_expected_line_dashed():
    svg = parsed(sparkline_svg([0.1, 0.9], [0.5, 0.6], "Values"))
    value = next(p for p in svg.select("polyline") if p["stroke"] == "#1d70b8")
    (_x1, y1), (_x2, y2) = (tuple(map(float, p.split(","))) for p in value["points"].split())
    assert y2 < y1  # SVG's y runs down the page
    assert any(p.get("stroke-dasharray") for p in svg.select("polyline"))


def test_the_trend_lines_words_are_escaped_into_its_name():
    image = BeautifulSoup(sparkline_svg([0.5], [None], 'Values: 50% <"quoted">'), "html.parser")
    assert image.img["alt"] == 'Values: 50% <"quoted">'


def test_a_long_statement_is_cut_at_a_word_with_an_ellipsis():
    statement = (
        "Parent carers say their child's plan is clear, concise and describes the help needed."
    )
    assert short_statement(statement, 40) == "Parent carers say their child's plan is\u2026"
    assert short_statement("Short.", 40) == "Short."


def test_the_change_is_signed_whole_percentage_points():
    assert [points_short(c) for c in (0.034, -0.02, 0.001, None)] == ["+3", "\u22122", "0", "–"]
