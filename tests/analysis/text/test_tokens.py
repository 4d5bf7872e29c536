"""Sentences and words: titles, Latin abbreviations, emoji, apostrophes and text-speak."""

from app.analysis.text.tokens import sentences, words


def test_a_title_or_eg_does_not_end_a_sentence():
    text = "Mr. Smith rang back. We needed things e.g. a ramp! Did Dr. Patel call? No"
    assert sentences(text) == (
        "Mr. Smith rang back.",
        "We needed things e.g. a ramp!",
        "Did Dr. Patel call?",
        "No",
    )


def test_an_initial_does_not_end_a_sentence_but_a_line_break_does():
    assert sentences("J. Bloggs was kind\nthe plan was late") == (
        "J. Bloggs was kind",
        "the plan was late",
    )


def test_words_keep_apostrophes_and_make_curly_ones_plain():
    assert words("I’m sure they didn't") == ("i'm", "sure", "they", "didn't")


def test_each_emoji_is_a_token_with_its_skin_tone():
    assert words("great👍🏽👍🙄") == ("great", "👍🏽", "👍", "🙄")


def test_text_speak_and_faces_survive():
    assert words("n/a ngl gr8 :) <3 tbh!!") == ("n/a", "ngl", "gr8", ":)", "<3", "tbh", "!", "!")


def test_a_link_gives_no_face():
    assert words("see https://example.org/offer") == ("see", "https://example.org/offer")


def test_empty_text_has_no_sentences_or_words():
    assert sentences("  ") == ()
    assert words("") == ()


def test_a_ten_thousand_character_comment_is_split_whole():
    text = "We waited e.g. for months. Mr. Jones never rang! " * 200
    assert len(sentences(text)) == 400
    assert len(words(text)) > 1500
