"""Auto-fill: turn a job title into a draft job form with the configured AI engine."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from hireops.services.ai.calls import AICallFailed, generate_job
from hireops.services.jobs.records import JobForm, new_job_form


class AutofillFailed(RuntimeError):
    """The engine gave no usable draft; the message says why and where it is recorded."""


@dataclass(frozen=True)
class AutofillDraft:
    form: JobForm
    # Shown to the recruiter, e.g. when the title was not recognised.
    note: str


def autofill_job(*, session: Session, title: str, job_id: int | None = None) -> AutofillDraft:
    """Draft every field of a job from `title`; thresholds keep their defaults."""
    try:
        reply = generate_job(session=session, title=title, subject_type="job", subject_id=job_id)
    except AICallFailed as failure:
        raise AutofillFailed(
            f"Auto-fill failed: {failure}. Nothing was changed; the failed call is listed under "
            "AI usage in Reports."
        ) from failure
    draft, engine = reply.result, reply.call.engine
    form = new_job_form(
        session=session,
        title=title.strip(), department=draft.department, location=draft.location,
        seniority=draft.seniority, description=draft.description,
        must_have_skills=draft.must_have_skills, nice_to_have_skills=draft.nice_to_have_skills,
        responsibilities=draft.responsibilities, qualifications=draft.qualifications,
        generated_by=engine,
    )
    note = draft.notes if not draft.known_role else ""
    return AutofillDraft(form=form, note=note)
