"""The outbox: outgoing mail is written to the database first and delivered by a job.

`enqueue_mail` joins the caller's transaction, so a mail exists exactly when the change that
caused it was committed, and a second enqueue with the same idempotency key is a no-op.
`deliver_due` sends what is due, retrying with backoff.

Delivery is at least once, never "exactly once": SMTP has no way to ask whether a message
arrived. A message is claimed (pending -> sending, committed) before it is sent, so two workers
never send it side by side, and marked sent in the commit right after the server's 250 reply.
Only a crash between that reply and that commit (milliseconds) sends it again, when its claim
expires; the Message-ID is the same on every attempt, so the receiver can drop the copy.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import OutboxAttachment, OutboxMessage, User, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.mail.sender import (
    DELIVERED_TO_FOLDER,
    MailAttachment,
    MailSender,
    MailSendError,
    OutgoingMail,
    delivery_of,
    message_id_for_key,
    outbox_message_ref,
)
from hireops.services.platform.runtime_settings import current_settings

log = logging.getLogger(__name__)

OUTBOX_KINDS = ("invite", "schedule", "rejection", "reminder", "acknowledgement",
                "conversation", "notification", "offer")
# Attached files travel in the database with their message: kept small on purpose.
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
# The audit event of a message written to the local outbox folder (no mail server set).
MAIL_SAVED_TO_FOLDER = "mail.saved_to_outbox_folder"
INTERRUPTED = ("The previous attempt was interrupted while sending (the process stopped); "
               "it may have arrived once already.")


@dataclass
class DeliveryReport:
    """What one `deliver_due` pass did."""

    sent: int = 0
    # Failed this time, due again later.
    retried: int = 0
    # Given up: a permanent refusal, or the last allowed attempt.
    failed: int = 0
    # Why the pass ended before the due mail was done (the server is down), or "".
    stopped: str = ""


@dataclass(frozen=True)
class _Claim:
    """A message this worker holds in 'sending'; `attempts` fences the final update."""

    id: int
    attempts: int
    application_id: int | None
    kind: str
    mail: OutgoingMail


def enqueue_mail(
    *,
    session: Session,
    idempotency_key: str,
    kind: str,
    to_address: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    ics: str = "",
    application_id: int | None = None,
    in_reply_to: str = "",
    attachments: Sequence[MailAttachment] = (),
) -> OutboxMessage:
    """Queue one mail in the caller's transaction; the same key returns the existing row."""
    _check_mail(idempotency_key, kind, to_address, subject, body_text)
    _check_attachments(attachments)
    existing = _by_key(session, idempotency_key)
    if existing is not None:
        return existing
    message = OutboxMessage(
        idempotency_key=idempotency_key, message_ref=outbox_message_ref(idempotency_key),
        kind=kind, to_address=to_address.strip(),
        subject=subject, body_text=body_text, body_html=body_html, ics=ics,
        in_reply_to=in_reply_to, application_id=application_id, status=PENDING,
        next_attempt_at=utcnow())
    _begin_sqlite_transaction(session)
    try:
        # The savepoint keeps the caller's other changes when another worker won the race.
        with session.begin_nested():
            session.add(message)
            session.flush()
            for attachment in attachments:
                session.add(OutboxAttachment(
                    outbox_id=message.id, filename=attachment.filename,
                    content_type=attachment.content_type, content=attachment.content))
    except IntegrityError:
        existing = _by_key(session, idempotency_key)
        if existing is None:  # some other constraint failed: not a duplicate
            raise
        return existing
    return message


def deliver_due(*, session: Session, sender: MailSender, now: datetime | None = None,
                limit: int = 50) -> DeliveryReport:
    """Send up to `limit` due messages, one claim at a time; safe with several workers.

    Commits as it goes (each claim and each outcome), so it takes a session of its own; no
    transaction is open while a message is on the wire.
    """
    now = now or utcnow()
    report = DeliveryReport(failed=_fail_abandoned(session, now))
    for message_id in _due_ids(session, now, limit):
        claim = _claim(session, message_id, now)
        if claim is None:  # another worker took it first
            continue
        error = _send(sender, claim)
        _record_outcome(session, claim, error, now, report, delivered_to=delivery_of(sender))
        if error is not None and error.server_wide:
            report.stopped = error.reason
            break
    return report


def retry_message(*, session: Session, message_id: int, actor: User | None) -> OutboxMessage:
    """HR's "send again": a failed (or waiting) message is due now with fresh attempts."""
    message = session.get(OutboxMessage, message_id, populate_existing=True)
    if message is None:
        raise ValueError(f"Outgoing message {message_id} does not exist.")
    if message.status == SENT:
        raise ValueError("This message was already sent; it is never sent twice.")
    if message.status == SENDING:
        raise ValueError("This message is being sent right now.")
    before = {"status": message.status, "attempts": message.attempts}
    # Conditional, so a worker claiming it at this moment cannot be overwritten.
    changed = session.exec(
        sa.update(OutboxMessage).where(OutboxMessage.id == message_id)
        .where(OutboxMessage.status.in_((PENDING, FAILED)))
        .values(status=PENDING, attempts=0, next_attempt_at=utcnow())
        .execution_options(synchronize_session=False)).rowcount
    if not changed:
        session.rollback()
        raise ValueError("This message changed meanwhile; reload the page.")
    _record_mail_event(session, "mail.retried", message, actor=actor, before=before,
                       after={"status": PENDING, "attempts": 0})
    session.commit()
    session.refresh(message)
    return message


def list_outbox_for_application(*, session: Session,
                                application_id: int) -> list[OutboxMessage]:
    """The mail of one application, newest first (status and last error for the page)."""
    return list(session.exec(
        select(OutboxMessage).where(OutboxMessage.application_id == application_id)
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())).all())


def attachments_of(session: Session, message_id: int) -> tuple[MailAttachment, ...]:
    """The files sent with outbox message `message_id`, in the order they were added."""
    rows = session.exec(select(OutboxAttachment).where(OutboxAttachment.outbox_id == message_id)
                        .order_by(OutboxAttachment.id)).all()
    return tuple(MailAttachment(filename=row.filename, content_type=row.content_type,
                                content=row.content) for row in rows)


def _check_attachments(attachments: Sequence[MailAttachment]) -> None:
    for attachment in attachments:
        if not attachment.filename or any(ch in attachment.filename for ch in "\r\n/\\"):
            raise ValueError("An attachment needs a plain file name.")
        if "/" not in attachment.content_type:
            raise ValueError(f"Attachment content type {attachment.content_type!r} is not "
                             "a MIME type.")
    if sum(len(a.content) for a in attachments) > MAX_ATTACHMENT_BYTES:
        raise ValueError("The attachments are larger than "
                         f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB.")


def backoff_delay(attempts: int) -> timedelta:
    """The pause after failed attempt number `attempts`: initial * 2**(attempts-1), capped.

    No jitter: one scheduler leader delivers, so retries never stampede a recovering server.
    """
    settings = get_settings()
    seconds = settings.outbox_backoff_initial_s * 2 ** max(0, attempts - 1)
    return timedelta(seconds=min(seconds, settings.outbox_backoff_max_s))


def claim_timeout() -> timedelta:
    """How long a message may stay 'sending' before another pass takes it for a crashed one.

    Far above one send (connect, TLS, login and each reply are bounded by SMTP_TIMEOUT_S), so
    a slow but living sender is not overtaken and the message sent twice.
    """
    return timedelta(seconds=max(300.0, 10 * get_settings().smtp_timeout_s))


# --- claiming and recording ----------------------------------------------------------------


def _due(now: datetime) -> sa.ColumnElement[bool]:
    """Pending and due, or stuck in 'sending' past its claim (its sender died)."""
    max_attempts = get_settings().outbox_max_attempts
    pending = sa.and_(OutboxMessage.status == PENDING,
                      sa.or_(OutboxMessage.next_attempt_at.is_(None),
                             OutboxMessage.next_attempt_at <= now))
    abandoned = sa.and_(OutboxMessage.status == SENDING, OutboxMessage.next_attempt_at <= now,
                        OutboxMessage.attempts < max_attempts)
    return sa.or_(pending, abandoned)


def _due_ids(session: Session, now: datetime, limit: int) -> list[int]:
    ids = session.exec(select(OutboxMessage.id).where(_due(now))
                       .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
                       .limit(limit)).all()
    session.commit()  # end the read, so no transaction stays open while mail is sent
    return list(ids)


def _claim(session: Session, message_id: int, now: datetime) -> _Claim | None:
    """pending -> sending in one conditional UPDATE, committed before anything is sent."""
    # While 'sending', next_attempt_at is the claim's expiry (the table has no claim column).
    claimed = session.exec(
        sa.update(OutboxMessage).where(OutboxMessage.id == message_id).where(_due(now))
        .values(status=SENDING, attempts=OutboxMessage.attempts + 1,
                next_attempt_at=now + claim_timeout(),
                last_error=sa.case((OutboxMessage.status == SENDING, INTERRUPTED),
                                   else_=OutboxMessage.last_error))
        .execution_options(synchronize_session=False)).rowcount
    if not claimed:
        session.rollback()
        return None
    row = session.get(OutboxMessage, message_id, populate_existing=True)
    domain = current_settings().smtp_from_address.rpartition("@")[2]
    claim = _Claim(id=row.id, attempts=row.attempts, application_id=row.application_id,
                   kind=row.kind, mail=OutgoingMail(
                       to=row.to_address, subject=row.subject, text=row.body_text,
                       html=row.body_html, ics=row.ics, in_reply_to=row.in_reply_to,
                       message_id=message_id_for_key(row.idempotency_key, domain=domain),
                       attachments=attachments_of(session, row.id)))
    session.commit()
    return claim


def _send(sender: MailSender, claim: _Claim) -> MailSendError | None:
    try:
        sender.send(claim.mail)
    except MailSendError as error:
        return error
    except Exception as exc:  # a bug in a sender must cost one attempt, not the whole pass
        log.exception("outbox message %s: unexpected error from %s", claim.id, sender.name)
        return MailSendError(f"Unexpected error while sending: {type(exc).__name__}: {exc}",
                             permanent=False)
    return None


def _record_outcome(session: Session, claim: _Claim, error: MailSendError | None,
                    now: datetime, report: DeliveryReport, *, delivered_to: str) -> None:
    """sending -> sent, pending (retry later) or failed, in its own commit right away."""
    max_attempts = get_settings().outbox_max_attempts
    if error is None:
        values = {"status": SENT, "sent_at": utcnow(), "next_attempt_at": None,
                  "delivered_to": delivered_to}
    elif error.permanent or claim.attempts >= max_attempts:
        values = {"status": FAILED, "next_attempt_at": None, "last_error": error.reason}
    else:
        values = {"status": PENDING, "next_attempt_at": now + backoff_delay(claim.attempts),
                  "last_error": error.reason}
    # The attempts fence: if our claim expired and another worker took the message over,
    # its outcome counts, not ours.
    changed = session.exec(
        sa.update(OutboxMessage).where(OutboxMessage.id == claim.id)
        .where(OutboxMessage.status == SENDING)
        .where(OutboxMessage.attempts == claim.attempts)
        .values(**values).execution_options(synchronize_session=False)).rowcount
    if not changed:
        session.rollback()
        log.warning("outbox message %s was taken over while this worker sent it; "
                    "outcome dropped", claim.id)
        return
    status = values["status"]
    if status != PENDING:
        _record_mail_event(session, _outcome_action(status, delivered_to), claim, after={
            "outbox_id": claim.id, "kind": claim.kind, "to": claim.mail.to,
            "attempts": claim.attempts, "reason": error.reason if error else "",
            **({"delivered_to": delivered_to} if status == SENT else {})})
    session.commit()
    # Ids and the kind of mail, never the address or the text: those are the candidate's.
    context = {"outbox_id": claim.id, "application_id": claim.application_id,
               "mail_kind": claim.kind, "attempt": claim.attempts}
    if status == SENT:
        report.sent += 1
        log.info("outbox message %s sent", claim.id, extra=context)
    elif status == FAILED:
        report.failed += 1
        log.warning("outbox message %s failed: %s", claim.id, error.reason if error else "",
                    extra=context)
    else:
        report.retried += 1
        log.warning("outbox message %s not sent, retrying at %s: %s", claim.id,
                    values["next_attempt_at"].isoformat(timespec="seconds"), error.reason,
                    extra=context)


def _outcome_action(status: str, delivered_to: str) -> str:
    # Mail that only reached the local folder was not sent to anyone: the timeline says so.
    if status == SENT and delivered_to == DELIVERED_TO_FOLDER:
        return MAIL_SAVED_TO_FOLDER
    return f"mail.{status}"


def _fail_abandoned(session: Session, now: datetime) -> int:
    """Give up on messages whose last allowed attempt was interrupted mid-send.

    Sending them again could duplicate a message that did arrive; HR decides with "retry".
    """
    max_attempts = get_settings().outbox_max_attempts
    stuck = session.exec(select(OutboxMessage).where(
        OutboxMessage.status == SENDING, OutboxMessage.next_attempt_at <= now,
        OutboxMessage.attempts >= max_attempts)).all()
    failed = 0
    reason = (f"The last attempt ({max_attempts} of {max_attempts}) was interrupted while "
              "sending; it may or may not have arrived. Check, then retry if needed.")
    for message in stuck:
        changed = session.exec(
            sa.update(OutboxMessage).where(OutboxMessage.id == message.id)
            .where(OutboxMessage.status == SENDING)
            .where(OutboxMessage.attempts == message.attempts)
            .values(status=FAILED, next_attempt_at=None, last_error=reason)
            .execution_options(synchronize_session=False)).rowcount
        if changed:
            failed += 1
            _record_mail_event(session, "mail.failed", message, after={
                "outbox_id": message.id, "kind": message.kind, "to": message.to_address,
                "attempts": message.attempts, "reason": reason})
    session.commit()
    return failed


def _record_mail_event(session: Session, action: str, message: OutboxMessage | _Claim, *,
                       actor: User | None = None, before: dict | None = None,
                       after: dict | None = None) -> None:
    # Filed under the application when there is one, so the candidate page's timeline shows it.
    if message.application_id is not None:
        entity_type, entity_id = "application", message.application_id
    else:
        entity_type, entity_id = "outbox", message.id
    record_event(session=session, action=action, actor=actor,
                 actor_label=None if actor else "outbox", entity_type=entity_type,
                 entity_id=entity_id, before=before,
                 after={"outbox_id": message.id, **(after or {})})


# --- enqueue helpers -----------------------------------------------------------------------


def _by_key(session: Session, idempotency_key: str) -> OutboxMessage | None:
    return session.exec(select(OutboxMessage)
                        .where(OutboxMessage.idempotency_key == idempotency_key)).first()


def _begin_sqlite_transaction(session: Session) -> None:
    """Make sure SQLite has a transaction open before a SAVEPOINT.

    Python's sqlite3 module only opens one before INSERT/UPDATE/DELETE, so a SAVEPOINT issued
    first becomes the outermost transaction and its RELEASE commits at once: a mail queued
    with a change the caller then rolls back would stay queued.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    if not connection.connection.driver_connection.in_transaction:
        connection.exec_driver_sql("BEGIN")


def _check_mail(idempotency_key: str, kind: str, to_address: str, subject: str,
                body_text: str) -> None:
    if not idempotency_key or len(idempotency_key) > 200:
        raise ValueError("An idempotency key of 1 to 200 characters is required.")
    if kind not in OUTBOX_KINDS:
        raise ValueError(f"Unknown mail kind {kind!r}; use one of {', '.join(OUTBOX_KINDS)}.")
    address = to_address.strip()
    if "@" not in address or any(c in address for c in "\r\n ,;<>"):
        raise ValueError(f"{to_address!r} is not one email address.")
    if not subject.strip() or "\r" in subject or "\n" in subject:
        raise ValueError("The subject must be one non-empty line.")
    if not body_text.strip():
        raise ValueError("The mail has no text.")
