"""Settings read from the environment, with an embedded SQLite database by default."""

import os
from pathlib import Path

from app.clock import LONDON

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = Path(os.environ.get("HEARD_INSTANCE", ROOT / "instance"))
MAX_DRAFT_HOURS = 24 * 30  # a month: the longest a half-answered survey may wait


class ConfigError(RuntimeError):
    """A setting is missing or wrong; the message says what to do."""


def database_url() -> str:
    """Return DATABASE_URL, or the embedded SQLite file under instance/."""
    url = os.environ.get("DATABASE_URL")
    if url:
        # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants a named driver.
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url
    return f"sqlite:///{INSTANCE / 'heard.db'}"


def secret_key() -> str | None:
    """Return SECRET_KEY from the environment or instance/secret_key, if either is set."""
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    path = INSTANCE / "secret_key"
    if path.exists():
        return path.read_text().strip()
    return None


def check(settings: dict) -> None:
    """Refuse to start without the settings that keep respondents safe."""
    if not settings.get("SECRET_KEY"):
        raise ConfigError(
            "No secret key: set SECRET_KEY, or run `make run` once to create instance/secret_key."
        )
    threshold = str(settings.get("SUPPRESSION_THRESHOLD", "10"))
    if not threshold.isdigit() or int(threshold) < 2:
        raise ConfigError("HEARD_SUPPRESSION_THRESHOLD must be a whole number, 2 or more.")
    settings["SUPPRESSION_THRESHOLD"] = int(threshold)
    hours = str(settings.get("DRAFT_HOURS", "24"))
    if not (hours.isascii() and hours.isdigit()) or not 1 <= int(hours) <= MAX_DRAFT_HOURS:
        raise ConfigError(f"HEARD_DRAFT_HOURS must be a whole number from 1 to {MAX_DRAFT_HOURS}.")
    settings["DRAFT_HOURS"] = int(hours)
    for name, variable in _WHOLE_NUMBERS.items():
        value = str(settings.get(name, ""))
        if not value.isdigit() or int(value) < 1:
            raise ConfigError(f"{variable} must be a whole number, 1 or more.")
        settings[name] = int(value)
    idle = str(settings.get("KIOSK_IDLE_SECONDS", "120"))
    if not idle.isdigit() or int(idle) < 4:
        raise ConfigError("HEARD_KIOSK_IDLE_SECONDS must be a whole number, 4 or more.")
    settings["KIOSK_IDLE_SECONDS"] = int(idle)


# Staff sign-in settings that must be whole numbers, and the variables that set them.
_WHOLE_NUMBERS = {
    "SESSION_IDLE_MINUTES": "HEARD_SESSION_IDLE_MINUTES",
    "SESSION_MAX_HOURS": "HEARD_SESSION_MAX_HOURS",
    "INVITE_HOURS": "HEARD_INVITE_HOURS",
}


def from_environment() -> dict:
    """Build the Flask config mapping from the environment."""
    return {
        "SECRET_KEY": secret_key(),
        "DATABASE_URL": database_url(),
        "SURVEYS_DIR": Path(os.environ.get("HEARD_SURVEYS", ROOT / "surveys")),
        # Only the browser session holds the draft token: no cookie outlives the survey.
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("HEARD_SECURE_COOKIES", "") == "1",
        "PERMANENT_SESSION_LIFETIME": 60 * 60 * 8,
        "WTF_CSRF_TIME_LIMIT": None,  # a slow respondent must not lose a page to a timeout
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_DEFAULT_TIMEZONE": LONDON.key,
        "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "translations"),
        "MAX_CONTENT_LENGTH": 256 * 1024,
        # Unsent answers are deleted this long after their last change (a shared computer
        # should not keep them long); the privacy page states it.
        "DRAFT_HOURS": os.environ.get("HEARD_DRAFT_HOURS") or "24",
        "STATUS_VOCABULARY": os.environ.get("HEARD_STATUS_VOCABULARY", "brag"),
        "BOARD_PERIOD": os.environ.get("HEARD_BOARD_PERIOD", "month"),
        # No published count below this; no percentage of fewer answers.
        "SUPPRESSION_THRESHOLD": os.environ.get("HEARD_SUPPRESSION_THRESHOLD", "10"),
        # Safeguarding alerts by email (the queue in the app works without them).
        "SMTP_URL": os.environ.get("HEARD_SMTP_URL"),  # smtp://user:password@host:port
        "SAFEGUARDING_EMAIL": os.environ.get("HEARD_SAFEGUARDING_EMAIL"),
        "MAIL_FROM": os.environ.get("HEARD_MAIL_FROM"),
        # Staff sign-in: a session ends after this long unused, and after this long in all.
        "SESSION_IDLE_MINUTES": os.environ.get("HEARD_SESSION_IDLE_MINUTES", "30"),
        "SESSION_MAX_HOURS": os.environ.get("HEARD_SESSION_MAX_HOURS", "8"),
        "INVITE_HOURS": os.environ.get("HEARD_INVITE_HOURS", "72"),  # invitation and reset links
        # Admin and safeguarding staff must use two-step sign-in when this is "1".
        "REQUIRE_2FA": os.environ.get("HEARD_REQUIRE_2FA", "") == "1",
        # Focus-group sync: a laptop signs bundles with the central server's key.
        "SYNC_KEY": os.environ.get("HEARD_SYNC_KEY"),
        "SYNC_MAX_BYTES": int(os.environ.get("HEARD_SYNC_MAX_MB", "20")) * 1024 * 1024,
        # A kiosk starts again for the next person after this long with nothing pressed.
        "KIOSK_IDLE_SECONDS": os.environ.get("HEARD_KIOSK_IDLE_SECONDS", "120"),
    }
