"""Log lines without anyone's IP address: a filter for the web servers' loggers."""

import logging
import re

_IPV4 = r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"
_HEX = "[0-9A-Fa-f]{1,4}"
# Written out in full, or shortened with "::" (a time like 12:30:45 is neither).
_FULL = rf"(?:{_HEX}:){{7}}{_HEX}"
_SHORT = rf"(?:{_HEX}:){{0,6}}(?:{_HEX})?::(?:{_HEX}:){{0,6}}(?:{_HEX})?"
_IPV6 = rf"(?<![\w:])(?:{_FULL}|{_SHORT})(?![\w:])"
IPV4, IPV6 = re.compile(_IPV4), re.compile(_IPV6)


def without_addresses(text: str) -> str:
    """Replace every IPv4 and IPv6 address in text with "-"."""
    # IPv4 first, so an IPv4 address inside an IPv6 one (::ffff:10.0.0.1) goes whole.
    return IPV6.sub("-", IPV4.sub("-", text))


class NoAddresses(logging.Filter):
    """Blank out IP addresses in every record a logger writes.

    `keep` names messages (as their format strings) that give the server's own address,
    such as gunicorn's "Listening at: %s (%s)": those are not about a person.
    """

    def __init__(self, keep: tuple[str, ...] = ()):
        super().__init__()
        self.keep = keep

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg in self.keep:
            return True
        message = record.getMessage()
        cleaned = without_addresses(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


# One filter for werkzeug's logger however many apps are made: addFilter skips a repeat.
WERKZEUG = NoAddresses()


def init_app(_app) -> None:
    """Keep addresses out of the development server's request log (`flask run`)."""
    logging.getLogger("werkzeug").addFilter(WERKZEUG)
