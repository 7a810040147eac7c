"""Consented interview recordings: the candidate's own consent, chunks appended to private
files as the interview goes, the question marks that let HR seek, and deletion.

A recording is made of parts, one per MediaRecorder session: a reload mid-interview starts a new
session, whose WebM stream cannot be appended to the first file, so it records the next part
(its own row and file). Each part's question marks are times in that part's video.

The browser records (MediaRecorder) and uploads a chunk every few seconds, so a closed tab loses
at most the last few seconds. Chunks carry an index: one already stored is a duplicate (a retry
after a lost answer) and is acknowledged without writing; one past the next expected index is a
gap and is refused, so the file is always the chunks 0..n-1 in order.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import Application, InterviewLink, InterviewRecording, Job, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.platform.private_files import create_private_file, private_dir

RECORDING_NOTICE_VERSION = "recording-notice-v1"
# What MediaRecorder produces in the browsers we support (parameters such as codecs aside).
ACCEPTED_TYPES = ("video/webm", "video/mp4", "audio/webm")
# The last chunks arrive after the final answer completes the interview.
LATE_CHUNK_GRACE = timedelta(minutes=3)
# HR needs the latest few refusals, not a log that grows with every retry.
KEPT_ERRORS = 20
# Voice segments and question marks per recording: an hour of speech is well under this.
MAX_SEGMENTS = 20_000
MAX_MARKS = 200
# Parts per interview (a reload each): more is a loop, not an interview.
MAX_PARTS = 20


class ChunkRefused(Exception):
    """A chunk that is not stored; `status` is the HTTP answer, `code` a stable word."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class ChunkOutcome:
    # stored | duplicate
    status: str
    next_index: int
    size_bytes: int


def recordings_root() -> Path:
    """The folder holding recording files (owner-only, like attachments)."""
    return get_settings().data_dir / "recordings"


def recording_offered(*, session: Session, link: InterviewLink) -> bool:
    """Whether this interview's job records interviews (the room then asks for consent)."""
    application = session.get(Application, link.application_id)
    job = session.get(Job, application.job_id) if application else None
    return bool(job and job.record_interviews)


def recording_agreed(link: InterviewLink) -> bool:
    return bool((link.consent_record or {}).get("recording", {}).get("agreed"))


def record_recording_consent(*, session: Session, link: InterviewLink, agreed: bool,
                             client_key: str) -> None:
    """Store the candidate's answer to the recording notice, with the time and the notice's
    version, apart from the AI consent (declining still lets them take the interview)."""
    now = utcnow()
    choice = {"agreed": agreed, "at": now.isoformat(), "notice_version": RECORDING_NOTICE_VERSION,
              "retention_days": get_settings().recording_retention_days, "client": client_key}
    link.consent_record = {**(link.consent_record or {}), "recording": choice}
    session.add(link)
    if agreed and get_recording(session=session, link_id=link.id) is None:
        session.add(InterviewRecording(link_id=link.id, application_id=link.application_id))
    record_event(session=session, action="interview.recording_agreed" if agreed
                 else "interview.recording_declined", actor_label="candidate",
                 entity_type="interview_link", entity_id=link.id, after=choice)


def get_recording(*, session: Session, link_id: int, part: int = 0
                  ) -> InterviewRecording | None:
    """One part of the link's recording (the first by default: it exists once consent is)."""
    return session.exec(select(InterviewRecording)
                        .where(InterviewRecording.link_id == link_id,
                               InterviewRecording.part == part)).first()


def recording_parts(*, session: Session, link_id: int) -> list[InterviewRecording]:
    """The link's recording parts in the order they were recorded."""
    return list(session.exec(select(InterviewRecording)
                             .where(InterviewRecording.link_id == link_id)
                             .order_by(InterviewRecording.part)).all())


def next_part(*, session: Session, link_id: int) -> int | None:
    """The part a browser that starts recording now records into: the last part while it has
    no chunk, else a new one; None without consent (no part) or past MAX_PARTS."""
    parts = recording_parts(session=session, link_id=link_id)
    if not parts:
        return None
    last = parts[-1]
    if last.chunks_received == 0:
        return last.part
    return last.part + 1 if last.part + 1 < MAX_PARTS else None


def may_upload(link: InterviewLink) -> bool:
    """Chunks are taken while the interview runs, and shortly after it completes."""
    if not recording_agreed(link) or link.started_at is None:
        return False
    if link.status == "started":
        return True
    return link.status == "completed" and link.completed_at is not None \
        and utcnow() - link.completed_at <= LATE_CHUNK_GRACE


def append_chunk(*, session: Session, link: InterviewLink, index: int, payload: bytes,
                 content_type: str, duration_ms: int, marks: list, segments: list,
                 part: int = 0) -> ChunkOutcome:
    """Append chunk `index` to part `part` of the link's recording (ChunkRefused says why not;
    the refusal is kept on the part for HR)."""
    if not may_upload(link):
        raise ChunkRefused(403, "not_recording", "This interview is not being recorded.")
    recording = get_recording(session=session, link_id=link.id, part=part) \
        or _open_part(session, link, part)
    if index < recording.chunks_received:
        return ChunkOutcome("duplicate", recording.chunks_received, recording.size_bytes)
    try:
        _check_chunk(session, recording, index, payload, content_type)
    except ChunkRefused as refused:
        _note_error(session, recording, index, refused.code)
        raise
    # Only the request that moves the counter from `index` writes: a concurrent duplicate
    # finds the counter moved and writes nothing.
    claimed = session.execute(
        sa.update(InterviewRecording)
        .where(InterviewRecording.id == recording.id,
               InterviewRecording.chunks_received == index)
        .values(chunks_received=index + 1)).rowcount
    if claimed != 1:
        session.rollback()
        return ChunkOutcome("duplicate", index + 1, recording.size_bytes)
    session.refresh(recording)
    path = _file_for(recording)
    with open(path, "ab") as handle:
        # Bytes past the recorded size come from a write whose commit failed: drop them, so
        # the retried chunk is not stored twice.
        handle.truncate(recording.size_bytes)
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    recording.mime_type = recording.mime_type or _base_type(content_type)
    recording.size_bytes += len(payload)
    recording.duration_ms = max(recording.duration_ms, max(0, int(duration_ms)))
    recording.question_marks = _merge_marks(recording.question_marks, marks)
    recording.speech_segments = _merge_segments(recording.speech_segments, segments)
    recording.updated_at = utcnow()
    session.add(recording)
    if index == 0:
        record_event(session=session, action="interview.recording_started",
                     actor_label="candidate", entity_type="interview_link", entity_id=link.id,
                     after={"recording_id": recording.id, "part": recording.part,
                            "mime_type": recording.mime_type})
    session.commit()
    return ChunkOutcome("stored", index + 1, recording.size_bytes)


def _open_part(session: Session, link: InterviewLink, part: int) -> InterviewRecording:
    """The part a reloaded room records into: only the one after the last recorded part."""
    if part == 0 or part != next_part(session=session, link_id=link.id):
        raise ChunkRefused(409, "unknown_part", f"Part {part} is not the next part to record.")
    first = get_recording(session=session, link_id=link.id)
    recording = InterviewRecording(link_id=link.id, application_id=link.application_id,
                                   part=part, mime_type=first.mime_type)
    session.add(recording)
    session.flush()
    return recording


def _check_chunk(session: Session, recording: InterviewRecording, index: int, payload: bytes,
                 content_type: str) -> None:
    settings = get_settings()
    if index > recording.chunks_received:
        raise ChunkRefused(409, "out_of_order", f"Expected chunk {recording.chunks_received}, "
                           f"got {index}; send the missing chunks first.")
    kind = _base_type(content_type)
    if kind not in ACCEPTED_TYPES or (recording.mime_type and kind != recording.mime_type):
        expected = recording.mime_type or " or ".join(ACCEPTED_TYPES)
        raise ChunkRefused(415, "unsupported_type",
                           f"Chunks must be {expected}, not {kind or 'unnamed'}.")
    if not payload:
        raise ChunkRefused(400, "empty", "The chunk is empty.")
    if len(payload) > settings.recording_chunk_max_bytes:
        raise ChunkRefused(413, "chunk_too_large", "The chunk is larger than the limit.")
    if recording.size_bytes + len(payload) > settings.recording_max_bytes:
        recording.status = "full"
        raise ChunkRefused(413, "recording_full", "The recording reached its size limit.")
    if stored_bytes(session=session) + len(payload) > settings.recordings_total_max_bytes:
        raise ChunkRefused(507, "storage_full", "The recordings storage limit is reached.")


def _note_error(session: Session, recording: InterviewRecording, index: int, code: str) -> None:
    entry = {"index": index, "error": code, "at": utcnow().isoformat()}
    recording.chunk_errors = [*recording.chunk_errors, entry][-KEPT_ERRORS:]
    session.add(recording)
    session.commit()


def stored_bytes(*, session: Session) -> int:
    """The bytes all recordings take, counted against RECORDINGS_TOTAL_MAX_BYTES."""
    return int(session.exec(select(sa.func.coalesce(
        sa.func.sum(InterviewRecording.size_bytes), 0))).one())


def _base_type(content_type: str) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _file_for(recording: InterviewRecording) -> Path:
    if not recording.storage_path:
        # A random name: the file says nothing about whom it shows.
        recording.storage_path = f"{recording.link_id}-{recording.part}-{uuid.uuid4().hex}.rec"
    root = private_dir(recordings_root())
    path = root / recording.storage_path
    create_private_file(path)
    return path


def _merge_marks(known: list[dict], new: list) -> list[dict]:
    """The first time each question appeared in the video; later reports of it are ignored."""
    seen = {mark["question"] for mark in known}
    merged = list(known)
    for mark in new if isinstance(new, list) else []:
        if not isinstance(mark, dict):
            continue
        question, at_ms = mark.get("question"), mark.get("at_ms")
        if isinstance(question, int) and isinstance(at_ms, int) and 0 < question <= MAX_MARKS \
                and at_ms >= 0 and question not in seen:
            merged.append({"question": question, "at_ms": at_ms})
            seen.add(question)
    return sorted(merged, key=lambda mark: mark["at_ms"])[:MAX_MARKS]


def _merge_segments(known: list[list[int]], new: list) -> list[list[int]]:
    merged = list(known)
    for segment in new if isinstance(new, list) else []:
        if isinstance(segment, list) and len(segment) == 2 \
                and all(isinstance(value, int) and value >= 0 for value in segment) \
                and segment[0] < segment[1]:
            merged.append([segment[0], segment[1]])
    return sorted(merged)[:MAX_SEGMENTS]


def recording_path(recording: InterviewRecording) -> Path | None:
    """The recording's file, or None when there is none (no chunk yet, or deleted)."""
    if not recording.storage_path:
        return None
    root = recordings_root().resolve()
    path = (root / recording.storage_path).resolve()
    # Names come from the database; refuse anything that would leave the folder.
    if root not in path.parents or not path.is_file():
        return None
    return path


def delete_recordings(*, session: Session, link_ids: list[int]) -> list[str]:
    """Delete the rows of these links' recordings; returns their files, to unlink after the
    caller's commit (a failed transaction keeps both)."""
    rows = session.exec(select(InterviewRecording)
                        .where(InterviewRecording.link_id.in_(link_ids))).all()
    files = [row.storage_path for row in rows if row.storage_path]
    for row in rows:
        session.delete(row)
    return files


def unlink_recording_files(files: list[str]) -> int:
    root = recordings_root()
    for name in files:
        (root / name).unlink(missing_ok=True)
    return len(files)


def purge_expired_recordings(*, session: Session, days: int,
                             now: datetime | None = None) -> int:
    """The retention schedule: delete recordings started more than `days` days ago (the
    notice tells the candidate how long), each deletion audited."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    old = session.exec(select(InterviewRecording)
                       .where(InterviewRecording.started_at < cutoff)).all()
    for recording in old:
        record_event(session=session, action="interview.recording_deleted",
                     actor_label="retention schedule", entity_type="interview_link",
                     entity_id=recording.link_id,
                     after={"recording_id": recording.id, "bytes": recording.size_bytes},
                     note=f"Kept {days} days, as the recording notice said.")
    files = delete_recordings(session=session, link_ids=[row.link_id for row in old])
    session.commit()
    unlink_recording_files(files)
    return len(old)


def set_job_recording(*, session: Session, job_id: int, enabled: bool, actor) -> Job:
    """Turn consented recording on or off for a job's interviews (audited; the job's version
    and scores are kept: it changes how the room works, not what is scored)."""
    job = session.get(Job, job_id)
    if job is None or job.record_interviews == enabled:
        return job
    job.record_interviews = enabled
    session.add(job)
    record_event(session=session, action="job.recording_on" if enabled else "job.recording_off",
                 actor=actor, entity_type="job", entity_id=job.id,
                 before={"record_interviews": not enabled}, after={"record_interviews": enabled})
    session.commit()
    return job
