"""Interview links: an unguessable token per application, with expiry and a status trail.

Only the token's SHA-256 is used for lookups; the token itself is also kept Fernet-encrypted so
HR can copy or re-send the link, never in plain text.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session, select

from hireops.models import Application, InterviewLink, Job, User, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.platform.crypto import (
    SecretDecryptionError,
    decrypt_secret,
    encrypt_secret,
    hash_token,
)
from hireops.services.platform.public_addresses import interview_address
from hireops.services.platform.runtime_settings import current_settings

# The order a link moves through; a status never moves back (a reload after "started" is not
# "opened" again). expired and revoked end a link from any open status.
FORWARD_STATUSES = ("generated", "sent", "opened", "started", "completed")
OPEN_STATUSES = ("generated", "sent", "opened", "started")
TOKEN_BYTES = 32  # 256 random bits


class LinkRefused(ValueError):
    """A link cannot be generated, sent or revoked; the message says why, for HR."""


class InterviewLinkNotFound(LookupError):
    """No interview link with that id."""


@dataclass(frozen=True)
class IssuedLink:
    link: InterviewLink
    url: str


@dataclass
class BulkLinkResult:
    issued: list[IssuedLink] = field(default_factory=list)
    # (application id, reason) for every application that got no link.
    skipped: list[tuple[int, str]] = field(default_factory=list)


def reveal_link_url(link: InterviewLink) -> str:
    """The link's address for HR to copy ("" when the secret key changed since)."""
    try:
        if not link.token_encrypted:
            return ""
        return interview_address(decrypt_secret(link.token_encrypted))
    except SecretDecryptionError:
        return ""


def voice_provider_configured() -> bool:
    settings = current_settings()
    return bool(settings.elevenlabs_agent_id and settings.elevenlabs_api_key)


def set_link_status(link: InterviewLink, status: str, *, by: str, at: datetime | None = None,
                    note: str = "") -> bool:
    """Move `link` to `status` and add it to the trail; False when it would move backwards."""
    at = at or utcnow()
    if status in FORWARD_STATUSES and link.status in FORWARD_STATUSES:
        if FORWARD_STATUSES.index(status) <= FORWARD_STATUSES.index(link.status):
            return False
    elif link.status not in OPEN_STATUSES:
        return False
    link.status = status
    entry = {"status": status, "at": at.isoformat(), "by": by}
    if note:
        entry["note"] = note
    link.status_trail = [*link.status_trail, entry]
    for name in ("opened", "started", "completed"):
        if status == name and getattr(link, f"{name}_at") is None:
            setattr(link, f"{name}_at", at)
    return True


def _threshold_problem(application: Application, job: Job) -> str:
    if application.resume_score is None:
        return "the resume has not been scored yet"
    if application.resume_score < job.resume_min:
        return (f"the resume score {application.resume_score:.0f} is below this job's "
                f"threshold of {job.resume_min:.0f}")
    return ""


def generate_link(*, session: Session, application_id: int, actor: User | None,
                  override_reason: str = "", hours: float | None = None) -> IssuedLink:
    """A new link for one application; earlier unfinished links of it are revoked.

    Invites respect the job's resume threshold; HR may override it with a reason.
    """
    application = session.get(Application, application_id)
    if application is None:
        raise LinkRefused(f"There is no application {application_id}.")
    if application.job_id is None:
        raise LinkRefused("An interview is for a job and a talent-pool entry has none: add the "
                          "candidate to a job first.")
    job = session.get(Job, application.job_id)
    problem = _threshold_problem(application, job)
    override_reason = override_reason.strip()
    if problem and not override_reason:
        raise LinkRefused(f"No link: {problem}. Give a reason to invite anyway.")
    if _interview_in_progress(session=session, application_id=application_id):
        raise LinkRefused("The candidate is in the middle of an interview; wait or revoke it.")
    by = actor.email if actor else "system"
    for old in _open_links(session=session, application_id=application_id):
        revoke(session=session, link=old, by=by, reason="replaced by a new link")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = utcnow()
    hours = hours or current_settings(session=session).interview_link_hours
    link = InterviewLink(
        application_id=application_id, token_hash=hash_token(token),
        token_encrypted=encrypt_secret(token),
        provider="elevenlabs" if voice_provider_configured() else "builtin",
        expires_at=now + timedelta(hours=hours),
        threshold_override_reason=override_reason if problem else "",
        created_by_id=actor.id if actor else None, status="generated", created_at=now,
        status_trail=[{"status": "generated", "at": now.isoformat(), "by": by}],
    )
    session.add(link)
    session.flush()
    record_event(session=session, action="interview_link.generated", actor=actor,
                 entity_type="application", entity_id=application_id,
                 after={"link_id": link.id, "expires_at": link.expires_at.isoformat(),
                        "provider": link.provider, "threshold_override": bool(link.threshold_override_reason)},
                 note=link.threshold_override_reason)
    return IssuedLink(link=link, url=interview_address(token))


def generate_links_bulk(*, session: Session, application_ids: list[int], actor: User | None,
                        override_reason: str = "") -> BulkLinkResult:
    """Links for many applications; each refusal is reported, not raised."""
    result = BulkLinkResult()
    for application_id in application_ids:
        # generate_link checks everything before it writes, so a refusal leaves no change.
        try:
            result.issued.append(generate_link(
                session=session, application_id=application_id, actor=actor,
                override_reason=override_reason))
        except LinkRefused as refused:
            result.skipped.append((application_id, str(refused)))
    return result


def revoke(*, session: Session, link: InterviewLink, by: str, reason: str) -> None:
    if set_link_status(link, "revoked", by=by, note=reason):
        session.add(link)


def revoke_link(*, session: Session, link_id: int, actor: User | None, reason: str = "") -> None:
    """Revoke a link so its token opens nothing; a finished interview stays as it is."""
    link = get_link_or_raise(session=session, link_id=link_id)
    if link.status not in OPEN_STATUSES:
        raise LinkRefused(f"This link is already {link.status}.")
    revoke(session=session, link=link, by=actor.email if actor else "system",
           reason=reason or "revoked by HR")
    record_event(session=session, action="interview_link.revoked", actor=actor,
                 entity_type="application", entity_id=link.application_id,
                 after={"link_id": link.id}, note=reason)


def get_link_or_raise(
    *, session: Session, link_id: int, missing: type[Exception] = LinkRefused,
) -> InterviewLink:
    """The interview link with `link_id`. A missing one raises `missing`: each caller names the
    error its own callers already handle (LinkRefused for HR actions, InterviewLinkNotFound for the
    room's webcam reports, VoiceSyncError for voice sync), so one lookup serves them all."""
    link = session.get(InterviewLink, link_id)
    if link is None:
        raise missing(f"No interview link {link_id}.")
    return link


def _open_links(*, session: Session, application_id: int) -> list[InterviewLink]:
    return list(session.exec(select(InterviewLink).where(
        InterviewLink.application_id == application_id,
        InterviewLink.status.in_(("generated", "sent", "opened")))).all())


def _interview_in_progress(*, session: Session, application_id: int) -> bool:
    now = utcnow()
    return any(link.expires_at > now for link in session.exec(select(InterviewLink).where(
        InterviewLink.application_id == application_id, InterviewLink.status == "started")))


def links_for_application(*, session: Session, application_id: int) -> list[InterviewLink]:
    """Every link of an application, newest first."""
    return list(session.exec(select(InterviewLink)
                             .where(InterviewLink.application_id == application_id)
                             .order_by(InterviewLink.created_at.desc(),
                                       InterviewLink.id.desc())).all())


def expire_overdue_links(*, session: Session, now: datetime | None = None) -> int:
    """Mark open links past their expiry as expired (the scheduler runs this)."""
    now = now or utcnow()
    overdue = session.exec(select(InterviewLink).where(
        InterviewLink.status.in_(OPEN_STATUSES), InterviewLink.expires_at <= now)).all()
    for link in overdue:
        set_link_status(link, "expired", by="scheduler", at=now)
        session.add(link)
    return len(overdue)
