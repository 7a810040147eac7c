"""The candidate page's interviewer scorecards: HR names the interviewers of the booked
follow-up interview; each named interviewer fills (and, until the decision, edits) theirs."""

from __future__ import annotations

import reflex as rx

from hireops.db import session_scope
from hireops.services.interviews.scorecard_panel import (
    InterviewerRow,
    ScorecardPanel,
    ScorecardRow,
    scorecard_panel,
)
from hireops.services.interviews.scorecards import (
    MAX_NOTE_CHARS,
    MAX_SUMMARY_CHARS,
    RATING_CHOICES,
    ScorecardRefused,
    set_interviewers,
    submit_scorecard,
)
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, requires
from hireops.state.common_url import id_in_url
from hireops.state.common_setters import text_setter
from hireops.state.candidates.profile.page import CandidateState


class CandidateScorecardsState(CandidateState):
    # The booked follow-up interview the scorecards belong to (0: none booked).
    scorecard_booking_id: int = 0
    scorecard_job_title: str = ""
    scorecard_booked: str = ""
    # Every active team member, with whether they are named and have filled theirs.
    scorecard_team: list[InterviewerRow] = []
    scorecards: list[ScorecardRow] = []
    scorecard_skills: list[str] = []
    scorecard_mean: str = ""
    scorecard_weight_line: str = ""
    can_fill_scorecard: bool = False
    has_own_scorecard: bool = False
    scorecard_locked_reason: str = ""
    # HR's choice of interviewers while editing (user ids).
    chosen_interviewers: list[int] = []
    # The viewer's scorecard form: skill -> "1".."5" and skill -> note.
    form_ratings: dict[str, str] = {}
    form_notes: dict[str, str] = {}
    form_recommendation: str = ""
    form_summary: str = ""
    scorecard_error: str = ""

    @rx.event
    @requires(*READ_ROLES)
    def load_scorecards(self):
        if candidate_id := id_in_url(self):
            self._reload_scorecards(candidate_id)

    @rx.event
    @requires(*WRITE_ROLES)
    def toggle_interviewer(self, user_id: int, chosen: bool):
        others = [i for i in self.chosen_interviewers if i != int(user_id)]
        self.chosen_interviewers = [*others, int(user_id)] if chosen else others

    @rx.event
    @requires(*WRITE_ROLES)
    def save_interviewers(self):
        try:
            with session_scope() as session:
                set_interviewers(session=session, booking_id=self.scorecard_booking_id,
                                 user_ids=self.chosen_interviewers, actor=current_actor())
        except ScorecardRefused as refused:
            return rx.toast.error(str(refused))
        self._reload_scorecards(self.candidate_id)
        return rx.toast.success("Interviewers saved.")

    @rx.event
    @requires(*READ_ROLES)
    def set_rating(self, skill: str, rating: str):
        if skill in self.scorecard_skills:
            self.form_ratings = {**self.form_ratings, skill: str(rating)[:1]}

    @rx.event
    @requires(*READ_ROLES)
    def set_note(self, skill: str, note: str):
        if skill in self.scorecard_skills:
            self.form_notes = {**self.form_notes, skill: str(note)[:MAX_NOTE_CHARS]}

    set_form_recommendation = text_setter("form_recommendation", 20, requires(*READ_ROLES))
    set_form_summary = text_setter("form_summary", MAX_SUMMARY_CHARS, requires(*READ_ROLES))

    @rx.event
    @requires(*READ_ROLES)
    def submit(self):
        ratings = {skill: int(value) for skill, value in self.form_ratings.items()
                   if value in RATING_CHOICES}
        try:
            with session_scope() as session:
                submit_scorecard(session=session, booking_id=self.scorecard_booking_id,
                                 interviewer=current_actor(), ratings=ratings,
                                 notes=self.form_notes, recommendation=self.form_recommendation,
                                 summary=self.form_summary)
        except ScorecardRefused as refused:
            self.scorecard_error = str(refused)
            return
        self._reload_scorecards(self.candidate_id)
        return rx.toast.success("Scorecard saved.")

    def _reload_scorecards(self, candidate_id: int) -> None:
        with session_scope() as session:
            panel = scorecard_panel(session=session, candidate_id=candidate_id,
                                    viewer=current_actor())
        self._show(panel)

    def _show(self, panel: ScorecardPanel) -> None:
        self.scorecard_booking_id, self.scorecard_job_title = panel.booking_id, panel.job_title
        self.scorecard_booked, self.scorecard_team = panel.booked, panel.team
        self.scorecards, self.scorecard_skills = panel.scorecards, panel.skills
        self.scorecard_mean, self.scorecard_weight_line = panel.mean, panel.weight_line
        self.can_fill_scorecard = panel.can_fill
        self.has_own_scorecard = bool(panel.my_recommendation)
        self.scorecard_locked_reason = panel.locked_reason
        self.chosen_interviewers = [row.user_id for row in panel.team if row.named]
        self.form_ratings = {skill: panel.my_ratings.get(skill, "") for skill in panel.skills}
        self.form_notes = {skill: panel.my_notes.get(skill, "") for skill in panel.skills}
        self.form_recommendation, self.form_summary = (panel.my_recommendation,
                                                       panel.my_summary)
        self.scorecard_error = ""
