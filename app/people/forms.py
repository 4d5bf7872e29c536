"""Forms for staff accounts: invite, role, passwords, two-step codes."""

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, Email, EqualTo, InputRequired, Length, ValidationError

from app.accounts import passwords
from app.forms import strip
from app.models import Role
from app.words import ROLE_NAMES

ROLE_CHOICES = [SelectChoice(r.value, ROLE_NAMES[r.value]) for r in Role]


def _role_field() -> RadioField:
    return RadioField(
        _l("Role"),
        choices=ROLE_CHOICES,
        validate_choice=False,  # AnyOf says it in our words, not "Not a valid choice"
        validators=[
            InputRequired(_l("Choose a role.")),
            AnyOf([r.value for r in Role], _l("Choose a role.")),
        ],
    )


class InviteForm(FlaskForm):
    email = EmailField(
        _l("Email address"),
        filters=[strip],
        validators=[
            InputRequired(_l("Enter their email address.")),
            Length(max=254, message=_l("An email address is 254 characters or fewer.")),
            Email(_l("Enter an email address like name@example.org."), check_deliverability=False),
        ],
    )
    role = _role_field()


class RoleForm(FlaskForm):
    role = _role_field()


def _current_field() -> PasswordField:
    return PasswordField(
        _l("Current password"), validators=[InputRequired(_l("Enter your current password."))]
    )


def _new_fields() -> tuple[PasswordField, PasswordField]:
    return (
        PasswordField(_l("New password"), validators=[InputRequired(_l("Enter a new password."))]),
        PasswordField(
            _l("Type the new password again"),
            validators=[
                InputRequired(_l("Type the new password again.")),
                EqualTo("password", _l("The two passwords are not the same.")),
            ],
        ),
    )


class _PolicyChecked(FlaskForm):
    """Checks `password` against the policy for this person's email address."""

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def validate_password(self, field) -> None:
        problems = passwords.problems(field.data or "", self.email)
        if problems:
            raise ValidationError(gettext(problems[0]))


class NewPasswordForm(_PolicyChecked):
    """A new password, typed twice: from a one-time link."""

    password, confirm = _new_fields()


class ChangePasswordForm(_PolicyChecked):
    """The current password, then the new one typed twice."""

    current = _current_field()
    password, confirm = _new_fields()


class CodeForm(FlaskForm):
    code = StringField(
        _l("Code from the app"),
        filters=[strip],
        validators=[InputRequired(_l("Enter the 6-digit code your app shows.")), Length(max=32)],
    )


class CurrentPasswordForm(FlaskForm):
    current = _current_field()
