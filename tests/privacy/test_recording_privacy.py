"""Interview recordings under the candidate's rights: in the export with the video, gone on
erasure and on anonymisation, with their files."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import select

from hireops.models import Application, InterviewLink, InterviewRecording, utcnow
from hireops.services.interviews.recordings import (
    append_chunk,
    purge_expired_recordings,
    record_recording_consent,
    recording_parts,
    recording_path,
    recordings_root,
)
from hireops.services.privacy.rights import anonymise_inactive, erase_candidate
from tests.factories import exported_archive

VIDEO = b"\x1aE\xdf\xa3" + b"webm bytes of the interview" * 10


@pytest.fixture
def recording(session, people) -> InterviewRecording:
    """Elena's interview, recorded with her consent (two chunks)."""
    link = session.exec(select(InterviewLink).join(
        Application, Application.id == InterviewLink.application_id)
        .where(Application.candidate_id == people.id)).one()
    record_recording_consent(session=session, link=link, agreed=True, client_key="t")
    session.commit()
    for index, part in enumerate((VIDEO[:100], VIDEO[100:])):
        append_chunk(session=session, link=link, index=index, payload=part,
                     content_type="video/webm;codecs=vp8,opus", duration_ms=3000 * (index + 1),
                     marks=[{"question": 1, "at_ms": 0}], segments=[[100, 2000]])
    row = session.exec(select(InterviewRecording)
                       .where(InterviewRecording.link_id == link.id)).one()
    assert recording_path(row).read_bytes() == VIDEO
    return row


def test_the_export_holds_the_recording_and_its_video(session, people, recording):
    archive = exported_archive(session, people.id)
    data = json.loads(archive.read("data.json"))
    [row] = data["interview_recordings"]
    assert row["id"] == recording.id and row["size_bytes"] == len(VIDEO)
    assert row["question_marks"] == [{"question": 1, "at_ms": 0}]
    assert "storage_path" not in row
    assert archive.read(f"files/recording-{recording.id}.webm") == VIDEO


def test_erasure_deletes_the_recording_and_its_file(session, people, recording):
    path = recording_path(recording)
    counts = erase_candidate(session=session, candidate_id=people.id, actor=None,
                             reason="Candidate asked for erasure")
    session.expire_all()
    assert counts["interview_recordings"] == 1
    assert session.exec(select(InterviewRecording)).all() == []
    assert not path.exists() and list(recordings_root().iterdir()) == []


def test_anonymisation_by_retention_deletes_the_video(session, people, recording):
    path = recording_path(recording)
    later = utcnow() + timedelta(days=400)
    assert anonymise_inactive(session=session, days=180, now=later) >= 1
    session.expire_all()
    assert session.exec(select(InterviewRecording)).all() == []
    assert not path.exists()


SECOND = b"\x1aE\xdf\xa3" + b"the part after the reload" * 4


@pytest.fixture
def two_parts(session, recording) -> list[InterviewRecording]:
    """The same interview after a reload: a second part with its own file."""
    link = session.get(InterviewLink, recording.link_id)
    append_chunk(session=session, link=link, index=0, payload=SECOND, part=1,
                 content_type="video/webm", duration_ms=2000,
                 marks=[{"question": 2, "at_ms": 300}], segments=[])
    parts = recording_parts(session=session, link_id=link.id)
    assert [part.part for part in parts] == [0, 1]
    assert recording_path(parts[1]).read_bytes() == SECOND
    return parts


def test_the_export_holds_every_part(session, people, two_parts):
    archive = exported_archive(session, people.id)
    rows = json.loads(archive.read("data.json"))["interview_recordings"]
    assert sorted((row["part"], row["id"]) for row in rows) == [(0, two_parts[0].id),
                                                               (1, two_parts[1].id)]
    assert archive.read(f"files/recording-{two_parts[0].id}.webm") == VIDEO
    assert archive.read(f"files/recording-{two_parts[1].id}.webm") == SECOND


def test_erasure_deletes_every_part(session, people, two_parts):
    paths = [recording_path(part) for part in two_parts]
    counts = erase_candidate(session=session, candidate_id=people.id, actor=None,
                             reason="Candidate asked for erasure")
    session.expire_all()
    assert counts["interview_recordings"] == 2
    assert session.exec(select(InterviewRecording)).all() == []
    assert not any(path.exists() for path in paths)


def test_the_retention_schedule_deletes_every_part(session, people, two_parts):
    paths = [recording_path(part) for part in two_parts]
    assert purge_expired_recordings(session=session, days=30,
                                    now=utcnow() + timedelta(days=31)) == 2
    session.expire_all()
    assert session.exec(select(InterviewRecording)).all() == []
    assert not any(path.exists() for path in paths)
