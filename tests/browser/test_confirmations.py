"""Actions that cannot be undone or that send mail ask first, in one dialog: close a job, reject
from a row, deactivate a user (never oneself), revoke a token or a link, merge, override after an
email; and mail that only reached the outbox folder is never called "sent"."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import (
    ApiToken,
    Application,
    Candidate,
    InterviewLink,
    Job,
    OutboxMessage,
    User,
)
from hireops.services.platform.api_tokens import create_api_token
from hireops.services.platform.auth import create_user
from hireops.services.decisions.flow import reject_with_email
from hireops.services.interviews.links import generate_link
from hireops.services.jobs.records import JobForm, create_job
from hireops.services.mail.sender import MaildirSender
from hireops.services.outreach.outbox import deliver_due
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_decision_queue import _held_application
from tests.browser.signing_in import sign_in
from tests.factories import make_candidate

pytestmark = pytest.mark.browser

DESKTOP, PHONE = 1440, 390


def _screens(page: Page, name: str) -> None:
    """The page as it stands, at desktop and phone width (kept in test-artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (DESKTOP, PHONE):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(300)
        page.screenshot(path=str(ARTIFACTS / f"confirm_{name}_{width}.png"), full_page=True)
    page.set_viewport_size({"width": DESKTOP, "height": 900})


def _dialog(page: Page):
    return page.locator(".confirm-dialog")


def test_closing_a_job_asks_first_and_keeps_the_row_in_place(page: Page, running_app, app_db):
    for title in ("Payroll Specialist", "Talent Partner"):
        create_job(session=app_db, actor=None, form=JobForm(title=title, must_have_skills=["x"]))
    sign_in(page, running_app)
    page.goto(running_app.url + "/jobs")
    rows = page.locator("#jobs-table tbody tr")
    first = rows.first.locator("a").first.inner_text()
    rows.first.locator(".close-job").click()
    expect(_dialog(page)).to_contain_text(f"Close {first}?")
    _screens(page, "close_job")
    page.locator(".confirm-cancel").click()
    expect(_dialog(page)).to_have_count(0)
    expect(rows.first).to_contain_text("Open")

    rows.first.locator(".close-job").click()
    page.locator(".confirm-action").click()
    expect(page.get_by_text(f"{first} closed.")).to_be_visible()
    # Closed, and still the first row: the next job's Close did not slide under the pointer.
    expect(rows.first).to_contain_text(first)
    expect(rows.first).to_contain_text("Closed")
    app_db.expire_all()
    assert app_db.exec(select(Job).where(Job.title == first)).one().status == "closed"


def test_rejecting_from_a_row_asks_the_same_reason_as_a_bulk_reject(page: Page, running_app,
                                                                    app_db):
    application_id = _held_application(app_db, "Grace Hopper", "Monday at 9am")
    sign_in(page, running_app)
    page.goto(running_app.url + "/candidates")
    row = page.locator("#applications-table tbody tr", has_text="Grace Hopper")
    row.get_by_role("combobox").click()
    page.get_by_role("option", name="Rejected").click()
    expect(_dialog(page)).to_contain_text("Reject this application?")
    confirm = page.locator("#reject-confirm")
    expect(confirm).to_be_disabled()
    _screens(page, "reject_row")
    page.fill("#reject-reason", "Needs a work permit we cannot sponsor")
    confirm.click()
    expect(page.get_by_text("1 application(s) moved to Rejected")).to_be_visible()
    app_db.expire_all()
    application = app_db.get(Application, application_id)
    assert (application.stage, application.rejection_reason) == (
        "rejected", "Needs a work permit we cannot sponsor")


def test_emailing_links_from_the_tracker_asks_first(page: Page, running_app, app_db):
    application_id = _held_application(app_db, "Rosalind Franklin", "Tuesday at 10am")
    sign_in(page, running_app)
    page.goto(running_app.url + "/candidates")
    row = page.locator("#applications-table tbody tr", has_text="Rosalind Franklin")
    row.get_by_role("checkbox").click()
    page.locator("#bulk-invite").click()
    expect(_dialog(page)).to_contain_text("Email an interview link to this candidate?")
    _screens(page, "bulk_invite")
    page.locator(".confirm-cancel").click()
    page.wait_for_timeout(800)
    app_db.expire_all()
    assert _mail_kinds(app_db, application_id) == []
    page.locator("#bulk-invite").click()
    page.locator("#bulk-invite-confirm").click()
    expect(page.get_by_text("1 interview invitation(s) queued.")).to_be_visible()
    app_db.expire_all()
    assert _mail_kinds(app_db, application_id) == ["invite"]


def _mail_kinds(session, application_id: int) -> list[str]:
    return [m.kind for m in session.exec(select(OutboxMessage).where(
        OutboxMessage.application_id == application_id)).all()]


def test_deactivating_asks_first_and_refuses_oneself(page: Page, running_app, app_db):
    create_user(session=app_db, email="leaving@example.com", password="leaving-password-1",
                role="recruiter", actor=None)
    app_db.commit()
    sign_in(page, running_app)
    page.goto(running_app.url + "/settings")
    page.locator("#tab-team").click()
    mine = page.locator("tr", has_text=running_app.admin_email)
    mine.locator(".deactivate-user").click()
    expect(_dialog(page)).to_contain_text(f"Deactivate {running_app.admin_email}?")
    page.locator(".confirm-action").click()
    expect(page.get_by_text("You cannot deactivate your own account.")).to_be_visible()

    theirs = page.locator("tr", has_text="leaving@example.com")
    theirs.locator(".deactivate-user").click()
    _screens(page, "deactivate_user")
    page.locator(".confirm-action").click()
    expect(theirs).to_contain_text("disabled")
    app_db.expire_all()
    users = {u.email: u.is_active for u in app_db.exec(select(User)).all()}
    assert users["leaving@example.com"] is False and users[running_app.admin_email] is True


def test_revoking_a_token_asks_first(page: Page, running_app, app_db):
    token, _ = create_api_token(session=app_db, name="Payroll sync", scope="read", actor=None)
    sign_in(page, running_app)
    page.goto(running_app.url + "/settings/api")
    row = page.locator("tr", has_text="Payroll sync")
    row.locator(".revoke-token").click()
    expect(_dialog(page)).to_contain_text("Revoke the token Payroll sync?")
    _screens(page, "revoke_token")
    page.locator(".confirm-cancel").click()
    app_db.expire_all()
    assert app_db.get(ApiToken, token.id).revoked_at is None
    row.locator(".revoke-token").click()
    page.locator(".confirm-action").click()
    expect(row).to_contain_text("revoked")
    app_db.expire_all()
    assert app_db.get(ApiToken, token.id).revoked_at is not None


def test_revoking_a_link_and_merging_ask_first(page: Page, running_app, app_db):
    application_id = _held_application(app_db, "Hedy Lamarr", "Friday at 11am")
    issued = generate_link(session=app_db, application_id=application_id, actor=None)
    app_db.commit()
    keep = app_db.get(Application, application_id).candidate_id
    duplicate = make_candidate(app_db, full_name="Hedy Lamarr", email="hedy.l@example.org")
    app_db.commit()
    sign_in(page, running_app)
    page.goto(f"{running_app.url}/candidates/view?id={keep}")
    page.locator(".revoke-link").first.click()
    expect(_dialog(page)).to_contain_text("Revoke this interview link?")
    _screens(page, "revoke_link")
    page.locator(".confirm-action").click()
    expect(page.locator("#interview-cards")).to_contain_text("Revoked")
    app_db.expire_all()
    assert app_db.get(InterviewLink, issued.link.id).status == "revoked"

    page.fill("#merge-id", str(duplicate.id))
    page.locator("#merge-candidate").click()
    expect(_dialog(page)).to_contain_text(f"Merge record {duplicate.id} into this one?")
    _screens(page, "merge")
    page.locator("#merge-confirm").click()
    # The toast names no internal id.
    expect(page.get_by_text("Merged the duplicate into this record.")).to_be_visible()
    app_db.expire_all()
    assert app_db.get(Candidate, duplicate.id).merged_into_id == keep


def test_override_warns_after_an_email_and_mail_saved_to_the_folder_says_so(
        page: Page, running_app, app_db, tmp_path):
    application_id = _held_application(app_db, "Lise Meitner", "Monday at 4pm")
    hr = app_db.exec(select(User).where(User.email == running_app.admin_email)).one()
    reject_with_email(session=app_db, application_id=application_id, reason="Not enough depth",
                      subject="Your application", body="Thank you.", actor=hr)
    deliver_due(session=app_db, sender=MaildirSender(tmp_path / "outbox",
                                                     from_address="hr@example.com"))
    candidate_id = app_db.get(Application, application_id).candidate_id
    sign_in(page, running_app)
    expect(page.locator("#mail-not-set")).to_contain_text("No mail server is set")
    _screens(page, "dashboard_mail_banner")

    page.goto(f"{running_app.url}/candidates/view?id={candidate_id}")
    status = page.locator(".outgoing-mail .mail-status")
    expect(status).to_have_text("saved to the outbox folder (no mail server set)")
    page.locator(".override-open").first.click()
    page.locator("#override-choice").click()
    page.get_by_role("option", name="advance").click()
    expect(page.locator("#override-mail-warning")).to_contain_text(
        "already emailed a rejection")
    expect(page.locator("#override-confirm")).to_have_text("Override anyway")
    _screens(page, "override_warning")

    page.goto(running_app.url + "/settings")
    expect(page.locator("#mail-not-set")).to_be_visible()
    _screens(page, "settings_mail_banner")
