"""`flask sync import` refuses a damaged or forged bundle with a clear message, storing nothing."""

import json

import pytest

from app.sync import bundle as bundles
from tests.sync.helpers import answer_at, export, import_bytes, import_file, make_event, stored


@pytest.fixture
def bundle(laptop) -> bytes:
    """A genuine bundle of three responses from the laptop."""
    event = make_event(laptop)
    answer_at(laptop, event, 3)
    return export(laptop, event)


def _resign(data: dict, key: str) -> bytes:
    payload = {"manifest": data["manifest"], "responses": data["responses"]}
    return bundles.dumps({**payload, "signature": bundles.signature_of(payload, key)}).encode()


def _changed_answer(text: bytes, _key: str) -> bytes:
    data = json.loads(text)
    answers = data["responses"][1]["answers"]
    answers["attended_review"] = "no" if answers["attended_review"] == "yes" else "yes"
    return bundles.dumps(data).encode()


def _changed_signature(text: bytes, _key: str) -> bytes:
    data = json.loads(text)
    data["signature"] = data["signature"][::-1]
    return bundles.dumps(data).encode()


def _wrong_key(text: bytes, _key: str) -> bytes:
    data = json.loads(text)
    data["manifest"]["key_id"] = bundles.key_id("not-the-servers-key")
    return _resign(data, "not-the-servers-key")


def _object_for_text(text: bytes, key: str) -> bytes:
    data = json.loads(text)
    data["responses"][0]["answers"]["anything_else"] = {"text": "It was fine"}
    return _resign(data, key)


def _truncated(text: bytes, _key: str) -> bytes:
    return text[: len(text) * 2 // 3]


def _corrupted(text: bytes, _key: str) -> bytes:
    damaged = bytearray(text)
    for at in range(100, len(damaged), 97):
        damaged[at] = ord("#")
    return bytes(damaged)


CASES = {
    "a changed answer": (_changed_answer, "changed after it was exported"),
    "a changed signature": (_changed_signature, "changed after it was exported"),
    "a wrong key": (_wrong_key, "signed with a different sync key"),
    "an object where text belongs": (_object_for_text, "content is not valid"),
    "a truncated file": (_truncated, "not complete JSON"),
    "corrupted bytes": (_corrupted, "not complete JSON"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_damaged_or_forged_bundle_is_refused_and_nothing_is_stored(
    app, server_key, bundle, tmp_path, case
):
    damage, message = CASES[case]
    before = stored(app)
    code, lines = import_bytes(app, tmp_path, damage(bundle, server_key))
    assert code == 1
    assert message in lines[0]
    assert "Nothing was stored." in lines[0]
    assert lines[-1] == "Refused: 0 new, 0 already there, 0 conflicts, 0 quarantined."
    assert stored(app) == before


def test_a_wrong_key_is_told_apart_from_tampering(app, laptop, tmp_path):
    laptop.config["SYNC_KEY"] = "a-key-from-another-server"
    event = make_event(laptop)
    answer_at(laptop, event, 1)
    code, lines = import_bytes(app, tmp_path, export(laptop, event))
    assert code == 1
    assert "On the laptop, set HEARD_SYNC_KEY" in lines[0]
    assert stored(app)["responses"] == 0


def test_a_hundred_megabytes_of_padding_is_refused_without_reading_it_all(app, bundle, tmp_path):
    path = tmp_path / "padded.json"
    with path.open("wb") as file:
        file.write(bundle)
        file.write(b" " * (100 * 1024 * 1024))
    before = stored(app)
    code, lines = import_file(app, path)
    assert code == 1
    assert "more than the 20,971,520 this server takes" in lines[0]
    assert stored(app) == before


def test_a_server_without_a_sync_key_refuses_and_says_what_to_run(app, laptop, tmp_path):
    # The laptop signs with its own setting; the server here was never given a key.
    from sqlmodel import Session, delete

    from app.models import SyncKey

    event = make_event(laptop)
    answer_at(laptop, event, 1)
    text = export(laptop, event)
    with Session(app.extensions["engine"]) as session:
        session.exec(delete(SyncKey))
        session.commit()
    code, lines = import_bytes(app, tmp_path, text)
    assert code == 1
    assert "run `flask sync key`" in lines[0]
    assert stored(app)["responses"] == 0
