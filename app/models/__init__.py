"""The tables. Times are stored in UTC (SQLModel's aware UTCDateTime); pages show London.

One module per subject; everything is imported here so `from app.models import X` works
and Alembic sees every table on SQLModel.metadata.
"""

from app.models.actions import Action, ActionState, Report
from app.models.base import (
    StateError,
    enum_column,
    hour_of,
    one_of,
    plain_defaults,
    this_hour,
    utcnow,
)
from app.models.commentary import KpiCommentary
from app.models.comments import (
    AlertState,
    AuditEvent,
    CommentReading,
    QuoteState,
    SafeguardingAlert,
    Theme,
)
from app.models.events import Event, SyncImport, SyncKey
from app.models.responses import Answer, Draft, Response, ResponseMode
from app.models.settings import PrivacyNotice
from app.models.staff import (
    AccountLink,
    LinkPurpose,
    RecoveryCode,
    Role,
    SignInThrottle,
    StaffSession,
    StaffUser,
)
from app.models.surveys import Kpi, KpiMonthCount, Survey, SurveyState, SurveyVersion

__all__ = [
    "AccountLink",
    "LinkPurpose",
    "RecoveryCode",
    "SignInThrottle",
    "StaffSession",
    "Action",
    "ActionState",
    "Report",
    "AlertState",
    "Answer",
    "AuditEvent",
    "CommentReading",
    "Draft",
    "Event",
    "Kpi",
    "KpiCommentary",
    "KpiMonthCount",
    "PrivacyNotice",
    "QuoteState",
    "Response",
    "ResponseMode",
    "Role",
    "SafeguardingAlert",
    "StaffUser",
    "StateError",
    "Survey",
    "SurveyState",
    "SurveyVersion",
    "SyncImport",
    "SyncKey",
    "Theme",
    "enum_column",
    "hour_of",
    "one_of",
    "plain_defaults",
    "this_hour",
    "utcnow",
]
