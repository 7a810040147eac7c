"""The candidate page's tags: HR's labels on the person, added and removed, audited."""

from __future__ import annotations


from hireops.db import session_scope
from hireops.services.candidates.tags import InvalidTag, add_tags, remove_tag, tags_of
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.common_service_call import call_service
from hireops.state.common_url import id_in_url
from hireops.state.common_setters import text_setter
from hireops.state.candidates.profile.page import CandidateState


class CandidateTagsState(CandidateState):
    tags: list[str] = []
    # The tag box, comma-separated.
    new_tags: str = ""

    @event_for(*READ_ROLES)
    def load_tags(self):
        if candidate_id := id_in_url(self):
            self._reload_tags(candidate_id)

    set_new_tags = text_setter("new_tags", 200, requires(*WRITE_ROLES))

    @event_for(*WRITE_ROLES)
    def add_new_tags(self):
        _, refusal = call_service(add_tags, InvalidTag, candidate_ids=[self.candidate_id],
                                  text=self.new_tags, actor=current_actor())
        if refusal:
            return refusal.toast
        self.new_tags = ""
        self._reload_tags(self.candidate_id)

    @event_for(*WRITE_ROLES)
    def add_on_enter(self, key: str):
        if key == "Enter" and self.new_tags.strip():
            return CandidateTagsState.add_new_tags
        return None

    @event_for(*WRITE_ROLES)
    def remove(self, tag: str):
        with session_scope() as session:
            remove_tag(session=session, candidate_id=self.candidate_id, tag=str(tag),
                       actor=current_actor())
        self._reload_tags(self.candidate_id)

    def _reload_tags(self, candidate_id: int) -> None:
        with session_scope() as session:
            self.tags = tags_of(session=session, candidate_ids=[candidate_id]).get(
                candidate_id, [])
