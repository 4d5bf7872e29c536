"""`flask text analyse` reads a CSV from elsewhere; bad files get a clear message and no output."""

import csv
import io

import pytest
from sqlmodel import Session, select

from app.comments.cli import text_analyse, text_corrections, text_reanalyse
from app.models import CommentReading, SafeguardingAlert
from tests.comments.helpers import alerts, comment_survey, readings, send_comment


def analyse(app, tmp_path, data: bytes, *args):
    path = tmp_path / "comments.csv"
    path.write_bytes(data)
    return app.test_cli_runner().invoke(text_analyse, [str(path), *args])


def rows(output: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(output)))


def test_each_comment_gets_sentiment_themes_and_flags_and_other_columns_are_kept(app, tmp_path):
    data = (
        b"id,school,text\n"
        b"1,A,The OT finally came and it really helped\n"
        b'2,B,"my step dad hits me when mum is out"\n'
        b"3,C,Mae'r cynllun yn dda iawn ac rydw i'n hapus gyda'r help\n"
    )
    result = analyse(app, tmp_path, data)
    assert result.exit_code == 0, result.output
    found = {row["id"]: row for row in rows(result.output)}
    assert list(found["1"])[:3] == ["id", "school", "text"]
    assert found["1"]["sentiment"] == "positive" and found["1"]["school"] == "A"
    assert "safeguarding" in found["2"]["flags"].split("; ")
    assert found["3"]["sentiment"] == "not analysed"
    assert "not_english" in found["3"]["flags"] and "safeguarding" not in found["3"]["flags"]


def test_another_column_can_be_named(app, tmp_path):
    result = analyse(app, tmp_path, b"ref,comment\nx,It was rubbish\n", "--column", "comment")
    assert result.exit_code == 0 and rows(result.output)[0]["sentiment"] == "negative"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"id,words\n1,hello\n", 'no column called "text". Its columns are: id, words.'),
        (b"", "The file is empty."),
        (b"  \n", "The file is empty."),
        (b"id,text\n1,\x81\x8d\x8f\x90\x9d\n", "not text in UTF-8 or Windows-1252"),
    ],
)
def test_a_file_that_cannot_be_read_says_why_and_writes_nothing(app, tmp_path, data, message):
    result = analyse(app, tmp_path, data)
    assert result.exit_code != 0 and message in result.output
    assert "sentiment" not in result.output


def test_spreadsheet_encodings_are_read(app, tmp_path):
    bom = analyse(app, tmp_path, "\ufeffid,text\n1,Brilliant support\n".encode())
    assert rows(bom.output)[0]["sentiment"] == "positive"
    windows = analyse(app, tmp_path, "id,text\n1,The café was lovely – £5\n".encode("cp1252"))
    assert windows.exit_code == 0 and rows(windows.output)[0]["text"].endswith("£5")


def test_a_file_over_the_limit_is_refused_before_it_is_read(app, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        handle.write(b"id,text\n")
        handle.truncate(21 * 1024 * 1024)
    result = app.test_cli_runner().invoke(text_analyse, [str(path)])
    assert result.exit_code != 0 and "the limit is 20 MB" in result.output


def test_a_ten_thousand_character_comment_is_read(app, tmp_path):
    long = "The wait for the plan has been far too long. " * 222
    result = analyse(app, tmp_path, f"id,text\n1,{long}\n".encode())
    assert result.exit_code == 0 and rows(result.output)[0]["sentiment"] == "negative"


def test_reanalyse_reads_stored_comments_again_and_keeps_staff_corrections(
    app, client, make_survey
):
    comment_survey(make_survey)
    send_comment(client, "It was ok I guess")
    with Session(app.extensions["engine"]) as session:
        stored = session.exec(select(CommentReading)).one()
        stored.corrected_sentiment, stored.sentiment = "negative", "tampered"
        session.add(stored)
        session.commit()
    result = app.test_cli_runner().invoke(text_reanalyse)
    assert result.exit_code == 0 and "Comments read again: 1." in result.output
    (again,) = readings(app)
    assert again.sentiment != "tampered" and again.corrected_sentiment == "negative"


def test_staff_corrections_export_as_labelled_comments_and_never_a_flagged_one(
    app, client, make_survey
):
    comment_survey(make_survey)
    send_comment(client, "It was ok I guess")
    send_comment(client, "my step dad hits me")
    with Session(app.extensions["engine"]) as session:
        for stored in session.exec(select(CommentReading)):
            stored.corrected_sentiment = "negative"
            session.add(stored)
        session.commit()
    result = app.test_cli_runner().invoke(text_corrections)
    assert result.exit_code == 0, result.output
    (row,) = rows(result.output)
    assert (row["part"], row["audience"], row["label"]) == ("staff", "young_people", "negative")
    assert row["text"] == "It was ok I guess"


def test_reanalyse_raises_an_alert_a_new_rule_finds_and_never_a_second_one(
    app, client, make_survey
):
    comment_survey(make_survey)
    send_comment(client, "my step dad hits me")
    send_comment(client, "nobody feeds me when dad is at work")
    with Session(app.extensions["engine"]) as session:
        # As if the second comment had arrived before a rule that now catches it.
        _first, second = session.exec(select(CommentReading).order_by(CommentReading.id)).all()
        session.delete(
            session.exec(
                select(SafeguardingAlert).where(SafeguardingAlert.reading_id == second.id)
            ).one()
        )
        second.risks, second.withheld = [], False
        session.add(second)
        session.commit()
    result = app.test_cli_runner().invoke(text_reanalyse)
    assert "New safeguarding alerts: 1." in result.output
    assert len(alerts(app)) == 2 and all(r.withheld for r in readings(app))
