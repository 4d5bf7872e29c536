#!/usr/bin/env python3
"""Train the safeguarding net's word weights (app/analysis/text/risk_model.json).

    python tools/train_risk_model.py           # train on the dev rows, choose the threshold
    python tools/train_risk_model.py --check   # fail if the shipped weights are not these

Only the `dev` parts are read: the risk and hard-negative rows of
tests/data/comments/safeguarding.csv, and the everyday comments of sentiment.csv as further
negatives (without them the net learns that any ordinary word leans towards risk, because
every negative in the safeguarding set is a hard one). The holdout parts stay unseen.

The threshold is chosen by five-fold cross-validation on dev: the highest logit at which the
worded rules and the net together catch RECALL_GOAL of the risk comments each fold was not
trained on. Deterministic (a seeded shuffle, features in order), so --check can compare the
shipped file byte for byte.
"""

import argparse
import csv
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.analysis.text import risk_model  # noqa: E402
from app.analysis.text.safeguarding import plain_comment, worded_risks  # noqa: E402

DATA = ROOT / "tests" / "data" / "comments"
RECALL_GOAL = 0.95
FOLDS = 5
EPOCHS, RATE, L2 = 60, 0.2, 0.01


def dev_rows() -> list[dict[str, str]]:
    """Return the dev rows, everyday comments marked as no risk."""
    rows = []
    for name in ("safeguarding.csv", "sentiment.csv"):
        with (DATA / name).open(newline="", encoding="utf-8") as file:
            rows += [{**row, "file": name} for row in csv.DictReader(file) if row["part"] == "dev"]
    return [{**row, "risk": row.get("risk", "no")} for row in rows]


def train(docs: list[list[str]], labels: list[int]) -> tuple[float, dict[str, float]]:
    """Fit a logistic regression by stochastic gradient descent with L2 shrinkage."""
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(docs)))
    shuffle = random.Random(0)
    for _ in range(EPOCHS):
        shuffle.shuffle(order)
        for i in order:
            z = max(-30.0, min(30.0, risk_model.logit(docs[i], bias, weights)))
            step = RATE * (labels[i] - 1 / (1 + math.exp(-z)))
            bias += step
            for feature in docs[i]:
                weights[feature] = weights.get(feature, 0.0) * (1 - RATE * L2) + step
    return bias, weights


def threshold(docs, labels, ruled, everyday) -> tuple[float, float, float, float]:
    """Return the highest threshold meeting the recall goal out of fold, with its recall and
    its false-flag rates on the hard negatives and on everyday comments."""
    scores = [0.0] * len(docs)
    order = list(range(len(docs)))
    random.Random(1).shuffle(order)
    for fold in range(FOLDS):
        held = set(order[fold::FOLDS])
        kept = [i for i in range(len(docs)) if i not in held]
        bias, weights = train([docs[i] for i in kept], [labels[i] for i in kept])
        for i in held:
            scores[i] = risk_model.logit(docs[i], bias, weights)
    risky = sum(labels)
    for step in range(40, -80, -1):
        cut = step / 20
        flagged = [r or s > cut for r, s in zip(ruled, scores, strict=True)]
        caught = sum(f and y for f, y in zip(flagged, labels, strict=True))
        if caught / risky >= RECALL_GOAL:
            rates = []
            for kind in (False, True):
                safe = [f for f, y, e in zip(flagged, labels, everyday, strict=True)
                        if not y and e == kind]  # fmt: skip
                rates.append(sum(safe) / len(safe))
            return cut, caught / risky, *rates
    raise SystemExit("no threshold reaches the recall goal")


def build() -> tuple[str, str]:
    rows = dev_rows()
    docs = [risk_model.features(plain_comment(row["text"])) for row in rows]
    labels = [int(row["risk"] == "yes") for row in rows]
    ruled = [bool(worded_risks(row["text"])) for row in rows]
    everyday = [row["file"] == "sentiment.csv" for row in rows]
    cut, recall, hard, ordinary = threshold(docs, labels, ruled, everyday)
    bias, weights = train(docs, labels)
    kept = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= 0.01}
    data = {"bias": round(bias, 3), "threshold": cut, "weights": kept}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n"
    summary = (
        f"{len(rows)} dev rows, {len(kept)} weights; threshold {cut}, out of fold with the "
        f"rules: recall {recall:.3f}, false flags {hard:.3f} of hard negatives and "
        f"{ordinary:.3f} of everyday comments"
    )
    return text, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    parser.add_argument("--weights", type=Path, default=risk_model.WEIGHTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    text, summary = build()
    if args.check:
        if args.weights.read_text(encoding="utf-8") != text:
            print(f"{args.weights} is stale: run tools/train_risk_model.py", file=sys.stderr)
            return 1
        print(f"risk model up to date ({summary})")
        return 0
    args.weights.write_text(text, encoding="utf-8")
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
