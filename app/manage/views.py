"""Staff pages: sign in and out, the survey list, open and close, CSV download."""

import io

from flask import Response, abort, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app import catalogues, db
from app.audit import record
from app.auth import authenticate, requires, start_page, user_can
from app.export import ExportError, export_csv
from app.forms import ActionForm
from app.manage import bp
from app.manage.forms import SignInForm
from app.manage.service import survey_rows
from app.models import StateError, Survey
from app.permissions import Permission


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    form = SignInForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data, session=db.session())
        if user is not None:
            session.clear()
            session["staff_id"] = user.id
            return redirect(_safe_next(request.args.get("next")))
        form.email.errors.append(_("The email address or password is not right."))
    return render_template("manage/sign_in.html", form=form)


def _safe_next(target: str | None) -> str:
    # Only paths inside this site, so a crafted link cannot send staff elsewhere.
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for(".surveys")


@bp.post("/sign-out")
def sign_out():
    ActionForm().validate_on_submit() or abort(400)
    session.clear()
    return redirect(url_for("respond.home"))


@bp.get("/")
@requires(Permission.START)
def surveys():
    # Sign-in lands here; a role without the survey list starts on its own first page.
    if not user_can(Permission.SURVEYS):
        return redirect(start_page())
    return render_template(
        "manage/surveys.html",
        rows=survey_rows(session=db.session()),
        form=ActionForm(),
        user=g.user,
    )


@bp.post("/surveys/<slug>/<any(open, close):action>")
@requires(Permission.SURVEYS)
def change_state(slug: str, action: str):
    if not ActionForm().validate_on_submit():
        abort(400)
    survey = db.session().exec(select(Survey).where(Survey.slug == slug)).first() or abort(404)
    try:
        survey.open() if action == "open" else survey.close()
    except StateError as error:
        flash(str(error), "error")
        return redirect(url_for(".surveys"))
    done = "survey_opened" if action == "open" else "survey_closed"
    record(done, f"survey:{slug}", staff_id=g.user.id, session=db.session())
    db.commit()
    flash(
        _("The survey is now open.") if survey.is_open else _("The survey is now closed."), "status"
    )
    return redirect(url_for(".surveys"))


@bp.get("/surveys/<slug>/responses.csv")
@requires(Permission.RAW_DATA)
def download(slug: str):
    buffer = io.StringIO()
    try:
        export_csv(slug, buffer, session=db.session())
    except ExportError:
        abort(404)
    record(
        "downloaded",
        f"survey:{slug}",
        staff_id=g.user.id,
        session=db.session(),
        file="responses.csv",
    )
    db.commit()
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{slug}-responses.csv"'},
    )


@bp.get("/translations")
@requires(Permission.SURVEYS)
def translations():
    rows = {language: catalogues.coverage(language) for language in catalogues.languages()}
    return render_template("manage/translations.html", rows=rows)
