"""Responses (one per person, keyed by a UUID made where they answered), answers, drafts."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, Index, String, Text
from sqlmodel import Field, SQLModel

from app.models.base import this_hour, utcnow


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
    submitted_at: datetime = Field(default_factory=this_hour)
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
