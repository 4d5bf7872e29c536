"""A KPI's reading on a date, with its history: counts per month read against its milestones."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from app.analysis.kpi_status import BRAG, KpiReading, Vocabulary, assess, hidden_reading
from app.analysis.tally import Period, change, periods_between, window_counts
from app.definitions import KpiDef
from app.kpis.counts import month_counts as counted_months
from app.kpis.definition import definition_of_kpi, trajectory
from app.kpis.queries import MonthCounts
from app.models import Kpi, Survey
from app.words import english_nouns


@dataclass(frozen=True)
class KpiRow:
    kpi: Kpi
    survey_slug: str
    definition: KpiDef


@dataclass(frozen=True)
class PeriodReading:
    period: Period
    reading: KpiReading


@dataclass(frozen=True)
class KpiView:
    row: KpiRow
    on: date
    reading: KpiReading  # on the date asked for
    history: tuple[PeriodReading, ...]  # oldest first, ending with the period asked for
    change: float | None  # since the previous period, as a fraction

    @property
    def below_minimum(self) -> bool:
        # A hidden reading does not say which side of the minimum it is on.
        n = self.reading.n
        return n is not None and n < self.row.definition.minimum_sample

    def holds_small(self, threshold: int) -> bool:
        """Say whether any period's reading rests on fewer than `threshold` answers."""
        return any(h.reading.n is not None and 0 < h.reading.n < threshold for h in self.history)


def load_kpis(
    *,
    session: Session,
    area: str | None = None,
    audience: str | None = None,
    kpi_id: int | None = None,
    survey_id: int | None = None,
) -> list[KpiRow]:
    """Return the KPIs to show, in one query, ordered by priority area then reference."""
    query = select(Kpi, Survey.slug).join(Survey, Survey.id == Kpi.survey_id)
    if kpi_id is not None:
        query = query.where(Kpi.id == kpi_id)
    if survey_id is not None:
        query = query.where(Kpi.survey_id == survey_id)
    if area:
        query = query.where(Kpi.priority_area == area)
    if audience:
        query = query.where(Kpi.audience == audience)
    rows = session.exec(query.order_by(Kpi.priority_area, Kpi.ref, Kpi.audience)).all()
    return [KpiRow(kpi, slug, definition_of_kpi(kpi)) for kpi, slug in rows]


def month_counts(rows: Sequence[KpiRow], *, session: Session) -> dict[int, MonthCounts]:
    """Return these KPIs' valid and positive responses per month."""
    return counted_months([row.kpi for row in rows], session=session)


def read(
    row: KpiRow,
    counts: MonthCounts,
    period: Period,
    on: date,
    *,
    vocabulary: Vocabulary,
    history: Sequence[PeriodReading] = (),
) -> KpiReading:
    """Assess one KPI over its window ending with a period, on a date in that period."""
    definition = row.definition
    valid, positive = window_counts(counts, period, definition.window_months)
    baseline = None if definition.baseline is None else definition.baseline / 100
    return assess(
        ref=row.kpi.ref,
        statement=row.kpi.statement,
        audience=row.kpi.audience,
        positive=positive,
        n=valid,
        milestones=trajectory(definition),
        on=on,
        minimum_sample=definition.minimum_sample,
        final_target=definition.target / 100,
        closed=row.kpi.closed,
        start=definition.baseline_date,
        baseline=baseline,
        people=english_nouns(row.kpi.audience),
        vocabulary=vocabulary,
        history=[
            (p.period.end, p.reading.status, p.reading.value, p.reading.expected) for p in history
        ],
    )


def view_of(
    row: KpiRow, counts: MonthCounts, on: date, *, period_kind: str, vocabulary: Vocabulary
) -> KpiView:
    """Read a KPI for every period from its first answers up to the one holding `on`."""
    first = min((m for m in counts), default=None)
    start = date.fromisoformat(f"{first}-01") if first and first <= on.isoformat() else on
    history: list[PeriodReading] = []
    for period in periods_between(start, on, period_kind):
        day = min(period.end, on)
        reading = read(row, counts, period, day, vocabulary=vocabulary, history=history)
        history.append(PeriodReading(period, reading))
    values = [h.reading.value for h in history]
    return KpiView(row, on, history[-1].reading, tuple(history), change(values))


def hide_small(view: KpiView, threshold: int, vocabulary: Vocabulary) -> KpiView:
    """Return a view as the board may see it: each reading on too few answers hidden."""
    history = tuple(
        PeriodReading(h.period, hidden_reading(h.reading, threshold, vocabulary))
        for h in view.history
    )
    reading = hidden_reading(view.reading, threshold, vocabulary)
    # A change between periods would let a hidden value be worked out from a shown one.
    values = [h.reading.value for h in history]
    return KpiView(view.row, view.on, reading, history, change(values))


def kpi_views(
    *,
    session: Session,
    on: date,
    period_kind: str = "month",
    vocabulary: Vocabulary = BRAG,
    area: str | None = None,
    audience: str | None = None,
    survey_id: int | None = None,
) -> list[KpiView]:
    """Return every KPI's reading on a date with its history, in two queries."""
    rows = load_kpis(session=session, area=area, audience=audience, survey_id=survey_id)
    found = month_counts(rows, session=session)
    return [
        view_of(row, found[row.kpi.id], on, period_kind=period_kind, vocabulary=vocabulary)
        for row in rows
    ]


def one_view(
    kpi_id: int,
    *,
    session: Session,
    on: date,
    period_kind: str = "month",
    vocabulary: Vocabulary = BRAG,
) -> KpiView | None:
    """Return one KPI's reading and history, or None if there is no such KPI."""
    rows = load_kpis(session=session, kpi_id=kpi_id)
    if not rows:
        return None
    found = month_counts(rows, session=session)
    return view_of(rows[0], found[kpi_id], on, period_kind=period_kind, vocabulary=vocabulary)
