"""Page weight: every respondent page, gzip-compressed, with everything it loads."""

import gzip
import re

from benchmarks.setup import answer_all, bench_app, response_id_of, table

FIRST_BUDGET, LATER_BUDGET = 14 * 1024, 5 * 1024
SLUG = "post-14-review"


def gz(data: bytes) -> int:
    """Return the gzip size at the level a web server typically uses."""
    return len(gzip.compress(data, compresslevel=6))


def assets(html: str, client, cached: set[str]) -> int:
    """Return the gzip size of the files a page loads that the browser has not cached yet."""
    urls = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', html)) - cached
    cached |= urls
    return sum(gz(client.get(url).data) for url in urls)


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


def report() -> str:
    """Measure each page type, in standard, easy read and Arabic, against the budget."""
    app = bench_app()
    rows = []
    for label, query in (
        ("en", "lang=en&easy=0"),
        ("en easy read", "lang=en&easy=1"),
        ("ar easy read", "lang=ar&easy=1"),
    ):
        client = app.test_client()
        client.get(f"/?{query}")
        cached: set[str] = set()
        for name, html, first in respondent_pages(client):
            extra = assets(html.decode(), client, cached)
            total = gz(html) + extra
            budget = FIRST_BUDGET if first else LATER_BUDGET
            rows.append(
                [
                    label,
                    name,
                    f"{len(html):,}",
                    f"{gz(html):,}",
                    f"{extra:,}",
                    f"{total:,}",
                    f"{budget // 1024} KB",
                    "yes" if total <= budget else "NO",
                ]
            )
    app.extensions["engine"].dispose()
    note = (
        "Each row counts the page's HTML and any file it loads that an earlier page in the "
        "walk had not loaded (the stylesheet on the first page, the read-aloud script on the "
        "first question). Sizes in bytes, gzip level 6."
    )
    return (
        "## Page weight\n\n"
        + table(
            [
                "version",
                "page",
                "HTML",
                "HTML gzip",
                "new files gzip",
                "total gzip",
                "budget",
                "within",
            ],
            rows,
        )
        + "\n\n"
        + note
    )
