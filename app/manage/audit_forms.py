"""The audit log's filters: who, what, and a range of London days, read from the query string."""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional, ValidationError

from app.audit import ACTIONS, AuditFilter
from app.forms import ChoiceField

# Wide enough for any real event; narrow enough that the day after `until` still exists.
EARLIEST, LATEST = date(2000, 1, 1), date(2999, 12, 31)


class DayField(DateField):
    """A date typed as year-month-day, with our own sentence when it is not one."""

    def __init__(self, *args, wrong: str, **kwargs):
        super().__init__(*args, format="%Y-%m-%d", validators=[Optional()], **kwargs)
        self.wrong = wrong

    def process_formdata(self, valuelist) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(self.wrong) from None

    def pre_validate(self, form) -> None:
        if self.data is not None and not EARLIEST <= self.data <= LATEST:
            raise ValidationError(_l("Enter a date between the years 2000 and 2999."))


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    who = ChoiceField(_l("Who"), default="", wrong=_l("Choose a member of staff from the list."))
    what = ChoiceField(_l("What"), default="", wrong=_l("Choose what was done from the list."))
    since = DayField(
        _l("From (a day, included)"),
        wrong=_l("Enter the first day as year-month-day, for example 2026-03-31."),
    )
    until = DayField(
        _l("To (a day, included)"),
        wrong=_l("Enter the last day as year-month-day, for example 2026-03-31."),
    )

    def fill(self, staff: list[tuple[int, str]], actions: list[str]) -> None:
        """Offer the staff and the actions the trail can be filtered by."""
        self.who.choices = [SelectChoice("", _l("Anyone"))]
        self.who.choices += [SelectChoice(str(i), email) for i, email in staff]
        self.what.choices = [SelectChoice("", _l("Anything"))]
        self.what.choices += [SelectChoice(a, ACTIONS.get(a, a)) for a in actions]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        since, until = self.since.data, self.until.data
        if valid and since and until and since > until:
            self.until.errors.append(_l("Enter a last day that is on or after the first day."))
            return False
        return valid

    def chosen(self) -> AuditFilter:
        """Return the filter the valid form asks for."""
        return AuditFilter(
            staff_id=int(self.who.data) if self.who.data else None,
            action=self.what.data or None,
            since=self.since.data,
            until=self.until.data,
        )
