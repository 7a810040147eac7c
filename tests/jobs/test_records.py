"""Jobs: form validation, create, edit with versions and stale scores, close/reopen, listing,
and auto-fill through the configured engine."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from sqlmodel import select

from hireops.config import get_settings
from hireops.models import AICall, Application, Event, Job, JobStatus, Stage
from hireops.services.jobs.autofill import AutofillFailed, autofill_job
from hireops.services.jobs.records import (
    JobForm,
    JobNotFound,
    create_job,
    get_job_or_raise,
    job_to_form,
    list_jobs,
    set_job_status,
    update_job,
)
from tests.factories import make_application, make_candidate


def _job(session, actor, title="Backend Engineer", **fields) -> Job:
    return create_job(session=session, form=JobForm(title=title, **fields), actor=actor)


def _application(session, job: Job, stage: Stage = Stage.new,
                 resume_score: float | None = None) -> Application:
    candidate = make_candidate(session, full_name="Cand", email="c@example.com")
    application = make_application(session, candidate=candidate, job=job, stage=stage,
                                            resume_score=resume_score)
    session.commit()
    return application


def _events(session, action: str) -> list[Event]:
    return list(session.exec(select(Event).where(Event.action == action).order_by(Event.id)))


# --- the form ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "fields",
    [
        {"title": "A"},
        {"title": "   A  "},
        {"title": "    "},
        {"title": "Engineer", "resume_min": 101},
        {"title": "Engineer", "interview_min": -1},
        {"title": "Engineer", "resume_weight": 1.5},
        {"title": "Engineer", "reject_below": 76},  # above interview_min 75
        {"title": "Engineer", "resume_min": 40, "reject_below": 45},
    ],
)
def test_job_form_rejects_bad_values(fields):
    with pytest.raises(ValidationError):
        JobForm(**fields)


def test_job_form_cleans_lists_and_derives_interview_weight():
    form = JobForm(title="  Data Analyst ", must_have_skills=[" SQL ", "", "sql", "  ", "Python"],
                   custom_questions=["Why us?", "why us?"], resume_weight=0.3,
                   reject_below=75)
    assert form.title == "Data Analyst"
    assert form.must_have_skills == ["SQL", "Python"]
    assert form.custom_questions == ["Why us?"]
    assert form.interview_weight == pytest.approx(0.7)
    assert JobForm(title="Data Analyst").interview_weight == pytest.approx(0.6)


# --- create / update / status --------------------------------------------------------------

def test_create_job_stores_the_form_and_records_an_event(session, actor):
    job = _job(session, actor, must_have_skills=["Python"], resume_weight=0.25)
    stored = get_job_or_raise(session=session, job_id=job.id)
    assert stored.status == JobStatus.open
    assert stored.version == 1
    assert stored.must_have_skills == ["Python"]
    assert stored.interview_weight == pytest.approx(0.75)
    assert stored.created_by_id == actor.id
    [event] = _events(session, "job.created")
    assert (event.entity_type, event.entity_id) == ("job", job.id)
    assert event.after == {"title": "Backend Engineer", "status": "open"}
    assert event.actor_user_id == actor.id


def test_get_job_or_raise_unknown_id(session):
    with pytest.raises(JobNotFound, match="Job 999 does not exist"):
        get_job_or_raise(session=session, job_id=999)


def test_update_job_bumps_version_records_changes_and_marks_scores_stale(session, actor):
    job = _job(session, actor, must_have_skills=["Python"])
    scored = _application(session, job, Stage.matched, resume_score=72.0)
    unscored = _application(session, job)
    other_job = _job(session, actor, title="Designer")
    other = _application(session, other_job, Stage.matched, resume_score=60.0)

    form = job_to_form(job).model_copy(update={"title": "Senior Backend Engineer",
                                               "must_have_skills": ["Python", "SQL"],
                                               "resume_weight": 0.5})
    updated = update_job(session=session, job_id=job.id, form=form, actor=actor)

    assert updated.version == 2
    assert updated.title == "Senior Backend Engineer"
    assert updated.interview_weight == pytest.approx(0.5)
    [event] = _events(session, "job.updated")
    assert event.before == {"title": "Backend Engineer", "must_have_skills": ["Python"],
                            "resume_weight": 0.4}
    assert event.after == {"title": "Senior Backend Engineer",
                           "must_have_skills": ["Python", "SQL"], "resume_weight": 0.5}
    assert "version 2" in event.note and "1 score(s) marked stale" in event.note
    session.expunge_all()
    assert session.get(Application, scored.id).resume_stale is True
    assert session.get(Application, unscored.id).resume_stale is False
    assert session.get(Application, other.id).resume_stale is False


def test_update_job_without_changes_does_nothing(session, actor):
    job = _job(session, actor, must_have_skills=["Python"])
    scored = _application(session, job, Stage.matched, resume_score=72.0)
    unchanged = update_job(session=session, job_id=job.id, form=job_to_form(job), actor=actor)
    assert unchanged.version == 1
    assert _events(session, "job.updated") == []
    session.expunge_all()
    assert session.get(Application, scored.id).resume_stale is False
    with pytest.raises(JobNotFound):
        update_job(session=session, job_id=999, form=JobForm(title="Xx"), actor=actor)


def test_close_and_reopen_job(session, actor):
    job = _job(session, actor)
    closed = set_job_status(session=session, job_id=job.id, status=JobStatus.closed, actor=actor)
    assert closed.status == JobStatus.closed
    assert closed.closed_at is not None
    again = set_job_status(session=session, job_id=job.id, status=JobStatus.closed, actor=actor)
    assert again.status == JobStatus.closed
    assert len(_events(session, "job.closed")) == 1

    reopened = set_job_status(session=session, job_id=job.id, status=JobStatus.open, actor=actor)
    session.expunge_all()
    stored = session.get(Job, job.id)
    assert stored.status == JobStatus.open and stored.closed_at is None
    [close_event] = _events(session, "job.closed")
    [reopen_event] = _events(session, "job.reopened")
    assert (close_event.before, close_event.after) == ({"status": "open"}, {"status": "closed"})
    assert (reopen_event.before, reopen_event.after) == ({"status": "closed"}, {"status": "open"})
    assert reopened.version == 1  # status is not an edit of the posting


# --- listing -------------------------------------------------------------------------------

def test_list_jobs_counts_filters_and_searches(session, actor):
    backend = _job(session, actor, title="Backend Engineer")
    designer = _job(session, actor, title="Product Designer")
    empty = _job(session, actor, title="Data Engineer")
    for stage in (Stage.new, Stage.matched, Stage.interview_link_sent, Stage.screened,
                  Stage.shortlisted, Stage.shortlisted, Stage.rejected):
        _application(session, backend, stage)
    _application(session, designer, Stage.screening_scheduled, resume_score=50)
    set_job_status(session=session, job_id=designer.id, status=JobStatus.closed, actor=actor)
    update_job(session=session, job_id=designer.id,
               form=JobForm(title="Product Designer", location="Berlin"), actor=actor)

    rows = {row.id: row for row in list_jobs(session=session)}
    assert (rows[backend.id].applications, rows[backend.id].in_interview,
            rows[backend.id].shortlisted) == (7, 2, 2)
    assert (rows[designer.id].applications, rows[designer.id].in_interview,
            rows[designer.id].shortlisted, rows[designer.id].stale_scores) == (1, 1, 0, 1)
    assert (rows[empty.id].applications, rows[empty.id].in_interview) == (0, 0)
    assert rows[designer.id].status == "closed"
    # Open jobs come before closed ones.
    assert [row.id for row in list_jobs(session=session)][-1] == designer.id

    assert [row.id for row in list_jobs(session=session, status="closed")] == [designer.id]
    assert {row.id for row in list_jobs(session=session, status="open")} == {backend.id, empty.id}
    assert {row.id for row in list_jobs(session=session, search=" engineer ")} == {
        backend.id, empty.id}
    assert list_jobs(session=session, search="nothing like it") == []


# --- auto-fill -----------------------------------------------------------------------------

def test_autofill_local_unknown_title_gives_generic_draft_with_note(session):
    pytest.importorskip("hireops.services.ai.local.job_generator")
    draft = autofill_job(session=session, title="  Chief Happiness Wizard ")
    assert draft.form.title == "Chief Happiness Wizard"
    assert draft.form.must_have_skills
    assert draft.form.generated_by == "local"
    assert draft.note
    assert draft.form.resume_min == 80  # thresholds keep their defaults
    call = session.exec(select(AICall)).one()
    assert (call.agent, call.engine, call.status) == ("job_generator", "local", "ok")


def test_autofill_local_known_title_has_no_note(session):
    pytest.importorskip("hireops.services.ai.local.job_generator")
    draft = autofill_job(session=session, title="Senior Backend Engineer")
    assert draft.note == ""
    assert len(draft.form.must_have_skills) >= 3


def test_autofill_with_unreachable_mistral_fails_and_records_the_call(session, monkeypatch):
    for name, value in {"JOB_GENERATOR_ENGINE": "mistral", "MISTRAL_API_KEY": "x",
                        "MISTRAL_SERVER_URL": "http://127.0.0.1:9", "MISTRAL_TIMEOUT_S": "1",
                        "MISTRAL_MAX_RETRIES": "0"}.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    with pytest.raises(AutofillFailed, match="Auto-fill failed") as failure:
        autofill_job(session=session, title="Backend Engineer", job_id=None)
    assert "Nothing was changed" in str(failure.value)
    call = session.exec(select(AICall)).one()
    assert (call.agent, call.engine, call.status) == ("job_generator", "mistral", "failed")
    assert call.error
    assert call.subject_type == "job"
    assert session.exec(select(Job)).all() == []
