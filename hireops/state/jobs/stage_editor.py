"""The stage editor: a job's own stages (job editor) or the company default (Settings > New
jobs), through services.jobs.job_stages."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.models import Role
from hireops.services.jobs.job_stages import (
    StageConfigError,
    add_stage,
    job_stages,
    move_stage,
    remove_stage,
    rename_stage,
)
from hireops.services.jobs.job_stages import JobStage as JobStageRow
from hireops.services.candidates.stages import is_custom_stage
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.auth import AuthState
from hireops.state.common_service_call import call_service
from hireops.state.common_setters import text_setter
from hireops.state.common_url import id_in_url


class StageEditorState(AuthState):
    # The job being edited; 0 edits the company default.
    stages_job_id: int = 0
    stages: list[JobStageRow] = []
    new_stage_label: str = ""

    @event_for(*READ_ROLES)
    def load_default(self):
        self.stages_job_id, self.new_stage_label = 0, ""
        self._reload()

    @event_for(*READ_ROLES)
    def load_for_job(self):
        self.stages_job_id = id_in_url(self)
        self.new_stage_label = ""
        self.stages = []
        if self.stages_job_id:
            self._reload()

    set_new_stage_label = text_setter("new_stage_label", 200, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def add(self):
        result = self._change(lambda session, job_id, actor: add_stage(
            session=session, job_id=job_id, label=self.new_stage_label, actor=actor))
        if result is None:
            self.new_stage_label = ""
            return rx.toast.success("Stage added.")
        return result

    @event_for(*WRITE_ROLES)
    def rename(self, key: str, label: str):
        if any(s.key == key and s.label == label for s in self.stages):
            return
        return self._change(lambda session, job_id, actor: rename_stage(
            session=session, job_id=job_id, key=str(key), label=str(label), actor=actor))

    @event_for(*WRITE_ROLES)
    def move(self, key: str, offset: int):
        return self._change(lambda session, job_id, actor: move_stage(
            session=session, job_id=job_id, key=str(key), offset=int(offset), actor=actor))

    @event_for(*WRITE_ROLES)
    def remove(self, key: str):
        if not is_custom_stage(str(key)):
            return rx.toast.error("Built-in stages stay.")
        return self._change(lambda session, job_id, actor: remove_stage(
            session=session, job_id=job_id, key=str(key), actor=actor))

    def _change(self, action):
        actor = current_actor()
        # The company default is a setting: admins only, as on the rest of Settings.
        if not self.stages_job_id and actor.role != Role.admin:
            return rx.toast.error("Only an admin can change the company default stages.")
        _, refusal = call_service(action, StageConfigError, job_id=self.stages_job_id or None,
                                  actor=actor)
        self._reload()
        return refusal.toast if refusal else None

    def _reload(self) -> None:
        with session_scope() as session:
            self.stages = job_stages(session=session, job_id=self.stages_job_id or None)
