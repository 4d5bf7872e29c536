"""Surveys, their immutable versions, their KPIs and each KPI's monthly counts."""

from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, Column, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models.base import StateError, enum_column, one_of, utcnow


class SurveyState(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Survey(SQLModel, table=True):
    __table_args__ = (CheckConstraint(one_of("state", SurveyState), name="ck_survey_state"),)

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(sa_column=Column(String(80), unique=True, nullable=False))
    state: SurveyState = Field(
        default=SurveyState.DRAFT, sa_column=Column(enum_column(SurveyState), nullable=False)
    )
    created_at: datetime = Field(default_factory=utcnow)
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    # Months its responses are kept after they are sent (None: the default, 36, that the
    # privacy page promises). `flask data purge` deletes older ones.
    retention_months: int | None = None
    # Responses sent before this were deleted under retention; their months' KPI counts are
    # kept, and a recount leaves those months alone (kpis/counts.py).
    purged_before: datetime | None = None

    def open(self) -> None:
        """Start taking answers; a survey already open refuses."""
        if self.state == SurveyState.OPEN:
            raise StateError(_l("This survey is already open."))
        self.state = SurveyState.OPEN
        self.opened_at = utcnow()
        self.closed_at = None

    def close(self) -> None:
        """Stop taking answers; only an open survey can close."""
        if self.state != SurveyState.OPEN:
            raise StateError(_l("Only an open survey can be closed."))
        self.state = SurveyState.CLOSED
        self.closed_at = utcnow()

    @property
    def is_open(self) -> bool:
        return self.state == SurveyState.OPEN


class SurveyVersion(SQLModel, table=True):
    __tablename__ = "survey_version"
    __table_args__ = (UniqueConstraint("survey_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", index=True)
    number: int
    content_hash: str = Field(sa_column=Column(String(64), nullable=False))
    # The whole validated definition: a version never changes once it exists.
    definition: dict = Field(sa_column=Column(JSON, nullable=False))
    accepting: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class Kpi(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("survey_id", "ref"),
        # A closed KPI says when it closed; an open one has no closing date.
        CheckConstraint(
            "(closed AND closed_at IS NOT NULL) OR (NOT closed AND closed_at IS NULL)",
            name="ck_kpi_closed_at",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", index=True)
    ref: str = Field(sa_column=Column(String(40), nullable=False))
    statement: str = Field(sa_column=Column(Text, nullable=False))
    priority_area: str = Field(sa_column=Column(String(200), nullable=False))
    audience: str = Field(sa_column=Column(String(32), nullable=False))
    # Conditions, milestones, baseline, target and sample size, as validated from the file.
    definition: dict = Field(sa_column=Column(JSON, nullable=False))
    closed: bool = False
    closed_at: datetime | None = None
    # A hash of the conditions its stored month counts were made with (None: never counted);
    # conditions that no longer match it mean the counts must be made again.
    counted_hash: str | None = Field(default=None, sa_column=Column(String(64)))

    def close(self, when: datetime | None = None) -> None:
        """Mark the work done (Blue); the board checks the target is met before asking."""
        if self.closed:
            raise StateError(_l("This KPI is already closed."))
        self.closed, self.closed_at = True, when or utcnow()

    def reopen(self) -> None:
        """Assess a closed KPI like any other again."""
        if not self.closed:
            raise StateError(_l("Only a closed KPI can be opened again."))
        self.closed, self.closed_at = False, None


class KpiMonthCount(SQLModel, table=True):
    """A KPI's valid and positive responses in one London month, kept as responses arrive."""

    __tablename__ = "kpi_month_count"

    kpi_id: int = Field(foreign_key="kpi.id", primary_key=True)
    month: str = Field(sa_column=Column(String(7), primary_key=True))  # "YYYY-MM"
    valid: int = 0
    positive: int = 0
