"""Sentiment as staff would notice it: labels, the phrases shown, and the rules behind them."""

import pytest

from app.analysis.text.sentiment import sentiment


def label(text: str) -> str:
    return sentiment(text).label


@pytest.mark.parametrize(
    "comment",
    [
        "Still waiting for the plan",
        "I chased them three times",
        "No one got back to me",
        "We had to go to tribunal to get anything",
        "They lost the paperwork",
        "The plan was copied and pasted from another child's",
        "It was not helpful",
        "They never listen",
        "We have waited 18 months for an assessment.",
        "Speech therapy has not started.",
        "I recieved the plan and I am definately dissapointed",
        "tbh the meeting was long",
        "it was dead",
        "😡😡",
    ],
)
def test_complaints_and_bare_facts_about_waiting_are_negative(comment):
    assert label(comment) == "negative"


@pytest.mark.parametrize(
    "comment",
    [
        "She listened",
        "I finally felt heard",
        "They got the support in place quickly",
        "Finally got a school place that suits him",
        "The school wasn't bad",
        "ngl the youth club is peng",
        "it's calm",
        "👍",
        "Not the worst",
    ],
)
def test_praise_and_faint_praise_are_positive(comment):
    assert label(comment) == "positive"


@pytest.mark.parametrize(
    "comment", ["Could be better", "Not impressed", "Not ideal", "Bit of a faff"]
)
def test_british_understatement_is_negative(comment):
    assert label(comment) == "negative"


@pytest.mark.parametrize(
    "comment",
    [
        "Oh great, another form to fill in",
        "Brilliant, they lost it again",
        "Lovely service 🙄",
        "Yeah right, as if they care",
        "Great job... not",
        "Love how nobody ever replies",
    ],
)
def test_sarcastic_praise_is_negative_and_shows_what_gave_it_away(comment):
    result = sentiment(comment)
    assert result.label == "negative"
    assert result.phrases


def test_sincere_love_is_not_sarcasm():
    assert label("I love that she listens to him") == "positive"


def test_the_clause_after_but_weighs_more():
    assert label("The form was fine but the wait was appalling") == "negative"
    assert label("The wait was long but the plan is excellent") == "positive"


def test_parts_pulling_both_ways_are_mixed_and_show_both_sides():
    result = sentiment("The speech therapist is excellent. The transport is a shambles.")
    assert result.label == "mixed"
    assert set(result.phrases) == {"excellent", "shambles"}


def test_kind_manner_against_a_failure_is_a_complaint():
    assert label("The SENCo was lovely but the plan is still wrong.") == "negative"


def test_saying_it_was_mixed_makes_it_mixed():
    assert label("Mixed feelings about the review") == "mixed"


@pytest.mark.parametrize(
    "comment",
    [
        "fine",
        "ok",
        "alright i guess",
        "not really",
        "nothing else to add",
        "It would be good to have meetings after school",
        "Could the letters come in Polish?",
        "please send it to my email not my mums",
    ],
)
def test_shrugs_suggestions_and_plain_questions_are_neutral(comment):
    assert label(comment) == "neutral"


@pytest.mark.parametrize(
    "comment",
    [
        "Nobody came to the meeting from the council",
        "I've never met my key worker",
        "There was know support after the diagnosis",
        "Who do I even complain to??",
        "It shouldn't take this long",
    ],
)
def test_a_lack_stated_plainly_is_negative(comment):
    assert label(comment) == "negative"


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("Honestly I give up.", "negative"),
        ("my plan is full of stuff that isnt true", "negative"),
        ("Phoned 6 times. Left messages. Nothing.", "negative"),
        ("We've had four caseworkers in a year.", "negative"),
        ("The EP's report was spot on.", "positive"),
        ("The transition visits made a massive difference.", "positive"),
        ("Speech therapy is brilliant; OT is non-existent.", "mixed"),
        ("n/a thanks", "neutral"),
        ("We are waiting to hear about a place for September.", "neutral"),
    ],
)
def test_everyday_ways_of_saying_it(comment, expected):
    assert label(comment) == expected


def test_liking_needs_someone_who_likes():
    assert label("i like my new college") == "positive"
    assert label("they treat him like a number") != "positive"


def test_names_of_things_carry_no_feeling():
    assert label("He goes to a special school and uses short breaks") == "neutral"
    assert label("n/a") == "neutral"


def test_the_phrases_are_the_words_as_written():
    assert sentiment("Nobody got back to me, the plan is not very helpful").phrases == (
        "not very helpful",
        "nobody got back to me",
    )


def test_the_score_stays_between_minus_one_and_one():
    for text in ["amazing " * 50, "awful " * 50, "good bad " * 30]:
        assert -1 <= sentiment(text).score <= 1


def test_empty_and_emoji_only_text():
    assert sentiment("") == sentiment("   ")
    assert label("") == "neutral"
    assert label("😊😊") == "positive"


def test_a_ten_thousand_character_comment_is_read_whole():
    text = ("The caseworker was helpful but we are still waiting for speech therapy. " * 140)[
        :10_000
    ]
    assert label(text) in {"negative", "mixed"}
