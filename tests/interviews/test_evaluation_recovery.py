"""An evaluation whose process is killed mid-run is run again once, never twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta

from sqlmodel import select

from hireops.config import PROJECT_ROOT
from hireops.models import Evaluation, utcnow
from hireops.services.interviews.builtin_interviewer import submit_answer
from hireops.services.interviews.evaluation_queue import (
    requeue_stale_runs,
    run_queued_evaluations,
)
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.room import complete_interview
from tests.interviews.room_steps import start_typed_interview

# Claims the evaluation the way a worker does, then dies before it can finish (SIGKILL).
DIE_MID_RUN = """
import os, signal
from hireops.db import session_scope
from hireops.services.interviews.evaluation_queue import _claim
with session_scope() as session:
    assert _claim(session, {evaluation_id})
os.kill(os.getpid(), signal.SIGKILL)
"""


def _finished_interview(session, make_application, recruiter) -> Evaluation:
    link = generate_link(session=session, application_id=make_application(88).id,
                         actor=recruiter).link
    start_typed_interview(session, link)
    answer = "I built Python APIs on PostgreSQL and measured latency before and after."
    while not submit_answer(session=session, link=link, text=answer if
                            link.plan.get("phase") != "slot" else "Monday 9am").finished:
        pass
    complete_interview(session=session, link=link)
    session.commit()
    return session.exec(select(Evaluation).where(Evaluation.link_id == link.id)).one()


def test_a_run_killed_mid_evaluation_is_taken_over_once(session, database_url, make_application,
                                                       recruiter):
    evaluation = _finished_interview(session, make_application, recruiter)
    died = subprocess.run([sys.executable, "-c", DIE_MID_RUN.format(evaluation_id=evaluation.id)],
                          cwd=PROJECT_ROOT, env={**os.environ, "DATABASE_URL": database_url})
    assert died.returncode == -signal.SIGKILL
    session.expire_all()
    assert session.get(Evaluation, evaluation.id).status == "running"

    # While the claim is fresh, nobody takes it over (the worker may still be working).
    assert run_queued_evaluations(session=session) == 0
    assert requeue_stale_runs(session=session, now=utcnow() + timedelta(minutes=11)) == 1
    assert run_queued_evaluations(session=session) == 1
    assert run_queued_evaluations(session=session) == 0
    session.expire_all()
    rows = session.exec(select(Evaluation).where(Evaluation.link_id == evaluation.link_id)).all()
    assert [(row.id, row.status) for row in rows] == [(evaluation.id, "ok")]
    assert rows[0].score is not None
