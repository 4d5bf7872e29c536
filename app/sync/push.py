"""Send a bundle from a laptop to the central server's sync API (standard library only)."""

import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit

API_PATH = "/api/sync/bundles"


class PushError(RuntimeError):
    """The bundle did not reach the server, or the server refused it; the message says why."""


def api_url(server: str) -> str:
    """Return the sync API's address on a server given by its home address (or the API's)."""
    parts = urlsplit(server.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"{server!r} is not a web address: give one like https://heard.example.org")
    base = server.strip().rstrip("/")
    return base if base.endswith(API_PATH) else base + API_PATH


def push(server: str, text: str, *, timeout: float = 120) -> tuple[int, dict]:
    """Send the bundle; return the server's status and its report, or raise PushError."""
    request = urllib.request.Request(
        api_url(server),
        data=text.encode("ascii"),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:  # noqa: S310 (http(s) only)
            return reply.status, _report(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, _report(error.read())
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        message = f"Could not reach the central server: {reason}. Nothing was sent."
        raise PushError(message) from None


def _report(body: bytes) -> dict:
    try:
        found = json.loads(body)
    except ValueError:
        return {"message": "The server answered with something other than a sync report."}
    return found if isinstance(found, dict) else {"message": str(found)}
