"""Import a bundle on the central server: all of it in one transaction, each response once.

Every response goes through `store_response`, as a live one does: the same UUID again adds
nothing, the same UUID with other content is a conflict (reported, never overwritten), and
KPI counts and comment reading run exactly as for a response sent online. A bundle naming a
survey version this server does not have is quarantined whole: kept to retry, never mixed in.
The caller commits once; on a BundleError it rolls back, and nothing is stored.
"""

import json
import os
import sys
import time
from dataclasses import dataclass, field

from sqlmodel import Session, select

from app.audit import record
from app.db import begin_writing
from app.models import Event, Survey, SurveyVersion, SyncImport, utcnow
from app.responses import Outcome, store_response
from app.sync.bundle import Bundle, BundleError, EventPart, dumps, read
from app.sync.keys import checking_key

# Test-only: stop for good after this many responses, so a test can kill the process part-way
# through an import (tests/sync/test_interrupted.py). Never set it anywhere else.
PAUSE_AFTER = "HEARD_TEST_IMPORT_PAUSE_AFTER"


@dataclass
class Report:
    """What an import did: the counts every import ends with."""

    state: str  # "imported" or "quarantined"
    event_name: str
    new: int = 0
    existing: int = 0
    conflicts: int = 0
    quarantined: int = 0
    alerts: int = 0  # safeguarding alerts raised: the caller emails the lead after commit
    conflict_ids: list[str] = field(default_factory=list)
    missing: list[dict] = field(default_factory=list)
    import_id: int | None = None

    def line(self) -> str:
        """Return the one-line summary the CLI ends with (English, like every CLI line)."""
        word = "Imported" if self.state == "imported" else "Quarantined"
        return (
            f"{word}: {self.new} new, {self.existing} already there, "
            f"{self.conflicts} conflicts, {self.quarantined} quarantined."
        )

    def as_json(self) -> dict:
        return {
            "state": self.state,
            "event": self.event_name,
            "new": self.new,
            "already_there": self.existing,
            "conflicts": self.conflicts,
            "quarantined": self.quarantined,
            "conflict_ids": self.conflict_ids,
            "missing": self.missing,
            "report": self.line(),
        }


def import_bundle(
    text: bytes, *, source: str, staff_id: int | None, max_bytes: int, session: Session
) -> Report:
    """Check a bundle and store its responses (flush only); raise BundleError to refuse it."""
    bundle = read(text, key=checking_key(session=session), max_bytes=max_bytes)
    versions, missing = _match_versions(bundle, session=session)
    if missing:
        return _quarantine(bundle, text, missing, source, staff_id, session=session)
    begin_writing(session)
    event = _event(bundle.manifest.event, session=session)
    report = Report("imported", event.name)
    pause_after = int(os.environ.get(PAUSE_AFTER) or 0)
    for done, item in enumerate(bundle.responses, start=1):
        _store(item, versions, event, report, session=session)
        if done == pause_after:
            _pause(done)
    _release_quarantined(bundle.signature, session=session)
    row = _record(bundle, report, source, staff_id, session=session)
    report.import_id = row.id
    return report


def retry(import_id: int, *, staff_id: int | None, max_bytes: int, session: Session) -> Report:
    """Import a quarantined bundle again, after its survey versions have been loaded."""
    row = session.get(SyncImport, import_id)
    if row is None or row.state != "quarantined" or row.bundle is None:
        raise BundleError("not_a_bundle", "There is no quarantined bundle with that number.")
    return import_bundle(
        row.bundle.encode(), source="retry", staff_id=staff_id, max_bytes=max_bytes, session=session
    )


def _match_versions(bundle: Bundle, *, session: Session):
    # A version is known by its survey's slug and its content hash: the number is the
    # laptop's count of versions, which the server may have counted differently.
    slugs = {v.slug for v in bundle.manifest.versions}
    rows = session.exec(
        select(SurveyVersion, Survey.slug)
        .join(Survey, Survey.id == SurveyVersion.survey_id)
        .where(Survey.slug.in_(slugs))
    ).all()
    known = {(slug, version.content_hash): version for version, slug in rows}
    versions, missing = {}, []
    for part in bundle.manifest.versions:
        found = known.get((part.slug, part.hash))
        if found is None:
            missing.append({"slug": part.slug, "number": part.number, "hash": part.hash})
        versions[(part.slug, part.hash)] = found
    return versions, missing


def _event(part: EventPart, *, session: Session) -> Event:
    """Return the event this bundle came from, made here the first time it arrives."""
    event = session.exec(select(Event).where(Event.uid == part.uid)).first()
    if event is None:
        event = Event(
            uid=part.uid,
            name=part.name,
            held_on=part.held_on,
            group_name=part.group,
            facilitator=part.facilitator,
            surveys=list(part.surveys),
        )
        session.add(event)
        session.flush()
    return event


def _store(item, versions, event: Event, report: Report, *, session: Session) -> None:
    result = store_response(
        response_id=item.id,
        version=versions[(item.survey, item.hash)],
        answers=dict(item.answers),
        language=item.language,
        mode=item.mode,
        easy_read=item.easy_read,
        event_id=event.id,
        answered_at=item.answered_at,
        session=session,
    )
    if result.outcome == Outcome.STORED:
        report.new += 1
        report.alerts += result.alerts
    elif result.outcome == Outcome.DUPLICATE:
        report.existing += 1
    elif result.outcome == Outcome.CONFLICT:
        report.conflicts += 1
        report.conflict_ids.append(str(item.id))
    else:
        raise BundleError(
            "invalid",
            f"Response {item.id} does not fit its survey ({'; '.join(result.problems)}). "
            "Nothing was stored.",
        )


def _quarantine(bundle, text: bytes, missing, source, staff_id, *, session: Session) -> Report:
    report = Report("quarantined", bundle.manifest.event.name, missing=missing)
    report.quarantined = len(bundle.responses)
    kept = session.exec(
        select(SyncImport).where(
            SyncImport.bundle_hash == bundle.signature, SyncImport.state == "quarantined"
        )
    ).first()
    if kept is None:
        # Kept exactly as signed (re-encoded as text), so a retry checks the same signature.
        stored = dumps(json.loads(text))
        kept = _record(bundle, report, source, staff_id, session=session, bundle_text=stored)
    report.import_id = kept.id
    return report


def _release_quarantined(signature: str, *, session: Session) -> None:
    for row in session.exec(
        select(SyncImport).where(
            SyncImport.bundle_hash == signature, SyncImport.state == "quarantined"
        )
    ):
        row.state, row.bundle = "released", None
        session.add(row)


def _record(bundle, report: Report, source, staff_id, *, session: Session, bundle_text=None):
    row = SyncImport(
        at=utcnow(),
        staff_id=staff_id,
        source=source,
        state=report.state,
        event_uid=bundle.manifest.event.uid,
        event_name=bundle.manifest.event.name,
        bundle_hash=bundle.signature,
        new=report.new,
        existing=report.existing,
        conflicts=report.conflicts,
        quarantined=report.quarantined,
        conflict_ids=report.conflict_ids,
        missing=report.missing,
        bundle=bundle_text,
    )
    session.add(row)
    session.flush()
    counts = {"new": report.new, "existing": report.existing, "conflicts": report.conflicts}
    record(
        f"sync_{report.state}",
        f"sync_import:{row.id}",
        staff_id=staff_id,
        session=session,
        **counts,
    )
    return row


def _pause(done: int) -> None:
    print(f"paused after {done} responses", file=sys.stderr, flush=True)
    time.sleep(3600)
