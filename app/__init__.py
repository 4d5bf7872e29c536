"""Heard: co-production and feedback surveys for local-area SEND partnerships."""

from typing import TYPE_CHECKING

# Nothing is imported at the top: `import app.analysis.kpi_status` (a benchmark, a notebook,
# a unit test) must not load Flask, matplotlib and every blueprint on the way.
if TYPE_CHECKING:
    from flask import Flask


def create_app(overrides: dict | None = None, *, require_schema: bool = False) -> "Flask":
    """Build the application: config, extensions, blueprints, errors, commands."""
    from app import auth, cli, config, db, errors, i18n, kiosk_mode, logs, pages, signing
    from app.extensions import csrf
    from app.respond.kept_lane import KeptPagesFirst

    app = errors.Heard(__name__, instance_path=str(config.INSTANCE))
    app.config.update(config.from_environment())
    app.config.update(overrides or {})
    config.check(app.config)
    app.session_interface = signing.CheckedOnceSessions()
    db.init_app(app)
    csrf.init_app(app)
    i18n.init_app(app)
    auth.init_app(app)
    kiosk_mode.init_app(app)
    pages.init_app(app)
    errors.init_app(app)
    logs.init_app(app)
    cli.init_app(app)
    _register_blueprints(app)
    app.wsgi_app = KeptPagesFirst(app, app.wsgi_app)
    if require_schema:
        _refuse_unmigrated(app)
    return app


def _register_blueprints(app: "Flask") -> None:
    from app.board import bp as board
    from app.events import bp as events
    from app.kiosk import bp as kiosk
    from app.manage import bp as manage
    from app.people import bp as people
    from app.publish import bp as publish
    from app.respond import bp as respond
    from app.safeguarding import bp as safeguarding

    app.register_blueprint(respond)
    app.register_blueprint(publish)
    app.register_blueprint(manage, url_prefix="/manage")
    app.register_blueprint(people, url_prefix="/manage")
    app.register_blueprint(board, url_prefix="/board")
    app.register_blueprint(safeguarding, url_prefix="/safeguarding")
    app.register_blueprint(events)  # /manage/events, /manage/sync and the sync API
    app.register_blueprint(kiosk)  # /manage/kiosk to switch it on, /kiosk/... on the tablet


def _refuse_unmigrated(app: "Flask") -> None:
    from app import db

    problem = db.schema_problem(app.extensions["engine"])
    if problem:
        raise SystemExit(problem)
