"""Focus-group events, and what the central server keeps of bundles synced from laptops."""

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Column, String, Text
from sqlmodel import Field, SQLModel

from app.models.base import utcnow


class Event(SQLModel, table=True):
    """A focus group: where and when, who ran it, and the surveys offered there."""

    id: int | None = Field(default=None, primary_key=True)
    # Made where the event was created (often a laptop), so a synced bundle finds it again.
    uid: uuid.UUID = Field(default_factory=uuid.uuid4, unique=True)
    name: str = Field(sa_column=Column(String(200), nullable=False))
    held_on: date
    group_name: str = Field(default="", sa_column=Column(String(200), nullable=False))
    facilitator: str = Field(default="", sa_column=Column(String(200), nullable=False))
    # Slugs, not ids: they are the same on the laptop and on the central server.
    surveys: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class SyncKey(SQLModel, table=True):
    """The central server's key for signing bundles: made once, read by `flask sync key`."""

    __tablename__ = "sync_key"

    id: int | None = Field(default=None, primary_key=True)
    secret: str = Field(sa_column=Column(String(128), nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class SyncImport(SQLModel, table=True):
    """One import of a bundle and its report; a quarantined one keeps the bundle to retry."""

    __tablename__ = "sync_import"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    staff_id: int | None = Field(default=None, foreign_key="staff_user.id")
    source: str = Field(sa_column=Column(String(16), nullable=False))  # upload, cli, push
    state: str = Field(sa_column=Column(String(16), nullable=False))  # imported, quarantined
    event_uid: uuid.UUID
    event_name: str = Field(sa_column=Column(String(200), nullable=False))
    bundle_hash: str = Field(sa_column=Column(String(64), nullable=False, index=True))
    new: int = 0
    existing: int = 0
    conflicts: int = 0
    quarantined: int = 0
    # UUIDs that exist here with other content, and versions this server did not know.
    conflict_ids: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    missing: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    bundle: str | None = Field(default=None, sa_column=Column(Text))  # kept while quarantined
