"""Importing bundles: each response stored exactly once, counted and read like a live one."""

import pytest
from sqlmodel import Session, select

from app.definitions import definition_of, parse_text
from app.definitions.loader import load_survey
from app.models import (
    Answer,
    CommentReading,
    Event,
    Kpi,
    KpiMonthCount,
    Response,
    SafeguardingAlert,
)
from app.responses import store_response
from app.sync.cli import sync_retry
from tests.conftest import newest_version
from tests.samples import ALL_TYPES
from tests.sync.helpers import (
    RISKY,
    SLUG,
    answer_at,
    answers_for,
    export,
    import_bytes,
    make_event,
    response_ids,
    stored,
)


@pytest.mark.parametrize("times", [1, 3, 10])
def test_the_same_bundle_imported_again_and_again_stores_each_response_once(
    app, laptop, tmp_path, times
):
    event = make_event(laptop)
    ids = answer_at(laptop, event, 5)
    bundle = export(laptop, event)
    outcomes = [import_bytes(app, tmp_path, bundle) for _ in range(times)]
    assert outcomes[0] == (0, ["Imported: 5 new, 0 already there, 0 conflicts, 0 quarantined."])
    for code, lines in outcomes[1:]:
        assert (code, lines[-1]) == (
            0,
            "Imported: 0 new, 5 already there, 0 conflicts, 0 quarantined.",
        )
    assert response_ids(app) == set(ids)
    counts = stored(app)
    assert counts["events"] == 1
    assert counts["answers"] == stored(laptop)["answers"]
    assert counts["kpi_valid"] == stored(laptop)["kpi_valid"]


@pytest.mark.parametrize("order", ["older first", "newer first"])
def test_two_overlapping_bundles_store_each_response_once(app, laptop, tmp_path, order):
    event = make_event(laptop)
    first = answer_at(laptop, event, 4)
    early = export(laptop, event)
    later_ids = answer_at(laptop, event, 3, start=4)
    late = export(laptop, event)
    bundles = [early, late] if order == "older first" else [late, early]
    reports = [import_bytes(app, tmp_path, b)[1][-1] for b in bundles]
    if order == "older first":
        assert reports == [
            "Imported: 4 new, 0 already there, 0 conflicts, 0 quarantined.",
            "Imported: 3 new, 4 already there, 0 conflicts, 0 quarantined.",
        ]
    else:
        assert reports == [
            "Imported: 7 new, 0 already there, 0 conflicts, 0 quarantined.",
            "Imported: 0 new, 4 already there, 0 conflicts, 0 quarantined.",
        ]
    assert response_ids(app) == set(first + later_ids)
    assert stored(app)["answers"] == stored(laptop)["answers"]


def _kpi_months(app) -> dict:
    with Session(app.extensions["engine"]) as session:
        rows = session.exec(select(Kpi.ref, KpiMonthCount).join(Kpi)).all()
        return {(ref, row.month): (row.valid, row.positive) for ref, row in rows}


def _readings(app) -> list[tuple]:
    with Session(app.extensions["engine"]) as session:
        rows = session.exec(select(CommentReading).order_by(CommentReading.response_id))
        return sorted(
            (str(r.response_id), r.sentiment, tuple(r.themes), bool(r.risks), r.withheld)
            for r in rows
        )


def test_imported_responses_are_counted_and_read_exactly_like_live_ones(app, laptop, tmp_path):
    event = make_event(laptop)
    answer_at(laptop, event, 6)
    answer_at(laptop, event, 1, start=6, comment=RISKY)
    import_bytes(app, tmp_path, export(laptop, event))
    # The laptop stored them live; the server read the same answers from the bundle.
    assert _kpi_months(app) == _kpi_months(laptop)
    assert _kpi_months(app)  # counted in March 2026, when they were answered
    assert _readings(app) == _readings(laptop)
    with Session(app.extensions["engine"]) as session:
        alerts = session.exec(select(SafeguardingAlert)).all()
    assert [alert.kind for alert in alerts] == ["risk"]


def test_the_event_travels_in_the_bundle_and_keeps_its_responses(app, laptop, tmp_path):
    event = make_event(laptop, name="Grange focus group")
    answer_at(laptop, event, 2, mode="phone")
    answer_at(laptop, event, 1, start=2, mode="kiosk")
    bundle = export(laptop, event)
    import_bytes(app, tmp_path, bundle)
    import_bytes(app, tmp_path, bundle)
    with Session(app.extensions["engine"]) as session:
        arrived = session.exec(select(Event)).one()
        responses = session.exec(select(Response).order_by(Response.submitted_at)).all()
    assert (arrived.uid, arrived.name, arrived.group_name) == (
        event.uid,
        "Grange focus group",
        "Grange youth club",
    )
    assert arrived.surveys == [SLUG]
    assert {r.event_id for r in responses} == {arrived.id}
    assert sorted(r.mode for r in responses) == ["kiosk", "phone", "phone"]
    assert responses[0].submitted_at.isoformat() == "2026-03-14T10:00:00+00:00"


def test_a_uuid_stored_with_other_answers_is_a_conflict_and_is_never_overwritten(
    app, laptop, tmp_path
):
    event = make_event(laptop)
    ids = answer_at(laptop, event, 3)
    with Session(app.extensions["engine"]) as session:
        version = newest_version(session, SLUG)
        other = answers_for(definition_of(version), 99, comment="Something else entirely")
        store_response(
            response_id=ids[1],
            version=version,
            answers=other,
            language="en",
            mode="online",
            session=session,
        )
        session.commit()
    code, lines = import_bytes(app, tmp_path, export(laptop, event))
    assert code == 0
    assert lines[-1] == "Imported: 2 new, 0 already there, 1 conflicts, 0 quarantined."
    assert str(ids[1]) in lines[0]
    with Session(app.extensions["engine"]) as session:
        kept = session.get(Response, ids[1])
        text = session.exec(
            select(Answer.value).where(
                Answer.response_id == ids[1], Answer.question_key == "anything_else"
            )
        ).one()
    assert (kept.mode, kept.event_id, text) == ("online", None, "Something else entirely")


NEW_SURVEY = ALL_TYPES.replace('title = "Your review"', 'title = "Only on the laptop"')


def test_a_bundle_for_a_version_the_server_lacks_is_quarantined_whole_then_retried(
    app, laptop, tmp_path
):
    definition = parse_text(NEW_SURVEY, slug="laptop-only", path="laptop-only.toml")
    with Session(laptop.extensions["engine"]) as session:
        load_survey(definition, session=session)
        session.commit()
    event = make_event(laptop, slugs=(SLUG, "laptop-only"))
    answer_at(laptop, event, 2)
    answer_at(laptop, event, 2, slug="laptop-only")
    bundle = export(laptop, event)
    before = stored(app)

    code, lines = import_bytes(app, tmp_path, bundle)
    assert code == 1
    assert lines[-1] == "Quarantined: 0 new, 0 already there, 0 conflicts, 4 quarantined."
    assert any("laptop-only version 1" in line for line in lines)
    after = stored(app)
    assert {k: v for k, v in after.items() if k != "imports"} == {
        k: v for k, v in before.items() if k != "imports"
    }
    assert after["imports"] == 1
    # The same bundle again is kept once, not twice.
    assert import_bytes(app, tmp_path, bundle)[0] == 1
    assert stored(app)["imports"] == 1

    with Session(app.extensions["engine"]) as session:
        load_survey(definition, session=session)
        session.commit()
    result = app.test_cli_runner().invoke(sync_retry, ["1"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "Imported: 4 new, 0 already there, 0 conflicts, 0 quarantined."
    )
    assert stored(app)["responses"] == 4


def test_retrying_what_is_not_quarantined_is_refused(app, server_key):
    result = app.test_cli_runner().invoke(sync_retry, ["42"])
    assert result.exit_code == 1
    assert "There is no quarantined bundle with that number." in result.output


def test_a_response_that_does_not_fit_its_survey_refuses_the_whole_bundle(app, laptop, tmp_path):
    event = make_event(laptop)
    answer_at(laptop, event, 3)
    # Made valid on the laptop, then broken there (a bug, say): the bundle is signed as it is.
    with Session(laptop.extensions["engine"]) as session:
        last = session.exec(select(Response.id).order_by(Response.submitted_at.desc())).first()
        row = session.exec(
            select(Answer).where(
                Answer.response_id == last, Answer.question_key == "review_helpful"
            )
        ).first()
        row.value = "9"
        session.add(row)
        session.commit()
    code, lines = import_bytes(app, tmp_path, export(laptop, event))
    assert code == 1
    assert f"Response {last} does not fit its survey" in "\n".join(lines)
    assert lines[-1] == "Refused: 0 new, 0 already there, 0 conflicts, 0 quarantined."
    assert stored(app)["responses"] == 0
    assert stored(app)["events"] == 0


def test_an_event_with_no_responses_exports_and_imports_an_empty_bundle(app, laptop, tmp_path):
    event = make_event(laptop)
    code, lines = import_bytes(app, tmp_path, export(laptop, event))
    assert (code, lines[-1]) == (0, "Imported: 0 new, 0 already there, 0 conflicts, 0 quarantined.")
    assert stored(app)["events"] == 1
