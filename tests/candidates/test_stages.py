"""The pipeline's own stage moves go forward only: an application already further on, shortlisted
or rejected stays where it is, and nothing is recorded for it."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hireops.models import Application, Candidate, Event, Job, Stage
from hireops.services.candidates.stages import STAGE_CHANGED, advance_stage, comes_before


def test_the_flow_order_is_the_stage_order():
    assert comes_before(Stage.matched, Stage.screened)
    assert comes_before("interview_link_sent", "screened")
    assert not comes_before(Stage.screening_scheduled, Stage.screened)
    assert not comes_before(Stage.screened, Stage.screened)
    assert not any(comes_before(Stage.rejected, stage) for stage in Stage)


@pytest.mark.parametrize(("start", "moved"), [
    (Stage.matched, True), (Stage.interview_link_sent, True), (Stage.screened, False),
    (Stage.screening_scheduled, False), (Stage.shortlisted, False), (Stage.rejected, False)])
def test_advance_to_screened_moves_only_earlier_applications(session, start, moved):
    candidate, job = Candidate(full_name="Ada"), Job(title="Engineer")
    session.add_all([candidate, job])
    session.flush()
    application = Application(candidate_id=candidate.id, job_id=job.id, stage=start)
    session.add(application)
    session.flush()

    assert advance_stage(session=session, application=application, stage=Stage.screened,
                         actor_label="candidate") is moved
    assert Stage(application.stage) == (Stage.screened if moved else start)
    events = session.exec(select(Event).where(Event.action == STAGE_CHANGED)).all()
    assert [(e.before["stage"], e.after["stage"], e.actor_label) for e in events] == (
        [(start.value, "screened", "candidate")] if moved else [])
