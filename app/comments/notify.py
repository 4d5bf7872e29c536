"""Tell the safeguarding lead there is something to look at: never what it says."""

import threading
from email.message import EmailMessage

from app import mail

SUBJECT = "Heard: a comment needs a safeguarding check"
BODY = (
    "A comment in Heard needs a safeguarding check.\n\n"
    "Sign in to Heard and open the safeguarding queue to read it:\n{url}\n\n"
    "This email does not include the comment, so that a child's words never sit in a mailbox.\n"
)


def message(config, *, to: str, queue_url: str) -> EmailMessage:
    """Return the alert email: a pointer to the queue, with none of the comment in it."""
    return mail.compose(config, to=to, subject=SUBJECT, body=BODY.format(url=queue_url))


def send_alert(config, *, queue_url: str) -> bool:
    """Email the safeguarding address when SMTP is configured; say whether it was sent."""
    to = config.get("SAFEGUARDING_EMAIL")
    if not mail.configured(config) or not to:
        return False
    return mail.send(config, message(config, to=to, queue_url=queue_url))


def alert_in_background(config, queue_url: str) -> threading.Thread:
    """Send the alert email without making the young person wait for the mail server."""
    settings = {key: config.get(key) for key in ("SMTP_URL", "SAFEGUARDING_EMAIL", "MAIL_FROM")}
    thread = threading.Thread(
        target=send_alert, args=(settings,), kwargs={"queue_url": queue_url}, daemon=True
    )
    thread.start()
    return thread
