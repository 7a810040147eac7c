"""The Reflex wrapper of @elevenlabs/react, and the script that serves its worklets locally."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import tarfile
from pathlib import Path

import pytest
import reflex as rx

from hireops.components.voice_interview import ELEVENLABS_REACT_VERSION, voice_interview
from hireops.config import PROJECT_ROOT

JSX = PROJECT_ROOT / "assets" / "voice_interview.jsx"


class VoiceTestRoomState(rx.State):
    token: str = ""
    started: bool = False

    @rx.event
    def connected(self, payload: dict):
        pass

    @rx.event
    def start_requested(self):
        pass


def test_component_renders_its_props_and_events_in_camel_case():
    component = voice_interview(
        conversation_token=VoiceTestRoomState.token, started=VoiceTestRoomState.started,
        dynamic_variables={"candidate_name": "Ada"}, context_update="",
        on_connect=VoiceTestRoomState.connected, on_message=VoiceTestRoomState.connected,
        on_disconnect=VoiceTestRoomState.connected, on_error=VoiceTestRoomState.connected,
        on_start_request=VoiceTestRoomState.start_requested)

    props = " ".join(component.render()["props"])

    for name in ("conversationToken", "started", "dynamicVariables", "assetBase:\"/elevenlabs\"",
                 "onConnect", "onMessage", "onDisconnect", "onError", "onStartRequest"):
        assert name in props
    imports = component._get_all_imports()
    assert f"@elevenlabs/react@{ELEVENLABS_REACT_VERSION}" in imports
    assert "$/public/voice_interview.jsx" in imports


def test_jsx_wraps_use_conversation_in_the_provider_and_uses_local_worklets():
    source = JSX.read_text()

    assert 'from "@elevenlabs/react"' in source
    assert "<ConversationProvider>" in source and "useConversation(" in source
    for prop in ("conversationToken", "signedUrl", "dynamicVariables", "workletPaths",
                 "libsampleratePath", "rawAudioProcessor.js", "audioConcatProcessor.js",
                 "libsamplerate.worklet.js"):
        assert prop in source
    assert "jsdelivr" not in source and "https://" not in source
    # The event payloads the Python side documents.
    for payload in ("{ conversation_id:", "source:", "{ reason:", "{ message:"):
        assert payload in source


# --- scripts/install_voice_assets.py ------------------------------------------------------------

def _load_script():
    spec = importlib.util.spec_from_file_location(
        "install_voice_assets", PROJECT_ROOT / "scripts" / "install_voice_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tarball(path: Path, members: dict[str, bytes]) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


@pytest.fixture
def npm_cache(tmp_path: Path) -> Path:
    """The three tarballs as `npm pack` leaves them, so the test needs no registry."""
    cache = tmp_path / "cache"
    cache.mkdir()
    _tarball(cache / f"elevenlabs-react-{ELEVENLABS_REACT_VERSION}.tgz", {
        "package/package.json": json.dumps(
            {"dependencies": {"@elevenlabs/client": "9.9.9"}}).encode()})
    _tarball(cache / "elevenlabs-client-9.9.9.tgz", {
        "package/dist/platform/web/addLibsamplerateModule.js":
            b'const LIBSAMPLERATE_JS = "https://cdn.jsdelivr.net/npm/'
            b'@alexanderolsen/libsamplerate-js@2.1.2/dist/libsamplerate.worklet.js";',
        "package/worklets/rawAudioProcessor.js": b'registerProcessor("rawAudioProcessor")',
        "package/worklets/audioConcatProcessor.js": b'registerProcessor("audioConcatProcessor")',
        "package/LICENSE": b"MIT client"})
    _tarball(cache / "alexanderolsen-libsamplerate-js-2.1.2.tgz", {
        "package/dist/libsamplerate.worklet.js": b"// libsamplerate",
        "package/LICENSE.md": b"MIT libsamplerate"})
    return cache


def test_install_copies_the_worklets_once_and_repairs_changes(tmp_path, npm_cache, monkeypatch,
                                                              capsys):
    script = _load_script()
    target = tmp_path / "assets" / "elevenlabs"
    monkeypatch.setattr(script, "TARGET", target)
    monkeypatch.setattr(script.subprocess, "run", lambda *a, **k: pytest.fail("npm called"))

    assert script.main(["--cache-dir", str(npm_cache)]) == 0
    raw = (target / "rawAudioProcessor.js").read_bytes()
    assert raw == b'registerProcessor("rawAudioProcessor")'
    assert (target / "libsamplerate.worklet.js").read_bytes() == b"// libsamplerate"
    manifest = json.loads((target / "manifest.json").read_text())
    assert manifest["@elevenlabs/client"] == "9.9.9"
    assert manifest["@alexanderolsen/libsamplerate-js"] == "2.1.2"

    assert script.main(["--cache-dir", str(npm_cache)]) == 0
    assert "up to date" in capsys.readouterr().out
    (target / "audioConcatProcessor.js").write_text("edited")
    assert script.main(["--cache-dir", str(npm_cache)]) == 0
    assert (target / "audioConcatProcessor.js").read_bytes().startswith(b"registerProcessor")


def test_install_follows_the_component_pin():
    script = _load_script()
    assert script._pinned_react_version() == ELEVENLABS_REACT_VERSION
    assert re.fullmatch(r"\d+\.\d+\.\d+", ELEVENLABS_REACT_VERSION)  # exact, never a range
