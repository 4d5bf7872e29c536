"""Staff pages: sign in and out, the survey list, open and close, CSV download."""

import io
from datetime import timedelta

from flask import (
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from sqlmodel import select

from app import audit, catalogues, db
from app.accounts import sessions, signin
from app.auth import PENDING, TOKEN, local_path, role_required
from app.export import ExportError, export_csv
from app.forms import ActionForm
from app.manage import bp
from app.manage.forms import CodeForm, SignInForm
from app.manage.service import survey_rows
from app.models import Role, StaffUser, StateError, Survey, utcnow

# The code step must follow the password within this time.
PENDING_FOR = timedelta(minutes=5)
# Where each role starts after signing in (the survey list is for officers and admins).
LANDING = {Role.BOARD: "board.dashboard", Role.SAFEGUARDING: "safeguarding.queue"}


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    form = SignInForm()
    if form.validate_on_submit():
        now = utcnow()
        outcome = signin.attempt(
            form.email.data,
            form.password.data,
            request.remote_addr,
            now,
            secret=current_app.secret_key,
            session=db.session(),
        )
        target = local_path(request.args.get("next"))
        if outcome.user is not None and outcome.user.two_step:
            db.commit()
            session.clear()
            session[PENDING] = {"id": outcome.user.id, "until": (now + PENDING_FOR).timestamp()}
            return redirect(url_for(".sign_in_code", next=target))
        if outcome.user is not None:
            return _signed_in(outcome.user, now, target)
        db.commit()  # the failure counts, even though nothing else changed
        form.email.errors.append(outcome.problem)
    return render_template("manage/sign_in.html", form=form)


@bp.route("/sign-in/code", methods=["GET", "POST"])
def sign_in_code():
    # Half signed in: the password was right and the code is still to come. No staff
    # page opens in this state, because only a finished sign-in sets the session token.
    pending, now = session.get(PENDING), utcnow()
    user = db.session().get(StaffUser, pending["id"]) if _still_pending(pending, now) else None
    if user is None or not user.active or not user.two_step:
        session.pop(PENDING, None)
        flash(_("Sign in again: the first step has expired."), "error")
        return redirect(url_for(".sign_in"))
    form = CodeForm()
    if form.validate_on_submit():
        outcome = signin.second_step(
            user,
            form.code.data,
            request.remote_addr,
            now,
            secret=current_app.secret_key,
            session=db.session(),
        )
        if outcome.user is not None:
            return _signed_in(user, now, local_path(request.args.get("next")))
        db.commit()
        form.code.errors.append(outcome.problem)
    return render_template("manage/sign_in_code.html", form=form)


def _still_pending(pending, now) -> bool:
    return isinstance(pending, dict) and pending.get("until", 0) > now.timestamp()


def _signed_in(user: StaffUser, now, target: str | None):
    token = signin.start_session(user, now, session=db.session())
    db.commit()
    session.clear()  # a fresh cookie: nothing from before sign-in carries over
    session[TOKEN] = token
    return redirect(target or url_for(LANDING.get(user.role, ".surveys")))


@bp.post("/sign-out")
def sign_out():
    ActionForm().validate_on_submit() or abort(400)
    if g.user is not None:
        # Signing out ends every session of the account: a cookie saved anywhere stops working.
        sessions.end_all(g.user.id, utcnow(), session=db.session())
        audit.record("signed_out", f"staff:{g.user.id}", staff_id=g.user.id, session=db.session())
        db.commit()
    session.clear()
    return redirect(url_for("respond.home"))


@bp.get("/")
@role_required(Role.OFFICER)
def surveys():
    return render_template(
        "manage/surveys.html",
        rows=survey_rows(session=db.session()),
        form=ActionForm(),
        user=g.user,
    )


@bp.post("/surveys/<slug>/<any(open, close):action>")
@role_required(Role.OFFICER)
def change_state(slug: str, action: str):
    if not ActionForm().validate_on_submit():
        abort(400)
    survey = db.session().exec(select(Survey).where(Survey.slug == slug)).first() or abort(404)
    try:
        survey.open() if action == "open" else survey.close()
    except StateError as error:
        flash(str(error), "error")
        return redirect(url_for(".surveys"))
    db.commit()
    flash(
        _("The survey is now open.") if survey.is_open else _("The survey is now closed."), "status"
    )
    return redirect(url_for(".surveys"))


@bp.get("/surveys/<slug>/responses.csv")
@role_required(Role.OFFICER)
def download(slug: str):
    buffer = io.StringIO()
    try:
        export_csv(slug, buffer, session=db.session())
    except ExportError:
        abort(404)
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{slug}-responses.csv"'},
    )


@bp.get("/translations")
@role_required(Role.OFFICER)
def translations():
    rows = {language: catalogues.coverage(language) for language in catalogues.languages()}
    return render_template("manage/translations.html", rows=rows)
