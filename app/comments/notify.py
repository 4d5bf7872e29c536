"""Tell the safeguarding lead there is something to look at: never what it says."""

import logging
import smtplib
import threading
from email.message import EmailMessage
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

SUBJECT = "Heard: a comment needs a safeguarding check"
BODY = (
    "A comment in Heard needs a safeguarding check.\n\n"
    "Sign in to Heard and open the safeguarding queue to read it:\n{url}\n\n"
    "This email does not include the comment, so that a child's words never sit in a mailbox.\n"
)


def message(*, sender: str, to: str, queue_url: str) -> EmailMessage:
    """Return the alert email: a pointer to the queue, with none of the comment in it."""
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = sender, to, SUBJECT
    mail.set_content(BODY.format(url=queue_url))
    return mail


def send_alert(config, *, queue_url: str) -> bool:
    """Email the safeguarding address when SMTP is configured; say whether it was sent."""
    url, to = config.get("SMTP_URL"), config.get("SAFEGUARDING_EMAIL")
    if not url or not to:
        return False
    parts = urlsplit(url)  # smtp://user:password@host:port, or smtps:// for TLS from the start
    mail = message(
        sender=config.get("MAIL_FROM") or f"heard@{parts.hostname}", to=to, queue_url=queue_url
    )
    smtp_class = smtplib.SMTP_SSL if parts.scheme == "smtps" else smtplib.SMTP
    try:
        with smtp_class(parts.hostname, parts.port or 25, timeout=10) as smtp:
            if parts.username:
                smtp.login(parts.username, parts.password or "")
            smtp.send_message(mail)
    except (OSError, smtplib.SMTPException) as error:
        # The alert is in the queue whatever happens here; only the email failed.
        log.warning("Could not send the safeguarding email: %s", type(error).__name__)
        return False
    return True


def alert_in_background(config, queue_url: str) -> threading.Thread:
    """Send the alert email without making the young person wait for the mail server."""
    settings = {key: config.get(key) for key in ("SMTP_URL", "SAFEGUARDING_EMAIL", "MAIL_FROM")}
    thread = threading.Thread(
        target=send_alert, args=(settings,), kwargs={"queue_url": queue_url}, daemon=True
    )
    thread.start()
    return thread
