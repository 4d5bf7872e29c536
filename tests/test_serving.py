"""The served app (`make run`: gunicorn with gunicorn.conf.py) logs no one's IP address."""

import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from app import create_app
from app.logs import NoAddresses, without_addresses

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, server: subprocess.Popen) -> None:
    """Wait until the server takes connections (or fail if it stopped)."""
    for _ in range(300):
        assert server.poll() is None, "the server stopped"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not start")


def send_raw(port: int, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(data)
        return connection.recv(4096)


@pytest.fixture
def gunicorn(sqlite_template, tmp_path):
    """Start gunicorn as `make run` does, on a copy of the migrated database; return its port."""
    database = tmp_path / "heard.db"
    shutil.copy(sqlite_template, database)
    port, log = free_port(), tmp_path / "gunicorn.log"
    env = os.environ | {
        "SECRET_KEY": "x",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYTHONPATH": str(ROOT),  # this checkout's app, whatever the venv has installed
        "XDG_RUNTIME_DIR": str(tmp_path),  # gunicorn's control socket: one per test
    }
    command = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "wsgi:app"]
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        wait_for(port, server)
        yield port, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_gunicorn_logs_each_request_without_the_clients_address(gunicorn):
    port, log = gunicorn
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/s/post-14-review") as response:
        assert response.status == 200
        assert response.headers["Server"] is None  # no name and version for an attacker
    # A malformed request: gunicorn warns "Invalid request from ip=..." about it.
    assert send_raw(port, b"NOT HTTP\r\n\r\n").startswith(b"HTTP/1.1 400")
    for _ in range(100):  # the log is written by another process
        lines = log.read_text().splitlines()
        if any("Invalid request" in line for line in lines):
            break
        time.sleep(0.1)
    assert any('"GET /s/post-14-review HTTP/1.1" 200' in line for line in lines), lines
    assert any("Invalid request from ip=-" in line for line in lines), lines
    named = [line for line in lines if "127.0.0.1" in line]
    # Only gunicorn's start-up line names an address: its own.
    assert len(named) == 1 and "Listening at: http://127.0.0.1:" in named[0], lines


def test_the_development_server_logs_requests_without_the_address(sqlite_template, caplog):
    # `flask run` uses werkzeug's server: its request log loses the address too.
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{sqlite_template}"})
    server = make_server("127.0.0.1", free_port(), app)
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            urllib.request.urlopen(f"http://127.0.0.1:{server.port}/privacy").close()
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
        app.extensions["engine"].dispose()
    lines = [record.getMessage() for record in caplog.records if record.name == "werkzeug"]
    assert any('"GET /privacy HTTP/1.1" 200' in line for line in lines), lines
    assert not any("127.0.0.1" in line for line in lines), lines


@pytest.mark.parametrize(
    ("line", "logged"),
    [
        ("Invalid request from ip=203.0.113.7: bad", "Invalid request from ip=-: bad"),
        ("from [2001:db8::8a2e:370:7334]:443", "from [-]:443"),
        ("peer ::1 went away", "peer - went away"),
        ("peer 2001:db8:85a3:0:0:8a2e:370:7334 x", "peer - x"),
        ("mapped ::ffff:198.51.100.2", "mapped --"),
        # Times, versions and decimals are not addresses.
        ('[10/Nov/2026:12:30:45 +0000] "GET /?v=1.2 HTTP/1.1"', None),
        ("Booting worker with pid: 4242 (gunicorn 23.0.0)", None),
    ],
)
def test_addresses_are_blanked_and_nothing_else(line, logged):
    assert without_addresses(line) == (logged or line)


def test_the_filter_keeps_the_servers_own_address_line():
    only = NoAddresses(keep=("Listening at: %s (%s)",))
    own = logging.LogRecord(
        "g", logging.INFO, "", 0, "Listening at: %s (%s)", ("http://10.1.1.1:80", 7), None
    )
    theirs = logging.LogRecord("g", logging.WARNING, "", 0, "from %s", ("10.1.1.2",), None)
    assert only.filter(own) and only.filter(theirs)
    assert own.getMessage() == "Listening at: http://10.1.1.1:80 (7)"
    assert theirs.getMessage() == "from -"


def test_the_served_app_loads_the_comment_readers_before_the_first_send(sqlite_template):
    # Otherwise the first person to send after a restart waits while NLTK loads.
    check = "import sys, wsgi; print('textblob.en.sentiments' in sys.modules)"
    env = os.environ | {"SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{sqlite_template}"}
    env["PYTHONPATH"] = str(ROOT)
    loaded = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert loaded.stdout.strip() == "True", loaded.stderr[-2000:]
