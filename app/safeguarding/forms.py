"""The lead's decision on an alert."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from app.forms import strip
from app.models import AlertState
from app.safeguarding.words import STATES


class MarkForm(FlaskForm):
    state = RadioField(
        _l("What happened"),
        choices=[SelectChoice(s.value, STATES[s]) for s in AlertState if s != AlertState.NEW],
        validators=[InputRequired(_l("Choose what happened."))],
    )
    referred_to = StringField(
        _l("Referred to (if referred)"), filters=[strip], validators=[Optional(), Length(max=200)]
    )
    reference = StringField(
        _l("Their reference (if any)"), filters=[strip], validators=[Optional(), Length(max=100)]
    )
    note = TextAreaField(_l("Note"), filters=[strip], validators=[Optional(), Length(max=5000)])

    def validate(self, extra_validators=None) -> bool:
        # A rule across two fields: Optional() stops a field's own validators when empty.
        valid = super().validate(extra_validators)
        if self.state.data == AlertState.REFERRED and not self.referred_to.data:
            self.referred_to.errors.append(_l("Enter who the concern was referred to."))
            return False
        return valid
