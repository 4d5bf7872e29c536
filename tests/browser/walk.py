"""Walk a survey in a real browser, yielding each kind of respondent page once."""

from collections.abc import Iterator

SURVEY = "post-14-review"
ANSWERS = {"scale": "4", "yesno": "yes"}


def press(page, selector: str) -> None:
    """Click a button that loads a new page, and wait for it to arrive."""
    with page.expect_navigation():
        page.click(selector)


def answer(page, kind: str) -> None:
    """Answer the question on the page the way a young person would, then continue."""
    if kind in ("scale", "yesno", "single"):
        page.check(
            f"input[value='{ANSWERS.get(kind, '')}']"
            if kind in ANSWERS
            else "input[type=radio] >> nth=0"
        )
    elif kind == "multiple":
        page.check("input[type=checkbox] >> nth=0")
    elif kind == "number":
        page.fill("#answer", "16")
    elif kind == "text":
        page.fill("#answer", "Dw i'n hoffi / Lubię / أحب / ਮੈਨੂੰ ਪਸੰਦ ਹੈ")
    press(page, "form[data-type] button[type=submit]")


def respondent_pages(page, base: str, lang: str, easy: bool) -> Iterator[str]:
    """Visit every respondent page type; yield a name while each is showing."""
    page.goto(f"{base}/?lang={lang}&easy={1 if easy else 0}")
    yield "home"
    page.goto(f"{base}/s/{SURVEY}")
    yield "start"
    press(page, "main form button[type=submit]")
    press(page, "form[data-type] button[type=submit]")  # nothing chosen: the error summary
    yield "error"
    seen = set()
    while page.locator("form[data-type]").count():
        kind = page.get_attribute("form[data-type]", "data-type")
        if kind not in seen:
            seen.add(kind)
            yield f"question ({kind})"
        answer(page, kind)
    yield "check your answers"
    press(page, "main form button[type=submit]")
    yield "thank you"
    page.goto(f"{base}/privacy")
    yield "privacy"
    page.goto(f"{base}/s/{SURVEY}/paper")
    yield "paper form"
    page.goto(f"{base}/you-said-we-did")
    yield "reports"
    page.goto(f"{base}/you-said-we-did/{SURVEY}")
    yield "report"
    page.goto(f"{base}/s/ehcp-quality-young-people")
    press(page, "main form button[type=submit]")
    assert page.get_attribute("form[data-type]", "data-type") == "single"
    yield "question (single)"
    # A shared computer: the next person finds a draft, is told when it began, and deletes it.
    answer(page, "single")
    page.goto(f"{base}/s/ehcp-quality-young-people")
    yield "start (a draft to carry on)"
    press(page, "main form.discard button[type=submit]")
    yield "answers deleted"
    page.goto(f"{base}/s/no-such-survey")
    yield "not found"
