"""Storing fetched mail exactly once: one Email row per message key, attachments on disk.

Storing is separate from processing so a message is safe in the database before any slow or
failing work (extraction, AI calls) touches it; a crash after storing loses nothing. Mail of a
person whose data was erased is skipped when it is seen again (`ErasedMessage`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops.models import Email, ErasedMessage, MailRef
from hireops.services.platform.attachment_store import attachment_row
from hireops.services.mail.message import ParsedMessage, RawMessage
from hireops.services.mail.parsing import parse_message


@dataclass
class StoreResult:
    seen: int = 0
    new: int = 0
    # Stored before, or the mail of an erased person: skipped either way.
    duplicates: int = 0


def erased_key_digest(message_key: str) -> str:
    """What an erased message's key is remembered by: its SHA-256, never the key itself."""
    return hashlib.sha256(message_key.encode("utf-8")).hexdigest()


def _erased_keys(session: Session, keys: list[str]) -> set[str]:
    by_digest = {erased_key_digest(key): key for key in keys}
    found = session.exec(select(ErasedMessage.key_sha256)
                         .where(ErasedMessage.key_sha256.in_(list(by_digest))))
    return {by_digest[digest] for digest in found}


def known_source_refs(*, session: Session, source: str) -> set[str]:
    """Refs already seen from `source` ("maildir" or "imap"), stored or found to be duplicates,
    so a poll can skip downloading them again."""
    return set(session.exec(select(MailRef.ref).where(MailRef.ref.startswith(f"{source}:"))))


def _remember_refs(session: Session, batch: list[RawMessage]) -> None:
    refs = {raw.source_ref[:400] for raw in batch}
    known = set(session.exec(select(MailRef.ref).where(MailRef.ref.in_(refs))))
    session.add_all(MailRef(ref=ref) for ref in refs - known)


def store_messages(
    *, session: Session, messages: Iterable[RawMessage], batch_size: int = 50,
    on_batch: Callable[[StoreResult], None] | None = None,
) -> StoreResult:
    """Store every message not stored before; one transaction per batch.

    When `messages` raises (the server went away mid-fetch), what it delivered before is stored
    first, then the error is raised: a source that keeps breaking still makes progress.
    """
    result = StoreResult()
    keys_this_pass: set[str] = set()
    batch: list[RawMessage] = []

    def store(batch: list[RawMessage]) -> None:
        parsed = []
        for raw in batch:
            result.seen += 1
            message = parse_message(raw.raw)
            if message.message_key in keys_this_pass:
                result.duplicates += 1
                continue
            keys_this_pass.add(message.message_key)
            parsed.append((raw, message))
        _store_batch(session, parsed, result, batch)
        if on_batch:
            on_batch(result)

    incoming = iter(messages)
    while True:
        try:
            raw = next(incoming)
        except StopIteration:
            break
        except Exception:
            if batch:
                store(batch)
            raise
        batch.append(raw)
        if len(batch) >= batch_size:
            store(batch)
            batch = []
    if batch:
        store(batch)
    return result


def _store_batch(session: Session, parsed: list[tuple[RawMessage, ParsedMessage]],
                 result: StoreResult, batch: list[RawMessage]) -> None:
    keys = [message.message_key for _, message in parsed]
    existing = set(session.exec(select(Email.message_key).where(Email.message_key.in_(keys))).all())
    existing |= _erased_keys(session, keys)
    fresh = [(raw, message) for raw, message in parsed if message.message_key not in existing]
    result.duplicates += len(parsed) - len(fresh)
    try:
        emails = _add_emails(session, fresh)
        _remember_refs(session, batch)
        session.commit()
    except IntegrityError:
        # Another worker stored some of these between our check and our insert: go one by one.
        session.rollback()
        emails = []
        for raw, message in fresh:
            try:
                with session.begin_nested():
                    emails += _add_emails(session, [(raw, message)])
            except IntegrityError:
                result.duplicates += 1
        session.commit()
    result.new += len(emails)


def _add_emails(session: Session, parsed: list[tuple[RawMessage, ParsedMessage]]) -> list[Email]:
    """The messages' rows and their attachments' (one flush gives all the emails their ids)."""
    emails = [Email(
        message_key=message.message_key, message_id=message.message_id[:998],
        source=raw.source, folder=raw.folder[:255], source_ref=raw.source_ref[:400],
        from_address=message.from_address[:320], from_name=message.from_name[:200],
        to_address=message.to_address[:998], subject=message.subject[:998],
        body_text=message.body_text, body_format=message.body_format,
        received_at=message.received_at,
        in_reply_to=message.in_reply_to[:998], reference_ids=" ".join(message.references),
        warnings=list(message.parse_warnings),
    ) for raw, message in parsed]
    session.add_all(emails)
    session.flush()
    for email, (_, message) in zip(emails, parsed):
        session.add_all(attachment_row(filename=part.filename, content_type=part.content_type,
                                       payload=part.payload, email_id=email.id)
                        for part in message.attachments)
    return emails


