"""Nothing published can reveal a count under the threshold, even by subtraction."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.analysis.disclosure import (
    THRESHOLD,
    hidden_cells,
    holds_small,
    protect,
    safe_share,
    safe_table,
    safe_tallies,
)
from app.analysis.tally import OptionTally, QuestionTally, share

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


# Linked tables: the board's tallies split by period, language or mode.


def tally(group: str, counts: dict[str, int], skipped: int = 0, key="clear", answered=None):
    answered = sum(counts.values()) if answered is None else answered
    options = tuple(OptionTally(v, n, share(n, answered)) for v, n in counts.items())
    return QuestionTally(key, group, answered, skipped, options)


def test_one_relation_hides_what_safe_table_hides():
    for counts in ([3, 25, 40], [0, 25, 40], [1, 0, 0, 39], [12, 9, 30]):
        cells = list(range(len(counts)))
        values = dict(enumerate(counts))
        assert protect(values, [(None, cells)]) == hidden_cells(counts)


def test_a_small_total_hides_everything_in_it():
    values = {"total": 4, "a": 4, "b": 0}
    assert protect(values, [("total", ["a", "b"])]) == {"total", "a", "b"}


def test_a_lone_respondent_in_a_language_is_hidden_and_cannot_be_subtracted_out():
    # The example: one Somali respondent beside forty in English.
    found = safe_tallies(
        [
            tally("en", {"yes": 30, "no": 8, "not_sure": 2}),
            tally("so", {"yes": 1, "no": 0, "not_sure": 0}),
        ],
        multiple=(),
    )
    somali = next(t for t in found if t.group == "so")
    assert somali.answered is None and somali.not_answered is None
    assert [o.count for o in somali.options] == [None, None, None]
    # Everyone together is shown elsewhere: English counts would give the Somali answer away.
    english = next(t for t in found if t.group == "en")
    assert english.options[0].count is None and english.answered is None


def test_large_groups_stay_visible_beside_small_ones_that_protect_each_other():
    found = safe_tallies(
        [
            tally("en", {"yes": 60, "no": 40}),
            tally("pl", {"yes": 30, "no": 20}),
            tally("so", {"yes": 4, "no": 2}),
            tally("ar", {"yes": 3, "no": 5}),
        ],
        multiple=(),
    )
    shown = {t.group: [o.count for o in t.options] for t in found}
    assert shown["so"] == [None, None] and shown["ar"] == [None, None]
    assert shown["en"] == [60, 40]  # the two small groups hide each other down each column


def test_a_multiple_answer_option_almost_everyone_picked_is_hidden():
    # 2 of 40 did not pick "school": that small number is protected too.
    (found,) = safe_tallies(
        [tally("", {"school": 38, "jobs": 20}, key="topics", answered=40)], {"topics"}
    )
    assert [o.count for o in found.options] == [None, 20]
    assert found.options[0].share is None and found.options[1].share == 0.5


def test_few_who_did_not_answer_are_hidden_with_those_who_did():
    # Everyone who answered the survey is known, so 3 who skipped would give away "answered",
    # and "answered" is the sum of the options: one of them is hidden too.
    (found,) = safe_tallies([tally("", {"yes": 20, "no": 25}, skipped=3)], ())
    assert found.not_answered is None and found.answered is None
    assert [o.count for o in found.options] == [None, 25]
    assert [o.share for o in found.options] == [None, None]  # no shown number who answered


def test_exact_tallies_say_when_they_hold_a_small_number():
    assert holds_small([tally("", {"yes": 20, "no": 3})])
    assert not holds_small([tally("", {"yes": 20, "no": 0})])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=25), min_size=3, max_size=3),
        min_size=1,
        max_size=4,
    )
)
def test_no_hidden_count_is_alone_in_its_row_or_column(grid):
    tallies = [
        tally(f"g{i}", dict(zip(("yes", "no", "not_sure"), row, strict=True)))
        for i, row in enumerate(grid)
        if sum(row)
    ]
    found = safe_tallies(tallies, ())
    for exact, safe in zip(tallies, found, strict=True):
        counts = [o.count for o in exact.options]
        hidden = [i for i, o in enumerate(safe.options) if o.count is None]
        for i, n in enumerate(counts):
            if n in SMALL:
                assert i in hidden
        if hidden and safe.answered is not None:
            # With the row's total shown, the hidden cells hold at least the threshold.
            assert len(hidden) >= 2 and sum(counts[i] for i in hidden) >= THRESHOLD
    if len(found) > 1:
        for column in range(3):
            hidden = [t.options[column].count for t in found].count(None)
            exact = [t.options[column].count for t in tallies]
            hidden_sum = sum(
                n for n, t in zip(exact, found, strict=True) if t.options[column].count is None
            )
            # A column under the threshold is hidden for everyone together, on its own page.
            assert (
                sum(exact) < THRESHOLD
                or hidden in (0, len(found))
                or (hidden >= 2 and hidden_sum >= THRESHOLD)
            )
