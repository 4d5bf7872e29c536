"""Admins read the audit log a page at a time, filter it by who, what and when, and export it."""

import csv
import io
from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from app.accounts import sessions
from app.auth import TOKEN
from app.models import AuditEvent, Role, StaffUser, utcnow
from tests.pages import error_messages, page, squash, text

URL = "/manage/audit"


@pytest.fixture
def admin(app, client):
    """A client signed in as an admin without the sign-in form, whose own "signed in" event
    would stand first in every log these tests read."""
    with Session(app.extensions["engine"]) as session:
        user = StaffUser(email="admin@example.org", role=Role.ADMIN, password_hash="!none")
        session.add(user)
        session.flush()
        token = sessions.start(user.id, utcnow(), session=session)
        session.commit()
    with client.session_transaction() as browser:
        browser[TOKEN] = token
    return client


def add_events(app, *events: tuple[str, str, str | None, datetime]) -> None:
    """Store events as (action, subject, staff email or None, when)."""
    with Session(app.extensions["engine"]) as session:
        ids = dict(session.exec(select(StaffUser.email, StaffUser.id)).all())
        for action, subject, email, at in events:
            staff_id = ids.get(email)
            session.add(AuditEvent(action=action, subject=subject, staff_id=staff_id, at=at))
        session.commit()


def shown(response) -> list[list[str]]:
    return [
        [squash(td.get_text(" ")) for td in tr.select("td")]
        for tr in page(response).select("table.audit tbody tr")
    ]


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=UTC)


def test_the_log_shows_who_did_what_and_when_newest_first(admin, app):
    add_events(
        app,
        ("survey_closed", "survey:post-14-review", "admin@example.org", at(2)),
        ("viewed", "alert:4", None, at(3, 9)),
    )
    response = admin.get(URL)
    assert response.status_code == 200
    assert shown(response) == [
        ["3 March 2026, 09:00", "Heard itself", "Read a flagged comment", "alert:4", ""],
        [
            "2 March 2026, 12:00",
            "admin@example.org",
            "Closed a survey",
            "survey:post-14-review",
            "",
        ],
    ]
    assert "2 events match." in text(response)


def test_the_admin_start_page_links_to_the_log_and_an_officer_cannot_open_it(admin, sign_in):
    assert f'href="{URL}"' in admin.get("/manage/").get_data(as_text=True)
    officer = sign_in(Role.OFFICER)
    assert officer.get(URL).status_code == 403
    assert officer.get(f"{URL}.csv").status_code == 403


def test_filters_keep_one_person_one_action_and_a_range_of_london_days(admin, sign_in, app):
    sign_in(Role.OFFICER)  # another member of staff to tell apart
    admin = sign_in(Role.ADMIN, "admin2@example.org")
    add_events(
        app,
        ("survey_closed", "survey:a", "officer@example.org", at(1)),
        ("survey_opened", "survey:a", "officer@example.org", at(5)),
        ("survey_closed", "survey:b", "admin2@example.org", at(5)),
        # 00:30 London summer time on 29 March is 23:30 UTC on the 28th.
        (
            "survey_closed",
            "survey:c",
            "officer@example.org",
            datetime(2026, 4, 5, 23, 30, tzinfo=UTC),
        ),
    )
    staff = {
        o.get_text(): o["value"] for o in page(admin.get(URL)).select("#who option") if o["value"]
    }
    response = admin.get(URL, query_string={"who": staff["officer@example.org"]})
    # Today the officer also signed in (through the form, so audited): that row comes first.
    assert [row[3] for row in shown(response)] == ["staff:2", "survey:c", "survey:a", "survey:a"]
    response = admin.get(URL, query_string={"what": "survey_closed", "since": "2026-03-02"})
    assert [row[3] for row in shown(response)] == ["survey:c", "survey:b"]
    response = admin.get(URL, query_string={"since": "2026-04-06", "until": "2026-04-06"})
    assert [row[3] for row in shown(response)] == ["survey:c"]
    response = admin.get(URL, query_string={"since": "2026-03-02", "until": "2026-04-05"})
    assert [row[3] for row in shown(response)] == ["survey:b", "survey:a"]
    response = admin.get(URL, query_string={"until": "2026-03-04"})
    assert [row[3] for row in shown(response)] == ["survey:a"]


@pytest.mark.parametrize(
    ("query", "messages"),
    [
        (
            {"since": "31/03/2026"},
            ["Enter the first day as year-month-day, for example 2026-03-31."],
        ),
        (
            {"until": "2026-02-30"},
            ["Enter the last day as year-month-day, for example 2026-03-31."],
        ),
        ({"until": "9999-12-31"}, ["Enter a date between the years 2000 and 2999."]),
        (
            {"since": "2026-03-05", "until": "2026-03-01"},
            ["Enter a last day that is on or after the first day."],
        ),
        (
            {"who": "99999", "what": "flew"},
            [
                "Choose a member of staff from the list.",
                "Choose what was done from the list.",
            ],
        ),
    ],
)
def test_bad_filters_are_explained_and_show_no_events(admin, app, query, messages):
    add_events(app, ("viewed", "alert:1", None, at(3)))
    response = admin.get(URL, query_string=query)
    assert response.status_code == 400
    assert error_messages(response) == messages
    assert shown(response) == []
    download = admin.get(f"{URL}.csv", query_string=query)
    assert download.status_code == 400 and download.get_data(as_text=True).strip() == "\n".join(
        messages
    )


def test_the_log_comes_fifty_events_a_page(admin, app):
    add_events(app, *[("viewed", f"alert:{i}", None, at(1 + i // 10)) for i in range(120)])
    first = admin.get(URL)
    assert len(shown(first)) == 50 and "Page 1 of 3" in text(first)
    assert shown(first)[0][3] == "alert:119"
    older = page(first).select_one("a[rel=next]")["href"]
    assert "page=2" in older
    last = admin.get(f"{URL}?page=3")
    assert len(shown(last)) == 20 and shown(last)[-1][3] == "alert:0"
    assert page(last).select_one("a[rel=next]") is None
    assert shown(admin.get(f"{URL}?page=99")) == shown(last)
    assert shown(admin.get(f"{URL}?page=lots")) == shown(first)


def test_page_links_keep_the_filters(admin, app):
    add_events(app, *[("viewed", f"alert:{i}", None, at(2)) for i in range(60)])
    response = admin.get(URL, query_string={"what": "viewed", "since": "2026-03-01"})
    older = page(response).select_one("a[rel=next]")["href"]
    assert "what=viewed" in older and "since=2026-03-01" in older
    csv_link = page(response).select_one("a[download]")["href"]
    assert csv_link.startswith(f"{URL}.csv?") and "what=viewed" in csv_link


def test_the_csv_holds_every_filtered_event_and_its_download_is_recorded(admin, app):
    add_events(
        app,
        ("downloaded", "survey:a", "admin@example.org", at(1)),
        ("viewed", "=cmd|' /C calc'!A0", None, at(2)),
    )
    response = admin.get(f"{URL}.csv", query_string={"what": "viewed"})
    assert response.mimetype == "text/csv"
    assert 'filename="audit-log.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [(r["action"], r["subject"], r["staff"]) for r in rows] == [
        ("viewed", "'=cmd|' /C calc'!A0", "")
    ]
    assert rows[0]["at_utc"].startswith("2026-03-02T12:00")
    newest = shown(admin.get(URL))[0]
    assert newest[1:4] == ["admin@example.org", "Downloaded a file", "audit"]
