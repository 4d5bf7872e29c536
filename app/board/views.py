"""Board pages: dashboard, one KPI and its chart, comparison across audiences, tallies, pack."""

from flask import Response, abort, current_app, g, render_template, request

from app import db
from app.auth import requires, user_can
from app.board import bp, chart_cache, commentary, filters
from app.board.charting import axis_span, chart_spec
from app.board.queries import survey_title
from app.board.service import across_audiences, by_area, status_counts
from app.board.tallies import any_small, as_shown, survey_tallies
from app.kpis.readings import KpiView, hide_small, kpi_views, one_view
from app.permissions import Permission
from app.words import AUDIENCE_NAMES


def _threshold() -> int:
    return current_app.config["SUPPRESSION_THRESHOLD"]


def _as_shown(view: KpiView) -> KpiView:
    # Only a role with exact counts sees a reading that rests on a few people.
    if user_can(Permission.EXACT_COUNTS):
        return view
    return hide_small(view, _threshold(), filters.vocabulary())


def readings(form, on) -> list[KpiView]:
    """Return the KPI readings the filters ask for, on a date, as this reader may see them."""
    views = kpi_views(
        session=db.session(),
        on=on,
        period_kind=filters.period_kind(),
        vocabulary=filters.vocabulary(),
        area=form.area.data or None,
        audience=form.audience.data or None,
    )
    return [_as_shown(view) for view in views]


def reading_of(kpi_id: int, on) -> KpiView:
    """Return one KPI's reading on a date, as this reader may see it, or a 404."""
    view = one_view(
        kpi_id,
        session=db.session(),
        on=on,
        period_kind=filters.period_kind(),
        vocabulary=filters.vocabulary(),
    )
    return _as_shown(view or abort(404))


def shown_tallies(survey_ids: list[int] | None, by: str) -> tuple[list, bool]:
    """Return the tallies this reader may see, and whether they hold exact small numbers."""
    session, kind = db.session(), filters.period_kind()
    found = survey_tallies(survey_ids, by=by, period_kind=kind, session=session)
    exact, threshold = user_can(Permission.EXACT_COUNTS), _threshold()
    return as_shown(found, exact=exact, threshold=threshold), exact and any_small(found, threshold)


def _page(template: str, form, views: list[KpiView], **context):
    # Readings hidden from the board hold no small numbers; an officer's exact ones may.
    small = any(view.holds_small(_threshold()) for view in views)
    context |= dict(vocabulary=filters.vocabulary(), audiences=AUDIENCE_NAMES, user=g.user)
    context |= dict(small=small, threshold=_threshold())
    page = render_template(template, form=form, filters=filters.in_use(form), **context)
    return page, 400 if form.errors else 200


def _filtered():
    return filters.filter_form(request.args, session=db.session())


def _notes(views: list[KpiView], on) -> dict[int, commentary.Note]:
    ids = [view.row.kpi.id for view in views]
    period, kind = filters.reading_period(on), filters.period_kind()
    return commentary.latest_notes(ids, period, kind, session=db.session())


def _by_area(template: str):
    form, on = _filtered()
    views = readings(form, on)
    return _page(
        template,
        form,
        views,
        groups=by_area(views),
        on=on,
        period=filters.reading_period(on),
        notes=_notes(views, on),
        counts=status_counts(views),
        total=len(views),
    )


@bp.get("/")
@requires(Permission.AGGREGATES)
def dashboard():
    return _by_area("board/dashboard.html")


@bp.get("/compare")
@requires(Permission.AGGREGATES)
def compare():
    form, on = _filtered()
    views = readings(form, on)
    return _page("board/compare.html", form, views, rows=across_audiences(views), on=on)


@bp.get("/pack")
@requires(Permission.AGGREGATES)
def pack():
    return _by_area("board/pack.html")


@bp.get("/kpis/<int:kpi_id>")
@requires(Permission.AGGREGATES)
def kpi(kpi_id: int):
    form, on = _filtered()
    view = reading_of(kpi_id, on)
    period, kind = filters.reading_period(on), filters.period_kind()
    notes = commentary.notes_of(kpi_id, period, kind, session=db.session())
    title = survey_title(view.row.kpi.survey_id, session=db.session())
    context = dict(view=view, on=on, period=period, notes=notes, survey_title=title)
    return _page("board/kpi.html", form, [view], **context)


@bp.get("/kpis/<int:kpi_id>/chart.svg")
@requires(Permission.AGGREGATES)
def chart(kpi_id: int):
    # The chart needs only the date: building the filter form would cost more than the rest.
    on = filters.date_asked(request.args)
    view = reading_of(kpi_id, on)
    span = axis_span(view.row.kpi, on, session=db.session())
    spec = chart_spec(view, span, filters.vocabulary())
    return Response(chart_cache.chart(spec), mimetype="image/svg+xml")


@bp.get("/tallies")
@requires(Permission.AGGREGATES)
def tallies():
    form, surveys = filters.tallies_form(request.args, session=db.session())
    found, small = None, False
    if request.args and not form.errors:
        ids = [surveys[form.survey.data]] if form.survey.data else None
        found, small = shown_tallies(ids, form.by.data)
    exact = user_can(Permission.EXACT_COUNTS)
    page = render_template(
        "board/tallies.html",
        form=form,
        found=found,
        small=small,
        exact=exact,
        threshold=_threshold(),
    )
    return page, 400 if form.errors else 200
