"""Staff pages that keep the privacy page's promises.

The council's privacy notice (admin); each survey's retention period and withdrawing a
response by its code (officer).
"""

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlmodel import select

from app import db
from app.auth import requires
from app.manage import bp
from app.manage.privacy_forms import NoticeForm, RetentionForm, WithdrawalForm
from app.models import Survey
from app.notice import FIELDS, privacy_notice, save_notice
from app.permissions import Permission
from app.retention import withdrawal
from app.retention.periods import DEFAULT_MONTHS, retention_of, set_retention


@bp.context_processor
def _data_care() -> dict:
    # Functions, not values: only the pages that ask pay for the query.
    return {
        "retention_of": retention_of,
        "notice_missing": lambda: privacy_notice(session=db.session()) is None,
    }


@bp.route("/settings/privacy-notice", methods=["GET", "POST"])
@requires(Permission.SETTINGS)
def notice():
    stored = privacy_notice(session=db.session())
    data = {name: getattr(stored, name) for name in FIELDS} if stored else None
    form = NoticeForm(data=data)
    if form.validate_on_submit():
        save_notice(form.data, staff_id=g.user.id, session=db.session())
        db.commit()
        flash(_("The privacy notice is saved. Respondents see it on the privacy page."), "status")
        return redirect(url_for(".notice"))
    page = render_template("manage/notice.html", form=form, stored=stored)
    return page, 400 if form.errors else 200


@bp.route("/surveys/<slug>/retention", methods=["GET", "POST"])
@requires(Permission.ERASE)
def retention(slug: str):
    survey = db.session().exec(select(Survey).where(Survey.slug == slug)).first() or abort(404)
    form = RetentionForm(data={"months": str(retention_of(survey))})
    if form.validate_on_submit():
        months = int(form.months.data)
        set_retention(survey, months, staff_id=g.user.id, session=db.session())
        db.commit()
        flash(
            ngettext(
                "Responses to %(slug)s are now kept for %(num)d month after they are sent.",
                "Responses to %(slug)s are now kept for %(num)d months after they are sent.",
                months,
                slug=slug,
            ),
            "status",
        )
        return redirect(url_for(".surveys"))
    page = render_template(
        "manage/retention.html", form=form, survey=survey, default=DEFAULT_MONTHS
    )
    return page, 400 if form.errors else 200


def _found(form: WithdrawalForm) -> withdrawal.Found | None:
    """Find the response a valid form's code names; put the reason on the field if none."""
    found = withdrawal.find(withdrawal.normalise(form.code.data), session=db.session())
    if found is None:
        form.code.errors.append(
            _(
                "No response has this code. It may have been withdrawn already, or deleted "
                "at the end of its survey's retention period. Check the code with the person."
            )
        )
    elif found.alert_open:
        form.code.errors.append(
            _(
                "This response has a safeguarding alert that is still open. Ask the "
                "safeguarding lead to decide it first; then you can delete the response."
            )
        )
        return None
    return found


@bp.route("/withdraw", methods=["GET", "POST"])
@requires(Permission.ERASE)
def withdraw():
    form = WithdrawalForm()
    found = _found(form) if form.validate_on_submit() else None
    if found is not None:
        # A check step, not a change: the code travels on in the confirm form, never a URL.
        return render_template("manage/withdraw_confirm.html", form=form, found=found)
    page = render_template("manage/withdraw.html", form=form)
    return page, 400 if form.errors else 200


@bp.post("/withdraw/confirm")
@requires(Permission.ERASE)
def withdraw_confirm():
    form = WithdrawalForm()
    found = _found(form) if form.validate_on_submit() else None
    if found is not None and withdrawal.withdraw(found, staff_id=g.user.id, session=db.session()):
        db.commit()
        flash(
            _(
                "The response to %(title)s is deleted, with its answers, and taken off the KPI "
                "counts.",
                title=found.survey_title,
            ),
            "status",
        )
        return redirect(url_for(".withdraw"))
    if found is not None:  # deleted, or an alert raised, since the check page
        changed = _("Nothing was deleted: the response changed. Enter the code again.")
        form.code.errors.append(changed)
    return render_template("manage/withdraw.html", form=form), 400
