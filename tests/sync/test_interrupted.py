"""An import killed part-way (SIGKILL, in a real `flask sync import` process) stores nothing,
and running it again completes.

The process is stopped at a known point by HEARD_TEST_IMPORT_PAUSE_AFTER (test-only: see
app/sync/importer.py), which makes it print a line and wait after N responses; the test
then kills it while its transaction is open.
"""

import os
import subprocess
import sys
from pathlib import Path

from tests.sync.helpers import answer_at, export, make_event, stored

ROOT = Path(__file__).resolve().parents[2]


def _import_process(database_url: str, path: Path, pause_after: int | None):
    env = {**os.environ, "SECRET_KEY": "test", "DATABASE_URL": database_url}
    env.pop("HEARD_SYNC_KEY", None)
    if pause_after:
        env["HEARD_TEST_IMPORT_PAUSE_AFTER"] = str(pause_after)
    command = [sys.executable, "-m", "flask", "--app", "app", "sync", "import", str(path)]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_an_import_killed_part_way_stores_nothing_and_a_retry_completes(
    app, database_url, laptop, tmp_path
):
    event = make_event(laptop)
    answer_at(laptop, event, 8)
    path = tmp_path / "bundle.json"
    path.write_bytes(export(laptop, event))
    before = stored(app)
    app.extensions["engine"].dispose()  # the subprocess needs the database to itself

    process = _import_process(database_url, path, pause_after=5)
    try:
        seen = []
        for line in process.stderr:
            seen.append(line)
            if line.startswith("paused after 5 responses"):
                break
        assert seen and seen[-1].startswith("paused after 5"), "".join(seen)
        process.kill()  # SIGKILL: no handler, no cleanup, the transaction left open
    finally:
        process.kill()
        process.wait(timeout=60)
        process.stdout.close()
        process.stderr.close()
    assert stored(app) == before

    process = _import_process(database_url, path, pause_after=None)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert out.splitlines()[-1] == "Imported: 8 new, 0 already there, 0 conflicts, 0 quarantined."
    after = stored(app)
    assert after["responses"] == 8
    assert after["answers"] == stored(laptop)["answers"]
