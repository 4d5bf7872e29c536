"""Gunicorn's settings for Heard: `make run`, and `gunicorn wsgi:app` run from this folder.

Every request is logged to standard output, without the client's address; no log line
gunicorn writes holds one, and responses carry no Server header. Options given on the
command line (--bind, --workers) still win over these.
"""

accesslog = "-"
# Apache's common log format without its first field, the client's address (%(h)s).
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s'
logger_class = "app.serving.Logger"
# The board pack as a PDF takes several seconds to draw (longer on a busy machine, and the
# first one after a restart loads its fonts): gunicorn's 30 s default is too close.
timeout = 60


def on_starting(_server) -> None:
    """Before any worker starts: workers inherit a gunicorn that sends no Server header."""
    from app.serving import drop_server_header

    drop_server_header()
