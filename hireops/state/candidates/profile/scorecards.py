"""The candidate page's interviewer scorecards: HR names the interviewers of the booked
follow-up interview; each named interviewer fills (and, until the decision, edits) theirs."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.services.interviews.scorecard_panel import ScorecardPanel, scorecard_panel
from hireops.services.interviews.scorecards import (
    MAX_NOTE_CHARS,
    MAX_SUMMARY_CHARS,
    RATING_CHOICES,
    ScorecardRefused,
    set_interviewers,
    submit_scorecard,
)
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for, requires
from hireops.state.common_service_call import call_service
from hireops.state.common_url import id_in_url
from hireops.state.common_setters import text_setter
from hireops.state.candidates.profile.page import CandidateState


class CandidateScorecardsState(CandidateState):
    # The booked follow-up interview's scorecards as the viewer may see them (booking_id 0:
    # none booked), with every active team member and whether they are named.
    panel: ScorecardPanel = ScorecardPanel()
    # HR's choice of interviewers while editing (user ids).
    chosen_interviewers: list[int] = []
    # The viewer's scorecard form: skill -> "1".."5" and skill -> note.
    form_ratings: dict[str, str] = {}
    form_notes: dict[str, str] = {}
    form_recommendation: str = ""
    form_summary: str = ""
    scorecard_error: str = ""

    @rx.var
    def has_own_scorecard(self) -> bool:
        return self.panel.my_recommendation != ""

    @event_for(*READ_ROLES)
    def load_scorecards(self):
        if candidate_id := id_in_url(self):
            self._reload_scorecards(candidate_id)

    @event_for(*WRITE_ROLES)
    def toggle_interviewer(self, user_id: int, chosen: bool):
        others = [i for i in self.chosen_interviewers if i != int(user_id)]
        self.chosen_interviewers = [*others, int(user_id)] if chosen else others

    @event_for(*WRITE_ROLES)
    def save_interviewers(self):
        _, refusal = call_service(set_interviewers, ScorecardRefused,
                                  booking_id=self.panel.booking_id,
                                  user_ids=self.chosen_interviewers, actor=current_actor())
        if refusal:
            return refusal.toast
        self._reload_scorecards(self.candidate_id)
        return rx.toast.success("Interviewers saved.")

    @event_for(*READ_ROLES)
    def set_rating(self, skill: str, rating: str):
        if skill in self.panel.skills:
            self.form_ratings = {**self.form_ratings, skill: str(rating)[:1]}

    @event_for(*READ_ROLES)
    def set_note(self, skill: str, note: str):
        if skill in self.panel.skills:
            self.form_notes = {**self.form_notes, skill: str(note)[:MAX_NOTE_CHARS]}

    set_form_recommendation = text_setter("form_recommendation", 20, requires(*READ_ROLES))
    set_form_summary = text_setter("form_summary", MAX_SUMMARY_CHARS, requires(*READ_ROLES))

    @event_for(*READ_ROLES)
    def submit(self):
        ratings = {skill: int(value) for skill, value in self.form_ratings.items()
                   if value in RATING_CHOICES}
        _, refusal = call_service(submit_scorecard, ScorecardRefused,
                                  booking_id=self.panel.booking_id, interviewer=current_actor(),
                                  ratings=ratings, notes=self.form_notes,
                                  recommendation=self.form_recommendation,
                                  summary=self.form_summary)
        if refusal:
            self.scorecard_error = refusal.message
            return
        self._reload_scorecards(self.candidate_id)
        return rx.toast.success("Scorecard saved.")

    def _reload_scorecards(self, candidate_id: int) -> None:
        with session_scope() as session:
            panel = scorecard_panel(session=session, candidate_id=candidate_id,
                                    viewer=current_actor())
        self._show(panel)

    def _show(self, panel: ScorecardPanel) -> None:
        self.panel = panel
        self.chosen_interviewers = [row.user_id for row in panel.team if row.named]
        self.form_ratings = {skill: panel.my_ratings.get(skill, "") for skill in panel.skills}
        self.form_notes = {skill: panel.my_notes.get(skill, "") for skill in panel.skills}
        self.form_recommendation, self.form_summary = (panel.my_recommendation,
                                                       panel.my_summary)
        self.scorecard_error = ""
