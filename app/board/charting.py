"""A KPI's trajectory chart: what it is drawn from, its shared date axis, and its alt text."""

import textwrap
from collections.abc import Sequence
from datetime import date

from flask_babel import force_locale, get_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlmodel import Session

from app.analysis.kpi_status import Status, Vocabulary, percent
from app.analysis.tally import period_of
from app.board import bp
from app.board.drawing import HEIGHT_PX, WIDTH_PX, ChartPoint, ChartSpec
from app.board.formatting import month_year, period_label, status_meaning
from app.kpis.definition import trajectory
from app.kpis.readings import KpiRow, KpiView, load_kpis
from app.models import Kpi, KpiMonthCount
from app.words import audience_name

LEGEND_WIDTH = 30  # characters a legend line holds at 11 pt beside the plot
# matplotlib cannot join Arabic or Urdu letters, or shape Bengali or Gurmukhi: charts for a
# page in those languages keep English words, and the table beside the chart is translated.
UNSHAPED = frozenset({"ar", "ur", "bn", "pa"})


def chart_points(view: KpiView) -> tuple[ChartPoint, ...]:
    """Return the chart's points: each period's value, interval and status, dated at its end."""
    last = view.history[-1].period if view.history else None
    return tuple(
        ChartPoint(
            min(h.period.end, view.on) if h.period == last else h.period.end,
            h.reading.value,
            h.reading.ci_low if h.reading.value is not None else None,
            h.reading.ci_high if h.reading.value is not None else None,
            h.reading.status.value,
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


def span_of(rows: Sequence[KpiRow], first_month: str | None, on: date) -> tuple[date, date]:
    """Return one date axis for comparable KPIs: their first answers or line to their last target.

    Whole months, from the first of the first month to the last day of the last.
    """
    starts, ends = [on], [on]
    if first_month and first_month <= on.isoformat():
        starts.append(date.fromisoformat(f"{first_month}-01"))
    for row in rows:
        definition = row.definition
        line = [m.on for m in trajectory(definition)]
        if definition.baseline_date is not None:
            line.append(definition.baseline_date)
        starts.append(min(line))
        ends.append(max(line))
    return min(starts).replace(day=1), period_of(max(ends)).end


def axis_span(kpi: Kpi, on: date, *, session: Session) -> tuple[date, date]:
    """Return the date axis this KPI shares with the KPIs of its priority area (two queries).

    KPIs in one priority area are read together (and the same reference asked of each
    audience sits in one area), so their charts line up month for month.
    """
    rows = load_kpis(session=session, area=kpi.priority_area)
    ids = [row.kpi.id for row in rows]
    first = session.execute(
        select(func.min(KpiMonthCount.month)).where(KpiMonthCount.kpi_id.in_(ids))
    ).scalar()
    return span_of(rows, first, on)


def _legend(text: str) -> str:
    return textwrap.fill(text, LEGEND_WIDTH)


def chart_spec(view: KpiView, span: tuple[date, date], vocabulary: Vocabulary) -> ChartSpec:
    """Return what the KPI's chart is drawn from, in the reader's language if it can draw it."""
    if str(get_locale()) in UNSHAPED:
        with force_locale("en"):
            return _spec(view, span, vocabulary)
    return _spec(view, span, vocabulary)


def _spec(view: KpiView, span: tuple[date, date], vocabulary: Vocabulary) -> ChartSpec:
    definition = view.row.definition
    points = chart_points(view)
    # A point outside the shared axis (a reading dated after every target) widens it.
    days = [p.on for p in points]
    span = (min([span[0], *days]), max([span[1], *days]))
    final = (definition.target_date, definition.target / 100)
    words = {
        "line": _legend(_("Milestone line")),
        "final": _legend(
            _(
                "Final target: %(target)s%% by %(date)s",
                target=percent(final[1]),
                date=month_year(final[0]),
            )
        ),
    }
    for status in dict.fromkeys(Status(p.status) for p in points if p.value is not None):
        word = _(vocabulary.label(status))
        meaning = status_meaning(status)
        words[status.value] = _legend(_("%(status)s: %(meaning)s", status=word, meaning=meaning))
    title = f"{view.row.kpi.ref} – {audience_name(view.row.kpi.audience)}"
    return ChartSpec(title, points, chart_line(view), final, span, tuple(words.items()))


@bp.context_processor
def _chart_size() -> dict:
    # Pages show the chart at its natural size: the size at which its text is 11 pt.
    return {"chart_width": WIDTH_PX, "chart_height": HEIGHT_PX}


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
