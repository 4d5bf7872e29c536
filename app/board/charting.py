"""A KPI's trajectory chart: its points, its milestone line and a sentence saying what it shows."""

from datetime import date

from flask_babel import gettext as _
from flask_babel import ngettext

from app.analysis.kpi_status import percent
from app.board import bp
from app.board.formatting import month_year, period_label
from app.charts import Point, trajectory_svg
from app.kpis.definition import trajectory
from app.kpis.readings import KpiView
from app.words import audience_name


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
    title = f"{view.row.kpi.ref} – {audience_name(view.row.kpi.audience)}"
    return trajectory_svg(chart_points(view), chart_line(view), title)


@bp.app_template_filter("alt_text")
def alt_text(view: KpiView) -> str:
    """Say in one sentence what the chart shows; the table under it has every number."""
    reading, definition = view.reading, view.row.definition
    facts = dict(
        ref=view.row.kpi.ref,
        first=period_label(view.history[0].period),
        last=period_label(view.history[-1].period),
        target=percent(definition.target / 100),
        date=month_year(definition.target_date),
    )
    if reading.n is None:
        return _(
            "Chart of %(ref)s from %(first)s to %(last)s against the milestone line up to"
            " %(target)s%% by %(date)s. The latest figures are hidden: fewer than"
            " %(threshold)s people answered.",
            threshold=dict(reading.facts)["threshold"],
            **facts,
        )
    if reading.value is None:
        return _(
            "Chart of %(ref)s from %(first)s to %(last)s against the milestone line up to"
            " %(target)s%% by %(date)s. Nobody has answered yet.",
            **facts,
        )
    return ngettext(
        "Chart of %(ref)s from %(first)s to %(last)s against the milestone line up to"
        " %(target)s%% by %(date)s. The latest value is %(value)s%% of %(num)d answer"
        " (95%% CI %(low)s-%(high)s%%). The numbers are in the table below.",
        "Chart of %(ref)s from %(first)s to %(last)s against the milestone line up to"
        " %(target)s%% by %(date)s. The latest value is %(value)s%% of %(num)d answers"
        " (95%% CI %(low)s-%(high)s%%). The numbers are in the table below.",
        reading.n,
        value=percent(reading.value),
        low=percent(reading.ci_low),
        high=percent(reading.ci_high),
        **facts,
    )
