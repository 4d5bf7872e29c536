"""Facilitator mode: the laptop serves the event's surveys and every response joins the event."""

import ast
import ipaddress
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sqlmodel import Session, select

from app.events.network import lan_address, phone_address
from app.models import Response
from tests.journey import SHORTEST, answer_through, start
from tests.pages import page, submit
from tests.samples import ALL_TYPES
from tests.sync.helpers import SLUG, make_event

ROOT = Path(__file__).resolve().parents[2]


def _titles(client) -> list[str]:
    return [a.get_text() for a in page(client.get("/")).select(".survey-list a")]


def test_while_facilitating_the_home_page_offers_only_the_events_surveys(app, client):
    everything = _titles(client)
    event = make_event(app, slugs=(SLUG,))
    app.config["FACILITATE_EVENT_ID"] = event.id
    assert _titles(client) == ["Your post-14 annual review"]
    assert len(everything) > 1


def _send_one(client, slug: str) -> None:
    url = answer_through(client, start(client, slug), SHORTEST)
    assert submit(client, url).status_code == 302


def _stored(app) -> list[tuple]:
    with Session(app.extensions["engine"]) as session:
        return [(r.mode, r.event_id) for r in session.exec(select(Response))]


def test_a_phone_answering_through_the_laptop_belongs_to_the_event(app, client, make_survey):
    slug = make_survey(ALL_TYPES)
    event = make_event(app, slugs=(slug,))
    app.config["FACILITATE_EVENT_ID"] = event.id
    _send_one(client, slug)
    assert _stored(app) == [("phone", event.id)]


def test_online_a_response_belongs_to_no_event(app, client, make_survey):
    slug = make_survey(ALL_TYPES)
    _send_one(client, slug)
    assert _stored(app) == [("online", None)]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str, seconds: float = 90) -> str:
    """Fetch a page, waiting while the server starts."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as reply:
                return reply.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def test_flask_facilitate_serves_the_event_with_waitress(laptop):
    event = make_event(laptop, slugs=(SLUG,))
    url = laptop.config["DATABASE_URL"]
    laptop.extensions["engine"].dispose()
    port = _free_port()
    env = {**os.environ, "SECRET_KEY": "laptop", "DATABASE_URL": url}
    command = [sys.executable, "-m", "flask", "--app", "app", "facilitate"]
    args = ["--event", str(event.id), "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(
        command + args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        home = _fetch(f"http://127.0.0.1:{port}/")
    finally:
        # terminate() is TerminateProcess on Windows and SIGTERM elsewhere: both stop waitress.
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert "Your post-14 annual review" in home
    assert "Our young people" not in home
    assert f"Phones on this laptop's network open: http://127.0.0.1:{port}" in output
    assert f"http://127.0.0.1:{port}/manage/events/{event.id}" in output


def test_facilitate_refuses_an_event_that_does_not_exist(laptop):
    from app.events.cli import facilitate

    result = laptop.test_cli_runner().invoke(facilitate, ["--event", "99"])
    assert result.exit_code != 0
    assert "There is no event 99" in result.output


def test_facilitate_explains_a_port_that_is_taken(laptop):
    from app.events.cli import facilitate

    event = make_event(laptop)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        args = ["--event", str(event.id), "--host", "127.0.0.1", "--port", port]
        result = laptop.test_cli_runner().invoke(facilitate, args)
    assert result.exit_code != 0
    assert "Choose another with --port." in result.output


def test_the_lan_address_is_an_ip_address_and_a_named_host_is_kept():
    assert ipaddress.ip_address(lan_address())
    assert phone_address("192.168.1.20", 8080) == "192.168.1.20:8080"
    assert phone_address("192.168.1.20", 80) == "192.168.1.20"


# Calls and modules that exist only on POSIX systems: a Windows laptop would fail on them.
POSIX_MODULES = {"fcntl", "grp", "posix", "pty", "pwd", "resource", "syslog", "termios", "tty"}
POSIX_CALLS = {
    ("os", name)
    for name in (
        "fork",
        "forkpty",
        "setsid",
        "setpgrp",
        "killpg",
        "getuid",
        "geteuid",
        "getgid",
        "getpgid",
        "chown",
        "mkfifo",
        "nice",
        "sync",
    )
} | {("signal", name) for name in ("SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "alarm", "pause")}
FACILITATE_PATH = [
    "app/events/cli.py",
    "app/events/network.py",
    "app/events/qr.py",
    "app/facilitation.py",
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app/sync").glob("*.py")),
]


def posix_only(path: Path) -> list[str]:
    """Return the POSIX-only modules and calls a module uses."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in POSIX_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "") in POSIX_MODULES:
            found.append(node.module)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (node.value.id, node.attr) in POSIX_CALLS
        ):
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_nothing_on_the_laptops_path_needs_a_posix_only_call():
    assert {path: posix_only(ROOT / path) for path in FACILITATE_PATH} == {
        path: [] for path in FACILITATE_PATH
    }


def test_the_posix_check_would_catch_a_fork_and_fcntl(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("import os, fcntl\nos.fork()\n")
    assert posix_only(module) == ["fcntl", "os.fork"]
