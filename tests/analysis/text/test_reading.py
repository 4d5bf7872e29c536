"""A whole reading of one comment, and the flags staff see first."""

from app.analysis.text import DEFAULT_THEMES, Reading, flags, read_comment


def test_an_english_comment_gets_every_part_of_its_reading():
    reading = read_comment("The taxi is late every day and Mrs Jones never replies to my emails")
    assert reading.english is True
    assert reading.sentiment.label == "negative"
    assert reading.themes == ("communication", "waiting times", "transport")
    assert reading.risks == ()
    assert not reading.needs_reader
    assert [r.kind for r in reading.redactions] == ["name"]
    assert flags(reading) == ("personal_data",)


def test_a_comment_in_another_language_needs_a_reader_and_has_no_sentiment():
    reading = read_comment("Mój syn czeka na terapię od roku")
    assert reading.english is False
    assert reading.sentiment is None
    assert reading.themes == ()
    assert reading.needs_reader
    assert flags(reading) == ("not_english",)


def test_risk_in_another_language_is_still_flagged():
    reading = read_comment("Mój syn mówi, że chce umrzeć")  # Polish: my son says he wants to die
    assert [r.category for r in reading.risks] == ["self_harm"]
    assert flags(reading) == ("safeguarding", "not_english")


def test_a_short_answer_is_read_although_its_language_is_unknown():
    reading = read_comment("👍")
    assert reading.english is None
    assert reading.sentiment.label == "positive"
    assert not reading.needs_reader
    assert flags(reading) == ()


def test_an_empty_comment_reads_as_nothing():
    reading = read_comment("")
    assert reading == Reading(
        english=None,
        sentiment=read_comment("  ").sentiment,
        themes=(),
        risks=(),
        needs_reader=False,
        redactions=(),
    )
    assert reading.sentiment.label == "neutral"


def test_custom_themes_and_schools_are_used():
    reading = read_comment(
        "Parking at Oakfield Academy is dreadful",
        themes={"parking": ("parking",), **DEFAULT_THEMES},
        schools=("Oakfield Academy",),
    )
    assert reading.themes == ("parking",)
    assert [r.kind for r in reading.redactions] == ["school"]


def test_a_ten_thousand_character_comment_is_read_whole():
    # How long it takes is measured by `make bench` (long comments); here, what it finds.
    text = ("Sarah the caseworker was kind but we are still waiting for the taxi. " * 150)[:10_000]
    reading = read_comment(text)
    assert reading.sentiment.label in {"negative", "mixed"} and reading.redactions


def test_odd_long_comments_are_read_without_error():
    for text in ["a" * 10_000, "x@" * 5_000, "1 " * 5_000, "😊" * 5_000, "no " * 3_000]:
        assert read_comment(text).risks == (), text[:10]
