"""Loading survey files: a version only when content changes, never a rewrite."""

from sqlmodel import func, select

from app.cli import surveys_load, surveys_validate
from app.models import Kpi, Survey, SurveyVersion
from tests.conftest import survey_by_slug
from tests.journey import SHORTEST, answer_through, start
from tests.pages import submit
from tests.samples import ALL_TYPES


def versions(db_session, slug):
    survey = survey_by_slug(db_session, slug)
    return db_session.exec(
        select(SurveyVersion)
        .where(SurveyVersion.survey_id == survey.id)
        .order_by(SurveyVersion.number)
    ).all()


def test_the_shipped_templates_are_loaded_open_with_their_kpis(db_session):
    surveys = db_session.exec(select(Survey)).all()
    assert len(surveys) == 7 and all(s.state == "open" for s in surveys)
    assert db_session.exec(select(func.count()).select_from(Kpi)).one() >= 10


def test_loading_the_same_file_again_makes_no_new_version(make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    make_survey(ALL_TYPES, slug=slug)
    assert [v.number for v in versions(db_session, slug)] == [1]


def test_a_changed_file_makes_a_new_version_and_the_old_one_keeps_its_answers(
    client, make_survey, db_session
):
    slug = make_survey(ALL_TYPES)
    url = answer_through(client, start(client, slug), SHORTEST)
    submit(client, url)
    old = versions(db_session, slug)[0]
    old_definition = dict(old.definition)
    make_survey(ALL_TYPES.replace("Jobs", "Work"), slug=slug)
    db_session.expire_all()
    first, second = versions(db_session, slug)
    assert (first.number, second.number) == (1, 2)
    assert first.definition == old_definition and not first.accepting and second.accepting
    labels = [option["label"] for q in second.definition["questions"] for option in q["options"]]
    assert "Work" in labels and "Jobs" not in labels


def test_a_kpi_change_updates_the_kpi_without_a_new_version(make_survey, db_session):
    slug = make_survey(ALL_TYPES)
    make_survey(ALL_TYPES.replace("target = 80", "target = 85"), slug=slug)
    assert len(versions(db_session, slug)) == 1
    kpi = db_session.exec(select(Kpi).where(Kpi.ref == "T 1")).one()
    assert kpi.definition["target"] == 85.0 and kpi.audience == "young_people"


def test_the_load_command_loads_good_files_and_none_of_a_broken_one(app, tmp_path, db_session):
    (tmp_path / "fine-survey.toml").write_text(ALL_TYPES)
    (tmp_path / "broken-survey.toml").write_text(ALL_TYPES.replace('key = "age"', 'key = "Age!"'))
    result = app.test_cli_runner().invoke(surveys_load, ["--dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "new survey   fine-survey (version 1)" in result.output
    assert "broken-survey.toml: questions[4].key: String should match pattern" in result.output
    slugs = db_session.exec(select(Survey.slug)).all()
    assert "fine-survey" in slugs and "broken-survey" not in slugs


def test_the_validate_command_names_the_file_field_and_problem(app, tmp_path):
    (tmp_path / "bad.toml").write_text(ALL_TYPES.replace("target = 80", "target = 180"))
    result = app.test_cli_runner().invoke(surveys_validate, ["--dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.toml: kpis[0].target: Input should be less than or equal to 100" in result.output
