"""Kiosk pages: thin views over app/kiosk_mode.py."""

import time

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from app import db
from app.audit import record
from app.auth import requires
from app.definitions import definition_of
from app.definitions.loader import surveys_with_newest_version
from app.kiosk import bp
from app.kiosk.forms import KioskForm, LeaveForm
from app.kiosk_mode import begin, current_kiosk, end, forget_person, try_pin
from app.models import SurveyState
from app.permissions import Permission


@bp.route("/manage/kiosk", methods=["GET", "POST"])
@requires(Permission.EVENTS)
def setup():
    session = db.session()
    form = KioskForm()
    form.survey.choices = [
        (survey.slug, definition_of(version).title)
        for survey, version in surveys_with_newest_version(session=session, state=SurveyState.OPEN)
    ]
    if form.validate_on_submit():
        record("kiosk started", f"survey:{form.survey.data}", staff_id=g.user.id, session=session)
        db.commit()
        begin(form.survey.data, form.pin.data)
        return redirect(url_for("respond.start", slug=form.survey.data))
    return render_template("kiosk/setup.html", form=form)


@bp.route("/kiosk/leave", methods=["GET", "POST"])
def leave():
    kiosk = current_kiosk()
    if kiosk is None:
        return redirect(url_for("manage.sign_in"))
    form = LeaveForm()
    if form.validate_on_submit():
        result = try_pin(form.pin.data, time.time())
        if result.right:
            forget_person(session=db.session())
            end()
            record("kiosk ended", f"survey:{kiosk.slug}", staff_id=None, session=db.session())
            db.commit()
            flash(_("Kiosk mode is off. Sign in to use the staff area."), "status")
            return redirect(url_for("manage.sign_in"))
        form.pin.errors.append(_wrong_pin(result.wait))
    return render_template("kiosk/leave.html", form=form, slug=kiosk.slug)


def _wrong_pin(wait: int) -> str:
    if not wait:
        return _("That PIN is not right. Try again.")
    if wait < 60:
        return ngettext(
            "Too many wrong PINs. Wait %(num)d second, then try again.",
            "Too many wrong PINs. Wait %(num)d seconds, then try again.",
            wait,
        )
    minutes = (wait + 59) // 60
    return ngettext(
        "Too many wrong PINs. Wait %(num)d minute, then try again.",
        "Too many wrong PINs. Wait %(num)d minutes, then try again.",
        minutes,
    )


@bp.get("/kiosk/reset")
def reset():
    """Start again for the next person: the last person's draft is deleted, its token dropped."""
    kiosk = current_kiosk()
    if kiosk is None:
        return redirect(url_for("respond.home"))
    forget_person(session=db.session())
    db.commit()
    return redirect(url_for("respond.start", slug=kiosk.slug))
