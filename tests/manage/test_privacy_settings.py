"""The council's privacy notice (admin) and each survey's retention period (officer)."""

import pytest
from sqlmodel import Session, select

from app.i18n import LANGUAGES
from app.models import AuditEvent, PrivacyNotice, Role
from tests.conftest import survey_by_slug
from tests.journey import SHORTEST, answer_through, start
from tests.pages import error_messages, page, submit, text
from tests.samples import ALL_TYPES

NOTICE = {
    "organisation": "Northshire SEND Partnership",
    "controller": "Northshire Council",
    "contact": "privacy@northshire.example\n01234 567890",
    "dpo_contact": "dpo@northshire.example",
    "retention": "We follow the council's records policy, section 4.",
    "complaints": "https://ico.org.uk/make-a-complaint/\n0303 123 1113",
}
NOT_SET = "have not been set yet"


def stored(app) -> PrivacyNotice | None:
    with Session(app.extensions["engine"]) as session:
        return session.get(PrivacyNotice, 1)


def events(app) -> list[tuple[str, str]]:
    with Session(app.extensions["engine"]) as session:
        # Signing in is audited too; these tests are about what the page itself records.
        found = session.exec(select(AuditEvent).where(AuditEvent.action != "signed_in")).all()
        return [(e.action, e.subject) for e in found]


def test_until_an_admin_sets_it_the_privacy_page_says_the_details_are_not_set(client):
    assert NOT_SET in text(client.get("/privacy"))
    easy = text(client.get("/privacy?easy=1"))
    assert "We have not added our contact details yet." in easy


def test_an_admin_is_reminded_and_an_officer_is_not(app, sign_in):
    admin = sign_in(Role.ADMIN, "admin@example.org")
    reminder = "Your privacy notice does not say who runs these surveys"
    assert reminder in text(admin.get("/manage/"))
    submit(admin, "/manage/settings/privacy-notice", NOTICE)
    assert reminder not in text(admin.get("/manage/"))


def test_an_officer_does_not_see_the_reminder(sign_in):
    officer = sign_in(Role.OFFICER)
    assert "Your privacy notice" not in text(officer.get("/manage/"))


def test_an_admin_sets_the_notice_and_every_language_shows_it_as_given(app, client, sign_in):
    admin = sign_in(Role.ADMIN, "admin@example.org")
    form = page(admin.get("/manage/settings/privacy-notice"))
    assert "ico.org.uk" in form.select_one("#complaints").get_text()  # the ICO, filled in
    saved = submit(admin, "/manage/settings/privacy-notice", NOTICE)
    assert saved.status_code == 302
    assert stored(app).organisation == "Northshire SEND Partnership"
    assert events(app) == [("changed", "privacy_notice")]
    visitor = app.test_client()
    for code in LANGUAGES:
        for easy in ("0", "1"):
            shown = page(visitor.get(f"/privacy?lang={code}&easy={easy}"))
            given = [bdi.get_text() for bdi in shown.select("bdi.given")]
            assert NOTICE["organisation"] in given and NOTICE["contact"] in given, code
            assert NOT_SET not in shown.get_text()


def test_the_notice_is_shown_as_text_never_as_markup(app, client, sign_in):
    admin = sign_in(Role.ADMIN, "admin@example.org")
    submit(admin, "/manage/settings/privacy-notice", {**NOTICE, "organisation": "<b>Hi</b>"})
    shown = client.get("/privacy").get_data(as_text=True)
    assert "&lt;b&gt;Hi&lt;/b&gt;" in shown and "<b>Hi</b>" not in shown


def test_the_welsh_privacy_page_keeps_the_councils_words_and_translates_its_own(
    app, client, sign_in
):
    admin = sign_in(Role.ADMIN, "admin@example.org")
    submit(admin, "/manage/settings/privacy-notice", NOTICE)
    shown = text(client.get("/privacy?lang=cy"))
    assert "Northshire SEND Partnership" in shown
    assert "Who runs these surveys" not in shown  # the heading is in Welsh


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"organisation": ""}, "Enter the name of the organisation."),
        ({"organisation": "   "}, "Enter the name of the organisation."),
        ({"controller": ""}, "Enter the data controller."),
        ({"contact": ""}, "Enter how people can contact you."),
        ({"dpo_contact": ""}, "Enter how to contact your data protection officer."),
        ({"complaints": ""}, "Enter how to complain to the ICO."),
        ({"organisation": "x" * 201}, "Use 200 characters or fewer."),
        ({"contact": "x" * 1001}, "Use 1000 characters or fewer."),
        ({"support_contact": "x" * 1001}, "Use 1000 characters or fewer."),
    ],
)
def test_a_notice_with_a_missing_or_long_field_says_which_and_stores_nothing(
    app, sign_in, change, message
):
    admin = sign_in(Role.ADMIN, "admin@example.org")
    refused = submit(admin, "/manage/settings/privacy-notice", {**NOTICE, **change})
    assert refused.status_code == 400 and error_messages(refused) == [message]
    assert stored(app) is None and events(app) == []


def test_changing_the_notice_keeps_one_row(app, sign_in):
    admin = sign_in(Role.ADMIN, "admin@example.org")
    submit(admin, "/manage/settings/privacy-notice", NOTICE)
    submit(admin, "/manage/settings/privacy-notice", {**NOTICE, "retention": ""})
    notice = stored(app)
    assert notice.retention is None and notice.organisation == NOTICE["organisation"]
    with Session(app.extensions["engine"]) as session:
        assert len(session.exec(select(PrivacyNotice)).all()) == 1


@pytest.mark.parametrize("role", [Role.OFFICER, Role.BOARD, Role.SAFEGUARDING])
def test_only_an_admin_sets_the_notice(app, sign_in, role):
    staff = sign_in(role, f"{role}@example.org")
    assert staff.get("/manage/settings/privacy-notice").status_code == 403
    # A valid token from a public form: the refusal is the role's, not the token's.
    token = page(staff.get("/s/post-14-review")).select_one("input[name=csrf_token]")["value"]
    data = {**NOTICE, "csrf_token": token}
    assert staff.post("/manage/settings/privacy-notice", data=data).status_code == 403
    assert stored(app) is None


def test_an_officer_sets_how_long_a_surveys_responses_are_kept(app, sign_in, db_session):
    officer = sign_in(Role.OFFICER)
    listed = text(officer.get("/manage/"))
    assert "are kept 36 months: change" in listed
    saved = submit(officer, "/manage/surveys/post-14-review/retention", {"months": "24"})
    assert saved.status_code == 302
    assert survey_by_slug(db_session, "post-14-review").retention_months == 24
    assert events(app) == [("changed", "survey:post-14-review")]
    # Digits in any script are the same number.
    submit(officer, "/manage/surveys/post-14-review/retention", {"months": "١٢"})
    db_session.expire_all()
    assert survey_by_slug(db_session, "post-14-review").retention_months == 12


@pytest.mark.parametrize("months", ["", "0", "121", "1.5", "twelve", "²", "-3", "9" * 400])
def test_a_retention_period_that_is_not_1_to_120_months_changes_nothing(
    app, sign_in, db_session, months
):
    officer = sign_in(Role.OFFICER)
    refused = submit(officer, "/manage/surveys/post-14-review/retention", {"months": months})
    assert refused.status_code == 400
    expected = (
        "Enter a number of months."
        if not months
        else ("Enter a whole number of months from 1 to 120.")
    )
    assert error_messages(refused) == [expected]
    assert survey_by_slug(db_session, "post-14-review").retention_months is None
    assert events(app) == []


def test_the_board_cannot_change_retention(sign_in):
    board = sign_in(Role.BOARD, "board@example.org")
    assert board.get("/manage/surveys/post-14-review/retention").status_code == 403


def test_an_unknown_survey_has_no_retention_page(sign_in):
    officer = sign_in(Role.OFFICER)
    assert officer.get("/manage/surveys/no-such-survey/retention").status_code == 404


SUPPORT = "Northshire Young People's Team\nText 07700 900123, Monday to Friday, 9am to 5pm"


def thanks(client, slug, query=""):
    client.get(f"/{query}")
    submit(client, answer_through(client, start(client, slug), SHORTEST))
    return page(client.get(f"/s/{slug}/sent"))


def test_an_admin_adds_a_support_contact_that_the_thank_you_page_shows_as_given(
    app, client, sign_in, make_survey
):
    slug = make_survey(ALL_TYPES)
    assert SUPPORT not in thanks(app.test_client(), slug).get_text()
    admin = sign_in(Role.ADMIN, "admin@example.org")
    saved = submit(admin, "/manage/settings/privacy-notice", {**NOTICE, "support_contact": SUPPORT})
    assert saved.status_code == 302 and stored(app).support_contact == SUPPORT
    for query in ("?easy=0", "?easy=1", "?lang=ur&easy=1", "?lang=cy"):
        shown = thanks(app.test_client(), slug, query)
        given = [bdi.get_text() for bdi in shown.select("main bdi.given")]
        assert given == [SUPPORT], query
        assert shown.select_one('a[href="tel:08001111"]') is not None, query


def test_the_privacy_page_shows_the_support_contact_beside_childline(app, client, sign_in):
    admin = sign_in(Role.ADMIN, "admin@example.org")
    submit(admin, "/manage/settings/privacy-notice", {**NOTICE, "support_contact": SUPPORT})
    for easy in ("0", "1"):
        shown = page(client.get(f"/privacy?easy={easy}"))
        assert SUPPORT in [bdi.get_text() for bdi in shown.select("bdi.given")], easy


def test_the_support_contact_is_optional_and_can_be_taken_away(app, sign_in):
    admin = sign_in(Role.ADMIN, "admin@example.org")
    submit(admin, "/manage/settings/privacy-notice", {**NOTICE, "support_contact": SUPPORT})
    submit(admin, "/manage/settings/privacy-notice", {**NOTICE, "support_contact": "   "})
    assert stored(app).support_contact is None
    form = page(admin.get("/manage/settings/privacy-notice"))
    assert form.select_one("label[for=support_contact]") is not None
