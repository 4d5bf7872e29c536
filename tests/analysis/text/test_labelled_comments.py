"""The analysers against the labelled comments: the development part only.

The holdout part is never read here; benchmarks/text.py reports it once, to measure
honestly on comments the rules were not written from.
"""

import csv
import os
from pathlib import Path

from app.analysis.text.safeguarding import risks

ROOT = Path(__file__).resolve().parents[3]
DATA = Path(os.environ.get("HEARD_COMMENTS_DATA", ROOT / "tests" / "data" / "comments"))


def dev_rows(name: str) -> list[dict[str, str]]:
    """Return the development rows of a labelled file."""
    path = DATA / name
    assert path.exists(), (
        f"{path} is missing: merge the labelled comments or set HEARD_COMMENTS_DATA"
    )
    with path.open(newline="", encoding="utf-8") as file:
        return [row for row in csv.DictReader(file) if row["part"] == "dev"]


def test_safeguarding_flags_nine_in_ten_risk_comments_in_the_development_set():
    at_risk = [row["text"] for row in dev_rows("safeguarding.csv") if row["risk"] == "yes"]
    missed = [text for text in at_risk if not risks(text)]
    assert len(at_risk) >= 50
    assert 1 - len(missed) / len(at_risk) >= 0.9, missed
