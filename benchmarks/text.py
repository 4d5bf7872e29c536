"""Comment reading against the labelled comments: sentiment accuracy and macro-F1 beside plain
TextBlob, safeguarding recall and false flags, and comments read per second.

The dev and holdout parts are reported apart: the rules were written from dev, so only the
holdout says how they do on comments nobody tuned them on.
"""

import csv
import os
import statistics
import sys
import time
from pathlib import Path

from app.analysis.text import read_comment
from app.analysis.text.safeguarding import risks, worded_risks
from app.analysis.text.sentiment import sentiment
from benchmarks.setup import ROOT, table

DATA = Path(os.environ.get("HEARD_COMMENTS_DATA", ROOT / "tests" / "data" / "comments"))
PARTS = ("dev", "holdout")
AUDIENCES = ("young_people", "parent_carers", "sencos")
THREE = ("positive", "negative", "neutral")
FOUR = (*THREE, "mixed")
RUNS = 5
GOAL = 2_000  # comments a second on a 2-core machine: a year's backlog re-read in seconds


def report(_args) -> str:
    """Score both analysers on each part of the labelled comments, and time read_comment."""
    files = [DATA / "sentiment.csv", DATA / "safeguarding.csv"]
    if not all(path.exists() for path in files):
        return f"## Comment reading\n\nNo labelled comments in {DATA}: set HEARD_COMMENTS_DATA."
    feelings, harms = (load(path) for path in files)
    guessed = [(row, textblob_label(row["text"]), sentiment(row["text"]).label) for row in feelings]
    return "\n\n".join(
        [
            "## Comment reading (labelled comments)",
            sentiment_table(guessed, by_audience=False),
            sentiment_table(guessed, by_audience=True),
            safeguarding_table(harms, feelings),
            speed_table([row["text"] for row in feelings + harms]),
            long_table(),
        ]
    )


def load(path: Path) -> list[dict[str, str]]:
    """Read a labelled file."""
    with path.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def textblob_label(text: str) -> str:
    """Label a comment as plain TextBlob would: polarity beyond ±0.1, else neutral."""
    from textblob import TextBlob

    polarity = TextBlob(text).sentiment.polarity
    return "positive" if polarity > 0.1 else "negative" if polarity < -0.1 else "neutral"


def scores(pairs: list[tuple[str, str]], labels: tuple[str, ...]) -> tuple[float, float]:
    """Return the accuracy and macro-F1 of (truth, guess) pairs over the given labels."""
    accuracy = sum(truth == guess for truth, guess in pairs) / len(pairs)
    f1 = []
    for label in labels:
        hits = sum(truth == guess == label for truth, guess in pairs)
        said = sum(guess == label for _, guess in pairs) + sum(t == label for t, _ in pairs)
        f1.append(2 * hits / said if said else 0.0)
    return accuracy, sum(f1) / len(f1)


def sentiment_table(guessed, *, by_audience: bool) -> str:
    """Tabulate 3-class (mixed rows left out) and 4-class scores per part, and per audience."""
    rows = []
    for part in PARTS:
        for audience in AUDIENCES if by_audience else ("all",):
            mine = [
                g for g in guessed if g[0]["part"] == part and audience in ("all", g[0]["audience"])
            ]
            if not mine:
                rows.append([part, audience, "no rows", "", "", "", "", "", ""])
                continue
            for name, index in (("TextBlob", 1), ("Heard", 2)):
                four = [(g[0]["label"], g[index]) for g in mine]
                three = [pair for pair in four if pair[0] != "mixed"]
                rows.append(
                    [part, audience, name, len(three), *_f(scores(three, THREE)), len(four)]
                    + _f(scores(four, FOUR))
                )
    title = "### Sentiment per audience" if by_audience else "### Sentiment"
    headers = ["part", "audience", "analyser", "n (3)", "accuracy (3)", "macro-F1 (3)", "n (4)"]
    return f"{title}\n\n" + table([*headers, "accuracy (4)", "macro-F1 (4)"], rows)


def safeguarding_table(harms: list[dict[str, str]], feelings: list[dict[str, str]]) -> str:
    """Tabulate recall on risk rows and the false-flag rate on safe rows, per part: the worded
    rules alone, and with the learned net under them. Everyday comments (the sentiment set,
    none of them a risk) show how often an ordinary comment would reach the queue."""
    sets = [(part, [r for r in harms if r["part"] == part]) for part in PARTS]
    sets += [(f"everyday {part}", [{**r, "risk": "no"} for r in feelings if r["part"] == part])
             for part in PARTS]  # fmt: skip
    rows = []
    for name, mine in sets:
        ruled = [(row, worded_risks(row["text"]), risks(row["text"])) for row in mine]
        at_risk = [r for r in ruled if r[0]["risk"] == "yes"]
        safe = [r for r in ruled if r[0]["risk"] == "no"]
        caught = [(row, found) for row, _, found in at_risk if found]
        named = sum(found[0].category == row["category"] for row, found in caught)
        rows.append(
            [name, len(at_risk) or "–"]
            + [_rate(sum(bool(r[i]) for r in at_risk), len(at_risk)) for i in (1, 2)]
            + [len(safe)]
            + [_rate(sum(bool(r[i]) for r in safe), len(safe)) for i in (1, 2)]
            + [f"{named} of {len(caught)}" if caught else "–"]
        )
    headers = ["part", "risk rows", "recall, rules", "recall, with net", "safe rows"]
    headers += ["false flags, rules", "false flags, with net", "category right"]
    trained = _train_summary()
    return (
        "### Safeguarding\n\n"
        + table(headers, rows)
        + "\n\nThe net is trained on the dev rows (safeguarding and everyday), so its dev figures"
        + f" are in-sample. Out of fold on dev: {trained}. The holdout rows are unseen."
    )


def _rate(hits: int, total: int) -> str:
    return f"{hits / total:.3f}" if total else "–"


def _train_summary() -> str:
    """Return the trainer's cross-validated figures (it retrains on each fold: a few seconds)."""
    sys.path.insert(0, str(ROOT / "tools"))
    from train_risk_model import build

    return build()[1]


def speed_table(texts: list[str]) -> str:
    """Time read_comment over every comment; report the median of several runs.

    Wall-clock and CPU time both: on a shared machine other work slows the clock, not the CPU.
    """
    read_comment("warm up")  # TextBlob's lexicon loads on first use
    wall, cpu = [], []
    for _ in range(RUNS):
        started, used = time.perf_counter(), time.process_time()
        for text in texts:
            read_comment(text)
        wall.append(len(texts) / (time.perf_counter() - started))
        cpu.append(len(texts) / (time.process_time() - used))
    rows = [
        [len(texts), RUNS, f"{statistics.median(wall):,.0f}", f"{min(wall):,.0f}"]
        + [f"{statistics.median(cpu):,.0f}", f"{GOAL:,}"]
    ]
    headers = ["comments", "runs", "median comments/s", "slowest run", "per CPU second", "goal"]
    return "### Speed of read_comment (one process)\n\n" + table(headers, rows)


# Comments at the length limit, including shapes that make careless patterns backtrack.
LONG = {
    "a long ordinary comment": (
        "Sarah the caseworker was kind but we are still waiting for the taxi. " * 150
    )[:10_000],
    "one 10,000-letter word": "a" * 10_000,
    "x@ repeated": "x@" * 5_000,
    "numbers and spaces": "1 " * 5_000,
    "emoji": "😊" * 5_000,
}


def long_table() -> str:
    """Time read_comment on 10,000-character comments: the slowest a respondent can send."""
    rows = []
    for name, text in LONG.items():
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            read_comment(text)
            times.append((time.perf_counter() - started) * 1000)
        rows.append([name, f"{statistics.median(times):.1f}", f"{max(times):.1f}"])
    return "### 10,000-character comments\n\n" + table(["comment", "median ms", "slowest ms"], rows)


def _f(pair: tuple[float, float]) -> list[str]:
    """Format an (accuracy, macro-F1) pair."""
    return [f"{value:.3f}" for value in pair]
