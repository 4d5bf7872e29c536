"""The comment-reading benchmark's own arithmetic, and its one line when data are missing."""

import pytest

from benchmarks import text


def test_accuracy_and_macro_f1_of_a_known_case():
    pairs = [("positive", "positive"), ("positive", "negative"), ("negative", "negative"),
             ("neutral", "negative")]  # fmt: skip
    accuracy, macro_f1 = text.scores(pairs, ("positive", "negative", "neutral"))
    assert accuracy == 0.5
    # F1 = 2 hits / (guessed + true): positive 2/(1+2), negative 2/(3+1), neutral 0.
    assert macro_f1 == pytest.approx((2 / 3 + 1 / 2 + 0) / 3)


def test_a_label_never_guessed_nor_true_scores_zero():
    assert text.scores([("positive", "positive")], ("positive", "mixed")) == (1.0, 0.5)


def test_missing_data_is_reported_in_one_line(monkeypatch, tmp_path):
    monkeypatch.setattr(text, "DATA", tmp_path)
    assert text.report([]).splitlines()[-1] == (
        f"No labelled comments in {tmp_path}: set HEARD_COMMENTS_DATA."
    )
