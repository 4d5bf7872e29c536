"""Event pages: the list, a new event, the facilitator page with its QR code and live count."""

from flask import (
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext

from app import db
from app.auth import requires
from app.clock import today
from app.events import bp
from app.events.forms import EventForm
from app.events.qr import qr_svg
from app.events.service import create_event, event_rows, offered, open_surveys, response_count
from app.models import Event, utcnow
from app.permissions import Permission
from app.sync import bundle as bundles
from app.sync.export import event_part, event_responses
from app.sync.keys import NoKeyError, signing_key


@bp.get("/manage/events")
@requires(Permission.EVENTS)
def events():
    return render_template("events/events.html", rows=event_rows(session=db.session()))


@bp.route("/manage/events/new", methods=["GET", "POST"])
@requires(Permission.EVENTS)
def new_event():
    session = db.session()
    form = EventForm(held_on=today())
    form.surveys.choices = open_surveys(session=session)
    if form.validate_on_submit():
        event = create_event(
            form.name.data,
            form.held_on.data,
            form.surveys.data,
            group=form.group_name.data or "",
            facilitator=form.facilitator.data or "",
            session=session,
        )
        db.commit()
        return redirect(url_for(".event", event_id=event.id))
    page = render_template("events/new.html", form=form)
    return page, 400 if form.errors else 200


def _join_base() -> str:
    """Return the address phones open: the laptop's LAN address in facilitator mode."""
    return current_app.config.get("FACILITATE_JOIN_URL") or request.host_url.rstrip("/")


def _count_text(count: int) -> str:
    return ngettext("%(num)d response so far", "%(num)d responses so far", count)


@bp.get("/manage/events/<int:event_id>")
@requires(Permission.EVENTS)
def event(event_id: int):
    session = db.session()
    found = session.get(Event, event_id) or abort(404)
    surveys = offered(found, session=session)
    chosen = request.args.get("survey") or (surveys[0][0] if surveys else None)
    titles = dict(surveys)
    if chosen is not None and chosen not in titles:
        abort(404)
    base = _join_base()
    qr = None
    if chosen:
        url = base + url_for("respond.start", slug=chosen)
        qr = qr_svg(url, label=_("QR code that opens %(title)s", title=titles[chosen]))
    return render_template(
        "events/event.html",
        event=found,
        surveys=surveys,
        chosen=chosen,
        title=titles.get(chosen),
        qr=qr,
        address=base.partition("://")[2],
        count_text=_count_text(response_count(found.id, session=session)),
        serving=current_app.config.get("FACILITATE_EVENT_ID") == found.id,
    )


@bp.get("/manage/events/<int:event_id>/count")
@requires(Permission.EVENTS)
def event_count(event_id: int):
    session = db.session()
    found = session.get(Event, event_id) or abort(404)
    count = response_count(found.id, session=session)
    return jsonify(count=count, text=_count_text(count))


@bp.get("/manage/events/<int:event_id>/bundle.json")
@requires(Permission.RAW_DATA)
def event_bundle(event_id: int):
    session = db.session()
    found = session.get(Event, event_id) or abort(404)
    try:
        key = signing_key(session=session)
    except NoKeyError:
        flash(
            _(
                "Set HEARD_SYNC_KEY on this laptop to the key the central server gives, "
                "then download the bundle again."
            ),
            "error",
        )
        return redirect(url_for(".event", event_id=found.id))
    made = bundles.build(
        event_part(found), event_responses(found, session=session), key=key, created_at=utcnow()
    )
    name = f"heard-event-{found.id}-{found.held_on.isoformat()}.json"
    return Response(
        bundles.dumps(made),
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
