"""Kiosk mode's rules, pure: the PIN is hashed with the secret, wrong PINs make people wait."""

from app.kiosk_mode import FIRST_WAIT, LONGEST_WAIT, Kiosk, check_pin, pin_hash, warning_seconds

KIOSK = Kiosk(slug="s", salt="salt", pin_hash="x")


def test_the_pin_hash_needs_the_secret_and_the_salt():
    assert pin_hash("secret", "a", "2468") == pin_hash("secret", "a", "2468")
    assert pin_hash("secret", "a", "2468") != pin_hash("other", "a", "2468")
    assert pin_hash("secret", "a", "2468") != pin_hash("secret", "b", "2468")


def test_the_right_pin_leaves_and_three_wrong_ones_make_people_wait():
    first = check_pin(KIOSK, False, now=100)
    second = check_pin(first.kiosk, False, now=101)
    assert (first.right, first.wait, second.wait) == (False, 0, 0)
    third = check_pin(second.kiosk, False, now=102)
    assert third.wait == FIRST_WAIT
    # While the tablet makes people wait, even the right PIN is not tried.
    early = check_pin(third.kiosk, True, now=102 + FIRST_WAIT - 10)
    assert not early.right and early.wait == 10 and early.kiosk == third.kiosk
    fourth = check_pin(third.kiosk, False, now=102 + FIRST_WAIT)
    assert fourth.wait == 2 * FIRST_WAIT
    later = check_pin(fourth.kiosk, True, now=102 + 3 * FIRST_WAIT)
    assert later.right and later.kiosk.wrong == 0


def test_the_wait_doubles_up_to_a_quarter_of_an_hour():
    kiosk = KIOSK
    waits = []
    for attempt in range(12):
        result = check_pin(kiosk, False, now=attempt * 10_000)
        kiosk = result.kiosk
        waits.append(result.wait)
    assert waits[:6] == [0, 0, 30, 60, 120, 240] and max(waits) == LONGEST_WAIT


def test_the_warning_comes_30_seconds_before_the_reset_or_halfway_for_short_limits():
    assert warning_seconds(120) == 30 and warning_seconds(4) == 2
