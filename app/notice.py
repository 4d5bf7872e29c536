"""The council's own privacy notice: one row an admin fills in, shown as given to respondents.

Nothing council-specific is written into Heard: the organisation, its contacts, how to
complain and where an upset young person can get help come from here, and the privacy page
says they have not been set until they are.
"""

from sqlmodel import Session

from app.audit import record
from app.models import PrivacyNotice, utcnow

FIELDS = (
    "organisation",
    "controller",
    "contact",
    "dpo_contact",
    "retention",
    "complaints",
    "support_contact",
)


def privacy_notice(*, session: Session) -> PrivacyNotice | None:
    """Return the council's details, or None while no admin has set them."""
    return session.get(PrivacyNotice, 1)


def save_notice(data: dict, *, staff_id: int, session: Session) -> PrivacyNotice:
    """Store the council's details (the one row), and record who changed them (flush only)."""
    notice = privacy_notice(session=session) or PrivacyNotice(id=1)
    changed = [name for name in FIELDS if getattr(notice, name, None) != (data.get(name) or None)]
    for name in FIELDS:
        setattr(notice, name, data.get(name) or None)
    notice.updated_at, notice.updated_by = utcnow(), staff_id
    session.add(notice)
    session.flush()
    record("changed", "privacy_notice", staff_id=staff_id, session=session, fields=changed)
    return notice
