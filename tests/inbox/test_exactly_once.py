"""Every message is processed exactly once: after a worker dies mid-batch, after one message
blows up, after the AI engine fails, and with two passes running at the same time."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlmodel import Session, func, select

from hireops import db
from hireops.config import get_settings
from hireops.models import AICall, Application, Attachment, Email, Event, utcnow
from hireops.services.inbox import processing as inbox_processing
from hireops.services.inbox.ingest import IngestSummary, process_pending, run_ingest_pass
from hireops.services.inbox.processing import claim_pending, reprocess_emails
from hireops.services.inbox.store import store_messages
from hireops.services.mail.parsing import parse_message
from hireops.services.mail.sources import MaildirSource
from hireops.services.candidates.stages import STAGE_CHANGED
from tests.inbox.conftest import CORPUS_COUNTS, corpus, counts, deliver
from tests.parallel import at_once


def _store_all(path: Path) -> int:
    with db.session_scope() as session:
        return store_messages(session=session, messages=MaildirSource(path).fetch()).new


def _statuses(session: Session) -> dict[str, int]:
    session.expire_all()
    return dict(session.exec(select(Email.status, func.count()).group_by(Email.status)).all())


def _assert_each_processed_once(session: Session) -> None:
    """One classification per message, one `candidate.created` per candidate, one move to
    "matched" per scored application."""
    session.expire_all()
    emails = session.exec(select(Email)).all()
    assert {e.status for e in emails} == {"processed"}
    classified = session.exec(
        select(AICall.subject_id, func.count()).where(AICall.agent == "classifier",
                                                      AICall.status == "ok")
        .group_by(AICall.subject_id)).all()
    assert dict(classified) == {e.id: 1 for e in emails}
    created = session.exec(select(func.count()).select_from(Event)
                           .where(Event.action == "candidate.created")).one()
    assert created == counts(session)["candidates"]
    moves = session.exec(select(Event.entity_id, func.count())
                         .where(Event.action == STAGE_CHANGED).group_by(Event.entity_id)).all()
    matched = session.exec(select(Application.id).where(Application.stage == "matched")).all()
    assert matched and dict(moves) == {application_id: 1 for application_id in matched}


def _clean_counts(session: Session) -> dict[str, int]:
    return {k: v for k, v in counts(session).items() if k in CORPUS_COUNTS}


def test_claims_of_a_dead_worker_are_taken_over(session, maildir, maildir_path, jobs,
                                               monkeypatch):
    deliver(maildir, *corpus())
    assert _store_all(maildir_path) == CORPUS_COUNTS["emails"]
    # A worker claims a batch and dies before processing any of it.
    with db.session_scope() as worker:
        claimed = claim_pending(session=worker, limit=4)
    assert len(claimed) == 4
    assert _statuses(session) == {"processing": 4, "new": 3}

    # While the claims are fresh, another pass leaves them alone.
    summary = IngestSummary()
    process_pending(summary=summary)
    assert summary.processed == 3
    assert _statuses(session) == {"processing": 4, "processed": 3}

    # Once they are older than the claim timeout, the next pass takes them over.
    monkeypatch.setenv("INBOX_CLAIM_TIMEOUT_S", "60")
    get_settings.cache_clear()
    session.exec(update(Email).where(Email.id.in_(claimed))
                 .values(claimed_at=utcnow() - timedelta(seconds=61)))
    session.commit()
    summary = IngestSummary()
    process_pending(summary=summary)
    assert summary.processed == 4 and summary.failed == []

    assert _clean_counts(session) == CORPUS_COUNTS
    _assert_each_processed_once(session)
    # Nothing is left to do.
    again = IngestSummary()
    process_pending(summary=again)
    assert again.processed == 0


def test_one_message_raising_fails_alone_and_reprocesses_cleanly(session, maildir, maildir_path,
                                                                 jobs, monkeypatch):
    deliver(maildir, *corpus())
    real = inbox_processing.parse_contact_info

    def exploding(*, from_address="", **others):
        if from_address == "lukas.weber@example.org":
            raise RuntimeError("contact parser exploded")
        return real(from_address=from_address, **others)

    with monkeypatch.context() as patch:
        patch.setattr(inbox_processing, "parse_contact_info", exploding)
        summary = run_ingest_pass(source=MaildirSource(maildir_path))

    assert summary.new == CORPUS_COUNTS["emails"]
    assert summary.processed == CORPUS_COUNTS["emails"] - 1
    assert summary.failed == [{"message_id": "<lukas-1@mail.example>",
                               "reason": "Unexpected error: RuntimeError: contact parser exploded"}]
    lukas = session.exec(select(Email).where(Email.from_address == "lukas.weber@example.org")).one()
    assert lukas.status == "failed" and lukas.candidate_id is None and lukas.claimed_at is None
    assert lukas.failure_reason.startswith("Unexpected error")
    assert counts(session)["candidates"] == CORPUS_COUNTS["candidates"] - 1
    assert _statuses(session) == {"processed": CORPUS_COUNTS["emails"] - 1, "failed": 1}

    # A failed message stays failed until someone asks for it again.
    idle = run_ingest_pass(source=MaildirSource(maildir_path))
    assert (idle.new, idle.processed, idle.failed) == (0, 0, [])

    assert reprocess_emails(session=session) == 1
    retry = run_ingest_pass(source=MaildirSource(maildir_path))
    assert (retry.processed, retry.candidates_created, retry.failed) == (1, 1, [])
    assert _clean_counts(session) == CORPUS_COUNTS
    session.refresh(lukas)
    assert lukas.status == "processed" and lukas.failure_reason == ""
    assert lukas.candidate_id is not None
    # Re-running an already processed message again creates nothing new either.
    assert reprocess_emails(session=session) == 0


def test_failing_ai_classifier_invents_nothing(session, maildir, maildir_path, jobs, monkeypatch):
    deliver(maildir, *corpus())
    for name, value in {"CLASSIFIER_ENGINE": "mistral", "MISTRAL_API_KEY": "x",
                        "MISTRAL_SERVER_URL": "http://127.0.0.1:9", "MISTRAL_MAX_RETRIES": "0",
                        "MISTRAL_TIMEOUT_S": "1"}.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()

    summary = run_ingest_pass(source=MaildirSource(maildir_path))
    assert summary.new == CORPUS_COUNTS["emails"] and summary.processed == 0
    assert len(summary.failed) == CORPUS_COUNTS["emails"]
    assert summary.candidates_created == 0 and summary.applications_created == 0
    for failure in summary.failed:
        assert failure["reason"].startswith("Classification failed (AI call #")
    emails = session.exec(select(Email)).all()
    assert {e.status for e in emails} == {"failed"}
    assert all(e.category == "" and e.candidate_id is None for e in emails)
    calls = session.exec(select(AICall)).all()
    assert len(calls) == CORPUS_COUNTS["emails"]
    assert {(c.agent, c.engine, c.status) for c in calls} == {("classifier", "mistral", "failed")}
    assert all(c.error for c in calls)
    for email in emails:
        [call] = [c for c in calls if c.subject_id == email.id]
        assert f"AI call #{call.id}" in email.failure_reason
    assert counts(session)["candidates"] == counts(session)["applications"] == 0

    # Back to the local engine: reprocessing gets everything through, once.
    monkeypatch.setenv("CLASSIFIER_ENGINE", "local")
    get_settings.cache_clear()
    assert reprocess_emails(session=session) == CORPUS_COUNTS["emails"]
    retry = run_ingest_pass(source=MaildirSource(maildir_path))
    assert retry.processed == CORPUS_COUNTS["emails"] and retry.failed == []
    assert retry.candidates_created == CORPUS_COUNTS["candidates"]
    assert _clean_counts(session) == CORPUS_COUNTS
    session.expire_all()
    assert {e.failure_reason for e in session.exec(select(Email))} == {""}


@pytest.mark.parametrize("batch_size", ["2", "50"])
def test_two_concurrent_passes_store_and_process_each_message_once(
        session, maildir, maildir_path, jobs, monkeypatch, batch_size):
    monkeypatch.setenv("INBOX_BATCH_SIZE", batch_size)
    get_settings.cache_clear()
    messages = corpus()
    deliver(maildir, *messages)
    summaries: list[IngestSummary] = at_once(
        2, lambda _: run_ingest_pass(source=MaildirSource(maildir_path)))
    assert len(summaries) == 2

    assert [s.source_error for s in summaries] == ["", ""]
    assert sum(s.new for s in summaries) == len(messages)
    assert sum(s.processed for s in summaries) == len(messages)
    assert [f for s in summaries for f in s.failed] == []
    assert sum(s.candidates_created for s in summaries) == CORPUS_COUNTS["candidates"]
    assert sum(s.applications_created for s in summaries) == CORPUS_COUNTS["applications"]
    assert _clean_counts(session) == CORPUS_COUNTS
    _assert_each_processed_once(session)


def test_failure_while_storing_leaves_no_half_stored_message(session, maildir, maildir_path,
                                                             jobs, monkeypatch):
    """The disk fills up while a message's attachment is written: that message must not be
    stored without its attachment (a later pass would then skip it as known, and the resume
    would be lost for good)."""
    from hireops.services.platform import attachment_store

    messages = corpus()
    deliver(maildir, *messages)
    attachments_of = {parse_message(raw).message_key: len(parse_message(raw).attachments)
                      for raw in messages}
    real = attachment_store.save_attachment
    calls: list[int] = []

    def disk_full(payload: bytes):
        calls.append(len(payload))
        if len(calls) == 2:  # Lukas's resume, the second attachment of the batch
            raise OSError(28, "No space left on device")
        return real(payload)

    with monkeypatch.context() as patch:
        patch.setattr(attachment_store, "save_attachment", disk_full)
        broken = run_ingest_pass(source=MaildirSource(maildir_path))
    assert "No space left on device" in broken.source_error
    # Whatever was stored is stored whole: every email has all its attachments.
    session.expire_all()
    for email in session.exec(select(Email)):
        stored = session.exec(select(func.count()).select_from(Attachment)
                              .where(Attachment.email_id == email.id)).one()
        assert stored == attachments_of[email.message_key], email.from_address

    healed = run_ingest_pass(source=MaildirSource(maildir_path))
    assert healed.source_error == "" and healed.failed == []
    assert _clean_counts(session) == CORPUS_COUNTS
    assert counts(session)["attachments"] == sum(attachments_of.values())
    _assert_each_processed_once(session)


def test_two_threads_saving_the_same_attachment_both_succeed(inbox_env):
    """The scheduler and "Sync now" run in one process: their temporary files must differ."""
    from hireops.services.platform.attachment_store import read_attachment, save_attachment

    for n in range(200):
        payload = f"resume {n} ".encode() * 20_000
        at_once(2, lambda _: save_attachment(payload), timeout_s=10)
        assert read_attachment(save_attachment(payload)[1]) == payload
    assert not [p for p in (inbox_env / "attachments").rglob("*.tmp")]
