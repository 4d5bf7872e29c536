"""Read the board's pages as a person does: a KPI's row in the summary, a KPI's own page."""

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
