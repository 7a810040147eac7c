"""The demo's conversation: the demo admin owns the first demo job and has written to its
first candidate, whose reply waits in the demo inbox, threaded onto her page by the next sync.
Idempotent like the rest of the demo (a fixed draft key; the reply file is written once)."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from sqlmodel import Session, select

from hireops.models import Candidate, Job, User, utcnow
from hireops.services.outreach.conversations import send_message

DEMO_DRAFT_KEY = "demo-conversation-first-candidate"
REPLY_FILE = "hireops-demo-reply-1"
_QUESTION = ("Hello {candidate_name},\n\nThank you for your application for the {job_title} "
             "position. Before we invite you to an interview: what notice period do you "
             "have?\n\nYou can simply reply to this email.\n\nKind regards,\n{recruiter_name}\n"
             "{company_name}")


def seed_demo_conversation(*, session: Session, admin: User, job: Job, email: str,
                           maildir: Path) -> bool:
    """Write to the candidate with `email` and leave their reply in `maildir`; True when the
    reply was put there now."""
    if job.owner_id is None:
        job.owner_id = admin.id
        session.add(job)
        session.commit()
    candidate = session.exec(select(Candidate).where(Candidate.email_normalized == email)).first()
    if candidate is None:
        return False
    sent = send_message(session=session, candidate_id=candidate.id, application_id=None,
                        subject="A question about your application for {job_title}",
                        body=_QUESTION, template_kind="free_text", draft_key=DEMO_DRAFT_KEY,
                        actor=admin)
    target = maildir / "new" / REPLY_FILE
    if any((maildir / sub / REPLY_FILE).exists() for sub in ("new", "cur")):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_reply(candidate, sent.subject, sent.message_id))
    return True


def _reply(candidate: Candidate, subject: str, answered: str) -> bytes:
    reply = EmailMessage()
    reply["From"] = f"{candidate.full_name} <{candidate.email}>"
    reply["To"] = "jobs@hireops.demo"
    reply["Subject"] = f"Re: {subject}"
    reply["Date"] = format_datetime(utcnow())
    reply["Message-ID"] = "<demo-reply-1@mail.hireops.demo>"
    reply["In-Reply-To"] = answered
    reply["References"] = answered
    reply.set_content(f"Hello,\n\nmy notice period is one month, so I could start at the "
                      f"beginning of next quarter.\n\nBest regards,\n{candidate.full_name}\n")
    return reply.as_bytes()
