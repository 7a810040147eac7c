"""The ElevenLabs voice interviewer as a Reflex component (React side: assets/voice_interview.jsx).

The room's voice state (`state/interviews/room_voice.py`) owns the flow: `on_start_request` asks
for a conversation, the state mints a single-use credential on the server
(`services.interviews.room_flow.start_voice`) and sets `started`; the component then connects. Events carry only ids and display text: turns are
stored from ElevenLabs' own record, never from what the browser sends.
"""

from __future__ import annotations

import reflex as rx
from reflex.config import get_config
from reflex.event import no_args_event_spec, passthrough_event_spec

# Pinned exactly: the worklet files copied by scripts/install_voice_assets.py must match the
# @elevenlabs/client this version depends on.
ELEVENLABS_REACT_VERSION = "1.15.2"
# Where scripts/install_voice_assets.py puts the worklets, under assets/ (served at /).
ASSET_DIR = "/elevenlabs"


class VoiceInterview(rx.NoSSRComponent):
    """`@elevenlabs/react`'s ConversationProvider + useConversation, with a start/stop button
    and a speaking/listening indicator. Browser-only: audio worklets need `window`."""

    library = "$/public/voice_interview.jsx"
    tag = "VoiceInterview"
    is_default = True
    lib_dependencies: list[str] = [f"@elevenlabs/react@{ELEVENLABS_REACT_VERSION}"]

    # Single-use WebRTC conversation token minted by the server (preferred).
    conversation_token: rx.Var[str]
    # Signed WebSocket URL, for networks where WebRTC cannot get through.
    signed_url: rx.Var[str]
    # A public agent's id, only used when neither credential is given (local experiments).
    agent_id: rx.Var[str]
    # The agent's dynamic variables (candidate_name, job_title, ..., interview_ref).
    dynamic_variables: rx.Var[dict[str, str]]
    # True while the server wants the conversation running; False ends it.
    started: rx.Var[bool]
    # Sent to the agent once connected, e.g. the turns before a reload ("" for none).
    context_update: rx.Var[str]
    # URL folder of the worklet and libsamplerate files.
    asset_base: rx.Var[str]
    start_label: rx.Var[str]
    stop_label: rx.Var[str]
    # The status line's words by room-text key (voice_speaking, ...); English when empty.
    texts: rx.Var[dict[str, str]]

    # {conversation_id}: the call is up.
    on_connect: rx.EventHandler[passthrough_event_spec(dict)]
    # {source: "ai" | "user", message}: a finished utterance, for display only.
    on_message: rx.EventHandler[passthrough_event_spec(dict)]
    # {reason: "user" | "agent" | "error"}: the call ended.
    on_disconnect: rx.EventHandler[passthrough_event_spec(dict)]
    # {message}: the microphone was refused, the credential was rejected, ...
    on_error: rx.EventHandler[passthrough_event_spec(dict)]
    # The candidate pressed start (or resume): mint a credential and set `started`.
    on_start_request: rx.EventHandler[no_args_event_spec]

    @classmethod
    def create(cls, *children, **props) -> rx.Component:
        props.setdefault("asset_base", get_config().prepend_frontend_path(ASSET_DIR))
        return super().create(*children, **props)


voice_interview = VoiceInterview.create
