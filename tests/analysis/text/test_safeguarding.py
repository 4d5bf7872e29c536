"""Safeguarding flags: risk in plain, indirect, misspelled and text-speak forms; no flag for
hyperbole about services or for harm that has ended and been dealt with."""

import pytest

from app.analysis.text.safeguarding import CATEGORIES, Risk, risks


def category(text: str) -> str | None:
    found = risks(text)
    return found[0].category if found else None


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("dont want to be here anymore", "self_harm"),
        ("wanna kms", "self_harm"),
        ("no one would care if i was gone", "self_harm"),
        ("i keep thinking about sucide", "self_harm"),
        ("Im going to kil my self", "self_harm"),
        ("My son says he wants to die", "self_harm"),
        ("nobody feeds me when mum is out", "neglect"),
        ("my step dad hits me", "abuse"),
        ("mums boyfriend throws things at her", "violence_at_home"),
        ("The police came to our house again", "violence_at_home"),
        ("im scared to go home", "unsafe"),
        ("I don't feel safe at school", "unsafe"),
        ("they kick me every day at the bus stop", "bullying"),
        ("a man online said he'd buy me trainers if i meet him", "exploitation"),
        ("someone on snapchat asked for pics", "exploitation"),
        ("i cant cope and im scared i'll hurt him", "carer_cannot_cope"),
    ],
)
def test_risks_are_flagged_in_the_category_that_fits_first(comment, expected):
    assert category(comment) == expected


@pytest.mark.parametrize(
    "comment",
    [
        "this wait is killing me",
        "the process is torture",
        "I could kill for an answer",
        "it's a nightmare",
        "I'm dying of boredom in these meetings",
        "i wanted to die of embarrassment",
        "i want to die my hair blue",
        "I cut my hair short",
        "I feel safe at school",
        "I'm exhausted from chasing everybody",
        "",
        "👍",
    ],
)
def test_hyperbole_and_ordinary_mentions_are_not_flagged(comment):
    assert risks(comment) == ()


@pytest.mark.parametrize(
    "comment",
    [
        "honestly i might as well be dead",
        "i bang my head on the wall till it bleeds",
        "my dad gives me a slap if i'm cheeky",
        "grandad touches my bum and says its a game",
        "the man next door asked me to come in his house and not tell mum",
        "we don't have any money for food this week and the kids are going without",
        "a man at the park gives me vapes and wants me to go to his car",
        "people at college film me and put it on tiktok",
        "i'm worried i'm going to hurt my son when he kicks off",
        "the school lost my son for two hours, they didn't know where he was",
    ],
)
def test_risk_told_in_new_words_is_still_flagged(comment):
    assert risks(comment) != ()


def test_a_sentence_with_several_signs_of_danger_is_flagged_by_the_wider_net():
    found = risks("I keep a knife under my pillow because of my mums boyfriend")
    assert found == (Risk("violence_at_home", "knife … boyfriend"),)


@pytest.mark.parametrize(
    "comment",
    [
        "I could strangle whoever designed this portal",  # one sign alone
        "he kicks off when the routine changes but school handle it well",
        "we were pushed from pillar to post",
        "my son talks to his cousin online every night, they play fortnite",
        "I'm dying to know when the review is",
    ],
)
def test_idioms_and_a_single_sign_do_not_raise_the_wider_net(comment):
    assert risks(comment) == ()


def test_harm_that_ended_and_was_dealt_with_is_not_flagged():
    assert risks("He was bullied in Year 7 but school dealt with it and he's happy now") == ()


def test_harm_that_goes_on_after_being_dealt_with_is_flagged():
    comment = "The bullying was dealt with but the same boys still wait for him"
    assert category(comment) == "bullying"


def test_a_past_harm_dealt_with_does_not_clear_a_new_disclosure():
    comment = "He was bullied last year but it is sorted now. Yesterday my dad hit me."
    assert risks(comment) == (Risk("abuse", "dad hit me"),)


def test_a_disclosure_inside_an_ordinary_comment_is_flagged():
    assert category("The review was fine. I get hit at home sometimes.") == "abuse"


def test_each_kind_is_reported_once_with_the_words_as_written():
    found = risks("I’m gonna kms. My stepdad hits me. I want to kill myself")
    assert found == (Risk("self_harm", "kms"), Risk("abuse", "stepdad hits me"))


def test_risk_in_another_language_is_flagged():
    assert category("Mój syn chce umrzeć") == "self_harm"  # Polish: my son wants to die
    assert category("میں خودکشی کے بارے میں سوچتا ہوں") == "self_harm"  # Urdu: suicide


def test_the_categories_follow_the_rubric_order():
    assert CATEGORIES == (
        "self_harm", "abuse", "violence_at_home", "neglect", "exploitation", "bullying",
        "carer_cannot_cope", "unsafe",
    )  # fmt: skip


def test_a_risk_at_the_end_of_a_ten_thousand_character_comment_is_found():
    text = ("The taxi was late again and nobody at the council replies to emails. " * 150)[
        :9_950
    ] + " i want to die"
    assert category(text) == "self_harm"


def test_the_learned_net_flags_wordings_no_rule_names_and_says_which_words_weighed():
    # None of these matches a worded rule; the net (risk_model.py) catches them.
    for comment in (
        "i wrote letters to my mum and nan in case sumthing happens to me",
        "no food agen today",
        "Pupil has lost weight this term and hides bread from lunch to take home",
    ):
        found = risks(comment)
        assert found and found[0].phrase, comment
        assert all(word in comment.lower() for word in found[0].phrase.split(" … ")[0].split())


def test_the_net_reads_negation_so_feeling_safe_is_not_a_flag():
    assert risks("I feel safe at school") == ()
    assert risks("I don't feel safe at school")
