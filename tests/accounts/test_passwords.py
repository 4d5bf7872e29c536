"""The password policy: 12 characters or more, not a common password, not the email address."""

import pytest

from app.accounts import passwords


@pytest.mark.parametrize(
    ("password", "says"),
    [
        ("a", "at least 12 characters"),
        ("", "at least 12 characters"),
        ("short words", "at least 12 characters"),
        ("x" * 129, "128 characters or fewer"),
        ("qwertyuiop123", "list of common passwords"),
        ("1q2w3e4r5t6y", "list of common passwords"),
        ("PASSWORD1234", "list of common passwords"),
        ("password12345678", "too easy to guess"),
        ("abcdefghijklmn", "too easy to guess"),
        ("sam.jones@example.org!", "email address"),
        ("SAM.JONES and some more words", "email address"),
    ],
)
def test_weak_passwords_are_refused_with_a_sentence_that_says_why(password, says):
    (problem,) = passwords.problems(password, "Sam.Jones@example.org")
    assert says in problem


@pytest.mark.parametrize(
    "password", ["plum kettle orbit lantern", "correct horse battery", "Tr0ub4dor&3xyz"]
)
def test_long_uncommon_passwords_pass(password):
    assert passwords.problems(password, "sam.jones@example.org") == []


def test_a_hash_is_salted_and_checks_only_its_own_password():
    first, second = passwords.hashed("plum kettle orbit"), passwords.hashed("plum kettle orbit")
    assert first != second and "plum" not in first
    assert passwords.matches(first, "plum kettle orbit")
    assert not passwords.matches(first, "plum kettle orbiT")


def test_an_account_without_a_password_matches_nothing():
    assert not passwords.matches(passwords.UNUSABLE, "")
    assert not passwords.matches(None, "anything at all")


def test_an_unknown_email_is_checked_against_a_hash_as_costly_as_a_real_one():
    # The same method and cost, so a wrong guess takes as long whether the account exists.
    assert passwords._DUMMY.startswith(passwords.HASH_METHOD + "$")
    assert passwords.hashed("x").startswith(passwords.HASH_METHOD + "$")


def test_hashes_made_with_werkzeugs_old_default_are_marked_for_rehashing():
    assert passwords.needs_rehash("scrypt:32768:8:1$salt$abc")
    assert not passwords.needs_rehash(passwords.hashed("plum kettle orbit"))
