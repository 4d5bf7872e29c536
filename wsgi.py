"""The WSGI entry point (gunicorn wsgi:app); refuses to serve an unmigrated database."""

from app import create_app

app = create_app(require_schema=True)
