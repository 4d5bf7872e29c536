"""A small trend line for the summary table: SVG drawn on the server, with its words.

No matplotlib: two dozen of these sit in one table, and a few lines of SVG cost nothing.
Colours are attributes, not styles, so the page's Content-Security-Policy allows them.
"""

import base64
from collections.abc import Sequence

from flask_babel import gettext as _
from markupsafe import Markup, escape

from app.analysis.kpi_status import percent
from app.board import bp
from app.board.formatting import period_label
from app.kpis.readings import KpiView

WIDTH, HEIGHT, PAD = 96, 28, 3
RECENT = 12  # periods shown: a year of months, or three years of quarters
VALUE, EXPECTED, AXIS = "#1d70b8", "#505a5f", "#b1b4b6"


def _x(index: int, count: int) -> float:
    return PAD + index * (WIDTH - 2 * PAD) / max(count - 1, 1)


def _y(fraction: float) -> float:
    return HEIGHT - PAD - fraction * (HEIGHT - 2 * PAD)


def _runs(values: Sequence[float | None]) -> list[list[tuple[float, float]]]:
    """Return the unbroken runs of values as points; a missing value breaks the line."""
    runs: list[list[tuple[float, float]]] = [[]]
    for i, value in enumerate(values):
        if value is None:
            runs.append([])
        else:
            runs[-1].append((_x(i, len(values)), _y(value)))
    return [run for run in runs if run]


def _line(points: list[tuple[float, float]], colour: str, extra: str = "") -> str:
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return f'<polyline points="{coords}" fill="none" stroke="{colour}"{extra}/>'


def sparkline_svg(values: Sequence[float | None], expected: Sequence[float | None], label: str):
    """Return an SVG trend line of fractions 0-1, with the expected values dashed under it."""
    parts = [f'<line x1="0" y1="{HEIGHT - 1}" x2="{WIDTH}" y2="{HEIGHT - 1}" stroke="{AXIS}"/>']
    for run in _runs(expected):
        if len(run) < 2:
            continue  # one expected value alone is no line
        parts.append(_line(run, EXPECTED, ' stroke-width="1" stroke-dasharray="3 2"'))
    for run in _runs(values):
        if len(run) > 1:
            parts.append(_line(run, VALUE, ' stroke-width="2"'))
        else:
            x, y = run[0]
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2" fill="{VALUE}"/>')
    if values and values[-1] is not None:
        x, y = _x(len(values) - 1, len(values)), _y(values[-1])
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{VALUE}"/>')
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}"'
        f' viewBox="0 0 {WIDTH} {HEIGHT}">{"".join(parts)}</svg>'
    )
    # An <img> of the SVG, not the SVG inline: the PDF of the pack tags an image with its
    # alt text, where an inline SVG became a figure with no words at all.
    source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    return Markup(
        f'<img class="spark" alt="{escape(label)}" width="{WIDTH}" height="{HEIGHT}"'
        f' src="{source}">'
    )


def trend_words(view: KpiView, recent: int = RECENT) -> str:
    """Say what the trend line shows: each recent period's value, in order."""
    history = view.history[-recent:]
    values = [h.reading.value for h in history]
    if all(value is None for value in values):
        return _("No values to show yet.")
    said = ", ".join(_("no value") if v is None else f"{percent(v)}%" for v in values)
    return _(
        "Values from %(first)s to %(last)s: %(values)s.",
        first=period_label(history[0].period),
        last=period_label(history[-1].period),
        values=said,
    )


@bp.app_template_filter("sparkline")
def sparkline(view: KpiView, recent: int = RECENT):
    """Return a KPI's recent values as a small trend line with its words."""
    history = view.history[-recent:]
    values = [h.reading.value for h in history]
    expected = [h.reading.expected for h in history]
    return sparkline_svg(values, expected, trend_words(view, recent))
