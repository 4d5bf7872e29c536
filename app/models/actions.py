""" "We did": what the partnership did in response, and the published "You said, we did" reports."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Column, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models.base import enum_column, one_of, utcnow


class ActionState(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Action(SQLModel, table=True):
    __table_args__ = (
        CheckConstraint(one_of("state", ActionState), name="ck_action_state"),
        # Done means it has a done date; anything else has none.
        CheckConstraint(
            "(state = 'done' AND done_on IS NOT NULL) OR (state != 'done' AND done_on IS NULL)",
            name="ck_action_done_on",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", index=True)
    what: str = Field(sa_column=Column(Text, nullable=False))  # what was (or will be) done
    owner: str = Field(sa_column=Column(String(200), nullable=False))
    state: ActionState = Field(
        default=ActionState.PLANNED, sa_column=Column(enum_column(ActionState), nullable=False)
    )
    due_on: date | None = None
    done_on: date | None = None
    evidence_url: str | None = Field(default=None, sa_column=Column(String(500)))
    themes: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    kpi_refs: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    question_keys: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    def is_slow(self, today: date) -> bool:
        """Say whether the action is past its date and not done: the board asks for these."""
        return self.state != ActionState.DONE and self.due_on is not None and self.due_on < today


class Report(SQLModel, table=True):
    """A published "You said, we did" report: a dated snapshot that never changes."""

    __table_args__ = (UniqueConstraint("survey_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", index=True)
    number: int  # 1, 2, ... : republishing makes a new one
    published_at: datetime = Field(default_factory=utcnow)
    published_by: int | None = Field(default=None, foreign_key="staff_user.id")
    # Everything the page shows, already made safe: suppressed figures, approved quotes.
    content: dict = Field(sa_column=Column(JSON, nullable=False))
