"""Each job's stages: the fixed pipeline, HR's own steps (add, rename, reorder, remove), the
built-in ends, and the company default copied onto new jobs."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from hireops.models import Application, Event, Job, JobStageConfig, Stage
from hireops.services.jobs.job_stages import (
    MAX_LABEL_CHARS,
    StageConfigError,
    add_stage,
    arrange,
    job_stages,
    move_stage,
    remove_stage,
    rename_stage,
)
from hireops.services.jobs.records import JobForm, create_job
from hireops.services.candidates.tracker import TrackerFilter, TrackerSort, query_tracker
from hireops.services.candidates.tracker import move_stage as move_applications
from tests.factories import make_candidate, make_job

PIPELINE = ["new", "classified", "matched", "interview_link_sent", "screened",
            "screening_scheduled"]
ENDS = ["offer", "hired", "withdrawn", "rejected"]


def _keys(stages) -> list[str]:
    return [stage.key for stage in stages]


def _job(session: Session, title: str = "Data Engineer") -> Job:
    return create_job(session=session, form=JobForm(title=title), actor=None)


def test_the_built_in_flow_has_the_pipeline_then_shortlist_then_offer_hired_withdrawn_rejected(
        session):
    stages = job_stages(session=session, job_id=None)
    assert _keys(stages) == [*PIPELINE, "shortlisted", *ENDS]
    assert [s.position for s in stages] == list(range(len(stages)))
    assert {s.key: s.kind for s in stages}["screened"] == "pipeline"
    assert {s.key: s.kind for s in stages}["shortlisted"] == "custom"
    assert [s.kind for s in stages[-4:]] == ENDS
    assert [s.label for s in stages[-4:]] == ["Offer", "Hired", "Withdrawn", "Rejected"]


def test_add_rename_reorder_and_remove_a_jobs_own_stages(session, recruiter):
    job = _job(session)
    technical = add_stage(session=session, job_id=job.id, label="Technical interview",
                          actor=recruiter)
    references = add_stage(session=session, job_id=job.id, label="Reference check",
                           actor=recruiter)
    assert technical.key == "custom_technical_interview"
    assert _keys(job_stages(session=session, job_id=job.id)) == [
        *PIPELINE, "shortlisted", technical.key, references.key, *ENDS]

    move_stage(session=session, job_id=job.id, key=references.key, offset=-1, actor=recruiter)
    move_stage(session=session, job_id=job.id, key="shortlisted", offset=+5, actor=recruiter)
    assert _keys(job_stages(session=session, job_id=job.id)) == [
        *PIPELINE, references.key, technical.key, "shortlisted", *ENDS]

    rename_stage(session=session, job_id=job.id, key="offer", label="Offer made",
                 actor=recruiter)
    renamed = rename_stage(session=session, job_id=job.id, key=technical.key,
                           label="Tech deep-dive", actor=recruiter)
    assert (renamed.key, renamed.label) == (technical.key, "Tech deep-dive")
    labels = {s.key: s.label for s in job_stages(session=session, job_id=job.id)}
    assert labels["offer"] == "Offer made"

    remove_stage(session=session, job_id=job.id, key=references.key, actor=recruiter)
    assert references.key not in _keys(job_stages(session=session, job_id=job.id))
    # Audited on the job, with who did it.
    events = session.exec(select(Event).where(Event.action == "job.stages_changed",
                                              Event.entity_id == job.id)).all()
    assert len(events) == 7 and all(e.actor_user_id == recruiter.id for e in events)


def test_the_pipeline_and_the_ends_keep_their_places(session, recruiter):
    job = _job(session)
    with pytest.raises(StageConfigError, match="reordered"):
        move_stage(session=session, job_id=job.id, key="screened", offset=3, actor=recruiter)
    with pytest.raises(StageConfigError, match="built in"):
        remove_stage(session=session, job_id=job.id, key="hired", actor=recruiter)
    with pytest.raises(StageConfigError, match="built in"):
        remove_stage(session=session, job_id=job.id, key="shortlisted", actor=recruiter)
    # Stored rows that lost a built-in stage or put one out of place are read back whole.
    assert _keys(arrange([("hired", "Hired!"), ("custom_x", "X"), ("new", "Inbox")])) == [
        *PIPELINE, "shortlisted", "custom_x", *ENDS]


def test_a_stage_with_applications_in_it_cannot_be_removed(session, recruiter):
    job = _job(session)
    stage = add_stage(session=session, job_id=job.id, label="Technical interview",
                      actor=recruiter)
    candidate = make_candidate(session, full_name="Ada", email="")
    session.add(Application(candidate_id=candidate.id, job_id=job.id, stage=stage.key))
    session.commit()
    with pytest.raises(StageConfigError, match="1 application"):
        remove_stage(session=session, job_id=job.id, key=stage.key, actor=recruiter)


def test_the_company_default_is_copied_to_new_jobs_only(session, recruiter):
    older = _job(session, "Older job")
    add_stage(session=session, job_id=None, label="Culture chat", actor=recruiter)
    rename_stage(session=session, job_id=None, key="hired", label="Joined", actor=recruiter)
    newer = _job(session, "Newer job")

    newer_stages = {s.key: s.label for s in job_stages(session=session, job_id=newer.id)}
    assert newer_stages["custom_culture_chat"] == "Culture chat"
    assert newer_stages["hired"] == "Joined"
    # The older job kept its copy of the default from its creation.
    assert "custom_culture_chat" not in _keys(job_stages(session=session, job_id=older.id))
    # Editing the default later leaves the newer job as it was.
    add_stage(session=session, job_id=None, label="Team lunch", actor=recruiter)
    assert "custom_team_lunch" not in _keys(job_stages(session=session, job_id=newer.id))
    assert session.exec(select(JobStageConfig).where(
        JobStageConfig.job_id == newer.id)).first() is not None


def test_a_job_without_rows_of_its_own_follows_the_default(session, recruiter):
    job = make_job(session, title="Made before stages existed")
    session.commit()
    add_stage(session=session, job_id=None, label="Portfolio review", actor=recruiter)
    assert "custom_portfolio_review" in _keys(job_stages(session=session, job_id=job.id))


@pytest.mark.parametrize("label, problem", [
    ("", "name"), ("   \n\t ", "name"), ("x" * (MAX_LABEL_CHARS + 1), "at most"),
    ("shortlisted", "already"), ("OFFER", "already")])
def test_bad_names_are_refused(session, recruiter, label, problem):
    job = _job(session)
    with pytest.raises(StageConfigError, match=problem):
        add_stage(session=session, job_id=job.id, label=label, actor=recruiter)


def test_names_are_kept_as_one_line_of_plain_text(session, recruiter):
    job = _job(session)
    stage = add_stage(session=session, job_id=job.id,
                      label="<script>alert(1)</script>\x00\x1b[31m Ré\u200bf", actor=recruiter)
    # Control and invisible characters go; markup stays text (pages escape it); the key is
    # plain ASCII.
    assert stage.label == "<script>alert(1)</script>[31m Réf"
    assert stage.key == "custom_script_alert_1_scrip"
    assert stage.key.isascii() and len(stage.key) <= 30


def test_applications_move_into_a_jobs_own_stage_and_show_its_name(session, recruiter):
    job = _job(session)
    other = _job(session, "Other job")
    stage = add_stage(session=session, job_id=job.id, label="Technical interview",
                      actor=recruiter)
    candidate = make_candidate(session, full_name="Ada", email="ada@example.test")
    mine = Application(candidate_id=candidate.id, job_id=job.id, stage=Stage.shortlisted)
    theirs = Application(candidate_id=candidate.id, job_id=other.id, stage=Stage.shortlisted)
    session.add_all([mine, theirs])
    session.commit()

    assert move_applications(session=session, application_ids=[mine.id], stage=stage.key,
                             actor=recruiter) == 1
    # Another job has no such stage.
    with pytest.raises(ValueError, match="not one of this job's stages"):
        move_applications(session=session, application_ids=[theirs.id], stage=stage.key,
                          actor=recruiter)
    with pytest.raises(ValueError, match="Unknown stage"):
        move_applications(session=session, application_ids=[theirs.id], stage="archived",
                          actor=recruiter)
    rows = query_tracker(session=session, filter=TrackerFilter(job_ids=[job.id]),
                         sort=TrackerSort(column="stage")).rows
    assert [(r.stage, r.stage_label) for r in rows] == [(stage.key, "Technical interview")]
