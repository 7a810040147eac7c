"""An application from the careers form: the same pipeline as mail and the API (stored once,
deduplicated, scored, audited, source "Careers page"), its acknowledgement through the outbox to
a real SMTP server, and what strangers can not do with the form."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import Application, Attachment, Candidate, Event, OutboxMessage
from hireops.services.inbox.api_intake import ResumeUpload
from hireops.services.jobs.careers import (
    SOURCE,
    ApplicationForm,
    ApplicationRefused,
    get_published_job,
    job_slug,
    list_published_jobs,
    set_job_published,
    submit_application,
)
from hireops.services.outreach.email_templates import save_template
from hireops.services.candidates.equal_opportunities import EXAMPLE_QUESTIONS, save_questions
from hireops.services.mail.sender import configured_sender
from hireops.services.outreach.outbox import deliver_due
from tests.jobs.careers.conftest import docx_resume
from tests.fakes.smtp_server import FakeSmtpServer, smtp_server  # noqa: F401  (fixture)

CLIENT = "203.0.113.7"


def _plain_resume(number: int) -> ResumeUpload:
    return ResumeUpload(f"cv-{number}.txt", "text/plain",
                        f"Person {number}, Go and Kubernetes engineer, six years.\n".encode())


def _form(job, **changes) -> ApplicationForm:
    values = dict(job_ref=job_slug(job), name="Jane Doe", email="Jane.Doe@Example.com",
                  phone="+49 151 2345678", note="Available from March.", consent=True,
                  resume=docx_resume())
    values.update(changes)
    return ApplicationForm(**values)


def test_application_is_stored_scored_audited_and_acknowledged(session: Session, published_job):
    outcome = submit_application(session=session, form=_form(published_job), client=CLIENT)

    application = session.get(Application, outcome.application_id)
    candidate = session.get(Candidate, outcome.candidate_id)
    assert application.job_id == published_job.id and application.source == SOURCE
    assert candidate.source == SOURCE and candidate.email_normalized == "jane.doe@example.com"
    assert "Paystream" in candidate.resume_text  # read from the DOCX
    assert application.resume_score is not None and application.resume_result["match"]
    attachment = session.get(Attachment, candidate.resume_attachment_id)
    assert attachment.filename == "jane-doe.docx" and attachment.candidate_id == candidate.id
    actions = set(session.exec(select(Event.action)).all())
    assert {"candidate.created", "application.created",
            "application.note_from_candidate"} <= actions
    [mail] = session.exec(select(OutboxMessage)).all()
    assert mail.kind == "acknowledgement" and mail.to_address == "Jane.Doe@Example.com"
    assert mail.application_id == application.id
    assert "Senior Backend Engineer" in mail.subject and "Jane Doe" in mail.body_text


def test_applying_twice_is_one_candidate_one_application_one_mail(session, published_job):
    first = submit_application(session=session, form=_form(published_job), client=CLIENT)
    again = submit_application(session=session, client=CLIENT, form=_form(
        published_job, email="jane.doe@example.com", resume=docx_resume(name="cv-v2.docx")))

    assert (again.candidate_id, again.application_id) == (first.candidate_id,
                                                          first.application_id)
    assert len(session.exec(select(Candidate)).all()) == 1
    assert len(session.exec(select(Application)).all()) == 1
    assert len(session.exec(select(OutboxMessage)).all()) == 1


def test_acknowledgement_reaches_a_real_smtp_server_with_the_edited_template(
        session, published_job, smtp_server: FakeSmtpServer, monkeypatch):  # noqa: F811
    for name, value in (("SMTP_HOST", smtp_server.host), ("SMTP_PORT", str(smtp_server.port)),
                        ("SMTP_SECURITY", "none"), ("SMTP_TIMEOUT_S", "5")):
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    save_template(session=session, kind="application_received", actor=None,
                  subject="Thanks, {candidate_name}",
                  body="Dear {candidate_name}, we have your application for {job_title}.\n\n"
                       "<b>{company_name}</b>")
    submit_application(session=session, client=CLIENT, form=_form(
        published_job, name="<script>alert(1)</script> Doe"))

    assert deliver_due(session=session, sender=configured_sender()).sent == 1
    [received] = smtp_server.messages
    message = received.parsed
    assert received.rcpt_tos == ("Jane.Doe@Example.com",)
    assert message["Subject"] == "Thanks, <script>alert(1)</script> Doe"
    html_part = message.get_body(("html",)).get_content()
    assert "<script>" not in html_part and "&lt;script&gt;" in html_part
    assert "we have your application for Senior Backend Engineer." in \
        message.get_body(("plain",)).get_content()


def test_equal_opportunities_answers_are_kept_apart_and_checked(session, published_job):
    save_questions(session=session, questions=EXAMPLE_QUESTIONS[:2], actor=None)
    outcome = submit_application(session=session, client=CLIENT, form=_form(
        published_job, answers={"gender": "Woman", "age_band": ""}))
    assert session.get(Candidate, outcome.candidate_id).self_reported == {"gender": "Woman"}

    with pytest.raises(ApplicationRefused) as refused:
        submit_application(session=session, client=CLIENT, form=_form(
            published_job, email="other@example.com", phone="", answers={"gender": "Robot"},
            resume=_plain_resume(1)))
    assert refused.value.code == "answers"
    assert session.exec(select(Candidate).where(
        Candidate.email_normalized == "other@example.com")).first() is None


def test_honeypot_accepts_and_drops(session, published_job):
    outcome = submit_application(session=session, client=CLIENT,
                                 form=_form(published_job, honeypot="http://spam.example"))
    assert outcome.application_id is None
    assert session.exec(select(Candidate)).all() == []
    assert session.exec(select(OutboxMessage)).all() == []


def test_rate_limit_per_client_address(session, published_job, monkeypatch):
    monkeypatch.setenv("CAREERS_APPLY_LIMIT", "3")
    get_settings.cache_clear()
    for i in range(3):
        submit_application(session=session, client=CLIENT,
                           form=_form(published_job, email=f"person{i}@example.com",
                                      phone="", resume=_plain_resume(i)))
    with pytest.raises(ApplicationRefused) as refused:
        submit_application(session=session, client=CLIENT,
                           form=_form(published_job, email="person9@example.com"))
    assert refused.value.code == "rate_limited" and refused.value.retry_after_s > 0
    # Another address still gets through.
    submit_application(session=session, client="198.51.100.4",
                       form=_form(published_job, email="person9@example.com", phone="",
                                  resume=_plain_resume(9)))
    assert len(session.exec(select(Candidate)).all()) == 4


@pytest.mark.parametrize(("changes", "code"), [
    ({"consent": False}, "consent"),
    ({"name": " "}, "name"),
    ({"email": "jane at example"}, "email"),
    ({"email": "jane@localhost"}, "email"),
    ({"resume": None}, "resume_missing"),
    ({"resume": ResumeUpload("cv.exe", "application/octet-stream", b"MZ\x90\x00")},
     "resume_type"),
    ({"resume": ResumeUpload("cv.pdf", "application/pdf", b"%PDF-1.7 this is not a pdf")},
     "resume_unreadable"),
    ({"note": "x" * 4001}, "note"),
])
def test_refused_forms_store_nothing(session, published_job, changes, code):
    with pytest.raises(ApplicationRefused) as refused:
        submit_application(session=session, client=CLIENT, form=_form(published_job, **changes))
    assert refused.value.code == code
    assert session.exec(select(Candidate)).all() == []
    assert session.exec(select(OutboxMessage)).all() == []


def test_resume_over_the_size_limit_is_refused(session, published_job, monkeypatch):
    monkeypatch.setenv("CAREERS_MAX_UPLOAD_BYTES", "2048")
    get_settings.cache_clear()
    big = ResumeUpload("cv.txt", "text/plain", b"Python engineer. " * 200)
    with pytest.raises(ApplicationRefused) as refused:
        submit_application(session=session, client=CLIENT, form=_form(published_job, resume=big))
    assert refused.value.code == "resume_too_large"


def test_only_published_open_jobs_are_listed_and_take_applications(session, published_job):
    assert [job.id for job in list_published_jobs(session=session)] == [published_job.id]
    assert get_published_job(session=session, reference=str(published_job.id)) is not None

    set_job_published(session=session, job_id=published_job.id, published=False, actor=None)
    assert list_published_jobs(session=session) == []
    with pytest.raises(ApplicationRefused) as refused:
        submit_application(session=session, form=_form(published_job), client=CLIENT)
    assert refused.value.code == "closed"
    assert session.exec(select(Event.action).where(
        Event.action == "job.careers_unpublished")).one()
    for reference in ("", "abc", "-1", "99999", "1" * 40):
        assert get_published_job(session=session, reference=reference) is None
