"""Staff forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    PasswordField,
    RadioField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, InputRequired, Length, Optional

from app.forms import ChoiceField, ChoicesField, sane_date, strip
from app.i18n import LANGUAGES, native_name
from app.models import ActionState
from app.words import ACTION_STATES


class SignInForm(FlaskForm):
    email = EmailField(
        _l("Email address"),
        filters=[strip],
        validators=[InputRequired(_l("Enter your email address.")), Length(max=254)],
    )
    password = PasswordField(_l("Password"), validators=[InputRequired(_l("Enter your password."))])


class CodeForm(FlaskForm):
    """The second step of signing in: a code from the app, or a recovery code."""

    code = StringField(
        _l("Code"),
        filters=[strip],
        validators=[InputRequired(_l("Enter the code your app shows.")), Length(max=32)],
    )


class ActionEditForm(FlaskForm):
    """One "we did" action: what, who, where it stands, when, and the evidence."""

    what = TextAreaField(
        _l("What was done, or will be done"),
        filters=[strip],
        validators=[InputRequired(_l("Enter what was done.")), Length(max=2000)],
    )
    owner = StringField(
        _l("Who owns it"),
        filters=[strip],
        validators=[InputRequired(_l("Enter who owns this action.")), Length(max=200)],
    )
    state = RadioField(
        _l("Where it stands"),
        choices=[SelectChoice(s.value, ACTION_STATES[s.value]) for s in ActionState],
        default=ActionState.PLANNED.value,
        validators=[InputRequired(_l("Choose where the action stands."))],
    )
    due_on = DateField(
        _l("Due date (optional)"),
        validators=[Optional(), sane_date],
        format="%Y-%m-%d",
    )
    done_on = DateField(
        _l("Date done (if done)"), validators=[Optional(), sane_date], format="%Y-%m-%d"
    )
    evidence_url = URLField(
        _l("Link to evidence (optional)"),
        filters=[strip],
        validators=[
            Optional(),
            URL(message=_l("Enter a web address starting https://")),
            Length(max=500),
        ],
    )
    themes = StringField(_l("Themes it answers (optional, separated by commas)"), filters=[strip])
    kpi_refs = StringField(
        _l("KPIs it answers (optional, references separated by commas)"), filters=[strip]
    )
    question_keys = StringField(
        _l("Questions it answers (optional, question keys separated by commas)"), filters=[strip]
    )

    def validate(self, extra_validators=None) -> bool:
        # A rule across two fields: Optional() stops a field's own validators when empty.
        valid = super().validate(extra_validators)
        done = self.state.data == ActionState.DONE
        if done and not self.done_on.data and not self.done_on.errors:
            self.done_on.errors.append(_l("Enter the date it was done."))
        elif not done and self.done_on.data:
            self.done_on.errors.append(_l("Leave the date done empty until the action is done."))
        return valid and not self.done_on.errors


SENTIMENTS = [
    SelectChoice("positive", _l("Positive")),
    SelectChoice("mixed", _l("Mixed")),
    SelectChoice("neutral", _l("Neutral")),
    SelectChoice("negative", _l("Negative")),
]


class CommentFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    sentiment = ChoiceField(
        _l("Sentiment"),
        default="",
        choices=[SelectChoice("", _l("Any sentiment")), *SENTIMENTS],
        wrong=_l("Choose a sentiment from the list."),
    )
    theme = ChoiceField(_l("Theme"), default="", wrong=_l("Choose a theme from the list."))
    language = ChoiceField(
        _l("Language"),
        default="",
        choices=[
            SelectChoice("", _l("Any language")),
            *[SelectChoice(code, native_name(code)) for code in LANGUAGES],
        ],
        wrong=_l("Choose a language from the list."),
    )
    since = DateField(_l("Sent on or after"), validators=[Optional(), sane_date], format="%Y-%m-%d")


class ModerateForm(FlaskForm):
    """One comment's corrections and quote decision."""

    sentiment = ChoiceField(
        _l("Correct the sentiment"),
        default="",
        choices=[SelectChoice("", _l("Keep as it is")), *SENTIMENTS],
        wrong=_l("Choose a sentiment from the list."),
    )
    quote = ChoiceField(
        _l("Quote"),
        default="",
        choices=[
            SelectChoice("", _l("Keep as it is")),
            SelectChoice("approved", _l("Approve as a quote, with the redactions shown")),
            SelectChoice("hidden", _l("Hide")),
        ],
        wrong=_l("Choose what to do with the quote from the list."),
    )
    themes = StringField(
        _l("Correct the themes (separated by commas)"),
        filters=[strip],
        validators=[Optional(), Length(max=500)],
    )
    summary = TextAreaField(
        _l("English summary (for a comment in another language)"),
        filters=[strip],
        validators=[Optional(), Length(max=2000)],
    )
    hide = StringField(
        _l("Also hide these words in the quote (separated by commas)"),
        filters=[strip],
        validators=[Optional(), Length(max=500)],
    )
    # Heard's reading of risk misses some indirect wording: a person who notices sends it on.
    escalate = BooleanField(_l("Send to the safeguarding lead: this may mean a child is at risk"))
    # The suggested redactions a person ticked to show after all; choices are set per comment.
    show = ChoicesField(
        _l("Hidden in the quote"),
        choices=[],
        wrong=_l("Choose from the words suggested for this comment."),
    )
    # Sent with the form, so that "no box ticked" means "show none" rather than "not asked".
    redactions_shown = HiddenField(default="1")
