"""Page weight: every respondent page, gzip-compressed, with everything it loads."""

import gzip
import re

from benchmarks.setup import answer_all, bench_app, response_id_of, table

FIRST_BUDGET, LATER_BUDGET = 14 * 1024, 5 * 1024
SLUG = "post-14-review"


def gz(data: bytes) -> int:
    """Return the gzip size at the level a web server typically uses."""
    return len(gzip.compress(data, compresslevel=6))


def fetched(client, url: str) -> bytes:
    """Return a file's bytes, closing it (static files are streamed from disk)."""
    response = client.get(url)
    try:
        return response.data
    finally:
        response.close()


def assets(html: str, client, cached: set[str]) -> int:
    """Return the gzip size of the files a page loads that the browser has not cached yet."""
    urls = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', html)) - cached
    cached |= urls
    return sum(gz(fetched(client, url)) for url in urls)


def respondent_pages(client) -> list[tuple[str, bytes, bool]]:
    """Walk a survey as a respondent; return (name, HTML, is_first_page) for each page type."""

    def get(url):
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        return response.data

    found = [("home", get("/"), True), ("start", get(f"/s/{SLUG}"), False)]
    seen = set()

    def question(kind: str, html: bytes) -> None:
        if kind not in seen:
            seen.add(kind)
            found.append((f"question ({kind})", html, False))

    _url, check = answer_all(client, SLUG, question)
    found.append(("check your answers", check, False))
    response_id = response_id_of(check)
    client.post(f"/s/{SLUG}/send", data={"response_id": response_id})
    found += [
        ("thank you", get(f"/s/{SLUG}/sent"), False),
        ("privacy", get("/privacy"), False),
        ("not found", get("/s/nope"), False),
    ]
    return found


VERSIONS = (
    ("en", "lang=en&easy=0"),
    ("en easy read", "lang=en&easy=1"),
    ("ar easy read", "lang=ar&easy=1"),
)


def measure(app) -> list[dict]:
    """Measure each page type, in standard, easy read and Arabic; one dict per page."""
    rows = []
    for label, query in VERSIONS:
        client = app.test_client()
        client.get(f"/?{query}")
        cached: set[str] = set()
        for name, html, first in respondent_pages(client):
            rows.append(_row(label, name, html, assets(html.decode(), client, cached), first))
        # Someone who scans a QR code lands on a start page with nothing cached: their first page.
        fresh = app.test_client()
        fresh.get(f"/?{query}")
        html = fresh.get(f"/s/{SLUG}").data
        rows.append(
            _row(
                label,
                "start (first page, from a QR code)",
                html,
                assets(html.decode(), fresh, set()),
                True,
            )
        )
    return rows


def _row(label: str, name: str, html: bytes, extra: int, first: bool) -> dict:
    total = gz(html) + extra
    budget = FIRST_BUDGET if first else LATER_BUDGET
    return {"version": label, "page": name, "html": len(html), "html_gzip": gz(html),
            "extra": extra, "total": total, "budget": budget}  # fmt: skip


def after_the_page(app) -> list[list[str]]:
    """Measure what a phone fetches after a survey page has loaded, to finish without signal."""
    client = app.test_client()
    worker = client.get("/sw.js").data
    rows = [["the offline worker (/sw.js)", f"{len(worker):,}", f"{gz(worker):,}"]]
    for label, query in VERSIONS:
        client = app.test_client()
        client.get(f"/?{query}")
        client.post(f"/s/{SLUG}")
        pack = client.get(f"/s/{SLUG}/offline.json").data
        script = fetched(client, re.search(r'"(/static/offline-page.js[^"]*)"', pack.decode())[1])
        rows.append([f"{label}: the survey's pages ({SLUG})", f"{len(pack):,}", f"{gz(pack):,}"])
        if label == "en":
            rows.append(["offline-page.js", f"{len(script):,}", f"{gz(script):,}"])
    return rows


def report() -> str:
    """Print the page weights against their budgets, and what loads after the page."""
    app = bench_app()
    rows = measure(app)
    later = after_the_page(app)
    app.extensions["engine"].dispose()
    note = (
        "Each row counts the page's HTML and any file it loads that an earlier page in the "
        "walk had not loaded (the stylesheet and web app manifest on the first page, the offline "
        "script on the start page, the read-aloud script on the first question). Sizes in bytes, "
        "gzip level 6."
    )
    weights = table(
        ["version", "page", "HTML", "HTML gzip", "new files gzip", "total gzip", "budget",
         "within"],
        [
            [r["version"], r["page"], f"{r['html']:,}", f"{r['html_gzip']:,}", f"{r['extra']:,}",
             f"{r['total']:,}", f"{r['budget'] // 1024} KB", "yes" if r["total"] <= r["budget"]
             else "NO"]
            for r in rows
        ],
    )  # fmt: skip
    return (
        "## Page weight\n\n"
        + weights
        + "\n\n"
        + note
        + "\n\n### Loaded after the page, for a phone that loses signal\n\n"
        + table(["file", "bytes", "gzip"], later)
        + "\n\nThe worker starts once the page has loaded; it fetches the survey's pages in one "
        "request when the survey starts. None of this delays a page."
    )
