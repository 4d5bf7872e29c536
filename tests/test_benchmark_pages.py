"""Every respondent page keeps within the page-weight budget, as `make bench` measures it."""

from benchmarks import pages
from benchmarks.setup import bench_app


def test_every_respondent_page_keeps_within_its_budget_with_the_files_it_loads():
    app = bench_app()
    try:
        rows = pages.measure(app)
    finally:
        app.extensions["engine"].dispose()
    over = [
        (r["version"], r["page"], r["total"], r["budget"]) for r in rows if r["total"] > r["budget"]
    ]
    assert over == []
    # The first page a QR code opens, with its stylesheet and the offline script: one round trip.
    first = [r for r in rows if r["page"].startswith("start (first page")]
    assert len(first) == 3 and all(r["budget"] == 14 * 1024 for r in first)
