"""Disclosure control for anything published: no small count, and none that can be worked out.

A count from 1 to threshold - 1 is hidden ("fewer than 10"). When a table's total is shown,
hidden cells could be recovered by subtraction, so more cells are hidden (secondary
suppression) until the hidden cells together hold at least the threshold, or the total is
hidden too. A percentage is shown only beside a count that is shown, out of a total that is
at least the threshold.
"""

from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 10


@dataclass(frozen=True)
class Cell:
    count: int | None  # None: hidden
    share: float | None  # of the total; None: hidden or no total


@dataclass(frozen=True)
class SafeTable:
    cells: tuple[Cell, ...]
    total: int | None  # None: hidden ("fewer than 10")


def is_small(count: int, threshold: int = THRESHOLD) -> bool:
    """Say whether a count must not be published: 1 to threshold - 1 (0 is safe to say)."""
    return 0 < count < threshold


def hidden_cells(counts: Sequence[int], threshold: int = THRESHOLD) -> set[int]:
    """Return the positions to hide: every small count, then enough others to protect them."""
    hidden = {i for i, n in enumerate(counts) if is_small(n, threshold)}
    if not hidden:
        return hidden
    # With the total shown, the hidden cells' sum is known: it must not pin any one down.
    # Hide the smallest other cells (zeros first) until the hidden sum reaches the threshold
    # and at least two cells are hidden.
    others = sorted((n, i) for i, n in enumerate(counts) if i not in hidden)
    for _count, i in others:
        if len(hidden) >= 2 and sum(counts[j] for j in hidden) >= threshold:
            break
        hidden.add(i)
    return hidden


def safe_table(counts: Sequence[int], threshold: int = THRESHOLD) -> SafeTable:
    """Return a one-way table (e.g. answers to one question) as it may be published."""
    total = sum(counts)
    if total < threshold:
        return SafeTable(tuple(Cell(None, None) for _ in counts), None if total else 0)
    hidden = hidden_cells(counts, threshold)
    hidden_sum = sum(counts[i] for i in hidden)
    # If even hiding every cell leaves a small hidden sum, the total would give it away.
    shown_total = None if hidden and hidden_sum < threshold else total
    cells = tuple(
        Cell(None, None) if i in hidden else Cell(n, n / total if shown_total is not None else None)
        for i, n in enumerate(counts)
    )
    return SafeTable(cells, shown_total)


def safe_share(positive: int, n: int, threshold: int = THRESHOLD) -> float | None:
    """Return a percentage's fraction only when it rests on enough answers, else None."""
    if n < threshold or is_small(positive, threshold) or is_small(n - positive, threshold):
        return None
    return positive / n
