"""The sync API: a laptop pushes a signed bundle; the signature is its only credential."""

import json
import socket
import threading

import pytest
import waitress

from app.sync.cli import sync_push
from tests.sync.helpers import answer_at, export, make_event, stored

API = "/api/sync/bundles"


def _post(client, data: bytes, **headers):
    return client.post(API, data=data, content_type="application/json", headers=headers)


def test_a_signed_bundle_is_imported_without_a_session_or_csrf_token(app, laptop, client):
    event = make_event(laptop)
    answer_at(laptop, event, 3)
    bundle = export(laptop, event)
    first = _post(client, bundle)
    again = _post(client, bundle)
    assert first.status_code == 200
    assert first.get_json()["report"] == (
        "Imported: 3 new, 0 already there, 0 conflicts, 0 quarantined."
    )
    assert again.get_json()["already_there"] == 3
    assert stored(app)["responses"] == 3


def test_a_tampered_bundle_is_refused_with_403_and_nothing_stored(app, laptop, client):
    event = make_event(laptop)
    answer_at(laptop, event, 2)
    data = json.loads(export(laptop, event))
    data["responses"][0]["language"] = "cy"
    reply = _post(client, json.dumps(data).encode())
    assert reply.status_code == 403
    assert "changed after it was exported" in reply.get_json()["message"]
    assert stored(app)["responses"] == 0


def test_a_bundle_of_several_megabytes_is_taken(app, laptop, client):
    event = make_event(laptop)
    answer_at(laptop, event, 2)
    padded = export(laptop, event) + b" " * (3 * 1024 * 1024)  # JSON allows trailing space
    assert _post(client, padded).status_code == 200
    assert stored(app)["responses"] == 2


def test_a_hundred_megabytes_is_refused_with_413(app, server_key, client):
    reply = _post(client, b" " * (100 * 1024 * 1024))
    assert reply.status_code == 413
    assert "Nothing was stored." in reply.get_json()["message"]


def test_other_forms_still_need_their_csrf_token(app, server_key, client, sign_in):
    sign_in()
    assert client.post("/manage/sync", data={}).status_code == 400


@pytest.fixture
def server_url(app):
    """Serve the central server's app over real HTTP, with waitress, on a free port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = waitress.create_server(app, host="127.0.0.1", port=port, threads=2)
    stopping = threading.Event()

    def serve():
        try:
            server.run()
        except (OSError, ValueError):
            # Closing the sockets under a running loop makes its select fail: that is the stop.
            if not stopping.is_set():
                raise

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    stopping.set()
    # As WebTest stops waitress: close every channel (the loop ends with an empty map).
    for channel in list(server._map.values()):
        channel.handle_close()
    server.task_dispatcher.shutdown()
    thread.join(timeout=10)


def test_flask_sync_push_delivers_once_and_prints_the_report(app, laptop, server_url):
    event = make_event(laptop)
    answer_at(laptop, event, 4)
    runner = laptop.test_cli_runner()
    first = runner.invoke(sync_push, [server_url, "--event", str(event.id)])
    again = runner.invoke(sync_push, [server_url + "/", "--event", str(event.id)])
    assert first.exit_code == 0, first.output
    assert first.output.splitlines()[-1] == (
        "Imported: 4 new, 0 already there, 0 conflicts, 0 quarantined."
    )
    assert again.output.splitlines()[-1] == (
        "Imported: 0 new, 4 already there, 0 conflicts, 0 quarantined."
    )
    assert stored(app)["responses"] == 4


def test_a_push_with_the_wrong_key_fails_and_says_why(app, laptop, server_url):
    laptop.config["SYNC_KEY"] = "not-the-servers-key"
    event = make_event(laptop)
    answer_at(laptop, event, 1)
    result = laptop.test_cli_runner().invoke(sync_push, [server_url, "--event", str(event.id)])
    assert result.exit_code == 1
    assert "signed with a different sync key" in result.output
    assert stored(app)["responses"] == 0


def test_a_push_to_nowhere_says_nothing_was_sent(laptop):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    event = make_event(laptop)
    url = f"http://127.0.0.1:{port}"
    result = laptop.test_cli_runner().invoke(sync_push, [url, "--event", str(event.id)])
    assert result.exit_code == 1
    assert "Could not reach the central server" in result.output
    assert "Nothing was sent." in result.output
