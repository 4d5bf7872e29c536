"""Nothing published can reveal a count under the threshold, even by subtraction."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.analysis.disclosure import THRESHOLD, safe_share, safe_table

SMALL = range(1, THRESHOLD)


def test_small_counts_are_hidden_and_zero_and_large_ones_shown():
    table = safe_table([0, 25, 40])
    assert [c.count for c in table.cells] == [0, 25, 40] and table.total == 65
    table = safe_table([3, 25, 40])
    assert table.cells[0].count is None and table.total == 68


def test_one_hidden_cell_is_never_alone_beside_a_shown_total():
    table = safe_table([3, 25, 40])
    assert [c.count for c in table.cells] == [None, None, 40]
    assert table.cells[0].share is None and table.cells[1].share is None


def test_a_table_with_fewer_answers_than_the_threshold_shows_nothing():
    table = safe_table([2, 3, 1])
    assert table.total is None and all(c.count is None for c in table.cells)


def test_percentages_rest_on_at_least_the_threshold():
    assert safe_share(5, 9) is None
    assert safe_share(3, 40) is None  # 3 positive would be a small count
    assert safe_share(37, 40) is None  # and so would 3 not positive
    assert safe_share(20, 40) == 0.5


def possible_values(table, position: int, ceiling: int) -> set[int]:
    """Every value a hidden cell could hold, given everything the table shows.

    The reader knows each hidden cell is a count from 0 to `ceiling`, and that a hidden
    total means the hidden cells add up to less than the threshold.
    """
    hidden = [i for i, c in enumerate(table.cells) if c.count is None]
    shown = sum(c.count for c in table.cells if c.count is not None)
    sums = [table.total - shown] if table.total is not None else range(THRESHOLD)
    others = len(hidden) - 1
    return {
        value
        for total in sums
        for value in range(min(total, ceiling) + 1)
        # The other hidden cells must be able to hold the rest, each within the ceiling.
        if 0 <= total - value <= others * ceiling
    }


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=4))
def test_no_small_count_can_be_worked_out_from_what_is_shown(counts):
    table = safe_table(counts)
    for position, true in enumerate(counts):
        if true in SMALL:
            assert table.cells[position].count is None
            assert table.cells[position].share is None
            assert len(possible_values(table, position, ceiling=30)) > 1, (counts, table)
