"""HR writes to a candidate from the candidate page, the reply arrives in the inbox and lands
on the candidate's conversation and timeline, the inbox opens the message, and the bell
tells whose message was answered."""

from __future__ import annotations

import mailbox
import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import Application, Candidate, ConversationMessage, Job, Notification
from hireops.services.outreach.notifications import notify_from_events
from tests.browser.signing_in import open_signed_in
from tests.browser.waiting import wait_for
from tests.fakes.mail_factory import PDF, build_email, resume_pdf
from tests.factories import make_candidate, make_job

pytestmark = pytest.mark.browser
HOSTILE = "<img src=x onerror=alert(1)>"


def _candidate(app_db) -> Candidate:
    job = make_job(app_db, title="Platform Engineer")
    candidate = make_candidate(app_db, full_name="Noor Haddad", email="noor.haddad@example.org",
                               email_normalized="noor.haddad@example.org", source="email")
    app_db.add(Application(candidate_id=candidate.id, job_id=job.id, source="email"))
    app_db.commit()
    return candidate


def test_write_send_and_read_the_reply(page: Page, running_app, app_db):
    candidate = _candidate(app_db)
    notify_from_events(session=app_db)  # the notifications cursor starts before this test
    open_signed_in(page, running_app, f"/candidates/view?id={candidate.id}")

    # Write in free text with placeholders, preview, send.
    page.click("#conversation-write")
    page.fill("#conversation-subject", "Your application for {job_title}")
    page.fill("#conversation-body", "Hello {candidate_name},\n\nWhen could you start?\n\n"
                                    "{recruiter_name}")
    expect(page.locator("#conversation-send")).to_be_disabled()
    page.click("#conversation-preview-button")
    page.screenshot(path="test-artifacts/conversation-writer-1440.png", full_page=True)
    expect(page.locator("#conversation-preview-subject")).to_have_text(
        "Your application for Platform Engineer")
    expect(page.locator("#conversation-preview")).to_contain_text("Hello Noor Haddad,")
    expect(page.locator("#conversation-preview")).to_contain_text("Hannah Reyes")
    page.click("#conversation-send")
    thread = page.locator("#conversation-thread")
    expect(thread).to_contain_text("When could you start?")
    expect(page.locator("#candidate-timeline")).to_contain_text("wrote to Noor Haddad")

    app_db.expire_all()
    sent = app_db.exec(select(ConversationMessage)
                       .where(ConversationMessage.candidate_id == candidate.id)).one()
    assert sent.message_id.startswith("<outbox.")

    # Noor answers from her mail client: In-Reply-To names our message; a hostile line and a
    # file come with it.
    mailbox.Maildir(running_app.maildir, create=True).add(build_email(
        sender="noor.haddad@example.org", sender_name="Noor Haddad",
        subject="Re: Your application for Platform Engineer",
        body=f"I could start on 1 April.\n{HOSTILE}\nNoor",
        extra_headers={"In-Reply-To": sent.message_id, "References": sent.message_id},
        attachments=[("Noor_certificate.pdf", PDF, resume_pdf(["Certificate of employment"]))]))
    page.goto(running_app.url + "/inbox")
    page.click("#sync-now")
    table = page.locator("#inbox-table")
    expect(table).to_contain_text("Re: Your application for Platform Engineer", timeout=30_000)
    expect(table).to_contain_text("Reply")

    # Open it: body as text (the markup is shown, not run), reasons, the file.
    page.get_by_role("link", name="Re: Your application for Platform Engineer").click()
    dialog = page.locator("#message-dialog")
    expect(dialog.locator("#message-body")).to_contain_text("I could start on 1 April.")
    expect(dialog.locator("#message-body")).to_contain_text(HOSTILE)
    assert page.locator("#message-body img").count() == 0
    expect(dialog.locator("#message-reasoning")).to_contain_text("In-Reply-To names our message")
    expect(dialog.locator("#message-attachments")).to_contain_text("Noor_certificate.pdf")
    with page.expect_download() as download:
        dialog.locator(".message-attachment-download").click()
    assert download.value.suggested_filename == "Noor_certificate.pdf"
    assert "/files/attachments/" in download.value.url
    page.screenshot(path="test-artifacts/inbox-message-1440.png")
    page.click("#message-close")

    # The reply is on the candidate page, in the thread and the timeline; no new application.
    page.goto(f"{running_app.url}/candidates/view?id={candidate.id}")
    expect(page.locator(".conversation-in")).to_contain_text("I could start on 1 April.")
    expect(page.locator("#candidate-timeline")).to_contain_text("replied to our email")
    app_db.expire_all()
    assert len(app_db.exec(select(Application)
                           .where(Application.candidate_id == candidate.id)).all()) == 1

    # The bell: Hannah's message was answered, so she is told.
    notify_from_events(session=app_db)
    page.reload()
    bell = page.locator("#notification-bell")
    expect(page.locator(".bell-count").first).to_have_text(re.compile(r"^[1-9]\d*$"))
    before = int(page.locator(".bell-count").first.inner_text())
    page.screenshot(path="test-artifacts/candidate-conversation-1440.png", full_page=True)
    bell.click()
    item = page.locator("#notification-bell-panel .bell-item", has_text="Reply from Noor Haddad")
    expect(item).to_be_visible()
    page.screenshot(path="test-artifacts/bell-open-1440.png")
    item.click()
    expect(page).to_have_url(re.compile(rf"/candidates/view\?id={candidate.id}$"))
    # The clicked notification is read. The bell's count is not compared with `before - 1`:
    # other tests' work in the same app may add a notification meanwhile.
    def clicked_is_read() -> bool:
        app_db.expire_all()
        return any(row.read_at for row in app_db.exec(select(Notification).where(
            Notification.candidate_id == candidate.id,
            Notification.title.contains("Reply from Noor Haddad"))))

    assert before >= 1
    wait_for(clicked_is_read, 10, "the clicked notification to be read")

    # Phone width: the writer (from a template), the thread and the bell fit.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.locator("#notification-bell-phone")).to_be_visible()
    page.click("#conversation-write")
    page.click("#conversation-template")
    page.get_by_role("option", name="A question for the candidate").click()
    expect(page.locator("#conversation-subject")).to_have_value(
        "A question about your application for {job_title}")
    page.click("#conversation-preview-button")
    expect(page.locator("#conversation-preview")).to_contain_text("[your question]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path="test-artifacts/candidate-conversation-390.png", full_page=True)
    page.goto(running_app.url + "/inbox")
    page.get_by_role("link", name="Re: Your application for Platform Engineer").click()
    expect(page.locator("#message-body")).to_contain_text("I could start on 1 April.")
    page.screenshot(path="test-artifacts/inbox-message-390.png")
    page.goto(running_app.url + "/notifications")
    expect(page.locator("#notification-list")).to_contain_text("Reply from Noor Haddad")
    page.screenshot(path="test-artifacts/notifications-390.png", full_page=True)
    page.set_viewport_size({"width": 1440, "height": 900})
    page.reload()
    expect(page.locator("#notification-preferences")).to_contain_text("Reply from a candidate")
    page.screenshot(path="test-artifacts/notifications-1440.png", full_page=True)

    # Replies by email at once: chosen on the page, kept after a reload.
    reply_mode = page.locator(".notification-email-mode").nth(3)
    reply_mode.click()
    page.get_by_role("option", name="Email at once").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    page.reload()
    expect(page.locator(".notification-email-mode").nth(3)).to_have_text("Email at once")

    # The job's owner, chosen in the job editor, gets its notifications.
    job_id = app_db.exec(select(Application.job_id)
                         .where(Application.candidate_id == candidate.id)).one()
    page.goto(f"{running_app.url}/jobs/edit?id={job_id}")
    page.click("#job-owner")
    page.get_by_role("option", name="Hannah Reyes").click()
    expect(page.get_by_text("Owner saved")).to_be_visible()
    app_db.expire_all()
    assert app_db.get(Job, job_id).owner_id is not None


def test_write_to_a_person_in_the_talent_pool(page: Page, running_app, app_db):
    """Only in the pool: the message is about the pool entry, the template's wording names
    no job, and the message joins the thread filed against the entry."""
    lena = make_candidate(app_db, full_name="Lena Park", email="lena.park@example.org",
                          email_normalized="lena.park@example.org", source="email")
    pooled = Application(candidate_id=lena.id, job_id=None, source="email")
    app_db.add(pooled)
    app_db.commit()
    open_signed_in(page, running_app, f"/candidates/view?id={lena.id}")

    page.click("#conversation-write")
    expect(page.locator("#conversation-about")).to_have_text("Talent pool")
    page.click("#conversation-template")
    page.get_by_role("option", name="A question for the candidate").click()
    expect(page.locator("#conversation-subject")).to_have_value("A question from {company_name}")
    page.click("#conversation-preview-button")
    preview = page.locator("#conversation-preview")
    expect(preview).to_contain_text("Hello Lena Park,")
    expect(preview).to_contain_text("kept your profile")
    expect(preview).not_to_contain_text("None")
    page.screenshot(path="test-artifacts/conversation-pool-writer-1440.png", full_page=True)
    page.click("#conversation-send")
    expect(page.locator("#conversation-thread")).to_contain_text("[your question]")

    app_db.expire_all()
    sent = app_db.exec(select(ConversationMessage)
                       .where(ConversationMessage.candidate_id == lena.id)).one()
    assert sent.application_id == pooled.id
