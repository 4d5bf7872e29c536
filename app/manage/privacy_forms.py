"""Forms for the council's privacy notice, a retention period and withdrawing a response.

DataRequired, not InputRequired: it looks at the text after `strip`, so spaces alone are
refused as empty.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from app.forms import strip
from app.retention.periods import LONGEST_MONTHS
from app.retention.withdrawal import normalise

# The ICO is the same for every council in the UK: a starting point the admin can change.
ICO = "https://ico.org.uk/make-a-complaint/\n0303 123 1113"


def _shorter(limit: int) -> Length:
    return Length(max=limit, message=_l("Use %(limit)d characters or fewer.", limit=limit))


class NoticeForm(FlaskForm):
    """The council's own details, shown as given on the privacy page in every language."""

    organisation = StringField(
        _l("Organisation that runs these surveys"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the name of the organisation.")), _shorter(200)],
    )
    controller = StringField(
        _l("Data controller"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the data controller.")), _shorter(200)],
    )
    contact = TextAreaField(
        _l("How people contact you about their answers"),
        filters=[strip],
        validators=[DataRequired(_l("Enter how people can contact you.")), _shorter(1000)],
    )
    dpo_contact = TextAreaField(
        _l("How to contact your data protection officer"),
        filters=[strip],
        validators=[
            DataRequired(_l("Enter how to contact your data protection officer.")),
            _shorter(1000),
        ],
    )
    retention = TextAreaField(
        _l("How long you keep answers, in your own words (optional)"),
        filters=[strip],
        validators=[Optional(), _shorter(1000)],
    )
    complaints = TextAreaField(
        _l("How to complain to the Information Commissioner's Office (ICO)"),
        filters=[strip],
        default=ICO,
        validators=[DataRequired(_l("Enter how to complain to the ICO.")), _shorter(1000)],
    )
    support_contact = TextAreaField(
        _l("Where a young person who is upset can get help from you (optional)"),
        filters=[strip],
        validators=[Optional(), _shorter(1000)],
    )


def _months(form, field) -> None:
    value = field.data or ""
    # Any script's digits (a full-width or Arabic-Indic "12" is still 12), never "²" or "1e3".
    if not value.isdecimal() or len(value) > 3 or not 1 <= int(value) <= LONGEST_MONTHS:
        raise ValidationError(
            _l("Enter a whole number of months from 1 to %(most)d.", most=LONGEST_MONTHS)
        )


class RetentionForm(FlaskForm):
    months = StringField(
        _l("Keep responses for this many months after they are sent"),
        filters=[strip],
        validators=[DataRequired(_l("Enter a number of months.")), _months],
    )


def _code(form, field) -> None:
    if normalise(field.data) is None:
        raise ValidationError(
            _l("A withdrawal code has 8 letters and numbers, like K7QP-M2XD. Check the code.")
        )


class WithdrawalForm(FlaskForm):
    """A withdrawal code, as the person gave it: spaces, dashes and small letters are fine."""

    code = StringField(
        _l("Withdrawal code"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the withdrawal code.")), _code],
    )
