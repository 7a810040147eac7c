"""Creating and editing a job, with AI auto-fill from the title."""

from __future__ import annotations

import asyncio

import reflex as rx
from pydantic import ValidationError

from hireops import routes
from hireops.config import (
    DEFAULT_INTERVIEW_MIN, DEFAULT_REJECT_BELOW, DEFAULT_RESUME_MIN, DEFAULT_RESUME_WEIGHT,
)
from hireops.db import session_scope
from hireops.services.jobs.careers import job_slug, set_job_published
from hireops.services.jobs.autofill import AutofillFailed, autofill_job
from hireops.services.interviews.recordings import set_job_recording
from hireops.services.jobs.records import (
    JobForm, JobNotFound, create_job, get_job_or_raise, job_to_form, new_job_form, update_job,
)
from hireops.services.platform.labels import engine_label
from hireops.services.platform.validation_words import FieldWording, describe_errors
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.auth import AuthState
from hireops.state.common_setters import switch_setter

# Form fields edited as free text; list fields hold one entry per line.
TEXT_FIELDS = ("title", "department", "location", "seniority", "employment_type", "description")
LIST_FIELDS = ("must_have_skills", "nice_to_have_skills", "responsibilities", "qualifications",
               "custom_questions", "knockout_requirements")
NUMBER_FIELDS = ("resume_min", "interview_min", "reject_below", "resume_weight_pct",
                 "scorecard_weight_pct")
# The fields as the job editor labels them; the weights are shown as percentages.
FIELD_WORDING = {
    "title": FieldWording("Job title"),
    "resume_min": FieldWording("Resume minimum"),
    "interview_min": FieldWording("Interview minimum"),
    "reject_below": FieldWording("Reject below"),
    "resume_weight": FieldWording("Resume weight", scale=100, unit=" %"),
    "scorecard_weight": FieldWording("Scorecard weight", scale=100, unit=" %"),
    "must_have_skills": FieldWording("Must-have skills"),
    "nice_to_have_skills": FieldWording("Nice-to-have skills"),
    "custom_questions": FieldWording("Custom screening questions"),
    "knockout_requirements": FieldWording("Knockout requirements"),
}


class JobEditorState(AuthState):
    # 0 while creating a new job.
    job_id: int = 0
    version: int = 0
    title: str = ""
    department: str = ""
    location: str = ""
    seniority: str = ""
    employment_type: str = "Full-time"
    description: str = ""
    must_have_skills: str = ""
    nice_to_have_skills: str = ""
    responsibilities: str = ""
    qualifications: str = ""
    custom_questions: str = ""
    knockout_requirements: str = ""
    # Until `load` fills them in: the defaults, as the form shows them.
    resume_min: str = f"{DEFAULT_RESUME_MIN:g}"
    interview_min: str = f"{DEFAULT_INTERVIEW_MIN:g}"
    reject_below: str = f"{DEFAULT_REJECT_BELOW:g}"
    resume_weight_pct: str = f"{DEFAULT_RESUME_WEIGHT * 100:g}"
    # The interviewers' scorecards' share of the final score, in percent (0: not counted).
    scorecard_weight_pct: str = "0"
    blind_screening: bool = False
    # Listed on the public careers page (saved apart from the form: no new job version).
    published_on_careers: bool = False
    # Record interviews (with the candidate's own consent) for HR's review; saved apart too.
    record_interviews: bool = False
    # The job's address on the careers page ("" until saved).
    careers_path: str = ""
    # Which engine filled the form ("" when typed by hand).
    generated_by: str = ""
    # The same in words ("Built-in engine", "Mistral").
    generated_by_label: str = ""
    # What auto-fill wants the recruiter to know (e.g. an unrecognised title).
    autofill_note: str = ""
    autofilling: bool = False
    error: str = ""

    @rx.var
    def description_words(self) -> int:
        return len(self.description.split())

    @rx.var
    def interview_weight_pct(self) -> str:
        try:
            return f"{100 - float(self.resume_weight_pct):g}"
        except ValueError:
            return "?"

    @event_for(*READ_ROLES)
    def load(self):
        """Fill the form from the job in ?id=, or empty it for a new job."""
        self.error = self.autofill_note = ""
        self.autofilling = False
        raw_id = self.router.url.query_parameters.get("id", "")
        if not raw_id:
            self.job_id, self.version = 0, 0
            self.published_on_careers, self.careers_path = False, ""
            self.record_interviews = False
            with session_scope() as session:
                self._fill(new_job_form(session=session, title="Untitled"))
            self.title = ""
            return
        try:
            with session_scope() as session:
                job = get_job_or_raise(session=session, job_id=int(raw_id))
                self.job_id, self.version = job.id, job.version
                self.published_on_careers = job.published_on_careers
                self.record_interviews = job.record_interviews
                self.careers_path = routes.careers_job(job_slug(job))
                self._fill(job_to_form(job))
        except (ValueError, JobNotFound):
            return [rx.toast.error("That job does not exist."), rx.redirect(routes.JOBS)]

    @event_for(*WRITE_ROLES)
    def set_field(self, name: str, value: str):
        if name in TEXT_FIELDS or name in LIST_FIELDS or name in NUMBER_FIELDS:
            setattr(self, name, str(value)[:20000])

    set_blind_screening = switch_setter("blind_screening", requires(*WRITE_ROLES))
    set_published_on_careers = switch_setter("published_on_careers", requires(*WRITE_ROLES))
    set_record_interviews = switch_setter("record_interviews", requires(*WRITE_ROLES))

    @rx.event(background=True)
    @requires(*WRITE_ROLES)
    async def autofill(self):
        """Draft the job from its title with the configured engine, off the event loop."""
        async with self:
            title = self.title.strip()
            if len(title) < 2:
                self.error = "Type a job title first, then auto-fill."
                return
            self.autofilling, self.error, self.autofill_note = True, "", ""
            job_id = self.job_id or None
        try:
            draft = await asyncio.to_thread(_autofill, title, job_id)
        except AutofillFailed as failure:
            async with self:
                self.autofilling = False
                self.error = str(failure)
            return
        async with self:
            self.autofilling = False
            self._fill(draft.form)
            self.autofill_note = draft.note
        return rx.toast.success(f"Drafted by the AI engine ({engine_label(draft.form.generated_by)})."
                                " Review it, then save.")

    @event_for(*WRITE_ROLES)
    def save(self):
        try:
            form = self._form()
        except ValidationError as invalid:
            self.error = _describe(invalid)
            return
        except ValueError as invalid:
            self.error = str(invalid)
            return
        with session_scope() as session:
            if self.job_id:
                job = update_job(session=session, job_id=self.job_id, form=form,
                                 actor=current_actor())
            else:
                job = create_job(session=session, form=form, actor=current_actor())
            set_job_published(session=session, job_id=job.id,
                              published=self.published_on_careers, actor=current_actor())
            set_job_recording(session=session, job_id=job.id, enabled=self.record_interviews,
                              actor=current_actor())
            title = job.title
        self.error = ""
        return [rx.toast.success(f"Saved {title}."), rx.redirect(routes.JOBS)]

    def _fill(self, form: JobForm) -> None:
        for name in TEXT_FIELDS:
            setattr(self, name, getattr(form, name))
        for name in LIST_FIELDS:
            setattr(self, name, "\n".join(getattr(form, name)))
        self.resume_min = f"{form.resume_min:g}"
        self.interview_min = f"{form.interview_min:g}"
        self.reject_below = f"{form.reject_below:g}"
        self.resume_weight_pct = f"{form.resume_weight * 100:g}"
        self.scorecard_weight_pct = f"{form.scorecard_weight * 100:g}"
        self.blind_screening = form.blind_screening
        self.generated_by = form.generated_by
        self.generated_by_label = engine_label(form.generated_by) if form.generated_by else ""

    def _form(self) -> JobForm:
        values: dict = {name: getattr(self, name) for name in TEXT_FIELDS}
        values.update({name: getattr(self, name).splitlines() for name in LIST_FIELDS})
        for name in ("resume_min", "interview_min", "reject_below"):
            values[name] = _number(getattr(self, name), FIELD_WORDING[name].label)
        values["resume_weight"] = _number(self.resume_weight_pct,
                                          FIELD_WORDING["resume_weight"].label) / 100
        values["scorecard_weight"] = _number(self.scorecard_weight_pct,
                                             FIELD_WORDING["scorecard_weight"].label) / 100
        values["blind_screening"] = self.blind_screening
        values["generated_by"] = self.generated_by
        return JobForm.model_validate(values)


def _autofill(title: str, job_id: int | None):
    with session_scope() as session:
        return autofill_job(session=session, title=title, job_id=job_id)


def _number(text: str, label: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{label} must be a number.") from None


def _describe(invalid: ValidationError) -> str:
    return "Please fix: " + describe_errors(invalid.errors(), FIELD_WORDING) + "."
