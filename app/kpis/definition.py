"""A stored KPI read back as its validated definition, and the milestone line it is held to."""

from app.analysis.kpi_status import Milestone
from app.definitions import KpiDef
from app.models import Kpi


def definition_of_kpi(kpi: Kpi) -> KpiDef:
    """Return a stored KPI's full definition (stored as JSON, so dates parse leniently)."""
    fields = dict(ref=kpi.ref, statement=kpi.statement, priority_area=kpi.priority_area)
    return KpiDef.model_validate(
        {**kpi.definition, **fields, "audience": kpi.audience}, strict=False
    )


def trajectory(definition: KpiDef) -> list[Milestone]:
    """Return the milestones as fractions, with the final target as the last point."""
    line = [Milestone(m.date, m.percent / 100) for m in definition.milestones]
    if not line or line[-1].on < definition.target_date:
        line.append(Milestone(definition.target_date, definition.target / 100))
    return line
