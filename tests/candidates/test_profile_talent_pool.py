"""The candidate page and the talent pool: a candidate who fits no open job has an application
to no job, and their page lists it as the tracker does, with what HR can do with it."""

from __future__ import annotations

import warnings

import pytest

from hireops.models import Application, Event, JobStatus, Stage
from hireops.services.candidates.pool_actions import pool_job_choices, pool_stage_choices
from hireops.services.candidates.profile import get_candidate_profile
from hireops.services.candidates.tracker import (
    TrackerFilter, TrackerSort, move_stage, query_tracker,
)
from hireops.services.interviews.links import LinkRefused, generate_link
from hireops.services.jobs.job_stages import rename_stage
from hireops.services.outreach.offer_view import offer_targets
from tests.factories import make_application, make_candidate, make_job

def _nearest(analyst_id: int = 1, designer_id: int = 2) -> dict:
    """The pool's result as the inbox stores it: the nearest open jobs and the fit."""
    return {"talent_pool": {"nearest_jobs": [
        {"job_id": analyst_id, "title": "Data Analyst", "score": 34, "reason": "SQL."},
        {"job_id": designer_id, "title": "Product Designer", "score": 12, "reason": "Little."}]}}


def _pooled(session, candidate, nearest: dict | None = None, **fields) -> Application:
    application = Application(candidate_id=candidate.id, job_id=None, stage=Stage.new,
                              resume_result=nearest or _nearest(), **fields)
    session.add(application)
    session.flush()
    session.add(Event(action="application.talent_pool", entity_type="application",
                      entity_id=application.id, note="Fits no open job: kept in the talent pool"))
    session.commit()
    return application


@pytest.fixture
def lena(session):
    candidate = make_candidate(session, full_name="Lena Park", email="lena@example.com",
                               resume_text="Analyst with SQL and Excel.")
    session.commit()
    return candidate


def test_a_pool_only_candidate_page_lists_the_talent_pool_entry(session, lena):
    pooled = _pooled(session, lena)
    profile = get_candidate_profile(session=session, candidate_id=lena.id)
    [card] = profile.applications
    assert (card.application_id, card.job_id, card.job_title, card.talent_pool) == (
        pooled.id, None, "Talent pool", True)
    assert (card.stage, card.stage_label, card.score) == ("new", "New", "—")
    # As the tracker says it: the nearest open jobs and the fit, 0-100.
    assert card.nearest_jobs == "Data Analyst (fit 34), Product Designer (fit 12)"
    assert not profile.blind and not profile.identity_hidden


def test_the_pool_entry_shows_its_score_beside_the_job_applications(session, lena):
    job = make_job(session, title="Data Analyst")
    session.commit()
    applied = make_application(session, candidate=lena, job=job, stage=Stage.matched,
                               resume_score=71)
    session.commit()
    pooled = _pooled(session, lena, resume_score=61)
    cards = {c.application_id: c for c in
             get_candidate_profile(session=session, candidate_id=lena.id).applications}
    assert set(cards) == {applied.id, pooled.id}
    assert (cards[pooled.id].score, cards[pooled.id].score_value) == ("61", 61.0)
    assert (cards[applied.id].job_id, cards[applied.id].talent_pool) == (job.id, False)
    assert cards[applied.id].nearest_jobs == ""


def test_the_pool_entrys_stage_is_named_as_the_tracker_names_it(session, lena, actor):
    """The pool follows no job's flow: its stages are named as the company default names them
    (tests/candidates/test_pool_stage_names.py), a job's own names stay that job's."""
    _pooled(session, lena)
    rename_stage(session=session, job_id=None, key="new", label="Inbox", actor=actor)
    [card] = get_candidate_profile(session=session, candidate_id=lena.id).applications
    [row] = query_tracker(session=session, filter=TrackerFilter(), sort=TrackerSort()).rows
    assert card.stage_label == row.stage_label == "Inbox"


def test_a_blind_job_still_hides_a_pool_candidate_and_the_pool_alone_hides_nobody(session,
                                                                                  lena):
    _pooled(session, lena)
    assert not get_candidate_profile(session=session, candidate_id=lena.id).identity_hidden
    make_application(session, candidate=lena, job=make_job(session, blind_screening=True))
    session.commit()
    profile = get_candidate_profile(session=session, candidate_id=lena.id)
    assert profile.identity_hidden and len(profile.applications) == 2


def test_the_timeline_holds_the_pool_entrys_events(session, lena):
    _pooled(session, lena)
    timeline = get_candidate_profile(session=session, candidate_id=lena.id).timeline
    assert [entry.action for entry in timeline] == ["application.talent_pool"]


def test_reading_a_pool_candidates_page_looks_up_no_job_of_id_none(session, lena):
    _pooled(session, lena, resume_score=61)
    session.expire_all()
    with warnings.catch_warnings():
        # SQLAlchemy warns when asked for a row by a null primary key.
        warnings.simplefilter("error")
        get_candidate_profile(session=session, candidate_id=lena.id)
        assert offer_targets(session=session, candidate_id=lena.id) == []


def test_the_pool_entry_can_be_put_forward_for_open_jobs_it_has_not_applied_to(session, lena):
    analyst = make_job(session, title="Data Analyst")
    designer = make_job(session, title="Product Designer")
    archivist = make_job(session, title="Archivist")
    make_job(session, title="Closed role", status=JobStatus.closed)
    session.commit()
    _pooled(session, lena, _nearest(analyst.id, designer.id))
    choices = pool_job_choices(session=session, candidate_id=lena.id)
    # Nearest first, with the fit measured when they joined the pool; then the rest by title.
    assert [(c.job_id, c.label) for c in choices] == [
        (analyst.id, "Data Analyst · fit 34"), (designer.id, "Product Designer · fit 12"),
        (archivist.id, "Archivist")]
    make_application(session, candidate=lena, job=analyst)
    session.commit()
    assert [c.job_id for c in pool_job_choices(session=session, candidate_id=lena.id)] == [
        designer.id, archivist.id]


def test_the_pool_entry_moves_only_where_a_pool_entry_can_go(session):
    assert [(s.key, s.label) for s in pool_stage_choices(session=session, current="new")] == [
        ("new", "New"), ("shortlisted", "Shortlisted"), ("withdrawn", "Withdrawn"),
        ("rejected", "Rejected")]
    # Where it is shows first even when it is no move of its own (the tracker can put it
    # anywhere).
    assert [s.key for s in pool_stage_choices(session=session, current="screened")] == [
        "screened", "new", "shortlisted", "withdrawn", "rejected"]


def test_rejecting_the_pool_entry_asks_for_a_reason_as_elsewhere(session, lena, actor):
    pooled = _pooled(session, lena)
    with pytest.raises(ValueError, match="reason"):
        move_stage(session=session, application_ids=[pooled.id], stage="rejected", actor=actor)
    move_stage(session=session, application_ids=[pooled.id], stage="rejected", actor=actor,
               reason="Asked to be removed from our files")
    [card] = get_candidate_profile(session=session, candidate_id=lena.id).applications
    assert card.stage_label == "Rejected"


@pytest.mark.parametrize("score", [None, 90])
def test_a_pool_entry_gets_no_interview_link(session, lena, actor, score):
    """An interview is for a job: the link would name none (and read a job of id None)."""
    pooled = _pooled(session, lena, resume_score=score)
    with pytest.raises(LinkRefused, match="add the candidate to a job first"):
        generate_link(session=session, application_id=pooled.id, actor=actor,
                      override_reason="Keen to talk")
