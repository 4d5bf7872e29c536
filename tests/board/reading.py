"""Read the board's pages as a person does: a KPI's row in the summary, a KPI's own page."""

import base64

from bs4 import BeautifulSoup

from tests.kpi_fixtures import kpi_id
from tests.pages import page, squash


def summary_row(response, ref: str):
    """Return the summary table's row for a KPI reference."""
    for row in page(response).select("table.kpi-summary tr.kpi-row"):
        if squash(row.th.get_text()) == ref:
            return row
    raise AssertionError(f"no row for {ref}")


def row_text(response, ref: str) -> str:
    """Return a summary row's text, cell by cell (each cell's narrow-screen label left out)."""
    row = summary_row(response, ref)
    for label in row.select(".cell-label"):
        label.decompose()
    return squash(row.get_text(" "))


def kpi_page(client, app, ref: str, query: str = ""):
    """Open a KPI's own page (on the review survey)."""
    return client.get(f"/board/kpis/{kpi_id(app, ref)}{query}")


def main_text(response) -> str:
    """Return the text of a page's main content."""
    return squash(page(response).select_one("main").get_text(" "))


def drawing(image) -> BeautifulSoup:
    """Return the SVG drawing a trend line's <img> carries in its data: address."""
    encoded = image["src"].removeprefix("data:image/svg+xml;base64,")
    return BeautifulSoup(base64.b64decode(encoded), "html.parser").svg
