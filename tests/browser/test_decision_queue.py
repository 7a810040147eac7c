"""The dashboard's "Decision required" queue in Chromium: approve and schedule the candidate's
preferred slot; a viewer sees the card without actions."""

from __future__ import annotations


import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from hireops.models import Application, Evaluation, InterviewBooking, OutboxMessage
from hireops.services.decisions.flow import apply_after_evaluation
from hireops.services.jobs.records import JobForm, create_job
from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import sign_in
from tests.factories import make_application, make_candidate

pytestmark = pytest.mark.browser




def _held_application(session: Session, name: str, slot_text: str) -> int:
    """An interviewed application the rule holds for HR (resume 85, interview 70)."""
    job = create_job(session=session, actor=None, form=JobForm(
        title=f"Data Engineer ({name})", must_have_skills=["Python", "SQL"]))
    candidate = make_candidate(session, full_name=name, email=f"{name.split()[0].lower()}@example.com")
    application = make_application(session, candidate=candidate, job=job, resume_score=85.0,
                                            interview_score=70.0)
    session.add(Evaluation(application_id=application.id, status="ok", score=70.0,
                           strengths=["Explains SQL query plans clearly"],
                           concerns=["No streaming experience"],
                           summary="Good fundamentals, thin on streaming.",
                           preferred_slot_text=slot_text))
    session.commit()
    decision = apply_after_evaluation(session=session, application_id=application.id)
    assert (decision.outcome, decision.status) == ("hold", "pending_hr")
    return application.id


def test_approve_and_schedule_from_the_dashboard_queue(page: Page, running_app, app_db):
    application_id = _held_application(app_db, "Katherine Johnson", "Thursday at 10am")
    sign_in(page, running_app)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    card = page.locator(f"#decision-card-{application_id}")
    expect(card).to_contain_text("Katherine Johnson")
    expect(card).to_contain_text("HOLD")
    expect(card).to_contain_text("Interview 70 < 75")
    expect(card).to_contain_text("No streaming experience")
    expect(card).to_contain_text("Thursday at 10am")
    approve = card.locator(".approve-preferred")
    expect(approve).to_contain_text("Thu ")
    expect(approve).to_contain_text("10:00–10:45 CET")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "decision_queue_dashboard.png"), full_page=True)

    scheduled = page.locator("#stage-row-screening_scheduled p").last
    scheduled_before = int(scheduled.inner_text())
    approve.click()
    confirm = page.locator("#approve-confirm")
    expect(page.locator(".confirm-dialog")).to_contain_text(
        "Approve Katherine Johnson and send the invitation?")
    expect(page.locator(".confirm-dialog")).to_contain_text("Thu ")
    # Where it happens: a meeting link typed in the dialog, into the booking and the .ics.
    page.fill("#approve-location", "https://meet.example.test/kj-1")
    page.screenshot(path=str(ARTIFACTS / "decision_queue_approve_confirm.png"))
    confirm.click()
    expect(page.get_by_text("Interview booked")).to_be_visible()
    expect(card).to_have_count(0)
    # The figures beside the queue follow at once, not at the next live update.
    expect(scheduled).to_have_text(str(scheduled_before + 1), timeout=5_000)

    app_db.expire_all()
    [mail] = app_db.exec(select(OutboxMessage).where(
        OutboxMessage.application_id == application_id)).all()
    assert mail.kind == "schedule" and mail.to_address == "katherine@example.com"
    assert mail.ics.startswith("BEGIN:VCALENDAR") and "METHOD:REQUEST" in mail.ics
    booking = app_db.exec(select(InterviewBooking).where(
        InterviewBooking.application_id == application_id)).one()
    assert (booking.status, booking.source, booking.original_text) == (
        "booked", "preferred", "Thursday at 10am")
    assert booking.location == "https://meet.example.test/kj-1"
    assert "URL:https://meet.example.test/kj-1" in mail.ics
    assert app_db.get(Application, application_id).stage == "screening_scheduled"


def test_cancelling_the_approval_books_and_sends_nothing(page: Page, running_app, app_db):
    application_id = _held_application(app_db, "Annie Easley", "Wednesday at 2pm")
    sign_in(page, running_app)
    card = page.locator(f"#decision-card-{application_id}")
    card.locator(".approve-preferred").click()
    page.locator(".confirm-dialog .confirm-cancel").click()
    expect(page.locator(".confirm-dialog")).to_have_count(0)
    page.wait_for_timeout(1000)
    expect(card).to_be_visible()
    app_db.expire_all()
    assert app_db.exec(select(OutboxMessage).where(
        OutboxMessage.application_id == application_id)).all() == []


def test_a_viewer_sees_the_card_without_actions(page: Page, running_app, app_db):
    application_id = _held_application(app_db, "Dorothy Vaughan", "Friday afternoon")
    sign_in(page, running_app, email=running_app.viewer_email,
            password=running_app.viewer_password)
    card = page.locator(f"#decision-card-{application_id}")
    expect(card).to_contain_text("Dorothy Vaughan")
    expect(card.locator(".approve-preferred")).to_have_count(0)
    expect(card.locator(".override-open")).to_have_count(0)


def test_a_double_click_on_approve_books_and_sends_once(page: Page, running_app, app_db):
    # A slot of its own (the first test booked Thursday at 10).
    application_id = _held_application(app_db, "Mary Jackson", "Tuesday at 3pm")
    sign_in(page, running_app)
    card = page.locator(f"#decision-card-{application_id}")
    approve = card.locator(".approve-preferred")
    expect(approve).to_contain_text("Tue ")

    approve.click()
    page.locator("#approve-confirm").dblclick()  # two presses, faster than any reply
    expect(page.get_by_text("Interview booked")).to_be_visible()
    expect(card).to_have_count(0)
    page.wait_for_timeout(1500)  # room for a second approval, were one under way

    app_db.expire_all()
    mails = app_db.exec(select(OutboxMessage).where(
        OutboxMessage.application_id == application_id)).all()
    assert [m.kind for m in mails] == ["schedule"]
    bookings = app_db.exec(select(InterviewBooking).where(
        InterviewBooking.application_id == application_id)).all()
    assert [(b.status, b.ics_sequence) for b in bookings] == [("booked", 0)]
