"""A page as a PDF a council can publish: tagged for screen readers (PDF/UA-1), titled, in
the page's language, with a contents list and bookmarks, and its charts kept as drawings.

The PDF is made from the very HTML the page shows, so it holds the same figures, with the
same small numbers hidden. WeasyPrint is imported only when a PDF is asked for: it needs
Pango, a system library, and a server without it must still serve every other page.
"""

import logging
import mimetypes
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from flask import current_app, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException
from werkzeug.security import safe_join

from app.errors import scrubbed

STATIC = Path(__file__).resolve().parent / "static"
PRINT_CSS = STATIC / "print.css"
# PDF/UA-1: tagged structure, /MarkInfo, a title shown in the window, the document's /Lang.
VARIANT = "pdf/ua-1"


class PdfUnavailable(Exception):
    """This server cannot make PDFs (WeasyPrint or Pango is missing), or this one failed."""


def render_pdf(page: str, *, embeds: tuple[str, ...] = ()) -> bytes:
    """Return an HTML page of this request as a tagged PDF, or raise `PdfUnavailable`.

    `embeds` names the endpoints whose output the page may show (its charts): they are
    called in this request, as this reader, so the PDF shows what the browser would.
    Nothing else is fetched: no network, no other page.
    """
    weasyprint = _weasyprint()
    document = with_print_style(with_contents(page, _("Contents")), page_css())
    try:
        html = weasyprint.HTML(
            string=document, base_url=request.url, url_fetcher=_fetcher(weasyprint, embeds)
        )
        return html.write_pdf(pdf_variant=VARIANT)
    except Exception as error:
        # A layout bug in one page is logged (without its message, which may quote text)
        # and explained; the HTML page it came from still works.
        current_app.logger.error("A PDF could not be made:\n%s", scrubbed(error))
        raise PdfUnavailable from error


def unavailable():
    """Return the page that explains a PDF cannot be made, with its status (503)."""
    heading = _l("The PDF cannot be made just now")
    body = _l("You can read this page on screen, or print it from your browser.")
    return render_template("error.html", heading=heading, body=body), 503


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango's library is not installed
        current_app.logger.warning("PDFs are off: WeasyPrint cannot load (%s)", type(error))
        raise PdfUnavailable from error
    # Its warnings are about screen-only CSS it skips (media queries, accent-color): noise in
    # the server's log on every PDF. Errors (an image it could not load) still show.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return weasyprint


def page_css() -> str:
    """Return the CSS that puts "Page 2 of 9", in the page's language, at each page's foot."""
    # The sentence is translated whole; its placeholders become CSS counters, in the order
    # the language puts them.
    words = _("Page %(page)s of %(pages)s")
    parts = re.split(r"(%\((?:page|pages)\)s)", words)
    content = " ".join(
        f"counter({part[2:-2]})" if part.startswith("%(") else _css_string(part)
        for part in parts
        if part
    )
    return "@page{@bottom-center{content:" + content + "}}"


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def with_print_style(page: str, extra_css: str) -> str:
    """Return the page with the print stylesheet at its very end, so it wins over the page's
    own (the board links its stylesheet in the body)."""
    style = f"<style>{PRINT_CSS.read_text()}{extra_css}</style>"
    at = page.rfind("</body>")
    return page[:at] + style + page[at:] if at >= 0 else page + style


class _Headings(HTMLParser):
    """Find the h2 and h3 headings in <main>, their ids and text, and where <h1> ends."""

    def __init__(self, page: str):
        super().__init__()
        self.lines = [0]
        for line in page.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.found: list[dict] = []  # level, start (offset of "<h2"), id, text
        self.after_h1: int | None = None
        self.in_main = False
        self.open: dict | None = None
        self.ids: set[str] = set()
        self.page = page
        self.feed(page)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id")
        if tag == "main":
            self.in_main = True
        elif tag in ("h2", "h3") and self.in_main and self.open is None:
            self.open = {"level": int(tag[1]), "start": self._offset(), "id": dict(attrs).get("id")}
            self.open["text"] = ""

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        elif tag == "h1" and self.after_h1 is None and self.in_main:
            self.after_h1 = self.page.index(">", self._offset()) + 1
        elif self.open is not None and tag == f"h{self.open['level']}":
            self.open["text"] = " ".join(self.open["text"].split())
            self.found.append(self.open)
            self.open = None

    def handle_data(self, data):
        if self.open is not None:
            self.open["text"] += data


def with_contents(page: str, title: str) -> str:
    """Return the page with a contents list after its <h1>, linking every h2 and h3 in <main>.

    Headings without an id get one. The print stylesheet adds each page number.
    """
    found = _Headings(page)
    if found.after_h1 is None or not found.found:
        return page
    edits: list[tuple[int, str]] = []
    items, nested = [], False
    for heading in found.found:
        if heading["id"] is None:
            heading["id"] = _new_id(heading["text"], found.ids)
            edits.append((heading["start"] + 3, f' id="{heading["id"]}"'))
        link = f'<a href="#{escape(heading["id"])}">{escape(heading["text"])}</a>'
        if heading["level"] == 3 and items:
            items[-1] += ("" if nested else "<ol>") + f"<li>{link}</li>"
            nested = True
        else:
            if nested:
                items[-1] += "</ol>"
            items.append(f"<li>{link}")
            nested = False
    if nested:
        items[-1] += "</ol>"
    contents = (
        '<nav class="pdf-contents" aria-labelledby="pdf-contents-title">'
        f'<h2 id="pdf-contents-title">{escape(title)}</h2>'
        "<ol>" + "".join(item + "</li>" for item in items) + "</ol></nav>"
    )
    edits.append((found.after_h1, contents))
    for at, text in sorted(edits, reverse=True):
        page = page[:at] + text + page[at:]
    return page


def _new_id(text: str, taken: set[str]) -> str:
    # A PDF reader's link description is its target: "r-1-young-people" reads better than a
    # number. Letters of any script are kept.
    base = re.sub(r"\W+", "-", text.lower()).strip("-") or "section"
    found, number = base, 1
    while found in taken:
        number += 1
        found = f"{base}-{number}"
    taken.add(found)
    return found


def _fetcher(weasyprint, embeds: tuple[str, ...]):
    """Return a URL fetcher that serves this app's static files and the named endpoints."""
    root = request.url_root

    class Fetcher(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if not url.startswith(root):
                raise ValueError("a PDF fetches nothing from outside Heard")
            body, mimetype = _internal(urlsplit(url).path, embeds)
            return weasyprint.urls.URLFetcherResponse(url, body, {"Content-Type": mimetype})

    return Fetcher(allowed_protocols=("data", "http", "https"))


def _internal(path: str, embeds: tuple[str, ...]) -> tuple[bytes, str]:
    adapter = current_app.url_map.bind(request.host)
    endpoint, args = adapter.match(path.removeprefix(request.script_root), method="GET")
    if endpoint == "static":
        found = safe_join(str(STATIC), args["filename"])
        if found is None:
            raise ValueError("not a static file")
        mimetype = mimetypes.guess_type(found)[0] or "application/octet-stream"
        return Path(found).read_bytes(), mimetype
    if endpoint not in embeds:
        raise ValueError("this page may not embed that address")
    response = current_app.make_response(current_app.view_functions[endpoint](**args))
    if response.status_code != 200:
        raise HTTPException(response=response)
    return response.get_data(), response.mimetype
