"""Staff accounts and their roles."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, String
from sqlmodel import Field, SQLModel

from app.models.base import utcnow


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
