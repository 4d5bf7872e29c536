"""Template filters that say the board's numbers, dates and sentences in the reader's language."""

from datetime import date

from babel.dates import format_date as babel_date
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.analysis.kpi_sentences import TEMPLATES
from app.analysis.kpi_status import KpiReading, Status, Vocabulary, percent
from app.analysis.tally import Period
from app.board import bp
from app.words import audience_name, people

# What each status means, from the status rules (analysis/kpi_status.py), said beside its
# colour wherever a status is shown: the colour alone tells nobody anything.
STATUS_MEANINGS = {
    Status.RED: _l("the whole confidence interval is below the milestone line"),
    Status.AMBER: _l("below the milestone line, but its confidence interval reaches it"),
    Status.GREEN: _l("on track: at or above the milestone line"),
    Status.BLUE: _l("final target met and closed by the board"),
    Status.GREY: _l("not due yet, or too few answers to say"),
}
# The order the board reads them in: what needs attention first.
STATUS_ORDER = tuple(STATUS_MEANINGS)
SHORT_STATEMENT = 90


def format_date(day: date, pattern: str) -> str:
    """Format a date in the page's language; English as written in the UK (day first)."""
    locale = get_locale()
    return babel_date(day, pattern, locale="en_GB" if str(locale) == "en" else locale)


@bp.app_template_filter("pct")
def pct(fraction: float | None) -> str:
    """Return a fraction as a whole percentage, or a dash when there is none."""
    return "–" if fraction is None else f"{percent(fraction)}%"


@bp.app_template_filter("count")
def count(n: int | None) -> str:
    """Return a count for a table cell; a count kept from the board says "hidden"."""
    # One word whether it is small or hides another: telling them apart would give one away.
    return _("hidden") if n is None else str(n)


@bp.app_template_filter("count_in_sentence")
def count_in_sentence(n: int | None) -> str:
    """Return a count as it reads in a sentence ("12 answered", "a hidden number answered")."""
    return _("a hidden number") if n is None else str(n)


@bp.app_template_filter("interval")
def interval(reading: KpiReading) -> str:
    """Return a reading's 95% interval, "40% – 62%", or a dash when there is none."""
    if reading.ci_low is None or reading.ci_high is None:
        return "–"
    return f"{pct(reading.ci_low)} – {pct(reading.ci_high)}"


@bp.app_template_filter("points")
def points(change: float | None) -> str:
    """Return a change as signed percentage points, e.g. "+3 percentage points"."""
    if change is None:
        return _("no earlier value to compare")
    whole = round(change * 100)
    sign = "+" if whole > 0 else "-" if whole < 0 else ""
    return ngettext(
        "%(sign)s%(num)d percentage point",
        "%(sign)s%(num)d percentage points",
        abs(whole),
        sign=sign,
    )


@bp.app_template_filter("points_short")
def points_short(change: float | None) -> str:
    """Return a change in whole percentage points for a table cell: "+3", "-2", "0" or "–"."""
    if change is None:
        return "–"
    whole = round(change * 100)
    return f"+{whole}" if whole > 0 else f"\u2212{-whole}" if whole < 0 else "0"


@bp.app_template_filter("short_statement")
def short_statement(statement: str, limit: int = SHORT_STATEMENT) -> str:
    """Return a KPI's statement cut at a word before `limit` characters, with an ellipsis."""
    if len(statement) <= limit:
        return statement
    cut = statement[: limit - 1]
    if statement[limit - 1] != " ":  # the cut fell inside a word: leave that word out
        cut = cut.rsplit(" ", 1)[0]
    return f"{cut.rstrip(' ,;:.')}\u2026"


@bp.app_template_filter("status_meaning")
def status_meaning(status: Status) -> str:
    """Return what a status means, in words, translated: said beside its colour."""
    return str(STATUS_MEANINGS[status])


@bp.app_template_filter("long_date")
def long_date(day: date) -> str:
    """Return a date as the reader's language writes it in full, e.g. "1 June 2025"."""
    return format_date(day, "long")


@bp.app_template_filter("month_year")
def month_year(day: date) -> str:
    """Return a month and year in the reader's language, e.g. "June 2025"."""
    return format_date(day, "LLLL y")


@bp.app_template_filter("period_label")
def period_label(period: Period) -> str:
    """Return a month ("March 2025") or quarter ("January to March 2025") as a sentence."""
    if period.start.month == period.end.month:
        return month_year(period.start)
    return _(
        "%(first)s to %(last)s",
        first=format_date(period.start, "LLLL"),
        last=month_year(period.end),
    )


@bp.app_template_filter("status_word")
def status_word(reading: KpiReading, vocabulary: Vocabulary) -> str:
    """Return the partnership's word for a reading's status, translated."""
    return _(vocabulary.label(reading.status))


@bp.app_template_filter("explanation")
def explanation(reading: KpiReading, vocabulary: Vocabulary) -> str:
    """Return the sentence that explains a status, translated whole with its figures."""
    facts = dict(reading.facts)
    dates = {"milestone": month_year, "start": long_date}
    shown = {k: dates[k](v) if k in dates else v for k, v in facts.items()}
    if reading.n is not None:  # a hidden reading's sentence names no count
        shown["people"] = people(reading.n, reading.audience)
    return _(TEMPLATES[reading.case], status=status_word(reading, vocabulary), **shown)


@bp.app_template_filter("audience_name")
def audience(code: str) -> str:
    """Return an audience's name, translated."""
    return audience_name(code)
