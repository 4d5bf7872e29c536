"""`flask sync`: the key, export an event, import a bundle, push one to the server, retry.

`flask sync import` ends with the report as its last line and exits 1 when it refused or
quarantined the bundle, so a script can tell a bundle that arrived from one that did not.
"""

import sys
from datetime import UTC, datetime

import click
from flask import current_app
from flask.cli import AppGroup
from sqlmodel import Session

from app.comments.notify import send_alert
from app.facilitation import find_event
from app.sync import bundle as bundles
from app.sync.bundle import BundleError
from app.sync.export import event_part, event_responses
from app.sync.importer import Report, import_bundle, retry
from app.sync.keys import NoKeyError, make_key, signing_key
from app.sync.push import PushError, push

sync_cli = AppGroup("sync", help="Focus-group sync: laptops to the central server.")
REFUSED = "Refused: 0 new, 0 already there, 0 conflicts, 0 quarantined."


def _session() -> Session:
    return Session(current_app.extensions["engine"], expire_on_commit=False)


@sync_cli.command("key")
def sync_key() -> None:
    """Print this server's sync key, making it the first time."""
    with _session() as session:
        key = make_key(session=session)
        session.commit()
    click.echo("This server's sync key. On each laptop, set HEARD_SYNC_KEY to it:")
    click.echo(key)


def _bundle_text(event_ref: str, *, session: Session) -> str:
    """Return an event's signed bundle as text, or stop with a message."""
    event = find_event(event_ref, session=session)
    if event is None:
        raise click.ClickException(
            f"There is no event {event_ref}: `flask events list` lists them."
        )
    try:
        key = signing_key(session=session)
    except NoKeyError as error:
        raise click.ClickException(str(error)) from None
    responses = event_responses(event, session=session)
    made = bundles.build(event_part(event), responses, key=key, created_at=datetime.now(UTC))
    return bundles.dumps(made)


@sync_cli.command("export")
@click.option("--event", "event_ref", required=True, help="The event's number (or UUID).")
@click.option("--output", type=click.File("w", encoding="ascii"), default="-")
def sync_export(event_ref: str, output) -> None:
    """Write an event's responses as one signed bundle (to standard output by default)."""
    with _session() as session:
        output.write(_bundle_text(event_ref, session=session))


def _finish(report: Report) -> None:
    """Print a report, ending with its line; exit 1 unless the bundle was imported."""
    for conflict in report.conflict_ids:
        click.echo(f"conflict: {conflict} is already stored with other answers; kept as it was.")
    for version in report.missing:
        click.echo(
            f"unknown survey version: {version['slug']} version {version['number']} "
            f"(content {version['hash'][:12]}). Load it with `flask surveys load`, then run "
            f"`flask sync retry {report.import_id}`."
        )
    click.echo(report.line())
    if report.state != "imported":
        sys.exit(1)


def _import(action, **kwargs) -> None:
    """Run an import in one transaction: commit all of it, or refuse and store nothing."""
    max_bytes = current_app.config["SYNC_MAX_BYTES"]
    with _session() as session:
        try:
            report = action(staff_id=None, max_bytes=max_bytes, session=session, **kwargs)
        except (BundleError, NoKeyError) as error:
            session.rollback()
            click.echo(f"The bundle was refused. {error}", err=True)
            click.echo(REFUSED)
            sys.exit(1)
        session.commit()
    if report.alerts:
        # The lead reads the queue on this server; the email never carries the comment.
        send_alert(current_app.config, queue_url="/safeguarding/ on the central server")
    _finish(report)


@sync_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def sync_import(path: str) -> None:
    """Import a bundle file: new responses stored once, the rest reported."""
    with open(path, "rb") as file:
        # One byte past the limit is enough to refuse a bundle that is too big.
        text = file.read(current_app.config["SYNC_MAX_BYTES"] + 1)
    _import(import_bundle, text=text, source="cli")


@sync_cli.command("retry")
@click.argument("import_id", type=int)
def sync_retry(import_id: int) -> None:
    """Import a quarantined bundle again, after loading the survey versions it needs."""
    _import(retry, import_id=import_id)


@sync_cli.command("push")
@click.argument("url")
@click.option("--event", "event_ref", required=True, help="The event's number (or UUID).")
def sync_push(url: str, event_ref: str) -> None:
    """Send an event's bundle to the central server at URL and print its report."""
    with _session() as session:
        text = _bundle_text(event_ref, session=session)
    try:
        status, reply = push(url, text)
    except PushError as error:
        raise click.ClickException(str(error)) from None
    if reply.get("message"):
        click.echo(reply["message"], err=status != 200)
    for conflict in reply.get("conflict_ids", []):
        click.echo(f"conflict: {conflict} is already stored with other answers; kept as it was.")
    click.echo(reply.get("report") or REFUSED)
    if status != 200:
        sys.exit(1)
