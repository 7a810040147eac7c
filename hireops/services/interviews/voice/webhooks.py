"""Checks the `ElevenLabs-Signature` header of a webhook before its body is believed.

ElevenLabs signs `"{t}.{raw body}"` with HMAC-SHA256 and the webhook's shared secret and sends
`ElevenLabs-Signature: t=<unix seconds>,v0=<hex digest>`. The SDK's `construct_event` checks the
same thing, but with a fixed 30-minute window, no bound on future timestamps, a plain `!=`
comparison and a text body; this version takes the raw bytes, the configured tolerance and a
constant-time comparison. The tests prove both accept the same signatures.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

SIGNATURE_HEADER = "ElevenLabs-Signature"
# Clock skew allowed for a timestamp ahead of ours; more would stretch the replay window.
MAX_FUTURE_SKEW_S = 300


class WebhookRejected(Exception):
    """The webhook is not provably from ElevenLabs, or too old; `reason` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def sign_payload(*, raw_body: bytes, secret: str, timestamp: int) -> str:
    """The header value ElevenLabs would send for this body (used by tests and tooling)."""
    return f"t={timestamp},v0={_digest(secret, timestamp, raw_body)}"


def verify_elevenlabs_signature(
    *, raw_body: bytes, header: str | None, secret: str, tolerance_s: int,
    now: float | None = None,
) -> dict[str, Any]:
    """The decoded JSON body if the signature is valid and fresh; else `WebhookRejected`."""
    if not secret:
        raise WebhookRejected("no webhook secret is configured")
    if not header or not header.strip():
        raise WebhookRejected(f"missing {SIGNATURE_HEADER} header")
    timestamp, signatures = _parse_header(header)
    now = time.time() if now is None else now
    if now - timestamp > tolerance_s:
        raise WebhookRejected("signature timestamp is too old")
    if timestamp - now > MAX_FUTURE_SKEW_S:
        raise WebhookRejected("signature timestamp is in the future")
    expected = _digest(secret, timestamp, raw_body)
    # Every v0 value is compared, so a sender rotating secrets may list more than one.
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise WebhookRejected("signature does not match the body")
    try:
        payload = json.loads(raw_body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise WebhookRejected("signed body is not JSON") from None
    if not isinstance(payload, dict):
        raise WebhookRejected("signed body is not a JSON object")
    return payload


def _parse_header(header: str) -> tuple[int, list[str]]:
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v0" and value:
            signatures.append(value.lower())
    if timestamp is None or not signatures:
        raise WebhookRejected(f"malformed {SIGNATURE_HEADER} header (expected t=...,v0=...)")
    return timestamp, signatures


def _digest(secret: str, timestamp: int, raw_body: bytes) -> str:
    message = f"{timestamp}.".encode() + raw_body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
