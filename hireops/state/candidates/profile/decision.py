"""The candidate page's decision cards: the same actions as the dashboard's queue."""

from __future__ import annotations


from hireops.services.decisions.flow import decision_cards_for_candidate
from hireops.state.access import READ_ROLES, event_for
from hireops.state.candidates.profile.page import CandidateState
from hireops.state.decisions.queue import DecisionActions


class CandidateDecisionState(DecisionActions, CandidateState):
    @event_for(*READ_ROLES)
    def load_decisions(self):
        self._close_dialogs()
        self._load_cards()

    def _reload_decisions(self) -> None:
        """A decision also changes the stage and the timeline shown above."""
        self._refresh()
        self._load_cards()

    def _load_cards(self) -> None:
        self.decision_cards = self._rows_of_candidate(decision_cards_for_candidate)
