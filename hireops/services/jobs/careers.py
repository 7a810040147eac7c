"""The public careers page: which jobs it lists, and an application sent from its form.

An application takes the same road as one sent through the API (`api_intake`): the resume is
read before anything is stored, the person is deduplicated, the application scored and audited,
with the source "Careers page". Then the candidate's optional equal-opportunities answers are
kept and an acknowledgement goes to the outbox (template "application_received").

Strangers post this form, so: a filled honeypot field is accepted and dropped (a bot learns
nothing), each client address has a rate limit, and every field has a length limit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import Application, Candidate, Job, JobStatus, User
from hireops.services.inbox.api_intake import ResumeRejected, ResumeUpload, intake_candidate
from hireops.services.platform.audit import record_event
from hireops.services.outreach.email_templates import OUTBOX_KIND, get_template, render_template
from hireops.services.candidates.equal_opportunities import questions as equal_opportunity_questions
from hireops.services.candidates.equal_opportunities import record_answers
from hireops.services.jobs.records import get_job_or_raise
from hireops.services.text.language.supported import supported_language
from hireops.services.outreach.outbox import enqueue_mail
from hireops.services.platform.rate_limit import register_hit
from hireops.services.platform.runtime_settings import current_settings

SOURCE = "Careers page"
ACTOR_LABEL = "careers page"
# The resume formats the form offers (the inbox reads more; the form keeps to the common ones).
RESUME_EXTENSIONS = (".pdf", ".docx", ".txt")
MAX_NAME_CHARS, MAX_EMAIL_CHARS, MAX_PHONE_CHARS, MAX_NOTE_CHARS = 200, 320, 40, 4000
_SLUG_NOISE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class CareersJob:
    """A published job as candidates see it: nothing internal (thresholds, notes)."""

    id: int
    # "<id>-<title-in-words>", the job's address under /careers/.
    slug: str
    title: str
    department: str
    location: str
    employment_type: str
    description: str
    must_have_skills: list[str]
    responsibilities: list[str]


@dataclass
class ApplicationForm:
    """What the careers form posted, as text (limits are checked by `submit_application`)."""

    job_ref: str
    name: str
    email: str
    phone: str = ""
    note: str = ""
    consent: bool = False
    # {question key: chosen answer}; blank answers are left out.
    answers: dict[str, str] = field(default_factory=dict)
    # The field people never see; anything in it means a script filled the form.
    honeypot: str = ""
    resume: ResumeUpload | None = None


@dataclass(frozen=True)
class SubmitOutcome:
    job_title: str
    # None when the honeypot caught the post: nothing was stored or sent.
    candidate_id: int | None
    application_id: int | None
    # The candidate's language, for the thank-you page (their acknowledgement is in it too).
    language: str = "en"


class ApplicationRefused(ValueError):
    """The application cannot be accepted; `code` is for the page, the message for the person."""

    def __init__(self, code: str, message: str, retry_after_s: int = 0) -> None:
        super().__init__(message)
        self.code, self.message, self.retry_after_s = code, message, retry_after_s


def job_slug(job: Job) -> str:
    """The job's address on the careers page: its id, then its title in plain words."""
    words = _SLUG_NOISE.sub("-", job.title.lower()).strip("-")[:60].rstrip("-")
    return f"{job.id}-{words}" if words else str(job.id)


def list_published_jobs(*, session: Session) -> list[CareersJob]:
    """Open jobs published on the careers page, newest first."""
    jobs = session.exec(select(Job).where(Job.published_on_careers.is_(True),
                                          Job.status == JobStatus.open)
                        .order_by(Job.created_at.desc(), Job.id.desc())).all()
    return [_public(job) for job in jobs]


def get_published_job(*, session: Session, reference: str) -> CareersJob | None:
    """The published open job named by `reference` ("12" or "12-any-words"), else None."""
    job = _published_job(session, reference)
    return _public(job) if job is not None else None


def set_job_published(*, session: Session, job_id: int, published: bool,
                      actor: User | None) -> Job:
    """List or unlist a job on the careers page (audited; its version and scores are kept)."""
    job = get_job_or_raise(session=session, job_id=job_id)
    if job.published_on_careers == published:
        return job
    job.published_on_careers = published
    session.add(job)
    record_event(session=session, action="job.careers_published" if published
                 else "job.careers_unpublished", actor=actor, entity_type="job",
                 entity_id=job.id, before={"published_on_careers": not published},
                 after={"published_on_careers": published})
    session.commit()
    return job


def submit_application(*, session: Session, form: ApplicationForm, client: str) -> SubmitOutcome:
    """Check, store and score an application from the careers form, and queue its
    acknowledgement. ApplicationRefused (nothing stored) says what the person must change."""
    job = _published_job(session, form.job_ref)
    if job is None:
        raise ApplicationRefused("closed", "This job is no longer open for applications.")
    if form.honeypot.strip():
        return SubmitOutcome(job.title, None, None)
    _count_client(session, client)
    name, email, phone, note = _checked_fields(form)
    answers = _checked_answers(session, form.answers)
    result = _intake(session, form, job, name, email, phone, note)
    if answers:
        record_answers(session=session, candidate_id=result.candidate_id, answers=answers)
    if note:
        record_event(session=session, action="application.note_from_candidate",
                     actor_label=ACTOR_LABEL, entity_type="application",
                     entity_id=result.application_id, note=note)
    _acknowledge(session, application_id=result.application_id, name=name, email=email,
                 job_title=job.title)
    session.commit()
    language = supported_language(session.get(Candidate, result.candidate_id).language)
    return SubmitOutcome(job.title, result.candidate_id, result.application_id, language)


def privacy_notice() -> list[tuple[str, str]]:
    """The careers page's privacy notice, (heading, paragraph) pairs, in the team's words."""
    settings = current_settings()
    company = settings.company_name
    contact = settings.privacy_contact_email
    reach = (f"write to {contact}" if contact
             else "reply to any email you receive from our hiring team")
    keep = (f"{settings.retention_days} days after our last contact with you"
            if settings.retention_days else "until you ask us to erase it")
    return [
        ("Who we are", f"{company} runs this careers page and decides what happens to the "
         "information you send with an application."),
        ("What we collect", "Your name, email address and phone number, your resume, the note "
         "you write, and, only if you choose to answer them, the equal-opportunities "
         "questions."),
        ("Why", "To consider you for the job you applied for, and for other jobs at "
         f"{company} that match your profile. Our software compares your resume with the "
         "job's requirements and gives a score; a person at our company reviews every "
         "decision."),
        ("Equal-opportunities answers", "They are voluntary, never used to assess you and "
         "never shown to the people reviewing your application: they are only counted, in "
         "aggregate, to check that our hiring treats everyone fairly."),
        ("How long", f"We keep your application {keep}."),
        ("Your rights", "You can ask for a copy of your data, have it corrected, or have it "
         f"erased at any time: {reach}."),
    ]


def _intake(session: Session, form: ApplicationForm, job: Job, name: str, email: str,
            phone: str, note: str):
    if form.resume is None or not form.resume.payload:
        raise ApplicationRefused("resume_missing", "Attach your resume (PDF, DOCX or TXT).")
    if len(form.resume.payload) > get_settings().careers_max_upload_bytes:
        limit_mb = get_settings().careers_max_upload_bytes / (1024 * 1024)
        raise ApplicationRefused("resume_too_large",
                                 f"Your resume is larger than {limit_mb:g} MB.")
    if PurePath(form.resume.filename.lower()).suffix not in RESUME_EXTENSIONS:
        raise ApplicationRefused("resume_type", "Send your resume as a PDF, DOCX or TXT file.")
    try:
        return intake_candidate(session=session, name=name, email=email, phone=phone,
                                job_id=job.id, resume=form.resume, actor_label=ACTOR_LABEL,
                                written_text=note,
                                source=SOURCE)
    except ResumeRejected as rejected:
        raise ApplicationRefused("resume_unreadable", "We could not read your resume: "
                                 f"{rejected.reason} Try another file.") from None


def _count_client(session: Session, client: str) -> None:
    settings = get_settings()
    verdict = register_hit(session=session, key=f"careers-apply:{client}",
                           limit=settings.careers_apply_limit,
                           window_s=settings.careers_apply_window_s)
    session.commit()  # counted even when the application is refused further on
    if not verdict.allowed:
        minutes = max(1, round(verdict.retry_after_s / 60))
        raise ApplicationRefused("rate_limited", "Too many applications were sent from your "
                                 f"connection. Try again in {minutes} min.",
                                 verdict.retry_after_s)


def _checked_fields(form: ApplicationForm) -> tuple[str, str, str, str]:
    name = " ".join(form.name.split())
    email = form.email.strip()
    phone = " ".join(form.phone.split())
    note = form.note.replace("\r\n", "\n").strip()
    if not 2 <= len(name) <= MAX_NAME_CHARS:
        raise ApplicationRefused("name", "Enter your full name.")
    if len(email) > MAX_EMAIL_CHARS or not _looks_like_email(email):
        raise ApplicationRefused("email", "Enter a valid email address, like name@example.com.")
    if len(phone) > MAX_PHONE_CHARS:
        raise ApplicationRefused("phone", "That phone number is too long.")
    if len(note) > MAX_NOTE_CHARS:
        raise ApplicationRefused("note", f"Keep the note under {MAX_NOTE_CHARS:,} characters.")
    if not form.consent:
        raise ApplicationRefused("consent", "Tick the box to agree to the privacy notice: we "
                                 "cannot consider your application without it.")
    return name, email, phone, note


def _checked_answers(session: Session, answers: Mapping[str, str]) -> dict[str, str]:
    offered = {question.key: question.options
               for question in equal_opportunity_questions(session=session)}
    given = {key: value.strip() for key, value in answers.items() if value.strip()}
    if any(key not in offered or value not in offered[key] for key, value in given.items()):
        raise ApplicationRefused("answers", "One of the optional questions has an answer we "
                                 "do not offer. Reload the page and choose again.")
    return given


def _looks_like_email(text: str) -> bool:
    """One @, something before it, a dotted domain after it, no spaces (the acknowledgement
    shows whether it truly arrives)."""
    local, at, domain = text.rpartition("@")
    return (bool(at) and bool(local) and "@" not in local and not any(c.isspace() for c in text)
            and "." in domain.strip(".") and not domain.startswith(".")
            and not domain.endswith("."))


def _acknowledge(session: Session, *, application_id: int, name: str, email: str,
                 job_title: str) -> None:
    candidate = session.get(Candidate, session.get(Application, application_id).candidate_id)
    template = get_template(session=session, kind="application_received",
                            language=candidate.language)
    mail = render_template(template, {"candidate_name": name, "job_title": job_title,
                                      "company_name": current_settings().company_name})
    # Keyed by application: applying twice to one job is one application and one mail.
    enqueue_mail(session=session, idempotency_key=f"application-received:{application_id}",
                 kind=OUTBOX_KIND["application_received"], to_address=email,
                 subject=mail.subject, body_text=mail.text, body_html=mail.html,
                 application_id=application_id)


def _published_job(session: Session, reference: str) -> Job | None:
    leading = reference.strip().split("-", 1)[0]
    if not leading.isdigit() or len(leading) > 12:
        return None
    job = session.get(Job, int(leading))
    if job is None or not job.published_on_careers or job.status != JobStatus.open:
        return None
    return job


def _public(job: Job) -> CareersJob:
    return CareersJob(id=job.id, slug=job_slug(job), title=job.title,
                      department=job.department, location=job.location,
                      employment_type=job.employment_type, description=job.description,
                      must_have_skills=list(job.must_have_skills or []),
                      responsibilities=list(job.responsibilities or []))
