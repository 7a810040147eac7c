"""Reading the stored inbound mail for the inbox page.

Mail from a candidate whose identity blind screening hides is listed without its sender,
subject, file names or classifier reasoning, and its files cannot be downloaded: each of them
names the person.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import Session, select

from hireops import routes
from hireops.models import Attachment, Candidate, Email
from hireops.services.privacy.blind_screening import anonymous_name, hidden_candidate_ids, hidden_candidates
from hireops.services.platform.clock import format_local
from hireops.services.platform.labels import words_for

HIDDEN = "[hidden]"


class AttachmentWithheld(LookupError):
    """The file belongs to a candidate whose identity blind screening hides."""

    def __init__(self) -> None:
        super().__init__("Blind screening hides this candidate's identity, and their files "
                         "show it. Reveal the identity first (audited).")


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    filename: str
    size: str
    status: str  # ok | failed | skipped | pending
    reason: str
    downloadable: bool
    # Where the browser downloads the file ("" when it cannot).
    url: str = ""


@dataclass(frozen=True)
class StoredFile:
    """An attachment's file as it is downloaded."""

    # As the sender named it (anything at all: a route must make it safe to say).
    filename: str
    # Relative to the attachment store.
    path: str
    # As the sender's mail gave it.
    content_type: str


@dataclass(frozen=True)
class EmailRow:
    id: int
    received: str
    sender: str
    sender_address: str
    subject: str
    category: str
    confidence: str
    reasoning: str
    status: str
    failure_reason: str
    warnings: list[str]
    attachments: list[AttachmentRow]
    candidate_id: int
    candidate_name: str
    # The category in words ("Unclassified"), for categories the page has no badge for.
    category_label: str = ""


@dataclass(frozen=True)
class InboxCounts:
    total: int
    new: int
    processed: int
    failed: int


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{max(1, n // 1024)} KB"


def list_emails(*, session: Session, status: str = "", category: str = "", search: str = "",
                limit: int = 200) -> list[EmailRow]:
    """The newest stored messages first, filtered; attachments and candidates in two queries."""
    query = select(Email, Candidate.full_name).outerjoin(
        Candidate, Candidate.id == Email.candidate_id).order_by(Email.id.desc()).limit(limit)
    if status:
        query = query.where(Email.status == status)
    if category:
        query = query.where(Email.category == category)
    if search.strip():
        pattern = f"%{search.strip()}%"
        # A hidden person's mail cannot be found by what would identify them.
        query = query.where(or_(Email.subject.ilike(pattern), Email.from_address.ilike(pattern),
                                Email.from_name.ilike(pattern)),
                            or_(Email.candidate_id.is_(None),
                                Email.candidate_id.not_in(hidden_candidates())))
    rows = session.exec(query).all()
    attachments = attachments_by_email(session, [email.id for email, _ in rows])
    hidden = hidden_candidate_ids(session=session, candidate_ids=[
        email.candidate_id for email, _ in rows if email.candidate_id])
    return [_row(email, name, attachments.get(email.id, []), email.candidate_id in hidden)
            for email, name in rows]


def attachments_by_email(session: Session,
                         email_ids: list[int]) -> dict[int, list[AttachmentRow]]:
    """Each message's attachments as the inbox shows them, by message id."""
    if not email_ids:
        return {}
    found: dict[int, list[AttachmentRow]] = {}
    for a in session.exec(select(Attachment).where(Attachment.email_id.in_(email_ids))
                          .order_by(Attachment.id)):
        found.setdefault(a.email_id, []).append(AttachmentRow(
            id=a.id, filename=a.filename, size=_size(a.size_bytes), status=a.extraction_status,
            reason=a.extraction_error, downloadable=bool(a.storage_path),
            url=routes.attachment_file(a.id) if a.storage_path else ""))
    return found


def _row(email: Email, candidate_name: str | None, attachments: list[AttachmentRow],
         hidden: bool) -> EmailRow:
    if hidden:
        return _hidden_row(email, attachments)
    return EmailRow(
        id=email.id, received=format_local(email.received_at or email.fetched_at),
        sender=email.from_name or email.from_address, sender_address=email.from_address,
        subject=email.subject or "(no subject)",
        category=(email.category or "unclassified").replace("candidate_application",
                                                             "application"),
        confidence="" if email.confidence is None else f"{email.confidence:.0%}",
        reasoning=email.reasoning, status=email.status, failure_reason=email.failure_reason,
        warnings=list(email.warnings), attachments=attachments,
        candidate_id=email.candidate_id or 0, candidate_name=candidate_name or "",
        category_label=words_for(email.category or "unclassified"),
    )


def _hidden_row(email: Email, attachments: list[AttachmentRow]) -> EmailRow:
    return EmailRow(
        id=email.id, received=format_local(email.received_at or email.fetched_at),
        sender=anonymous_name(email.candidate_id), sender_address="", subject=HIDDEN,
        category=(email.category or "unclassified").replace("candidate_application",
                                                             "application"),
        confidence="" if email.confidence is None else f"{email.confidence:.0%}",
        reasoning="", status=email.status, failure_reason="", warnings=[],
        attachments=[AttachmentRow(id=a.id, filename=HIDDEN, size=a.size, status=a.status,
                                   reason="", downloadable=False) for a in attachments],
        candidate_id=email.candidate_id, candidate_name=anonymous_name(email.candidate_id),
        category_label=words_for(email.category or "unclassified"),
    )


def inbox_counts(*, session: Session) -> InboxCounts:
    """How many messages are stored, waiting, processed and failed."""
    counts = dict(session.exec(select(Email.status, func.count()).group_by(Email.status)).all())
    return InboxCounts(total=sum(counts.values()),
                       new=counts.get("new", 0) + counts.get("processing", 0),
                       processed=counts.get("processed", 0), failed=counts.get("failed", 0))


def get_attachment_file(*, session: Session, attachment_id: int) -> StoredFile:
    """The file of an attachment whose bytes were kept and whose candidate may be seen;
    AttachmentWithheld while blind screening hides its candidate, LookupError when there is
    nothing to download."""
    attachment = session.get(Attachment, attachment_id)
    if attachment is None or not attachment.storage_path:
        raise LookupError("There is no such attachment, or its file was not kept.")
    if hidden_candidate_ids(session=session, candidate_ids=_owners(session, attachment)):
        raise AttachmentWithheld()
    return StoredFile(attachment.filename, attachment.storage_path, attachment.content_type)


def get_resume_file(*, session: Session, candidate_id: int) -> StoredFile:
    """The candidate's original resume file; AttachmentWithheld while blind screening hides
    them, LookupError when there is no such candidate or file."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise LookupError(f"There is no candidate {candidate_id}.")
    # Hidden person, hidden file, as on their page, whoever's mail brought it (a duplicate's).
    if hidden_candidate_ids(session=session, candidate_ids=[candidate_id]):
        raise AttachmentWithheld()
    attachment = (session.get(Attachment, candidate.resume_attachment_id)
                  if candidate.resume_attachment_id else None)
    if attachment is None or not attachment.storage_path:
        raise LookupError("This candidate has no original resume file on the server.")
    return get_attachment_file(session=session, attachment_id=attachment.id)


def _owners(session: Session, attachment: Attachment) -> list[int]:
    """Every candidate the file belongs to: by upload, by the mail it came in, as a resume."""
    owners = {attachment.candidate_id} if attachment.candidate_id else set()
    if attachment.email_id:
        email = session.get(Email, attachment.email_id)
        if email is not None and email.candidate_id:
            owners.add(email.candidate_id)
    if not owners:
        # Only when the file came by neither route: this reads the candidates without an index.
        owners.update(session.exec(select(Candidate.id).where(
            Candidate.resume_attachment_id == attachment.id)).all())
    return sorted(owners)
