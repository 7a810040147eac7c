"""The candidate page's talent-pool entry: put the person forward for an open job (applied and
scored, as from the tracker's bulk bar) and move the entry itself, a rejection with a reason."""

from __future__ import annotations

import asyncio

import reflex as rx

from hireops.db import session_scope
from hireops.models import Stage
from hireops.services.candidates.pool_actions import pool_job_choices, pool_stage_choices
from hireops.services.candidates.profile import ApplicationCard
from hireops.services.candidates.talent_pool import add_to_job
from hireops.services.candidates.tracker import move_stage
from hireops.services.jobs.records import JobNotFound
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for
from hireops.state.candidates.profile.page import CandidateState
from hireops.state.candidates.reject_reason import RejectReasonMixin
from hireops.state.common_options import Option
from hireops.state.common_service_call import call_service


class CandidatePoolState(RejectReasonMixin, CandidateState):
    # The open jobs the person can be put forward for (nearest first), and the one picked.
    pool_jobs: list[Option] = []
    pool_job_id: str = ""
    _pool_job_titles: dict[str, str] = {}
    # Putting forward scores the resume against the job: the button spins meanwhile.
    adding: bool = False
    # Where the entry itself can move (the company default's stage names: the pool
    # follows no job).
    pool_stages: list[Option] = []
    # The reject dialog's question, naming Rejected as the company default does ("Not a
    # fit"), as the stage menu beside it does.
    pool_reject_title: str = ""

    @event_for(*READ_ROLES)
    def load_pool(self):
        self.pool_job_id, self.adding, self.rejecting = "", False, False
        self._reload_pool()

    def _reload_pool(self) -> None:
        entry = self._pool_entry()
        if entry is None:
            self.pool_jobs, self.pool_stages, self.pool_reject_title = [], [], ""
            return
        with session_scope() as session:
            jobs = pool_job_choices(session=session, candidate_id=self.candidate_id)
            stages = pool_stage_choices(session=session, current=entry.stage)
        self.pool_jobs = [Option(str(job.job_id), job.label) for job in jobs]
        self._pool_job_titles = {str(job.job_id): job.title for job in jobs}
        self.pool_stages = [Option(s.key, s.label) for s in stages]
        rejected = next(s.label for s in stages if s.key == Stage.rejected.value)
        self.pool_reject_title = f"Move this talent-pool entry to “{rejected}”?"
        if self.pool_job_id not in {option.value for option in self.pool_jobs}:
            self.pool_job_id = ""

    def _pool_entry(self) -> ApplicationCard | None:
        return next((card for card in self.profile.applications if card.talent_pool), None)

    @event_for(*WRITE_ROLES)
    def set_pool_job(self, job_id: str):
        offered = {option.value for option in self.pool_jobs}
        self.pool_job_id = str(job_id) if str(job_id) in offered else ""

    @event_for(*WRITE_ROLES)
    async def put_forward(self):
        """Apply the person to the picked job; their resume is scored for it off the event
        loop, and the new application joins the page."""
        if not self.pool_job_id:
            yield rx.toast.warning("Pick an open job first.")
            return
        job_id, actor = int(self.pool_job_id), current_actor()
        title = self._pool_job_titles.get(self.pool_job_id, "the job")
        self.adding = True
        yield
        try:
            added = await asyncio.to_thread(_add_to_job, job_id, self.candidate_id, actor)
        except JobNotFound:
            self.adding = False
            self._after_change()
            yield rx.toast.error("That job no longer exists.")
            return
        self.adding, self.pool_job_id = False, ""
        self._after_change()
        if added:
            yield rx.toast.success(f"Put forward for {title} and scored: the application is "
                                   "listed on this page.")
        else:
            yield rx.toast.info(f"The candidate had already applied to {title}.")

    @event_for(*WRITE_ROLES)
    def move_pool_entry(self, stage: str):
        entry = self._pool_entry()
        if entry is None:
            return rx.toast.error("This candidate is not in the talent pool.")
        if stage == Stage.rejected.value and entry.stage != Stage.rejected.value:
            # The same question as the tracker and the board ask; the entry waits meanwhile.
            self._ask_reason([entry.application_id])
            return None
        return self._move([entry.application_id], stage)

    def _reject(self, application_ids: list[int], reason: str):
        return self._move(application_ids, Stage.rejected.value, reason)

    def _move(self, application_ids: list[int], stage: str, reason: str = ""):
        if str(stage) not in {option.value for option in self.pool_stages}:
            return rx.toast.error("A talent-pool entry cannot move there.")
        moved, refusal = call_service(move_stage, (ValueError, LookupError),
                                      application_ids=application_ids, stage=str(stage),
                                      actor=current_actor(), reason=reason)
        if refusal:
            return refusal.toast
        self._after_change()
        if moved:
            label = next(o.label for o in self.pool_stages if o.value == stage)
            return rx.toast.success(f"Talent-pool entry moved to {label}.")
        return None

    def _after_change(self) -> None:
        """The applications and the timeline above change too."""
        self._refresh()
        self._reload_pool()


def _add_to_job(job_id: int, candidate_id: int, actor) -> int:
    with session_scope() as session:
        return add_to_job(session=session, job_id=job_id, candidate_ids=[candidate_id],
                          actor=actor)
