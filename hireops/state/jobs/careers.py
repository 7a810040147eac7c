"""The public careers pages: no sign-in, read-only. The apply form itself is posted to the
server (hireops.api.careers_routes), which sends the browser to the thank-you page or back
here with the reason in the address."""

from __future__ import annotations

import reflex as rx

from hireops.config import get_settings
from hireops.db import session_scope
from hireops.services.jobs.careers import (
    MAX_NOTE_CHARS,
    CareersJob,
    get_published_job,
    list_published_jobs,
    privacy_notice,
)
from hireops.services.candidates.equal_opportunities import Question, questions
from hireops.services.text.language.supported import supported_language
from hireops.services.text.language.text_files import text_in, texts_in
from hireops.services.platform.runtime_settings import current_settings

# What the apply route's `?error=` codes mean to the candidate at the form.
APPLY_ERRORS = {
    "closed": "This job is no longer open for applications.",
    "resume_missing": "Attach your resume (PDF, DOCX or TXT).",
    "resume_too_large": "Your resume is larger than {limit} MB. Send a smaller file.",
    "resume_type": "Send your resume as a PDF, DOCX or TXT file.",
    "resume_unreadable": "We could not read your resume (it may be damaged, protected by a "
                         "password, or a scan without text). Try another file.",
    "name": "Enter your full name.",
    "email": "Enter a valid email address, like name@example.com.",
    "phone": "That phone number is too long.",
    "note": f"Keep the note under {MAX_NOTE_CHARS:,} characters.",
    "consent": "Tick the box to agree to the privacy notice: we cannot consider your "
               "application without it.",
    "answers": "One of the optional questions had an answer we do not offer. Choose again.",
    "rate_limited": "Too many applications were sent from your connection. Try again in "
                    "{wait} min.",
}


class CareersState(rx.State):
    # The employer's name, from Settings.
    company_name: str = ""
    # Published open jobs, for the list.
    jobs: list[CareersJob] = []
    # The job whose page is open; None when the address names no published job.
    job: CareersJob | None = None
    # False until the job page has looked the job up (so "not found" does not flash).
    job_loaded: bool = False
    # The optional equal-opportunities questions (empty: none asked).
    equal_questions: list[Question] = []
    # Why the last application was not accepted.
    error: str = ""
    # The job title on the thank-you page.
    applied_title: str = ""
    # The thank-you page's texts in the candidate's language (knowledge/data/careers).
    thanks: dict[str, str] = texts_in("careers", "en")
    # The privacy notice, (heading, paragraph) pairs.
    notice: list[tuple[str, str]] = []
    # The resume size limit, shown beside the upload field.
    max_upload_mb: str = ""

    @rx.var
    def apply_action(self) -> str:
        return f"/careers/apply?job={self.job.slug}" if self.job is not None else ""

    @rx.event
    def open_list(self):
        """Load the published open jobs."""
        self.company_name = current_settings().company_name
        with session_scope() as session:
            self.jobs = list_published_jobs(session=session)

    @rx.event
    def open_job(self):
        """Load the job named in the address, the optional questions and the last refusal."""
        self.company_name = current_settings().company_name
        self.max_upload_mb = f"{get_settings().careers_max_upload_bytes / (1024 * 1024):g}"
        reference = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        with session_scope() as session:
            self.job = get_published_job(session=session, reference=reference)
            self.equal_questions = questions(session=session)
        self.job_loaded = True
        params = self.router.url.query_parameters
        wait = str(params.get("wait", ""))
        minutes = str(max(1, round(int(wait) / 60))) if wait.isdigit() else "a few"
        self.error = APPLY_ERRORS.get(str(params.get("error", "")), "").format(
            limit=self.max_upload_mb, wait=minutes)

    @rx.event
    def open_thanks(self):
        self.company_name = current_settings().company_name
        reference = str(self.router.url.query_parameters.get("job", ""))
        with session_scope() as session:
            job = get_published_job(session=session, reference=reference)
        self.applied_title = job.title if job is not None else ""
        # Only a language HireOps speaks; anything else in the address reads as English.
        language = supported_language(self.router.url.query_parameters.get("lang", ""))
        self.thanks = {**texts_in("careers", language), "thanks_received": text_in(
            "careers", language, "thanks_received", job_title=self.applied_title)}

    @rx.event
    def open_privacy(self):
        self.company_name = current_settings().company_name
        self.notice = privacy_notice()
