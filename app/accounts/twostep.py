"""Two-step sign-in: a 6-digit code from an authenticator app (TOTP), or a recovery code."""

import hashlib
import secrets
from datetime import datetime

import pyotp
import segno
from sqlalchemy import delete
from sqlmodel import Session, select

from app.models import RecoveryCode, StaffUser

ISSUER = "Heard"
RECOVERY_CODES = 10
# One 30-second step either side of now: a phone's clock a little out still works.
DRIFT = 1


def new_secret() -> str:
    """Return a new random TOTP secret (base32, 160 bits)."""
    return pyotp.random_base32(32)


def setup_uri(secret: str, email: str) -> str:
    """Return the otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_svg(uri: str, title: str) -> str:
    """Return the QR code as inline SVG, titled for people using a screen reader."""
    return segno.make(uri, error="m").svg_inline(scale=5, title=title, dark="#000", light="#fff")


def grouped(secret: str) -> str:
    """Return the secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def code_step(secret: str, code: str, now: datetime) -> int | None:
    """Return the 30-second step a code belongs to (now, or one either side), else None."""
    code = "".join(code.split())
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    step = totp.timecode(now)
    for candidate in range(step - DRIFT, step + DRIFT + 1):
        if secrets.compare_digest(totp.generate_otp(candidate), code):
            return candidate
    return None


def accept_code(user: StaffUser, code: str, now: datetime) -> bool:
    """Accept a code once: a code already used (or an older one) is refused within its window."""
    step = code_step(user.totp_secret or "", code, now) if user.totp_secret else None
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        return False
    user.totp_last_step = step
    return True


def _digest(code: str) -> str:
    # Recovery codes are 50 random bits each, so a fast hash is enough: no one can try
    # 2^50 guesses against a stolen table, and sign-in need not pay for scrypt ten times.
    return hashlib.sha256(_normal(code).encode()).hexdigest()


def _normal(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def new_recovery_codes(staff_id: int, *, session: Session) -> list[str]:
    """Replace an account's recovery codes; return the new ones (shown once, stored hashed)."""
    session.execute(delete(RecoveryCode).where(RecoveryCode.staff_id == staff_id))
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(alphabet) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
        session.add(RecoveryCode(staff_id=staff_id, code_hash=_digest(raw)))
    session.flush()
    return codes


def use_recovery_code(staff_id: int, code: str, now: datetime, *, session: Session) -> bool:
    """Use one unused recovery code; say whether it was one."""
    if not 8 <= len(_normal(code)) <= 20:
        return False
    found = session.exec(
        select(RecoveryCode).where(
            RecoveryCode.staff_id == staff_id,
            RecoveryCode.code_hash == _digest(code),
            RecoveryCode.used_at.is_(None),
        )
    ).first()
    if found is None:
        return False
    found.used_at = now
    session.flush()
    return True


def codes_left(staff_id: int, *, session: Session) -> int:
    """Return how many unused recovery codes an account has."""
    return len(
        session.exec(
            select(RecoveryCode.id).where(
                RecoveryCode.staff_id == staff_id, RecoveryCode.used_at.is_(None)
            )
        ).all()
    )


def turn_off(user: StaffUser, *, session: Session) -> None:
    """Stop two-step sign-in for an account and forget its secret and recovery codes."""
    user.totp_secret = user.totp_enabled_at = user.totp_last_step = None
    session.execute(delete(RecoveryCode).where(RecoveryCode.staff_id == user.id))
    session.flush()
