"""Reminders for interview links: not opened some hours after the invitation (48 h by default),
and not completed some hours before the link expires (24 h), only for links that were emailed
and are not in use (opened or started in the last two hours). Both are settings an admin can
change (`reminder_unopened_hours`, `reminder_expiring_hours`; 0 turns one off). Each reminder is
sent at most once (its outbox key says which)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from hireops.models import Application, Candidate, InterviewLink, OutboxMessage, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.outreach.email_templates import get_template, render_template
from hireops.services.interviews.invitations import link_mail_values
from hireops.services.interviews.links import LinkRefused
from hireops.services.outreach.outbox import enqueue_mail
from hireops.services.platform.runtime_settings import current_settings


# A link opened or started less than this long ago counts as in use (an interview takes well
# under an hour; a resumed one starts again).
IN_USE_WINDOW = timedelta(hours=2)


@dataclass(frozen=True)
class ReminderTiming:
    """When reminders are due; None turns that reminder off."""

    unopened_after: timedelta | None
    expiring_within: timedelta | None


def reminder_timing(*, session: Session) -> ReminderTiming:
    """The thresholds in force now (stored settings over the environment)."""
    settings = current_settings(session=session)
    return ReminderTiming(
        unopened_after=_hours(settings.reminder_unopened_hours),
        expiring_within=_hours(settings.reminder_expiring_hours))


def _hours(value: float) -> timedelta | None:
    return timedelta(hours=value) if value > 0 else None


def _sent_at(link: InterviewLink) -> datetime | None:
    for entry in link.status_trail:
        if entry.get("status") == "sent":
            return datetime.fromisoformat(entry["at"])
    return None


def _due_reason(link: InterviewLink, now: datetime, timing: ReminderTiming) -> str:
    """"unopened", "expiring" or "" for one open link."""
    if link.expires_at <= now:
        return ""
    if link.status == "sent" and timing.unopened_after is not None:
        sent = _sent_at(link)
        if sent is not None and now - sent >= timing.unopened_after:
            return "unopened"
    if (link.status in ("sent", "opened", "started") and timing.expiring_within is not None
            and link.expires_at - now <= timing.expiring_within
            and _sent_at(link) is not None and not _in_use(link, now)):
        return "expiring"
    return ""


def _in_use(link: InterviewLink, now: datetime) -> bool:
    """Opened or started lately: the candidate may be in the room, where a reminder to finish
    in time only interrupts."""
    activity = [at for at in (link.opened_at, link.started_at) if at is not None]
    return bool(activity) and now - max(activity) < IN_USE_WINDOW


def send_due_reminders(*, session: Session, now: datetime | None = None) -> int:
    """Queue every reminder that is due; returns how many new ones were queued."""
    now = now or utcnow()
    timing = reminder_timing(session=session)
    links = session.exec(select(InterviewLink).where(
        InterviewLink.status.in_(("sent", "opened", "started")),
        InterviewLink.expires_at > now)).all()
    queued = 0
    for link in links:
        reason = _due_reason(link, now, timing)
        if not reason:
            continue
        key = f"reminder:link:{link.id}:{reason}"
        if session.exec(select(OutboxMessage.id)
                        .where(OutboxMessage.idempotency_key == key)).first() is not None:
            continue  # already reminded for this reason
        try:
            values = link_mail_values(session=session, link=link, actor=None)
        except LinkRefused:
            continue  # no address or an unreadable token: nothing to remind with
        application = session.get(Application, link.application_id)
        candidate = session.get(Candidate, application.candidate_id)
        mail = render_template(get_template(session=session, kind="link_reminder",
                                            language=candidate.language), values)
        message = enqueue_mail(session=session, idempotency_key=key, kind="reminder",
                               to_address=candidate.email, subject=mail.subject,
                               body_text=mail.text, body_html=mail.html,
                               application_id=application.id)
        record_event(session=session, action="interview_link.reminder_queued",
                     actor_label="scheduler", entity_type="application",
                     entity_id=application.id,
                     after={"link_id": link.id, "reason": reason, "outbox_id": message.id})
        queued += 1
    return queued
