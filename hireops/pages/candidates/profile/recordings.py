"""The interview card's recording panel: the video, "jump to question N", and the speech
signals labelled as context (they never enter a score)."""

import reflex as rx

from hireops.components.playlist_video import playlist_video
from hireops.services.interviews.recording_review import QuestionJump, RecordingCard
from hireops.state.candidates.profile.recordings import CandidateRecordingState as R

MUTED = rx.color("gray", 11)


def speech_signals(label: rx.Var, lines: rx.Var, class_name: str) -> rx.Component:
    """A muted box of speech signals under their label (nothing when there are none): shown
    beside the transcript as context for the reader."""
    return rx.cond(lines.length() > 0, rx.box(
        rx.text(label, size="1", weight="bold", color=MUTED),
        rx.foreach(lines, lambda line: rx.text(line, size="1", class_name="speech-signal")),
        padding="8px 10px", border_radius="8px", background=rx.color("gray", 2),
        width="100%", class_name=class_name))


def _jump(recording: RecordingCard, jump: QuestionJump, kind: str = "question-jump",
          icon: str = "skip-forward") -> rx.Component:
    return rx.button(rx.icon(icon, size=12), jump.label, size="1", variant="soft",
                     on_click=R.jump(recording.link_id, jump.video_url, jump.seconds),
                     class_name=kind)


def _panel(recording: RecordingCard) -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.icon("clapperboard", size=14, color=MUTED),
                  rx.text(recording.summary, size="1", color=MUTED), spacing="2",
                  align="center", wrap="wrap"),
        rx.cond(recording.video_url != "", rx.vstack(
            playlist_video(src=recording.video_url, controls=True, preload="metadata",
                        id="recording-video-" + recording.link_id.to_string(),
                        class_name="recording-video",
                        custom_attrs={"data-parts": recording.playlist},
                        # The parts play in sequence, as one interview.
                        on_ended=R.play_next(recording.link_id),
                        style={"width": "100%", "max_height": "360px",
                               "background": "#000", "border_radius": "8px"}),
            rx.cond(recording.parts.length() > 0, rx.flex(
                rx.foreach(recording.parts, lambda part: _jump(
                    recording, part, "recording-part", "film")),
                spacing="2", wrap="wrap")),
            rx.flex(rx.foreach(recording.jumps, lambda jump: _jump(recording, jump)),
                    spacing="2", wrap="wrap"),
            spacing="2", width="100%"),
            rx.text(recording.note, size="1", color=MUTED)),
        speech_signals(recording.signals_label, recording.signal_lines, "speech-signals"),
        rx.foreach(recording.problems, lambda line: rx.text(line, size="1",
                                                            color=rx.color("amber", 11))),
        spacing="2", width="100%", class_name="recording-panel",
    )


def recording_panel(link_id: rx.Var) -> rx.Component:
    """The recording of interview `link_id`, if the candidate agreed to one."""
    return rx.foreach(R.recordings, lambda recording: rx.cond(
        recording.link_id == link_id, _panel(recording)))
