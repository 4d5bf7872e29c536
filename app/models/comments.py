"""What Heard read in each free-text answer, the safeguarding alerts it raised, and the audit trail.

A reading is derived data: stored beside the answer when the response arrives, and made
again by `flask text reanalyse`. Staff corrections live in their own columns, so a new
reading never overwrites what a person decided.
"""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Column, Float, String, Text, event
from sqlalchemy.orm import Session
from sqlmodel import Field, SQLModel

from app.models.base import enum_column, one_of, utcnow


class QuoteState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    HIDDEN = "hidden"


class AlertState(StrEnum):
    NEW = "new"
    SEEN = "seen"
    REFERRED = "referred"
    NO_CONCERN = "no_concern"


class CommentReading(SQLModel, table=True):
    __tablename__ = "comment_reading"
    __table_args__ = (CheckConstraint(one_of("quote", QuoteState), name="ck_comment_quote"),)

    id: int | None = Field(default=None, primary_key=True)
    answer_id: int = Field(foreign_key="answer.id", unique=True)
    response_id: uuid.UUID = Field(foreign_key="response.id", index=True)
    question_key: str = Field(sa_column=Column(String(64), nullable=False))
    english: bool | None = None  # None: too short to tell
    sentiment: str | None = Field(default=None, sa_column=Column(String(16)))  # None: not read
    score: float | None = Field(default=None, sa_column=Column(Float))
    phrases: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    themes: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    risks: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    needs_reader: bool = False  # not English: safeguarding could not be checked
    redactions: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Never quoted, published, shown on the board or exported for anyone but safeguarding.
    withheld: bool = False
    summary_en: str | None = Field(default=None, sa_column=Column(Text))
    corrected_sentiment: str | None = Field(default=None, sa_column=Column(String(16)))
    corrected_themes: list | None = Field(default=None, sa_column=Column(JSON))
    quote: QuoteState = Field(
        default=QuoteState.PENDING, sa_column=Column(enum_column(QuoteState), nullable=False)
    )
    analysed_at: datetime = Field(default_factory=utcnow)


class SafeguardingAlert(SQLModel, table=True):
    __tablename__ = "safeguarding_alert"
    __table_args__ = (CheckConstraint(one_of("state", AlertState), name="ck_alert_state"),)

    id: int | None = Field(default=None, primary_key=True)
    reading_id: int = Field(foreign_key="comment_reading.id", unique=True)
    # "risk": the words suggest a child may be at risk; "not_checked": not English, needs a reader.
    kind: str = Field(sa_column=Column(String(16), nullable=False))
    reasons: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    state: AlertState = Field(
        default=AlertState.NEW, sa_column=Column(enum_column(AlertState), nullable=False)
    )
    referred_to: str | None = Field(default=None, sa_column=Column(String(200)))
    reference: str | None = Field(default=None, sa_column=Column(String(100)))
    note: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime | None = None
    updated_by: int | None = Field(default=None, foreign_key="staff_user.id")


class AuditEvent(SQLModel, table=True):
    """Who looked at or changed something sensitive, and when. The app only ever adds rows."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    staff_id: int | None = Field(default=None, foreign_key="staff_user.id")
    action: str = Field(sa_column=Column(String(32), nullable=False))
    subject: str = Field(sa_column=Column(String(64), nullable=False))
    detail: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class AuditChangeRefused(RuntimeError):
    """Something tried to change or delete an audit event; the trail is append-only."""


def _refuse_change(*_args) -> None:
    raise AuditChangeRefused("Audit events are only ever added, never changed or deleted.")


def _refuse_bulk_change(state) -> None:
    # update(AuditEvent) and delete(AuditEvent) bypass the mapper events above.
    if (state.is_update or state.is_delete) and any(
        mapper.class_ is AuditEvent for mapper in state.all_mappers
    ):
        _refuse_change()


event.listen(AuditEvent, "before_update", _refuse_change)
event.listen(AuditEvent, "before_delete", _refuse_change)
event.listen(Session, "do_orm_execute", _refuse_bulk_change)


class Theme(SQLModel, table=True):
    """A theme comments are tagged with, and the phrases that mark it; officers edit these."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(String(80), unique=True, nullable=False))
    phrases: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    position: int = 0
