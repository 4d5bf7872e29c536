"""Who may do what: each role's permissions, written out in full, and nothing else.

Every staff route names one `Permission` (`@requires(Permission.SURVEYS)` in `app/auth.py`);
a role may open the route when `GRANTS` gives it that permission. There are no ranks: a role
gets only what is listed against it, so adding a role or a permission changes nothing else.

`ROUTES` is the matrix's other half, written apart from the views on purpose: which
permission each staff endpoint should need. `tests/test_permissions.py` opens every
registered staff route as every role and as nobody, and checks the answer against
`ROUTES` and `GRANTS`, so a route with the wrong decorator, or one missing from `ROUTES`,
fails. The README's table is `matrix_markdown()`; the same test checks they agree.

A new route: add its endpoint to `ROUTES` under the permission it needs. A new group of
pages: a new `Permission`, its line in `COVERS`, its endpoints in `ROUTES` and a place in
`GRANTS` for each role that needs it; then print the README's table again with
`python -m app.permissions`.
"""

from enum import StrEnum

from app.models.staff import Role


class Permission(StrEnum):
    START = "start"
    SAFEGUARDING = "safeguarding"
    AGGREGATES = "aggregates"
    EXACT_COUNTS = "exact_counts"
    SURVEYS = "surveys"
    RAW_DATA = "raw_data"
    COMMENTS = "comments"
    THEMES = "themes"
    ACTIONS = "actions"
    PUBLISH = "publish"
    KPIS = "kpis"
    CLOSE_KPIS = "close_kpis"
    AUDIT = "audit"
    PEOPLE = "people"
    SETTINGS = "settings"
    OWN_ACCOUNT = "own_account"
    ERASE = "erase"
    PAPER_ENTRY = "paper_entry"
    EVENTS = "events"


# What each permission covers, in the README's words (staff documentation, not translated).
COVERS = {
    Permission.START: "The staff start page `/manage/`: officers and admins see the survey "
    "list there; everyone else is sent on to the first page their role may open",
    Permission.SAFEGUARDING: "The safeguarding queue and each alert, with the comment in full "
    "(`/safeguarding/`)",
    Permission.AGGREGATES: "The KPI dashboard, each KPI and its chart, KPIs across audiences, "
    "tallies, the board pack (also as a PDF) and their CSV and XLSX downloads (`/board/`)",
    Permission.EXACT_COUNTS: "Counts under the suppression threshold, exactly, with a warning "
    "not to share them (without it, tallies show \u201cfewer than 10\u201d); not a page",
    Permission.SURVEYS: "The survey list, opening and closing a survey, translation coverage",
    Permission.RAW_DATA: "Every response to a survey as CSV",
    Permission.COMMENTS: "Read, correct, quote, hide and escalate comments",
    Permission.THEMES: "The theme list: add, edit, delete, try a comment, tag comments again",
    Permission.ACTIONS: "The \u201cwe did\u201d action log: add and edit actions",
    Permission.PUBLISH: "Publish a \u201cYou said, we did\u201d report",
    Permission.KPIS: "Edit a KPI's definition, and write its commentary for the board each period",
    Permission.CLOSE_KPIS: "Close a KPI whose final target is met (Blue), and reopen it",
    Permission.AUDIT: "Read, filter and export the audit log (`/manage/audit`)",
    Permission.PEOPLE: "Staff accounts: invite, change role, disable, reset",
    Permission.SETTINGS: "The partnership's settings, such as its privacy notice",
    Permission.OWN_ACCOUNT: "Your account: change your own password, set up or turn off "
    "two-step sign-in",
    Permission.ERASE: "Delete a response by its withdrawal code, and set how long a survey's "
    "answers are kept",
    Permission.PAPER_ENTRY: "Type in returned paper forms",
    Permission.EVENTS: "Focus-group events (the facilitator page with its QR code and count), "
    "switching a tablet to kiosk mode, and importing the bundles laptops bring back",
}

# Which permission each staff endpoint needs. Sign-in and sign-out are open to anyone.
ROUTES: dict[Permission, tuple[str, ...]] = {
    Permission.START: ("manage.surveys",),
    Permission.SAFEGUARDING: ("safeguarding.queue", "safeguarding.alert"),
    Permission.AGGREGATES: (
        "board.dashboard",
        "board.compare",
        "board.pack",
        "board.pack_pdf",
        "board.kpi",
        "board.chart",
        "board.tallies",
        "board.tallies_csv",
        "board.kpis_csv",
        "board.kpis_xlsx",
    ),
    Permission.EXACT_COUNTS: (),
    Permission.SURVEYS: ("manage.change_state", "manage.translations"),
    Permission.RAW_DATA: ("manage.download", "events.event_bundle"),
    Permission.COMMENTS: ("manage.comments", "manage.moderate"),
    Permission.THEMES: (
        "manage.themes",
        "manage.edit_default",
        "manage.theme",
        "manage.delete_theme",
        "manage.retag_comments",
    ),
    Permission.ACTIONS: ("manage.actions", "manage.action"),
    Permission.PUBLISH: ("manage.publish_report",),
    Permission.KPIS: ("board.edit", "board.write_commentary", "board.delete_commentary"),
    Permission.CLOSE_KPIS: ("board.close",),
    Permission.AUDIT: ("manage.audit_log", "manage.audit_csv"),
    Permission.PEOPLE: (
        "people.everyone",
        "people.invite",
        "people.person",
        "people.change_role",
        "people.switch",
        "people.reset",
    ),
    Permission.SETTINGS: ("manage.notice",),
    Permission.OWN_ACCOUNT: (
        "people.account",
        "people.change_password",
        "people.two_step_start",
        "people.two_step",
        "people.two_step_off",
    ),
    Permission.ERASE: ("manage.retention", "manage.withdraw", "manage.withdraw_confirm"),
    Permission.PAPER_ENTRY: ("manage.paper_entry",),
    Permission.EVENTS: (
        "events.events",
        "events.new_event",
        "events.event",
        "events.event_count",
        "events.sync",
        "events.sync_report",
        "events.sync_retry",
        "kiosk.setup",
    ),
}

OFFICER = frozenset(
    {
        Permission.START,
        Permission.AGGREGATES,
        Permission.EXACT_COUNTS,
        Permission.SURVEYS,
        Permission.RAW_DATA,
        Permission.COMMENTS,
        Permission.THEMES,
        Permission.ACTIONS,
        Permission.PUBLISH,
        Permission.KPIS,
        Permission.OWN_ACCOUNT,
        Permission.ERASE,
        Permission.PAPER_ENTRY,
        Permission.EVENTS,
    }
)

GRANTS: dict[Role, frozenset[Permission]] = {
    # The queue and nothing else: no answers, no tallies, no survey controls.
    Role.SAFEGUARDING: frozenset(
        {Permission.START, Permission.SAFEGUARDING, Permission.OWN_ACCOUNT}
    ),
    # Aggregates only, with small numbers hidden.
    Role.BOARD: frozenset({Permission.START, Permission.AGGREGATES, Permission.OWN_ACCOUNT}),
    Role.OFFICER: OFFICER,
    Role.ADMIN: frozenset(Permission),
}

# Where each role starts: the first of these pages its role may open.
START_PAGES = (
    (Permission.SURVEYS, "manage.surveys"),
    (Permission.AGGREGATES, "board.dashboard"),
    (Permission.SAFEGUARDING, "safeguarding.queue"),
)

ROLE_ORDER = (Role.SAFEGUARDING, Role.BOARD, Role.OFFICER, Role.ADMIN)


def can(role: str | None, permission: Permission) -> bool:
    """Say whether a role (None: nobody signed in) has a permission."""
    try:
        return permission in GRANTS[Role(role)]
    except ValueError:  # no role, or one this version does not know
        return False


def start_endpoint(role: str) -> str | None:
    """Return the endpoint a role starts at, or None when it may open none of them."""
    return next((page for needed, page in START_PAGES if can(role, needed)), None)


def needed_for(endpoint: str) -> Permission | None:
    """Return the permission the matrix says an endpoint needs, or None if it is not listed."""
    return next((p for p, endpoints in ROUTES.items() if endpoint in endpoints), None)


def matrix_markdown() -> str:
    """Return the role matrix as the Markdown table the README shows."""
    lines = [
        "| permission | what it covers | " + " | ".join(r.value for r in ROLE_ORDER) + " |",
        "|---|---|" + "---|" * len(ROLE_ORDER),
    ]
    for permission in Permission:
        marks = " | ".join("yes" if can(r, permission) else "no" for r in ROLE_ORDER)
        lines.append(f"| `{permission.value}` | {COVERS[permission]} | {marks} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(matrix_markdown())
