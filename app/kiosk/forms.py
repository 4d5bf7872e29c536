"""Kiosk forms: switching it on, and the facilitator's PIN to leave."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import EqualTo, InputRequired, Regexp

from app.forms import ChoiceField

PIN = r"^[0-9]{4,12}$"


class KioskForm(FlaskForm):
    """Which survey the tablet shows, and the PIN that ends kiosk mode."""

    survey = ChoiceField(_l("Survey"), wrong=_l("Choose a survey from the list."))
    pin = PasswordField(
        _l("PIN to leave kiosk mode (4 to 12 digits)"),
        validators=[
            InputRequired(_l("Enter a PIN of 4 to 12 digits.")),
            Regexp(PIN, message=_l("Enter a PIN of 4 to 12 digits, using only numbers.")),
        ],
    )
    pin_again = PasswordField(
        _l("The same PIN again"),
        validators=[
            InputRequired(_l("Enter the PIN again.")),
            EqualTo("pin", message=_l("The two PINs are not the same.")),
        ],
    )


class LeaveForm(FlaskForm):
    """The facilitator's PIN."""

    pin = PasswordField(_l("PIN"), validators=[InputRequired(_l("Enter the PIN."))])
