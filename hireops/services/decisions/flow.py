"""What happens after the decision rule: automation a job allows, and the HR actions on
decisions that wait for a person (approve and schedule, reject with an email, override).

`apply_after_evaluation` runs once an interview is evaluated. Only a job's opt-in
(`auto_advance`, `auto_reject`) lets the rule act alone; everything else becomes a card in the
"Decision required" queue, and every action taken there is audited.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops.models import (
    Application,
    Candidate,
    Decision,
    DecisionAction,
    Evaluation,
    Job,
    OutboxMessage,
    Stage,
    User,
    utcnow,
)
from hireops.models import DecisionOutcome as StoredOutcome
from hireops.services.platform.audit import record_event
from hireops.services.privacy.blind_screening import is_identity_hidden, redact_for, shown_name
from hireops.services.decisions.rule import (
    CONFIRMED_ACTION,
    NEEDS_HR_ACTION,
    DecisionNotReady,
    get_application_or_raise,
    blend_scorecards,
    get_current_decision,
    override_decision,
    record_decision,
    thresholds_for_job,
)
from hireops.services.outreach.email_templates import (
    MAX_BODY_CHARS,
    MAX_SUBJECT_CHARS,
    OUTBOX_KIND,
    get_template,
    render_template,
)
from hireops.services.text.language.mail_words import candidate_name_or_greeting, sender_name
from hireops.services.outreach.outbox import enqueue_mail
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.outreach.bookings import (
    SchedulingRefused,
    book_slot,
    cancel_booking,
    first_free_preferred,
    get_active_booking,
    send_schedule_confirmation,
    slot_label,
    slot_label_both_zones,
    suggest_slots,
)
from hireops.services.interviews.scorecards import scorecard_score
from hireops.services.candidates.stages import change_stage

log = logging.getLogger(__name__)

PENDING_HR, CONFIRMED = "pending_hr", "confirmed"
# Said to a candidate whose rejection the job sends automatically: the rule's reasons are
# internal (scores and thresholds), not for the candidate.
AUTO_REJECT_REASON = "other applicants matched the requirements of this role more closely"
_REASON_PLACEHOLDER = "[your reason]"
# Stands for the name in a rejection draft while blind screening hides it from HR.
NAME_FILLED_ON_SENDING = "{candidate_name}"


class DecisionActionRefused(ValueError):
    """An HR action that cannot be carried out; the message says why."""


@dataclass
class SlotOption:
    """A slot HR can book with one click."""

    # ISO 8601 start and end with offsets, and the zone the candidate reads them in.
    start: str
    end: str
    tz: str
    label: str


@dataclass
class DecisionCard:
    """Everything HR needs to decide on one application."""

    application_id: int
    # The decision the card shows; every action names it, so a repeat is refused.
    decision_id: int
    candidate_id: int
    candidate_name: str
    job_title: str
    # advance | hold | reject, and pending_hr | confirmed | overridden.
    decision: str
    status: str
    # True while the decision waits for HR (the card's actions are offered).
    needs_hr: bool
    resume_score: str
    interview_score: str
    final_score: str
    # "Resume ≥ 80", "Interview ≥ 75", "Reject below 50", "Final = 0.4 × resume + 0.6 × ...".
    thresholds: list[str] = field(default_factory=list)
    # The rule's (or the overriding person's) reasons.
    reasons: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    concerns: list[str] = field(default_factory=list)
    summary: str = ""
    # The candidate's own words, unchanged, and what was read from them.
    preferred_text: str = ""
    preferred_explanation: str = ""
    # The first free preferred slot; empty label when none could be read.
    preferred: SlotOption = field(default_factory=lambda: SlotOption("", "", "", ""))
    suggestions: list[SlotOption] = field(default_factory=list)
    # The interview already booked, as the candidate reads it ("" when none).
    booked: str = ""


# --- automation -----------------------------------------------------------------------------


def apply_after_evaluation(*, session: Session, application_id: int,
                           now: datetime | None = None) -> Decision | None:
    """Record the decision after an evaluation and act on it where the job allows.

    One unit of work, committed here once: a confirmed decision is never kept without the
    booking or rejection it confirms (the steps below only flush)."""
    now = now or utcnow()
    try:
        decision = record_decision(session=session, application_id=application_id)
    except DecisionNotReady:
        return None
    if decision.status == CONFIRMED and decision.outcome == StoredOutcome.advance:
        _auto_advance(session, decision, now)
    elif decision.status == CONFIRMED and decision.outcome == StoredOutcome.reject:
        _auto_reject(session, decision)
    session.commit()
    return decision


def _auto_advance(session: Session, decision: Decision, now: datetime) -> None:
    slot, parsed = first_free_preferred(session=session, application_id=decision.application_id,
                                        now=now)
    if slot is None or parsed.kind == "vague":
        # A vague answer ("any time") yields slots the candidate never chose: HR picks.
        why = parsed.explanation if parsed else "The candidate named no preferred slot."
        _hand_to_hr(session, decision, f"Auto-advance did not book a slot: {why}")
        return
    try:
        # A savepoint: a refused booking undoes itself only, not the decision just recorded.
        with session.begin_nested():
            booking = book_slot(session=session, application_id=decision.application_id,
                                start=slot.start, end=slot.end, candidate_tz=slot.tz,
                                source="preferred", original_text=parsed.original,
                                actor=None, now=now)
            send_schedule_confirmation(session=session, booking=booking, actor=None)
    except (SchedulingRefused, ValueError) as refused:
        _hand_to_hr(session, decision, f"Auto-advance could not schedule: {refused}")


def _auto_reject(session: Session, decision: Decision) -> None:
    application = session.get(Application, decision.application_id)
    candidate = session.get(Candidate, application.candidate_id)
    _move_to_rejected(session, application, decision.reason, actor=None)
    if candidate.email:
        mail = render_template(get_template(session=session, kind="rejection",
                                            language=candidate.language),
                               _mail_values(session, application, None, AUTO_REJECT_REASON))
        _enqueue_rejection(session, application, candidate, mail.subject, mail.text, mail.html)


def _hand_to_hr(session: Session, decision: Decision, note: str) -> None:
    """A decision the job would have applied alone, which now waits for a person."""
    decision.status = PENDING_HR
    session.add(decision)
    record_event(session=session, action=NEEDS_HR_ACTION, entity_type="application",
                 entity_id=decision.application_id, actor_label="automation",
                 after={"decision_id": decision.id, "decision_status": PENDING_HR}, note=note)


# --- HR actions -----------------------------------------------------------------------------


def approve_and_schedule(*, session: Session, application_id: int, start: datetime,
                         end: datetime, source: str, actor: User, candidate_tz: str = "",
                         now: datetime | None = None, decision_id: int | None = None,
                         location: str | None = None) -> OutboxMessage:
    """HR approves decision `decision_id` (default: the current one): book the slot (at
    `location`, None: the team's default place), confirm (or override to) advance, queue the
    confirmation. Once per decision."""
    _application, _candidate, current = _claim_for_mail(
        session, application_id, decision_id, "approve", actor,
        "The candidate has no email address for the confirmation.")
    if current is None:
        raise DecisionActionRefused("There is no decision to approve yet.")
    now = now or utcnow()
    parsed_slot, parsed = first_free_preferred(session=session, application_id=application_id,
                                               now=now)
    original = parsed.original if parsed and source == "preferred" else ""
    tz = candidate_tz or (parsed_slot.tz if parsed_slot and source == "preferred"
                          else current_settings().company_timezone)
    booking = book_slot(session=session, application_id=application_id, start=start, end=end,
                        candidate_tz=tz, source=source, original_text=original, actor=actor,
                        now=now, location=location)
    label = slot_label(start, end, tz)
    if current.outcome == StoredOutcome.advance and current.status == PENDING_HR:
        _confirm(session, current, actor, f"Approved by HR; interview {label}")
    elif not (current.outcome == StoredOutcome.advance and current.status != PENDING_HR):
        override_decision(session=session, application_id=application_id, decision="advance",
                          reason=f"Approved by HR and scheduled for {label}", actor=actor)
    message = send_schedule_confirmation(session=session, booking=booking, actor=actor)
    session.commit()
    return message


def _claim_for_mail(session: Session, application_id: int, decision_id: int | None,
                    action: str, actor: User, no_email: str
                    ) -> tuple[Application, Candidate, Decision | None]:
    """The application, its candidate (refused with `no_email` when they have no address for
    the mail the action sends) and the decision claimed for `action` (None: none yet)."""
    application = get_application_or_raise(session=session, application_id=application_id)
    candidate = session.get(Candidate, application.candidate_id)
    if not candidate.email:
        raise DecisionActionRefused(no_email)
    current = claim_decision(session=session, application_id=application_id,
                             decision_id=decision_id, action=action, actor=actor)
    return application, candidate, current


def reject_with_email(*, session: Session, application_id: int, reason: str, subject: str,
                      body: str, actor: User,
                      decision_id: int | None = None) -> OutboxMessage | None:
    """HR rejects decision `decision_id` (default: the current one) with a reason; the edited
    email goes out once (escaped in its HTML). Once per decision."""
    reason, subject, body = (reason or "").strip(), (subject or "").strip(), (body or "").strip()
    if not reason:
        raise DecisionActionRefused("Write the reason for the rejection (kept in the audit log).")
    if not subject or "\n" in subject or len(subject) > MAX_SUBJECT_CHARS:
        raise DecisionActionRefused("The email needs a one-line subject.")
    if not body or len(body) > MAX_BODY_CHARS:
        raise DecisionActionRefused("The email body is empty or too long.")
    application, candidate, current = _claim_for_mail(
        session, application_id, decision_id, "reject", actor,
        "The candidate has no email address.")
    if current is not None and current.outcome == StoredOutcome.reject \
            and current.status == PENDING_HR:
        _confirm(session, current, actor, f"Rejection confirmed by HR: {reason}")
    elif current is None or current.outcome != StoredOutcome.reject:
        override_decision(session=session, application_id=application_id, decision="reject",
                          reason=reason, actor=actor)
        application = session.get(Application, application_id)
    cancel_booking(session=session, application_id=application_id, actor=actor,
                   reason="candidate rejected")
    _move_to_rejected(session, application, reason, actor=actor)
    name = candidate_name_or_greeting(candidate.full_name, candidate.language)
    subject = subject.replace(NAME_FILLED_ON_SENDING, name)
    body = body.replace(NAME_FILLED_ON_SENDING, name)
    message = _enqueue_rejection(session, application, candidate, subject, body,
                                 _plain_html(body))
    session.commit()
    return message


def override(*, session: Session, application_id: int, decision: str, reason: str,
             actor: User, decision_id: int | None = None) -> Decision:
    """A person replaces decision `decision_id` (default: the current one), with a reason
    (audited); nothing is sent or booked. Once per decision."""
    if not (reason or "").strip() or decision not in {o.value for o in StoredOutcome}:
        # Refused before the claim, so a corrected retry is still possible.
        raise DecisionActionRefused("An override needs one of advance, hold or reject, and a "
                                    "reason.")
    claim_decision(session=session, application_id=application_id, decision_id=decision_id,
                   action="override", actor=actor)
    try:
        row = override_decision(session=session, application_id=application_id,
                                decision=decision, reason=reason, actor=actor)
    except ValueError as refused:
        raise DecisionActionRefused(str(refused)) from None
    session.commit()
    return row


def claim_decision(*, session: Session, application_id: int, decision_id: int | None,
                   action: str, actor: User | None) -> Decision | None:
    """The decision HR acts on, claimed for `action` in this transaction; None when the
    application has no decision yet (nothing to claim).

    The claim is a row with a unique (decision, kind) key, written before anything is booked or
    sent: a second approve or reject of the same decision, from a double click or another
    worker, fails on that key and is refused. An action on a decision that is no longer the
    application's newest (the card was stale) is refused too.
    """
    current = get_current_decision(session=session, application_id=application_id)
    if decision_id is None:
        decision_id = current.id if current is not None else None
        if decision_id is None:
            return None
    if current is None or current.id != decision_id:
        raise DecisionActionRefused("This decision has changed since the card was shown; "
                                    "look at it again before acting.")
    kind = "override" if action == "override" else "verdict"
    session.add(DecisionAction(decision_id=decision_id, kind=kind, action=action,
                               actor_id=actor.id if actor else None))
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        done = session.exec(select(DecisionAction).where(
            DecisionAction.decision_id == decision_id, DecisionAction.kind == kind)).first()
        taken = f" ({done.action})" if done is not None else ""
        raise DecisionActionRefused(f"This decision was already acted on{taken}; nothing was "
                                    "done twice.") from None
    return current


def rejection_draft(*, session: Session, application_id: int, actor: User | None,
                    reason: str = "") -> tuple[str, str]:
    """The rejection template filled in for this candidate: (subject, body) to edit."""
    application = get_application_or_raise(session=session, application_id=application_id)
    values = _mail_values(session, application, actor, reason.strip() or _REASON_PLACEHOLDER)
    if is_identity_hidden(session=session, candidate_id=application.candidate_id):
        # HR edits this draft; the name goes in only as the mail is queued.
        values["candidate_name"] = NAME_FILLED_ON_SENDING
    candidate = session.get(Candidate, application.candidate_id)
    mail = render_template(get_template(session=session, kind="rejection",
                                        language=candidate.language), values)
    return mail.subject, mail.text


def _confirm(session: Session, decision: Decision, actor: User, note: str) -> None:
    decision.status, decision.decided_by_id = CONFIRMED, actor.id
    session.add(decision)
    record_event(session=session, action=CONFIRMED_ACTION, actor=actor,
                 entity_type="application", entity_id=decision.application_id,
                 before={"decision_status": PENDING_HR},
                 after={"decision_id": decision.id, "decision_status": CONFIRMED,
                        "decision": StoredOutcome(decision.outcome).value}, note=note)
    session.flush()


def _move_to_rejected(session: Session, application: Application, reason: str,
                      actor: User | None) -> None:
    if not change_stage(session=session, application=application, stage=Stage.rejected,
                        actor=actor, reason=reason):
        # Already rejected (on the tracker, say): the record shows this decision's reason,
        # which the decision's own event audits.
        application.rejection_reason = reason
        session.add(application)


def _enqueue_rejection(session: Session, application: Application, candidate: Candidate,
                       subject: str, text: str, body_html: str) -> OutboxMessage:
    # One rejection per application, whoever (or whatever) sends it first.
    return enqueue_mail(session=session, idempotency_key=f"rejection:application:{application.id}",
                        kind=OUTBOX_KIND["rejection"], to_address=candidate.email,
                        subject=subject, body_text=text, body_html=body_html,
                        application_id=application.id)


def _mail_values(session: Session, application: Application, actor: User | None,
                 reason: str) -> dict:
    candidate = session.get(Candidate, application.candidate_id)
    job = session.get(Job, application.job_id)
    language = candidate.language
    return {"candidate_name": candidate_name_or_greeting(candidate.full_name, language),
            "job_title": job.title, "company_name": current_settings().company_name,
            "recruiter_name": sender_name((actor.full_name or actor.email) if actor else None,
                                          language), "reason": reason}


def _plain_html(text: str) -> str:
    """Typed text as HTML paragraphs; everything escaped."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    body = "\n".join("<p>" + "<br>\n".join(html.escape(line) for line in p.split("\n")) + "</p>"
                     for p in paragraphs)
    return ('<div style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; '
            f'line-height: 1.5;">\n{body}\n</div>')


# --- the queue ------------------------------------------------------------------------------


def decision_queue(*, session: Session, now: datetime | None = None) -> list[DecisionCard]:
    """Applications whose newest decision waits for HR, oldest first."""
    latest = (select(Decision.application_id, func.max(Decision.id).label("latest_id"))
              .group_by(Decision.application_id).subquery())
    decisions = session.exec(select(Decision).join(latest, Decision.id == latest.c.latest_id)
                             .where(Decision.status == PENDING_HR)
                             .order_by(Decision.id)).all()
    now = now or utcnow()
    suggestions = _options(suggest_slots(session=session, now=now),
                           current_settings().company_timezone)
    return [_card(session, d, now, suggestions) for d in decisions]


def decision_card(*, session: Session, application_id: int,
                  now: datetime | None = None) -> DecisionCard | None:
    """The decision card of one application; None before any decision."""
    decision = get_current_decision(session=session, application_id=application_id)
    if decision is None:
        return None
    now = now or utcnow()
    suggestions = _options(suggest_slots(session=session, now=now),
                           current_settings().company_timezone)
    return _card(session, decision, now, suggestions)


def decision_cards_for_candidate(*, session: Session, candidate_id: int,
                                 now: datetime | None = None) -> list[DecisionCard]:
    """The decision card of each of a candidate's applications that has a decision."""
    ids = session.exec(select(Application.id).where(Application.candidate_id == candidate_id)
                       .order_by(Application.id)).all()
    cards = [decision_card(session=session, application_id=i, now=now) for i in ids]
    return [card for card in cards if card is not None]


def _card(session: Session, decision: Decision, now: datetime,
          suggestions: list[SlotOption]) -> DecisionCard:
    application = session.get(Application, decision.application_id)
    candidate = session.get(Candidate, application.candidate_id)
    job = session.get(Job, application.job_id)
    hidden = is_identity_hidden(session=session, candidate_id=candidate.id)
    # While blind screening hides the person, what the interview produced may name them.
    quote = (lambda text: redact_for(candidate, text)) if hidden else (lambda text: text)
    evaluation = session.exec(select(Evaluation).where(
        Evaluation.application_id == application.id, Evaluation.status == "ok")
        .order_by(Evaluation.id.desc())).first()
    slot, parsed = first_free_preferred(session=session, application_id=application.id, now=now)
    booking = get_active_booking(session=session, application_id=application.id)
    # The candidate's zone first, as they wrote it; the team's beside it when it differs.
    preferred = (SlotOption(slot.start.isoformat(), slot.end.isoformat(), slot.tz,
                            slot_label_both_zones(slot.start, slot.end, slot.tz))
                 if slot else SlotOption("", "", "", ""))
    return DecisionCard(
        application_id=application.id, decision_id=decision.id, candidate_id=candidate.id,
        candidate_name=shown_name(candidate, hidden=hidden),
        job_title=job.title, decision=StoredOutcome(decision.outcome).value,
        status=decision.status, needs_hr=decision.status == PENDING_HR,
        resume_score=_score(decision.resume_score), interview_score=_score(
            decision.interview_score), final_score=_score(decision.final_score),
        thresholds=_threshold_lines(session, decision, job, application),
        reasons=_reasons(decision),
        strengths=[quote(s) for s in evaluation.strengths] if evaluation else [],
        concerns=[quote(c) for c in evaluation.concerns] if evaluation else [],
        summary=quote(evaluation.summary) if evaluation else "",
        preferred_text=quote(parsed.original) if parsed else "",
        preferred_explanation=parsed.explanation if parsed else "",
        preferred=preferred,
        suggestions=[s for s in suggestions if not slot or s.start != preferred.start],
        booked=slot_label_both_zones(booking.starts_at, booking.ends_at, booking.candidate_tz)
        if booking else "")


def _options(slots: list[tuple[datetime, datetime]], tz: str) -> list[SlotOption]:
    return [SlotOption(start.isoformat(), end.isoformat(), tz, slot_label(start, end, tz))
            for start, end in slots]


def _threshold_lines(session: Session, decision: Decision, job: Job,
                     application: Application) -> list[str]:
    stored = (decision.inputs or {}).get("thresholds")
    t = stored or thresholds_for_job(job).__dict__
    lines = [f"Resume ≥ {t['resume_min']:g}", f"Interview ≥ {t['interview_min']:g}",
             f"Reject below {t['reject_below']:g}",
             f"Final = {t['resume_weight']:g} × resume + {t['interview_weight']:g} × interview"]
    return lines + _scorecard_lines(session, decision, job, application)


def _scorecard_lines(session: Session, decision: Decision, job: Job,
                     application: Application) -> list[str]:
    """The interviewers' share of the final score, and the blend with their scorecards as
    they stand now (they are filled after this decision was taken)."""
    weight = job.scorecard_weight or 0.0
    if weight <= 0:
        return []
    lines = [f"Interviewer scorecards count {weight * 100:g} % of the final score"]
    score = scorecard_score(session=session, application_id=application.id)
    if score is not None and decision.final_score is not None \
            and (decision.inputs or {}).get("scorecard_score") is None:
        lines.append(blend_scorecards(decision.final_score, score, weight)[1])
    return lines


def _reasons(decision: Decision) -> list[str]:
    stored = (decision.inputs or {}).get("reasons")
    if stored:
        return list(stored)
    return [decision.reason] if decision.reason else []


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"
