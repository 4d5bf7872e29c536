"""English or not: other scripts, the other Latin-script languages, short answers."""

import pytest

from app.analysis.text.language import is_english


@pytest.mark.parametrize("answer", ["fine", "idk", "n/a", "no", "Not really", "ngl it was long"])
def test_short_english_answers_count_as_english(answer):
    assert is_english(answer) is True


@pytest.mark.parametrize("answer", ["ok", "👍", "", "   ", "12", "Sendiass"])
def test_too_little_to_tell_is_unknown(answer):
    assert is_english(answer) is None


@pytest.mark.parametrize(
    "comment",
    [
        "Mae'r ysgol yn dda iawn ond mae'r cynllun yn hwyr",  # Welsh
        "Diolch",
        "Mój syn czeka na terapię od roku",  # Polish
        "Fiul meu așteaptă de un an",  # Romanian
        "Mano sūnus laukia jau metus",  # Lithuanian
        "Wiilkaygu waa sugayaa sanad iyo bar",  # Somali
        "میرا بیٹا ایک سال سے انتظار کر رہا ہے",  # Urdu
        "ਮੇਰਾ ਪੁੱਤਰ ਉਡੀਕ ਕਰ ਰਿਹਾ ਹੈ",  # Punjabi in Gurmukhi
        "আমার ছেলে অপেক্ষা করছে",  # Bengali
        "mera beta school nahi jata",  # Urdu in Latin letters
    ],
)
def test_other_languages_are_not_english(comment):
    assert is_english(comment) is False


def test_an_english_comment_with_a_name_in_another_script_is_english():
    assert is_english("My son محمد waited a year for his plan") is True


def test_english_with_a_welsh_word_is_still_english():
    assert is_english("Diolch, the caseworker was really helpful") is True
