"""Send one email through the SMTP server in HEARD_SMTP_URL, if there is one."""

import logging
import smtplib
from email.message import EmailMessage
from urllib.parse import urlsplit

log = logging.getLogger(__name__)


def configured(config) -> bool:
    """Say whether an SMTP server is set up."""
    return bool(config.get("SMTP_URL"))


def compose(config, *, to: str, subject: str, body: str) -> EmailMessage:
    """Return a plain-text email from Heard's sending address."""
    mail = EmailMessage()
    host = urlsplit(config.get("SMTP_URL") or "smtp://localhost").hostname
    mail["From"], mail["To"] = config.get("MAIL_FROM") or f"heard@{host}", to
    mail["Subject"] = subject
    mail.set_content(body)
    return mail


def send(config, mail: EmailMessage) -> bool:
    """Send an email when SMTP is configured; say whether it was sent, never raise."""
    url = config.get("SMTP_URL")
    if not url:
        return False
    parts = urlsplit(url)  # smtp://user:password@host:port, or smtps:// for TLS from the start
    smtp_class = smtplib.SMTP_SSL if parts.scheme == "smtps" else smtplib.SMTP
    try:
        with smtp_class(parts.hostname, parts.port or 25, timeout=10) as smtp:
            if parts.username:
                smtp.login(parts.username, parts.password or "")
            smtp.send_message(mail)
    except (OSError, smtplib.SMTPException) as error:
        # The caller has stored what matters; only the email failed. Never log the message.
        log.warning("Could not send an email (%s): %s", mail["Subject"], type(error).__name__)
        return False
    return True
