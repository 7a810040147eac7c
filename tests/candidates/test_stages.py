"""The pipeline's own stage moves go forward only: an application already further on, shortlisted
or rejected stays where it is, and nothing is recorded for it."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hireops.models import Event, Stage
from hireops.services.candidates.stages import STAGE_CHANGED, advance_stage, comes_before
from tests.factories import make_application, make_candidate, make_job


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
    application = make_application(
        session, candidate=make_candidate(session, full_name="Ada", email=None),
        job=make_job(session, title="Engineer"), stage=start)

    assert advance_stage(session=session, application=application, stage=Stage.screened,
                         actor_label="candidate") is moved
    assert Stage(application.stage) == (Stage.screened if moved else start)
    events = session.exec(select(Event).where(Event.action == STAGE_CHANGED)).all()
    assert [(e.before["stage"], e.after["stage"], e.actor_label) for e in events] == (
        [(start.value, "screened", "candidate")] if moved else [])
