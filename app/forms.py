"""Form pieces every blueprint shares: whitespace stripping, the action button, choices."""

from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField
from wtforms.validators import ValidationError

from app.inputs import EARLIEST, LATEST, clean_text, in_range


def strip(value):
    """Trim spaces around typed text, so a space alone is not an answer; drop control characters."""
    # Control characters are never meant (NUL would fail on PostgreSQL); newlines and tabs are.
    return clean_text(value).strip() if isinstance(value, str) else value


class ActionForm(FlaskForm):
    """A button that changes something: only its CSRF token."""


class ChoiceField(SelectField):
    """A select whose wrong value gets our own sentence, not WTForms' "Not a valid choice"."""

    def __init__(self, *args, wrong: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.wrong = wrong

    def pre_validate(self, form) -> None:
        if self.data not in [value for value, *_rest in self.iter_choices()]:
            raise ValidationError(self.wrong)


class ChoicesField(SelectMultipleField):
    """Boxes to tick whose wrong values get our own sentence, as ChoiceField's do."""

    def __init__(self, *args, wrong: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.wrong = wrong

    def pre_validate(self, form) -> None:
        offered = {value for value, *_rest in self.iter_choices()}
        if not set(self.data or ()) <= offered:
            raise ValidationError(self.wrong)
def sane_date(_form, field) -> None:
    """Refuse a typed date outside the years anyone means: 9999-12-31 is a typo."""
    if field.data is not None and not in_range(field.data):
        raise ValidationError(
            _("Enter a date from %(first)s to %(last)s.", first=EARLIEST, last=LATEST)
        )
