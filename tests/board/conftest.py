"""The board's tests: where the charts they draw are kept."""

from pathlib import Path

import pytest


@pytest.fixture
def chart_folder(app) -> Path:
    """Return the folder this test's app keeps its charts in (one per test: tests/conftest.py)."""
    return Path(app.config["CHART_CACHE_DIR"])
