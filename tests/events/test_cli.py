"""`flask events create` and `flask events list`."""

from sqlmodel import Session, select

from app.events.cli import events_create, events_list
from app.models import Event
from tests.sync.helpers import SLUG, answer_at


def _events(app) -> list[Event]:
    with Session(app.extensions["engine"]) as session:
        return list(session.exec(select(Event)).all())


def test_create_prints_the_new_events_number_as_its_last_line(app):
    args = ["Youth forum", "--survey", SLUG, "--survey", "co-production-group"]
    result = app.test_cli_runner().invoke(events_create, [*args, "--date", "2026-03-14"])
    assert result.exit_code == 0, result.output
    [event] = _events(app)
    assert result.output.splitlines()[-1] == str(event.id)
    assert (event.name, event.held_on.isoformat(), event.surveys) == (
        "Youth forum",
        "2026-03-14",
        [SLUG, "co-production-group"],
    )


def test_create_without_a_date_means_today(app):
    from app.clock import today

    result = app.test_cli_runner().invoke(events_create, ["Drop-in", "--survey", SLUG])
    assert result.exit_code == 0, result.output
    assert _events(app)[0].held_on == today()


def test_an_unknown_survey_or_a_bad_date_is_refused_and_nothing_stored(app):
    runner = app.test_cli_runner()
    unknown = runner.invoke(events_create, ["Forum", "--survey", "no-such-survey"])
    assert unknown.exit_code != 0
    assert "No open survey called no-such-survey" in unknown.output
    bad_date = runner.invoke(events_create, ["Forum", "--survey", SLUG, "--date", "14/03/2026"])
    assert bad_date.exit_code != 0
    assert "'14/03/2026' is not a date like 2026-03-31." in bad_date.output
    no_survey = runner.invoke(events_create, ["Forum"])
    assert no_survey.exit_code != 0
    assert _events(app) == []


def test_list_shows_each_event_with_its_responses(app):
    runner = app.test_cli_runner()
    runner.invoke(events_create, ["Forum", "--survey", SLUG, "--date", "2026-03-14"])
    answer_at(app, _events(app)[0], 2)
    lines = runner.invoke(events_list).output.splitlines()
    assert lines == ["    1  2026-03-14       2  Forum"]
