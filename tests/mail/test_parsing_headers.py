"""Parsing reads headers without `email.policy.default`'s slow header classes where it can; these
tests pin that every such shortcut reads a value exactly as that policy would, on many random
variants of real header shapes (seeded, so a failure repeats)."""

from __future__ import annotations

import base64
import email
import email.policy
import random

import pytest

from hireops.services.mail import parsing
from hireops.services.mail.parsing import parse_message

DEFAULT = email.policy.default.header_factory


def _mutations(rng: random.Random, seeds: list[str], alphabet: list[str], count: int):
    for _ in range(count):
        value = rng.choice(seeds)
        for _ in range(rng.randrange(0, 4)):
            at = rng.randrange(len(value) + 1)
            roll = rng.random()
            if roll < 0.5:
                value = value[:at] + rng.choice(alphabet) + value[at:]
            elif roll < 0.8:
                value = value[:at] + value[at + 1:]
            else:
                value = value[:at] + value[at:at + 3] * 2 + value[at + 3:]
        yield value


MIME_SEEDS = [
    'text/plain; charset="utf-8"', "text/plain; charset=UTF-8; format=flowed; delsp=yes",
    'multipart/mixed; boundary="===============1234567890=="',
    "multipart/alternative;\n boundary=xyz", 'application/pdf; name="Ada Lovelace CV.pdf"',
    "application/pdf;\n\tx-unix-mode=0644;\n\tname=cv.pdf",
    'attachment; filename="CV_1.pdf"', "attachment; filename*=utf-8''caf%C3%A9.pdf", "inline",
    'attachment; filename*0="a"; filename*1="b.pdf"', "text/plain; charset=us-ascii (Plain Text)",
    "base64", "quoted-printable", "7bit",
]
MIME_ALPHABET = list("abcxyzAZ09 \t;=\"'()<>@,:/.?*%_-[]\\\n") + [
    "=?", "''", "*0*", "\x00", "\x7f", "é", "\udce9", "\n ", "charset=", "name=", "boundary="]


def _mime_readings(msg: email.message.Message) -> list:
    readings = []
    for read in (lambda: msg.get_content_type(), lambda: msg.get_content_disposition(),
                 lambda: msg.get_params(), lambda: msg.get_boundary(), lambda: msg.get_filename(),
                 lambda: msg.get_content_charset(), lambda: msg.get_param("name"),
                 lambda: str(msg.get("content-transfer-encoding", "")).lower()):
        try:
            readings.append(read())
        except Exception as exc:
            readings.append(("raised", type(exc).__name__))
    return readings


def test_mime_headers_read_as_the_default_policy_reads_them():
    rng = random.Random(11)
    names = ["Content-Type", "Content-Disposition", "Content-Transfer-Encoding"]
    checked = shortcuts = 0
    for value in _mutations(rng, MIME_SEEDS, MIME_ALPHABET, 1500):
        name = rng.choice(names)
        unfolded = value.replace("\n", "")
        shortcuts += "=?" not in unfolded and bool(
            parsing._PLAIN_MIME_VALUE[name.lower()].fullmatch(unfolded))
        raw = f"{name}: {value}\n{rng.choice(names)}: {rng.choice(MIME_SEEDS)}\n\nx\n"
        try:
            expected = email.message_from_string(raw, policy=email.policy.default)
        except Exception:
            continue  # the default policy cannot parse it at all; see the test below
        fast = email.message_from_string(raw, policy=parsing._POLICY)
        assert _mime_readings(fast) == _mime_readings(expected), raw
        checked += 1
    assert checked > 1300 and shortcuts > 200


ADDRESS_SEEDS = [
    "Ada Lovelace <ada@example.com>", '"Ada Lovelace" <ada@example.com>', "ada@example.com",
    "<ada@example.com>", "O'Neil <o.neil+cv@mail.example.co.uk>", '"" <a@b>', "Ada\t<a@b.c>\t",
    "x!#$%&*+/=?^_`{|}~-y@d-1.e", "=?utf-8?q?Jos=C3=A9?= Chen <j@example.com>",
    "=?utf-8?b?Sm9zw6k=?= =?UTF-8?Q?_P=C3=A9rez?= <j@example.org>",
    "=?iso-8859-1?q?M=FCller?= Hans <h@example.de>", "=?x-unknown?q?caf=E9?= <c@example.com>",
]
SUBJECT_SEEDS = [
    "Application: Data Engineer", "Application =?utf-8?b?4oCT?= Maya Chen",
    "=?utf-8?q?Caf=C3=A9?= =?utf-8?q?_CV?=", "=?ISO-8859-1?Q?Candidature_d=E9veloppeur?= now",
    "=?utf-16?b?//5hAA==?= x", "=?utf-8?q?=E9?=", "Se\udcc3\udcb1or", "caf\udce9 =?utf-8?q?x?=",
]
MESSAGE_ID_SEEDS = ["<abc.123@example.com>", "<a@b>", "<x.y.z@[1.2.3.4]>", "<a+b=c@d>", "<a.@b>"]
HEADER_ALPHABET = list("abcXYZ019.@<>\"' \t!#$%&*+/=?^_`{|}~-()[],;:\\") + [
    "\x00", "\x7f", "é", "\udce9", "=?", "?=", "=C3=A9", "=E9", "_", "=?utf-8?q?x?="]


def _default_address(value: str):
    try:
        first = DEFAULT("From", value).addresses[0]
    except Exception as exc:
        return ("raised", type(exc).__name__)
    return (parsing._one_line(parsing._clean_text(first.display_name)),
            parsing._valid_address(parsing._clean_text(first.addr_spec)))


def test_addresses_read_as_the_default_policy_reads_them():
    rng = random.Random(12)
    shortcuts = 0
    for value in _mutations(rng, ADDRESS_SEEDS, HEADER_ALPHABET, 3000):
        plain = parsing._PLAIN_ADDRESS.fullmatch(value) if "=?" not in value else None
        if plain:
            fast = (parsing._one_line(plain.group("phrase") or plain.group("quoted") or ""),
                    plain.group("bare") or plain.group("angle"))
        else:
            encoded = parsing._encoded_display_name(value) if "=?" in value else None
            if encoded is None:
                continue
            fast = (parsing._one_line(parsing._clean_text(encoded[0])), encoded[1])
        assert fast == _default_address(value), value
        shortcuts += 1
    assert shortcuts > 1000  # the shortcuts were taken, not just the slow path


@pytest.mark.parametrize("name, seeds", [("Subject", SUBJECT_SEEDS),
                                         ("Message-ID", MESSAGE_ID_SEEDS)])
def test_subjects_and_message_ids_read_as_the_default_policy_reads_them(name, seeds):
    rng = random.Random(13)
    shortcuts = 0
    for value in _mutations(rng, seeds, HEADER_ALPHABET, 3000):
        fast = parsing._plain_header_text(name, value)
        if fast is None:
            continue
        assert fast == parsing._clean_text(str(DEFAULT(name, value))), value
        shortcuts += 1
    assert shortcuts > 500


def test_a_header_that_breaks_the_default_policy_does_not_break_parsing():
    # The default policy's parser raises on this Content-Type while parsing the structure.
    raw = b"From: a@example.com\nContent-Type: text/plain; charset*=utf-8\x00''abc\n\nbody"
    with pytest.raises(ValueError):
        email.message_from_bytes(raw, policy=email.policy.default)
    parsed = parse_message(raw)
    assert (parsed.from_address, parsed.body_text) == ("a@example.com", "body")


def test_a_charset_no_codec_accepts_is_an_unknown_charset():
    raw = (b"Content-Type: text/plain; charset=\"utf-8\x00\"\n"
           b"Content-Transfer-Encoding: base64\n\n" + base64.b64encode("café".encode()))
    parsed = parse_message(raw)
    assert parsed.body_text == "café"
    assert any("Unknown charset" in warning for warning in parsed.parse_warnings)


def test_absurdly_nested_parts_give_a_warning_not_an_exception():
    depth = 1500
    raw = "From: a@example.com\nSubject: deep\n" + "".join(
        f"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n" for i in range(depth))
    raw += "Content-Type: text/plain\n\ninnermost\n"
    raw += "".join(f"--b{i}--\n" for i in reversed(range(depth)))
    parsed = parse_message(raw.encode())
    assert parsed.message_key.startswith("sha256:")
    assert parsed.parse_warnings == ["The message could not be parsed (RecursionError)."]
