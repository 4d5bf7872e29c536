"""Board forms: dashboard filters (GET, no CSRF) and the staff KPI edit form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length

from app.definitions.schema import AUDIENCES
from app.forms import ChoiceField, strip
from app.words import AUDIENCE_NAMES


class FilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    area = ChoiceField(
        _l("Priority area"), default="", wrong=_l("Choose a priority area from the list.")
    )
    audience = ChoiceField(
        _l("Audience"),
        default="",
        choices=[SelectChoice("", _l("All audiences"))]
        + [SelectChoice(a, AUDIENCE_NAMES[a]) for a in AUDIENCES],
        wrong=_l("Choose an audience from the list."),
    )
    period = ChoiceField(_l("Period"), default="", wrong=_l("Choose a period from the list."))


class TalliesForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    survey = ChoiceField(_l("Survey"), default="", wrong=_l("Choose a survey from the list."))
    by = ChoiceField(
        _l("Break down by"),
        default="all",
        choices=[
            SelectChoice("all", _l("Everyone together")),
            SelectChoice("period", _l("Period")),
            SelectChoice("language", _l("Language")),
            SelectChoice("mode", _l("How they answered")),
        ],
        wrong=_l("Choose how to break the tallies down from the list."),
    )


class KpiEditForm(FlaskForm):
    statement = StringField(
        _l("Statement"),
        filters=[strip],
        validators=[InputRequired(_l("Enter the statement.")), Length(max=2000)],
    )
    priority_area = StringField(
        _l("Priority area"),
        filters=[strip],
        validators=[InputRequired(_l("Enter the priority area.")), Length(max=200)],
    )
    # Checked with the rest of the definition, so the message names the KPI and the field.
    audience = StringField(_l("Audience"))
    conditions = TextAreaField(_l("Conditions"), filters=[strip])
    milestones = TextAreaField(_l("Milestones"), filters=[strip])
    baseline = StringField(_l("Baseline (%)"), filters=[strip])
    baseline_date = StringField(_l("Baseline date"), filters=[strip])
    target = StringField(_l("Final target (%)"), filters=[strip])
    target_date = StringField(_l("Final target date"), filters=[strip])
    minimum_sample = StringField(_l("Minimum sample"), filters=[strip])
    window_months = StringField(_l("Window in months"), filters=[strip])


COMMENTARY_LIMIT = 4000


class CommentaryForm(FlaskForm):
    text = TextAreaField(
        _l("What do you want the board to know?"),
        filters=[strip],
        validators=[
            # DataRequired, not InputRequired: it sees the text after strip, so spaces are empty.
            DataRequired(_l("Enter what you want the board to know about this KPI.")),
            Length(
                max=COMMENTARY_LIMIT,
                message=_l(
                    "The commentary must be %(limit)d characters or fewer.",
                    limit=COMMENTARY_LIMIT,
                ),
            ),
        ],
    )
