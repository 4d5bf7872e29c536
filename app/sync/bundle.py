"""A sync bundle, pure: build it, sign it, and read one back only if it is whole and genuine.

A bundle is one JSON document: a manifest (the event, the survey versions by slug, number and
content hash, the count and a checksum of the responses), the responses, and an HMAC-SHA256
signature over the canonical JSON of the manifest and responses. No Flask, no database.
"""

import hashlib
import hmac
import json
from collections import Counter
from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

FORMAT = "heard-sync/1"
MODES = ("online", "phone", "kiosk", "paper", "event")


class BundleError(ValueError):
    """A bundle this server refuses; the message says why and what to do."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind  # too_big, unreadable, not_a_bundle, wrong_key, signature, invalid


def canonical(value) -> bytes:
    """Return the one byte form of a JSON value that is signed and hashed."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def key_id(key: str) -> str:
    """Return a short name for a key that reveals nothing of it: a mismatch can be named."""
    return hmac.new(key.encode(), b"heard sync key id", hashlib.sha256).hexdigest()[:12]


def signature_of(payload: dict, key: str) -> str:
    """Return the HMAC-SHA256 of a payload's canonical form."""
    return hmac.new(key.encode(), canonical(payload), hashlib.sha256).hexdigest()


def checksum_of(responses: list) -> str:
    """Return the SHA-256 of the responses' canonical form."""
    return hashlib.sha256(canonical(responses)).hexdigest()


def build(event: dict, responses: list[dict], *, key: str, created_at: datetime) -> dict:
    """Return a signed bundle of an event's responses (plain JSON values, as exported)."""
    counts = Counter((r["survey"], r["version"], r["hash"]) for r in responses)
    versions = [
        {"slug": slug, "number": number, "hash": digest, "responses": n}
        for (slug, number, digest), n in sorted(counts.items())
    ]
    manifest = {
        "format": FORMAT,
        "created_at": created_at.isoformat(),
        "key_id": key_id(key),
        "event": event,
        "versions": versions,
        "count": len(responses),
        "checksum": checksum_of(responses),
    }
    payload = {"manifest": manifest, "responses": responses}
    return {**payload, "signature": signature_of(payload, key)}


def dumps(bundle: dict) -> str:
    """Return a bundle as text: ASCII only, so any console or file encoding carries it."""
    return json.dumps(bundle, ensure_ascii=True, separators=(",", ":")) + "\n"


# What a genuine bundle holds. Strict: an object where text belongs is refused, not coerced.
Short = Annotated[str, StringConstraints(max_length=200)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,79}$")]
Digest = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Value = Annotated[str, StringConstraints(max_length=5000)]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]


class Part(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class EventPart(Part):
    uid: UUID
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    held_on: date
    group: Short
    facilitator: Short
    surveys: list[Slug] = Field(max_length=50)


class VersionPart(Part):
    slug: Slug
    number: int = Field(ge=1)
    hash: Digest
    responses: int = Field(ge=1)


class ResponsePart(Part):
    id: UUID
    survey: Slug
    version: int = Field(ge=1)
    hash: Digest
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}([_-][A-Za-z]{2,4})?$")]
    mode: Literal[MODES]
    easy_read: bool
    answered_at: AwareDatetime
    answers: dict[Key, Value | Annotated[list[Value], Field(max_length=100)]] = Field(
        max_length=300
    )


class Manifest(Part):
    format: Literal[FORMAT]
    created_at: AwareDatetime
    key_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]
    event: EventPart
    versions: list[VersionPart]
    count: int = Field(ge=0)
    checksum: Digest


class Bundle(Part):
    manifest: Manifest
    responses: list[ResponsePart]
    signature: Digest


def read(text: bytes, *, key: str, max_bytes: int) -> Bundle:
    """Return the bundle in `text` if it is whole, signed with `key` and valid; else raise."""
    if len(text) > max_bytes:
        raise BundleError(
            "too_big",
            f"The bundle is {len(text):,} bytes, more than the {max_bytes:,} this "
            "server takes. Nothing was stored. Export the event again; if it really is this "
            "large, ask for HEARD_SYNC_MAX_MB to be raised.",
        )
    data = _parse(text)
    _check_signature(data, key)
    try:
        # Validated from the parsed form, so what is checked is exactly what was signed.
        bundle = Bundle.model_validate_json(canonical(data), strict=True)
    except ValidationError as error:
        raise BundleError("invalid", _explain(error)) from None
    _check_manifest(bundle, data["responses"])
    return bundle


def _parse(text: bytes) -> dict:
    try:
        # json.loads reads UTF-8, UTF-16 and UTF-32 bytes: a Windows shell may write UTF-16.
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise BundleError(
            "unreadable",
            "The bundle could not be read: it is not complete JSON (it may have been cut off "
            "or damaged on the way). Nothing was stored. Export it again.",
        ) from None
    shape = isinstance(data, dict) and isinstance(data.get("manifest"), dict)
    if not shape or not isinstance(data.get("signature"), str) or "responses" not in data:
        raise BundleError(
            "not_a_bundle",
            "This file is not a Heard sync bundle (it has no manifest, responses and "
            "signature). Nothing was stored. Make one with `flask sync export`.",
        )
    return data


def _check_signature(data: dict, key: str) -> None:
    payload = {"manifest": data["manifest"], "responses": data["responses"]}
    if data["manifest"].get("key_id") != key_id(key):
        raise BundleError(
            "wrong_key",
            "The bundle was signed with a different sync key. Nothing was stored. On the "
            "laptop, set HEARD_SYNC_KEY to the key `flask sync key` prints on this server, "
            "then export again.",
        )
    if not hmac.compare_digest(str(data["signature"]), signature_of(payload, key)):
        raise BundleError(
            "signature",
            "The bundle's signature does not match its content: it was changed after it was "
            "exported. Nothing was stored. Export it again from the laptop.",
        )


def _explain(error: ValidationError) -> str:
    # Where and what only: the input itself may be a child's words, and is never echoed.
    found = [
        f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
        for problem in error.errors(include_input=False)[:3]
    ]
    return (
        f"The bundle is signed but its content is not valid ({'; '.join(found)}). Nothing was "
        "stored. It may come from a different version of Heard: update the laptop and export "
        "again."
    )


def _check_manifest(bundle: Bundle, responses: list) -> None:
    manifest = bundle.manifest
    counts = Counter((r.survey, r.version, r.hash) for r in bundle.responses)
    listed = {(v.slug, v.number, v.hash): v.responses for v in manifest.versions}
    whole = (
        manifest.count == len(bundle.responses)
        and manifest.checksum == checksum_of(responses)
        and listed == dict(counts)
    )
    if not whole:
        raise BundleError(
            "invalid",
            "The bundle's manifest does not match its responses (their count, checksum or "
            "survey versions differ). Nothing was stored. Export it again from the laptop.",
        )
