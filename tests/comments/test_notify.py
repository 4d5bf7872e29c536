"""The safeguarding email goes through a real SMTP server, and never carries the comment."""

import socket
import time

import pytest
from aiosmtpd.controller import Controller

from app.comments.notify import send_alert
from tests.comments.helpers import alerts, comment_survey, send_comment

RISK = "a man online said hed buy me trainers if i meet him"


class Inbox:
    """An aiosmtpd handler that keeps every message it is sent."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, _server, _session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox():
    """Run an SMTP server on localhost for one test."""
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield handler, controller.port
    controller.stop()


def wait_for(inbox, count=1, seconds=10.0):
    deadline = time.monotonic() + seconds
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return inbox.messages


def test_a_flag_emails_the_lead_to_look_without_saying_what_was_written(
    app, client, make_survey, inbox
):
    handler, port = inbox
    app.config.update(SMTP_URL=f"smtp://127.0.0.1:{port}", SAFEGUARDING_EMAIL="lead@example.org")
    comment_survey(make_survey)
    send_comment(client, RISK)
    ((recipients, body),) = wait_for(handler)
    assert recipients == ["lead@example.org"]
    assert "safeguarding" in body.lower() and "/safeguarding/" in body
    assert "trainers" not in body and "online" not in body
    assert len(alerts(app)) == 1


def test_an_ordinary_comment_sends_no_email(app, client, make_survey, inbox):
    handler, port = inbox
    app.config.update(SMTP_URL=f"smtp://127.0.0.1:{port}", SAFEGUARDING_EMAIL="lead@example.org")
    comment_survey(make_survey)
    send_comment(client, "It was good thanks")
    time.sleep(0.5)
    assert handler.messages == []


def test_without_smtp_settings_nothing_is_sent_and_the_queue_still_has_the_alert(
    app, client, make_survey
):
    assert send_alert({}, queue_url="http://x/safeguarding/") is False
    comment_survey(make_survey)
    send_comment(client, RISK)
    assert len(alerts(app)) == 1


def test_a_mail_server_that_is_down_is_reported_not_raised():
    settings = {"SMTP_URL": f"smtp://127.0.0.1:{free_port()}", "SAFEGUARDING_EMAIL": "a@b.org"}
    assert send_alert(settings, queue_url="http://x/safeguarding/") is False
