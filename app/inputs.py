"""What typed input may hold: whole numbers in any script, clean text, dates in a sane range.

Pure functions (standard library only), so the survey schema, routing and forms share them.
"""

import re
import unicodedata
from datetime import date

# Nine digits hold any count a survey asks about, and every number a survey file may set
# as a question's min or max; a longer string is never worth reading as a number.
MAX_DIGITS = 9
LARGEST = 10**MAX_DIGITS - 1

# A phone's keyboard may type a minus or plus sign other than ASCII's.
MINUS = {"-", "\u2212", "\ufe63", "\uff0d"}
PLUS = {"+", "\ufe62", "\uff0b"}

# Dates anyone types (KPI milestones and targets, actions, filters) stay within these years:
# 9999-12-31 is a typo, and date arithmetic near the ends of the calendar fails.
EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)

# Newlines and tabs are part of what someone wrote; every other control character is not.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ASCII_NUMBER = re.compile(rf"-?[0-9]{{1,{MAX_DIGITS}}}")


def clean_text(text: str) -> str:
    """Remove control characters (keeping newlines and tabs); make every line end \\n."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _signed_digits(text: str) -> tuple[int, str] | None:
    """Return (sign, ASCII digits without leading zeros) of a typed whole number, or None."""
    # Bidirectional marks (Arabic and Urdu keyboards add them) are not part of the number.
    text = "".join(ch for ch in text.strip() if unicodedata.category(ch) != "Cf")
    sign = 1
    if text[:1] in MINUS:
        sign, text = -1, text[1:]
    elif text[:1] in PLUS:
        text = text[1:]
    # isdecimal(), not isdigit(): superscripts and circled digits are not digits you count with.
    if not text or not all(ch.isdecimal() for ch in text):
        return None
    return sign, "".join(str(unicodedata.decimal(ch)) for ch in text).lstrip("0") or "0"


def whole_number(text: str) -> int | None:
    """Read a whole number typed with any script's digits (٤٢, ৪২, ４２); None if it is not one.

    One sign may lead. "²", "--5", "+-5", "1.5" and numbers of more than MAX_DIGITS digits
    are not whole numbers here.
    """
    found = _signed_digits(text)
    if found is None or len(found[1]) > MAX_DIGITS:
        return None
    sign, digits = found
    return sign * int(digits)


def too_many_digits(text: str) -> bool:
    """Say whether text is a whole number, but one longer than MAX_DIGITS digits."""
    found = _signed_digits(text)
    return found is not None and len(found[1]) > MAX_DIGITS


def is_stored_number(value: str) -> bool:
    """Say whether a stored answer is a plain ASCII whole number of at most MAX_DIGITS."""
    return _ASCII_NUMBER.fullmatch(value) is not None


def in_range(day: date) -> bool:
    """Say whether a typed date falls between EARLIEST and LATEST."""
    return EARLIEST <= day <= LATEST
