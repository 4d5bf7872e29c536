"""What typed input may hold: numbers in any script, text without control characters, dates."""

from datetime import date

import pytest

from app.inputs import clean_text, in_range, is_stored_number, too_many_digits, whole_number


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("15", 15),
        ("١٥", 15),  # Arabic-Indic
        ("۱۵", 15),  # Persian and Urdu (extended Arabic-Indic)
        ("১৫", 15),  # Bengali
        ("१५", 15),  # Devanagari
        ("１５", 15),  # full width
        ("\u200f١٥", 15),  # a right-to-left mark before it
        (" 15 ", 15),
        ("-3", -3),
        ("\u22123", -3),  # the minus sign
        ("+3", 3),
        ("007", 7),
        ("0", 0),
        ("999999999", 999_999_999),
    ],
)
def test_whole_numbers_in_any_script_are_read(typed, number):
    assert whole_number(typed) == number


@pytest.mark.parametrize(
    "typed",
    ["", "²", "①", "--5", "+-5", "-", "1.5", "1,000", "1 000", "fifteen", "5e3", "0x10", "١٥a"],
)
def test_what_is_not_a_whole_number_is_refused(typed):
    assert whole_number(typed) is None
    assert not too_many_digits(typed)


def test_a_number_longer_than_nine_digits_is_too_long_not_read():
    assert whole_number("9" * 10) is None and too_many_digits("9" * 10)
    assert whole_number("9" * 5000) is None and too_many_digits("9" * 5000)
    assert whole_number("0000000000015") == 15  # leading zeros are not digits that count


def test_only_plain_ascii_whole_numbers_are_stored():
    assert is_stored_number("15") and is_stored_number("-3")
    for value in ("١٥", "²", "--5", "+5", "1.5", "9" * 10, ""):
        assert not is_stored_number(value)


def test_control_characters_are_removed_but_newlines_and_tabs_kept():
    typed = "a\x00b\x07c\x1bd\x7fe\x85f\r\ng\rh\ti"
    assert clean_text(typed) == "abcdef\ng\nh\ti"
    # Letters of every script, emoji and the joiners and marks they need are kept.
    kept = "نعم \u200f ভালো 👩\u200d👧 é"
    assert clean_text(kept) == kept


def test_dates_are_sane_between_2000_and_2099():
    assert in_range(date(2000, 1, 1)) and in_range(date(2099, 12, 31))
    assert not in_range(date(1999, 12, 31)) and not in_range(date(9999, 12, 31))
