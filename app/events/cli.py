"""`flask events create|list` and `flask facilitate`: run Heard on a laptop for a focus group.

Nothing here may need make or a POSIX-only call: council laptops are often Windows.
waitress is a pure-Python production server, and Ctrl+C stops it on every system.
"""

from datetime import date

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from sqlmodel import Session, select

from app import clock, db
from app.events.network import listening_socket, phone_address
from app.events.service import create_event, event_rows, offered, unknown_surveys
from app.facilitation import find_event
from app.models import StaffUser

events_cli = AppGroup("events", help="Focus-group events.")


def _session() -> Session:
    return Session(current_app.extensions["engine"], expire_on_commit=False)


def _date(_ctx, _param, value: str | None) -> date:
    if value is None:
        return clock.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-03-31.") from None


@events_cli.command("create")
@click.argument("name")
@click.option("--survey", "surveys", multiple=True, required=True, help="A survey's slug.")
@click.option("--date", "held_on", callback=_date, help="YYYY-MM-DD (default: today).")
@click.option("--group", default="", help="The group that meets, e.g. a youth forum.")
@click.option("--facilitator", default="", help="Who runs the event.")
def events_create(name: str, surveys, held_on: date, group: str, facilitator: str) -> None:
    """Create an event offering these surveys; print its number as the last line."""
    name = name.strip()
    if not name or len(name) > 200:
        raise click.BadParameter(
            "give the event a name of up to 200 characters.", param_hint="NAME"
        )
    with _session() as session:
        unknown = unknown_surveys(list(surveys), session=session)
        if unknown:
            raise click.ClickException(
                f"No open survey called {', '.join(unknown)}: load it with `flask surveys load`."
            )
        event = create_event(
            name, held_on, list(surveys), group=group, facilitator=facilitator, session=session
        )
        session.commit()
    click.echo(f"Created event {event.id}: {event.name} on {event.held_on.isoformat()}.")
    click.echo(f"Run it on this laptop with: flask --app app facilitate --event {event.id}")
    click.echo(event.id)


@events_cli.command("list")
def events_list() -> None:
    """List the events, newest first, with their responses."""
    with _session() as session:
        rows = event_rows(session=session)
    for row in rows:
        event = row.event
        click.echo(f"{event.id:>5}  {event.held_on.isoformat()}  {row.responses:>6}  {event.name}")


@click.command("facilitate")
@with_appcontext
@click.option("--event", "event_ref", required=True, help="The event's number (or UUID).")
@click.option("--host", default="0.0.0.0", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535))
def facilitate(event_ref: str, host: str, port: int) -> None:
    """Serve Heard to phones on this laptop's network, for one event."""
    import waitress

    app = current_app._get_current_object()
    problem = db.schema_problem(app.extensions["engine"])
    if problem:
        raise click.ClickException(problem)
    with _session() as session:
        event = find_event(event_ref, session=session)
        if event is None:
            raise click.ClickException(f"There is no event {event_ref}: see `flask events list`.")
        titles = [title for _slug, title in offered(event, session=session)]
        has_staff = session.exec(select(StaffUser.id).limit(1)).first() is not None
    if not titles:
        raise click.ClickException(
            "None of this event's surveys is open here: run `flask surveys load` first."
        )
    address = phone_address(host, port)
    app.config["FACILITATE_EVENT_ID"] = event.id
    app.config["FACILITATE_JOIN_URL"] = f"http://{address}"
    click.echo(f"Event {event.id}: {event.name}. Surveys: {'; '.join(titles)}.")
    click.echo(
        f"Facilitator page (on this laptop): http://127.0.0.1:{port}/manage/events/{event.id}"
    )
    if not has_staff:
        click.echo("No staff account here yet: run `flask --app app users bootstrap` to make one.")
    click.echo("Stop with Ctrl+C.")
    try:
        sock = listening_socket(host, port)
    except OSError as error:
        raise click.ClickException(
            f"Cannot listen on {host}:{port} ({error.strerror or error}): another program may "
            "be using that port. Choose another with --port."
        ) from None
    server = waitress.create_server(app, sockets=[sock], threads=8, ident="Heard")
    click.echo(f"Phones on this laptop's network open: http://{address}")
    server.run()
