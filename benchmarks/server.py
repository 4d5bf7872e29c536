"""Server time under the test client: question page, answer, send; sends per second."""

import os
import statistics
import threading
import time

from benchmarks.setup import answer_all, bench_app, response_id_of, table

SLUG = "co-production-group"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))


def timed(action, rounds: int) -> list[float]:
    """Run an action repeatedly; return each run's milliseconds."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def summary(name: str, times: list[float]) -> list:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return [name, len(times), f"{statistics.median(times):.2f}", f"{p95:.2f}"]


def ready_to_send(client) -> str:
    """Start a draft and answer every question; return the response id to send."""
    _url, check = answer_all(client, SLUG)
    return response_id_of(check)


def measure(label: str, url: str | None) -> list[list]:
    """Time the respondent's requests on one database."""
    app = bench_app(url)
    client = app.test_client()
    question_url = client.post(f"/s/{SLUG}").location
    rows = [
        summary(f"{label}: question page (GET)", timed(lambda: client.get(question_url), ROUNDS)),
        summary(
            f"{label}: answer (POST)",
            timed(lambda: client.post(question_url, data={"answer": "4"}), ROUNDS),
        ),
    ]
    send_times = []
    for _ in range(ROUNDS // 2):
        sender = app.test_client()
        response_id = ready_to_send(sender)
        send_times += timed(
            lambda s=sender, r=response_id: s.post(f"/s/{SLUG}/send", data={"response_id": r}), 1
        )
    rows.append(summary(f"{label}: send (POST)", send_times))
    rows.append([f"{label}: sends per second, 2 threads", "", f"{throughput(app):.0f}", ""])
    app.extensions["engine"].dispose()
    return rows


def throughput(app, per_thread: int = 40) -> float:
    """Send whole responses from two threads at once; return sends per second."""
    prepared = [
        [(c, ready_to_send(c)) for c in (app.test_client() for _ in range(per_thread))]
        for _ in range(2)
    ]

    def run(batch):
        for sender, response_id in batch:
            sender.post(f"/s/{SLUG}/send", data={"response_id": response_id})

    threads = [threading.Thread(target=run, args=(batch,)) for batch in prepared]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return 2 * per_thread / (time.perf_counter() - started)


def report(_args) -> str:
    """Measure on SQLite, and on PostgreSQL when BENCH_DATABASE_URL names an empty database."""
    rows = measure("SQLite", None)
    if os.environ.get("BENCH_DATABASE_URL"):
        rows += measure("PostgreSQL", os.environ["BENCH_DATABASE_URL"])
    return "## Server time (Flask test client, one process)\n\n" + table(
        ["request", "runs", "median ms", "p95 ms"], rows
    )
