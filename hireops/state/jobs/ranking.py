"""The ranking page of one job: candidates side by side, and rescoring with progress."""

from __future__ import annotations

import reflex as rx

from hireops import routes
from hireops.db import session_scope
from hireops.services.jobs.records import JobNotFound
from hireops.services.jobs.ranking import RankedCandidate, rank_job
from hireops.services.jobs.rescoring import RescoreSummary, rescore_job
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.auth import AuthState
from hireops.state.common_url import id_in_url
from hireops.state.progress import percent_done, run_with_progress


class RankingState(AuthState):
    job_id: int = 0
    job_title: str = ""
    # The job screens blind: names are masked.
    blind: bool = False
    rows: list[RankedCandidate] = []
    stale_count: int = 0
    # Rescoring: running flag, progress, and the last result line.
    rescoring: bool = False
    rescore_done: int = 0
    rescore_total: int = 0
    last_rescore: str = ""

    @rx.var
    def rescore_percent(self) -> int:
        return percent_done(self.rescore_done, self.rescore_total)

    @event_for(*READ_ROLES)
    def load(self):
        """Rank the job in ?id=."""
        job_id = id_in_url(self)
        if job_id != self.job_id:
            self._forget_rescoring()
        self.job_id = job_id
        try:
            self._refresh()
        except JobNotFound:
            return [rx.toast.error("That job does not exist."), rx.redirect(routes.JOBS)]

    @rx.event(background=True)
    @requires(*WRITE_ROLES)
    async def rescore_all(self):
        """Score every application of this job again."""
        async for update in self._rescore(only_stale=False):
            yield update

    @rx.event(background=True)
    @requires(*WRITE_ROLES)
    async def rescore_stale(self):
        """Score again only what an edit or a new prompt made stale."""
        async for update in self._rescore(only_stale=True):
            yield update

    async def _rescore(self, *, only_stale: bool):
        async with self:
            if self.rescoring or not self.job_id:
                return
            self.rescoring, self.rescore_done, self.rescore_total = True, 0, 0
            job_id = self.job_id
        actor = current_actor()

        async def show(done: int, total: int) -> None:
            async with self:
                if self.job_id == job_id:
                    self.rescore_done, self.rescore_total = done, total

        try:
            summary = await run_with_progress(
                lambda report: _rescore(job_id, only_stale, actor, report), show, start=(0, 0))
        except Exception as problem:  # shown to the user; scores already saved stay saved
            async with self:
                self.rescoring = False
                if self.job_id == job_id:
                    self.last_rescore = f"Rescoring stopped: {problem}"
            yield rx.toast.error(f"Rescoring stopped: {problem}")
            return
        message = _describe(summary)
        async with self:
            self.rescoring = False
            if self.job_id != job_id:  # another job's ranking is open now: not its result
                self._forget_rescoring()
                return
            self.rescore_done = self.rescore_total = summary.total
            self.last_rescore = message
            self._refresh()
        yield rx.toast.warning(message) if summary.failed else rx.toast.success(message)

    def _forget_rescoring(self) -> None:
        """Another job opens in this tab: the last job's rescoring result is not about it."""
        self.last_rescore, self.rescore_done, self.rescore_total = "", 0, 0

    def _refresh(self) -> None:
        with session_scope() as session:
            ranking = rank_job(session=session, job_id=self.job_id)
        self.job_title, self.blind = ranking.title, ranking.blind
        self.rows, self.stale_count = ranking.rows, ranking.stale_count


def _rescore(job_id: int, only_stale: bool, actor, report) -> RescoreSummary:
    with session_scope() as session:
        return rescore_job(session=session, job_id=job_id, only_stale=only_stale,
                           actor=actor, progress=report)


def _describe(summary: RescoreSummary) -> str:
    if not summary.total:
        return "Nothing to rescore."
    text = f"Rescoring finished: {summary.rescored} of {summary.total} rescored"
    return f"{text}, {len(summary.failed)} kept their old score." if summary.failed else text + "."
