"""Retention: `flask data purge` deletes what is past its time, says how much, keeps KPI counts."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, func, select

from app.board.cli import kpis_recount
from app.kpis.counts import month_counts, recount
from app.models import (
    AlertState,
    Answer,
    AuditEvent,
    CommentReading,
    Draft,
    Kpi,
    Response,
    SafeguardingAlert,
)
from app.retention.cli import data_purge
from app.retention.purge import purge
from tests.comments.helpers import SLUG as COMMENTS
from tests.comments.helpers import comment_survey, send_comment
from tests.conftest import survey_by_slug
from tests.journey import start
from tests.kpi_fixtures import REVIEW, mix, stored_months, utc

NOW = datetime(2025, 7, 15, 12, 0, tzinfo=UTC)
RISK = "sometimes i dont want to be here anymore"


def count(app, model, *where) -> int:
    with Session(app.extensions["engine"]) as session:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()


def run(app, now=NOW, *, dry_run=False, draft_hours=24):
    """Purge as the command does, at a chosen time; return the report."""
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        report = purge(now, draft_hours=draft_hours, dry_run=dry_run, session=session)
        session.commit()
    return report


def set_retention(app, slug: str, months: int) -> None:
    with Session(app.extensions["engine"]) as session:
        survey = survey_by_slug(session, slug)
        survey.retention_months = months
        session.add(survey)
        session.commit()


def backdate(app, at: datetime) -> None:
    """Make every stored response look as if it was sent at this time."""
    with Session(app.extensions["engine"]) as session:
        session.exec(update(Response).values(submitted_at=at))
        session.commit()


def test_responses_past_the_default_3_years_go_with_their_answers_and_newer_ones_stay(
    app, review, add_responses
):
    add_responses(review, mix(2, 1), utc(2022, 7, 14))  # 3 years and a day ago
    add_responses(review, mix(1), utc(2022, 7, 16))  # a day short of 3 years
    add_responses(review, mix(1, 1), utc(2025, 7, 1))
    report = run(app)
    assert count(app, Response) == 3
    assert count(app, Answer) == 6  # two answers each
    (summary,) = [s for s in report.surveys if s.slug == review]
    assert (summary.months, summary.responses, summary.held) == (36, 3, 0)
    assert summary.before == datetime(2022, 7, 15, 12, 0, tzinfo=UTC)
    assert report.erased.responses == 3 and report.erased.answers == 6


def test_the_monthly_kpi_counts_do_not_change_when_old_responses_are_purged(
    app, review, add_responses
):
    add_responses(review, mix(2, 1, 1), utc(2022, 3, 10))
    add_responses(review, mix(1, 0, 1), utc(2022, 7, 2))  # the cutoff's month: partly purged
    add_responses(review, mix(1), utc(2022, 7, 20))
    add_responses(review, mix(3, 1), utc(2025, 6, 5))
    before = stored_months(app)
    run(app)
    assert count(app, Response) == 5
    assert stored_months(app) == before
    # A recount (a KPI edit, a file load, `flask kpis recount`) keeps the purged months too.
    with Session(app.extensions["engine"]) as session:
        recount(session.exec(select(Kpi)).all(), session=session)
        session.commit()
    assert stored_months(app) == before
    assert app.test_cli_runner().invoke(kpis_recount).exit_code == 0
    assert stored_months(app) == before
    # So does the board's count of a KPI whose stored counts are out of date.
    with Session(app.extensions["engine"]) as session:
        session.exec(update(Kpi).values(counted_hash=None))
        session.commit()
        survey_id = survey_by_slug(session, review).id
        kpis = session.exec(select(Kpi).where(Kpi.survey_id == survey_id).order_by(Kpi.ref)).all()
        board = month_counts(kpis, session=session)
    assert [board[kpi.id] for kpi in kpis] == [before["R 1"], before["R 2"]]


def test_a_survey_with_a_shorter_period_loses_its_answers_sooner(
    app, review, add_responses, make_survey
):
    other = make_survey(REVIEW.replace("Your review", "Another review"), slug="other")
    set_retention(app, review, 12)
    for slug in (review, other):
        add_responses(slug, mix(2), utc(2024, 6, 1))  # 13 months ago
    report = run(app)
    shown = {s.slug: (s.months, s.responses) for s in report.surveys}
    assert shown[review] == (12, 2) and shown[other] == (36, 0)
    assert count(app, Response) == 2


def test_a_dry_run_says_what_would_go_and_deletes_nothing(app, review, add_responses):
    add_responses(review, mix(2), utc(2022, 1, 1))
    report = run(app, dry_run=True)
    assert report.erased.responses == 2 and report.erased.answers == 4
    assert count(app, Response) == 2 and count(app, AuditEvent) == 0


def test_expired_drafts_are_deleted_and_counted(app, client, review):
    start(client, review)
    start(app.test_client(), review)
    with Session(app.extensions["engine"]) as session:
        drafts = session.exec(select(Draft)).all()
        drafts[0].updated_at = NOW - timedelta(hours=25)
        drafts[1].updated_at = NOW - timedelta(hours=23)
        session.add_all(drafts)
        session.commit()
    assert run(app).drafts == 1
    assert count(app, Draft) == 1
    assert run(app, draft_hours=2).drafts == 1
    assert count(app, Draft) == 0


def test_comments_and_closed_alerts_go_with_their_response_and_open_alerts_wait(
    app, client, make_survey
):
    comment_survey(make_survey)
    send_comment(client, RISK)
    send_comment(client, "The review was fine")
    backdate(app, utc(2021, 1, 1))
    report = run(app)
    assert (report.erased.responses, report.held) == (1, 1)
    assert count(app, Response) == 1 and count(app, CommentReading) == 1
    assert count(app, SafeguardingAlert) == 1
    # The lead refers it; the next purge deletes it, and says which alert went.
    with Session(app.extensions["engine"]) as session:
        alert = session.exec(select(SafeguardingAlert)).one()
        alert.state, alert.referred_to = AlertState.REFERRED, "Children's services"
        session.add(alert)
        session.commit()
        alert_id = alert.id
    report = run(app)
    assert (report.erased.responses, report.held, report.erased.alerts) == (1, 0, [alert_id])
    assert count(app, Response) == 0 and count(app, CommentReading) == 0
    assert count(app, SafeguardingAlert) == 0
    with Session(app.extensions["engine"]) as session:
        events = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [e.action for e in events] == ["purged", "purged"]
    assert events[1].detail["alerts"] == [alert_id] and events[1].staff_id is None
    assert "fine" not in str(events[0].detail) and RISK not in str(events[1].detail)


def test_the_command_prints_how_many_of_each_and_a_dry_run_changes_nothing(
    app, client, make_survey
):
    comment_survey(make_survey)
    send_comment(client, "The review was fine")
    send_comment(client, "It was good")
    backdate(app, datetime.now(UTC) - timedelta(days=4 * 366))
    runner = app.test_cli_runner()
    dry = runner.invoke(data_purge, ["--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert f"{COMMENTS}: keeps 36 months; would delete 2 sent before" in dry.output
    assert "Would delete 2 responses (6 answers, 2 comment readings" in dry.output
    assert "Nothing was deleted (dry run)." in dry.output
    assert count(app, Response) == 2
    done = runner.invoke(data_purge)
    assert done.exit_code == 0, done.output
    assert "Deleted 2 responses (6 answers, 2 comment readings, 0 closed safeguarding alerts)" in (
        done.output
    )
    assert "KPI counts are kept." in done.output
    assert count(app, Response) == 0
    again = runner.invoke(data_purge)
    assert "Deleted 0 responses" in again.output


def test_a_longer_period_set_after_a_purge_keeps_the_later_cutoff(app, review, add_responses):
    add_responses(review, mix(1), utc(2022, 1, 1))
    run(app)
    set_retention(app, review, 120)
    run(app)
    with Session(app.extensions["engine"]) as session:
        purged = survey_by_slug(session, review).purged_before
    assert purged == datetime(2022, 7, 15, 12, 0, tzinfo=UTC)
