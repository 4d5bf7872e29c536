"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violations on any respondent page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from app.i18n import LANGUAGES
from tests.browser.walk import respondent_pages

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE = Axe()


def violations(page) -> list[str]:
    """Run axe on the page; return one line per violation."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("easy", [False, True], ids=["standard", "easy-read"])
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_respondent_page_has_no_wcag_violations(new_page, live_server, lang, easy):
    page = new_page()
    found, checked = {}, []
    for name in respondent_pages(page, live_server, lang, easy):
        checked.append(name)
        assert page.get_attribute("html", "lang") == lang
        problems = violations(page)
        if problems:
            found[name] = problems
    assert len(checked) >= 11, checked
    assert found == {}
