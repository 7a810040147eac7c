"""Builds realistic application and non-application emails (RFC 5322 bytes) for tests,
benchmarks and the demo inbox."""

from __future__ import annotations

import io
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone

import docx

from tests.fakes.hostile_files import text_pdf

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def build_email(*, sender: str, sender_name: str = "", subject: str, body: str,
                attachments: list[tuple[str, str, bytes]] = (), message_id: str | None = "",
                html: str = "", to: str = "jobs@hireops.example",
                date: datetime | None = None,
                extra_headers: dict[str, str] | None = None) -> bytes:
    """One message; message_id "" makes a fresh one, None leaves the header out;
    `extra_headers` adds more (In-Reply-To, References)."""
    message = EmailMessage()
    message["From"] = f"{sender_name} <{sender}>" if sender_name else sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(date or datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc))
    if message_id is not None:
        message["Message-ID"] = message_id or make_msgid(domain="mail.example")
    for name, value in (extra_headers or {}).items():
        message[name] = value
    if body:
        message.set_content(body)
    if html:
        if body:
            message.add_alternative(html, subtype="html")
        else:
            message.set_content(html, subtype="html")
    for filename, content_type, payload in attachments:
        maintype, subtype = content_type.split("/", 1)
        message.add_attachment(payload, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def resume_lines(i: int, name: str, email: str, role: str, skills: list[str]) -> list[str]:
    """The lines of a 1-3 page resume, as the ingest benchmark mails it; the page count follows
    from the number of past jobs (2, 10 or 18 as `i` goes round)."""
    lines = [name, f"{email} | +1 415 555 {1000 + i:04d} | Springfield, USA", role, "",
             "EXPERIENCE"]
    for job in range(2 + (i % 3) * 8):
        start = 2024 - 2 * (job + 1)
        lines += [f"{role}, Company {i}-{job} ({start} - {start + 2})",
                  f"- Delivered projects using {skills[job % len(skills)]} and "
                  f"{skills[(job + 1) % len(skills)]} for {20 + job} customers.",
                  "- Worked with product, design and support teams; mentored new colleagues.",
                  "- Improved reliability and measured the results every quarter."]
    lines += ["", "EDUCATION", "BSc, State University, 2014", "", "SKILLS", ", ".join(skills)]
    return lines


def resume_pdf(lines: list[str], lines_per_page: int = 45) -> bytes:
    """A text PDF of `lines`, split into pages."""
    pages = tuple(tuple(lines[i:i + lines_per_page]) for i in range(0, len(lines), lines_per_page))
    return text_pdf(pages or (("",),))


def resume_docx(lines: list[str]) -> bytes:
    """A DOCX with one paragraph per line."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
