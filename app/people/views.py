"""Administrators' pages: everyone with an account, invite, change role, switch off, reset."""

from datetime import timedelta

from flask import abort, current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from app import db
from app.accounts import emails, passwords, people
from app.accounts.people import AccountError
from app.auth import role_required
from app.forms import ActionForm
from app.models import Role, StaffUser, utcnow
from app.people import bp
from app.people.forms import ROLE_CHOICES, InviteForm, RoleForm
from app.words import ROLE_NAMES


@bp.context_processor
def _words() -> dict:
    return {"role_names": ROLE_NAMES, "role_choices": ROLE_CHOICES, "account_state": account_state}


def account_state(user: StaffUser) -> str:
    """Say in a few words whether an account can sign in."""
    if not user.active:
        return _("Switched off")
    if user.password_hash.startswith(passwords.UNUSABLE):
        return _("Waiting for them to choose a password")
    if user.must_change_password:
        return _("One-time password not yet replaced")
    return _("Active")


@bp.get("/people")
@role_required(Role.ADMIN)
def everyone():
    return render_template("people/people.html", people=people.everyone(session=db.session()))


@bp.route("/people/invite", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def invite():
    form = InviteForm()
    if form.validate_on_submit():
        try:
            user, token = people.invite(
                form.email.data,
                Role(form.role.data),
                utcnow(),
                by=g.user.id,
                hours=current_app.config["INVITE_HOURS"],
                session=db.session(),
            )
        except AccountError as error:
            form.email.errors.append(str(error))
        else:
            db.commit()
            return _link_page(user, token, reset=False)
    return render_template("people/invite.html", form=form)


def _link_page(user: StaffUser, token: str, *, reset: bool):
    # The link is shown once, on this page, and never stored: only its hash is kept.
    url = url_for("people.new_password", token=token, _external=True)
    expires = utcnow() + timedelta(hours=current_app.config["INVITE_HOURS"])
    sent = emails.send_link(
        current_app.config,
        to=user.email,
        url=url,
        expires=expires.strftime("%d %B %Y, %H:%M"),
        reset=reset,
    )
    return render_template(
        "people/link.html",
        person=user,
        url=url,
        sent=sent,
        reset=reset,
        expires=expires,
        emailing=bool(current_app.config.get("SMTP_URL")),
    )


def _person(staff_id: int) -> StaffUser:
    return db.session().get(StaffUser, staff_id) or abort(404)


@bp.get("/people/<int:staff_id>")
@role_required(Role.ADMIN)
def person(staff_id: int):
    user = _person(staff_id)
    return render_template(
        "people/person.html", person=user, role_form=RoleForm(role=user.role), form=ActionForm()
    )


@bp.post("/people/<int:staff_id>/role")
@role_required(Role.ADMIN)
def change_role(staff_id: int):
    user, form = _person(staff_id), RoleForm()
    if not form.validate_on_submit():
        flash(_("Choose a role."), "error")
        return redirect(url_for(".person", staff_id=staff_id))
    try:
        people.change_role(user, Role(form.role.data), by=g.user.id, session=db.session())
    except AccountError as error:
        flash(str(error), "error")
    else:
        db.commit()
        flash(_("The role is changed."), "status")
    return redirect(url_for(".person", staff_id=staff_id))


@bp.post("/people/<int:staff_id>/<any(disable, enable):change>")
@role_required(Role.ADMIN)
def switch(staff_id: int, change: str):
    user = _person(staff_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if user.id == g.user.id:
        flash(_("You cannot switch off your own account."), "error")
        return redirect(url_for(".person", staff_id=staff_id))
    try:
        if change == "disable":
            people.disable(user, utcnow(), by=g.user.id, session=db.session())
        else:
            people.enable(user, by=g.user.id, session=db.session())
    except AccountError as error:
        flash(str(error), "error")
        return redirect(url_for(".person", staff_id=staff_id))
    db.commit()
    flash(
        _("The account is switched off and signed out everywhere.")
        if change == "disable"
        else _("The account is switched on again."),
        "status",
    )
    return redirect(url_for(".person", staff_id=staff_id))


@bp.post("/people/<int:staff_id>/reset")
@role_required(Role.ADMIN)
def reset(staff_id: int):
    user = _person(staff_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if user.id == g.user.id:
        flash(_("To change your own password, use Your account."), "error")
        return redirect(url_for(".person", staff_id=staff_id))
    token = people.reset(
        user,
        utcnow(),
        by=g.user.id,
        hours=current_app.config["INVITE_HOURS"],
        session=db.session(),
    )
    db.commit()
    return _link_page(user, token, reset=True)
