"""What every answer of the app carries, and what the event socket may see.

- Security headers on every HTTP answer: a Content-Security-Policy that loads nothing from
  another origin (the webcam's wasm, the voice worklets and the charts are all served here),
  no framing, no MIME sniffing, no Referer to other sites (interview links carry their token in
  the path).
- The event socket (Reflex's `/_event`) opens only from the app's own origin.
- The session cookie never reaches Reflex's event socket, only its digest
  (hireops.services.platform.session_cookie says why).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from anyio import to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hireops.services.platform.private_files import make_tree_private
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.platform.session_cookie import event_socket_cookie_header

EVENT_SOCKET_PATH = "/_event"
INTERVIEW_PATH_PREFIX = "/interview/"
# ElevenLabs' own addresses, for the interview room when its voice agent is configured: the
# conversation runs between the candidate's browser and ElevenLabs (WebRTC signalling through
# LiveKit, or a websocket to the API).
ELEVENLABS_API_ORIGIN = "https://api.elevenlabs.io"
ELEVENLABS_LIVEKIT_ORIGIN = "https://livekit.rtc.elevenlabs.io"

# React and Radix put inline scripts and styles in every page; Reflex runs what a handler
# sends back to the browser (toasts, focus, speech) through eval, and MediaPipe compiles wasm,
# so both evals are allowed, from this origin's code only. The webcam and voice widgets run
# workers and audio worklets from blob: URLs and play blob: media.
_BASE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "media-src": "'self' blob: mediastream:",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
STATIC_HEADERS = {
    "x-content-type-options": "nosniff",
    # Never to another site (interview links carry their token in the path); to this app it
    # is kept, so the browser still names the origin of our own form posts.
    "referrer-policy": "same-origin",
    # For browsers that predate frame-ancestors.
    "x-frame-options": "DENY",
}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def app_origin() -> str:
    """The app's public origin (scheme://host[:port]): the address saved on Settings >
    Interviews, else PUBLIC_BASE_URL (may read the database; cached a few seconds)."""
    return _origin(current_settings().public_base_url)


def _websocket_origins(origin: str) -> list[str]:
    parts = urlsplit(origin)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return [origin, f"{scheme}://{parts.netloc}"]


def content_security_policy(host: str, extra_connect: tuple[str, ...] = ()) -> str:
    """The policy for an answer to a request for `host` (the Host header)."""
    # 'self' covers ws: to the same host in current browsers; named too for older ones. The
    # Host header is the client's word: only a plain host[:port] is written into the policy.
    plain = bool(host) and all(c.isalnum() or c in ".-:[]" for c in host)
    connect = ["'self'", f"ws://{host}", f"wss://{host}"] if plain else ["'self'"]
    for origin in extra_connect:
        connect.extend(_websocket_origins(origin))
    policy = {**_BASE_POLICY, "connect-src": " ".join(connect)}
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def voice_connect_origins() -> tuple[str, ...]:
    """The remote origins the interview room talks to when an ElevenLabs agent is configured."""
    settings = current_settings()
    if settings.elevenlabs_api_key is None or not settings.elevenlabs_agent_id:
        return ()
    if settings.elevenlabs_base_url:
        return (_origin(settings.elevenlabs_base_url),)
    return (ELEVENLABS_API_ORIGIN, ELEVENLABS_LIVEKIT_ORIGIN)


def socket_origin_allowed(origin: str | None, environ: dict | None = None) -> bool:
    """Engine.IO's origin check: the app's public origin, or the origin the request was sent to
    (the same host, as when the app is opened by its address on a local network)."""
    if not origin:
        return True  # not a browser: a browser always sends Origin on a websocket
    origin = origin.lower()
    host = (environ or {}).get("HTTP_HOST", "").lower()
    # The Host comparison first: it needs no settings read.
    return (bool(host) and urlsplit(origin).netloc == host) or origin == app_origin()


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP answer that does not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra: tuple[str, ...] = ()
        if scope.get("path", "").startswith(INTERVIEW_PATH_PREFIX):
            # Read in a thread: the runtime settings may come from the database.
            extra = await to_thread.run_sync(voice_connect_origins)
        policy = content_security_policy(_header(scope, b"host"), extra)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {key.lower() for key, _ in headers}
                wanted = {**STATIC_HEADERS, "content-security-policy": policy}
                headers.extend((name.encode(), value.encode()) for name, value in wanted.items()
                               if name.encode() not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class SessionDigestMiddleware:
    """Replaces the Cookie header of event-socket requests by the session cookie's digest."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") \
                and scope.get("path", "").startswith(EVENT_SOCKET_PATH):
            headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"cookie"]
            cookie = event_socket_cookie_header(_header(scope, b"cookie"))
            if cookie:
                headers.append((b"cookie", cookie.encode("latin-1")))
            scope = {**scope, "headers": headers}
        await self.app(scope, receive, send)



def protect_app_state(app) -> None:
    """Narrow a Reflex app's saved tab states to owner-only and let its event socket open only
    from the app's own origin (Reflex would accept any origin it is told to allow for HTTP)."""
    manager = app.state_manager
    states_dir = getattr(manager, "states_directory", None)  # the disk manager only
    if states_dir is not None:
        make_tree_private(states_dir)
    if app.sio is not None:
        app.sio.eio.cors_allowed_origins = socket_origin_allowed
