"""Suggested redactions: each kind of personal detail, what is left alone, and apply()."""

import pytest

from app.analysis.text.personal import Redaction, apply, is_nhs_number, redactions


def kinds(text: str, schools=()) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in redactions(text, schools)]


def test_an_email_is_found():
    assert kinds("Email me on kerrymum82@example.com please") == [
        ("email", "kerrymum82@example.com")
    ]


@pytest.mark.parametrize(
    "number", ["07700 900123", "07700900123", "+44 7700 900123", "+44 (0)1632 960123",
               "01632 960123", "020 7946 0123", "(01632) 960123"],
)  # fmt: skip
def test_uk_phone_numbers_are_found_spaced_or_not(number):
    assert kinds(f"ring me on {number} after 3") == [("phone", number)]


def test_a_short_number_or_a_year_is_not_a_phone_number():
    assert kinds("we waited 0 days, then 2024 came, call 0800 11") == []


def test_an_nhs_number_is_found_only_when_its_check_digit_is_right():
    assert kinds("NHS no 943 476 5919") == [("nhs_number", "943 476 5919")]
    assert kinds("NHS no 943 476 5918") == []
    assert kinds("NHS no 9434765919") == [("nhs_number", "9434765919")]


def test_the_nhs_check_digit():
    assert is_nhs_number("943-476-5919")
    assert not is_nhs_number("943 476 5910")
    assert not is_nhs_number("123 456 789")  # nine digits


def test_a_postcode_is_found_in_capitals_or_not_but_a_year_group_is_not():
    assert kinds("We're in B12 9AB now") == [("postcode", "B12 9AB")]
    assert kinds("postcode sw1a 1aa") == [("postcode", "sw1a 1aa")]
    assert kinds("he is in y6 2nd set") == []


def test_a_street_address_is_found_but_a_count_of_weeks_is_not():
    assert kinds("We live at 12 High Street now") == [("address", "12 High Street")]
    assert kinds("42a elm grove") == [("address", "42a elm grove")]
    assert kinds("After 3 weeks the road was shut") == []


def test_a_date_of_birth_needs_a_cue_and_a_meeting_date_is_left():
    assert kinds("DOB 01/02/2010") == [("date_of_birth", "01/02/2010")]
    assert kinds("she was born 3 March 2011") == [("date_of_birth", "3 March 2011")]
    assert kinds("the review is on 01/02/2025") == []


def test_a_school_from_the_list_is_found_in_any_case():
    schools = ["Oakfield Primary School", "St Mary's"]
    assert kinds("he goes to oakfield primary school", schools) == [
        ("school", "oakfield primary school")
    ]
    assert kinds("Oakfield is fine", schools) == []


def test_names_after_a_title_or_a_cue_with_their_surname():
    text = "My son Jack saw Mrs Patel and the caseworker, Sarah Jones, called back."
    assert kinds(text) == [("name", "Jack"), ("name", "Patel"), ("name", "Sarah Jones")]


def test_a_listed_first_name_is_found_without_a_cue():
    assert kinds("Emma at SENDIAS deserves a medal") == [("name", "Emma")]


def test_a_lower_case_name_after_a_cue_is_found_when_it_is_a_known_name():
    assert kinds("my son jack loves it") == [("name", "jack")]
    assert kinds("my son really loves it") == []


def test_a_sentence_starting_with_a_word_that_is_also_a_name_is_left():
    assert kinds("Will they ever reply? May be next year.") == []
    assert kinds("We asked Will about it") == [("name", "Will")]


def test_services_after_a_cue_are_not_names():
    assert kinds("I called SENDIASS and CAMHS") == []


def test_apply_replaces_each_redaction_with_its_label():
    text = "Sarah (sarah@example.org, 07700 900456) at 3 Mill Lane, DOB 4/5/2012, NHS 943 476 5919"
    assert apply(text, redactions(text)) == (
        "[name] ([email], [phone]) at [address], DOB [date of birth], NHS [NHS number]"
    )


def test_apply_with_nothing_to_redact_returns_the_text():
    assert apply("All fine", ()) == "All fine"
    assert redactions("") == ()


def test_redactions_never_overlap():
    found = redactions("Mrs Sarah Jones, 12 Sarah Street, sarah.jones@example.com")
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert found[0] == Redaction(4, 15, "name", "Sarah Jones")


def test_a_ten_thousand_character_comment_is_searched_whole():
    # How long it takes is measured by `make bench`; here, that nothing is cut short.
    assert redactions("a" * 10_000) == ()
    assert len(redactions(("Sarah Jones 07700 900123 " * 400)[:10_000])) > 700
