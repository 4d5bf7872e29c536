"""The report's matplotlib figures as SVG text: a Figure and a buffer, never pyplot (it keeps
global state). The board's KPI charts are drawn in app/board/drawing.py."""

import io
from functools import lru_cache

from matplotlib import rc_context
from matplotlib.figure import Figure

# Colours that keep 3:1 contrast on white, and differ in shape too (bars vs dashes).
ACTUAL, LINE = "#1d70b8", "#505a5f"

# Report charts carry numbers only: the words sit in the table or list beside each chart,
# where every language and a screen reader can read them, and matplotlib cannot shape
# Arabic or Bengali. Bars are lettered to match the list: letters, not numbers, so that
# no one takes a bar's label for a count.
# Feelings in order positive, mixed, neutral, negative. Hatching would say it without colour
# but makes each chart ten times heavier on a phone; the table beside the chart says it in words.
FEELING_COLOURS = ("#00703c", "#f47738", "#b1b4b6", "#d4351c")


def svg_text(figure: Figure) -> str:
    """Return a figure as SVG text, with no date in it (the same chart is the same bytes)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _svg(figure: Figure) -> str:
    figure.tight_layout()
    return svg_text(figure)


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
