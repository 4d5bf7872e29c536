"""The journey's own forms: the start button and the send form (question forms are shared)."""

import uuid

from flask_wtf import FlaskForm
from wtforms import Field, StringField
from wtforms.validators import InputRequired, ValidationError


def a_uuid(_form, field: Field) -> None:
    """Refuse a response id that is not a UUID written the standard way."""
    try:
        ok = str(uuid.UUID(field.data)) == field.data
    except (ValueError, TypeError):
        ok = False
    if not ok:
        raise ValidationError("not a response id")  # never shown: the page answers 400


class SendForm(FlaskForm):
    """The check-your-answers page's form: only its CSRF token and the response id."""

    response_id = StringField(validators=[InputRequired(), a_uuid])


class StartForm(FlaskForm):
    """The start page's button."""
