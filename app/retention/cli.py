"""`flask data purge`: what retention deletes, said in numbers."""

import click
from flask import current_app
from flask.cli import AppGroup
from sqlmodel import Session

from app.models import utcnow
from app.retention.purge import PurgeReport, purge

data_cli = AppGroup("data", help="Keeping answers only as long as promised.")


@data_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Say what would be deleted; delete nothing.")
def data_purge(dry_run: bool) -> None:
    """Delete responses past their survey's retention and expired drafts; print how many."""
    with Session(current_app.extensions["engine"], expire_on_commit=False) as session:
        report = purge(
            utcnow(),
            draft_hours=current_app.config["DRAFT_HOURS"],
            dry_run=dry_run,
            session=session,
        )
        if not dry_run:
            session.commit()
    for line in report_lines(report, dry_run=dry_run):
        click.echo(line)


def report_lines(report: PurgeReport, *, dry_run: bool) -> list[str]:
    """Return the purge's report, one survey a line, then the totals."""
    verb = "would delete" if dry_run else "deleted"
    lines = []
    for survey in report.surveys:
        line = (
            f"{survey.slug}: keeps {survey.months} months; {verb} {survey.responses} "
            f"sent before {survey.before:%Y-%m-%d %H:%M} UTC"
        )
        if survey.held:
            line += f"; kept {survey.held} with a safeguarding alert still open"
        lines.append(line)
    erased = report.erased
    lines.append(
        f"{'Would delete' if dry_run else 'Deleted'} {erased.responses} responses "
        f"({erased.answers} answers, {erased.readings} comment readings, "
        f"{len(erased.alerts)} closed safeguarding alerts) and {report.drafts} expired drafts."
    )
    if report.held:
        lines.append(
            f"Kept {report.held} responses past their time: the safeguarding lead must decide "
            "their alerts first. The next purge after that deletes them."
        )
    lines.append("KPI counts are kept." if not dry_run else "Nothing was deleted (dry run).")
    return lines
