"""Consented recordings: chunk uploads through the API with the link's token (wrong token, too
big, wrong type, out of order, duplicate), HR playback with Range, consent and retention."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from hireops.api import auth as auth_routes
from hireops.api.app import build_api
from hireops.config import get_settings
from hireops.models import Event, InterviewRecording, Role, utcnow
from hireops.services.platform.auth import create_user, open_session
from hireops.services.interviews.builtin_interviewer import start_interview
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.recordings import (
    purge_expired_recordings,
    recording_parts,
    record_recording_consent,
    recording_path,
    set_job_recording,
)
from hireops.services.interviews import room_flow
from hireops.services.interviews.recording_views import note_recording_view, starts_a_view
from hireops.services.interviews.room import mark_started, record_consent
from hireops.services.platform.session_cookie import SESSION_COOKIE

WEBM = "video/webm"


@pytest.fixture
def client(database_url: str, tmp_path, monkeypatch) -> Iterator[TestClient]:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RECORDING_CHUNK_MAX_BYTES", "4096")
    monkeypatch.setenv("RECORDING_MAX_BYTES", "10000")
    get_settings.cache_clear()
    with TestClient(build_api(), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def recorded(session, make_application, recruiter):
    """A started interview whose candidate agreed to the recording; (link, token)."""
    application = make_application(90)
    set_job_recording(session=session, job_id=application.job_id, enabled=True, actor=recruiter)
    issued = generate_link(session=session, application_id=application.id, actor=recruiter)
    link = issued.link
    record_consent(session=session, link=link, webcam_analysis=False, client_key="10.0.0.1")
    record_recording_consent(session=session, link=link, agreed=True, client_key="10.0.0.1")
    mark_started(session=session, link=link)
    start_interview(session=session, link=link)
    session.commit()
    return link, issued.url.rsplit("/", 1)[-1]


def _post(client, token, index, payload=b"x" * 100, kind=WEBM, meta=None, part=0):
    headers = {"Content-Type": kind}
    if meta is not None:
        headers["X-Recording-Meta"] = json.dumps(meta)
    return client.post(f"/api/v1/interview-recordings/{token}/parts/{part}/chunks/{index}",
                       content=payload, headers=headers)


def _recording(session, link) -> InterviewRecording:
    session.expire_all()
    return session.exec(select(InterviewRecording)
                        .where(InterviewRecording.link_id == link.id,
                               InterviewRecording.part == 0)).one()


def test_chunks_append_in_order_and_a_repeat_is_acknowledged_not_written(client, session,
                                                                          recorded):
    link, token = recorded
    first = _post(client, token, 0, b"A" * 100, meta={
        "duration_ms": 3000, "marks": [{"question": 1, "at_ms": 0}], "speech": [[200, 2500]]})
    assert first.status_code == 200, first.text
    assert first.json() == {"status": "stored", "next_index": 1, "size_bytes": 100}
    assert _post(client, token, 1, b"B" * 50, meta={"duration_ms": 6000}).json()["status"] \
        == "stored"
    again = _post(client, token, 1, b"B" * 50)
    assert again.status_code == 200 and again.json()["status"] == "duplicate"

    recording = _recording(session, link)
    assert recording.size_bytes == 150 and recording.chunks_received == 2
    assert recording_path(recording).read_bytes() == b"A" * 100 + b"B" * 50
    assert recording.duration_ms == 6000 and recording.mime_type == WEBM
    assert recording.question_marks == [{"question": 1, "at_ms": 0}]
    assert recording.speech_segments == [[200, 2500]]
    assert recording_path(recording).stat().st_mode & 0o077 == 0  # owner-only


def test_a_gap_is_refused_and_recorded_for_hr(client, session, recorded):
    link, token = recorded
    assert _post(client, token, 0).status_code == 200
    gap = _post(client, token, 2)
    assert gap.status_code == 409 and gap.json()["error"] == "out_of_order"
    recording = _recording(session, link)
    assert recording.chunks_received == 1 and recording.size_bytes == 100
    assert [entry["error"] for entry in recording.chunk_errors] == ["out_of_order"]


def test_a_wrong_token_stores_nothing(client, session, recorded):
    link, _token = recorded
    answer = _post(client, "not-the-token-" + "x" * 30, 0)
    assert answer.status_code == 401
    assert _recording(session, link).size_bytes == 0


def test_too_big_and_wrong_type_are_refused(client, session, recorded):
    link, token = recorded
    assert _post(client, token, 0, b"x" * 5000).status_code == 413  # over the chunk limit
    assert _post(client, token, 0, kind="text/html").status_code == 415
    for index in range(3):  # 3 x 4000 passes the 10,000-byte recording limit
        answer = _post(client, token, index, b"x" * 4000)
    assert answer.status_code == 413 and answer.json()["error"] == "recording_full"
    recording = _recording(session, link)
    assert recording.size_bytes == 8000 and recording.status == "full"
    assert [e["error"] for e in recording.chunk_errors] == ["unsupported_type", "recording_full"]


def test_no_upload_without_the_candidates_recording_consent(client, session, make_application,
                                                            recruiter):
    application = make_application(90)
    set_job_recording(session=session, job_id=application.job_id, enabled=True, actor=recruiter)
    issued = generate_link(session=session, application_id=application.id, actor=recruiter)
    record_consent(session=session, link=issued.link, webcam_analysis=False, client_key="t")
    record_recording_consent(session=session, link=issued.link, agreed=False, client_key="t")
    mark_started(session=session, link=issued.link)
    session.commit()
    answer = _post(client, issued.url.rsplit("/", 1)[-1], 0)
    assert answer.status_code == 403
    assert session.exec(select(InterviewRecording)).all() == []
    actions = session.exec(select(Event.action).where(Event.entity_id == issued.link.id)).all()
    assert "interview.recording_declined" in actions
    assert issued.link.consent_record["recording"]["agreed"] is False


def test_hr_plays_back_with_range_and_strangers_do_not(client, session, recorded):
    link, token = recorded
    _post(client, token, 0, bytes(range(100)))
    recording = _recording(session, link)
    url = f"/api/v1/interview-recordings/{recording.id}/video"
    assert client.get(url).status_code == 401
    viewer = create_user(session=session, email="v@example.com", password="long enough pw 1",
                         role=Role.viewer)
    session.commit()
    client.cookies.set(SESSION_COOKIE, open_session(session=session, user=viewer))
    session.commit()
    whole = client.get(url)
    assert whole.status_code == 200 and whole.content == bytes(range(100))
    assert whole.headers["content-type"] == WEBM and "no-store" in whole.headers["cache-control"]
    part = client.get(url, headers={"Range": "bytes=10-19"})
    assert part.status_code == 206 and part.content == bytes(range(10, 20))
    assert part.headers["content-range"] == "bytes 10-19/100"
    # One view however many requests the player makes (the start, then seeks).
    assert client.get(url, headers={"Range": "bytes=0-"}).status_code == 206
    views = session.exec(select(Event).where(Event.action == "interview.recording_viewed")).all()
    assert [(e.actor_user_id, e.entity_id, e.after) for e in views] == [
        (viewer.id, link.id, {"recording_id": recording.id})]


def test_playback_looks_the_signed_in_user_up_once(client, session, recorded, monkeypatch):
    """The refusal and the note of who watched share one look-up of the session."""
    link, token = recorded
    _post(client, token, 0, bytes(range(100)))
    recording = _recording(session, link)
    viewer = create_user(session=session, email="v@example.com", password="long enough pw 1",
                         role=Role.viewer)
    client.cookies.set(SESSION_COOKIE, open_session(session=session, user=viewer))
    session.commit()
    looked_up = []
    real_lookup = auth_routes.user_for_token

    def counted(**arguments):
        looked_up.append(arguments["token"])
        return real_lookup(**arguments)

    monkeypatch.setattr(auth_routes, "user_for_token", counted)
    answer = client.get(f"/api/v1/interview-recordings/{recording.id}/video")
    assert answer.status_code == 200 and answer.content == bytes(range(100))
    assert len(looked_up) == 1
    views = session.exec(select(Event).where(Event.action == "interview.recording_viewed")).all()
    assert [e.actor_user_id for e in views] == [viewer.id]


def test_each_view_is_audited_once_and_a_later_one_again(session, recorded, tmp_path,
                                                        monkeypatch):
    link, _ = recorded
    recording = _recording(session, link)
    viewer = create_user(session=session, email="w@example.com", password="long enough pw 1",
                         role=Role.viewer)
    start = utcnow()
    assert starts_a_view("") and starts_a_view("bytes=0-") and not starts_a_view("bytes=900-")
    assert note_recording_view(session=session, user=viewer, recording=recording, now=start)
    assert not note_recording_view(session=session, user=viewer, recording=recording,
                                   now=start + timedelta(minutes=10))
    assert note_recording_view(session=session, user=viewer, recording=recording,
                               now=start + timedelta(hours=2))


def test_retention_deletes_old_recordings_and_says_so(client, session, recorded):
    link, token = recorded
    _post(client, token, 0)
    path = recording_path(_recording(session, link))
    assert purge_expired_recordings(session=session, days=90) == 0
    later = utcnow() + timedelta(days=91)
    assert purge_expired_recordings(session=session, days=90, now=later) == 1
    assert not path.exists()
    assert session.exec(select(InterviewRecording)).all() == []
    assert session.exec(select(Event).where(
        Event.action == "interview.recording_deleted")).one().entity_id == link.id


def test_bytes_of_a_failed_commit_are_not_kept_twice(client, session, recorded):
    link, token = recorded
    assert _post(client, token, 0, b"A" * 10).status_code == 200
    path = recording_path(_recording(session, link))
    with open(path, "ab") as handle:  # a write whose transaction then failed
        handle.write(b"B" * 7)
    assert _post(client, token, 1, b"B" * 7).status_code == 200
    assert path.read_bytes() == b"A" * 10 + b"B" * 7


def test_the_room_hands_the_recording_consent_over_in_one_audited_step(session, make_application,
                                                                       recruiter):
    application = make_application(90)
    set_job_recording(session=session, job_id=application.job_id, enabled=True, actor=recruiter)
    link = generate_link(session=session, application_id=application.id, actor=recruiter).link
    session.commit()
    # Before the AI consent nothing is stored: the recording answer follows it.
    assert room_flow.give_recording_consent(link_id=link.id, agreed=True, client_key="t") \
        is False
    session.expire_all()
    assert "recording" not in (session.get(type(link), link.id).consent_record or {})

    record_consent(session=session, link=link, webcam_analysis=False, client_key="t")
    session.commit()
    assert room_flow.give_recording_consent(link_id=link.id, agreed=True, client_key="t") is True
    session.expire_all()
    stored = session.get(type(link), link.id)
    assert stored.consent_record["recording"]["agreed"] is True
    assert _recording(session, stored).chunks_received == 0
    actions = session.exec(select(Event.action).where(Event.entity_id == link.id)).all()
    assert actions.count("interview.recording_agreed") == 1
    assert room_flow.recording_choice(link_id=link.id) == room_flow.RecordingChoice(True, True)


def test_a_reloaded_room_records_the_next_part_in_its_own_file(client, session, recorded):
    link, token = recorded
    assert room_flow.recording_choice(link_id=link.id).part == 0
    # The next part is refused until the first one has a chunk, and parts are never skipped.
    assert _post(client, token, 0, part=1).json()["error"] == "unknown_part"
    assert _post(client, token, 0, b"A" * 100, part=0, meta={
        "duration_ms": 3000, "marks": [{"question": 1, "at_ms": 0}]}).status_code == 200
    # The reload: the room now records part 1, whose video starts at 0 again.
    assert room_flow.recording_choice(link_id=link.id) == room_flow.RecordingChoice(True, True, 1)
    assert _post(client, token, 0, part=2).json()["error"] == "unknown_part"
    second = _post(client, token, 0, b"B" * 40, part=1, meta={
        "duration_ms": 2000, "marks": [{"question": 2, "at_ms": 500}]})
    assert second.status_code == 200, second.text
    assert second.json() == {"status": "stored", "next_index": 1, "size_bytes": 40}
    session.expire_all()
    parts = recording_parts(session=session, link_id=link.id)
    assert [(p.part, p.size_bytes, p.question_marks) for p in parts] == [
        (0, 100, [{"question": 1, "at_ms": 0}]), (1, 40, [{"question": 2, "at_ms": 500}])]
    assert recording_path(parts[0]).read_bytes() == b"A" * 100
    assert recording_path(parts[1]).read_bytes() == b"B" * 40
    # One more reload records part 2.
    assert room_flow.recording_choice(link_id=link.id).part == 2
