"""Forms for events and bundle uploads."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from app.forms import strip

DATE_HINT = _l("Enter the date of the event, like 2026-03-31.")


class EventDateField(DateField):
    """A date whose wrong format gets our own sentence, not WTForms' "Not a valid date value"."""

    def process_formdata(self, valuelist) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(DATE_HINT) from None


class EventForm(FlaskForm):
    """A focus group: its name, date, group, facilitator and the surveys it offers."""

    name = StringField(
        _l("Event name"),
        filters=[strip],
        # DataRequired: after stripping, a name of spaces alone is no name.
        validators=[DataRequired(_l("Enter a name for the event.")), Length(max=200)],
    )
    held_on = EventDateField(_l("Date"), format="%Y-%m-%d", validators=[InputRequired(DATE_HINT)])
    group_name = StringField(
        _l("Group (optional)"), filters=[strip], validators=[Optional(), Length(max=200)]
    )
    facilitator = StringField(
        _l("Facilitator (optional)"), filters=[strip], validators=[Optional(), Length(max=200)]
    )
    surveys = SelectMultipleField(
        _l("Surveys to offer"),
        validators=[InputRequired(_l("Choose at least one survey to offer."))],
        invalid_choice_message=_l("Choose surveys from the list."),
    )


class UploadForm(FlaskForm):
    """A sync bundle from a laptop."""

    bundle = FileField(
        _l("Sync bundle"), validators=[FileRequired(_l("Choose the bundle file to import."))]
    )
