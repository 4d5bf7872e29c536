"""The WSGI entry point (gunicorn wsgi:app); refuses to serve an unmigrated database."""

from app import create_app
from app.analysis.text import load_now

app = create_app(require_schema=True)
load_now()  # the comment readers, before the first send rather than during it
