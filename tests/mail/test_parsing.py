"""Parsing inbound mail: bodies, attachments, headers, and the key that stores a message once."""

from __future__ import annotations

import os
import random
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from hireops.services.mail.parsing import html_to_text, message_key, parse_message
from tests.mail.messages import PDF_BYTES, message_with_pdf, plain_message


def test_plain_message():
    parsed = parse_message(plain_message(message_id="<Abc.123@Mail.Example.COM>"))
    assert parsed.from_name == "Ada Lovelace"
    assert parsed.from_address == "ada@example.com"
    assert parsed.to_address == "jobs@hireops.test"
    assert parsed.subject == "Application: Data Engineer"
    assert parsed.body_text == "Hello,\nmy CV."
    assert parsed.received_at == datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    assert parsed.message_id == "<Abc.123@Mail.Example.COM>"
    # Only the domain is case-insensitive.
    assert parsed.message_key == "mid:Abc.123@mail.example.com"
    assert parsed.attachments == []
    assert parsed.parse_warnings == []


def test_multipart_with_pdf_attachment_prefers_the_plain_body():
    parsed = parse_message(message_with_pdf())
    assert parsed.body_text == "Please find my CV attached."
    [attachment] = parsed.attachments
    assert attachment.filename == "Ada Lovelace CV.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.payload == PDF_BYTES


def test_html_only_message_becomes_readable_text():
    msg = EmailMessage()
    msg["From"] = "cand@example.com"
    msg["Subject"] = "HTML"
    msg.set_content(
        "<html><head><style>p {color: red}</style><script>alert('x')</script></head><body>"
        "<p>Dear&nbsp;team &amp; friends,</p><div>I have 5 years<br>of Python.</div>"
        "<ul><li>Django</li><li>SQL</li></ul>"
        '<p>See <a href="https://example.com/portfolio">my portfolio</a>.</p></body></html>',
        subtype="html")
    parsed = parse_message(msg.as_bytes())
    assert parsed.body_text == (
        "Dear team & friends,\n\nI have 5 years\nof Python.\n\n- Django\n- SQL\n\n"
        "See my portfolio <https://example.com/portfolio>.")
    assert "alert" not in parsed.body_text and "color" not in parsed.body_text


def test_html_to_text_handles_unclosed_tags_and_entities():
    assert html_to_text("<p>caf&eacute; &#8364;5 &lt;b&gt;<p>next") == "café €5 <b>\n\nnext"


def test_message_without_body():
    raw = b"From: a@example.com\r\nSubject: empty\r\nMessage-ID: <e@x>\r\n\r\n"
    parsed = parse_message(raw)
    assert parsed.body_text == ""
    assert parsed.subject == "empty"
    assert parsed.attachments == []


def test_rfc2047_encoded_name_and_subject():
    raw = (b"From: =?UTF-8?B?Sm9zw6kgUMOpcmV6?= <jose@example.com>\r\n"
           b"To: jobs@hireops.test\r\n"
           b"Subject: =?ISO-8859-1?Q?Candidature_d=E9veloppeur?= =?UTF-8?Q?_=E2=80=94_Lyon?=\r\n"
           b"Message-ID: <enc@example.com>\r\n\r\nBonjour\r\n")
    parsed = parse_message(raw)
    assert parsed.from_name == "José Pérez"
    assert parsed.from_address == "jose@example.com"
    assert parsed.subject == "Candidature développeur — Lyon"


def test_raw_8bit_headers_are_decoded_by_guessing_the_charset():
    utf8 = parse_message("From: José Pérez <jose@example.com>\nSubject: Señor — CV\n\nHola"
                         .encode())
    assert (utf8.from_name, utf8.subject) == ("José Pérez", "Señor — CV")
    latin1 = parse_message("From: Jos\xe9 <j@example.com>\nSubject: caf\xe9 =?utf-8?q?na=C3=AFve?="
                           "\n\nbody".encode("latin-1"))
    assert (latin1.from_name, latin1.subject) == ("José", "café naïve")


def test_broken_date_gives_none_and_a_warning():
    raw = plain_message(date=None).replace(b"Subject:", b"Date: the day after tomorrow\nSubject:")
    parsed = parse_message(raw)
    assert parsed.received_at is None
    assert any("Date" in w for w in parsed.parse_warnings)


def test_date_without_zone_is_read_as_utc_and_others_are_converted():
    base = plain_message(date=None)
    with_zone = parse_message(b"Date: Mon, 2 Mar 2026 10:30:00 +0100\n" + base)
    assert with_zone.received_at == datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    no_zone = parse_message(b"Date: Mon, 2 Mar 2026 10:30:00 -0000\n" + base)
    assert no_zone.received_at == datetime(2026, 3, 2, 10, 30, tzinfo=UTC)


def test_missing_message_id_gives_a_hash_key_stable_across_redelivery():
    original = plain_message(message_id=None)
    redelivered = (b"Return-Path: <ada@example.com>\r\nDelivered-To: jobs@hireops.test\r\n"
                   b"Received: from mx1.example.com by mx2.hireops.test; Mon, 2 Mar 2026\r\n"
                   b"Received: from laptop\r\n\tby mx1.example.com; Mon, 2 Mar 2026\r\n"
                   b"X-Spam-Status: No\r\n"
                   + original.replace(b"\n", b"\r\n"))  # an IMAP server hands out CRLF
    key = parse_message(original).message_key
    assert key.startswith("sha256:")
    assert parse_message(redelivered).message_key == key
    # A different message does get a different key.
    assert parse_message(plain_message(message_id=None, body="Other")).message_key != key


@pytest.mark.parametrize("message_id", ["", "   ", "<>", "<" + "x" * 950 + "@example.com>",
                                        "<caf\u00e9@example.com>"])
def test_unusable_message_ids_fall_back_to_the_hash(message_id):
    assert message_key(b"Subject: x\n\nbody", message_id).startswith("sha256:")


def test_long_message_id_is_hashed_to_fit_the_key_column():
    long_id = "<" + "a" * 400 + "@Example.com>"
    key = message_key(b"", long_id)
    assert key.startswith("mid:sha256:") and len(key) <= 255
    assert key == message_key(b"other bytes", long_id.replace("Example", "EXAMPLE"))


def test_message_id_key_ignores_brackets_and_folding():
    assert message_key(b"", " <Part1.X@EXAMPLE.com>\r\n ") == "mid:Part1.X@example.com"


@pytest.mark.parametrize("raw", [
    b"", b"\x00\x01\x02\xff\xfe", b"::::\n\n\n", b"From: <<<@@@>>>\nDate: 99 Foo 99999\n\nhi",
    b"Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain; "
    b"charset=no-such-charset\n\n\xff\xfe text\n--b\nContent-Transfer-Encoding: base64\n"
    b"Content-Disposition: attachment; filename=\"x.pdf\"\n\n!!!not base64!!!\n",
    b"Subject: =?utf-8?q?unterminated\nFrom: \"Unclosed <a@b\n\nbody",
])
def test_garbage_never_raises(raw):
    parsed = parse_message(raw)
    assert parsed.message_key.startswith(("mid:", "sha256:"))
    assert "\x00" not in parsed.body_text


def test_random_bytes_never_raise():
    rng = random.Random(7)
    for _ in range(200):
        parse_message(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))))
    parse_message(os.urandom(4096))


def _text_part_message(payload: bytes, charset: str) -> bytes:
    return (b"From: a@example.com\nSubject: charset\nMessage-ID: <c@x>\nMIME-Version: 1.0\n"
            b"Content-Type: text/plain; charset=" + charset.encode() +
            b"\nContent-Transfer-Encoding: 8bit\n\n" + payload)


def test_utf16_and_latin1_text_parts_decode():
    text = "Développeur Python à Zürich"
    utf16 = parse_message(_text_part_message(text.encode("utf-16"), "utf-16"))
    assert utf16.body_text == text
    latin1 = parse_message(_text_part_message(text.encode("latin-1"), "iso-8859-1"))
    assert latin1.body_text == text
    assert latin1.parse_warnings == []


def test_wrong_or_unknown_charset_is_guessed_with_a_warning():
    text = "Curriculum: café"
    mislabelled = parse_message(_text_part_message(text.encode("latin-1"), "utf-8"))
    assert mislabelled.body_text == text
    assert any("not valid utf-8" in w for w in mislabelled.parse_warnings)
    unknown = parse_message(_text_part_message(text.encode("utf-8"), "x-klingon"))
    assert unknown.body_text == text
    assert any("Unknown charset" in w for w in unknown.parse_warnings)


def test_inline_image_with_filename_is_an_attachment_but_a_nameless_logo_is_not():
    msg = EmailMessage()
    msg["From"] = "a@example.com"
    msg.set_content("See my photo.")
    msg.add_related(b"\x89PNG-logo", maintype="image", subtype="png", cid="<logo>")
    msg.add_attachment(b"\x89PNG-photo", maintype="image", subtype="png", filename="me.png",
                       disposition="inline")
    parsed = parse_message(msg.as_bytes())
    assert [(a.filename, a.payload) for a in parsed.attachments] == [("me.png", b"\x89PNG-photo")]
    assert parsed.body_text == "See my photo."


def test_attachment_names_never_carry_a_path():
    parsed = parse_message(message_with_pdf(filename="../../etc/passwd.pdf"))
    assert parsed.attachments[0].filename == "passwd.pdf"


@pytest.mark.parametrize("encoded", [False, True], ids=["standard", "base64-encoded"])
def test_forwarded_message_keeps_its_text_and_attachments(encoded):
    outer = EmailMessage()
    outer["From"] = "Recruiter <hr@hireops.test>"
    outer["Subject"] = "Fwd: My application"
    outer["Message-ID"] = "<fwd@hireops.test>"
    outer.set_content("Forwarding this one.")
    if encoded:  # what some mailers do, against RFC 2046
        outer.add_attachment(message_with_pdf(), maintype="message", subtype="rfc822")
    else:
        outer.add_attachment(message_from_bytes(message_with_pdf(), policy=policy.default))
    parsed = parse_message(outer.as_bytes())
    assert parsed.from_address == "hr@hireops.test"
    assert parsed.body_text.startswith("Forwarding this one.")
    assert "Forwarded message" in parsed.body_text
    assert "Subject: My application" in parsed.body_text
    assert "Please find my CV attached." in parsed.body_text
    assert [a.filename for a in parsed.attachments] == ["Ada Lovelace CV.pdf"]
    assert parsed.message_key == "mid:fwd@hireops.test"


def test_nameless_pdf_part_is_kept_with_a_generated_name():
    raw = (b"From: a@example.com\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
           b"--b\nContent-Type: text/plain\n\nCV attached\n--b\nContent-Type: application/pdf\n"
           b"Content-Transfer-Encoding: base64\n\nJVBERi0xLjQ=\n--b--\n")
    parsed = parse_message(raw)
    assert [(a.filename, a.payload) for a in parsed.attachments] == [
        ("attachment-1.pdf", b"%PDF-1.4")]


def test_hash_key_is_the_same_for_lf_and_crlf_copies():
    raw = plain_message(message_id=None)
    assert parse_message(raw).message_key == parse_message(raw.replace(b"\n", b"\r\n")).message_key


# --- body size -----------------------------------------------------------------------------

# The body text a message keeps (parsing.MAX_BODY_BYTES).
BODY_CAP = 1024 * 1024


def _big_message(body: str, subtype: str = "plain", cte: str = "base64") -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "ada@example.com", "jobs@hireops.test", "CV"
    msg.set_content(body, subtype=subtype, charset="utf-8", cte=cte)
    return msg.as_bytes()


def test_a_30_mb_body_is_cut_to_the_cap_with_a_warning():
    parsed = parse_message(_big_message("I built billing systems in Python.\n" * 900_000))

    assert len(parsed.body_text.encode()) <= BODY_CAP
    assert parsed.body_text.startswith("I built billing systems in Python.")
    assert any("longer than 1024 KB" in w and "not kept" in w for w in parsed.parse_warnings)


def test_an_html_body_and_a_forwarded_one_share_the_cap():
    outer = EmailMessage()
    outer["From"], outer["To"], outer["Subject"] = "ada@example.com", "jobs@x.test", "Fwd"
    outer.set_content("<p>" + "Résumé attached. " * 50_000 + "</p>", subtype="html")
    inner = message_from_bytes(_big_message("Forwarded words. " * 100_000),
                               policy=policy.default)
    outer.add_attachment(inner)

    parsed = parse_message(outer.as_bytes())

    assert len(parsed.body_text.encode()) <= BODY_CAP + 1000  # plus the forward heading
    assert "Résumé attached." in parsed.body_text and "RÃ" not in parsed.body_text
    assert any("not kept" in w for w in parsed.parse_warnings)


def test_a_cut_through_a_multibyte_character_keeps_the_text_readable(monkeypatch):
    from hireops.services.mail import parsing

    monkeypatch.setattr(parsing, "MAX_BODY_BYTES", 1001, raising=False)  # an odd cut: inside a two-byte "é"
    parsed = parse_message(_big_message("é" * 2000, cte="8bit"))

    assert parsed.body_text == "é" * 500
    assert not any("best guess" in w for w in parsed.parse_warnings)


# A Russian cover letter as Outlook Express and many webmail forms send it: 8-bit KOI8-R bytes
# and a Content-Type without a charset.
RUSSIAN_LETTER = ("Здравствуйте!\nПрошу рассмотреть мою кандидатуру на должность инженера-"
                  "программиста. У меня пять лет опыта разработки на Python и PostgreSQL.\n"
                  "С уважением,\nИван Петров")


def _charsetless_message(payload: bytes, subtype: str = "plain") -> bytes:
    return (b"From: ivan@example.ru\nSubject: resume\nMessage-ID: <koi@x>\nMIME-Version: 1.0\n"
            b"Content-Type: text/" + subtype.encode() + b"\nContent-Transfer-Encoding: 8bit\n\n"
            + payload)


@pytest.mark.parametrize("codec", ["koi8-r", "cp1251", "utf-8", "cp1252"])
def test_body_without_a_charset_is_decoded_like_resume_files(codec: str) -> None:
    text = (RUSSIAN_LETTER if codec != "cp1252" else
            "Bonjour,\nJe vous écris pour le poste d'ingénieur. Très motivée, j'ai déjà "
            "travaillé à Nîmes.\nCordialement,\nAnaïs Lefèvre")
    parsed = parse_message(_charsetless_message(text.encode(codec)))
    assert parsed.body_text == text
    assert parsed.parse_warnings == []


def test_html_body_without_a_charset_is_decoded_like_resume_files() -> None:
    html = f"<html><body><p>{RUSSIAN_LETTER.replace(chr(10), '<br>')}</p></body></html>"
    parsed = parse_message(_charsetless_message(html.encode("koi8-r"), "html"))
    assert "Иван Петров" in parsed.body_text
    assert "Прошу рассмотреть мою кандидатуру" in parsed.body_text


def test_body_format_says_what_the_text_was_read_from() -> None:
    assert parse_message(plain_message()).body_format == "text"
    html_only = EmailMessage()
    html_only["From"] = "a@example.com"
    html_only.set_content("<p>My resume: ten years of SQL.</p>", subtype="html")
    parsed = parse_message(html_only.as_bytes())
    assert (parsed.body_text, parsed.body_format) == ("My resume: ten years of SQL.", "html")
    assert parse_message(b"From: a@example.com\n\n").body_format == ""


def test_plain_stub_beside_an_html_resume_gives_way_to_the_html() -> None:
    resume = "".join(f"<p>Data Analyst at Company {i}: SQL reports and Tableau dashboards.</p>"
                     for i in range(8))
    msg = EmailMessage()
    msg["From"] = "a@example.com"
    msg.set_content("This message is in HTML. Please use an HTML mail client.")
    msg.add_alternative(resume, subtype="html")
    parsed = parse_message(msg.as_bytes())
    assert parsed.body_format == "html"
    assert "Company 7: SQL reports" in parsed.body_text
    assert "HTML mail client" not in parsed.body_text
