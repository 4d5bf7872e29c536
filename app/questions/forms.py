"""One form per question type, validated on the server with WTForms.

The respondent journey asks one question a page with these forms; paper entry puts one of
each question's forms on a long page, so a typed-in paper form is checked by the same rules.
"""

from flask import has_request_context
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import InputRequired, Optional, ValidationError

from app.definitions import QuestionDef
from app.definitions.schema import DONT_KNOW, PREFER_NOT, Kind
from app.forms import strip
from app.i18n import easy_read
from app.inputs import too_many_digits, whole_number
from app.words import SPECIAL_ANSWERS, YESNO_ANSWERS


def choices(question: QuestionDef) -> list[tuple[str, str]]:
    """Return (value, label) for every answer offered, in the order shown."""
    if question.type == Kind.SCALE:
        main = list(zip(("1", "2", "3", "4", "5"), question.scale_labels, strict=True))
    elif question.type == Kind.YESNO:
        main = list(YESNO_ANSWERS.items())
    else:
        main = [(option.value, option.label) for option in question.options]
    return main + special_choices(question)


def special_choices(question: QuestionDef) -> list[tuple[str, str]]:
    """Return the "I don't know" and "I'd rather not say" choices this question offers."""
    wanted = [DONT_KNOW] * question.dont_know + [PREFER_NOT] * question.prefer_not
    return [(value, SPECIAL_ANSWERS[value]) for value in wanted]


class OneOf:
    """Refuse a value that was not offered, in words a respondent understands."""

    def __init__(self, allowed, message):
        self.allowed, self.message = set(allowed), message

    def __call__(self, _form, field: Field):
        data = field.data if isinstance(field.data, list) else [field.data]
        if any(value not in self.allowed for value in data if value):
            raise ValidationError(self.message)


NOT_OFFERED = _l("Choose one of the answers shown.")
CHOOSE_SOME = _l("Choose at least one answer.")
CHOOSE_ONE = _l("Choose one answer.")
TYPE_TEXT = _l("Type your answer.")
TYPE_NUMBER = _l("Type a whole number, like 15.")


def _too_long(limit: int, count: int) -> str:
    return _l(
        "Your answer must be %(limit)d characters or fewer. You have typed %(count)d.",
        limit=limit,
        count=count,
    )


def _out_of_range(question: QuestionDef) -> str:
    return _l("Type a number between %(low)d and %(high)d.", low=question.min, high=question.max)


def _label(question: QuestionDef, value: str) -> str:
    # The words the page shows for this answer (easy read when chosen), translated.
    label = dict(choices(question))[value]
    option = next((o for o in question.options if o.value == value), None)
    if option is not None and option.easyread and has_request_context() and easy_read():
        label = option.easyread
    return gettext(str(label))


def _on_its_own(question: QuestionDef, value: str | None = None) -> str:
    answer = _label(question, value or question.exclusive_values()[0])
    return gettext("Choose \u201c%(answer)s\u201d on its own, or untick it.", answer=answer)


class OnItsOwn:
    """Refuse "None of these" ticked with other answers: say which answer goes alone."""

    def __init__(self, question: QuestionDef):
        self.question = question

    def __call__(self, _form, field: Field):
        chosen = set(field.data or ())
        alone = [v for v in self.question.exclusive_values() if v in chosen]
        if alone and len(chosen) > 1:
            raise ValidationError(_on_its_own(self.question, alone[0]))


def problem_messages(question: QuestionDef) -> dict[str, str]:
    """Return the messages this question's page can show, by problem, in the page's language.

    A page built on the phone while it is offline shows the server's own words.
    """
    if question.type == Kind.MULTIPLE:
        found = {"required": CHOOSE_SOME}
        if question.exclusive_values():
            found["on_its_own"] = _on_its_own(question)
    elif question.type in (Kind.SINGLE, Kind.SCALE, Kind.YESNO):
        found = {"required": CHOOSE_ONE}
    elif question.type == Kind.TEXT:
        # The phone puts the number typed in place of 999999 (the limit is in the words too).
        found = {"required": TYPE_TEXT, "length": _too_long(question.max_length, 999999)}
    else:
        found = {"required": TYPE_NUMBER, "number": TYPE_NUMBER, "range": _out_of_range(question)}
    return {"not_offered": str(NOT_OFFERED)} | {name: str(text) for name, text in found.items()}


def _field_for(question: QuestionDef) -> Field:
    # Fields get no choices: the page renders them from choices(), and OneOf checks them.
    offered = [value for value, _label in choices(question)]
    not_offered = OneOf(offered, NOT_OFFERED)
    if question.type == Kind.MULTIPLE:
        need = InputRequired(CHOOSE_SOME) if question.required else Optional()
        return SelectMultipleField(
            validate_choice=False, validators=[need, not_offered, OnItsOwn(question)]
        )
    if question.type in (Kind.SINGLE, Kind.SCALE, Kind.YESNO):
        need = InputRequired(CHOOSE_ONE) if question.required else Optional()
        return RadioField(validate_choice=False, validators=[need, not_offered])
    return _typed_field(question)


def _typed_field(question: QuestionDef) -> Field:
    # Text and number answers are checked in AnswerForm.validate_answer, because an
    # "I'd rather not say" choice beside the box makes an empty box a valid answer.
    if question.type == Kind.TEXT:
        return TextAreaField(filters=[strip])
    return StringField(filters=[strip])


class AnswerForm(FlaskForm):
    """The form for one question page; built per question by answer_form()."""

    question: QuestionDef

    def validate_answer(self, field: Field) -> None:
        if self.question.type not in (Kind.TEXT, Kind.NUMBER):
            return
        special = getattr(self, "special", None)
        if special is not None and special.data:
            return
        value = field.data or ""
        if not value:
            if self.question.required:
                raise ValidationError(TYPE_TEXT if self.question.type == Kind.TEXT else TYPE_NUMBER)
            return
        if self.question.type == Kind.TEXT:
            if len(value) > self.question.max_length:
                raise ValidationError(_too_long(self.question.max_length, len(value)))
            return
        self._check_number(value)

    def _check_number(self, value: str) -> None:
        number = whole_number(value)
        if number is None and not too_many_digits(value):
            raise ValidationError(TYPE_NUMBER)
        # A number longer than any survey asks for is out of range too: the range helps most.
        if number is None or not self.question.min <= number <= self.question.max:
            raise ValidationError(_out_of_range(self.question))


def answer_form(question: QuestionDef, under=(), **kwargs) -> AnswerForm:
    """Build the form for a question page, with a text box for each question under an answer."""
    attributes = {"question": question, "answer": _field_for(question)}
    if question.type in (Kind.TEXT, Kind.NUMBER) and special_choices(question):
        attributes["special"] = RadioField(
            validate_choice=False,
            validators=[
                Optional(),
                OneOf([v for v, _l2 in special_choices(question)], NOT_OFFERED),
            ],
        )
    for box in under:
        attributes[box_name(box)] = StringField(filters=[strip], validators=[_Fits(box)])
    form_class = type("QuestionForm", (AnswerForm,), attributes)
    return form_class(**kwargs)


def box_name(box: QuestionDef) -> str:
    """Return the form field name of a text box asked under an answer."""
    return f"words_{box.key}"


class _Fits:
    """Refuse words longer than the box takes; the flag puts its limit on the input too."""

    def __init__(self, box: QuestionDef):
        self.limit = box.max_length
        self.field_flags = {"maxlength": box.max_length}

    def __call__(self, _form, field: Field) -> None:
        if field.data and len(field.data) > self.limit:
            raise ValidationError(_too_long(self.limit, len(field.data)))


def page_data(question: QuestionDef, under, answers: dict) -> dict:
    """Turn a draft's answers into the defaults of a question page and its boxes."""
    data = form_data(question, answers.get(question.key))
    return data | {box_name(box): answers.get(box.key) for box in under}


def page_answers(form: AnswerForm, question: QuestionDef, under) -> dict:
    """Return what a valid page answers: the question's value and each box's words."""
    value = answer_value(form, question)
    found = {question.key: value}
    for box in under:
        # Words typed under an answer that was not chosen are dropped, never kept.
        words = form[box_name(box)].data
        found[box.key] = words if words and value in box.show_if.answers else None
    return found


def answer_value(form: AnswerForm, question: QuestionDef):
    """Turn a valid form into the value a draft stores (None for a skipped question)."""
    special = getattr(form, "special", None)
    if special is not None and special.data:
        return special.data
    data = form.answer.data
    if question.type == Kind.MULTIPLE:
        return list(dict.fromkeys(data)) or None
    if question.type == Kind.NUMBER and data:
        # Typed in any script's digits ("١٥", "১৫"); kept as plain ASCII, like "15".
        return str(whole_number(data))
    return data or None


def form_data(question: QuestionDef, value) -> dict:
    """Turn a stored draft value back into form defaults for the page."""
    if question.type in (Kind.TEXT, Kind.NUMBER) and value in (DONT_KNOW, PREFER_NOT):
        return {"special": value}
    return {"answer": value}
