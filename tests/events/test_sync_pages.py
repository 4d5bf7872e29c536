"""The sync page: officers upload a laptop's bundle and read each import's report."""

import io
import json

import pytest
from sqlmodel import Session

from app.definitions import parse_text
from app.definitions.loader import load_survey
from app.models import Role
from tests.pages import error_messages, page, submit, text
from tests.samples import ALL_TYPES
from tests.sync.helpers import SLUG, answer_at, export, make_event, stored


@pytest.fixture
def officer(sign_in, server_key):
    return sign_in(Role.OFFICER)


def upload(client, data: bytes):
    bundle = (io.BytesIO(data), "heard-event.json")
    return submit(client, "/manage/sync", {"bundle": bundle})


def test_an_uploaded_bundle_is_imported_once_and_its_report_shown(officer, app, laptop):
    event = make_event(laptop)
    answer_at(laptop, event, 3)
    bundle = export(laptop, event)
    first = upload(officer, bundle)
    assert first.status_code == 302
    report = text(officer.get(first.location))
    assert "The bundle is imported." in report
    assert "New 3 Already there 0 Conflicts 0 Quarantined 0" in report
    again = officer.get(upload(officer, bundle).location)
    assert "New 0 Already there 3" in text(again)
    assert stored(app)["responses"] == 3
    rows = page(officer.get("/manage/sync")).select("tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == ["Youth forum", "Youth forum"]


def test_a_tampered_upload_is_refused_on_the_form_and_nothing_is_stored(officer, app, laptop):
    event = make_event(laptop)
    answer_at(laptop, event, 2)
    data = json.loads(export(laptop, event))
    data["responses"][0]["easy_read"] = True
    response = upload(officer, json.dumps(data).encode())
    assert response.status_code == 400
    [message] = error_messages(response)
    assert "changed after it was exported. Nothing was stored." in message
    assert stored(app)["responses"] == 0
    assert stored(app)["imports"] == 0


def test_an_upload_without_a_file_asks_for_one(officer):
    response = submit(officer, "/manage/sync", {})
    assert error_messages(response) == ["Choose the bundle file to import."]


def test_a_bundle_bigger_than_a_page_of_answers_uploads(officer, app, laptop):
    event = make_event(laptop)
    answer_at(laptop, event, 2)
    # Past the 256 KB every other page takes (JSON allows trailing space); under 500 KB,
    # where the test client would spool its own copy to a file it never closes.
    padded = export(laptop, event) + b" " * (400 * 1024)
    response = upload(officer, padded)
    assert response.status_code == 302
    assert stored(app)["responses"] == 2


def test_a_bundle_over_the_limit_is_refused_with_the_reason(officer, app, laptop):
    event = make_event(laptop)
    answer_at(laptop, event, 2)
    app.config["SYNC_MAX_BYTES"] = 1000
    response = upload(officer, export(laptop, event))
    assert response.status_code == 400
    assert "more than the 1,000 this server takes" in error_messages(response)[0]


def test_a_quarantined_bundle_is_listed_and_imported_after_its_version_is_loaded(
    officer, app, laptop
):
    definition = parse_text(ALL_TYPES, slug="laptop-only", path="laptop-only.toml")
    with Session(laptop.extensions["engine"]) as session:
        load_survey(definition, session=session)
        session.commit()
    event = make_event(laptop, slugs=(SLUG, "laptop-only"))
    answer_at(laptop, event, 2, slug="laptop-only")
    response = upload(officer, export(laptop, event))
    report = officer.get(response.location)
    assert "The bundle is quarantined: nothing from it is stored yet." in text(report)
    assert "laptop-only, version 1" in text(report)
    assert stored(app)["responses"] == 0

    refused = submit(officer, response.location)
    assert refused.status_code == 302
    assert "quarantined" in text(officer.get(refused.location))

    with Session(app.extensions["engine"]) as session:
        load_survey(definition, session=session)
        session.commit()
    retried = submit(officer, response.location)
    assert "The bundle is imported." in text(officer.get(retried.location))
    assert stored(app)["responses"] == 2
    assert "Quarantined, then imported" in text(officer.get("/manage/sync"))
