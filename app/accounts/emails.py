"""The emails that carry one-time links: an invitation, or a reset by an administrator."""

from app import mail

INVITE_SUBJECT = "Heard: you have been invited to sign in"
INVITE_BODY = (
    "You have been given a staff account in Heard.\n\n"
    "Choose your password here (the link works once, until {expires} UTC):\n{url}\n\n"
    "If you did not expect this email, you can ignore it.\n"
)
RESET_SUBJECT = "Heard: choose a new password"
RESET_BODY = (
    "An administrator has reset your Heard password. You have been signed out everywhere.\n\n"
    "Choose a new password here (the link works once, until {expires} UTC):\n{url}\n\n"
    "If you did not expect this, tell your Heard administrator.\n"
)


def send_link(config, *, to: str, url: str, expires: str, reset: bool) -> bool:
    """Email a one-time link when SMTP is configured; say whether it was sent."""
    if not mail.configured(config):
        return False
    subject, body = (RESET_SUBJECT, RESET_BODY) if reset else (INVITE_SUBJECT, INVITE_BODY)
    message = mail.compose(
        config, to=to, subject=subject, body=body.format(url=url, expires=expires)
    )
    return mail.send(config, message)
