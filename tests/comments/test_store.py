"""Every comment is read when its response is stored; a risk to a child is queued at once."""

import pytest

from app.models import AlertState
from tests.comments.helpers import alerts, comment_survey, readings, send_comment


@pytest.fixture
def survey(make_survey) -> str:
    return comment_survey(make_survey)


def test_a_child_at_risk_is_queued_the_moment_the_answers_are_sent(client, app, survey):
    send_comment(client, "I am scared at home, my step dad hits me")
    (alert,) = alerts(app)
    (reading,) = readings(app)
    assert (alert.kind, alert.state, alert.reading_id) == ("risk", AlertState.NEW, reading.id)
    assert {r["category"] for r in alert.reasons} & {"violence_at_home", "abuse", "unsafe"}
    assert reading.withheld


def test_an_ordinary_comment_is_read_for_sentiment_and_themes_and_raises_no_alert(
    client, app, survey
):
    send_comment(client, "My review was really helpful and the SENCo listened to me")
    (reading,) = readings(app)
    assert reading.sentiment == "positive" and reading.phrases
    assert reading.english is True and not reading.withheld
    assert alerts(app) == []


def test_a_comment_no_one_could_check_goes_to_the_queue_as_needing_a_reader(client, app, survey):
    send_comment(client, "Roedd y cyfarfod yn dda iawn ac roedd pawb yn garedig wrthyf i")
    (reading,) = readings(app)
    (alert,) = alerts(app)
    assert reading.english is False and reading.sentiment is None
    assert alert.kind == "not_checked" and reading.withheld


def test_no_comment_means_no_reading(client, app, survey):
    send_comment(client, "")
    assert readings(app) == [] and alerts(app) == []


def test_hyperbole_about_the_service_is_not_a_safeguarding_alert(client, app, survey):
    send_comment(client, "This wait is killing me, the whole process is torture")
    (reading,) = readings(app)
    assert alerts(app) == [] and reading.sentiment == "negative"
