"""A candidate's export, erasure (rows and files gone, a tombstone kept) and the retention
schedule's anonymisation."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from hireops.models import (
    Application,
    Attachment,
    Candidate,
    Email,
    Event,
    InterviewLink,
    InterviewTurn,
    utcnow,
)
from hireops.services.platform.attachment_store import attachments_root
from hireops.services.privacy.rights import (
    ANONYMOUS_NAME,
    anonymise_inactive,
    erase_candidate,
)
from tests.factories import exported_archive


def _files() -> set[str]:
    return {p.name for p in attachments_root().rglob("*") if p.is_file()}


def test_export_holds_everything_about_the_person_and_their_files(session, people):
    archive = exported_archive(session, people.id)
    data = json.loads(archive.read("data.json"))
    assert data["candidates"][0]["full_name"] == "Elena Petrova"
    assert data["applications"] and data["emails"] and data["interview_turns"]
    assert any("Stripe" in turn["text"] for turn in data["interview_turns"])
    assert "token_hash" not in data["interviews"][0]
    names = [n for n in archive.namelist() if n.startswith("files/")]
    assert names and all(archive.read(n) for n in names)
    assert "Daniel" not in json.dumps(data)  # nobody else's data


def test_erasure_removes_rows_and_files_and_keeps_a_tombstone(session, people):
    others_before = session.exec(select(Candidate).where(Candidate.id != people.id)).all()
    files_before = _files()
    emails = session.exec(select(Email.id).where(Email.candidate_id == people.id)).all()
    counts = erase_candidate(session=session, candidate_id=people.id, actor=None,
                             reason="Candidate asked for erasure by email")
    session.expire_all()
    assert session.get(Candidate, people.id) is None
    assert session.exec(select(Application).where(Application.candidate_id == people.id)).all() \
        == []
    assert session.exec(select(Email).where(Email.id.in_(emails))).all() == []
    assert session.exec(select(InterviewLink)).all() == []
    assert session.exec(select(InterviewTurn)).all() == []
    assert counts["candidates"] == 1 and counts["interview_turns"] == 4 and counts["files"] >= 1
    assert len(_files()) == len(files_before) - counts["files"]
    assert len(session.exec(select(Candidate)).all()) == len(others_before)
    tombstone = session.exec(select(Event).where(Event.action == "candidate.erased")).one()
    assert tombstone.entity_id == people.id and tombstone.note.startswith("Candidate asked")
    dumped = json.dumps([e.model_dump(mode="json") for e in session.exec(select(Event))])
    assert "Elena" not in dumped and "Stripe" not in dumped
    with pytest.raises(ValueError, match="why"):
        erase_candidate(session=session, candidate_id=others_before[0].id, actor=None, reason="")


def test_retention_anonymises_only_inactive_candidates(session, people):
    now = utcnow()
    candidate_mail = select(Attachment).join(Email, Email.id == Attachment.email_id).where(
        Email.candidate_id.is_not(None))
    their_files = {Path(a.storage_path).name for a in session.exec(candidate_mail)}
    assert their_files
    assert anonymise_inactive(session=session, days=0, now=now + timedelta(days=400)) == 0
    assert anonymise_inactive(session=session, days=180, now=now) == 0
    total = len(session.exec(select(Candidate)).all())
    assert anonymise_inactive(session=session, days=180, now=now + timedelta(days=181)) == total
    session.expire_all()
    maya = session.get(Candidate, people.id)
    assert maya.full_name == ANONYMOUS_NAME and maya.email == "" and maya.resume_text == ""
    assert all(t.text == "[removed]" for t in session.exec(select(InterviewTurn)))
    assert all(a.extracted_text == "" for a in session.exec(candidate_mail))
    assert _files() & their_files == set()
    # Scores and stages stay for the reports.
    assert session.exec(select(Application).where(Application.resume_score.is_not(None))).all()
    assert anonymise_inactive(session=session, days=180, now=now + timedelta(days=400)) == 0
