"""The privacy tests' person: Elena Petrova, her mail ingested and an interview under way."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hireops.config import get_settings
from hireops.models import Application, Candidate
from hireops.services.demo.seed import seed_demo
from hireops.services.inbox.ingest import run_ingest_pass
from hireops.services.interviews.builtin_interviewer import submit_answer
from hireops.services.interviews.links import generate_link
from hireops.services.mail.sources import MaildirSource
from tests.interviews.room_steps import start_typed_interview


@pytest.fixture
def people(session, tmp_path, monkeypatch):
    """The demo's mail ingested (resumes stored as files) and one interview under way."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    seed_demo(session=session)
    session.commit()
    run_ingest_pass(source=MaildirSource(get_settings().inbox_maildir))
    session.expire_all()
    maya = session.exec(select(Candidate).where(Candidate.full_name == "Elena Petrova")).one()
    application = session.exec(select(Application)
                               .where(Application.candidate_id == maya.id)).first()
    link = generate_link(session=session, application_id=application.id, actor=None,
                         override_reason="privacy test").link
    start_typed_interview(session, link)
    submit_answer(session=session, link=link, text="I led the Python payments API at Stripe.")
    session.commit()
    return maya
