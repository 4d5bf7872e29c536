"""What the officer wants the board to know about a KPI in one reporting period."""

from datetime import datetime

from sqlalchemy import Column, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models.base import utcnow


class KpiCommentary(SQLModel, table=True):
    """One KPI's commentary for one period: slippage, its reasons, evidence of impact.

    Written by staff who may edit KPIs, read by the board on the dashboard, the KPI's page
    and the board pack; never shown on a respondent's page. One per KPI per period: the
    period is the board's reporting period's key ("2025-07", or "2025-Q3" when the board
    reports by quarter), as `analysis.tally.Period.key` names it.
    """

    __tablename__ = "kpi_commentary"
    __table_args__ = (UniqueConstraint("kpi_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    kpi_id: int = Field(foreign_key="kpi.id")
    period: str = Field(sa_column=Column(String(7), nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    written_by: int | None = Field(default=None, foreign_key="staff_user.id")
    written_at: datetime = Field(default_factory=utcnow)
