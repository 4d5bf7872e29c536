"""The tables. Times are stored in UTC (SQLModel's aware UTCDateTime); pages show London."""

import uuid
from datetime import UTC, datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, Column, Index, String, Text, UniqueConstraint
from sqlalchemy import Enum as SqlEnum
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Return the current time in UTC, aware of its zone."""
    return datetime.now(UTC)


class StateError(ValueError):
    """A survey or KPI was asked to make a move its state does not allow."""


def enum_column(values: type[StrEnum]) -> SqlEnum:
    """Return a column type that stores an enum's values as text and reads back members."""
    # The check constraint is declared by name on the table, so migrations can refer to it.
    return SqlEnum(
        values,
        native_enum=False,
        create_constraint=False,
        length=16,
        values_callable=lambda enum: [member.value for member in enum],
    )


def one_of(column: str, values: type[StrEnum]) -> str:
    """Return SQL that holds a column to an enum's values, for a check constraint."""
    listed = ", ".join(f"'{v.value}'" for v in values)
    return f"{column} IN ({listed})"


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


class ResponseMode(StrEnum):
    ONLINE = "online"
    KIOSK = "kiosk"
    PAPER = "paper"
    EVENT = "event"


class Response(SQLModel, table=True):
    __table_args__ = (Index("ix_response_version_submitted", "survey_version_id", "submitted_at"),)

    # Made where the answers were given, so a retry or a sync stores nothing twice.
    id: uuid.UUID = Field(primary_key=True)
    survey_version_id: int = Field(foreign_key="survey_version.id")
    language: str = Field(sa_column=Column(String(16), nullable=False))
    mode: str = Field(default=ResponseMode.ONLINE, sa_column=Column(String(16), nullable=False))
    easy_read: bool = False
    submitted_at: datetime = Field(default_factory=utcnow)
    content_hash: str = Field(sa_column=Column(String(64), nullable=False))


class Answer(SQLModel, table=True):
    __table_args__ = (
        Index("ix_answer_key_value", "question_key", "value"),
        # Covers the board's per-response KPI reading: no table lookups per answer.
        Index("ix_answer_response_key_value", "response_id", "question_key", "value"),
    )

    id: int | None = Field(default=None, primary_key=True)
    response_id: uuid.UUID = Field(foreign_key="response.id")
    question_key: str = Field(sa_column=Column(String(64), nullable=False))
    value: str = Field(sa_column=Column(Text, nullable=False))


class Draft(SQLModel, table=True):
    """Answers in progress, kept on the server so a dropped signal loses nothing."""

    token: str = Field(sa_column=Column(String(64), primary_key=True))
    response_id: uuid.UUID = Field(default_factory=uuid.uuid4)
    survey_version_id: int = Field(foreign_key="survey_version.id")
    answers: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, index=True)


class Role(StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    BOARD = "board"
    SAFEGUARDING = "safeguarding"


class StaffUser(SQLModel, table=True):
    __tablename__ = "staff_user"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(sa_column=Column(String(254), unique=True, nullable=False))
    password_hash: str = Field(sa_column=Column(String(255), nullable=False))
    role: str = Field(sa_column=Column(String(16), nullable=False))
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
