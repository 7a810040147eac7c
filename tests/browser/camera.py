"""Chromium with a fake webcam, for browser tests of the interview room's webcam widget.

Usage:
    y4m = face_y4m(tmp_path)                      # tests/fakes/fake_camera.py
    browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                         args=camera_launch_args(y4m))
    requests = RequestLog.attach(page)
    ...
    assert requests.foreign(app_url) == []
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

# The flags the other browser tests use: no sandbox (root in CI), no background traffic that
# would show up as requests to other origins.
BASE_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"]


def camera_launch_args(y4m: Path) -> list[str]:
    """Chromium flags that grant camera access without a prompt and play `y4m` as the camera."""
    path = Path(y4m).resolve()
    if not path.is_file():
        raise FileNotFoundError(path)
    return [*BASE_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={path}"]


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class RequestLog:
    """Every request a page makes (documents, scripts, wasm, model, websocket)."""

    urls: list[str] = field(default_factory=list)

    @classmethod
    def attach(cls, page) -> RequestLog:
        log = cls()
        page.on("request", lambda request: log.urls.append(request.url))
        page.on("websocket", lambda socket: log.urls.append(socket.url))
        return log

    def origins(self) -> set[str]:
        # data: and blob: URLs never leave the browser.
        return {origin(url) for url in self.urls if not url.startswith(("data:", "blob:"))}

    def foreign(self, app_url: str) -> list[str]:
        """Requests that went anywhere but the app's own origin (ws:// counts as the same)."""
        own = {origin(app_url), origin(app_url.replace("http", "ws", 1))}
        return [url for url in self.urls
                if not url.startswith(("data:", "blob:")) and origin(url) not in own]
