"""The calendar page: one week of booked interviews, and the signed-in user's private feed
address (created and shown once, replaced or revoked)."""

from __future__ import annotations

from datetime import date, timedelta

import reflex as rx

from hireops.db import session_scope
from hireops.models import utcnow
from hireops.services.calendar.feed_tokens import (
    FeedStatus,
    create_feed_token,
    feed_status,
    feed_url,
    revoke_feed_token,
)
from hireops.services.calendar.week import WeekDay, calendar_week, parse_monday
from hireops.services.outreach.bookings import company_zone
from hireops.state.access import READ_ROLES, current_actor, event_for
from hireops.state.auth import AuthState
from hireops.state.unsaved import unsaved


class CalendarState(unsaved("new_feed_url"), AuthState):
    # The week shown, by its Monday (ISO date).
    monday: str = ""
    title: str = ""
    days: list[WeekDay] = []
    count: int = 0
    zone_name: str = ""
    # The signed-in user's feed: whether one is live, its readable start and when used.
    feed: FeedStatus = FeedStatus(active=False, token_prefix="", created_at="", last_used="")
    # The address of the feed just created: shown once, cleared on dismiss or reload.
    new_feed_url: str = ""

    @event_for(*READ_ROLES)
    def load(self):
        self.new_feed_url = ""
        week = str(self.router.url.query_parameters.get("week", ""))
        self._show(parse_monday(week, today=self._today()))
        self._load_feed()

    @event_for(*READ_ROLES)
    def previous_week(self):
        earlier = parse_monday(self.monday, today=self._today()) - timedelta(days=7)
        self._show(earlier)

    @event_for(*READ_ROLES)
    def next_week(self):
        later = parse_monday(self.monday, today=self._today()) + timedelta(days=7)
        self._show(later)

    @event_for(*READ_ROLES)
    def this_week(self):
        self._show(parse_monday("", today=self._today()))

    @event_for(*READ_ROLES)
    def create_feed(self):
        with session_scope() as session:
            token = create_feed_token(session=session, user=current_actor())
        self.new_feed_url = feed_url(token)
        self._load_feed()

    @event_for(*READ_ROLES)
    def revoke_feed(self):
        with session_scope() as session:
            revoke_feed_token(session=session, user=current_actor())
        self.new_feed_url = ""
        self._load_feed()
        return rx.toast.success("The feed address no longer works.")

    @event_for(*READ_ROLES)
    def dismiss_feed_url(self):
        self.new_feed_url = ""

    def _today(self) -> date:
        return utcnow().astimezone(company_zone()).date()

    def _show(self, monday: date) -> None:
        zone = company_zone()
        with session_scope() as session:
            week = calendar_week(session=session, monday=monday, zone=zone, today=self._today())
        self.monday, self.title, self.days, self.count = (week.monday, week.title, week.days,
                                                           week.count)
        self.zone_name = zone.key

    def _load_feed(self) -> None:
        with session_scope() as session:
            self.feed = feed_status(session=session, user_id=current_actor().id)
