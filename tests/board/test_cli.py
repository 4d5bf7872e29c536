"""`flask kpis status`: JSON for BI tools, a table for people, a date to assess on."""

import json

from app.board.cli import kpis_status
from tests.kpi_fixtures import mix, utc

KEYS = {
    "ref",
    "statement",
    "audience",
    "n",
    "positive",
    "value",
    "ci_low",
    "ci_high",
    "expected",
    "status",
    "explanation",
    "slow_to_progress",
}


def test_json_lists_every_kpi_with_the_documented_fields(app, review, add_responses):
    add_responses(review, mix(6, 2, 1, 1), utc(2025, 6, 10))
    add_responses(review, mix(3, 1), utc(2025, 7, 2))
    result = app.test_cli_runner().invoke(kpis_status, ["--json", "--on", "2025-07-15"])
    assert result.exit_code == 0, result.output
    readings = json.loads(result.output)
    assert all(set(r) == KEYS for r in readings)
    r1 = next(r for r in readings if r["ref"] == "R 1")
    assert r1 | {"explanation": ""} == {
        "ref": "R 1",
        "statement": "Young people say their review was helpful and they are clear about their"
        " help.",
        "audience": "young_people",
        "n": 13,
        "positive": 9,
        "value": 0.6923,
        "ci_low": 0.4237,
        "ci_high": 0.8732,
        "expected": 0.6738,
        "status": "green",
        "explanation": "",
        "slow_to_progress": False,
    }
    assert r1["explanation"].startswith("69% of 13 young people (95% CI 42-87%)")


def test_on_assesses_an_earlier_date_and_expected_is_null_before_the_line_starts(
    app, review, add_responses
):
    add_responses(review, mix(6), utc(2025, 1, 10))
    result = app.test_cli_runner().invoke(kpis_status, ["--json", "--on", "2025-01-31"])
    r1 = next(r for r in json.loads(result.output) if r["ref"] == "R 1")
    assert (r1["n"], r1["expected"], r1["status"]) == (6, None, "grey")


def test_without_json_it_prints_a_table_with_the_sentences(app, review, add_responses):
    add_responses(review, mix(6), utc(2025, 7, 1))
    result = app.test_cli_runner().invoke(kpis_status, ["--on", "2025-07-15"])
    assert result.exit_code == 0
    line = next(x for x in result.output.splitlines() if x.startswith("R 1 "))
    assert "n=6" in line and "100%" in line and "Green" in line
    assert "100% of 6 young people" in result.output


def test_a_wrong_date_is_refused_with_a_message(app):
    result = app.test_cli_runner().invoke(kpis_status, ["--on", "15/07/2025"])
    assert result.exit_code == 2
    assert "'15/07/2025' is not a date like 2025-06-30." in result.output


def test_the_command_is_registered_with_flask(app):
    result = app.test_cli_runner().invoke(args=["kpis", "status", "--json", "--on", "2025-07-15"])
    assert result.exit_code == 0 and json.loads(result.output)
