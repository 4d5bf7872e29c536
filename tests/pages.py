"""A test client that checks every HTML page it fetches, and helpers to fill in forms."""

import re

from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from app.i18n import LANGUAGES


def squash(text: str) -> str:
    """Fold runs of white space, as a browser shows text."""
    return re.sub(r"\s+", " ", text).strip()


def check_page(html: str) -> BeautifulSoup:
    """Check one page against the house rules; return it parsed."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.find("html")
    assert root is not None, "no <html> element"
    lang, direction = root.get("lang"), root.get("dir")
    assert lang in LANGUAGES, f"<html lang> is {lang!r}"
    assert direction == LANGUAGES[lang][1], f"<html dir> is {direction!r} for {lang}"
    headings = soup.find_all("h1")
    assert len(headings) == 1, f"expected one <h1>, found {len(headings)}"
    heading = squash(headings[0].get_text())
    title = squash(soup.title.get_text()) if soup.title else ""
    # "Error: " is translated too ("خطأ: "): any one-word prefix and a colon may stand first.
    prefixed = re.match(rf"\S+: {re.escape(heading)}", title)
    assert title.startswith(heading) or prefixed, f"title {title!r} vs h1 {heading!r}"
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), (
        f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}"
    )
    for form in soup.find_all("form"):
        assert form.get("action"), "a form has no action"
    for label in soup.find_all("label", attrs={"for": True}):
        assert soup.find(id=label["for"]), f"label for missing id {label['for']}"
    return soup


class PageCheckingClient(FlaskClient):
    """Every HTML response is checked as it arrives (redirects included)."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and response.status_code != 302:
            check_page(response.get_data(as_text=True))
        return response


def page(response) -> BeautifulSoup:
    """Parse a response's HTML."""
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def text(response) -> str:
    """Return a page's visible text, white space folded."""
    return squash(page(response).get_text(" "))


def submit(client, url: str, data: dict | None = None, *, form_index: int = -1, **kwargs):
    """Open a page, then send its form (CSRF token included) with these fields."""
    soup = page(client.get(url))
    forms = soup.select("main form[method=post]")
    assert forms, f"no form on {url}"
    form = forms[form_index]
    fields = {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}
    fields.update(data or {})
    return client.post(form["action"], data=fields, **kwargs)


def error_messages(response) -> list[str]:
    """Return the error summary's messages, in order."""
    return [squash(a.get_text()) for a in page(response).select(".error-summary a")]
