"""What the board's pages need around the readings: settings, filters, chart inputs, alt text."""

from datetime import date

from flask import current_app, request
from flask_babel import gettext as _
from sqlmodel import select
from wtforms.fields.choices import SelectChoice

from app import clock, db
from app.analysis.kpi_status import VOCABULARIES, Vocabulary, month_year, percent
from app.analysis.tally import Period, parse_period, periods_between
from app.board.forms import AUDIENCE_NAMES, FilterForm
from app.board.service import KpiView
from app.charts import Point, trajectory_svg
from app.kpis.definition import trajectory
from app.models import Kpi

RECENT_MONTHS = 36


def vocabulary() -> Vocabulary:
    """Return the status words this partnership uses."""
    return VOCABULARIES[current_app.config["STATUS_VOCABULARY"]]


def period_kind() -> str:
    """Return the reporting period: "month" or "quarter"."""
    return current_app.config["BOARD_PERIOD"]


def recent_periods() -> list[Period]:
    """Return the periods a board can report on, newest first: the last three years."""
    now = clock.today()
    first = date(now.year - RECENT_MONTHS // 12, now.month, 1)
    return list(reversed(periods_between(first, now, period_kind())))


def filter_form() -> tuple[FilterForm, date]:
    """Read the filters from the query string; on a wrong value keep the errors, show all."""
    form = FilterForm(formdata=request.args)
    areas = db.session().exec(select(Kpi.priority_area).distinct().order_by(Kpi.priority_area))
    form.area.choices = [SelectChoice("", _("All priority areas"))]
    form.area.choices += [SelectChoice(a, a) for a in areas]
    periods = recent_periods()
    current = _("Current period (%(period)s)", period=periods[0].label)
    form.period.choices = [SelectChoice("", current)]
    form.period.choices += [SelectChoice(p.key, p.label) for p in periods[1:]]
    if any(name in request.args for name in ("area", "audience", "period")) and not form.validate():
        for field in (form.area, form.audience, form.period):
            field.data = ""
    return form, as_of(form.period.data)


def as_of(key: str | None) -> date:
    """Return the date a report is for: today, or the last day of an earlier period."""
    if not key:
        return clock.today()
    return min(parse_period(key, period_kind()).end, clock.today())


def filters(form: FilterForm) -> dict[str, str]:
    """Return the filters in use, to carry into export links."""
    fields = (form.area, form.audience, form.period)
    return {field.name: field.data for field in fields if field.data}


def chart_points(view: KpiView) -> tuple[Point, ...]:
    """Return the chart's points: each period's value and interval, dated at its end."""
    last = view.history[-1].period if view.history else None
    return tuple(
        Point(
            min(h.period.end, view.on) if h.period == last else h.period.end,
            h.reading.value,
            h.reading.ci_low,
            h.reading.ci_high,
        )
        for h in view.history
    )


def chart_line(view: KpiView) -> tuple[tuple[date, float], ...]:
    """Return the milestone line: the baseline if set, each milestone, the final target."""
    definition = view.row.definition
    line = [(m.on, m.target) for m in trajectory(definition)]
    if definition.baseline is not None and definition.baseline_date is not None:
        line.insert(0, (definition.baseline_date, definition.baseline / 100))
    return tuple(line)


def chart_svg(view: KpiView) -> str:
    """Return the KPI's trajectory chart as SVG."""
    title = f"{view.row.kpi.ref} – {AUDIENCE_NAMES.get(view.row.kpi.audience, '')}"
    return trajectory_svg(chart_points(view), chart_line(view), title)


def alt_text(view: KpiView) -> str:
    """Say in one sentence what the chart shows; the table under it has every number."""
    reading, definition = view.reading, view.row.definition
    first, last = view.history[0].period, view.history[-1].period
    facts = dict(
        ref=view.row.kpi.ref,
        first=first.label,
        last=last.label,
        target=percent(definition.target / 100),
        date=month_year(definition.target_date),
    )
    if reading.value is None:
        return _(
            "Chart of %(ref)s from %(first)s to %(last)s against the milestone line up to"
            " %(target)s%% by %(date)s. Nobody has answered yet.",
            **facts,
        )
    return _(
        "Chart of %(ref)s from %(first)s to %(last)s against the milestone line up to"
        " %(target)s%% by %(date)s. The latest value is %(value)s%% of %(n)s answers"
        " (95%% CI %(low)s-%(high)s%%). The numbers are in the table below.",
        value=percent(reading.value),
        n=reading.n,
        low=percent(reading.ci_low),
        high=percent(reading.ci_high),
        **facts,
    )


def pct(fraction: float | None) -> str:
    """Return a fraction as a whole percentage, or a dash when there is none."""
    return "–" if fraction is None else f"{percent(fraction)}%"


def points(change: float | None) -> str:
    """Return a change as signed percentage points, e.g. "+3 points"."""
    if change is None:
        return _("no earlier value to compare")
    whole = round(change * 100)
    return _("%(change)s percentage points", change=f"{whole:+d}" if whole else "0")


def audience_name(code: str) -> str:
    """Return an audience's name, translated."""
    return str(AUDIENCE_NAMES.get(code, code))
