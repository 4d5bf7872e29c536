"""The journey's own forms: the start button and the send form (question forms are shared)."""

from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import InputRequired, Regexp


class SendForm(FlaskForm):
    """The check-your-answers page's form: only its CSRF token and the response id."""

    response_id = StringField(validators=[InputRequired(), Regexp(r"^[0-9a-f-]{36}$")])


class StartForm(FlaskForm):
    """The start page's button."""
