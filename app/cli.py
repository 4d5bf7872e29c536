"""`flask` commands: db, surveys, users, responses."""

import secrets
import sys
from datetime import timedelta
from pathlib import Path

import click
from alembic import command
from email_validator import EmailNotValidError, validate_email
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlmodel import Session, select

from app import catalogues, db
from app.accounts import passwords, people
from app.definitions.loader import load_directory, validate_directory
from app.export import ExportError, export_csv
from app.models import Role, StaffUser, utcnow

db_cli = AppGroup("db", help="The database schema.")
surveys_cli = AppGroup("surveys", help="Survey definition files.")
users_cli = AppGroup("users", help="Staff accounts.")
responses_cli = AppGroup("responses", help="Stored responses.")
translate_cli = AppGroup("translate", help="Translation catalogues (UI and survey text).")
easyread_cli = AppGroup("easyread", help="Easy-read wording and pictures.")


def init_app(app: Flask) -> None:
    """Register the command groups."""
    from app.comments.cli import text_cli

    groups = (db_cli, surveys_cli, users_cli, responses_cli, translate_cli, easyread_cli, text_cli)
    for group in groups:
        app.cli.add_command(group)


def _session() -> Session:
    return Session(current_app.extensions["engine"], expire_on_commit=False)


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Migrate the database to the newest schema."""
    engine = current_app.extensions["engine"]
    url = engine.url.render_as_string(hide_password=False)
    with engine.begin() as connection:
        config = db.alembic_config(url)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    click.echo("The database schema is up to date.")


def _surveys_dir(directory: str | None) -> Path:
    return Path(directory) if directory else current_app.config["SURVEYS_DIR"]


@surveys_cli.command("validate")
@click.option("--dir", "directory", help="Folder of survey files (default: surveys/).")
def surveys_validate(directory: str | None) -> None:
    """Check every survey file; print each problem with its file and field."""
    good, errors = validate_directory(_surveys_dir(directory))
    for definition in good:
        click.echo(f"ok      {definition.slug}")
    for error in errors:
        click.echo(str(error), err=True)
    if errors:
        sys.exit(1)


@surveys_cli.command("load")
@click.option("--dir", "directory", help="Folder of survey files (default: surveys/).")
def surveys_load(directory: str | None) -> None:
    """Load the survey files: a new version only where the content changed."""
    with _session() as session:
        results, errors = load_directory(_surveys_dir(directory), session=session)
        session.commit()
    for result in results:
        click.echo(f"{result.outcome:<12} {result.slug} (version {result.version})")
    for error in errors:
        click.echo(f"not loaded   {error.path} (nothing from this file was loaded):", err=True)
        click.echo(str(error), err=True)
    if errors:
        sys.exit(1)


@users_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice([r.value for r in Role]), default="officer")
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from standard input, not a prompt."
)
def users_create(email: str, role: str, password_stdin: bool) -> None:
    """Add a staff user; the password is typed at a prompt (twice) or read from standard input."""
    # Never an argument: a password on the command line is kept in shell history and shown
    # to every user of the machine by `ps`.
    try:
        email = validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise click.ClickException("Enter an email address like name@example.org.") from None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if problems := passwords.problems(password, email):
        raise click.ClickException(problems[0])
    with _session() as session:
        if people.by_email(email, session=session):
            raise click.ClickException(f"{email} already has an account.")
        people.create(email, password, Role(role), utcnow(), session=session)
        session.commit()
    click.echo(f"Created {email} ({role}).")


BOOTSTRAP_EMAIL = "admin@localhost"
BOOTSTRAP_HOURS = 24


def _unclaimed(user: StaffUser, now) -> bool:
    # The bootstrap admin has not chosen a password yet: never signed in, or too late.
    if user.email != BOOTSTRAP_EMAIL or not user.must_change_password:
        return False
    expired = user.password_expires_at is not None and user.password_expires_at <= now
    return user.last_sign_in_at is None or expired


@users_cli.command("bootstrap")
def users_bootstrap() -> None:
    """Make a first admin with a one-time password (24 hours), only while there are no staff.

    Run again before that admin has first signed in (or after their one-time password
    expired), it gives a new one-time password.
    """
    with _session() as session:
        staff, now = session.exec(select(StaffUser).limit(2)).all(), utcnow()
        first = staff[0] if len(staff) == 1 else None
        waiting = first is not None and _unclaimed(first, now)
        if staff and not waiting:
            click.echo("Staff sign-in: use your existing account at /manage/sign-in")
            return
        password = secrets.token_urlsafe(12)
        if waiting:
            first.password_hash = passwords.hashed(password)
            first.password_expires_at = now + timedelta(hours=BOOTSTRAP_HOURS)
        else:
            people.create(
                BOOTSTRAP_EMAIL,
                password,
                Role.ADMIN,
                now,
                must_change=True,
                expires_in=timedelta(hours=BOOTSTRAP_HOURS),
                session=session,
            )
        session.commit()
    click.echo("First staff sign-in (shown once, write it down; it works for 24 hours):")
    click.echo("  http://127.0.0.1:5000/manage/sign-in")
    click.echo(f"  email: {BOOTSTRAP_EMAIL}   password: {password}")
    click.echo("You will choose your own password when you sign in.")


@responses_cli.command("export")
@click.option("--survey", "slug", required=True, help="The survey's slug.")
@click.option("--output", type=click.File("w", encoding="utf-8"), default="-")
def responses_export(slug: str, output) -> None:
    """Write a survey's responses as CSV: one row per response, one column per question."""
    with _session() as session:
        try:
            export_csv(slug, output, session=session)
        except ExportError as error:
            raise click.ClickException(str(error)) from None


@translate_cli.command("extract")
def translate_extract() -> None:
    """Write translations/messages.pot from the code, templates and survey files."""
    catalogues.extract()
    click.echo(f"Wrote {catalogues.TEMPLATE}")


@translate_cli.command("update")
def translate_update() -> None:
    """Extract, then merge new strings into every language's catalogue."""
    catalogues.extract()
    catalogues.update()
    click.echo("Updated: " + ", ".join(catalogues.languages()))


@translate_cli.command("compile")
def translate_compile() -> None:
    """Compile the catalogues the app reads (drafts included, marked as drafts)."""
    catalogues.compile_all()
    click.echo("Compiled: " + ", ".join(catalogues.languages()))


@translate_cli.command("status")
def translate_status() -> None:
    """Print, per language and per survey, how much is translated and how much reviewed."""
    click.echo(f"{'language':<9}{'area':<32}{'strings':>8}{'translated':>12}{'reviewed':>10}")
    for language in catalogues.languages():
        for row in catalogues.coverage(language):
            click.echo(
                f"{language:<9}{row.area:<32}{row.total:>8}"
                f"{row.translated_percent:>11}%{row.reviewed_percent:>9}%"
            )


@easyread_cli.command("check")
@click.option("--dir", "directory", help="Folder of survey files (default: surveys/).")
@click.option("--strict", is_flag=True, help="Fail on advice (hard words) as well as errors.")
def easyread_check(directory: str | None, strict: bool) -> None:
    """Lint easy-read wording: sentence length, pictures, hard words, missing translations."""
    from app import easyread_check as lint
    from app.symbols import SYMBOLS

    good, errors = validate_directory(_surveys_dir(directory))
    symbols = {path.stem for path in SYMBOLS.glob("*.svg")}
    avoid = lint.avoid_words()
    strings = {language: catalogues.translations(language) for language in catalogues.languages()}
    failed = bool(errors)
    for survey in good:
        findings = lint.check_survey(survey, symbols, avoid)
        findings += lint.check_translations(survey, strings)
        for finding in findings:
            kind = "error" if finding.error else "advice"
            click.echo(f"{survey.slug}: {finding.where}: {finding.rule} {kind}: {finding.message}")
        failed = failed or any(f.error or strict for f in findings)
    click.echo("Easy read: problems found." if failed else "Easy read: all surveys pass.")
    if failed:
        sys.exit(1)
