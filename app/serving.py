"""How gunicorn serves Heard (`gunicorn.conf.py`): logs without addresses, no Server banner."""

from gunicorn import glogging
from gunicorn.http import wsgi

from app.logs import NoAddresses

# Gunicorn's own start-up line names the address it listens on, not a person's.
OWN_ADDRESS = ("Listening at: %s (%s)", "Listening at: %s")


class Logger(glogging.Logger):
    """Gunicorn's logger, with no client's address in the access or the error log."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        # The error log warns "Invalid request from ip=..." about malformed requests, and
        # an access log format given on the command line may ask for %(h)s.
        for log in (self.error_log, self.access_log):
            log.addFilter(NO_ADDRESSES)


NO_ADDRESSES = NoAddresses(keep=OWN_ADDRESS)


def drop_server_header() -> None:
    """Stop gunicorn naming itself and its version in a Server header on every response."""
    if getattr(wsgi.Response.default_headers, "heard", False):
        return
    sent = wsgi.Response.default_headers

    def default_headers(self) -> list[str]:
        return [line for line in sent(self) if not line.lower().startswith("server:")]

    default_headers.heard = True
    wsgi.Response.default_headers = default_headers
