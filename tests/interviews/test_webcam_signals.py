"""Webcam signals: server face checks on real photos, report clamping, summary and HR flags."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import timedelta

import cv2
import numpy as np
import pytest

from hireops.config import PROJECT_ROOT, get_settings
from hireops.models import InterviewLink, InterviewSignal, utcnow
from hireops.services.interviews.webcam import (
    CENTRING_WEIGHT,
    MAX_FRAME_BYTES,
    NEAR_FACE_SHARE,
    InterviewLinkNotFound,
    WebcamAnalysisDeclined,
    WebcamReport,
    attention_score,
    check_frame,
    face_model_path,
    integrity_flags,
    record_browser_report,
    refresh_link_summary,
    summarize_signals,
)
from tests.fakes.fake_camera import face_y4m, jpeg_b64, scene
from tests.factories import make_application, make_candidate


@pytest.fixture
def link(session) -> InterviewLink:
    application = make_application(session, candidate=make_candidate(
        session, full_name="Grace Hopper", email="grace@example.com"))
    link = InterviewLink(application_id=application.id,
                         token_hash=hashlib.sha256(b"token").hexdigest(),
                         expires_at=utcnow() + timedelta(hours=72))
    session.add(link)
    session.commit()
    return link


def _report(**overrides) -> dict:
    return {"window_s": 5.0, "samples": 20, "face_present_pct": 100.0, "attention": 80.0,
            "max_faces": 1, "multi_face_s": 0.0, "longest_absence_s": 0.0,
            "video_width": 1280, "video_height": 720, **overrides}


def test_face_model_is_the_pinned_file_from_the_0_10_21_wheel():
    # The same bytes the browser widget loads; the installer refuses any other file.
    assert hashlib.sha256(face_model_path().read_bytes()).hexdigest() == (
        "bbff11cebd1eb27a1e004cae0b0e63ec8c551cbf34a4451148b4908b8db3eca8")


def test_installed_numpy_is_2_so_the_semantic_model_can_load():
    assert int(np.__version__.split(".")[0]) >= 2


def test_server_finds_one_face_in_the_hopper_photo(session, link):
    signal = check_frame(session=session, link_id=link.id, jpeg_b64=jpeg_b64(scene(faces=1)),
                         browser_faces=1)

    assert signal.source == "server"
    assert signal.detail["faces"] == 1 and signal.max_faces == 1
    assert signal.face_present_pct == 100.0
    # The frame's real size after the widget's downscale to 320 px: 1280x720 -> 320x180.
    assert (signal.frame_width, signal.frame_height) == (320, 180)
    assert signal.attention > 80
    assert signal.detail["browser_faces"] == 1


def test_server_finds_no_face_in_an_empty_room(session, link):
    signal = check_frame(session=session, link_id=link.id, jpeg_b64=jpeg_b64(scene(faces=0)))

    assert signal.detail["faces"] == 0 and signal.max_faces == 0
    assert signal.face_present_pct == 0.0 and signal.attention is None


def test_server_finds_two_faces_side_by_side(session, link):
    signal = check_frame(session=session, link_id=link.id,
                         jpeg_b64=jpeg_b64(scene(1280, 720, faces=2), max_width=640))

    assert signal.detail["faces"] == 2 and signal.max_faces == 2
    assert signal.face_present_pct == 0.0
    assert len(signal.detail["boxes"]) == 2


def test_data_url_prefix_is_accepted(session, link):
    frame = "data:image/jpeg;base64," + jpeg_b64(scene(faces=1))

    assert check_frame(session=session, link_id=link.id, jpeg_b64=frame).detail["faces"] == 1


@pytest.mark.parametrize(("frame", "reason"), [
    ("", "no frame"),
    ("%%% not base64 %%%", "not base64"),
    (base64.b64encode(b"GIF89a not a jpeg").decode(), "not a JPEG"),
    (base64.b64encode(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40).decode(),
     "damaged JPEG"),
    ("A" * (MAX_FRAME_BYTES * 2), "over 300 KB"),
])
def test_unreadable_frame_is_recorded_with_its_reason(session, link, frame, reason):
    signal = check_frame(session=session, link_id=link.id, jpeg_b64=frame)

    assert reason in signal.detail["error"]
    assert signal.id is not None and signal.max_faces == 0


def test_a_huge_bitmap_in_a_small_file_is_refused_before_decoding(session, link):
    # 4000x4000 of one colour compresses to a few KB but would decode to 48 MB.
    ok, encoded = cv2.imencode(".jpg", np.zeros((4000, 4000, 3), np.uint8))
    assert ok and len(encoded) < MAX_FRAME_BYTES
    frame = base64.b64encode(encoded.tobytes()).decode()

    signal = check_frame(session=session, link_id=link.id, jpeg_b64=frame)

    assert "4000x4000" in signal.detail["error"]


def test_truncated_jpeg_is_recorded_not_raised(session, link):
    whole = base64.b64decode(jpeg_b64(scene(faces=1)))
    frame = base64.b64encode(whole[:200]).decode()

    signal = check_frame(session=session, link_id=link.id, jpeg_b64=frame)

    assert signal.detail["error"]


def test_report_is_clamped():
    report = WebcamReport.model_validate(_report(
        window_s=1e9, samples=-3, face_present_pct=140, attention=-5, max_faces=99,
        multi_face_s=900, longest_absence_s=-1, video_width=99999, video_height="720",
        extra_key="ignored"))

    assert report.window_s == 600 and report.samples == 0
    assert report.face_present_pct == 100 and report.attention == 0
    assert report.max_faces == 20 and report.multi_face_s == 600
    assert report.longest_absence_s == 0
    assert (report.video_width, report.video_height) == (8192, 720)


def test_report_keeps_a_real_video_size(session, link):
    signal = record_browser_report(session=session, link_id=link.id,
                                   report=_report(video_width=1920, video_height=1080))

    assert (signal.frame_width, signal.frame_height) == (1920, 1080)
    assert signal.detail == {"window_s": 5.0, "samples": 20, "multi_face_s": 0.0}


@pytest.mark.parametrize("bad", [
    _report(face_present_pct=float("nan")),
    _report(samples="many"),
    _report(window_s=None),
    {"samples": 3},
    ["not", "a", "dict"],
])
def test_unreadable_report_is_recorded_with_its_reason(session, link, bad):
    signal = record_browser_report(session=session, link_id=link.id, report=bad)

    assert signal.detail["error"].startswith("unreadable browser report")
    assert summarize_signals(session=session, link_id=link.id)["unreadable_reports"] == 1


def test_attention_uses_the_real_frame_size():
    # The same centred face in a 1280x720 and a 640x480 frame is centred in both.
    assert attention_score((540, 260, 200, 200), 1280, 720) == 100.0
    assert attention_score((220, 140, 200, 200), 640, 480) == 100.0
    # The 640x480 assumption would put the 1280x720 face far off-centre.
    assert attention_score((540, 260, 200, 200), 640, 480) < 60
    # A small face in a corner.
    assert attention_score((0, 0, 40, 40), 1280, 720) < 20


def test_browser_widget_scores_attention_with_the_same_constants():
    jsx = (PROJECT_ROOT / "assets" / "webcam_tracker.jsx").read_text()

    assert f"const NEAR_FACE_SHARE = {NEAR_FACE_SHARE};" in jsx
    assert f"const CENTRING_WEIGHT = {CENTRING_WEIGHT};" in jsx


def test_one_pinned_tasks_vision_version_everywhere():
    component = (PROJECT_ROOT / "hireops" / "components" / "webcam.py").read_text()
    script = (PROJECT_ROOT / "scripts" / "install_webcam_assets.py").read_text()

    pinned = re.search(r'"@mediapipe/tasks-vision@([\d.]+)"', component).group(1)
    assert f'VERSION = "{pinned}"' in script
    assert pinned == "0.10.35"


def test_frames_faster_than_the_configured_period_are_not_checked_twice(session, link):
    frame = jpeg_b64(scene(faces=1))
    first = check_frame(session=session, link_id=link.id, jpeg_b64=frame)

    again = check_frame(session=session, link_id=link.id, jpeg_b64=frame)

    assert again.id == first.id
    assert summarize_signals(session=session, link_id=link.id)["server_checks"] == 1


def test_frame_checks_without_a_period_are_all_stored(session, link, monkeypatch):
    monkeypatch.setenv("WEBCAM_FRAME_CHECK_SECONDS", "0")
    get_settings.cache_clear()
    frame = jpeg_b64(scene(faces=1))

    for _ in range(3):
        check_frame(session=session, link_id=link.id, jpeg_b64=frame)

    assert summarize_signals(session=session, link_id=link.id)["server_checks"] == 3


def test_fake_camera_clip_is_a_4_2_0_y4m(tmp_path):
    path = face_y4m(tmp_path, faces=1, width=1280, height=720, fps=15, seconds=1)

    header, _, rest = path.read_bytes().partition(b"\n")
    assert header == b"YUV4MPEG2 W1280 H720 F15:1 Ip A1:1 C420jpeg"
    frame_bytes = len(b"FRAME\n") + 1280 * 720 * 3 // 2
    assert len(rest) == 15 * frame_bytes


def _signal(session, link, source="browser", **fields) -> InterviewSignal:
    detail = fields.pop("detail", {})
    row = InterviewSignal(link_id=link.id, source=source, detail=detail, **fields)
    session.add(row)
    session.commit()
    return row


def test_summary_and_flags_from_signal_rows(session, link):
    window = {"window_s": 5.0, "samples": 20, "multi_face_s": 0.0}
    for _ in range(10):
        _signal(session, link, face_present_pct=100.0, attention=90.0, max_faces=1,
                frame_width=1280, frame_height=720, detail=window)
    _signal(session, link, face_present_pct=0.0, attention=None, max_faces=0,
            longest_absence_s=95.0, frame_width=1280, frame_height=720,
            detail={**window, "window_s": 50.0})
    _signal(session, link, face_present_pct=0.0, attention=60.0, max_faces=2,
            frame_width=1280, frame_height=720,
            detail={**window, "window_s": 40.0, "multi_face_s": 40.0})
    for browser_faces, server_faces in [(1, 1)] * 7 + [(1, 0)] * 3:
        _signal(session, link, "server", max_faces=server_faces,
                detail={"faces": server_faces, "browser_faces": browser_faces})
    _signal(session, link, "server", detail={"error": "not a JPEG"})

    summary = summarize_signals(session=session, link_id=link.id)

    assert summary["reports"] == 12 and summary["observed_s"] == 140.0
    assert summary["face_present_pct"] == round(50 / 140 * 100, 1)
    assert summary["attention"] == round((50 * 90 + 40 * 60) / 90, 1)
    assert summary["max_faces"] == 2 and summary["multi_face_s"] == 40.0
    assert summary["longest_absence_s"] == 95.0
    assert (summary["video_width"], summary["video_height"]) == (1280, 720)
    assert summary["server_checks"] == 10 and summary["server_one_face"] == 7
    assert (summary["server_compared"], summary["server_agreed"]) == (10, 7)
    assert summary["server_unreadable"] == 1 and not summary["declined"]
    assert integrity_flags(summary) == [
        "A second face was visible for 40 s",
        "No face for 95 s at once",
        "One face was visible only 36% of the time",
        "Server frame checks disagreed with the browser in 3 of 10 frames",
        "1 webcam reports or frames could not be read",
    ]


def test_a_clean_interview_has_no_flags(session, link):
    for _ in range(6):
        record_browser_report(session=session, link_id=link.id, report=_report())
    check_frame(session=session, link_id=link.id, jpeg_b64=jpeg_b64(scene(faces=1)),
                browser_faces=1)

    stored = refresh_link_summary(session=session, link_id=link.id)

    assert stored.face_summary["face_present_pct"] == 100.0
    assert stored.face_summary["server_agreed"] == 1
    assert stored.integrity_flags == []


def test_long_durations_read_in_minutes(session, link):
    summary = {"reports": 3, "multi_face_s": 125.0, "max_faces": 3, "longest_absence_s": 180.0,
               "face_present_pct": 90.0}

    assert integrity_flags(summary) == ["Up to 3 faces were visible for 2 min 5 s",
                                        "No face for 3 min at once"]


def test_no_signals_at_all_is_flagged(session, link):
    summary = summarize_signals(session=session, link_id=link.id)

    assert summary["face_present_pct"] is None and summary["attention"] is None
    assert integrity_flags(summary) == ["No webcam signals were received"]


def test_declined_webcam_records_nothing_and_says_so(session, link):
    link.webcam_declined = True
    session.add(link)
    session.commit()

    with pytest.raises(WebcamAnalysisDeclined):
        record_browser_report(session=session, link_id=link.id, report=_report())
    with pytest.raises(WebcamAnalysisDeclined):
        check_frame(session=session, link_id=link.id, jpeg_b64=jpeg_b64(scene(faces=1)))

    stored = refresh_link_summary(session=session, link_id=link.id)
    assert stored.face_summary["declined"] and stored.face_summary["reports"] == 0
    # Declining is the candidate's right: the summary says so neutrally, no integrity warning.
    assert stored.integrity_flags == []


def test_a_decline_stored_as_a_warning_before_is_not_shown_as_one(session, link):
    from hireops.services.interviews.review import shown_integrity_flags

    link.webcam_declined = True
    link.integrity_flags = ["Webcam analysis declined by the candidate"]

    assert shown_integrity_flags(link) == []


def test_unknown_link_is_refused(session):
    with pytest.raises(InterviewLinkNotFound):
        record_browser_report(session=session, link_id=999, report=_report())
