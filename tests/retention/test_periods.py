"""Retention periods: calendar months, the survey file's first say, and the browser after."""

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from app.cli import surveys_load
from app.definitions import DefinitionError, parse_text
from app.models import SurveyVersion
from app.retention.periods import longest_retention, months_before
from tests.conftest import survey_by_slug
from tests.samples import ALL_TYPES

WITH_12 = ALL_TYPES.replace("minutes = 3\n", "minutes = 3\nretention_months = 12\n")


@pytest.mark.parametrize(
    ("at", "months", "expected"),
    [
        (datetime(2025, 3, 31, 9, tzinfo=UTC), 1, datetime(2025, 2, 28, 9, tzinfo=UTC)),
        (datetime(2024, 3, 31, 9, tzinfo=UTC), 1, datetime(2024, 2, 29, 9, tzinfo=UTC)),
        (datetime(2025, 1, 15, tzinfo=UTC), 1, datetime(2024, 12, 15, tzinfo=UTC)),
        (datetime(2025, 7, 15, 12, tzinfo=UTC), 36, datetime(2022, 7, 15, 12, tzinfo=UTC)),
        (datetime(2025, 7, 15, tzinfo=UTC), 120, datetime(2015, 7, 15, tzinfo=UTC)),
    ],
)
def test_months_before_counts_calendar_months(at, months, expected):
    assert months_before(at, months) == expected


@pytest.mark.parametrize("value", ["0", "121", '"12"', "3.5", "-1"])
def test_a_retention_period_outside_1_to_120_months_is_refused_with_its_field(value):
    text = ALL_TYPES.replace("minutes = 3\n", f"minutes = 3\nretention_months = {value}\n")
    with pytest.raises(DefinitionError) as caught:
        parse_text(text, slug="broken", path="surveys/broken.toml")
    assert any(p.startswith("retention_months:") for p in caught.value.problems)


def test_a_retention_period_changes_nothing_in_the_version(make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    make_survey(WITH_12, slug=slug)
    survey = survey_by_slug(db_session, slug)
    assert survey.retention_months == 12
    (version,) = db_session.exec(
        select(SurveyVersion).where(SurveyVersion.survey_id == survey.id)
    ).all()
    assert version.number == 1 and "retention_months" not in version.definition


def test_the_file_gives_the_first_period_and_never_overrides_the_browser(
    app, make_survey, db_session, tmp_path
):
    slug = make_survey(WITH_12)
    assert survey_by_slug(db_session, slug).retention_months == 12
    with Session(app.extensions["engine"]) as session:
        survey = survey_by_slug(session, slug)
        survey.retention_months = 24  # an officer's choice in the browser
        session.add(survey)
        session.commit()
    (tmp_path / f"{slug}.toml").write_text(WITH_12.replace("= 12", "= 6"))
    result = app.test_cli_runner().invoke(surveys_load, ["--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "retention stays 24 months; the file now says 6" in result.output
    db_session.expire_all()
    assert survey_by_slug(db_session, slug).retention_months == 24


def test_the_privacy_page_promises_the_longest_period_of_any_survey(app, client, make_survey):
    with Session(app.extensions["engine"]) as session:
        assert longest_retention(session=session) == 36  # the shipped surveys: the default
    assert "We keep answers for up to 3 years" in client.get("/privacy").get_data(as_text=True)
    make_survey(ALL_TYPES.replace("minutes = 3\n", "minutes = 3\nretention_months = 42\n"))
    page = client.get("/privacy").get_data(as_text=True)
    assert "We keep answers for up to 42 months so we can see if services get better." in page
    easy = client.get("/privacy?easy=1").get_data(as_text=True)
    assert "We keep answers for 42 months." in easy
