"""Each KPI's valid and positive responses per London month, kept in kpi_month_count.

A stored response adds itself to its survey's KPIs (one upsert); a KPI whose conditions
changed is counted again from the answers with the GROUP BY in kpis/queries.py, one query
per survey. The board then reads one small table however many answers there are.
"""

import hashlib
import json
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from functools import cache

from sqlalchemy import bindparam, delete, insert, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from app.analysis.tally import ConditionSpec, kpi_outcome
from app.clock import london_month_of
from app.definitions.schema import DONT_KNOW, PREFER_NOT
from app.kpis.queries import KpiSpec, MonthCounts, kpi_month_counts
from app.models import Kpi, KpiMonthCount, Survey


def conditions_of(definition: Mapping) -> tuple[ConditionSpec, ...]:
    """Return a stored KPI definition's conditions as plain data."""
    return tuple(
        ConditionSpec(
            c["question"],
            tuple(c["positive"]),
            tuple(c.get("excluded", (DONT_KNOW, PREFER_NOT))),
        )
        for c in definition["conditions"]
    )


def conditions_hash(definition: Mapping) -> str:
    """Hash what a KPI's counts depend on: its conditions, not its targets or wording."""
    plain = [[c.question, c.positive, c.excluded] for c in conditions_of(definition)]
    return hashlib.sha256(json.dumps(plain).encode()).hexdigest()


def is_counted(kpi: Kpi) -> bool:
    """Say whether a KPI's stored counts were made with its present conditions."""
    return kpi.counted_hash == conditions_hash(kpi.definition)


def _hold_sends(*, session: Session) -> None:
    # On PostgreSQL a recount waits for the responses being stored to commit, so it counts
    # them, and keeps new ones out until it commits, so they add to the new counts with the
    # new definitions. Sends need no lock of their own: their INSERT INTO response conflicts.
    # SQLite takes one writer at a time, and a recount writes before it counts.
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE response IN SHARE MODE"))


@cache
def _upsert(dialect: str):
    # One statement for every row, its values bound: SQLAlchemy compiles it once, where an
    # INSERT with several VALUES rows written in would be compiled again on every send.
    table = KpiMonthCount.__table__
    upsert = (postgresql if dialect == "postgresql" else sqlite).insert(table)
    return upsert.on_conflict_do_update(
        index_elements=["kpi_id", "month"],
        set_={
            "valid": table.c.valid + upsert.excluded.valid,
            "positive": table.c.positive + upsert.excluded.positive,
        },
    )


def _add(rows: list[dict], *, session: Session) -> None:
    """Add rows of (kpi_id, month, valid, positive) to the stored counts, in one statement."""
    connection = session.connection()
    connection.execute(_upsert(connection.dialect.name), rows)


def count_response(
    survey_id: int, values: Mapping[str, Collection[str]], at: datetime, *, session: Session
) -> None:
    """Add one stored response (question -> values given) to its survey's KPIs (flush only).

    Call it after the response is written, in the same transaction: see _hold_sends.
    """
    _add_response(survey_id, values, at, 1, session=session)


def uncount_response(
    survey_id: int, values: Mapping[str, Collection[str]], at: datetime, *, session: Session
) -> None:
    """Take one response that is being withdrawn off its survey's KPI counts (flush only).

    The exact reverse of count_response, so a month whose other answers were purged keeps
    its count less this one, where a recount from the answers would lose the whole month.
    """
    _add_response(survey_id, values, at, -1, session=session)


# Every send reads its survey's KPIs: built once and run on the connection, not the ORM.
# In id order, so two sends update the same rows in the same order and never deadlock.
_SURVEY_KPIS = (
    select(Kpi.__table__.c.id, Kpi.__table__.c.definition)
    .where(Kpi.__table__.c.survey_id == bindparam("survey_id"))
    .order_by(Kpi.__table__.c.id)
)


def _add_response(
    survey_id: int, values: Mapping[str, Collection[str]], at: datetime, sign: int, *, session
) -> None:
    if not values:
        return  # the full count reads answer rows: a response without any is in no month
    kpis = session.connection().execute(_SURVEY_KPIS, {"survey_id": survey_id})
    month = london_month_of(at)
    rows = []
    for kpi_id, definition in kpis:
        valid, positive = kpi_outcome(values, conditions_of(definition))
        rows.append(dict(kpi_id=kpi_id, month=month, valid=sign * valid, positive=sign * positive))
    if rows:
        _add(rows, session=session)


def _by_survey(kpis: Sequence[Kpi]) -> dict[int, list[Kpi]]:
    found: dict[int, list[Kpi]] = defaultdict(list)
    for kpi in kpis:
        found[kpi.survey_id].append(kpi)
    return found


def _specs(kpis: Sequence[Kpi]) -> list[KpiSpec]:
    return [KpiSpec(kpi.id, conditions_of(kpi.definition)) for kpi in kpis]


def _rows(counted: Mapping[KpiSpec, MonthCounts]) -> list[dict]:
    return [
        dict(kpi_id=spec.kpi_id, month=month, valid=valid, positive=positive)
        for spec, months in counted.items()
        for month, (valid, positive) in months.items()
    ]


def kept_month(survey_id: int, *, session: Session) -> str | None:
    """Return the last London month whose answers were purged (its counts are kept), if any."""
    purged = session.scalar(select(Survey.purged_before).where(Survey.id == survey_id))
    return london_month_of(purged) if purged is not None else None


def _recount_survey(survey_id: int, ids: list[int], *, session: Session) -> None:
    _hold_sends(session=session)
    # Read the definitions again under the lock: an edit committed meanwhile is counted.
    kpis = session.scalars(
        select(Kpi).where(Kpi.id.in_(ids)).execution_options(populate_existing=True)
    ).all()
    # Months up to the last purge keep their stored counts: their answers are gone, and the
    # board must not lose them. They stay counted with the conditions of their time.
    kept = kept_month(survey_id, session=session)
    stale = delete(KpiMonthCount).where(KpiMonthCount.kpi_id.in_(ids))
    if kept is not None:
        stale = stale.where(KpiMonthCount.month > kept)
    # Delete before counting: on SQLite the first write is what keeps other writers out.
    session.execute(stale)
    rows = _rows(kpi_month_counts(survey_id, _specs(kpis), session=session))
    rows = [row for row in rows if kept is None or row["month"] > kept]
    if rows:
        session.execute(insert(KpiMonthCount), rows)
    for kpi in kpis:
        kpi.counted_hash = conditions_hash(kpi.definition)
        session.add(kpi)


def recount(kpis: Sequence[Kpi], *, session: Session) -> None:
    """Replace these KPIs' stored counts with a full count, one query per survey (flush only)."""
    session.flush()
    for survey_id, group in _by_survey(kpis).items():
        _recount_survey(survey_id, [kpi.id for kpi in group], session=session)
    session.flush()


def stored_counts(kpi_ids: Sequence[int], *, session: Session) -> dict[int, MonthCounts]:
    """Return these KPIs' stored counts per month, in one query."""
    found: dict[int, MonthCounts] = {kpi_id: {} for kpi_id in kpi_ids}
    if kpi_ids:
        query = select(
            KpiMonthCount.kpi_id, KpiMonthCount.month, KpiMonthCount.valid, KpiMonthCount.positive
        ).where(KpiMonthCount.kpi_id.in_(kpi_ids))
        for kpi_id, month, valid, positive in session.execute(query):
            found[kpi_id][month] = (valid, positive)
    return found


def live_counts(kpis: Sequence[Kpi], *, session: Session) -> dict[int, MonthCounts]:
    """Count these KPIs from the answers without storing anything, one query per survey."""
    found: dict[int, MonthCounts] = {}
    for survey_id, group in _by_survey(kpis).items():
        counted = kpi_month_counts(survey_id, _specs(group), session=session)
        found |= {spec.kpi_id: months for spec, months in counted.items()}
    return found


def month_counts(kpis: Sequence[Kpi], *, session: Session) -> dict[int, MonthCounts]:
    """Return these KPIs' valid and positive responses per month.

    Stored counts in one query; a KPI not counted with its present conditions (changed in
    the database by hand, or not yet counted after an upgrade) is counted from the answers
    instead, one query per survey, until `flask kpis recount` stores its counts. Months
    whose answers were purged come from the stored counts either way.
    """
    found = stored_counts([kpi.id for kpi in kpis if is_counted(kpi)], session=session)
    uncounted = [kpi for kpi in kpis if not is_counted(kpi)]
    if not uncounted:
        return found
    live = live_counts(uncounted, session=session)
    stored = stored_counts([kpi.id for kpi in uncounted], session=session)
    purged = dict(
        session.execute(
            select(Survey.id, Survey.purged_before).where(
                Survey.id.in_({kpi.survey_id for kpi in uncounted}),
                Survey.purged_before.is_not(None),
            )
        ).all()
    )
    for kpi in uncounted:
        kept = london_month_of(purged[kpi.survey_id]) if kpi.survey_id in purged else None
        months = {m: c for m, c in live[kpi.id].items() if kept is None or m > kept}
        if kept is not None:
            months |= {m: c for m, c in stored[kpi.id].items() if m <= kept}
        found[kpi.id] = months
    return found
