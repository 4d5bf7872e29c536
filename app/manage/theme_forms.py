"""Staff forms for the theme list: a theme's name and phrases, and a comment to try them on."""

from collections.abc import Iterable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from app.forms import strip

LONGEST = 80  # the theme table's name column; a longer phrase is a sentence, not a marker


class ThemeForm(FlaskForm):
    """A theme: its name, unique in the list, and its phrases, one a line."""

    name = StringField(
        _l("Name of the theme"),
        filters=[strip],
        validators=[
            DataRequired(_l("Enter a name for the theme.")),
            Length(max=LONGEST, message=_l("Enter a name of 80 characters or fewer.")),
        ],
    )
    phrases = TextAreaField(
        _l("Phrases that mark it, one a line"),
        filters=[strip],
        validators=[DataRequired(_l("Enter at least one phrase, one a line."))],
    )

    def __init__(self, *args, taken: Iterable[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        # Told apart regardless of case: "Transport" beside "transport" would read as one.
        self.taken = {name.casefold() for name in taken}

    def validate_name(self, field) -> None:
        if field.data.casefold() in self.taken:
            raise ValidationError(
                _(
                    "There is already a theme called “%(name)s”: choose another name.",
                    name=field.data,
                )
            )

    def validate_phrases(self, field) -> None:
        for phrase in self.phrase_list():
            if len(phrase) > LONGEST:
                raise ValidationError(
                    _(
                        "Shorten the phrase “%(start)s…” to 80 characters or fewer: "
                        "it has %(count)d.",
                        start=phrase[:30],
                        count=len(phrase),
                    )
                )
            if not any(character.isalnum() for character in phrase):
                raise ValidationError(
                    _(
                        "The phrase “%(phrase)s” has no letters or numbers: use words.",
                        phrase=phrase,
                    )
                )

    def phrase_list(self) -> list[str]:
        """Return the phrases typed, one a line, blank lines and repeats left out."""
        lines = (line.strip() for line in (self.phrases.data or "").splitlines())
        return list(dict.fromkeys(line for line in lines if line))


class TryForm(FlaskForm):
    """A comment to try the themes on; it changes nothing."""

    class Meta:
        csrf = False  # a GET form

    comment = TextAreaField(_l("Try a comment"), filters=[strip])
