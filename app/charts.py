"""matplotlib figures as SVG text: a Figure and a buffer, never pyplot (it keeps global state)."""

import io
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from matplotlib import rc_context
from matplotlib.dates import DateFormatter
from matplotlib.figure import Figure

# Colours that keep 3:1 contrast on white, and differ in shape too (points vs dashes).
ACTUAL, LINE = "#1d70b8", "#505a5f"


@dataclass(frozen=True)
class Point:
    on: date
    value: float | None  # fraction 0-1; None when nobody answered in the window
    low: float
    high: float


@lru_cache(maxsize=512)
def trajectory_svg(
    points: tuple[Point, ...], line: tuple[tuple[date, float], ...], title: str
) -> str:
    """Draw actual values with 95% interval bars against the milestone line; return SVG.

    Cached by its inputs: the same numbers always draw the same chart.
    """
    with rc_context({"svg.fonttype": "none", "font.size": 9}):
        figure = Figure(figsize=(6.4, 2.8), dpi=100)
        axes = figure.add_subplot()
        _draw(axes, points, line)
        axes.set_title(title, loc="left", fontsize=9)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _draw(axes, points: tuple[Point, ...], line: tuple[tuple[date, float], ...]) -> None:
    shown = [p for p in points if p.value is not None]
    if line:
        axes.plot(
            [d for d, _ in line], [v * 100 for _, v in line], ls="--", color=LINE, label="Target"
        )
    if shown:
        values = [p.value * 100 for p in shown]
        below = [(p.value - p.low) * 100 for p in shown]
        above = [(p.high - p.value) * 100 for p in shown]
        axes.errorbar(
            [p.on for p in shown],
            values,
            yerr=[below, above],
            fmt="o",
            color=ACTUAL,
            capsize=3,
            label="Actual (95% CI)",
        )
    axes.set_ylim(0, 100)
    axes.set_ylabel("%")
    axes.xaxis.set_major_formatter(DateFormatter("%b %Y"))
    axes.tick_params(axis="x", labelrotation=30)
    axes.grid(axis="y", color="#dddddd")
    if line or shown:
        axes.legend(loc="lower right", fontsize=8, frameon=False)
