"""A respondent's question page while staff sign-in is under attack (20 failed sign-ins a second).

The issue saw 4 ms pages become 400 ms when every wrong guess cost a full scrypt check on one
of two workers. Three cases, one process, the attack in a thread beside the respondent:
no attack; 20 guesses a second from one address (throttled: most are refused before any
hash); 20 a second from a new address and a new email each time (the worst case: every
guess is hashed, against the dummy hash for unknown emails).
"""

import itertools
import logging
import os
import statistics
import threading
import time

from werkzeug.security import check_password_hash, generate_password_hash

from app.accounts.passwords import HASH_METHOD
from benchmarks.setup import bench_app, table

SLUG = "co-production-group"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))
RATE = 20  # failed sign-ins a second


def _p95(times: list[float]) -> float:
    times = sorted(times)
    return times[max(0, int(len(times) * 0.95) - 1)]


ATTACKERS = 4  # threads, so a slow hash does not hold the whole attack back


def _attack(app, stop, spread: bool, sent: list[int], counter, started: float) -> None:
    """Send wrong sign-ins on a shared schedule, RATE a second, until told to (60 s at most)."""
    client = app.test_client()
    while not stop.is_set() and time.perf_counter() - started < 60:
        n = next(counter)
        if spread:  # a botnet: each guess from its own address, at its own email
            client.environ_base["REMOTE_ADDR"] = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
            email = f"guess{n}@example.org"
        else:
            client.environ_base["REMOTE_ADDR"] = "203.0.113.9"
            email = "officer@example.org"
        client.post("/manage/sign-in", data={"email": email, "password": f"wrong {n}"})
        sent[0] += 1
        delay = started + (n + 1) / RATE - time.perf_counter()
        if delay > 0:
            stop.wait(delay)


def _measure(app, respondent, question_url: str, attack: str | None) -> list:
    stop, sent, threads = threading.Event(), [0], []
    if attack:
        schedule = (itertools.count(), time.perf_counter())
        threads = [
            threading.Thread(target=_attack, args=(app, stop, attack == "spread", sent, *schedule))
            for _ in range(ATTACKERS)
        ]
        for thread in threads:
            thread.start()
        time.sleep(0.5)  # let the attack get going
    times = []
    respondent.get(question_url)
    started = time.perf_counter()
    for _ in range(ROUNDS):
        began = time.perf_counter()
        response = respondent.get(question_url)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
        time.sleep(0.01)  # a respondent reads; the attack goes on meanwhile
    elapsed = time.perf_counter() - started
    stop.set()
    for thread in threads:
        thread.join()
    rate = f"{sent[0] / (elapsed + 0.5):.0f}" if attack else "0"
    label = {None: "no attack", "one": "one address", "spread": "a new address each time"}[attack]
    return [label, rate, len(times), f"{statistics.median(times):.2f}", f"{_p95(times):.2f}"]


def _hash_ms(method: str) -> str:
    stored = generate_password_hash("plum kettle orbit lantern", method=method)
    started = time.perf_counter()
    for _ in range(10):
        check_password_hash(stored, "a wrong guess")
    return f"{(time.perf_counter() - started) * 100:.0f}"


def report() -> str:
    """Measure the question page with and without an attack on sign-in; print the table."""
    # Every refused guess is logged; the table is what this command is for.
    logging.getLogger("app.accounts.signin").setLevel(logging.ERROR)
    app = bench_app()
    from sqlmodel import Session

    from app.accounts import people
    from app.models import Role, utcnow

    with Session(app.extensions["engine"]) as session:
        people.create(
            "officer@example.org",
            "plum kettle orbit lantern",
            Role.OFFICER,
            utcnow(),
            session=session,
        )
        session.commit()
    respondent = app.test_client()
    question_url = respondent.post(f"/s/{SLUG}").location
    rows = [_measure(app, respondent, question_url, a) for a in (None, "one", "spread")]
    app.extensions["engine"].dispose()
    hashes = table(
        ["password hash", "ms per check"],
        [
            [f"{HASH_METHOD} (Heard)", _hash_ms(HASH_METHOD)],
            ["scrypt:32768:8:1 (werkzeug default)", _hash_ms("scrypt:32768:8:1")],
        ],
    )
    return (
        "## A question page while sign-in is under attack (test client, one process, threads)\n\n"
        + table(["failed sign-ins from", "sent a second", "pages", "median ms", "p95 ms"], rows)
        + "\n\n"
        + hashes
    )
