"""A consented recording in Chromium with its fake camera and microphone: the room uploads
chunks as the interview goes, and HR plays the stored file back on the candidate page, seeking
to a question."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlmodel import Session, select

from hireops import routes
from hireops.config import get_settings
from hireops.models import InterviewRecording
from hireops.services.interviews.recordings import recording_path
from tests.browser.conftest import ARTIFACTS
from tests.browser.rooms import invite_to_room
from tests.browser.signing_in import open_signed_in
from tests.browser.viewports import PHONE, page_at
from tests.browser.waiting import wait_for

pytestmark = pytest.mark.browser

# Where HR watches a recording: a wide screen, tall enough for the player and the transcript.
HR_SCREEN = {"width": 1440, "height": 1000}

ANSWER = ("I designed a Python REST API on PostgreSQL serving two million requests a day, "
          "profiled slow endpoints and cut p95 latency from 800 ms to 120 ms.")


def _invite(session: Session) -> tuple[str, int, int]:
    return invite_to_room(session, name="Grace Hopper", email="grace@example.com",
                          title="Site Reliability Engineer", skills=("Python", "PostgreSQL"),
                          resume_result={"match": {"score": 88}}, recording=True)


def _wait_for(check, timeout_s: float = 40.0):
    return wait_for(check, timeout_s)


def _recording(session: Session, link_id: int) -> InterviewRecording | None:
    session.expire_all()
    return session.exec(select(InterviewRecording)
                        .where(InterviewRecording.link_id == link_id)).first()


def _take_consent_and_start(room, url: str) -> None:
    room.goto(url)
    room.click("#room-continue")
    room.locator("#recording-notice").wait_for()
    room.click("#consent-ai")
    room.click("#consent-recording")
    room.click("#consent-submit")
    room.locator("#room-start").click()


def _answer_until(room, heading: str) -> None:
    """Answer until `heading` is on screen (a follow-up may come first)."""
    for _ in range(4):
        if room.get_by_text(heading).count():
            break
        asked = room.locator(".room-turn").count()
        room.fill("#answer", ANSWER)
        room.click("#send-answer")
        _wait_for(lambda: room.locator(".room-turn").count() > asked + 1, 20)
    room.get_by_text(heading).wait_for()


@contextmanager
def _candidate_page_for_hr(chromium, running_app, candidate_id: int) -> Iterator[Page]:
    """The candidate's page, as the admin sees it on a wide screen in a browser of their own."""
    with page_at(chromium, HR_SCREEN) as page:
        open_signed_in(page, running_app, f"{routes.CANDIDATE}?id={candidate_id}")
        yield page


def _photograph_at_both_widths(page: Page, panel: Locator, name: str) -> None:
    """test-artifacts/<name>_1440.png, then the page narrowed to a phone, <name>_390.png; each
    with `panel` in sight."""
    panel.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"{name}_1440.png"), full_page=True)
    page.set_viewport_size(PHONE)
    panel.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"{name}_390.png"), full_page=True)


def _parts(session: Session, link_id: int) -> list[InterviewRecording]:
    session.expire_all()
    return list(session.exec(select(InterviewRecording)
                             .where(InterviewRecording.link_id == link_id)
                             .order_by(InterviewRecording.part)).all())


def test_recorded_interview_plays_back_on_the_candidate_page(running_app, app_db, camera_browser,
                                                             chromium, monkeypatch):
    # Read the stored file where the app writes it.
    monkeypatch.setenv("DATA_DIR", running_app.env["DATA_DIR"])
    get_settings.cache_clear()
    url, link_id, candidate_id = _invite(app_db)
    ARTIFACTS.mkdir(exist_ok=True)
    room = camera_browser.new_page(viewport={"width": 1440, "height": 1000})
    room.set_default_timeout(30_000)
    room.goto(url)
    room.click("#room-continue")
    notice = room.locator("#recording-notice")
    notice.wait_for()
    assert "never analysed for emotion" in notice.inner_text()
    assert "deleted 90 days after" in notice.inner_text()
    room.screenshot(path=str(ARTIFACTS / "recording_consent_1440.png"), full_page=True)
    room.set_viewport_size({"width": 390, "height": 844})
    room.screenshot(path=str(ARTIFACTS / "recording_consent_390.png"), full_page=True)
    room.set_viewport_size({"width": 1440, "height": 1000})
    room.click("#consent-ai")
    room.click("#consent-recording")
    room.click("#consent-submit")
    room.locator("#room-start").click()
    room.locator("#answer").wait_for()
    recorder = room.locator("#interview-recorder[data-state='recording']")
    recorder.wait_for()
    room.screenshot(path=str(ARTIFACTS / "recording_interview_1440.png"))
    # Chunks arrive every 3 s while the candidate reads and answers the first question.
    _wait_for(lambda: int(room.locator("#interview-recorder").get_attribute("data-chunks")) >= 2)
    # Answer until the second question is on screen (a follow-up may come first).
    for _ in range(4):
        if room.get_by_text("Question 2 of").count():
            break
        asked = room.locator(".room-turn").count()
        room.fill("#answer", ANSWER)
        room.click("#send-answer")
        _wait_for(lambda: room.locator(".room-turn").count() > asked + 1, 20)
    room.get_by_text("Question 2 of").wait_for()
    # The mark of question 2 travels with the next chunk; a few more follow.
    _wait_for(lambda: len(_recording(app_db, link_id).question_marks) == 2)
    stored = _recording(app_db, link_id).chunks_received
    _wait_for(lambda: _recording(app_db, link_id).chunks_received >= stored + 2)
    room.close()  # a closed tab: what was uploaded stays

    recording = _recording(app_db, link_id)
    assert recording.mime_type == "video/webm" and recording.size_bytes > 10_000
    assert [mark["question"] for mark in recording.question_marks] == [1, 2]
    assert recording.question_marks[1]["at_ms"] > 3000
    # Chromium's fake microphone beeps: the voice activity heard it.
    assert recording.speech_segments
    assert recording_path(recording).read_bytes()[:4] == b"\x1aE\xdf\xa3"  # EBML: WebM

    with _candidate_page_for_hr(chromium, running_app, candidate_id) as page:
        video = page.locator(f"#recording-video-{link_id}")
        video.wait_for()
        _wait_for(lambda: page.evaluate(
            f"document.getElementById('recording-video-{link_id}').readyState") >= 1)
        duration = page.evaluate(f"document.getElementById('recording-video-{link_id}').duration")
        assert duration > 0
        assert page.locator(".speech-signals").inner_text().startswith(
            "Speech signals - context only, not part of any score")
        page.locator(".question-jump", has_text="Question 2").click()
        seconds = recording.question_marks[1]["at_ms"] / 1000
        _wait_for(lambda: abs(page.evaluate(
            f"document.getElementById('recording-video-{link_id}').currentTime")
            - seconds) < 2.5, 20)
        page.evaluate(f"document.getElementById('recording-video-{link_id}').pause()")
        _photograph_at_both_widths(page, page.locator(".recording-panel"), "recording_candidate")


def test_a_reload_records_a_second_part_and_hr_plays_both(running_app, app_db, camera_browser,
                                                          chromium, monkeypatch):
    monkeypatch.setenv("DATA_DIR", running_app.env["DATA_DIR"])
    get_settings.cache_clear()
    url, link_id, candidate_id = _invite(app_db)
    room = camera_browser.new_page(viewport={"width": 1440, "height": 1000})
    room.set_default_timeout(30_000)
    _take_consent_and_start(room, url)
    room.locator("#interview-recorder[data-state='recording']").wait_for()
    _wait_for(lambda: int(room.locator("#interview-recorder").get_attribute("data-chunks")) >= 2)

    # The reload: the room resumes the interview and records a second part.
    room.reload()
    room.locator("#answer").wait_for()
    room.locator("#interview-recorder[data-state='recording']").wait_for()
    _answer_until(room, "Question 2 of")
    _wait_for(lambda: len(_parts(app_db, link_id)) == 2
              and _parts(app_db, link_id)[1].chunks_received >= 2)
    _wait_for(lambda: any(mark["question"] == 2
                          for mark in _parts(app_db, link_id)[1].question_marks))
    room.close()

    first, second = _parts(app_db, link_id)
    assert first.chunks_received >= 2 and first.question_marks[0] == {"question": 1, "at_ms": 0}
    # Each part is a WebM file of its own, starting with its own header.
    for part in (first, second):
        assert recording_path(part).read_bytes()[:4] == b"\x1aE\xdf\xa3"
    assert recording_path(first) != recording_path(second)

    with _candidate_page_for_hr(chromium, running_app, candidate_id) as page:
        element = f"document.getElementById('recording-video-{link_id}')"
        page.locator(f"#recording-video-{link_id}").wait_for()
        expect(page.locator(".recording-part")).to_have_count(2)
        urls = [f"/api/v1/interview-recordings/{part.id}/video" for part in (first, second)]
        assert page.evaluate(f"{element}.dataset.parts") == " ".join(urls)
        _wait_for(lambda: page.evaluate(f"{element}.readyState") >= 1)
        assert page.evaluate(f"{element}.getAttribute('src')") == urls[0]

        # Part 1 plays to its end and the player goes on with part 2 by itself.
        page.evaluate(f"{element}.muted = true")
        page.evaluate(f"(async () => {{ {element}.playbackRate = 8; await {element}.play(); }})()")
        _wait_for(lambda: page.evaluate(f"{element}.getAttribute('src')") == urls[1], 40)
        _wait_for(lambda: page.evaluate(f"{element}.readyState") >= 2
                  and page.evaluate(f"{element}.currentTime") > 0, 30)

        # The part buttons and the question jumps go back into part 1 and forward into part 2.
        page.locator(".recording-part", has_text="Part 1").click()
        _wait_for(lambda: page.evaluate(f"{element}.getAttribute('src')") == urls[0], 20)
        page.locator(".question-jump", has_text="Question 2").click()
        question_two = next(mark for mark in second.question_marks if mark["question"] == 2)
        _wait_for(lambda: page.evaluate(f"{element}.getAttribute('src')") == urls[1]
                  and abs(page.evaluate(f"{element}.currentTime") - question_two["at_ms"] / 1000)
                  < 2.5, 20)
        page.evaluate(f"{element}.pause()")
        _photograph_at_both_widths(page, page.locator(".recording-panel"), "recording_two_parts")


def test_a_voice_interviews_speech_signals_beside_its_transcript(running_app, app_db, chromium):
    """The ElevenLabs call's turn times give the voice signals, labelled as context only."""
    from datetime import timedelta

    from hireops.models import InterviewLink, InterviewTurn, utcnow

    _, link_id, candidate_id = _invite(app_db)
    link = app_db.get(InterviewLink, link_id)
    link.provider, link.conversation_id, link.status = "elevenlabs", "conv_voice_signals", \
        "completed"
    start = utcnow() - timedelta(minutes=5)
    for seq, (speaker, text, second) in enumerate([
            ("interviewer", "How do you test a Python service?", 0),
            ("candidate", " ".join(["pytest"] * 30), 5),
            ("candidate", " ".join(["fixtures"] * 10), 17),
            ("interviewer", "Thank you, goodbye.", 23)], start=1):
        app_db.add(InterviewTurn(link_id=link_id, seq=seq, speaker=speaker, text=text,
                                 started_at=start + timedelta(seconds=second)))
    app_db.add(link)
    app_db.commit()

    with _candidate_page_for_hr(chromium, running_app, candidate_id) as page:
        signals = page.locator(".voice-speech-signals")
        expect(signals).to_contain_text("Speech signals - context only, not part of any score")
        expect(signals).to_contain_text(
            "Answer 1: spoke about 18 s, 133 words/min, 1 pause long enough to end a turn")
        _photograph_at_both_widths(page, signals, "voice_speech_signals")
