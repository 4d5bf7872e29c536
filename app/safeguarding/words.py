"""What the queue calls each reason for an alert, and each state the lead can choose."""

from flask_babel import lazy_gettext as _l

from app.models import AlertState

REASONS = {
    "self_harm": _l("Self-harm or suicidal thoughts"),
    "abuse": _l("Abuse"),
    "neglect": _l("Neglect"),
    "violence_at_home": _l("Violence at home"),
    "unsafe": _l("Feeling unsafe at home or school"),
    "bullying": _l("Bullying that harms"),
    "exploitation": _l("Exploitation or grooming"),
    "carer_cannot_cope": _l("A carer who can no longer keep the child safe"),
}
NOT_CHECKED = _l("Not in English: not checked, needs a reader")
SENT_BY_STAFF = _l("Sent by a member of staff who read it")
STATES = {
    AlertState.NEW: _l("New"),
    AlertState.SEEN: _l("Seen"),
    AlertState.REFERRED: _l("Referred"),
    AlertState.NO_CONCERN: _l("No concern"),
}


def reasons_of(kind: str, reasons: list[dict]) -> list[str]:
    """Return why an alert was raised, in words, each with the phrase that raised it."""
    if kind == "not_checked":
        return [str(NOT_CHECKED)]
    if kind == "staff":
        return [str(SENT_BY_STAFF)]
    return [f'{REASONS.get(r["category"], r["category"])}: "{r["phrase"]}"' for r in reasons]
