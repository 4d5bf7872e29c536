"""The board's views of the readings: grouped by area, side by side by audience; closing a KPI."""

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlmodel import Session

from app.analysis.kpi_status import TOLERANCE, Status
from app.board.formatting import STATUS_ORDER
from app.kpis.readings import KpiView
from app.models import StateError


def by_area(views: Sequence[KpiView]) -> list[tuple[str, list[KpiView]]]:
    """Group readings by priority area, keeping their order."""
    groups: dict[str, list[KpiView]] = {}
    for view in views:
        groups.setdefault(view.row.kpi.priority_area, []).append(view)
    return list(groups.items())


def status_counts(views: Sequence[KpiView]) -> list[tuple[Status, int]]:
    """Return how many KPIs are in each status, every status listed, red first."""
    found = Counter(view.reading.status for view in views)
    return [(status, found[status]) for status in STATUS_ORDER]


def across_audiences(views: Sequence[KpiView]) -> list[tuple[str, dict[str, KpiView]]]:
    """Return each KPI reference measured for more than one audience, side by side."""
    by_ref: dict[str, dict[str, KpiView]] = {}
    for view in views:
        by_ref.setdefault(view.row.kpi.ref, {})[view.row.kpi.audience] = view
    return [(ref, found) for ref, found in sorted(by_ref.items()) if len(found) > 1]


def close_kpi(view: KpiView, *, session: Session, when: datetime) -> None:
    """Close a KPI whose final target is met with enough answers (flush only)."""
    reading, definition = view.reading, view.row.definition
    if view.below_minimum or reading.value is None:
        raise StateError(
            _l("This KPI cannot be closed: it has fewer answers than its minimum sample.")
        )
    if reading.value < definition.target / 100 - TOLERANCE:
        raise StateError(_l("This KPI cannot be closed: its value does not meet the final target."))
    view.row.kpi.close(when)
    session.add(view.row.kpi)
    session.flush()
