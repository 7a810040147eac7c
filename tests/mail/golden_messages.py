"""A varied corpus of inbound mail and what `parse_message` made of it, kept as a golden file.

The corpus is stored with its raw bytes (generated mail carries fresh dates and zip timestamps,
and the stdlib's generator changes between Python versions), so the file pins the parser's
behaviour, not the generator's. Regenerate it, after a deliberate change of behaviour only, with

    .venv/bin/python -m tests.mail.golden_messages
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from hireops.services.mail.message import ParsedMessage
from tests.fakes import hostile_files as hostile
from tests.fakes.mail_factory import DOCX, PDF, build_email, resume_docx, resume_pdf

GOLDEN_PATH = Path(__file__).parent / "fixtures" / "parse_golden.json"
DATE = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
SMALL_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def snapshot(parsed: ParsedMessage) -> dict:
    """Every field of `parsed` as JSON; payloads as their length and sha256."""
    return {
        "message_key": parsed.message_key,
        "message_id": parsed.message_id,
        "from_address": parsed.from_address,
        "from_name": parsed.from_name,
        "to_address": parsed.to_address,
        "subject": parsed.subject,
        "body_text": parsed.body_text,
        "received_at": parsed.received_at.isoformat() if parsed.received_at else None,
        "attachments": [{"filename": a.filename, "content_type": a.content_type,
                         "size": len(a.payload),
                         "sha256": hashlib.sha256(a.payload).hexdigest()}
                        for a in parsed.attachments],
        "parse_warnings": parsed.parse_warnings,
    }


def _mime(headers: str, body: bytes | str = b"", *, nl: bytes = b"\n") -> bytes:
    """Raw bytes from a header block (one field per line, continuation lines allowed) and body."""
    head = headers.strip("\n").encode("utf-8", "surrogateescape").replace(b"\n", nl)
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogateescape")
    return head + nl + nl + body.replace(b"\n", nl)


def _b64(data: bytes) -> str:
    return base64.encodebytes(data).decode()


def _forward(inner: bytes, *, encoded: bool = False, subject: str = "Fwd: application",
             message_id: str = "<fwd@hireops.test>") -> bytes:
    outer = EmailMessage()
    outer["From"] = "Recruiter <hr@hireops.test>"
    outer["To"] = "jobs@hireops.test"
    outer["Subject"] = subject
    outer["Date"] = "Tue, 3 Mar 2026 10:00:00 +0100"
    outer["Message-ID"] = message_id
    outer.set_content("Forwarding this one.")
    if encoded:  # against RFC 2046, but some mailers do it
        outer.add_attachment(inner, maintype="message", subtype="rfc822")
    else:
        outer.add_attachment(message_from_bytes(inner, policy=policy.default))
    return outer.as_bytes()


def cases() -> dict[str, bytes]:
    """Name -> raw message; stable names, so a failure says which kind of mail broke."""
    pdf = resume_pdf(["Ada Lovelace", "ada@example.com", "", "EXPERIENCE",
                      "Analyst, Babbage & Co (1842 - 1843)"])
    docx_bytes = resume_docx(["José Pérez", "jose@example.com", "Python, SQL"])
    out: dict[str, bytes] = {}

    out["plain"] = build_email(sender="ada@example.com", sender_name="Ada Lovelace",
                               subject="Application: Data Engineer", body="Hello,\nmy CV.",
                               message_id="<plain-1@Mail.Example.COM>", date=DATE)
    out["pdf_attachment"] = build_email(
        sender="maya@example.com", sender_name="Maya Chen", subject="Application – Analyst",
        body="Please find my CV attached.", attachments=[("CV_Maya.pdf", PDF, pdf)],
        message_id="<pdf-1@example.com>", date=DATE)
    out["alternative_and_docx"] = build_email(
        sender="jose@example.com", sender_name="José Pérez", subject="Candidatura — Backend",
        body="Hola,\n\nadjunto mi CV.", html="<p>Hola,</p><p>adjunto mi <b>CV</b>.</p>",
        attachments=[("CV José Pérez.docx", DOCX, docx_bytes)],
        message_id="<docx-1@example.com>", date=DATE)
    out["html_only"] = build_email(
        sender="html@example.com", subject="HTML only", body="",
        html="<html><head><style>p {color: red}</style><script>alert(1)</script></head><body>"
             "<p>Dear&nbsp;team &amp; friends,</p><div>5 years<br>of Python.</div>"
             "<ul><li>Django</li><li>SQL</li></ul><pre>  keep   this </pre>"
             '<p>See <a href="https://example.com/portfolio">my portfolio</a>.</p></body></html>',
        message_id="<html-1@example.com>", date=DATE)
    out["rfc2231_generated_name"] = build_email(
        sender="zoe@example.com", subject="CV", body="Attached.",
        attachments=[("Résumé Zoë Müller – 2026.pdf", PDF, SMALL_PDF)],
        message_id="<2231-gen@example.com>", date=DATE)
    out["rfc2231_continuations"] = _mime(
        "From: a@example.com\nTo: jobs@hireops.test\nSubject: continuations\n"
        "Message-ID: <2231-cont@example.com>\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b1"',
        "--b1\nContent-Type: text/plain; charset=utf-8\n\nCV attached\n"
        "--b1\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment;\n filename*0*=utf-8''R%C3%A9sum%C3%A9%20;\n"
        " filename*1*=J%C3%BCrgen.pdf\n\n" + _b64(SMALL_PDF) + "--b1\n"
        "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;\n"
        " name*=iso-8859-1'de'Lebenslauf%20K%F6nig.docx\nContent-Transfer-Encoding: base64\n\n"
        + _b64(b"PK\x03\x04fake docx") + "--b1--\n")
    out["rfc2047_in_filename"] = _mime(
        "From: =?UTF-8?B?Sm9zw6kgUMOpcmV6?= <jose@example.com>\nTo: jobs@hireops.test\n"
        "Subject: =?ISO-8859-1?Q?Candidature_d=E9veloppeur?= =?UTF-8?Q?_=E2=80=94_Lyon?=\n"
        "Message-ID: <2047-name@example.com>\nMIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"b2\"",
        "--b2\nContent-Type: text/plain; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: "
        "quoted-printable\n\nBonjour, je suis d=E9veloppeur =\nPython.\n"
        "--b2\nContent-Type: application/pdf; name=\"=?UTF-8?B?Q1Ygw6lsw6h2ZS5wZGY=?=\"\n"
        "Content-Disposition: attachment; filename=\"=?UTF-8?B?Q1Ygw6lsw6h2ZS5wZGY=?=\"\n"
        "Content-Transfer-Encoding: base64\n\n" + _b64(SMALL_PDF) + "--b2--\n")
    out["encoded_words_mixed"] = _mime(
        "From: \"=?utf-8?q?Fran=C3=A7ois?= Dupont\" <francois@example.com>\n"
        "To: =?utf-8?q?Jobs_=C3=A9quipe?= <jobs@hireops.test>\n"
        "Subject: =?utf-8?b?0KDQtdC30Y7QvNC1?= and =?x-unknown?q?caf=E9?= =?utf-8?q?_ok?=\n"
        "Date: Mon, 2 Mar 2026 10:30:00 +0100\nMessage-ID: <ew-mixed@example.com>",
        "Bonjour\n")
    out["raw_8bit_utf8_headers"] = _mime(
        "From: José Pérez <jose@example.com>\nTo: jobs@hireops.test\nSubject: Señor — CV\n"
        "Message-ID: <8bit-utf8@example.com>", "Hola")
    out["raw_8bit_latin1_headers"] = (
        "From: Jos\xe9 M\xfcller <j@example.com>\nTo: jobs@hireops.test\n"
        "Subject: caf\xe9 =?utf-8?q?na=C3=AFve?=\nMessage-ID: <8bit-latin1@example.com>\n"
        "MIME-Version: 1.0\nContent-Type: application/pdf; name=\"Lebenslauf_M\xfcller.pdf\"\n"
        "Content-Transfer-Encoding: base64\n\n").encode("latin-1") + _b64(SMALL_PDF).encode()
    out["broken_date"] = _mime(
        "From: a@example.com\nTo: jobs@hireops.test\nSubject: date\n"
        "Date: the day after tomorrow\nMessage-ID: <date-1@example.com>", "body")
    out["date_without_zone_and_odd_zone"] = _mime(
        "From: a@example.com\nDate: Mon, 2 Mar 2026 10:30:00 -0000\n"
        "Date: Mon, 2 Mar 2026 10:30:00 +0530\nSubject: zone\nMessage-ID: <date-2@example.com>",
        "body")
    out["date_out_of_range"] = _mime(
        "From: a@example.com\nDate: Mon, 2 Mar 1900 10:30:00 +0000\nSubject: old\n"
        "Message-ID: <date-3@example.com>", "body")
    no_id = build_email(sender="ada@example.com", subject="No id", body="Hello without id",
                        message_id=None, date=DATE)
    out["no_message_id"] = no_id
    out["no_message_id_redelivered_crlf"] = (
        b"Return-Path: <ada@example.com>\r\nDelivered-To: jobs@hireops.test\r\n"
        b"Received: from laptop\r\n\tby mx1.example.com; Mon, 2 Mar 2026\r\n"
        b"X-Spam-Status: No\r\n" + no_id.replace(b"\n", b"\r\n"))
    out["long_message_id"] = _mime(
        "From: a@example.com\nSubject: long id\nMessage-ID: <" + "a" * 400 + "@Example.com>",
        "body")
    out["message_id_unbracketed_and_folded"] = _mime(
        "From: a@example.com\nSubject: id\nMessage-ID:\n abc.123@Example.COM", "body")
    out["forwarded"] = _forward(out["pdf_attachment"])
    out["forwarded_base64"] = _forward(out["pdf_attachment"], encoded=True,
                                       message_id="<fwd-b64@hireops.test>")
    out["forwarded_twice"] = _forward(out["forwarded"], subject="Fwd: Fwd: application",
                                      message_id="<fwd-2@hireops.test>")
    out["charsets"] = _mime(
        "From: a@example.com\nSubject: charsets\nMessage-ID: <cs@x>\nMIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=cs",
        b"--cs\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
        + "Développeur à Zürich".encode("latin-1") +
        b"\n--cs\nContent-Type: text/plain; charset=utf-16\nContent-Transfer-Encoding: base64\n\n"
        + _b64("Ingénieur données".encode("utf-16")).encode() +
        b"--cs\nContent-Type: text/plain; charset=utf-8\n\n" + "mislabelled café".encode("latin-1")
        + b"\n--cs\nContent-Type: text/plain; charset=x-klingon\n\nunknown charset text\n"
        b"--cs\nContent-Type: text/plain\n\n" + "no charset €".encode("cp1252") + b"\n--cs--\n")
    out["utf16_attachment_text"] = build_email(
        sender="utf16@example.com", subject="Application", body="CV attached",
        attachments=[("cv.txt", "text/plain", hostile.utf16_text()),
                     ("lebenslauf.txt", "text/plain", hostile.latin1_text())],
        message_id="<utf16@example.com>", date=DATE)
    out["damaged_base64"] = _mime(
        "From: a@example.com\nSubject: damaged\nMessage-ID: <dmg@x>\n"
        "Content-Type: multipart/mixed; boundary=\"b\"",
        "--b\nContent-Type: text/plain; charset=no-such-charset\n\n\xff\xfe text\n--b\n"
        "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"x.pdf\"\n\n"
        "!!!not base64!!!\n--b\nContent-Type: application/pdf; name=cut.pdf\n"
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQ\n--b--\n")
    out["missing_boundaries"] = _mime(
        "From: a@example.com\nSubject: boundaries\nMessage-ID: <bnd@x>\n"
        "Content-Type: multipart/mixed",
        "--x\nContent-Type: text/plain\n\nno boundary parameter\n--x--\n") + b"\n" + _mime(
        "From: b@example.com", "")
    out["unterminated_multipart"] = _mime(
        "From: a@example.com\nSubject: cut\nMessage-ID: <cut@x>\n"
        "Content-Type: multipart/mixed; boundary=zz",
        "preamble\n--zz\nContent-Type: text/plain\n\nthe only part, never closed\n"
        "--zz\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0x")
    out["nameless_pdf_and_images"] = _mime(
        "From: a@example.com\nMIME-Version: 1.0\nMessage-ID: <imgs@x>\n"
        "Content-Type: multipart/mixed; boundary=b",
        "--b\nContent-Type: multipart/related; boundary=r\n\n--r\nContent-Type: text/html\n\n"
        "<p>See my <img src=\"cid:logo\"> photo.</p>\n--r\nContent-Type: image/png\n"
        "Content-ID: <logo>\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--r--\n"
        "--b\nContent-Type: image/jpeg\nContent-Disposition: inline; filename=me.jpg\n"
        "Content-Transfer-Encoding: base64\n\n/9j/4AAQ\n"
        "--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQ=\n"
        "--b\nContent-Type: application/x-nothing-known\n\nopaque\n--b--\n")
    out["hostile_filenames"] = _mime(
        "From: a@example.com\nSubject: paths\nMessage-ID: <paths@x>\n"
        "Content-Type: multipart/mixed; boundary=\"p\"",
        "--p\nContent-Type: text/plain\n\nbody\n"
        "--p\nContent-Type: application/pdf\nContent-Disposition: attachment; "
        "filename=\"C:\\Users\\ada\\My CV.pdf\"\n\nx\n"
        "--p\nContent-Type: application/pdf\nContent-Disposition: attachment; "
        "filename=\"../../etc/passwd.pdf\"\n\nx\n"
        "--p\nContent-Type: application/pdf\nContent-Disposition: attachment; "
        "filename=\"..hidden\\\"quoted\\\".pdf\"\n\nx\n"
        "--p\nContent-Type: application/pdf\nContent-Disposition: attachment; "
        "filename=\"tab\there\x01.pdf\"\n\nx\n--p--\n")
    out["apple_mail_style_params"] = _mime(
        "From: Ingrid Larsen <ingrid@example.com>\nTo: jobs@hireops.test\nSubject: CV\n"
        "Message-ID: <apple@example.com>\nMime-Version: 1.0 (Mac OS X Mail 16.0)\n"
        "Content-Type: multipart/mixed;\n\tboundary=Apple-Mail-1234",
        "\n--Apple-Mail-1234\nContent-Transfer-Encoding: 7bit\nContent-Type: text/plain;\n"
        "\tcharset=us-ascii\n\nHi,\n\nmy CV.\n\n--Apple-Mail-1234\n"
        "Content-Disposition: attachment;\n\tfilename=CV_Ingrid.pdf\n"
        "Content-Type: application/pdf;\n\tx-unix-mode=0644;\n\tname=\"CV_Ingrid.pdf\"\n"
        "Content-Transfer-Encoding: base64\n\n" + _b64(SMALL_PDF) + "\n--Apple-Mail-1234--\n")
    out["comments_and_odd_encodings"] = _mime(
        "From: (comment) Ada (the first) <ada@example.com> (work)\nSubject: odd\n"
        "Message-ID: <odd@x> (a comment)\nContent-Type: multipart/mixed; boundary=o",
        "--o\nContent-Type: text/plain; charset=us-ascii (Plain Text)\n"
        "Content-Transfer-Encoding: QUOTED-PRINTABLE \n\nsoft=\nbreak =E9\n"
        "--o\nContent-Type: Text/HTML; Charset=\"UTF-8\"\nContent-Transfer-Encoding: Base64\n\n"
        + _b64("<p>html café</p>".encode()) + "--o--\n")
    out["address_shapes"] = _mime(
        "From: \"Lovelace, Ada \\\"Countess\\\"\" <ada@example.com>, other@example.com\n"
        "To: Undisclosed recipients:;\nSubject: shapes\nMessage-ID: <shapes@x>", "body")
    out["address_shapes_2"] = _mime(
        "From: <<<@@@>>>\nTo: Team: a@example.com, b@example.com;\nSubject: shapes 2\n"
        "Message-ID: <shapes2@x>", "body")
    out["address_without_brackets_and_quotes"] = _mime(
        "From: ada@example.com (Ada Lovelace)\nTo: \"jobs\" jobs@hireops.test\nSubject: s\n"
        "Message-ID: <s3@x>", "body")
    out["control_characters"] = _mime(
        "From: Ada\x01 Lovelace <ada@example.com>\nSubject: nul\x00 and \x7f bell\x07\n"
        "Message-ID: <ctrl@x>", "text with \x00 NUL and \x1b escape\r\nand \x9f C1")
    out["replacement_char_in_subject"] = _mime(
        "From: a@example.com\nSubject: already \ufffd broken\nMessage-ID: <fffd@x>", "body")
    out["duplicate_headers"] = _mime(
        "From: first@example.com\nFrom: second@example.com\nSubject: one\nSubject: two\n"
        "Message-ID: <dup-1@x>\nMessage-ID: <dup-2@x>", "body")
    out["too_many_parts"] = _mime(
        "From: a@example.com\nSubject: many\nMessage-ID: <many@x>\n"
        "Content-Type: multipart/mixed; boundary=m",
        "".join(f"--m\nContent-Type: text/plain\n\np{i}\n" for i in range(510)) + "--m--\n")
    deep = out["plain"]
    for level in range(7):
        deep = _forward(deep, subject=f"Fwd level {level}", message_id=f"<deep-{level}@x>")
    out["nested_too_deep"] = deep
    out["digest_and_bounce"] = _mime(
        "From: MAILER-DAEMON@example.com\nSubject: Undelivered\nMessage-ID: <bounce@x>\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=r",
        "--r\nContent-Type: text/plain\n\nDelivery failed.\n--r\n"
        "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\n"
        "Final-Recipient: rfc822; x@example.com\nAction: failed\n\n--r\n"
        "Content-Type: multipart/digest; boundary=d\n\n--d\n\nFrom: inner@example.com\n"
        "Subject: digest item\n\ndigest body\n--d--\n--r--\n")
    out["uuencode_and_binary_cte"] = _mime(
        "From: a@example.com\nSubject: uu\nMessage-ID: <uu@x>\n"
        "Content-Type: multipart/mixed; boundary=u",
        "--u\nContent-Type: text/plain\nContent-Transfer-Encoding: x-uuencode\n\n"
        "begin 644 cv.txt\n#0V%T\n`\nend\n--u\nContent-Type: application/pdf; name=bin.pdf\n"
        "Content-Transfer-Encoding: binary\n\n%PDF-1.4 binary\n--u--\n")
    out["empty"] = b""
    out["whitespace_only"] = b" \r\n\t\n"
    out["colons"] = b"::::\n\n\n"
    out["binary_garbage"] = hostile.binary_garbage(2048)
    out["unterminated_encoded_word"] = (b"Subject: =?utf-8?q?unterminated\n"
                                        b"From: \"Unclosed <a@b\n\nbody")
    out["header_only_no_body"] = b"From: a@example.com\r\nSubject: empty\r\nMessage-ID: <e@x>\r\n"
    out["8bit_params"] = (
        "From: a@example.com\nSubject: 8bit params\nMessage-ID: <8p@x>\n"
        "Content-Type: multipart/mixed; boundary=e\n\n--e\n"
        "Content-Type: application/pdf; name=\"Lebensl\xe4uf.pdf\"\n\nx\n--e\n").encode(
        "latin-1") + (
        "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\"Résumé.pdf\"\n"
        "\ny\n--e--\n").encode()
    return out


def build_golden() -> dict:
    from hireops.services.mail.parsing import parse_message

    return {name: {"raw": base64.b64encode(raw).decode(),
                   "expected": snapshot(parse_message(raw))}
            for name, raw in cases().items()}


def load_golden() -> dict:
    return json.loads(GOLDEN_PATH.read_text())


if __name__ == "__main__":
    GOLDEN_PATH.parent.mkdir(exist_ok=True)
    GOLDEN_PATH.write_text(json.dumps(build_golden(), indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {GOLDEN_PATH}")
