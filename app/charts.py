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
        return _svg(figure)


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


# Report charts carry numbers only: the words sit in the table or list beside each chart,
# where every language and a screen reader can read them, and matplotlib cannot shape
# Arabic or Bengali. Bars are lettered to match the list: letters, not numbers, so that
# no one takes a bar's label for a count.
# Feelings in order positive, mixed, neutral, negative. Hatching would say it without colour
# but makes each chart ten times heavier on a phone; the table beside the chart says it in words.
FEELING_COLOURS = ("#00703c", "#f47738", "#b1b4b6", "#d4351c")


def _svg(figure: Figure) -> str:
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def bar_key(index: int) -> str:
    """Return the label of the bar at this index: A to Z, then AA, AB and so on."""
    letters = ""
    index += 1
    while index:
        index, left = divmod(index - 1, 26)
        letters = chr(65 + left) + letters
    return letters


def _keys(count: int) -> list[str]:
    return [bar_key(i) for i in range(count)]


@lru_cache(maxsize=256)
def aims_svg(aims: tuple[tuple[float | None, float], ...]) -> str:
    """Draw each aim's share so far (a bar) against its target (a line); return SVG.

    `aims` holds (share or None when too few answered, target) as fractions, in list order.
    """
    with rc_context({"svg.fonttype": "none", "font.size": 9}):
        figure = Figure(figsize=(6.4, 0.5 + 0.45 * len(aims)), dpi=100)
        axes = figure.add_subplot()
        rows = range(len(aims), 0, -1)
        values = [(value or 0) * 100 for value, _ in aims]
        axes.barh(list(rows), values, color=ACTUAL, height=0.6)
        for row, (value, target) in zip(rows, aims, strict=True):
            axes.plot([target * 100] * 2, [row - 0.4, row + 0.4], color=LINE, lw=2, ls="--")
            if value is None:
                axes.text(1, row, "–", va="center")
        axes.set_yticks(list(rows), _keys(len(aims)))
        axes.set_xlim(0, 100)
        axes.set_xlabel("%")
        axes.grid(axis="x", color="#dddddd")
        return _svg(figure)


@lru_cache(maxsize=256)
def feelings_svg(themes: tuple[tuple[int | None, ...], ...]) -> str:
    """Draw each theme's comments split by feeling (positive, mixed, neutral, negative).

    A count hidden for disclosure control (None) draws as nothing; the table says why.
    """
    with rc_context({"svg.fonttype": "none", "font.size": 9}):
        figure = Figure(figsize=(6.4, 0.5 + 0.45 * len(themes)), dpi=100)
        axes = figure.add_subplot()
        rows = list(range(len(themes), 0, -1))
        left = [0] * len(themes)
        for i, colour in enumerate(FEELING_COLOURS):
            counts = [feelings[i] or 0 for feelings in themes]
            axes.barh(rows, counts, left=left, color=colour, edgecolor="white", height=0.6)
            left = [a + b for a, b in zip(left, counts, strict=True)]
        axes.set_yticks(rows, _keys(len(themes)))
        axes.grid(axis="x", color="#dddddd")
        return _svg(figure)
