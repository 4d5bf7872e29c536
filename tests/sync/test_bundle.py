"""Bundles, pure: what is signed is what is read back, and anything else is refused."""

import json
import uuid
from datetime import UTC, datetime

import pytest

from app.sync import bundle as bundles
from app.sync.bundle import BundleError

KEY = "the-servers-key"
LIMIT = 1024 * 1024
EVENT = {
    "uid": str(uuid.uuid4()),
    "name": "Youth forum",
    "held_on": "2026-03-14",
    "group": "Grange youth club",
    "facilitator": "Sam",
    "surveys": ["post-14-review"],
}


def response(**changes) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "survey": "post-14-review",
        "version": 1,
        "hash": "a" * 64,
        "language": "en",
        "mode": "phone",
        "easy_read": False,
        "answered_at": "2026-03-14T10:00:00+00:00",
        "answers": {"attended_review": "yes", "pathways_heard": ["college"]},
    } | changes


def made(responses=None, key=KEY) -> dict:
    return bundles.build(
        EVENT,
        responses if responses is not None else [response(), response()],
        key=key,
        created_at=datetime(2026, 3, 14, 12, tzinfo=UTC),
    )


def text(bundle: dict) -> bytes:
    return bundles.dumps(bundle).encode()


def resigned(bundle: dict, key=KEY) -> dict:
    """Sign a bundle again after changing it: only someone with the key can."""
    payload = {"manifest": bundle["manifest"], "responses": bundle["responses"]}
    return {**payload, "signature": bundles.signature_of(payload, key)}


def refusal(data: bytes) -> BundleError:
    with pytest.raises(BundleError) as raised:
        bundles.read(data, key=KEY, max_bytes=LIMIT)
    return raised.value


def test_a_bundle_reads_back_as_it_was_built():
    original = made()
    read = bundles.read(text(original), key=KEY, max_bytes=LIMIT)
    assert [str(r.id) for r in read.responses] == [r["id"] for r in original["responses"]]
    assert read.manifest.versions[0].responses == 2
    assert read.manifest.event.name == "Youth forum"


def test_the_manifest_names_each_version_by_slug_number_and_hash_with_its_count():
    manifest = made()["manifest"]
    assert manifest["versions"] == [
        {"slug": "post-14-review", "number": 1, "hash": "a" * 64, "responses": 2}
    ]
    assert (manifest["count"], len(manifest["checksum"])) == (2, 64)


def test_a_bundle_saved_by_a_windows_shell_as_utf16_still_reads():
    assert bundles.read(bundles.dumps(made()).encode("utf-16"), key=KEY, max_bytes=LIMIT)


def test_a_changed_answer_breaks_the_signature():
    bundle = made()
    bundle["responses"][0]["answers"]["attended_review"] = "no"
    error = refusal(text(bundle))
    assert error.kind == "signature"
    assert "changed after it was exported" in str(error)


def test_a_changed_signature_is_refused():
    bundle = made()
    bundle["signature"] = "0" * 64
    assert refusal(text(bundle)).kind == "signature"


def test_a_bundle_signed_with_another_key_names_the_key_problem():
    error = refusal(text(made(key="some-other-key")))
    assert error.kind == "wrong_key"
    assert "HEARD_SYNC_KEY" in str(error)


def test_a_truncated_bundle_is_refused_as_incomplete():
    data = text(made())
    error = refusal(data[: len(data) // 2])
    assert error.kind == "unreadable"
    assert "cut off" in str(error)


def test_corrupted_bytes_are_refused():
    data = bytearray(text(made()))
    data[len(data) // 2] ^= 0x55
    assert refusal(bytes(data)).kind in ("unreadable", "signature", "wrong_key")


def test_a_file_that_is_not_a_bundle_says_so():
    assert refusal(b'{"hello": "world"}').kind == "not_a_bundle"
    assert refusal(b"[1, 2, 3]").kind == "not_a_bundle"


def test_an_object_where_text_belongs_is_refused_even_when_signed():
    bundle = made([response(answers={"attended_review": {"nested": "a child's words"}})])
    error = refusal(text(resigned(bundle)))
    assert error.kind == "invalid"
    assert "responses.0.answers.attended_review" in str(error)
    assert "a child's words" not in str(error)


def test_a_number_where_text_belongs_is_not_quietly_turned_into_text():
    bundle = made([response(language=7)])
    assert refusal(text(resigned(bundle))).kind == "invalid"


def test_a_mode_heard_does_not_know_is_refused():
    assert refusal(text(resigned(made([response(mode="carrier pigeon")])))).kind == "invalid"


def test_a_manifest_that_miscounts_its_responses_is_refused():
    bundle = made()
    bundle["responses"].pop()
    error = refusal(text(resigned(bundle)))
    assert "manifest does not match" in str(error)


def test_padding_past_the_limit_is_refused_before_it_is_read():
    error = refusal(text(made()) + b" " * LIMIT)
    assert error.kind == "too_big"
    assert "more than the 1,048,576" in str(error)


def test_deeply_nested_json_is_refused_not_crashed_on():
    assert refusal(b"[" * 100_000 + b"]" * 100_000).kind == "unreadable"


def test_the_bundle_text_is_ascii_so_any_console_carries_it():
    bundle = made([response(answers={"anything_else": "Très bien, merci 👍"})])
    assert bundles.dumps(bundle).isascii()
    read = bundles.read(text(bundle), key=KEY, max_bytes=LIMIT)
    assert read.responses[0].answers["anything_else"] == "Très bien, merci 👍"


def test_the_signature_covers_the_canonical_form_not_the_whitespace():
    pretty = json.dumps(made(), indent=2).encode()
    assert bundles.read(pretty, key=KEY, max_bytes=LIMIT)
