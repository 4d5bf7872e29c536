"""Extensions, created unbound; create_app() binds them."""

from flask import current_app, request
from flask_babel import Babel
from flask_wtf.csrf import CSRFProtect


class CheckingWrites(CSRFProtect):
    """Flask-WTF's CSRF protection, which looks at a request's method first."""

    # Flask-WTF looks up a GET's view and blueprint among the exemptions before it sees
    # that a GET is never checked: a fiftieth of a question page's time, for nothing.
    def protect(self, apply_exemptions: bool = False) -> None:
        if request.method in current_app.config["WTF_CSRF_METHODS"]:
            super().protect(apply_exemptions)


babel = Babel()
csrf = CheckingWrites()
