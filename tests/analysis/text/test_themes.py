"""Themes: phrases found as whole words in any form, custom lists, and suggestions."""

from app.analysis.text.themes import DEFAULT_THEMES, suggest_themes, themes_of


def test_a_comment_touches_each_theme_it_mentions_in_the_lists_order():
    comment = "We waited months for the EHCP and nobody replied to my emails. The taxi was late."
    assert themes_of(comment) == ("communication", "waiting times", "EHCP quality", "transport")


def test_plurals_and_ing_and_ed_forms_match():
    assert themes_of("Two taxis, both late", {"transport": ["taxi"]}) == ("transport",)
    assert themes_of("still chasing them", {"chasing": ["chase"]}) == ("chasing",)
    assert themes_of("she replied", {"replies": ["reply"]}) == ("replies",)
    assert themes_of("therapies stopped", {"therapy": ["therapy"]}) == ("therapy",)


def test_a_phrase_matches_whole_words_only():
    assert themes_of("He is in Year 10 at school", {"school support": ["ta"]}) == ()
    assert themes_of("a bustling office", {"transport": ["bus"]}) == ()
    assert themes_of("The TA helps him", {"school support": ["ta"]}) == ("school support",)


def test_every_default_theme_is_there():
    assert set(DEFAULT_THEMES) == {
        "communication", "waiting times", "EHCP quality", "annual reviews",
        "preparing for adulthood", "therapies", "Local Offer", "school support",
        "mental health", "transport", "short breaks", "being listened to",
    }  # fmt: skip


def test_empty_and_emoji_only_text_has_no_theme():
    assert themes_of("") == ()
    assert themes_of("👍👍") == ()


def test_suggestions_are_frequent_phrases_no_theme_covers():
    comments = [
        "The parking at school is awful",
        "parking at school again!",
        "No parking at school",
        "the canteen food is cold",
        "Canteen food bad",
        "canteen food ok",
        "the taxi driver was late",
        "taxi driver late",
        "taxi driver rude",
    ]
    assert suggest_themes(comments, DEFAULT_THEMES) == [
        ("canteen food", 3),
        ("parking at school", 3),
    ]


def test_a_phrase_is_counted_once_per_comment_and_needs_the_minimum():
    comments = ["canteen food, canteen food, canteen food", "canteen food"]
    assert suggest_themes(comments, {}, minimum=3) == []
    assert suggest_themes(comments, {}, minimum=2) == [("canteen food", 2)]


def test_a_shorter_phrase_inside_a_longer_one_as_often_is_left_out():
    comments = ["speech language therapy wait"] * 3
    assert ("speech language therapy", 3) in suggest_themes(comments, {})
    assert ("speech language", 3) not in suggest_themes(comments, {})


def test_a_ten_thousand_character_comment_is_read_whole():
    text = ("We waited for the taxi and the SENCo never replied to my email. " * 160)[:10_000]
    assert "transport" in themes_of(text)


def test_short_plurals_match_and_bus_or_this_are_left_whole():
    assert themes_of("no jobs for him", {"work": ["job"]}) == ("work",)
    assert themes_of("this bus", {"this": ["thi"], "bus": ["bu"]}) == ()
