"""The audit log for admins: read it a page at a time, filter it, download it as CSV."""

import csv
import io
import json

from flask import Response, g, render_template, request

from app import audit, db
from app.auth import requires
from app.export import neutralise
from app.manage import bp
from app.manage.audit_forms import AuditFilterForm
from app.permissions import Permission

CSV_HEADER = ["at_utc", "staff", "action", "subject", "detail"]


def _filters() -> tuple[AuditFilterForm, audit.AuditFilter | None]:
    """Read the filters from the query string; the filter is None when they are wrong."""
    session = db.session()
    form = AuditFilterForm(formdata=request.args)
    form.fill(audit.staff_choices(session=session), audit.recorded_actions(session=session))
    if not request.args:
        return form, audit.AuditFilter()
    return form, (form.chosen() if form.validate() else None)


def _page_number(last: int) -> int:
    # Past the end shows the last page; anything that is not a number shows the first.
    return min(max(request.args.get("page", type=int) or 1, 1), last)


@bp.get("/audit")
@requires(Permission.AUDIT)
def audit_log():
    form, chosen = _filters()
    context = {"form": form, "rows": [], "total": 0, "number": 1, "last": 1}
    if chosen is None:
        return render_template("manage/audit.html", **context), 400
    session = db.session()
    total = audit.count_events(chosen, session=session)
    last = audit.pages_of(total)
    number = _page_number(last)
    context |= {
        "rows": audit.events_page(chosen, number, session=session),
        "total": total,
        "number": number,
        "last": last,
        # The filters in use, carried into the page links and the download.
        "filters": {k: v for k, v in request.args.items() if k != "page" and v},
        "actions": audit.ACTIONS,
        "described": audit.described,
    }
    return render_template("manage/audit.html", **context)


@bp.get("/audit.csv")
@requires(Permission.AUDIT)
def audit_csv():
    form, chosen = _filters()
    if chosen is None:
        errors = [message for field in form for message in field.errors]
        return Response("\n".join(map(str, errors)) + "\n", status=400, mimetype="text/plain")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for event, email in audit.all_events(chosen, session=db.session()):
        detail = json.dumps(event.detail, sort_keys=True, ensure_ascii=False)
        cells = [event.at.isoformat(), email or "", event.action, event.subject, detail]
        writer.writerow([neutralise(cell) for cell in cells])
    # Who took a copy of the trail is itself on the trail.
    audit.record("downloaded", "audit", staff_id=g.user.id, session=db.session(), file="audit.csv")
    db.commit()
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="audit-log.csv"'},
    )
