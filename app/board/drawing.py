"""Draw a KPI's trajectory chart with matplotlib: a Figure and a buffer, never pyplot.

A board member reads these at 1280 px: the figure is sized in inches at 96 CSS pixels
each and the page shows it at that natural size, so a font given in points is that many
points on the screen. Every word is at least 11 pt. Each period's point has its status's
colour and its own shape, and the legend says the status in words beside them.
"""

import math
from dataclasses import dataclass
from datetime import date

from matplotlib import rc_context
from matplotlib.dates import DateFormatter, MonthLocator, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import PercentFormatter

from app.charts import svg_text

# Inches; the page shows the SVG at 96 CSS px an inch (WIDTH_PX x HEIGHT_PX).
WIDTH, HEIGHT = 9.0, 3.6
WIDTH_PX, HEIGHT_PX = round(WIDTH * 96), round(HEIGHT * 96)
FONT_PT, TITLE_PT = 11, 12
TEXT, LINE, TREND = "#0b0c0c", "#505a5f", "#6f777b"
# Colour and shape per status: each colour keeps 3:1 on white, and no two share a shape,
# so a reader who cannot tell the colours apart still tells the points apart.
MARKERS = {
    "green": ("#00703c", "o", True),
    "amber": ("#b35900", "s", True),
    "red": ("#d4351c", "v", True),
    "blue": ("#1d70b8", "D", True),
    "grey": ("#505a5f", "o", False),  # hollow: not due, or too few answers to say
}


@dataclass(frozen=True)
class ChartPoint:
    on: date
    value: float | None  # fraction 0-1; None when nobody answered or it is hidden
    low: float | None
    high: float | None
    status: str  # a Status value: "green", "amber", ...


@dataclass(frozen=True)
class ChartSpec:
    """Everything a chart is drawn from: the same spec always draws the same chart."""

    title: str
    points: tuple[ChartPoint, ...]
    line: tuple[tuple[date, float], ...]  # the milestone line: (date, fraction)
    final: tuple[date, float]  # the final target
    span: tuple[date, date]  # the date axis, shared by comparable KPIs
    words: tuple[tuple[str, str], ...]  # legend labels: "actual", "line", "final", statuses


def draw(spec: ChartSpec) -> str:
    """Draw the chart; return SVG text."""
    words = dict(spec.words)
    # A fixed salt: the same spec draws the same bytes, whichever process draws it.
    rc = {"svg.fonttype": "none", "svg.hashsalt": "heard", "font.size": FONT_PT}
    rc |= {"text.color": TEXT}
    with rc_context(rc | {"axes.labelcolor": TEXT, "xtick.color": TEXT, "ytick.color": TEXT}):
        figure = Figure(figsize=(WIDTH, HEIGHT))
        # Fixed margins, not tight_layout: it measures every text twice and doubles the time.
        figure.subplots_adjust(left=0.075, right=0.64, bottom=0.13, top=0.88)
        axes = figure.add_subplot()
        handles = _target(axes, spec, words) + _actual(axes, spec, words)
        _axes(axes, spec)
        axes.set_title(spec.title, loc="left", fontsize=TITLE_PT)
        axes.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.02, 1.02),
            frameon=False,
            fontsize=FONT_PT,
            handlelength=1.6,
            borderaxespad=0,
        )
        return svg_text(figure)  # fixed margins: tight_layout cost more than the drawing


def _target(axes, spec: ChartSpec, words: dict) -> list:
    """Draw the milestone line, each milestone and the final target across the whole axis."""
    final_on, final = spec.final
    # Always visible, even with a single milestone: a line across the whole date axis.
    axes.axhline(final * 100, color=LINE, lw=1.2, ls=":")
    handles = [Line2D([], [], color=LINE, lw=1.2, ls=":", label=words["final"])]
    if spec.line:
        days = [d for d, _ in spec.line]
        values = [v * 100 for _, v in spec.line]
        # After the last milestone the line holds at its value to the end of the axis.
        if spec.span[1] > days[-1]:
            days, values = [*days, spec.span[1]], [*values, values[-1]]
        axes.plot(days, values, color=LINE, lw=1.5, ls="--")
        marks = [(d, v * 100) for d, v in spec.line]
        # Unclipped: the last milestone often sits on the axis's end.
        axes.plot(
            *zip(*marks, strict=True),
            ls="",
            marker="D",
            ms=7,
            mfc="white",
            color=LINE,
            clip_on=False,
        )
        handles.append(
            Line2D([], [], color=LINE, ls="--", marker="D", mfc="white", label=words["line"])
        )
    return handles


def _actual(axes, spec: ChartSpec, words: dict) -> list:
    """Draw each period's value with its 95% interval, in its status's colour and shape."""
    shown = [p for p in spec.points if p.value is not None]
    if not shown:
        return []
    axes.plot([p.on for p in shown], [p.value * 100 for p in shown], color=TREND, lw=1)
    handles = []
    for status, (colour, marker, filled) in MARKERS.items():
        group = [p for p in shown if p.status == status]
        if not group:
            continue
        axes.errorbar(
            [p.on for p in group],
            [p.value * 100 for p in group],
            yerr=[
                [(p.value - p.low) * 100 for p in group],
                [(p.high - p.value) * 100 for p in group],
            ],
            fmt=marker,
            ms=7,
            color=colour,
            mfc=colour if filled else "white",
            capsize=3,
            lw=1.2,
        )
        label = words.get(status, status)
        handles.append(
            Line2D(
                [], [], ls="", marker=marker, ms=7, color=colour, mfc=colour if filled else "white"
            )
        )
        handles[-1].set_label(label)
    return handles


def _axes(axes, spec: ChartSpec) -> None:
    start, end = spec.span
    axes.set_xlim(date2num(start), date2num(end))
    axes.set_ylim(0, 100)
    axes.yaxis.set_major_formatter(PercentFormatter(100, decimals=0))
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    # Six labels or fewer: at 11 pt, "Sep 2026" side by side needs no slant.
    step = next(s for s in (1, 2, 3, 4, 6, 12, 24, 36) if math.ceil(months / s) <= 6 or s == 36)
    axes.xaxis.set_major_locator(MonthLocator(interval=step))
    axes.xaxis.set_major_formatter(DateFormatter("%b %Y"))
    axes.grid(axis="y", color="#dddddd")
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
