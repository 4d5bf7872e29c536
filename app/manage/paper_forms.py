"""Paper entry's forms: which printed form, and each question's own journey form on one page."""

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Regexp

from app.definitions import QuestionDef, SurveyDef
from app.definitions.routing import Answers, is_shown
from app.forms import ChoiceField
from app.i18n import LANGUAGES
from app.models import SurveyVersion
from app.questions.forms import AnswerForm, answer_form, answer_value

STANDARD, EASY = "standard", "easy"


class PaperSettingsForm(FlaskForm):
    """Which printed form is being typed in: its version, language and wording (query string)."""

    class Meta:
        csrf = False  # read from the query string on every request; it changes nothing itself

    version = ChoiceField(
        _l("Version printed in the form's footer"),
        wrong=_l("Choose a version of this survey from the list."),
    )
    language = ChoiceField(
        _l("Language of the form"),
        default="en",
        choices=[SelectChoice(code, f"{name} ({code})") for code, (name, _d) in LANGUAGES.items()],
        wrong=_l("Choose a language from the list."),
    )
    reading = ChoiceField(
        _l("Wording"),
        default=STANDARD,
        choices=[SelectChoice(STANDARD, _l("Standard")), SelectChoice(EASY, _l("Easy read"))],
        wrong=_l("Choose standard or easy read."),
    )
    # Events (issue 10, branch `events`): a paper form collected at an event belongs to it.
    # Add the event choice here, carry it in as_query() and pass it on in paper.save_form().


def settings_form(args, versions: list[SurveyVersion]) -> PaperSettingsForm:
    """Read the settings from the query string; the newest version unless another is chosen."""
    newest = str(versions[0].number)
    form = PaperSettingsForm(formdata=args, data={"version": newest})
    form.version.choices = [
        SelectChoice(
            str(v.number),
            _("Version %(number)d (newest)", number=v.number)
            if str(v.number) == newest
            else _("Version %(number)d", number=v.number),
        )
        for v in versions
    ]
    return form


def as_query(form: PaperSettingsForm) -> dict[str, str]:
    """Return the settings as query-string values, so the next form keeps them."""
    return {
        "version": form.version.data,
        "language": form.language.data,
        "reading": form.reading.data,
    }


class PaperEntryForm(FlaskForm):
    """The long page's own fields: its CSRF token and the id the response will be stored with."""

    # Made when the page is shown: pressing Save twice stores the form once.
    response_id = StringField(validators=[InputRequired(), Regexp(r"^[0-9a-f-]{36}$")])


@dataclass(frozen=True)
class Entry:
    number: int
    question: QuestionDef
    form: AnswerForm


def entries(survey: SurveyDef) -> list[Entry]:
    """Build each question's journey form, named by its key so all fit on one page."""
    return [
        Entry(number, question, answer_form(question, prefix=question.key, meta={"csrf": False}))
        for number, question in enumerate(survey.questions, start=1)
    ]


def checked_answers(rows: list[Entry]) -> Answers | None:
    """Check every asked question as the journey would; refuse answers routing skips.

    Return the answers, or None with each problem placed on its question's field.
    """
    answers: Answers = {}
    numbers = {row.question.key: row.number for row in rows}
    unsettled: set[str] = set()  # refused answers: what routing asks after them is not known
    for row in rows:
        rule = row.question.show_if
        if rule is not None and rule.question in unsettled:
            unsettled.add(row.question.key)
        elif not is_shown(row.question, answers):
            if _has_answer(row.form):
                row.form.answer.errors = [
                    _(
                        "The answer to question %(number)d skips this question. "
                        "Leave it blank, or check that answer.",
                        number=numbers[rule.question],
                    )
                ]
                unsettled.add(row.question.key)
        elif row.form.validate():
            answers[row.question.key] = answer_value(row.form, row.question)
        else:
            unsettled.add(row.question.key)
    return None if unsettled else answers


def _has_answer(form: AnswerForm) -> bool:
    fields = [form.answer] + ([form.special] if "special" in form else [])
    return any(value.strip() for field in fields for value in (field.raw_data or []))
