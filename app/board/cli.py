"""`flask kpis status`: every KPI's reading, as a table or as JSON for a council's BI tools.

`flask kpis recount`: count every KPI's responses per month again and store the counts.
"""

import json
from datetime import date

import click
from flask import current_app
from flask.cli import AppGroup
from sqlmodel import Session, select

from app import clock
from app.analysis.kpi_status import VOCABULARIES, percent, reading_to_dict
from app.inputs import EARLIEST, LATEST, in_range
from app.kpis.counts import recount
from app.kpis.readings import kpi_views
from app.models import Kpi

kpis_cli = AppGroup("kpis", help="Survey KPIs and their status.")


def _date(_ctx, _param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2025-06-30.") from None
    if not in_range(day):
        raise click.BadParameter(f"{value!r} is not a date from {EARLIEST} to {LATEST}.")
    return day


@kpis_cli.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: a list of objects.")
@click.option("--on", callback=_date, help="The date to assess on, YYYY-MM-DD (default today).")
def kpis_status(as_json: bool, on: date | None) -> None:
    """Print each KPI's value, interval, expected value, status and its explanation."""
    vocabulary = VOCABULARIES[current_app.config["STATUS_VOCABULARY"]]
    with Session(current_app.extensions["engine"]) as session:
        views = kpi_views(
            session=session,
            on=on or clock.today(),
            period_kind=current_app.config["BOARD_PERIOD"],
            vocabulary=vocabulary,
        )
    readings = [view.reading for view in views]
    if as_json:
        click.echo(json.dumps([reading_to_dict(r) for r in readings], indent=2))
        return
    for r in readings:
        value = "-" if r.value is None else f"{percent(r.value)}%"
        slow = "  slow to progress" if r.slow_to_progress else ""
        label = vocabulary.label(r.status)
        click.echo(f"{r.ref:<22} {r.audience:<14} n={r.n:<5} {value:>5}  {label}{slow}")
        click.echo(f"    {r.explanation}")


@kpis_cli.command("recount")
def kpis_recount() -> None:
    """Count every KPI's responses per month from the answers and store them afresh."""
    with Session(current_app.extensions["engine"]) as session:
        by_survey: dict[int, list[Kpi]] = {}
        for kpi in session.exec(select(Kpi)):
            by_survey.setdefault(kpi.survey_id, []).append(kpi)
        for kpis in by_survey.values():
            # One transaction per survey: sends to a survey wait only while it is counted.
            recount(kpis, session=session)
            session.commit()
    total = sum(len(kpis) for kpis in by_survey.values())
    click.echo(f"Recounted {total} KPIs in {len(by_survey)} surveys.")
