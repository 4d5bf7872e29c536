"""Staff accounts, their roles, sign-in sessions, one-time links and sign-in throttling."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, CheckConstraint, Column, String, false
from sqlmodel import Field, SQLModel

from app.models.base import one_of, utcnow


class Role(StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    BOARD = "board"
    SAFEGUARDING = "safeguarding"


class LinkPurpose(StrEnum):
    INVITE = "invite"
    RESET = "reset"


class StaffUser(SQLModel, table=True):
    __tablename__ = "staff_user"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(sa_column=Column(String(254), unique=True, nullable=False))
    # "!" (no usable password) until an invited person follows their link.
    password_hash: str = Field(sa_column=Column(String(255), nullable=False))
    role: str = Field(sa_column=Column(String(16), nullable=False))
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    # A one-time password (the bootstrap admin's) must be replaced at first sign-in, and
    # stops working at password_expires_at.
    must_change_password: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    password_expires_at: datetime | None = None
    password_changed_at: datetime | None = None
    last_sign_in_at: datetime | None = None
    # Two-step sign-in: the secret is kept from enrolment; totp_enabled_at says it is in use.
    totp_secret: str | None = Field(default=None, sa_column=Column(String(64)))
    totp_enabled_at: datetime | None = None
    # The last 30-second step a code was accepted for: a code cannot be used twice.
    totp_last_step: int | None = Field(default=None, sa_column=Column(BigInteger))

    @property
    def two_step(self) -> bool:
        return self.totp_enabled_at is not None


class StaffSession(SQLModel, table=True):
    """One signed-in browser; the cookie holds a random token whose hash is stored here."""

    __tablename__ = "staff_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    staff_id: int = Field(foreign_key="staff_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    ended_at: datetime | None = None


class AccountLink(SQLModel, table=True):
    """A one-time link to choose a password: an invitation or a reset."""

    __tablename__ = "account_link"
    __table_args__ = (CheckConstraint(one_of("purpose", LinkPurpose), name="ck_link_purpose"),)

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    staff_id: int = Field(foreign_key="staff_user.id", index=True)
    purpose: str = Field(sa_column=Column(String(16), nullable=False))
    created_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None


class RecoveryCode(SQLModel, table=True):
    """A single-use code for two-step sign-in without the phone; only its hash is kept."""

    __tablename__ = "recovery_code"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_user.id", index=True)
    code_hash: str = Field(sa_column=Column(String(64), nullable=False))
    used_at: datetime | None = None


class SignInThrottle(SQLModel, table=True):
    """Failed sign-ins for one account or one client, shared by every process and server.

    The key is a keyed hash of the email address or of the client's address: no raw IP
    address and no email address is stored here.
    """

    __tablename__ = "sign_in_throttle"

    kind: str = Field(sa_column=Column(String(8), primary_key=True))  # "account" or "client"
    key: str = Field(sa_column=Column(String(64), primary_key=True))
    failures: int = 0
    last_failure_at: datetime = Field(default_factory=utcnow)
    retry_at: datetime | None = None  # the next attempt is refused before this time
    locked_until: datetime | None = None
