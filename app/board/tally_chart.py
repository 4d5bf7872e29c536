"""A bar chart beside each tally's table: inline SVG drawn on the server.

Each answer's share of those who answered, one bar a row in the table's order, with the
answer's words above its bar. The table beside it is the text alternative: it holds every
number, so the chart names itself and points there. Colours are attributes, not styles,
so the page's Content-Security-Policy allows them; the browser draws the words, in any
script.
"""

from flask_babel import gettext as _
from markupsafe import Markup, escape

from app.analysis.kpi_status import percent
from app.analysis.tally import QuestionTally
from app.board import bp

WIDTH, ROW, BAR, LABEL_CHARS, FONT = 400, 44, 16, 44, 16
BAR_COLOUR, TRACK, TEXT = "#1d70b8", "#f3f2f1", "#0b0c0c"
BAR_SPACE = WIDTH - 56  # room for "100%" after the longest bar


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "\u2026"


@bp.app_template_filter("tally_bars")
def tally_bars(tally: QuestionTally, labels: dict[str, str]) -> Markup:
    """Return a bar for each answer's share; a hidden count draws no bar and says so."""
    rows = []
    for i, option in enumerate(tally.options):
        top = i * ROW
        words = escape(_label(labels.get(option.value, option.value)))
        rows.append(f'<text x="0" y="{top + 15}" fill="{TEXT}" font-size="{FONT}">{words}</text>')
        bar_y = top + 21
        rows.append(f'<rect x="0" y="{bar_y}" width="{BAR_SPACE}" height="{BAR}" fill="{TRACK}"/>')
        if option.share is None:
            said = escape(_("hidden"))
            end = 4
        else:
            said = f"{percent(option.share)}%"
            length = round(option.share * BAR_SPACE, 1)
            rows.append(
                f'<rect x="0" y="{bar_y}" width="{length}" height="{BAR}" fill="{BAR_COLOUR}"/>'
            )
            end = length + 4
        rows.append(
            f'<text x="{end}" y="{bar_y + 13}" fill="{TEXT}" font-size="{FONT}">{said}</text>'
        )
    height = max(len(tally.options), 1) * ROW
    name = escape(_("Bar chart of each answer's share; the table beside it has the numbers."))
    return Markup(
        # Laid out left to right whatever the page's direction: the bars grow from the left.
        f'<svg class="tally-chart" role="img" aria-label="{name}" direction="ltr" width="{WIDTH}"'
        f' height="{height}" viewBox="0 0 {WIDTH} {height}">{"".join(rows)}</svg>'
    )
