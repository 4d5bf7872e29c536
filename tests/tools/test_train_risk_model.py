"""tools/train_risk_model.py: the shipped weights are what the dev rows train, and the
cross-validated recall it reports meets its goal."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "train_risk_model.py"
WEIGHTS = ROOT / "app" / "analysis" / "text" / "risk_model.json"


def run_tool(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(TOOL), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_the_shipped_weights_are_up_to_date_and_meet_the_recall_goal_out_of_fold():
    result = run_tool("--check")
    assert (result.returncode, result.stderr) == (0, "")
    recall = float(re.search(r"recall (\d\.\d+)", result.stdout).group(1))
    assert recall >= 0.95, result.stdout


def test_weights_edited_by_hand_fail_the_check(tmp_path):
    edited = tmp_path / "risk_model.json"
    edited.write_text(WEIGHTS.read_text(encoding="utf-8").replace('"bias": ', '"bias": 1', 1))
    result = run_tool("--check", "--weights", str(edited))
    assert result.returncode == 1 and "is stale" in result.stderr
