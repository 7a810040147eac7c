"""The tracker's bulk bar beyond stage moves: tags on the selected people (and off one row),
and the selected people added to an open job, scored."""

from __future__ import annotations

import asyncio

import reflex as rx

from hireops.db import session_scope
from hireops.services.jobs.records import JobNotFound
from hireops.services.candidates.tags import InvalidTag, add_tags, remove_tag
from hireops.services.candidates.talent_pool import add_applicants_to_job
from hireops.state.access import WRITE_ROLES, current_actor, event_for, requires
from hireops.state.common_service_call import call_service
from hireops.state.common_setters import text_setter
from hireops.state.candidates.tracker import TrackerState


class TrackerBulkState(TrackerState):
    # The bulk bar's tag box, and the job picked to add the selection to.
    tag_text: str = ""
    add_job_id: str = ""
    # Adding to a job scores each person: the button spins meanwhile.
    adding: bool = False

    set_tag_text = text_setter("tag_text", 200, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def tag_selected(self):
        """Put the typed tags (comma-separated) on the people of the selected rows."""
        if not self.selected:
            return rx.toast.warning("Select applications first.")
        rows = {r.application_id: r.candidate_id for r in self.rows}
        candidate_ids = [rows[i] for i in self.selected if i in rows]
        added, refusal = call_service(add_tags, InvalidTag, candidate_ids=candidate_ids,
                                      text=self.tag_text, actor=current_actor())
        if refusal:
            return refusal.toast
        self.tag_text, self.selected = "", []
        return [TrackerState.load, rx.toast.success(f"{added} tag(s) added.")]

    @event_for(*WRITE_ROLES)
    def untag(self, candidate_id: int, tag: str):
        with session_scope() as session:
            remove_tag(session=session, candidate_id=int(candidate_id), tag=str(tag),
                       actor=current_actor())
        return TrackerState.load

    @event_for(*WRITE_ROLES)
    def set_add_job(self, job_id: str):
        self.add_job_id = str(job_id) if str(job_id).isdigit() else ""

    @event_for(*WRITE_ROLES)
    async def add_selected_to_job(self):
        """Apply the people of the selected rows to the picked job; each is scored as the
        inbox scores, off the event loop."""
        if not self.selected or not self.add_job_id:
            yield rx.toast.warning("Select applications and a job first.")
            return
        job_id, picked, actor = int(self.add_job_id), list(self.selected), current_actor()
        self.adding = True
        yield
        try:
            added = await asyncio.to_thread(_add_to_job, job_id, picked, actor)
        except JobNotFound:
            self.adding = False
            yield rx.toast.error("That job does not exist.")
            return
        self.adding, self.selected, self.add_job_id = False, [], ""
        yield TrackerState.load
        yield rx.toast.success(f"{added} candidate(s) added to the job and scored (people "
                               "already applied to it are left as they are).")


def _add_to_job(job_id: int, application_ids: list[int], actor) -> int:
    with session_scope() as session:
        return add_applicants_to_job(session=session, job_id=job_id,
                                     application_ids=application_ids, actor=actor)
