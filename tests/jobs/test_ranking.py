"""Ranking per job: order by resume score, unscored last, evidence and gaps, blind masking."""

from __future__ import annotations

import pytest

from hireops.models import Application, Candidate, Stage
from hireops.services.jobs.job_stages import add_stage, rename_stage
from hireops.services.jobs.records import JobForm, JobNotFound, create_job
from hireops.services.jobs.ranking import rank_job
from tests.factories import make_application, make_candidate


def _result(score: float, recommendation: str) -> dict:
    return {"match": {
        "score": score, "recommendation": recommendation, "gaps": ["Go"],
        "evidence": [{"skill": "Python", "resume_evidence": "Built Python services.",
                      "importance": "must_have"}],
    }}


def _apply(session, job, name: str, score: float | None, *, stale=False) -> Application:
    candidate = make_candidate(session, full_name=name,
                               email=f"{name.split()[0].lower()}@example.com")
    application = make_application(
        session, candidate=candidate, job=job, resume_score=score, resume_stale=stale,
        resume_job_version=job.version if score is not None else None,
        resume_result=_result(score, "shortlist" if score and score > 70 else "screen")
        if score is not None else {})
    session.commit()
    return application


def test_ranked_by_score_with_unscored_last(session, actor):
    job = create_job(session=session, actor=actor, form=JobForm(title="Backend Engineer"))
    _apply(session, job, "Low Score", 40)
    _apply(session, job, "No Score", None)
    _apply(session, job, "Top Score", 90, stale=True)

    ranking = rank_job(session=session, job_id=job.id)

    assert ranking.title == "Backend Engineer"
    assert [(r.rank, r.name) for r in ranking.rows] == [
        (1, "Top Score"), (2, "Low Score"), (3, "No Score")]
    top, _, unscored = ranking.rows
    assert (top.score, top.score_label, top.recommendation) == (90, "90", "shortlist")
    assert [(e.skill, e.sentence) for e in top.evidence] == [("Python", "Built Python services.")]
    assert top.gaps == ["Go"] and top.stale and ranking.stale_count == 1
    assert (unscored.score_label, unscored.recommendation, unscored.evidence) == ("—", "", [])
    assert not unscored.stale


def test_blind_job_masks_names(session, actor):
    job = create_job(session=session, actor=actor,
                     form=JobForm(title="Analyst", blind_screening=True))
    application = _apply(session, job, "Ana Silva", 75)

    row = rank_job(session=session, job_id=job.id).rows[0]

    assert row.name == f"Candidate #{application.candidate_id}"
    assert "Ana" not in repr(row)


def test_missing_job_raises(session):
    with pytest.raises(JobNotFound):
        rank_job(session=session, job_id=999)


def test_the_ranking_names_each_stage_as_the_job_does(session, actor):
    job = create_job(session=session, actor=actor, form=JobForm(title="Backend Engineer"))
    rename_stage(session=session, job_id=job.id, key=Stage.shortlisted.value, label="Longlist",
                 actor=None)
    added = add_stage(session=session, job_id=job.id, label="Technical interview", actor=None)
    _apply(session, job, "Top Score", 90).stage = Stage.shortlisted
    _apply(session, job, "Low Score", 40).stage = added.key
    session.commit()
    assert [(row.name, row.stage_label) for row in rank_job(session=session,
                                                            job_id=job.id).rows] == [
        ("Top Score", "Longlist"), ("Low Score", "Technical interview")]
