"""A candidate's rights over their data: a full export, erasure, and anonymisation after the
retention period.

Erasure deletes every row about the person, the files only they used and the copies of mail
sent to them in the local outbox folder; the audit log keeps one tombstone saying who erased
which record when, and the events about the person keep their action and time but lose their
content. Their messages' keys are kept hashed (`ErasedMessage`), so the same mail fetched again
from another folder or account is skipped instead of bringing the person back.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from typing import BinaryIO
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from hireops.models import (
    AIFlag,
    Application,
    Attachment,
    BookingInterviewer,
    Candidate,
    ConversationMessage,
    CandidateTag,
    Decision,
    Email,
    ErasedMessage,
    Evaluation,
    Event,
    InterviewBooking,
    InterviewLink,
    InterviewRecording,
    InterviewSignal,
    InterviewTurn,
    Notification,
    Offer,
    OutboxAttachment,
    OutboxMessage,
    Scorecard,
    User,
    utcnow,
)
from hireops.services.platform.attachment_store import attachment_path, attachments_root
from hireops.services.platform.audit import record_event
from hireops.services.platform.file_names import safe_file_name
from hireops.services.inbox.store import erased_key_digest
from hireops.services.interviews.recordings import (
    delete_recordings,
    recording_path,
    unlink_recording_files,
)
from hireops.services.mail.sent_folder import remove_sent_copies
from hireops.services.platform.runtime_settings import current_settings

ANONYMOUS_NAME = "Anonymised candidate"
# A person's data handed over in full (the privacy export), by whom and when.
DATA_EXPORTED = "candidate.data_exported"


class CandidateNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Footprint:
    """Every row id that belongs to one person (their record and records merged into it)."""

    candidate_ids: list[int]
    application_ids: list[int]
    link_ids: list[int]
    email_ids: list[int]
    # Files that came with their emails or were sent for them directly (API uploads).
    attachment_ids: list[int]


def _footprint(session: Session, candidate_id: int) -> Footprint:
    if session.get(Candidate, candidate_id) is None:
        raise CandidateNotFound(f"There is no candidate {candidate_id}.")
    people, todo = [candidate_id], [candidate_id]
    while todo:  # duplicates merged into this record are the same person
        merged = session.exec(select(Candidate.id)
                              .where(Candidate.merged_into_id.in_(todo))).all()
        todo = [i for i in merged if i not in people]
        people += todo
    applications = list(session.exec(select(Application.id)
                                     .where(Application.candidate_id.in_(people))).all())
    links = list(session.exec(select(InterviewLink.id)
                              .where(InterviewLink.application_id.in_(applications))).all())
    emails = list(session.exec(select(Email.id).where(Email.candidate_id.in_(people))).all())
    attachments = list(session.exec(select(Attachment.id).where(sa.or_(
        Attachment.email_id.in_(emails), Attachment.candidate_id.in_(people)))).all())
    return Footprint(people, applications, links, emails, attachments)


def _dump(rows, leave_out: tuple[str, ...] = ()) -> list[dict]:
    # warnings off: enum columns hold their plain string values (see models.py).
    return [row.model_dump(mode="json", exclude=set(leave_out), warnings=False) for row in rows]


def write_candidate_data(*, session: Session, candidate_id: int, out: BinaryIO) -> None:
    """A zip with everything held about the person (data.json) and their original files,
    written into `out`: each file is copied from disk in pieces, as a person's files can be
    large (interview videos, a portfolio) and were held whole in memory, twice over."""
    trace = _footprint(session, candidate_id)
    attachments = session.exec(select(Attachment)
                               .where(Attachment.id.in_(trace.attachment_ids))).all()
    recordings = session.exec(select(InterviewRecording).where(
        InterviewRecording.link_id.in_(trace.link_ids))).all()
    data = {
        "exported_at": utcnow().isoformat(),
        "candidates": _dump(session.exec(select(Candidate)
                                         .where(Candidate.id.in_(trace.candidate_ids)))),
        "tags": _dump(session.exec(select(CandidateTag).where(
            CandidateTag.candidate_id.in_(trace.candidate_ids)))),
        "applications": _dump(session.exec(select(Application).where(
            Application.id.in_(trace.application_ids)))),
        "emails": _dump(session.exec(select(Email).where(Email.id.in_(trace.email_ids)))),
        "attachments": _dump(attachments, leave_out=("storage_path",)),
        # The link tokens are keys to the room, not data about the person.
        "interviews": _dump(session.exec(select(InterviewLink).where(
            InterviewLink.id.in_(trace.link_ids))), leave_out=("token_hash", "token_encrypted")),
        "interview_turns": _dump(session.exec(select(InterviewTurn).where(
            InterviewTurn.link_id.in_(trace.link_ids)).order_by(InterviewTurn.link_id,
                                                                InterviewTurn.seq))),
        "webcam_signals": _dump(session.exec(select(InterviewSignal).where(
            InterviewSignal.link_id.in_(trace.link_ids)))),
        # The videos themselves are in files/ (recording-<id>.webm).
        "interview_recordings": _dump(recordings, leave_out=("storage_path",)),
        "evaluations": _dump(session.exec(select(Evaluation).where(
            Evaluation.application_id.in_(trace.application_ids)))),
        "decisions": _dump(session.exec(select(Decision).where(
            Decision.application_id.in_(trace.application_ids)))),
        "bookings": _dump(session.exec(select(InterviewBooking).where(
            InterviewBooking.application_id.in_(trace.application_ids)))),
        "emails_sent": _dump(session.exec(select(OutboxMessage).where(
            _sent_to(session, trace)))),
        "conversation": _dump(session.exec(select(ConversationMessage).where(
            ConversationMessage.candidate_id.in_(trace.candidate_ids))
            .order_by(ConversationMessage.id))),
        # The letter's text is here; the DOCX sent with the offer email holds the same.
        "offers": _dump(session.exec(select(Offer).where(
            Offer.application_id.in_(trace.application_ids)))),
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False))
        for attachment in attachments:
            try:
                path = attachment_path(attachment.storage_path)
            except FileNotFoundError:
                continue
            archive.write(path, _entry_name(attachment))
        for recording in recordings:
            path = recording_path(recording)
            if path is not None:
                extension = "mp4" if recording.mime_type.endswith("mp4") else "webm"
                archive.write(path, f"files/recording-{recording.id}.{extension}")


def candidate_data_name(candidate_id: int) -> str:
    """The privacy export's file name, the same from the candidate page and the API."""
    return f"candidate-{candidate_id}-data.zip"


def record_data_export(*, session: Session, candidate_id: int, actor: User | None,
                       actor_label: str | None = None) -> None:
    """Audit that everything held about the person was handed over: who took it, and when (a
    step: the route commits it before the file leaves, so no export goes unrecorded)."""
    record_event(session=session, action=DATA_EXPORTED, actor=actor, actor_label=actor_label,
                 entity_type="candidate", entity_id=candidate_id,
                 after={"records": _footprint(session, candidate_id).candidate_ids})


def _entry_name(attachment: Attachment) -> str:
    """The file's archive entry: one plain name inside files/, whatever name the sender gave
    (an unzip tool must not write outside its folder); the id keeps the names unique."""
    return f"files/{attachment.id}-{safe_file_name(attachment.filename)}"


def _sent_to(session: Session, trace: Footprint) -> sa.ColumnElement[bool]:
    """The outbox rows of mail to the person: about their applications, or written to them
    from the candidate page (which may name no application)."""
    written = select(ConversationMessage.outbox_id).where(
        ConversationMessage.candidate_id.in_(trace.candidate_ids),
        ConversationMessage.outbox_id.is_not(None))
    return sa.or_(OutboxMessage.application_id.in_(trace.application_ids),
                  OutboxMessage.id.in_(list(session.exec(written))))


def _scrub_events(session: Session, trace: Footprint) -> int:
    targets = sa.or_(
        sa.and_(Event.entity_type == "candidate", Event.entity_id.in_(trace.candidate_ids)),
        sa.and_(Event.entity_type == "application", Event.entity_id.in_(trace.application_ids)),
        sa.and_(Event.entity_type == "interview_link", Event.entity_id.in_(trace.link_ids)),
        sa.and_(Event.entity_type == "email", Event.entity_id.in_(trace.email_ids)),
    )
    return session.execute(sa.update(Event).where(targets)
                           .values(before={}, after={}, note="")).rowcount


def _delete(session: Session, model, condition) -> int:
    return session.execute(sa.delete(model).where(condition)).rowcount


def _unshared_files(session: Session, trace: Footprint) -> list[str]:
    """Stored files of the person's attachments that no other attachment points at."""
    mine = session.exec(select(Attachment.storage_path)
                        .where(Attachment.id.in_(trace.attachment_ids),
                               Attachment.storage_path != "")).all()
    shared = set(session.exec(select(Attachment.storage_path).where(
        Attachment.storage_path.in_(mine), Attachment.id.not_in(trace.attachment_ids))).all())
    return sorted(set(mine) - shared)


def _remember_erased_mail(session: Session, trace: Footprint) -> int:
    """Tombstones for the person's messages (digests of their keys); how many are new."""
    digests = {erased_key_digest(key) for key in session.exec(
        select(Email.message_key).where(Email.id.in_(trace.email_ids)))}
    known = set(session.exec(select(ErasedMessage.key_sha256)
                             .where(ErasedMessage.key_sha256.in_(sorted(digests)))))
    session.add_all(ErasedMessage(key_sha256=digest) for digest in sorted(digests - known))
    return len(digests - known)


def erase_candidate(*, session: Session, candidate_id: int, actor: User | None,
                    reason: str, actor_label: str | None = None) -> dict[str, int]:
    """Delete the person's data and files; returns how many rows of each kind went."""
    if not reason.strip():
        raise ValueError("Say why the data is erased (e.g. the candidate's request).")
    trace = _footprint(session, candidate_id)
    files = _unshared_files(session, trace)
    apps, links = trace.application_ids, trace.link_ids
    sent = _sent_to(session, trace)
    sent_keys = list(session.exec(select(OutboxMessage.idempotency_key).where(sent)))
    counts = {"events_scrubbed": _scrub_events(session, trace),
              "mail_tombstones": _remember_erased_mail(session, trace)}
    recording_files = delete_recordings(session=session, link_ids=links)
    counts["interview_recordings"] = len(recording_files)
    for name, model, condition in (
        ("interview_turns", InterviewTurn, InterviewTurn.link_id.in_(links)),
        ("webcam_signals", InterviewSignal, InterviewSignal.link_id.in_(links)),
        ("evaluations", Evaluation, Evaluation.application_id.in_(apps)),
        ("decisions", Decision, Decision.application_id.in_(apps)),
        # Scorecards and named interviewers point at the bookings: they go first.
        ("scorecards", Scorecard, Scorecard.application_id.in_(apps)),
        ("interviewers", BookingInterviewer, BookingInterviewer.booking_id.in_(
            select(InterviewBooking.id).where(InterviewBooking.application_id.in_(apps)))),
        ("bookings", InterviewBooking, InterviewBooking.application_id.in_(apps)),
        ("flags", AIFlag, AIFlag.application_id.in_(apps)),
        # Conversation rows point at the outbox and the emails: they go first.
        ("conversation", ConversationMessage,
         ConversationMessage.candidate_id.in_(trace.candidate_ids)),
        ("notifications", Notification, Notification.candidate_id.in_(trace.candidate_ids)),
        # Offers point at their email, and attachments at theirs: both go first.
        ("offers", Offer, Offer.application_id.in_(apps)),
        ("mail_attachments", OutboxAttachment, OutboxAttachment.outbox_id.in_(
            select(OutboxMessage.id).where(sent))),
        ("emails_sent", OutboxMessage, sent),
        ("interview_links", InterviewLink, InterviewLink.id.in_(links)),
        ("applications", Application, Application.id.in_(apps)),
        ("tags", CandidateTag, CandidateTag.candidate_id.in_(trace.candidate_ids)),
        ("attachments", Attachment, Attachment.id.in_(trace.attachment_ids)),
        ("emails", Email, Email.id.in_(trace.email_ids)),
    ):
        counts[name] = _delete(session, model, condition)
    # Merged duplicates point at the record they were merged into: remove them first.
    session.execute(sa.update(Candidate).where(Candidate.id.in_(trace.candidate_ids))
                    .values(merged_into_id=None))
    counts["candidates"] = _delete(session, Candidate, Candidate.id.in_(trace.candidate_ids))
    record_event(session=session, action="candidate.erased", actor=actor,
                 actor_label=actor_label, entity_type="candidate", entity_id=candidate_id,
                 after={"records": trace.candidate_ids, **counts, "files": len(files)},
                 note=reason.strip())
    session.commit()
    root = attachments_root()
    for relative in files:  # after the commit: a failed erasure keeps its files
        (root / relative).unlink(missing_ok=True)
    counts["files"] = len(files) + unlink_recording_files(recording_files)
    counts["sent_mail_files"] = remove_sent_copies(current_settings().sent_mail_dir(),
                                                   idempotency_keys=sent_keys)
    return counts


def anonymise_candidate(*, session: Session, candidate_id: int, actor_label: str) -> None:
    """Keep the record for the figures but remove who the person is and what they sent."""
    trace = _footprint(session, candidate_id)
    files = _unshared_files(session, trace)
    for candidate in session.exec(select(Candidate)
                                  .where(Candidate.id.in_(trace.candidate_ids))).all():
        candidate.full_name, candidate.current_title = ANONYMOUS_NAME, ""
        for name in ("email", "email_normalized", "phone", "phone_normalized", "phone_tail",
                     "linkedin_url", "github_url", "location", "resume_text"):
            setattr(candidate, name, "")
        candidate.anonymized_at = utcnow()
        session.add(candidate)
    session.execute(sa.update(Email).where(Email.id.in_(trace.email_ids)).values(
        from_address="", from_name="", to_address="", subject="", body_text=""))
    session.execute(sa.update(Attachment).where(Attachment.id.in_(trace.attachment_ids))
                    .values(extracted_text="", storage_path="", filename="removed"))
    session.execute(sa.update(InterviewTurn).where(InterviewTurn.link_id.in_(trace.link_ids))
                    .values(text="[removed]"))
    session.execute(sa.update(OutboxMessage).where(_sent_to(session, trace)).values(
        to_address="", body_text="", body_html="", ics=""))
    session.execute(sa.update(ConversationMessage).where(
        ConversationMessage.candidate_id.in_(trace.candidate_ids)).values(
        subject="", body_text="", from_address="", message_id=""))
    _delete(session, Notification, Notification.candidate_id.in_(trace.candidate_ids))
    # Interviewers' notes may say who the person is; the ratings stay for the figures.
    for card in session.exec(select(Scorecard).where(
            Scorecard.application_id.in_(trace.application_ids))).all():
        card.summary = ""
        card.ratings = [{**entry, "note": ""} for entry in card.ratings]
        session.add(card)
    # HR's labels may say who the person is ("Ada's referral").
    _delete(session, CandidateTag, CandidateTag.candidate_id.in_(trace.candidate_ids))
    # An offer letter names the person: its text and the DOCX go, the outcome stays.
    session.execute(sa.update(Offer).where(Offer.application_id.in_(trace.application_ids))
                    .values(letter_text="", values={}, response_reason=""))
    session.execute(sa.delete(OutboxAttachment).where(OutboxAttachment.outbox_id.in_(
        select(OutboxMessage.id).where(_sent_to(session, trace)))))
    # A video shows who the person is: it goes entirely.
    recording_files = delete_recordings(session=session, link_ids=trace.link_ids)
    _scrub_events(session, trace)
    record_event(session=session, action="candidate.anonymised", actor_label=actor_label,
                 entity_type="candidate", entity_id=candidate_id,
                 after={"records": trace.candidate_ids, "recordings": len(recording_files)})
    session.commit()
    root = attachments_root()
    for relative in files:
        (root / relative).unlink(missing_ok=True)
    unlink_recording_files(recording_files)


def anonymise_inactive(*, session: Session, days: int, now: datetime | None = None) -> int:
    """The retention schedule: anonymise candidates with no activity for `days` days."""
    if days <= 0:
        return 0
    cutoff = (now or utcnow()) - timedelta(days=days)
    last_activity = (select(Application.candidate_id,
                            sa.func.max(Application.last_activity_at).label("last"))
                     .group_by(Application.candidate_id).subquery())
    stale = session.exec(
        select(Candidate.id).outerjoin(last_activity,
                                       last_activity.c.candidate_id == Candidate.id)
        .where(Candidate.anonymized_at.is_(None), Candidate.merged_into_id.is_(None),
               sa.func.coalesce(last_activity.c.last, Candidate.updated_at) < cutoff)).all()
    for candidate_id in stale:
        anonymise_candidate(session=session, candidate_id=candidate_id,
                            actor_label="retention schedule")
    return len(stale)
