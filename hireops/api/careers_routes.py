"""The careers page's apply form, posted by the browser as a plain multipart form.

A plain post (not a Reflex upload) so the page works the way every job site does: the browser
sends the resume with the form, the server answers with a redirect to the thank-you page, or
back to the form with the reason in the address.
"""

from __future__ import annotations

import string
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from hireops import routes
from hireops.api.auth import request_client_address
from hireops.config import get_settings
from hireops.db import session_scope
from hireops.services.inbox.api_intake import ResumeUpload
from hireops.services.jobs.careers import (
    ApplicationForm,
    ApplicationRefused,
    SubmitOutcome,
    submit_application,
)

router = APIRouter()
# Room for the form's text fields and multipart framing around the resume.
FORM_OVERHEAD_BYTES = 64 * 1024
MAX_FIELD_CHARS = 5000
ANSWER_PREFIX = "eo_"
_SLUG_CHARS = frozenset(string.ascii_lowercase + string.digits + "-")


@router.post(routes.CAREERS_APPLY_ENDPOINT, include_in_schema=False)
async def apply_form(request: Request) -> Response:
    """Store an application from the careers form and show the thank-you page."""
    # In the form's address, not its body, so even a refusal before the body is read can send
    # the person back to the right form.
    job_ref = _job_ref(request.query_params.get("job", ""))
    if not job_ref:
        return PlainTextResponse("Apply from a job's page on the careers page.", 400)
    declared = request.headers.get("content-length", "")
    limit = get_settings().careers_max_upload_bytes
    if declared.isdigit() and int(declared) > limit + FORM_OVERHEAD_BYTES:
        return _back_to_form(job_ref, "resume_too_large")
    form = await request.form(max_files=1, max_fields=40)
    fields = {name: str(value)[:MAX_FIELD_CHARS] for name, value in form.items()
              if not isinstance(value, UploadFile)}
    resume = form.get("resume")
    application = ApplicationForm(
        job_ref=job_ref, name=fields.get("name", ""), email=fields.get("email", ""),
        phone=fields.get("phone", ""), note=fields.get("note", ""),
        consent=fields.get("consent", "") in ("on", "yes", "true"),
        answers={name.removeprefix(ANSWER_PREFIX): value for name, value in fields.items()
                 if name.startswith(ANSWER_PREFIX)},
        # Named like a field a script would fill in; people never see it.
        honeypot=fields.get("website", ""),
        resume=await _read_resume(resume, limit) if isinstance(resume, UploadFile) else None)
    if application.resume is not None and len(application.resume.payload) > limit:
        return _back_to_form(job_ref, "resume_too_large")
    try:
        outcome = await run_in_threadpool(_submit, application, request_client_address(request))
    except ApplicationRefused as refused:
        return _back_to_form(job_ref, refused.code, refused.retry_after_s)
    # The thank-you page in the candidate's language, as their acknowledgement.
    query = {"job": job_ref, "lang": outcome.language}
    return RedirectResponse(f"{routes.CAREERS_THANKS}?{urlencode(query)}", status_code=303)


async def _read_resume(upload: UploadFile, limit: int) -> ResumeUpload | None:
    if not upload.filename:
        return None
    # One byte past the limit tells a file that is too large without reading all of it.
    payload = await upload.read(limit + 1)
    return ResumeUpload(filename=upload.filename, content_type=upload.content_type or "",
                        payload=payload)


def _submit(application: ApplicationForm, client: str) -> SubmitOutcome:
    with session_scope() as session:
        return submit_application(session=session, form=application, client=client)


def _job_ref(text: str) -> str:
    """The job's slug, kept to the characters slugs have, since it goes back into a path."""
    return "".join(c for c in text[:80].lower() if c in _SLUG_CHARS)


def _back_to_form(job_ref: str, code: str, wait_s: int = 0) -> RedirectResponse:
    query = {"error": code}
    if wait_s:
        query["wait"] = str(wait_s)
    return RedirectResponse(f"{routes.careers_job(job_ref)}?{urlencode(query)}",
                            status_code=303)
