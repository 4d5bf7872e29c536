"""Staff edit a KPI's definition; bad edits are refused naming the KPI and the field."""

import pytest
from sqlalchemy import event
from sqlmodel import Session

from app.models import Kpi, Role
from tests.board.reading import row_text
from tests.kpi_fixtures import kpi_id, mix, stored_months, utc
from tests.pages import error_messages, page, submit, text


@pytest.fixture
def officer(sign_in, today):
    return sign_in(Role.OFFICER, "officer@example.org")


def edit(client, url: str, changes: dict):
    """Send the edit form as a browser would: every field as shown, with these changes."""
    form = page(client.get(url)).select_one("main form[method=post]")
    fields = {i["name"]: i.get("value", "") for i in form.select("input:not([type=radio])")}
    fields |= {i["name"]: i["value"] for i in form.select("input[type=radio][checked]")}
    fields |= {t["name"]: t.get_text() for t in form.select("textarea")}
    return client.post(form["action"], data=fields | changes)


def stored(app, ref: str) -> Kpi:
    with Session(app.extensions["engine"]) as session:
        return session.get(Kpi, kpi_id(app, ref))


def test_the_edit_form_shows_the_definition_as_text(officer, review, app):
    soup = page(officer.get(f"/board/kpis/{kpi_id(app, 'R 1')}/edit"))
    assert soup.select_one("#conditions").get_text() == "helpful = 4, 5\nclear = yes"
    assert soup.select_one("#milestones").get_text() == "2025-03-31 = 50"
    assert soup.select_one("#target")["value"] == "80"
    assert soup.select_one("input[name=audience][checked]")["value"] == "young_people"


def test_an_officer_can_change_the_target_milestones_and_conditions(
    officer, review, app, add_responses
):
    url = f"/board/kpis/{kpi_id(app, 'R 1')}/edit"
    response = edit(
        officer,
        url,
        {
            "conditions": "helpful = 5 | dont_know\nclear = yes",
            "milestones": "2025-03-31 = 40\n2025-06-30 = 60",
            "target": "90",
            "window_months": "3",
        },
    )
    assert response.status_code == 302
    kpi = stored(app, "R 1")
    assert kpi.definition["target"] == 90.0 and kpi.definition["window_months"] == 3
    assert kpi.definition["conditions"][0] == {
        "question": "helpful",
        "positive": ["5"],
        "excluded": ["dont_know"],
    }
    assert [m["percent"] for m in kpi.definition["milestones"]] == [40.0, 60.0]
    assert "The KPI R 1 is saved." in text(officer.get(response.location))


def test_an_edit_changes_the_counts_at_once(officer, review, app, add_responses):
    add_responses(review, mix(5, 5), utc(2025, 7, 2))
    kpi = f"/board/kpis/{kpi_id(app, 'R 1')}"
    assert "50% of 10" in text(officer.get(kpi))
    edit(officer, f"{kpi}/edit", {"conditions": "helpful = 4, 5"})
    assert "100% of 10" in text(officer.get(kpi))
    assert " 100% 10 " in row_text(officer.get("/board/"), "R 1")


def test_an_edit_to_the_conditions_recounts_the_stored_counts(officer, review, app, add_responses):
    add_responses(review, mix(5, 5, 2), utc(2025, 7, 2))
    edit(officer, f"/board/kpis/{kpi_id(app, 'R 1')}/edit", {"conditions": "clear = no"})
    assert stored_months(app)["R 1"] == {"2025-07": (12, 7)}


def test_an_edit_to_the_target_alone_keeps_the_stored_counts(officer, review, app, add_responses):
    add_responses(review, mix(5, 5), utc(2025, 7, 2))
    deletes = []

    def record(_connection, _cursor, statement, *_args):
        if statement.startswith("DELETE FROM kpi_month_count"):
            deletes.append(statement)

    event.listen(app.extensions["engine"], "before_cursor_execute", record)
    try:
        response = edit(officer, f"/board/kpis/{kpi_id(app, 'R 1')}/edit", {"target": "70"})
    finally:
        event.remove(app.extensions["engine"], "before_cursor_execute", record)
    assert response.status_code == 302 and stored_months(app)["R 1"] == {"2025-07": (10, 5)}
    assert deletes == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "conditions",
            "nothing_here = yes",
            'R 1: conditions[0].question: no question has the key "nothing_here"',
        ),
        (
            "conditions",
            "clear = maybe",
            'R 1: conditions[0].positive: "maybe" is not an answer to "clear"'
            " (it offers yes, no, not_sure, dont_know)",
        ),
        (
            "conditions",
            "clear =",
            "R 1: conditions[0].positive: List should have at least 1 item after validation, not 0",
        ),
        (
            "milestones",
            "2025-06-30 = 60\n2025-03-31 = 40",
            "R 1: milestones: milestones must be in date order, one per date",
        ),
        (
            "milestones",
            "31/03/2025 = 40",
            "R 1: milestones: write each milestone as: YYYY-MM-DD = percent",
        ),
        (
            "conditions",
            "clear = yes | maybe",
            'R 1: conditions[0].excluded: "maybe" is not an answer to "clear"'
            " (it offers yes, no, not_sure, dont_know)",
        ),
        (
            "conditions",
            "helpful = 4, 5 | prefer_not_say",
            'R 1: conditions[0].excluded: "prefer_not_say" is not an answer to "helpful"'
            " (it offers 1, 2, 3, 4, 5, dont_know)",
        ),
        (
            "target_date",
            "9999-12-31",
            "R 1: target_date: enter a date from 2000-01-01 to 2099-12-31",
        ),
        (
            "baseline_date",
            "1066-10-14",
            "R 1: baseline_date: enter a date from 2000-01-01 to 2099-12-31",
        ),
        (
            "milestones",
            "0001-01-01 = 40",
            "R 1: milestones[0].date: enter a date from 2000-01-01 to 2099-12-31",
        ),
        ("target", "120", "R 1: target: Input should be less than or equal to 100"),
        ("target", "-1", "R 1: target: Input should be greater than or equal to 0"),
        ("target", "lots", "R 1: target: enter a number from 0 to 100"),
        ("minimum_sample", "0", "R 1: minimum_sample: Input should be greater than or equal to 1"),
        (
            "audience",
            "aliens",
            "R 1: audience: Input should be 'young_people', 'parent_carers', 'sencos'"
            " or 'practitioners'",
        ),
    ],
)
def test_a_bad_edit_is_refused_naming_the_kpi_and_field_and_changes_nothing(
    officer, review, app, field, value, message
):
    before = stored(app, "R 1")
    response = edit(officer, f"/board/kpis/{kpi_id(app, 'R 1')}/edit", {field: value})
    assert response.status_code == 200
    assert error_messages(response) == [message]
    link = page(response).select_one(".error-summary a")["href"]
    assert link == f"#{field}"
    after = stored(app, "R 1")
    assert (after.definition, after.audience) == (before.definition, before.audience)


def test_dates_at_the_ends_of_the_range_are_kept_and_shown(officer, review, app):
    url = f"/board/kpis/{kpi_id(app, 'R 1')}/edit"
    changes = {"baseline_date": "2000-01-01", "target_date": "2099-12-31", "milestones": ""}
    assert edit(officer, url, changes).status_code == 302
    kpi = stored(app, "R 1")
    assert (kpi.definition["baseline_date"], kpi.definition["target_date"]) == (
        "2000-01-01",
        "2099-12-31",
    )
    for page_url in ("/board/", f"/board/kpis/{kpi.id}", f"/board/kpis/{kpi.id}/chart.svg"):
        assert officer.get(page_url).status_code == 200


def test_control_characters_are_removed_from_an_edited_statement(officer, review, app):
    url = f"/board/kpis/{kpi_id(app, 'R 1')}/edit"
    assert edit(officer, url, {"statement": "Reviews\x00 help\x1b"}).status_code == 302
    assert stored(app, "R 1").statement == "Reviews help"


def test_a_board_member_cannot_edit_a_kpi(sign_in, today, review, app):
    client = sign_in(Role.BOARD, "board@example.org")
    assert client.get(f"/board/kpis/{kpi_id(app, 'R 1')}/edit").status_code == 403


def test_a_missing_kpi_is_not_found(officer, review):
    assert officer.get("/board/kpis/999999/edit").status_code == 404
    assert officer.get("/board/kpis/999999").status_code == 404


@pytest.fixture
def admin(sign_in, today):
    return sign_in(Role.ADMIN, "admin@example.org")


def test_an_admin_closes_a_kpi_that_meets_its_target_and_it_shows_blue(
    admin, review, app, add_responses
):
    add_responses(review, mix(9, 1), utc(2025, 7, 2))
    url = f"/board/kpis/{kpi_id(app, 'R 1')}"
    response = submit(admin, url)
    assert "The KPI R 1 is closed: its final target is met." in text(admin.get(response.location))
    assert "Blue" in text(admin.get("/board/")) and stored(app, "R 1").closed


def test_closing_a_kpi_below_its_target_is_refused(admin, review, app, add_responses):
    add_responses(review, mix(5, 5), utc(2025, 7, 2))
    url = f"/board/kpis/{kpi_id(app, 'R 1')}"
    response = submit(admin, url)
    message = "This KPI cannot be closed: its value does not meet the final target."
    assert message in text(admin.get(response.location))
    assert not stored(app, "R 1").closed


def test_closing_a_kpi_with_too_few_answers_is_refused(admin, review, app, add_responses):
    add_responses(review, mix(4), utc(2025, 7, 2))
    response = submit(admin, f"/board/kpis/{kpi_id(app, 'R 1')}")
    assert "fewer answers than its minimum sample" in text(admin.get(response.location))


def test_an_admin_can_open_a_closed_kpi_again(admin, review, app, add_responses):
    add_responses(review, mix(10), utc(2025, 7, 2))
    url = f"/board/kpis/{kpi_id(app, 'R 1')}"
    submit(admin, url)
    response = submit(admin, url)
    assert "The KPI R 1 is open again." in text(admin.get(response.location))
    assert not stored(app, "R 1").closed


def test_only_an_admin_may_close_a_kpi(sign_in, today, review, app):
    client = sign_in(Role.OFFICER, "officer@example.org")
    url = f"/board/kpis/{kpi_id(app, 'R 1')}"
    assert not page(client.get(url)).select("main form[method=post]")
    token = page(client.get(f"{url}/edit")).select_one("input[name=csrf_token]")["value"]
    assert client.post(f"{url}/close", data={"csrf_token": token}).status_code == 403
