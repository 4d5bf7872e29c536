"""KPI counts per month, kept between requests and topped up with new responses only.

Counting a survey's KPIs means reading every answer of every response: about 150 ms per
100,000 answer rows. Responses are immutable and only ever added, so a survey's counts
stay right until its number of responses changes; responses that arrived after the
newest one counted are added on top; anything else (a response synced late with an
older time) recounts the survey. Counts are kept per KPI condition set, so an edited
KPI is counted afresh.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from app.board.queries import KpiSpec, MonthCounts, kpi_month_counts, response_marks

Mark = tuple[int, datetime | None]  # (responses, latest submitted_at)


@dataclass(frozen=True)
class SurveyCounts:
    mark: Mark
    counts: dict[KpiSpec, MonthCounts]


def merge(old: dict[KpiSpec, MonthCounts], new: dict[KpiSpec, MonthCounts]) -> dict:
    """Add two sets of per-month counts together."""
    merged = {spec: dict(months) for spec, months in old.items()}
    for spec, months in new.items():
        target = merged.setdefault(spec, {})
        for month, (valid, positive) in months.items():
            v, p = target.get(month, (0, 0))
            target[month] = (v + valid, p + positive)
    return merged


def _only_newer_arrived(survey_id: int, old: Mark, now: Mark, *, session: Session) -> bool:
    """Say whether every response added since `old` was submitted after its newest one."""
    if old[1] is None or now[0] <= old[0]:
        return False
    newer = response_marks([survey_id], session=session, after=old[1])
    return newer.get(survey_id, (0, None))[0] == now[0] - old[0]


def _count(survey_id: int, wanted: Sequence[KpiSpec], mark: Mark, cached, *, session: Session):
    """Return counts covering `wanted`, and whether they differ from what was kept."""
    if cached is not None and set(wanted) <= cached.counts.keys():
        if cached.mark == mark:
            return cached.counts, False
        if _only_newer_arrived(survey_id, cached.mark, mark, session=session):
            kept = list(cached.counts)
            new = kpi_month_counts(survey_id, kept, session=session, since=cached.mark[1])
            return merge(cached.counts, new), True
    # Count what is wanted, with whatever else was kept for KPIs not asked about now.
    ids = {spec.kpi_id for spec in wanted}
    others = [s for s in (cached.counts if cached else {}) if s.kpi_id not in ids]
    return kpi_month_counts(survey_id, [*wanted, *others], session=session), True


def month_counts(
    specs_by_survey: Mapping[int, Sequence[KpiSpec]], *, session: Session, store: dict
) -> dict[int, MonthCounts]:
    """Return per-month counts by KPI id, reusing `store` (kept per app) where still right."""
    marks = response_marks(list(specs_by_survey), session=session)
    found: dict[int, MonthCounts] = {}
    fresh: dict[int, SurveyCounts] = {}
    for survey_id, wanted in specs_by_survey.items():
        mark = marks.get(survey_id, (0, None))
        if mark[0] == 0:
            found |= {spec.kpi_id: {} for spec in wanted}
            continue
        counts, changed = _count(survey_id, wanted, mark, store.get(survey_id), session=session)
        found |= {spec.kpi_id: counts[spec] for spec in wanted}
        if changed:
            fresh[survey_id] = SurveyCounts(mark, counts)
    _keep(fresh, marks, store, session=session)
    return found


def _keep(fresh: dict[int, SurveyCounts], marks, store: dict, *, session: Session) -> None:
    # Keep new counts only if no response arrived while counting: each statement may see
    # a later snapshot, and insert-only tables mean an unchanged count is an unchanged set.
    if not fresh:
        return
    again = response_marks(list(fresh), session=session)
    for survey_id, counted in fresh.items():
        if again.get(survey_id) == marks.get(survey_id):
            store[survey_id] = counted
        else:
            store.pop(survey_id, None)
