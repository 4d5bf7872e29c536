"""Walking the respondent journey through the test client: start, answer page after page."""

from tests.pages import submit, text


def start(client, slug):
    """Press Start now; return the first question's address."""
    response = submit(client, f"/s/{slug}")
    assert response.status_code == 302
    return response.location


def answer(client, url, data):
    """Send one question page's form; return where it leads."""
    response = submit(client, url, data)
    assert response.status_code == 302, text(response)
    return response.location


# The fewest answers that take ALL_TYPES to Check your answers: "no" skips the routed
# question, then the optional ones are left blank.
SHORTEST = ({"answer": "no"}, {}, {"answer": "family"}, {}, {})


def answer_through(client, url, answers):
    """Answer page after page in order; return where the last answer leads."""
    for data in answers:
        url = answer(client, url, data)
    return url
