"""Commentary per KPI per period: what the officer wants the board to know.

Slippage, the reasons for it, evidence of impact: a few sentences for one KPI in one of
the board's reporting periods (a month, or a quarter when the board reports by quarter).
The dashboard and the board pack show each KPI's commentary for the period they read; a
KPI without one that period shows its latest earlier commentary, saying which period it
was written for, so the board never takes last month's words for this month's.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.analysis.tally import Period, parse_period
from app.db import begin_writing
from app.models import KpiCommentary, utcnow


@dataclass(frozen=True)
class Note:
    period: Period
    text: str
    written_at: datetime
    current: bool  # written for the period being read (False: an earlier period's)


def _rows(kpi_ids: Iterable[int], *, session: Session) -> list[KpiCommentary]:
    ids = list(kpi_ids)
    if not ids:
        return []
    return list(session.exec(select(KpiCommentary).where(KpiCommentary.kpi_id.in_(ids))))


def _period(key: str, kind: str) -> Period | None:
    # Commentary written while the board reported by the other kind of period is left out.
    try:
        return parse_period(key, kind)
    except ValueError:
        return None


def _notes(rows: Iterable[KpiCommentary], upto: Period, kind: str) -> list[Note]:
    """Return the notes written for `upto` or earlier, newest first."""
    found = []
    for row in rows:
        period = _period(row.period, kind)
        if period is not None and period.start <= upto.start:
            found.append(Note(period, row.text, row.written_at, period == upto))
    return sorted(found, key=lambda note: note.period.start, reverse=True)


def latest_notes(
    kpi_ids: Iterable[int], upto: Period, kind: str, *, session: Session
) -> dict[int, Note]:
    """Return each KPI's commentary for a period, or its latest earlier one (one query)."""
    by_kpi: dict[int, list[KpiCommentary]] = {}
    for row in _rows(kpi_ids, session=session):
        by_kpi.setdefault(row.kpi_id, []).append(row)
    latest = {kpi_id: _notes(rows, upto, kind) for kpi_id, rows in by_kpi.items()}
    return {kpi_id: notes[0] for kpi_id, notes in latest.items() if notes}


def notes_of(kpi_id: int, upto: Period, kind: str, *, session: Session) -> list[Note]:
    """Return one KPI's commentary for every period up to `upto`, newest first."""
    return _notes(_rows([kpi_id], session=session), upto, kind)


def find(kpi_id: int, period: Period, *, session: Session) -> KpiCommentary | None:
    """Return a KPI's commentary for exactly this period, or None."""
    query = select(KpiCommentary).where(
        KpiCommentary.kpi_id == kpi_id, KpiCommentary.period == period.key
    )
    return session.exec(query).first()


def save(
    kpi_id: int, period: Period, text: str, *, staff_id: int, session: Session
) -> KpiCommentary:
    """Write or replace a KPI's commentary for a period (flush only).

    Two officers saving the same KPI and period at once: the later one replaces the
    earlier, as saving one after the other would, rather than failing on the unique key.
    """
    begin_writing(session)  # SQLite: the two saves take turns, so the second finds the first
    row = find(kpi_id, period, session=session)
    if row is None:
        try:
            with session.begin_nested():  # PostgreSQL: both may find none and both insert
                row = KpiCommentary(
                    kpi_id=kpi_id,
                    period=period.key,
                    text=text,
                    written_by=staff_id,
                    written_at=utcnow(),
                )
                session.add(row)
                session.flush()
            return row
        except IntegrityError:
            row = find(kpi_id, period, session=session)  # the other officer's, just stored
    row.text, row.written_by, row.written_at = text, staff_id, utcnow()
    session.add(row)
    session.flush()
    return row


def delete(kpi_id: int, period: Period, *, session: Session) -> bool:
    """Delete a KPI's commentary for a period (flush only); say whether there was one."""
    row = find(kpi_id, period, session=session)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True
