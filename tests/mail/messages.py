"""Test messages built with the stdlib, so each test states only what it is about."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def plain_message(subject: str = "Application: Data Engineer", *, body: str = "Hello,\nmy CV.",
                  sender: str = "Ada Lovelace <ada@example.com>", message_id: str | None = "auto",
                  date: datetime | None = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "jobs@hireops.test"
    msg["Subject"] = subject
    if date is not None:
        msg["Date"] = format_datetime(date)
    if message_id == "auto":
        msg["Message-ID"] = make_msgid(domain="example.com")
    elif message_id:
        msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg.as_bytes()


def message_with_pdf(filename: str = "Ada Lovelace CV.pdf") -> bytes:
    msg = EmailMessage()
    msg["From"] = "Ada Lovelace <ada@example.com>"
    msg["To"] = "jobs@hireops.test"
    msg["Subject"] = "My application"
    msg["Message-ID"] = "<cv-1@example.com>"
    msg.set_content("Please find my CV attached.")
    msg.add_alternative("<p>Please find my <b>CV</b> attached.</p>", subtype="html")
    msg.add_attachment(PDF_BYTES, maintype="application", subtype="pdf", filename=filename)
    return msg.as_bytes()
