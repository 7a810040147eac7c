"""One blind-screened candidate with everything that can carry her identity: mail with a PDF
resume read by the real inbox, a score quoting her contact lines (made before the job turned
blind), an interview invitation queued to her address, an evaluation naming her and a decision
waiting for HR."""

from __future__ import annotations

import mailbox
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from hireops.models import Application, Candidate, Email, Evaluation, User
from hireops.services.decisions.flow import apply_after_evaluation
from hireops.services.inbox.ingest import run_ingest_pass
from hireops.services.interviews.invitations import send_link
from hireops.services.interviews.links import generate_link
from hireops.services.jobs.records import JobForm, create_job, job_to_form, update_job
from hireops.services.mail.sources import MaildirSource
from tests.fakes.mail_factory import PDF, build_email, resume_pdf

# Named in the mail's subject, so the inbox files the application under it.
JOB_TITLE = "Platform Reliability Engineer"
NAME = "Léa Moreau"
EMAIL = "lea.moreau@example.fr"
# Nobody else's number: the demo's Lucas Martin has +33 6 12 34 56 78, and a browser test
# sharing the app with the demo would find his phone, not hers.
PHONE = "+33 6 47 29 81 53"
STREET = "12 rue de la Paix"
# What must appear nowhere while the identity is hidden (the phone as written and as digits).
IDENTITY = ("Léa", "Moreau", "moreau", EMAIL, PHONE, "6 47 29 81 53", "647298153",
            "rue de la Paix")
RESUME = [
    NAME,
    f"{STREET}, 75002 Paris | {EMAIL} | {PHONE}",
    "",
    f"Python and PostgreSQL engineer; reach me at {EMAIL} or {PHONE}.",
    "Née le 3 mars 1990. Nationalité : française. Mariée.",
    "",
    "Experience",
    "Backend Engineer, Fintech SAS (2018 - 2024)",
    "Built REST APIs in Python with PostgreSQL; shipped every service in Docker.",
    "Her team ran Kubernetes in production.",
    "",
    "Skills",
    "Python, PostgreSQL, Docker, REST APIs, Kubernetes",
]


@dataclass(frozen=True)
class BlindCase:
    job_id: int
    candidate_id: int
    application_id: int
    email_id: int
    attachment_id: int


def application_mail() -> bytes:
    return build_email(sender=EMAIL, sender_name=NAME,
                       subject=f"Application for {JOB_TITLE} - {NAME}",
                       body=f"Bonjour,\n\nveuillez trouver mon CV.\n\n{NAME}\n{PHONE}",
                       attachments=[("Lea_Moreau_CV.pdf", PDF, resume_pdf(RESUME))],
                       message_id="<lea-1@mail.example>")


def build_blind_case(session: Session, maildir: Path, recruiter: User) -> BlindCase:
    """Run the pipeline for one applicant on an open job, then switch the job to blind (in a
    database that may hold other people and mail too)."""
    job = create_job(session=session, actor=recruiter, form=JobForm(
        title=JOB_TITLE, department="Engineering", location="Paris",
        description="Run the platform behind our product.",
        must_have_skills=["Python", "PostgreSQL", "Docker", "REST APIs"],
        nice_to_have_skills=["Kubernetes"]))
    mailbox.Maildir(maildir, create=True).add(application_mail())
    summary = run_ingest_pass(source=MaildirSource(maildir))
    assert summary.failed == [], summary
    session.expire_all()
    candidate = session.exec(select(Candidate).where(Candidate.email == EMAIL)).one()
    application = session.exec(select(Application).where(
        Application.candidate_id == candidate.id, Application.job_id == job.id)).one()
    email = session.exec(select(Email).where(Email.candidate_id == candidate.id)).one()
    assert candidate.full_name == NAME and application.resume_score is not None
    assert EMAIL in repr(application.resume_result), "the score should quote a contact line"

    link = generate_link(session=session, application_id=application.id, actor=recruiter,
                         override_reason="screening call first").link
    send_link(session=session, link_id=link.id, actor=recruiter)
    session.add(Evaluation(
        application_id=application.id, status="ok", score=62,
        strengths=[f"{NAME} explained her PostgreSQL work clearly"],
        concerns=[f"Asked to be called on {PHONE} rather than by email"],
        summary=f"{NAME} ({EMAIL}) gave solid backend answers.",
        preferred_slot_text="Thursday at 10am"))
    application.interview_score = 62
    session.add(application)
    session.commit()
    apply_after_evaluation(session=session, application_id=application.id)
    session.commit()

    blind = job_to_form(job).model_copy(update={"blind_screening": True})
    update_job(session=session, job_id=job.id, form=blind, actor=recruiter)
    session.commit()
    return BlindCase(job_id=job.id, candidate_id=candidate.id, application_id=application.id,
                     email_id=email.id, attachment_id=candidate.resume_attachment_id)


def leaks(text: str) -> list[str]:
    """The pieces of the identity found in `text`."""
    return [piece for piece in IDENTITY if piece.lower() in text.lower()]


