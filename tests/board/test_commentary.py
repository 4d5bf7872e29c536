"""Commentary per KPI per period: officers write it, the board reads it beside the KPI."""

import sys

import pytest
from sqlmodel import Session, select

from app.models import AuditEvent, KpiCommentary, Role
from tests.board.reading import kpi_page, main_text, summary_row
from tests.kpi_fixtures import kpi_id
from tests.pages import error_messages, page, squash, submit, text

SLIPPAGE = (
    "Reviews slipped in June: two coordinators were off.\n"
    "Since July every review has a date, and young people say they were listened to."
)


@pytest.fixture
def officer(sign_in, today):
    return sign_in(Role.OFFICER, "officer@example.org")


def write(client, app, ref: str, period: str, words: str):
    """Send the commentary form for a KPI and period."""
    return submit(client, f"/board/kpis/{kpi_id(app, ref)}/commentary/{period}", {"text": words})


def stored(app) -> list[KpiCommentary]:
    with Session(app.extensions["engine"]) as session:
        return list(session.exec(select(KpiCommentary)))


def audit(app, action: str) -> list[AuditEvent]:
    with Session(app.extensions["engine"]) as session:
        return list(session.exec(select(AuditEvent).where(AuditEvent.action == action)))


def test_an_officer_writes_commentary_and_the_board_reads_it_everywhere(
    officer, app, review, client, sign_in
):
    response = write(officer, app, "R 1", "2025-07", SLIPPAGE)
    assert response.status_code == 302 and response.location.endswith("#commentary")
    assert "Your commentary on R 1 for July 2025 is saved." in text(officer.get(response.location))

    board = sign_in(Role.BOARD, "board@example.org")
    dashboard = board.get("/board/")
    note = page(dashboard).select_one(f"#note-{kpi_id(app, 'R 1')}")
    assert squash(note.h3.get_text(" ")) == "R 1 Young people"
    assert "Commentary for July 2025" in squash(note.get_text(" "))
    # Its line breaks are kept, and the row in the table points to it.
    assert note.select_one(".note-text").get_text() == SLIPPAGE
    link = summary_row(dashboard, "R 1").select_one("a.note-link")
    assert link["href"] == f"#note-{kpi_id(app, 'R 1')}"
    assert squash(link.get_text(" ")) == "Commentary on R 1 (Young people)"

    kpi = page(kpi_page(board, app, "R 1")).select_one("#commentary")
    assert SLIPPAGE in kpi.get_text() and "July 2025" in kpi.h3.get_text()
    pack = page(board.get("/board/pack"))
    card = pack.select_one(f"#kpi-{kpi_id(app, 'R 1')}")
    assert SLIPPAGE in card.get_text() and "Commentary for July 2025" in card.get_text()


def test_writing_again_for_the_same_period_replaces_it(officer, app, review):
    write(officer, app, "R 1", "2025-07", "First thoughts.")
    url = f"/board/kpis/{kpi_id(app, 'R 1')}/commentary/2025-07"
    assert page(officer.get(url)).select_one("textarea").get_text() == "First thoughts."
    write(officer, app, "R 1", "2025-07", SLIPPAGE)
    assert [(c.period, c.text) for c in stored(app)] == [("2025-07", SLIPPAGE)]
    saved = audit(app, "commentary_saved")
    assert [e.detail for e in saved] == [
        {"ref": "R 1", "period": "2025-07", "new": True},
        {"ref": "R 1", "period": "2025-07", "new": False},
    ]
    # The trail names the KPI and the period, never the words.
    assert all("slipped" not in str(e.detail) for e in saved)


def test_each_period_has_its_own_and_the_board_is_told_which_period_it_reads(officer, app, review):
    write(officer, app, "R 1", "2025-06", "June: two coordinators were off.")
    note = page(officer.get("/board/")).select_one(f"#note-{kpi_id(app, 'R 1')}")
    # Nothing is written for July yet, so June's is shown and says so.
    assert "Commentary for June 2025: nothing is written for July 2025 yet" in squash(
        note.get_text(" ")
    )
    write(officer, app, "R 1", "2025-07", "July: back on track.")
    shown = main_text(officer.get("/board/"))
    assert "July: back on track." in shown and "June: two coordinators" not in shown
    # June's stays June's: the dashboard read at June shows it.
    assert "June: two coordinators were off." in main_text(officer.get("/board/?period=2025-06"))
    kpi = page(kpi_page(officer, app, "R 1")).select_one("#commentary")
    assert [squash(h.get_text()) for h in kpi.select("h3")] == ["July 2025", "June 2025"]


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("", "Enter what you want the board to know about this KPI."),
        ("   \n  ", "Enter what you want the board to know about this KPI."),
        ("x" * 4001, "The commentary must be 4000 characters or fewer."),
    ],
)
def test_bad_commentary_is_explained_and_nothing_is_stored(officer, app, review, words, message):
    write(officer, app, "R 1", "2025-07", "Kept as it was.")
    response = write(officer, app, "R 1", "2025-07", words)
    assert response.status_code == 400
    assert error_messages(response) == [message]
    assert page(response).title.get_text().startswith("Error: Commentary on R 1 for July 2025")
    assert [c.text for c in stored(app)] == ["Kept as it was."]
    assert len(audit(app, "commentary_saved")) == 1


@pytest.mark.parametrize("period", ["2031-01", "2025-13", "last-month", "2025-Q3"])
def test_a_period_the_board_cannot_report_on_is_not_found(officer, app, review, period):
    url = f"/board/kpis/{kpi_id(app, 'R 1')}/commentary/{period}"
    assert officer.get(url).status_code == 404
    assert officer.post(url, data={"text": "Anything"}).status_code in (400, 404)
    assert stored(app) == []


def test_quarterly_boards_get_commentary_per_quarter(officer, app, review):
    app.config["BOARD_PERIOD"] = "quarter"
    write(officer, app, "R 1", "2025-Q3", "This quarter.")
    assert [c.period for c in stored(app)] == ["2025-Q3"]
    assert "Commentary for July to September 2025" in main_text(officer.get("/board/"))


def test_an_officer_can_delete_commentary_and_the_trail_says_so(officer, app, review):
    write(officer, app, "R 1", "2025-07", SLIPPAGE)
    url = f"/board/kpis/{kpi_id(app, 'R 1')}/commentary/2025-07"
    form = page(officer.get(url)).select_one("main form.discard")
    token = form.select_one("input[name=csrf_token]")["value"]
    response = officer.post(form["action"], data={"csrf_token": token})
    assert "The commentary on R 1 for July 2025 is deleted." in text(officer.get(response.location))
    assert stored(app) == []
    assert [e.detail for e in audit(app, "commentary_deleted")] == [
        {"ref": "R 1", "period": "2025-07"}
    ]
    again = officer.post(form["action"], data={"csrf_token": token})
    assert "There was no commentary on R 1 for July 2025 to delete." in text(
        officer.get(again.location)
    )


def test_the_board_reads_commentary_but_cannot_write_it(board, app, review):
    url = f"/board/kpis/{kpi_id(app, 'R 1')}/commentary/2025-07"
    assert board.get(url).status_code == 403
    assert board.post(url, data={"text": "From the board"}).status_code in (400, 403)
    assert stored(app) == []
    assert "Write the commentary" not in text(kpi_page(board, app, "R 1"))


def test_an_officer_is_offered_to_write_this_periods_commentary(officer, app, review):
    kpi = page(kpi_page(officer, app, "R 1")).select_one("#commentary")
    assert "No commentary is written for July 2025 yet." in squash(kpi.get_text(" "))
    link = kpi.select_one("a")
    assert squash(link.get_text()) == "Write the commentary for July 2025"
    assert link["href"] == f"/board/kpis/{kpi_id(app, 'R 1')}/commentary/2025-07"


def test_commentary_never_reaches_a_respondents_page(officer, app, review, client):
    write(officer, app, "R 1", "2025-07", SLIPPAGE)
    respondent = app.test_client()
    for url in ("/", "/s/review", "/s/review/paper", "/privacy"):
        response = respondent.get(url)
        assert "coordinators" not in response.get_data(as_text=True), url


# On SQLite the second save waits for the first's write lock and then finds its row; only
# PostgreSQL lets both look, find nothing and insert.
@pytest.mark.parametrize("backend", ["postgresql"])
def test_two_officers_saving_at_once_leave_the_later_words_and_no_error(
    officer, app, review, monkeypatch
):
    # The other officer's save lands between this save's look for a row and its insert.
    from app.board import commentary

    real_find, calls = commentary.find, []

    def find_after_the_other_save(kpi, period, *, session):
        if sys._getframe(1).f_code.co_name == "save" and not calls:
            calls.append(period)
            with Session(app.extensions["engine"]) as other:
                other.add(KpiCommentary(kpi_id=kpi, period=period.key, text="First thoughts."))
                other.commit()
            return None
        return real_find(kpi, period, session=session)

    monkeypatch.setattr(commentary, "find", find_after_the_other_save)
    response = write(officer, app, "R 1", "2025-07", SLIPPAGE)
    assert response.status_code == 302 and calls
    assert [(c.period, c.text) for c in stored(app)] == [("2025-07", SLIPPAGE)]
