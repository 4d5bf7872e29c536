"""Disclosure control for anything published or shown to the board: no small count, and none
that can be worked out.

A count from 1 to threshold - 1 is hidden ("fewer than 10"). When a table's total is shown,
hidden cells could be recovered by subtraction, so more cells are hidden (secondary
suppression) until the hidden cells together hold at least the threshold, or the total is
hidden too. A percentage is shown only beside a count that is shown, out of a total that is
at least the threshold.
"""

from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.analysis.tally import OptionTally, QuestionTally

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


def protect(
    values: Mapping[Hashable, int],
    relations: Iterable[tuple[Hashable | None, Sequence[Hashable]]],
    threshold: int = THRESHOLD,
    *,
    unseen: Collection[Hashable] = (),
) -> set[Hashable]:
    """Return the counts to hide among linked tables: every small one, and enough others.

    Each relation says total = sum(parts); a total of None is one the reader knows anyway
    (shown on another page, and hidden there when it is small). In every relation that
    holds a count hidden to protect someone, at least two members are hidden and, unless
    the total is hidden too, the hidden parts add up to at least the threshold, so
    subtraction cannot pin one down; a small total hides all its parts. The smallest shown
    parts are hidden first, as `hidden_cells` does, and the rule runs again until no
    relation needs more. `unseen` counts are never shown but can be worked out (the people
    who did not pick an option): a small one is protected like any other; they are not in
    the set returned.
    """
    # A known total under the threshold is itself hidden where it is shown (or is 0, with
    # every part 0): the reader cannot subtract from it, so it needs nothing more.
    relations = [
        (total, list(parts))
        for total, parts in relations
        if total is not None or sum(values[p] for p in parts) >= threshold
    ]
    guarded = {key for key, n in values.items() if is_small(n, threshold)}
    hidden = guarded | set(unseen)
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            members = parts if total is None else [total, *parts]
            if guarded.isdisjoint(members):
                continue
            if total is not None and is_small(values[total], threshold):
                more = [part for part in parts if part not in hidden]
            else:
                more = _to_hide(total, parts, members, hidden, values, threshold)
            hidden.update(more)
            guarded.update(more)
            changed = changed or bool(more)
    return hidden - set(unseen)


def _to_hide(total, parts, members, hidden, values, threshold) -> list:
    """Return the members one relation must hide as well, smallest parts first."""
    chosen: list = []

    def safe() -> bool:
        count = sum(m in hidden or m in chosen for m in members)
        hidden_sum = sum(values[p] for p in parts if p in hidden or p in chosen)
        total_hidden = total is not None and (total in hidden or total in chosen)
        return count >= 2 and (total_hidden or hidden_sum >= threshold)

    while not safe():
        shown = [m for m in members if m not in hidden and m not in chosen]
        if not shown:
            break
        chosen.append(min(shown, key=lambda m: (m == total, values[m])))
    return chosen


def safe_tallies(
    tallies: Sequence[QuestionTally], multiple: Collection[str], threshold: int = THRESHOLD
) -> list[QuestionTally]:
    """Return a survey's tallies with every count that must not be shown as None.

    Within a group, a single-answer question's options add up to those who answered, and
    those who answered and those who did not add up to the group; each option of a
    multiple-answer question (keys in `multiple`) splits those who answered into pickers
    and the rest. The groups (periods, languages, modes) split everyone, and the tallies
    for everyone together are shown too, so each count is also protected down its column.
    A share is shown only beside a shown count, out of a shown number who answered.
    """
    values: dict[tuple, int] = {}
    relations: list[tuple[tuple | None, list[tuple]]] = []
    unseen: set[tuple] = set()
    for tally in tallies:
        group, key = tally.group, tally.key
        people, answered, skipped = ("R", group), ("A", group, key), ("S", group, key)
        values[people] = tally.answered + tally.not_answered
        values[answered], values[skipped] = tally.answered, tally.not_answered
        relations.append((people, [answered, skipped]))
        cells = [("C", group, key, option.value) for option in tally.options]
        values.update(
            {cell: option.count for cell, option in zip(cells, tally.options, strict=True)}
        )
        if key not in multiple:
            relations.append((answered, cells))
            continue
        for cell, option in zip(cells, tally.options, strict=True):
            rest = ("N", group, key, option.value)
            values[rest] = tally.answered - option.count
            unseen.add(rest)
            relations.append((answered, [cell, rest]))
    if len({tally.group for tally in tallies}) > 1:
        columns: dict[tuple, list[tuple]] = {}
        for cell in values:
            if cell not in unseen:
                columns.setdefault((cell[0], *cell[2:]), []).append(cell)
        relations += [(None, cells) for cells in columns.values()]
    hidden = protect(values, relations, threshold, unseen=unseen)
    return [_shown(tally, hidden) for tally in tallies]


def _shown(tally: QuestionTally, hidden: set[tuple]) -> QuestionTally:
    group, key = tally.group, tally.key
    answered = None if ("A", group, key) in hidden else tally.answered
    skipped = None if ("S", group, key) in hidden else tally.not_answered
    options = []
    for option in tally.options:
        count = None if ("C", group, key, option.value) in hidden else option.count
        share = option.share if count is not None and answered is not None else None
        options.append(OptionTally(option.value, count, share))
    return QuestionTally(key, group, answered, skipped, tuple(options))


def holds_small(tallies: Iterable[QuestionTally], threshold: int = THRESHOLD) -> bool:
    """Say whether exact tallies show any count from 1 to threshold - 1."""
    return any(
        is_small(n, threshold)
        for tally in tallies
        for n in (tally.answered, tally.not_answered, *(o.count for o in tally.options))
    )
