"""The pipeline board of one job: its columns and cards, moves by drag and drop or by a card's
"Move to" menu, and the reason asked before a rejection."""

from __future__ import annotations

import reflex as rx
from sqlmodel import select

from hireops import routes
from hireops.db import session_scope
from hireops.models import Job, Stage
from hireops.services.candidates.board import BoardLane, NotOnThisBoard, load_board, move_card
from hireops.services.jobs.records import JobNotFound
from hireops.services.candidates.tracker import ApplicationsNotFound, RejectionNeedsReason
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for
from hireops.state.common_url import id_in_url
from hireops.state.auth import AuthState
from hireops.state.candidates.reject_reason import RejectReasonMixin


class BoardState(RejectReasonMixin, AuthState):
    job_id: int = 0
    job_title: str = ""
    lanes: list[BoardLane] = []

    @rx.var
    def grid_url(self) -> str:
        """The same job's applications in the tracker grid."""
        return f"{routes.CANDIDATES}?job={self.job_id}"

    @rx.var
    def card_total(self) -> int:
        return sum(lane.count for lane in self.lanes)

    @event_for(*READ_ROLES)
    def load(self):
        """The board of the job in ?id=."""
        job_id = id_in_url(self)
        if not job_id:
            return [rx.toast.error("That job does not exist."), rx.redirect(routes.JOBS)]
        self.job_id, self.rejecting = job_id, False
        try:
            self._refresh()
        except JobNotFound:
            return [rx.toast.error("That job does not exist."), rx.redirect(routes.JOBS)]

    @event_for(*WRITE_ROLES)
    def dropped(self, move: dict):
        """A card dropped on another column (drag and drop)."""
        # What the browser sends is checked like anything else a stranger could send.
        if not isinstance(move, dict):
            return rx.toast.error("That move could not be read.")
        return self._checked(move.get("application_id"), move.get("stage"))

    @event_for(*WRITE_ROLES)
    def move_to(self, application_id: int, stage: str):
        """A card's "Move to" menu (the keyboard path)."""
        return self._checked(application_id, stage)

    def _checked(self, application_id, stage):
        try:
            application_id = int(application_id)
        except (TypeError, ValueError):
            return rx.toast.error("That move could not be read.")
        return self._ask_or_move(application_id, str(stage)[:40])

    def _ask_or_move(self, application_id: int, stage: str):
        if stage == Stage.rejected.value:
            # As in the tracker: the card waits in its column until the reason is given.
            self._ask_reason([application_id])
            return None
        return self._move(application_id, stage)

    def _reject(self, application_ids: list[int], reason: str):
        return self._move(application_ids[0], Stage.rejected.value, reason)

    def _move(self, application_id: int, stage: str, reason: str = ""):
        try:
            with session_scope() as session:
                moved = move_card(session=session, job_id=self.job_id,
                                  application_id=application_id, stage=stage,
                                  actor=current_actor(), reason=reason)
        except (NotOnThisBoard, ApplicationsNotFound, RejectionNeedsReason) as refused:
            self._refresh()
            return rx.toast.error(str(refused) if isinstance(refused, RejectionNeedsReason)
                                  else "That card cannot move there.")
        self._refresh()
        if moved:
            label = next((lane.label for lane in self.lanes if lane.stage == stage), "")
            return rx.toast.success(f"Moved to {label}." if label else "Moved.")
        return None

    def _refresh(self) -> None:
        with session_scope() as session:
            title = session.exec(select(Job.title).where(Job.id == self.job_id)).first()
            if title is None:
                raise JobNotFound(f"Job {self.job_id} does not exist.")
            self.job_title = title
            self.lanes = load_board(session=session, job_id=self.job_id)
