"""The candidate page's flags on AI output, and re-running or replacing a flagged evaluation."""

from __future__ import annotations

import asyncio

import reflex as rx

from hireops.db import session_scope
from hireops.services.decisions.ai_flags import (
    REASONS,
    TARGET_LABELS,
    FlagRefused,
    FlagRow,
    flag_output,
    flag_rows,
    flags_for_application,
    rerun_evaluation,
)
from hireops.services.decisions.ai_flags import set_human_score as replace_with_human_score
from hireops.services.interviews.evaluation_queue import run_evaluation
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.common_service_call import call_service
from hireops.state.common_setters import text_setter
from hireops.state.candidates.profile.interviews import CandidateInterviewState


class CandidateFlagState(CandidateInterviewState):
    # Flags on the resume scores of this candidate's applications (target_id: application id).
    resume_flags: list[FlagRow] = []
    # The flag dialog: which output, in words, and what HR wrote ("" type: closed).
    flag_target_type: str = ""
    flag_target_id: int = 0
    flag_target_label: str = ""
    flag_reason: str = "wrong"
    flag_note: str = ""
    flag_error: str = ""
    # The human-score dialog (0: closed).
    human_evaluation_id: int = 0
    human_score: str = ""
    human_note: str = ""
    human_error: str = ""
    # The evaluation being re-run right now (0: none).
    rerunning_id: int = 0

    @event_for(*READ_ROLES)
    def load_flags(self):
        self.flag_target_type, self.human_evaluation_id = "", 0
        self._reload_resume_flags()

    def _reload_resume_flags(self) -> None:
        with session_scope() as session:
            flags = [flag for application in self.profile.applications
                     for flag in flags_for_application(
                         session=session, application_id=application.application_id)
                     if flag.target_type == "resume_score"]
            self.resume_flags = flag_rows(session=session, flags=flags)

    @event_for(*WRITE_ROLES)
    def open_flag(self, target_type: str, target_id: int):
        self.flag_target_type = target_type if target_type in TARGET_LABELS else ""
        self.flag_target_id = int(target_id)
        self.flag_target_label = TARGET_LABELS.get(target_type, "")
        self.flag_reason, self.flag_note, self.flag_error = "wrong", "", ""

    @event_for(*WRITE_ROLES)
    def close_flag(self):
        self.flag_target_type, self.flag_error = "", ""

    @event_for(*WRITE_ROLES)
    def set_flag_reason(self, value: str):
        self.flag_reason = value if value in REASONS else "wrong"

    set_flag_note = text_setter("flag_note", 2000, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def submit_flag(self):
        _, refusal = call_service(flag_output, FlagRefused, target_type=self.flag_target_type,
                                  target_id=self.flag_target_id, reason=self.flag_reason,
                                  note=self.flag_note, actor=current_actor())
        if refusal:
            self.flag_error = refusal.message
            return
        label = self.flag_target_label
        self.flag_target_type, self.flag_note, self.flag_error = "", "", ""
        self._after_change()
        self._reload_resume_flags()
        return rx.toast.success(f"{label} flagged; the flag is kept with it.")

    @event_for(*WRITE_ROLES)
    def open_human_score(self, evaluation_id: int):
        self.human_evaluation_id = int(evaluation_id)
        self.human_score, self.human_note, self.human_error = "", "", ""

    @event_for(*WRITE_ROLES)
    def close_human_score(self):
        self.human_evaluation_id, self.human_error = 0, ""

    set_human_score = text_setter("human_score", 10, requires(*WRITE_ROLES))
    set_human_note = text_setter("human_note", 2000, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def submit_human_score(self):
        human, refusal = call_service(replace_with_human_score, FlagRefused,
                                      evaluation_id=self.human_evaluation_id,
                                      score=self.human_score, note=self.human_note,
                                      actor=current_actor())
        if refusal:
            self.human_error = refusal.message
            return
        self.human_evaluation_id, self.human_error = 0, ""
        self._after_change()
        return rx.toast.success(f"Interview score set to {human.score:g}; the decision was "
                                "recomputed.")

    @rx.event(background=True)
    @requires(*WRITE_ROLES)
    async def rerun(self, evaluation_id: int):
        """Queue the evaluation again and run it now (the scheduler is the fallback)."""
        actor = current_actor()
        async with self:
            if self.rerunning_id:
                return
            queued, refusal = call_service(rerun_evaluation, FlagRefused,
                                           evaluation_id=int(evaluation_id), actor=actor)
            if not refusal:
                self.rerunning_id = queued.id
                self._after_change()
        if refusal:
            yield refusal.toast
            return
        yield rx.toast.info("Evaluating the interview again…")
        result = await asyncio.to_thread(_run_now, queued.id)
        async with self:
            self.rerunning_id = 0
            self._after_change()
        if result == "failed":
            yield rx.toast.error("The new evaluation failed; the reason is shown on the card.")
        elif result == "ok":
            yield rx.toast.success("The interview was evaluated again.")


def _run_now(evaluation_id: int) -> str:
    """Run one queued evaluation; its status afterwards ("" when another worker took it)."""
    with session_scope() as session:
        evaluation = run_evaluation(session=session, evaluation_id=evaluation_id)
        return evaluation.status if evaluation else ""
