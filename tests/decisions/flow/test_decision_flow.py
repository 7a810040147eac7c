"""After the evaluation: auto-advance, auto-reject off and on, and HR's actions from the
decision queue (approve and schedule, reject with an email, override), all audited."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from icalendar import Calendar
from sqlmodel import select

from hireops.models import Decision, Event, InterviewBooking, OutboxMessage, Stage
from hireops.services.decisions.flow import (
    DecisionActionRefused,
    apply_after_evaluation,
    approve_and_schedule,
    decision_card,
    decision_queue,
    override,
    reject_with_email,
    rejection_draft,
)
from hireops.services.decisions.rule import get_current_decision
from hireops.services.candidates.stages import STAGE_CHANGED
from hireops.services.candidates.tracker import move_stage
from tests.decisions.flow.conftest import NOW, PREFERRED


def _outbox(session) -> list[OutboxMessage]:
    return session.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()


def _actions(session, application_id) -> list[str]:
    return session.exec(select(Event.action).where(Event.entity_type == "application",
                                                   Event.entity_id == application_id)
                        .order_by(Event.id)).all()


def test_auto_advance_books_the_preferred_slot_and_queues_one_confirmation(session,
                                                                          make_application):
    application = make_application(90, 90, auto_advance=True)
    decision = apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    assert (decision.outcome, decision.status) == ("advance", "confirmed")
    booking = session.exec(select(InterviewBooking)).one()
    assert (booking.source, booking.original_text) == ("preferred", PREFERRED)
    [mail] = _outbox(session)
    assert mail.kind == "schedule" and mail.application_id == application.id
    event = Calendar.from_ical(mail.ics).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == booking.starts_at
    session.refresh(application)
    assert application.stage == Stage.screening_scheduled
    [move] = session.exec(select(Event).where(Event.action == STAGE_CHANGED)).all()
    assert (move.actor_label, move.after["booking_id"]) == ("system", booking.id)
    assert decision_queue(session=session, now=NOW) == []


@pytest.mark.parametrize("slot_text", ["call me", "whenever", ""])
def test_auto_advance_without_a_chosen_slot_waits_for_hr(session, make_application, slot_text):
    application = make_application(90, 90, auto_advance=True, slot_text=slot_text)
    decision = apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    assert decision.status == "pending_hr"
    assert _outbox(session) == [] and "decision.needs_hr" in _actions(session, application.id)
    [card] = decision_queue(session=session, now=NOW)
    assert card.decision == "advance" and card.preferred_text == slot_text


def test_advance_without_auto_advance_waits_for_hr(session, make_application):
    application = make_application(90, 90)
    decision = apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    assert decision.status == "pending_hr" and _outbox(session) == []


def test_auto_reject_off_leaves_the_reject_pending(session, make_application):
    application = make_application(30, 30)
    decision = apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    assert (decision.outcome, decision.status) == ("reject", "pending_hr")
    session.refresh(application)
    assert application.stage != Stage.rejected and _outbox(session) == []


def test_auto_reject_on_rejects_and_queues_the_email(session, make_application):
    application = make_application(30, 30, auto_reject=True)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    session.refresh(application)
    assert application.stage == Stage.rejected
    [move] = session.exec(select(Event).where(Event.action == STAGE_CHANGED)).all()
    assert (move.actor_label, move.after["rejection_reason"]) == (
        "system", application.rejection_reason)
    [mail] = _outbox(session)
    assert mail.kind == "rejection" and "Final 30 < 50" not in mail.body_text


def test_no_interview_score_records_nothing(session, make_application):
    application = make_application(85, 70)
    application.interview_score = None
    session.add(application)
    session.commit()
    assert apply_after_evaluation(session=session, application_id=application.id) is None


def test_queue_card_shows_scores_thresholds_evidence_and_slots(session, make_application):
    application = make_application(85, 70)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    [card] = decision_queue(session=session, now=NOW)
    assert (card.application_id, card.candidate_name, card.job_title) == (
        application.id, "Ada Lovelace", "Backend Engineer")
    assert (card.decision, card.needs_hr) == ("hold", True)
    assert (card.resume_score, card.interview_score, card.final_score) == ("85", "70", "76")
    assert card.thresholds[:3] == ["Resume ≥ 80", "Interview ≥ 75", "Reject below 50"]
    assert "Interview 70 < 75" in card.reasons
    assert card.strengths == ["Clear about trade-offs"] and card.concerns == ["Little Kubernetes"]
    assert card.preferred_text == PREFERRED
    assert card.preferred.label == "Thu 14 Mar 2030, 10:00–10:45 CET"
    assert len(card.suggestions) >= 5
    assert all(s.start != card.preferred.start for s in card.suggestions)


def test_approve_and_schedule_overrides_a_hold_and_leaves_the_queue(session, make_application,
                                                                   hr):
    application = make_application(85, 70)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    card = decision_queue(session=session, now=NOW)[0]
    mail = approve_and_schedule(session=session, application_id=application.id,
                                start=datetime.fromisoformat(card.preferred.start),
                                end=datetime.fromisoformat(card.preferred.end),
                                source="preferred", actor=hr, now=NOW)
    assert mail.kind == "schedule" and mail.ics
    current = get_current_decision(session=session, application_id=application.id)
    assert (current.outcome, current.status, current.decided_by_id) == (
        "advance", "overridden", hr.id)
    booking = session.exec(select(InterviewBooking)).one()
    assert (booking.original_text, booking.booked_by_id) == (PREFERRED, hr.id)
    assert decision_queue(session=session, now=NOW) == []
    assert {"decision.overridden", "interview.booked", "interview.confirmation_queued"} <= set(
        _actions(session, application.id))


def test_approving_a_pending_advance_confirms_it(session, make_application, hr):
    application = make_application(90, 90)
    decision = apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    start = NOW + timedelta(days=2)
    approve_and_schedule(session=session, application_id=application.id, start=start,
                         end=start + timedelta(minutes=45), source="suggested", actor=hr,
                         now=NOW)
    session.refresh(decision)
    assert (decision.status, decision.decided_by_id) == ("confirmed", hr.id)
    assert len(session.exec(select(Decision)).all()) == 1
    assert "decision.confirmed" in _actions(session, application.id)


def test_reject_email_is_escaped_and_queued_once(session, make_application, hr):
    application = make_application(30, 30)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    subject, body = rejection_draft(session=session, application_id=application.id, actor=hr)
    assert "Ada Lovelace" in body and subject
    body += "\n\n<script>alert(1)</script> & more"
    reject_with_email(session=session, application_id=application.id,
                      reason="Not enough depth", subject=subject, body=body, actor=hr)
    with pytest.raises(DecisionActionRefused, match="already acted on"):
        reject_with_email(session=session, application_id=application.id,
                          reason="Not enough depth", subject=subject, body=body, actor=hr)
    [mail] = _outbox(session)
    assert mail.kind == "rejection" and mail.body_text == body.strip()
    assert "<script>" not in mail.body_html and "&lt;script&gt;" in mail.body_html
    assert "&amp; more" in mail.body_html
    session.refresh(application)
    assert (application.stage, application.rejection_reason) == (Stage.rejected,
                                                                 "Not enough depth")
    # Rejecting twice moved the stage once.
    assert _actions(session, application.id).count(STAGE_CHANGED) == 1
    current = get_current_decision(session=session, application_id=application.id)
    assert (current.outcome, current.status) == ("reject", "confirmed")
    assert decision_queue(session=session, now=NOW) == []


def test_reject_after_a_tracker_rejection_keeps_the_newer_reason(session, make_application,
                                                                  hr):
    application = make_application(30, 30)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    move_stage(session=session, application_ids=[application.id], stage=Stage.rejected,
               actor=hr, reason="Position closed")
    reject_with_email(session=session, application_id=application.id, reason="Not enough depth",
                      subject="Your application", body="Thank you.", actor=hr)
    session.refresh(application)
    assert (application.stage, application.rejection_reason) == (Stage.rejected,
                                                                 "Not enough depth")
    [move] = session.exec(select(Event).where(Event.action == STAGE_CHANGED)).all()
    assert move.note == "Position closed"
    assert len(_outbox(session)) == 1


def test_reject_needs_a_reason_and_a_subject(session, make_application, hr):
    application = make_application(85, 70)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    with pytest.raises(DecisionActionRefused, match="reason"):
        reject_with_email(session=session, application_id=application.id, reason=" ",
                          subject="s", body="b", actor=hr)
    with pytest.raises(DecisionActionRefused, match="subject"):
        reject_with_email(session=session, application_id=application.id, reason="r",
                          subject="a\nb", body="b", actor=hr)
    assert _outbox(session) == []


def test_override_is_audited_with_who_and_why(session, make_application, hr):
    application = make_application(85, 70)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    override(session=session, application_id=application.id, decision="advance",
             reason="Strong referral", actor=hr)
    event = session.exec(select(Event).where(Event.action == "decision.overridden")).one()
    assert (event.actor_user_id, event.note) == (hr.id, "Strong referral")
    card = decision_card(session=session, application_id=application.id, now=NOW)
    assert (card.decision, card.status, card.needs_hr) == ("advance", "overridden", False)
    with pytest.raises(DecisionActionRefused):
        override(session=session, application_id=application.id, decision="advance",
                 reason="", actor=hr)


def test_a_slot_in_the_candidates_city_keeps_their_zone_and_shows_both(session,
                                                                       make_application):
    application = make_application(85, 70, slot_text="Thursday at 3pm London time")
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    [card] = decision_queue(session=session, now=NOW)
    assert card.preferred_text == "Thursday at 3pm London time"
    assert card.preferred.tz == "Europe/London"
    # 15:00 in London is 16:00 in Paris (the team's zone) that March day.
    assert card.preferred.label == ("Thu 14 Mar 2030, 15:00–15:45 GMT "
                                    "(Thu 14 Mar 2030, 16:00–16:45 CET for us)")


def test_a_rejection_that_fails_midway_leaves_no_override_behind(session, make_application, hr,
                                                                  monkeypatch):
    """HR's rejection is one unit of work: the override is kept only with the queued mail."""
    application = make_application(85, 70)
    apply_after_evaluation(session=session, application_id=application.id, now=NOW)

    def mail_fails(*_args, **_kwargs):
        raise RuntimeError("the outbox is unavailable")

    monkeypatch.setattr("hireops.services.decisions.flow._enqueue_rejection", mail_fails)
    with pytest.raises(RuntimeError):
        reject_with_email(session=session, application_id=application.id, reason="Not a fit",
                          subject="Your application", body="Thank you.", actor=hr)
    session.rollback()
    assert session.exec(select(Decision).where(Decision.is_override)).all() == []
    assert "decision.overridden" not in _actions(session, application.id)


def test_an_auto_rejection_that_fails_midway_leaves_no_confirmed_decision(session,
                                                                          make_application,
                                                                          monkeypatch):
    """Recording the decision and acting on it are one unit of work: a confirmed reject never
    stands without the rejection it confirms (the queue would no longer offer it to HR)."""
    application = make_application(30, 30, auto_reject=True)

    def mail_fails(*_args, **_kwargs):
        raise RuntimeError("the outbox is unavailable")

    monkeypatch.setattr("hireops.services.decisions.flow._enqueue_rejection", mail_fails)
    with pytest.raises(RuntimeError):
        apply_after_evaluation(session=session, application_id=application.id, now=NOW)
    session.rollback()
    assert get_current_decision(session=session, application_id=application.id) is None
    assert "decision.recorded" not in _actions(session, application.id)
    session.refresh(application)
    assert application.stage != Stage.rejected
