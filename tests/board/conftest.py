"""The board's tests keep the charts they draw in their own folder, not the instance folder."""

import pytest


@pytest.fixture(autouse=True)
def chart_folder(request, tmp_path):
    """Point the chart cache at this test's folder, when the test has an app."""
    if "app" in request.fixturenames:
        request.getfixturevalue("app").config["CHART_CACHE_DIR"] = tmp_path / "charts"
    return tmp_path / "charts"
