"""A talent-pool entry follows no job's flow: it can be kept (New), picked out (Shortlisted),
withdrawn or rejected, and nothing else (an interview, an offer or a hire needs a job). The
tracker's inline menu offers what the candidate page offers, and the service refuses the rest
whoever asks: the tracker, its bulk bar or the API (tests/api/test_talent_pool.py)."""

from __future__ import annotations

import pytest

from hireops.models import Application, Stage
from hireops.services.candidates.talent_pool import POOL_STAGES
from hireops.services.candidates.tracker import PoolStageRefused, move_stage
from hireops.services.candidates.tracker_stages import stage_menus
from tests.factories import make_application, make_candidate


def _pooled(session) -> Application:
    pooled = Application(candidate_id=make_candidate(session).id, job_id=None, stage=Stage.new)
    session.add(pooled)
    session.commit()
    return pooled


def test_the_trackers_menu_for_a_pool_row_is_the_pools_stages(session):
    menu = stage_menus(session=session, job_ids={None})[None]
    assert [stage.key for stage in menu] == [stage.value for stage in POOL_STAGES]


@pytest.mark.parametrize("stage", [Stage.interview_link_sent, Stage.offer, Stage.hired])
def test_a_move_a_pool_entry_cannot_make_is_refused(session, stage):
    pooled = _pooled(session)
    job_application = make_application(session)
    with pytest.raises(PoolStageRefused, match="talent pool"):
        move_stage(session=session, application_ids=[job_application.id, pooled.id],
                   stage=stage, actor=None)
    session.refresh(job_application)
    assert job_application.stage == Stage.new  # nothing of the batch moved
    assert move_stage(session=session, application_ids=[pooled.id], stage=Stage.shortlisted,
                      actor=None) == 1

