"""Interview invitations by email: the invite template, through the outbox, once per link."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from hireops.models import (
    Application,
    Candidate,
    InterviewLink,
    Job,
    OutboxMessage,
    Stage,
    User,
    utcnow,
)
from hireops.services.platform.audit import record_event
from hireops.services.platform.clock import format_for_candidate
from hireops.services.platform.crypto import SecretDecryptionError, decrypt_secret
from hireops.services.outreach.email_templates import get_template, render_template
from hireops.services.interviews.links import (
    OPEN_STATUSES,
    LinkRefused,
    generate_link,
    get_link_or_raise,
    set_link_status,
)
from hireops.services.text.language.mail_words import candidate_name_or_greeting, sender_name
from hireops.services.outreach.outbox import enqueue_mail
from hireops.services.platform.public_addresses import interview_address
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.candidates.stages import advance_stage
from hireops.services.text.zone_names import zone_of_location


@dataclass
class BulkInviteResult:
    sent: list[int] = field(default_factory=list)
    # (application id, reason) for every application that got no email.
    skipped: list[tuple[int, str]] = field(default_factory=list)


def send_link(*, session: Session, link_id: int, actor: User | None) -> OutboxMessage:
    """Queue the invitation for `link_id`; sending the same link again queues nothing new."""
    link = get_link_or_raise(session=session, link_id=link_id)
    if link.status not in OPEN_STATUSES:
        raise LinkRefused(f"This link is {link.status}; generate a new one to invite again.")
    application = session.get(Application, link.application_id)
    candidate = session.get(Candidate, application.candidate_id)
    mail = render_template(get_template(session=session, kind="invite",
                                        language=candidate.language),
                           link_mail_values(session=session, link=link, actor=actor))
    message = enqueue_mail(session=session, idempotency_key=f"invite:link:{link.id}",
                           kind="invite", to_address=candidate.email, subject=mail.subject,
                           body_text=mail.text, body_html=mail.html,
                           application_id=application.id)
    by = actor.email if actor else "system"
    if set_link_status(link, "sent", by=by, note=f"queued as outbox message {message.id}"):
        session.add(link)
        record_event(session=session, action="interview_link.sent", actor=actor,
                     entity_type="application", entity_id=application.id,
                     after={"link_id": link.id, "outbox_id": message.id,
                            "to": candidate.email})
    advance_stage(session=session, application=application, stage=Stage.interview_link_sent,
                  actor=actor, reason="interview invitation queued",
                  extra_after={"link_id": link.id})
    application.last_activity_at = application.updated_at = utcnow()
    session.add(application)
    return message


def link_mail_values(*, session: Session, link: InterviewLink, actor: User | None) -> dict:
    """The placeholders of the invite and reminder templates for one link."""
    application = session.get(Application, link.application_id)
    candidate = session.get(Candidate, application.candidate_id)
    job = session.get(Job, application.job_id)
    if not candidate.email:
        raise LinkRefused("The candidate has no email address; copy the link and send it "
                          "another way.")
    try:
        url = interview_address(decrypt_secret(link.token_encrypted))
    except SecretDecryptionError:
        raise LinkRefused("This link can no longer be read (the secret key changed); "
                          "generate a new one.") from None
    return {
        "candidate_name": candidate_name_or_greeting(candidate.full_name, candidate.language),
        "job_title": job.title, "company_name": current_settings().company_name,
        "recruiter_name": sender_name((actor.full_name or actor.email) if actor else None,
                                      candidate.language),
        "interview_link": url,
        # In the company's zone, and the candidate's when their location names one, written
        # the way the candidate's language writes dates.
        "link_expires": format_for_candidate(link.expires_at, zone_of_location(candidate.location),
                                             candidate.language),
    }


def _open_link(session: Session, application_id: int) -> InterviewLink | None:
    return session.exec(select(InterviewLink).where(
        InterviewLink.application_id == application_id,
        InterviewLink.status.in_(("generated", "sent", "opened")),
        InterviewLink.expires_at > utcnow()).order_by(InterviewLink.id.desc())).first()


def invite_applications(*, session: Session, application_ids: list[int],
                        actor: User | None) -> BulkInviteResult:
    """For the tracker's bulk action: a link for each application (reusing an open one) and
    its invitation; applications below their job's threshold are skipped with the reason."""
    result = BulkInviteResult()
    for application_id in application_ids:
        try:
            link = _open_link(session, application_id) or generate_link(
                session=session, application_id=application_id, actor=actor).link
            send_link(session=session, link_id=link.id, actor=actor)
            result.sent.append(application_id)
        except LinkRefused as refused:
            result.skipped.append((application_id, str(refused)))
    return result
