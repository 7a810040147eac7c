"""'Find in talent pool' on a job's ranking page: past candidates ranked against the job, and
the ones HR picks added to it."""

from __future__ import annotations

import asyncio

import reflex as rx

from hireops.db import session_scope
from hireops.services.candidates.talent_pool import PoolMatch, add_to_job, find_in_talent_pool
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for
from hireops.state.common_url import id_in_url
from hireops.state.auth import AuthState
from hireops.state.jobs.ranking import RankingState


class TalentPoolSearchState(AuthState):
    # The job searched for (from the ranking page's ?id=).
    job_id: int = 0
    matches: list[PoolMatch] = []
    # True once a search ran, so "nobody found" is not shown before it.
    searched: bool = False
    searching: bool = False
    selected: list[int] = []

    @event_for(*READ_ROLES)
    async def search(self):
        """Rank every past candidate against this job (off the event loop: resumes are read)."""
        job_id = id_in_url(self)
        if not job_id:
            return
        self.job_id, self.searching, self.selected = job_id, True, []
        yield
        self.matches = await asyncio.to_thread(_find, self.job_id)
        self.searching, self.searched = False, True

    @event_for(*WRITE_ROLES)
    def toggle(self, candidate_id: int):
        chosen = set(self.selected) ^ {int(candidate_id)}
        self.selected = sorted(chosen)

    @event_for(*WRITE_ROLES)
    async def add_selected(self):
        """Apply the chosen candidates to the job; they are scored and join its ranking."""
        if not self.selected or not self.job_id:
            return
        actor = current_actor()
        added = await asyncio.to_thread(_add, self.job_id, list(self.selected), actor)
        self.matches = [m for m in self.matches if m.candidate_id not in set(self.selected)]
        self.selected = []
        yield RankingState.load
        yield rx.toast.success(f"Added {added} candidate(s) to this job, scored.")


def _find(job_id: int) -> list[PoolMatch]:
    with session_scope() as session:
        return find_in_talent_pool(session=session, job_id=job_id)


def _add(job_id: int, candidate_ids: list[int], actor) -> int:
    with session_scope() as session:
        return add_to_job(session=session, job_id=job_id, candidate_ids=candidate_ids,
                          actor=actor)
