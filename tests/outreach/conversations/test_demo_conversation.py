"""The demo shows a conversation: the demo admin wrote to the first candidate and her reply,
waiting in the demo inbox, is threaded onto her page by the first sync; seeding twice adds
nothing."""

from __future__ import annotations

from sqlmodel import Session, func, select

from hireops.config import get_settings
from hireops.models import Candidate, ConversationMessage, Email, Job
from hireops.services.outreach.conversations import list_conversation
from hireops.services.demo.seed import seed_demo
from hireops.services.inbox.ingest import run_ingest_pass
from hireops.services.mail.sources import MaildirSource


def test_the_demo_reply_is_threaded_onto_the_first_candidate(session: Session, inbox_env,
                                                              monkeypatch, tmp_path):
    monkeypatch.setenv("DEMO_MODE", "true")
    monkeypatch.setenv("OUTBOX_MAILDIR", str(tmp_path / "sent"))
    get_settings.cache_clear()
    seed_demo(session=session)
    seed_demo(session=session)
    summary = run_ingest_pass(source=MaildirSource(get_settings().inbox_maildir))

    assert summary.replies_threaded == 1
    maya = session.exec(select(Candidate).where(
        Candidate.email_normalized == "maya.chen@example.com")).one()
    thread = list_conversation(session=session, candidate_id=maya.id)
    assert [entry.direction for entry in thread] == ["out", "in"]
    assert "notice period is one month" in thread[1].body
    assert session.exec(select(func.count()).select_from(ConversationMessage)).one() == 2
    reply = session.exec(select(Email).where(Email.category == "reply")).one()
    assert reply.candidate_id == maya.id
    job = session.exec(select(Job).where(Job.title == "Senior Backend Engineer")).one()
    assert job.owner_id is not None
