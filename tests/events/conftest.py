"""The laptop and the server's sync key (tests/sync/helpers.py), for the event pages too."""

from tests.sync.helpers import laptop, server_key  # noqa: F401  (fixtures)
