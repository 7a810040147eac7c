"""The ElevenLabs-Signature check: valid, tampered, stale, future, missing and malformed."""

from __future__ import annotations

import json
import time

import pytest
from elevenlabs.client import ElevenLabs

from hireops.services.interviews.voice.webhooks import (
    WebhookRejected,
    sign_payload,
    verify_elevenlabs_signature,
)
from tests.fakes.elevenlabs_server import FakeElevenLabsServer

SECRET = "wsec_0123456789abcdef"
NOW = 1_900_000_000
BODY = json.dumps({"type": "post_call_transcription", "event_timestamp": NOW,
                   "data": {"conversation_id": "conv_1", "note": "naïve café"}}).encode()


def verify(header, *, body=BODY, secret=SECRET, tolerance_s=1800, now=NOW):
    return verify_elevenlabs_signature(raw_body=body, header=header, secret=secret,
                                       tolerance_s=tolerance_s, now=now)


def test_valid_signature_returns_the_payload():
    header = FakeElevenLabsServer.sign(BODY, SECRET, timestamp=NOW - 5)

    assert verify(header) == json.loads(BODY)


def test_our_signer_and_the_fake_agree_with_the_sdk():
    # The SDK's construct_event is ElevenLabs' own reading of the header.
    header = sign_payload(raw_body=BODY, secret=SECRET, timestamp=NOW)
    assert header == FakeElevenLabsServer.sign(BODY, SECRET, timestamp=NOW)
    sdk = ElevenLabs(api_key="unused")
    # construct_event reads the clock itself, so this one is signed now.
    fresh = int(time.time())
    fresh_header = sign_payload(raw_body=BODY, secret=SECRET, timestamp=fresh)
    assert sdk.webhooks.construct_event(BODY.decode(), fresh_header, SECRET) == json.loads(BODY)
    assert verify(fresh_header, now=fresh) == json.loads(BODY)


@pytest.mark.parametrize("tamper", [
    lambda body: body.replace(b"conv_1", b"conv_2"),
    lambda body: body + b" ",
    lambda body: body[:-1],
])
def test_tampered_body_is_rejected(tamper):
    header = FakeElevenLabsServer.sign(BODY, SECRET, timestamp=NOW)

    with pytest.raises(WebhookRejected, match="does not match"):
        verify(header, body=tamper(BODY))


def test_signature_with_another_secret_is_rejected():
    header = FakeElevenLabsServer.sign(BODY, "another-secret", timestamp=NOW)

    with pytest.raises(WebhookRejected, match="does not match"):
        verify(header)


def test_timestamp_cannot_be_changed_after_signing():
    header = FakeElevenLabsServer.sign(BODY, SECRET, timestamp=NOW - 100)
    moved = header.replace(f"t={NOW - 100}", f"t={NOW}")

    with pytest.raises(WebhookRejected, match="does not match"):
        verify(moved)


def test_stale_signature_is_rejected_even_when_valid():
    header = FakeElevenLabsServer.sign(BODY, SECRET, timestamp=NOW - 1801)

    with pytest.raises(WebhookRejected, match="too old"):
        verify(header)
    assert verify(header, tolerance_s=3600) == json.loads(BODY)


def test_timestamp_far_in_the_future_is_rejected():
    header = FakeElevenLabsServer.sign(BODY, SECRET, timestamp=NOW + 3600)

    with pytest.raises(WebhookRejected, match="future"):
        verify(header)
    # A little clock skew is fine.
    assert verify(FakeElevenLabsServer.sign(BODY, SECRET, timestamp=NOW + 30))


@pytest.mark.parametrize("header", [None, "", "   "])
def test_missing_header_is_rejected(header):
    with pytest.raises(WebhookRejected, match="missing"):
        verify(header)


@pytest.mark.parametrize("header", [
    "v0=abc", f"t={NOW}", f"t=soon,v0=abc", f"t={NOW},v1=abc", "garbage", f"t={NOW},v0=",
])
def test_malformed_header_is_rejected(header):
    with pytest.raises(WebhookRejected, match="malformed"):
        verify(header)


def test_any_listed_v0_may_match_and_spaces_are_allowed():
    good = FakeElevenLabsServer.sign(BODY, SECRET, timestamp=NOW).split("v0=")[1]
    header = f"t={NOW}, v0={'0' * 64}, v0={good.upper()}"

    assert verify(header) == json.loads(BODY)


def test_no_secret_configured_refuses_everything():
    header = FakeElevenLabsServer.sign(BODY, "", timestamp=NOW)

    with pytest.raises(WebhookRejected, match="no webhook secret"):
        verify(header, secret="")


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b"\xff\xfe"])
def test_signed_body_must_be_a_json_object(body):
    header = FakeElevenLabsServer.sign(body, SECRET, timestamp=NOW)

    with pytest.raises(WebhookRejected, match="JSON"):
        verify(header, body=body)
