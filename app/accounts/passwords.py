"""Password hashing and the password policy (NCSC: length and a deny list, no composition rules)."""

from werkzeug.security import check_password_hash, generate_password_hash

MIN_LENGTH, MAX_LENGTH = 12, 128

# scrypt with N=2^14, r=8 (16 MiB): still memory-hard for anyone holding a stolen table,
# at half werkzeug's default cost. Under attack, every check is a worker's CPU that a
# respondent's page waits for (the issue saw 4 ms pages become 400 ms); throttling stops
# most checks, and this keeps the rest cheap enough (benchmarks/signin.py measures it).
HASH_METHOD = "scrypt:16384:8:1"

# No usable password: an invited person before they follow their link, or after a reset.
UNUSABLE = "!"

# Checked when the email has no account, so a wrong guess takes as long either way.
_DUMMY = (
    "scrypt:16384:8:1$9gnTR5tCpMZQRpXq$7022890c99bbd243f996eba850b83679bdf38b12544bd50e3fdac26d"
    "6cd89e3cf022c314a230aee640c9ba6c60f2f0d945e79086a0c05e4750e74af4bfd4fd81"
)

# zxcvbn's scale: 3 is "safely unguessable: moderate protection from an offline attack".
_ENOUGH = 3


def hashed(password: str) -> str:
    """Return a salted hash of a password."""
    return generate_password_hash(password, method=HASH_METHOD)


def matches(stored: str | None, password: str) -> bool:
    """Check a password against a stored hash, taking as long when there is none to check."""
    if not stored or stored.startswith(UNUSABLE):
        check_password_hash(_DUMMY, password)
        return False
    return check_password_hash(stored, password)


def needs_rehash(stored: str) -> bool:
    """Say whether a hash was made with other settings (werkzeug's old default, say)."""
    return not stored.startswith(HASH_METHOD + "$")


def N_(text: str) -> str:
    """Mark a sentence for the catalogues; pages translate it where it is shown."""
    return text


TOO_SHORT = N_("Your password must be at least 12 characters long.")
TOO_LONG = N_("Your password must be 128 characters or fewer.")
HAS_EMAIL = N_("Your password must not contain your email address or its first part.")
COMMON = N_(
    "This password is on a list of common passwords that attackers try first. Choose another."
)
GUESSABLE = N_(
    "This password is too easy to guess: it is made of common words, names, dates or "
    "keyboard patterns. Try three random words."
)


def problems(password: str, email: str) -> list[str]:
    """Return what is wrong with a new password (English sentences, translated where shown)."""
    if len(password) < MIN_LENGTH:
        return [TOO_SHORT]
    if len(password) > MAX_LENGTH:
        return [TOO_LONG]
    lowered, address = password.lower(), email.strip().lower()
    local = address.partition("@")[0]
    if address and (address in lowered or (len(local) >= 3 and local in lowered)):
        return [HAS_EMAIL]
    if lowered in _common():
        return [COMMON]
    if _strength(password, [address, local]) < _ENOUGH:
        return [GUESSABLE]
    return []


def _common() -> frozenset[str]:
    # zxcvbn ships the 30,000 most common passwords from breaches, ranked; nothing is
    # downloaded. Imported here, not at the top: only password changes need it.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    global _COMMON
    if _COMMON is None:
        _COMMON = frozenset(FREQUENCY_LISTS["passwords"])
    return _COMMON


_COMMON: frozenset[str] | None = None


def _strength(password: str, inputs: list[str]) -> int:
    from zxcvbn import zxcvbn

    # zxcvbn refuses very long input; the first 72 characters decide the score anyway.
    return zxcvbn(password[:72], user_inputs=[i for i in inputs if i])["score"]
