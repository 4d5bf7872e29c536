"""Every member of staff's own account: password, two-step sign-in; and one-time links."""

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app import db
from app.accounts import links, people, signin, twostep
from app.auth import TWO_STEP_ROLES, role_required
from app.forms import ActionForm
from app.models import Role, utcnow
from app.people import bp
from app.people.forms import ChangePasswordForm, CodeForm, CurrentPasswordForm, NewPasswordForm


@bp.get("/account")
@role_required(Role.BOARD)
def account():
    return render_template(
        "people/account.html",
        codes_left=twostep.codes_left(g.user.id, session=db.session()),
        form=CurrentPasswordForm(),
        required=_two_step_required(),
    )


def _two_step_required() -> bool:
    return current_app.config["REQUIRE_2FA"] and g.user.role in TWO_STEP_ROLES


def _recheck(password: str) -> str | None:
    return signin.recheck(
        g.user,
        password,
        request.remote_addr,
        utcnow(),
        secret=current_app.secret_key,
        session=db.session(),
    )


@bp.route("/account/password", methods=["GET", "POST"])
@role_required(Role.BOARD, setup=True)
def change_password():
    form = ChangePasswordForm(email=g.user.email)
    if form.validate_on_submit():
        problem = _recheck(form.current.data)
        if problem is None:
            people.set_password(
                g.user, form.password.data, utcnow(), keep=g.staff_session.id, session=db.session()
            )
            db.commit()
            flash(_("Your password is changed. Any other sessions are signed out."), "status")
            return redirect(url_for(".account"))
        db.commit()  # the failed check counts
        form.current.errors.append(problem)
    return render_template("people/password.html", form=form, first=g.user.must_change_password)


@bp.post("/account/two-step/start")
@role_required(Role.BOARD, setup=True)
def two_step_start():
    if not ActionForm().validate_on_submit():
        abort(400)
    if not g.user.two_step:
        g.user.totp_secret = twostep.new_secret()
        db.commit()
    return redirect(url_for(".two_step"))


@bp.route("/account/two-step", methods=["GET", "POST"])
@role_required(Role.BOARD, setup=True)
def two_step():
    if g.user.two_step:
        return redirect(url_for(".account"))
    form, secret = CodeForm(), g.user.totp_secret
    if secret and form.validate_on_submit():
        codes = people.two_step_on(g.user, form.code.data, utcnow(), session=db.session())
        if codes is not None:
            db.commit()
            # Shown once, in answer to this POST; only their hashes are kept.
            return render_template("people/recovery_codes.html", codes=codes)
        form.code.errors.append(
            _("That code is not right. Enter the 6-digit code your app shows now.")
        )
    setup = None
    if secret:
        uri = twostep.setup_uri(secret, g.user.email)
        setup = {
            "qr": twostep.qr_svg(uri, _("QR code to add Heard to your authenticator app")),
            "key": twostep.grouped(secret),
        }
    return render_template(
        "people/two_step.html",
        form=form,
        setup=setup,
        start_form=ActionForm(),
        required=_two_step_required(),
    )


@bp.post("/account/two-step/off")
@role_required(Role.BOARD)
def two_step_off():
    form = CurrentPasswordForm()
    if _two_step_required():
        flash(_("Your role must use two-step sign-in, so it cannot be turned off."), "error")
        return redirect(url_for(".account"))
    if form.validate_on_submit():
        problem = _recheck(form.current.data)
        if problem is None:
            people.two_step_off(g.user, session=db.session())
            db.commit()
            flash(_("Two-step sign-in is off."), "status")
            return redirect(url_for(".account"))
        db.commit()
        flash(problem, "error")
    else:
        flash(_("Enter your current password."), "error")
    return redirect(url_for(".account"))


@bp.route("/account/new-password/<token>", methods=["GET", "POST"])
def new_password(token: str):
    # Public: the person following an invitation or reset link is not signed in.
    found = links.find(token, utcnow(), session=db.session())
    if found is None:
        return render_template("people/link_expired.html"), 404
    link, user = found
    form = NewPasswordForm(email=user.email)
    if form.validate_on_submit():
        people.follow_link(link, user, form.password.data, utcnow(), session=db.session())
        db.commit()
        flash(_("Your password is set. Sign in with it now."), "status")
        return redirect(url_for("manage.sign_in"))
    return render_template("people/new_password.html", form=form, person=user, link=link)
