"""The board's filters: which KPIs, audience and period a page shows, from the query string."""

from datetime import date

from flask import current_app
from flask_babel import gettext as _
from sqlmodel import Session, select
from wtforms.fields.choices import SelectChoice

from app import clock
from app.analysis.kpi_status import VOCABULARIES, Vocabulary
from app.analysis.tally import Period, parse_period, period_of, periods_between
from app.board.formatting import period_label
from app.board.forms import FilterForm, TalliesForm
from app.board.queries import surveys_with_versions
from app.definitions import definition_of
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


def filter_form(args, *, session: Session) -> tuple[FilterForm, date]:
    """Read the filters; on a wrong value keep the errors and show everything."""
    form = FilterForm(formdata=args)
    areas = session.exec(select(Kpi.priority_area).distinct().order_by(Kpi.priority_area))
    form.area.choices = [SelectChoice("", _("All priority areas"))]
    form.area.choices += [SelectChoice(a, a) for a in areas]
    periods = recent_periods()
    current = _("Current period (%(period)s)", period=period_label(periods[0]))
    form.period.choices = [SelectChoice("", current)]
    form.period.choices += [SelectChoice(p.key, period_label(p)) for p in periods[1:]]
    if any(name in args for name in ("area", "audience", "period")) and not form.validate():
        for field in (form.area, form.audience, form.period):
            field.data = ""
    return form, as_of(form.period.data)


def reading_period(on: date) -> Period:
    """Return the reporting period a page reads: the one holding its date."""
    return period_of(on, period_kind())


def writable_period(key: str) -> Period | None:
    """Return the period commentary may be written for, or None: one of the recent periods."""
    return next((period for period in recent_periods() if period.key == key), None)


def date_asked(args) -> date:
    """Return the date a page's period filter asks for, without building the whole form.

    For a chart, which shows no form: a period not on the list reads as today, as the
    filter form would read it after saying so.
    """
    key = args.get("period")
    return as_of(key) if key and writable_period(key) else clock.today()


def as_of(key: str | None) -> date:
    """Return the date a report is for: today, or the last day of an earlier period."""
    if not key:
        return clock.today()
    return min(parse_period(key, period_kind()).end, clock.today())


def in_use(form: FilterForm) -> dict[str, str]:
    """Return the filters in use, to carry into links and downloads."""
    fields = (form.area, form.audience, form.period)
    return {field.name: field.data for field in fields if field.data}


def tallies_form(args, *, session: Session) -> tuple[TalliesForm, dict[str, int]]:
    """Read the tallies' survey and breakdown; return the form and the surveys by slug."""
    found = surveys_with_versions(session=session)
    # Each survey by its title, as people know it; its address stays the value.
    titled = sorted((definition_of(versions[0]).title, s.slug) for s, versions in found.values())
    surveys = {survey.slug: survey_id for survey_id, (survey, _v) in found.items()}
    form = TalliesForm(formdata=args)
    form.survey.choices = [SelectChoice("", _("All surveys"))]
    form.survey.choices += [SelectChoice(slug, title) for title, slug in titled]
    if args and not form.validate():
        form.by.data = "all"
    return form, surveys
