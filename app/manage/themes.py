"""Staff pages for the theme list: see, add, edit, try and delete themes; tag comments again."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from app import db
from app.audit import record
from app.auth import requires
from app.comments import themes as service
from app.forms import ActionForm
from app.manage import bp
from app.manage.theme_forms import ThemeForm, TryForm
from app.models import Theme
from app.permissions import Permission


def _record(action: str, subject: str, **detail) -> None:
    # Theme names and counts only: phrases may have been suggested from comments' words.
    record(action, subject, staff_id=g.user.id, session=db.session(), **detail)


@bp.route("/themes", methods=["GET", "POST"])
@requires(Permission.THEMES)
def themes():
    taken = service.theme_map(session=db.session())
    if request.method == "POST":
        form = ThemeForm(taken=taken)
    else:  # a suggestion's link fills the form in
        prefill = {"name": request.args.get("name"), "phrases": request.args.get("phrases")}
        form = ThemeForm(taken=taken, data=prefill)
    if form.validate_on_submit():
        theme = service.add_theme(form.name.data, form.phrase_list(), session=db.session())
        _record("theme_added", f"theme:{theme.id}", name=theme.name)
        db.commit()
        flash(
            _(
                "The theme “%(name)s” is added. Tag the stored comments again to use it.",
                name=theme.name,
            ),
            "status",
        )
        return redirect(url_for(".themes"))
    page = render_template(
        "manage/themes.html",
        rows=service.theme_rows(session=db.session()),
        suggestions=service.suggestions(session=db.session()),
        form=form,
    )
    return page, 400 if form.errors else 200


@bp.post("/themes/own")
@requires(Permission.THEMES)
def edit_default():
    # Heard's defaults have no rows to edit: the first edit makes the list the partnership's.
    ActionForm().validate_on_submit() or abort(400)
    rows = service.own_themes(session=db.session())
    _record("themes_owned", "themes", count=len(rows))
    db.commit()
    chosen = next((row for row in rows if row.name == request.form.get("theme")), None)
    if chosen is None:
        return redirect(url_for(".themes"))
    return redirect(url_for(".theme", theme_id=chosen.id))


@bp.route("/themes/<int:theme_id>", methods=["GET", "POST"])
@requires(Permission.THEMES)
def theme(theme_id: int):
    found = db.session().get(Theme, theme_id) or abort(404)
    others = [name for name in service.theme_map(session=db.session()) if name != found.name]
    if request.method == "POST":
        form = ThemeForm(taken=others)
    else:
        form = ThemeForm(
            taken=others, data={"name": found.name, "phrases": "\n".join(found.phrases)}
        )
    if form.validate_on_submit():
        was = found.name
        service.change_theme(found, form.name.data, form.phrase_list(), session=db.session())
        _record("theme_changed", f"theme:{found.id}", name=found.name, was=was)
        db.commit()
        flash(
            _(
                "The theme “%(name)s” is saved. Tag the stored comments again to use it.",
                name=found.name,
            ),
            "status",
        )
        return redirect(url_for(".themes"))
    trial_form = TryForm(formdata=request.args)
    comment = trial_form.comment.data if request.method == "GET" else None
    trial = service.try_comment(comment, found.phrases, session=db.session()) if comment else None
    page = render_template(
        "manage/theme.html",
        theme=found,
        form=form,
        trial_form=trial_form,
        trial=trial,
    )
    return page, 400 if form.errors else 200


@bp.post("/themes/<int:theme_id>/delete")
@requires(Permission.THEMES)
def delete_theme(theme_id: int):
    ActionForm().validate_on_submit() or abort(400)
    found = db.session().get(Theme, theme_id) or abort(404)
    name = found.name
    if not service.remove_theme(found, session=db.session()):
        flash(_("Keep at least one theme: with none, Heard would use its own defaults."), "error")
        return redirect(url_for(".theme", theme_id=theme_id))
    _record("theme_deleted", f"theme:{theme_id}", name=name)
    db.commit()
    flash(
        _("The theme “%(name)s” is deleted. Tag the stored comments again to drop it.", name=name),
        "status",
    )
    return redirect(url_for(".themes"))


@bp.post("/themes/retag")
@requires(Permission.THEMES)
def retag_comments():
    ActionForm().validate_on_submit() or abort(400)
    changed = service.retag(session=db.session())
    _record("comments_retagged", "comments", changed=changed)
    db.commit()
    flash(
        ngettext(
            "The stored comments are tagged again: %(num)d comment has new themes.",
            "The stored comments are tagged again: %(num)d comments have new themes.",
            changed,
        ),
        "status",
    )
    return redirect(url_for(".themes"))
