"""Requests a second under gunicorn (2 workers) and wrk, beside a minimal Flask page.

Everything runs in one go on one machine, so the ratios hold even when the machine is
slow: a minimal Flask page (the ceiling the framework and server allow), a question page
with a draft in progress, and sending a whole response, each loaded by wrk over loopback.
Sends need one fresh draft each: they are written straight into the database with session
cookies signed by the same key, so preparing thousands takes a second, not minutes.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from flask_wtf.csrf import generate_csrf
from sqlmodel import Session, select

from app.models import Draft
from benchmarks.setup import ROOT, answer_all, bench_app, table

SLUG = "co-production-group"
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "10"))
CONNECTIONS = 8
KEY = "bench-load-" + secrets.token_hex(8)
MINIMAL = ROOT / "benchmarks" / "minimal_app.py"

# wrk hands each request the next prepared (cookie, body) pair; a thread stops at its last.
SEND_SCRIPT = """
local lines, i, threads = {}, 0, 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
function init(args)
  local n = 0
  for line in io.lines(args[1]) do
    if n %% %(threads)d == id then table.insert(lines, line) end
    n = n + 1
  end
end
function request()
  i = i + 1
  if i > #lines then
    wrk.thread:stop()
    i = #lines
  end
  local cookie, body = lines[i]:match("([^\\t]+)\\t(.+)")
  return wrk.format("POST", nil, {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
"""
THREADS = 2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """gunicorn with Heard's own settings and 2 workers, serving one WSGI app."""

    def __init__(self, target: str, env: dict):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--workers", "2"]
            + ["--bind", f"127.0.0.1:{self.port}", target],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        for _ in range(200):
            try:
                urllib.request.urlopen(self.url + "/", timeout=1).read()
                return self
            except OSError:
                time.sleep(0.05)
        self.process.kill()
        raise RuntimeError(self.process.stderr.read().decode()[-2000:])

    def __exit__(self, *_exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def wrk(url: str, *extra: str, script_args: tuple = (), connections: int = CONNECTIONS) -> dict:
    """Run wrk; return requests a second and the latency percentiles it printed."""
    command = [
        "wrk",
        f"-t{min(THREADS, connections)}",
        f"-c{connections}",
        f"-d{SECONDS}s",
        "--latency",
    ]
    output = subprocess.run(
        command + list(extra) + [url, "--", *script_args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rate": rate,
        "p50": re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1),
        "p99": re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
        "total": int(re.search(r"(\d+) requests in", output).group(1)),
    }


def session_cookie(app, values: dict) -> tuple[str, str]:
    """Return a Cookie header value the served app reads as this session, and its CSRF token."""
    with app.test_request_context():
        from flask import session

        session.update(values)
        csrf = generate_csrf()
        signed = app.session_interface.get_signing_serializer(app).dumps(dict(session))
    return f"{app.config['SESSION_COOKIE_NAME']}={signed}", csrf


def prepare(app, count: int) -> tuple[str, str, Path]:
    """Return a question page's cookie and address, and a file of ready-to-send drafts."""
    client = app.test_client()
    answer_all(client, SLUG)
    engine = app.extensions["engine"]
    with Session(engine) as session:
        walked = session.exec(select(Draft)).one()
        answers, version_id = dict(walked.answers), walked.survey_version_id
        key = next(iter(answers))
        drafts = [
            Draft(token=secrets.token_urlsafe(32), survey_version_id=version_id, answers=answers)
            for _ in range(count + 1)
        ]
        session.add_all(drafts)
        session.commit()
        pairs = [(d.token, str(d.response_id)) for d in drafts]
    browsing, _csrf = session_cookie(app, {"drafts": {SLUG: pairs[0][0]}})
    lines = []
    for token, response_id in pairs[1:]:
        cookie, csrf = session_cookie(app, {"drafts": {SLUG: token}})
        lines.append(f"{cookie}\tresponse_id={response_id}&csrf_token={csrf}")
    path = Path(tempfile.mkdtemp(prefix="heard-load-")) / "sends.tsv"
    path.write_text("\n".join(lines) + "\n")
    return browsing, f"/s/{SLUG}/q/{key}", path


def measure(label: str, url: str | None, rows: list, minimal: dict) -> None:
    """Load a question page and sends on one database, against the minimal page's rate."""
    app = bench_app(url)
    app.secret_key = app.config["SECRET_KEY"] = KEY
    database = str(app.extensions["engine"].url.render_as_string(hide_password=False))
    # Enough fresh drafts that wrk never runs out at 1,000 sends a second.
    browsing, question, sends = prepare(app, count=SECONDS * 1000)
    app.extensions["engine"].dispose()
    env = {"SECRET_KEY": KEY, "DATABASE_URL": database, "HEARD_INSTANCE": str(sends.parent)}
    with Gunicorn("wsgi:app", env) as served:
        page = wrk(served.url + question, "-H", f"Cookie: {browsing}")
        script = sends.parent / "send.lua"
        script.write_text(SEND_SCRIPT % {"threads": THREADS})
        sent = wrk(served.url + f"/s/{SLUG}/send", "-s", str(script), script_args=(str(sends),))
    shutil.rmtree(sends.parent, ignore_errors=True)
    share = page["rate"] / minimal["rate"]
    rows.append(row(f"{label}: question page with a draft", page, f"{share:.0%}"))
    rows.append(row(f"{label}: send a whole response", sent, ""))


def row(name: str, result: dict, share: str) -> list:
    errors = f" ({result['errors']} not 2xx/3xx)" if result["errors"] else ""
    return [name, f"{result['rate']:.0f}", share, result["p50"], result["p99"] + errors]


def report() -> str:
    """Measure the minimal page, then Heard on SQLite (and PostgreSQL if BENCH_DATABASE_URL)."""
    if shutil.which("wrk") is None:
        return "## Load (gunicorn, 2 workers)\n\nSkipped: install wrk (apt-get install wrk)."
    with Gunicorn("benchmarks.minimal_app:app", {"SECRET_KEY": KEY}) as served:
        minimal = wrk(served.url + "/")
    rows = [row("minimal Flask page", minimal, "100%")]
    measure("SQLite", None, rows, minimal)
    if os.environ.get("BENCH_DATABASE_URL"):
        measure("PostgreSQL", os.environ["BENCH_DATABASE_URL"], rows, minimal)
    return (
        f"## Load (gunicorn, 2 sync workers; wrk, {THREADS} threads, {CONNECTIONS} connections,"
        f" {SECONDS} s each; {os.cpu_count()} cores)\n\n"
        + table(["request", "per second", "of minimal", "p50", "p99"], rows)
    )


if __name__ == "__main__":
    print(report())
