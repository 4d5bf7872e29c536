"""The council's own details for its privacy notice: one row, set by an admin in the browser."""

from datetime import datetime

from sqlalchemy import CheckConstraint, Column, String, Text
from sqlmodel import Field, SQLModel

from app.models.base import utcnow


class PrivacyNotice(SQLModel, table=True):
    """Who runs the surveys and how to reach them; shown as given on the privacy page."""

    __tablename__ = "privacy_notice"
    # One row only: the partnership running this Heard has one privacy notice.
    __table_args__ = (CheckConstraint("id = 1", name="ck_privacy_notice_one_row"),)

    id: int = Field(default=1, primary_key=True)
    organisation: str = Field(sa_column=Column(String(200), nullable=False))
    controller: str = Field(sa_column=Column(String(200), nullable=False))
    contact: str = Field(sa_column=Column(Text, nullable=False))
    dpo_contact: str = Field(sa_column=Column(Text, nullable=False))
    retention: str | None = Field(default=None, sa_column=Column(Text))
    complaints: str = Field(sa_column=Column(Text, nullable=False))
    # Where a young person who is upset can get help locally; the thank-you page shows it.
    support_contact: str | None = Field(default=None, sa_column=Column(Text))
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: int | None = Field(default=None, foreign_key="staff_user.id")
