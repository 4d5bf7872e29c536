"""The partnership's clock: times are stored in UTC and read in Europe/London."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

# The one place the time zone is named: pages, board periods and the SQL all use it.
LONDON = ZoneInfo("Europe/London")


def today() -> date:
    """Return today's date in London, where the boards meet."""
    return datetime.now(LONDON).date()


def london_month_of(at: datetime) -> str:
    """Return the London calendar month ("YYYY-MM") of an aware time."""
    return at.astimezone(LONDON).strftime("%Y-%m")
