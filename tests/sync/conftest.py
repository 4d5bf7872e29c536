"""The laptop and the server's sync key, for every test in this folder."""

from tests.sync.helpers import laptop, server_key  # noqa: F401  (fixtures)
