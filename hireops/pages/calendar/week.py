"""The team's interview calendar: one week of booked interviews (seven columns on a desk, a
list of days on a phone) and the user's private feed address for their own calendar app."""

from __future__ import annotations

import reflex as rx

from hireops import routes
from hireops.components.confirm import confirm_dialog, danger_button
from hireops.components.secret_field import secret_field, typed_secret
from hireops.components.shell import recruiter_page
from hireops.components.ui import card
from hireops.services.calendar.week import WeekDay, WeekEntry
from hireops.state.calendar.week import CalendarState as C
from hireops.state.settings.calendar_busy import PASSWORD_FIELD as CALDAV_PASSWORD
from hireops.state.settings.calendar_busy import CalendarBusyState as B

MUTED = rx.color("gray", 11)


def _entry(entry: WeekEntry) -> rx.Component:
    return rx.vstack(
        rx.text(entry.time_label, size="1", weight="bold", color=rx.color("accent", 11)),
        rx.link(entry.candidate_name, href=entry.candidate_path, size="2", weight="medium",
                overflow_wrap="anywhere"),
        rx.text(entry.job_title, size="1", color=MUTED, overflow_wrap="anywhere"),
        rx.cond(entry.meeting_url != "",
                rx.link(rx.hstack(rx.icon("video", size=12), rx.text("Join call", size="1"),
                                  spacing="1", align="center"),
                        href=entry.meeting_url, is_external=True,
                        rel="noopener noreferrer nofollow"),
                rx.cond(entry.location != "",
                        rx.text(entry.location, size="1", color=MUTED,
                                overflow_wrap="anywhere"))),
        spacing="0", width="100%", padding="6px 8px", border_radius="8px",
        background=rx.color("accent", 2), border=f"1px solid {rx.color('accent', 5)}",
        class_name="calendar-entry",
    )


def _day(day: WeekDay) -> rx.Component:
    return rx.vstack(
        rx.text(day.label, size="2", weight=rx.cond(day.is_today, "bold", "medium"),
                color=rx.cond(day.is_today, rx.color("accent", 11), rx.color("gray", 12))),
        rx.cond(day.interviews.length() > 0,
                rx.vstack(rx.foreach(day.interviews, _entry), spacing="2", width="100%"),
                rx.text("No interviews", size="1", color=rx.color("gray", 9))),
        spacing="2", width="100%", min_width="0", padding="10px",
        border_radius="10px", border=f"1px solid {rx.color('gray', 4)}",
        background=rx.cond(day.is_today, rx.color("accent", 1), rx.color("gray", 1)),
        min_height=rx.breakpoints(initial="auto", md="180px"),
        class_name="calendar-day", data_day=day.iso,
    )


def _week_nav() -> rx.Component:
    return rx.hstack(
        rx.icon_button(rx.icon("chevron-left", size=16), variant="soft",
                       on_click=C.previous_week, id="calendar-previous",
                       aria_label="Previous week"),
        rx.button("This week", variant="soft", on_click=C.this_week, id="calendar-today"),
        rx.icon_button(rx.icon("chevron-right", size=16), variant="soft",
                       on_click=C.next_week, id="calendar-next", aria_label="Next week"),
        spacing="2",
    )


def _feed_created() -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("calendar-plus")),
        rx.vstack(
            rx.text("Your feed address. Copy it now: it is shown only once. Add it in your "
                    "calendar app as a subscription (\"From URL\" in Google Calendar, "
                    "\"Subscribe from web\" in Outlook).", weight="medium", size="2"),
            rx.code(C.new_feed_url, id="calendar-feed-url", size="2", word_break="break-all"),
            rx.hstack(
                rx.button(rx.icon("copy", size=14), "Copy", size="1", variant="soft",
                          on_click=[rx.set_clipboard(C.new_feed_url),
                                    rx.toast.success("Copied")]),
                rx.button("Done", size="1", variant="ghost", on_click=C.dismiss_feed_url),
                spacing="2"),
            spacing="2", width="100%"),
        color_scheme="green", width="100%")


def _feed_controls() -> rx.Component:
    return rx.cond(
        C.feed.active,
        rx.vstack(
            rx.text("Your calendar app reads the address starting ", rx.code(C.feed.token_prefix),
                    "… (made ", C.feed.created_at, ", last read ", C.feed.last_used, ").",
                    size="2", id="calendar-feed-status"),
            rx.hstack(
                confirm_dialog(
                    trigger=rx.button("New address", size="2", variant="soft",
                                      id="calendar-feed-renew"),
                    title="Make a new feed address?",
                    description="The current address stops working; add the new one to your "
                                "calendar app instead.",
                    confirm_label="Make a new address", on_confirm=C.create_feed,
                    color="indigo"),
                confirm_dialog(
                    trigger=danger_button("Revoke", size="2", id="calendar-feed-revoke"),
                    title="Revoke your feed address?",
                    description="Calendar apps subscribed to it stop receiving interviews.",
                    confirm_label="Revoke", on_confirm=C.revoke_feed,
                    confirm_id="calendar-feed-revoke-confirm"),
                spacing="2", wrap="wrap"),
            spacing="2", width="100%"),
        rx.button(rx.icon("calendar-plus", size=16), "Create my feed address",
                  on_click=C.create_feed, id="calendar-feed-create"),
    )


def _connection_card(title: str, explanation: str, *children: rx.Component,
                     card_id: str) -> rx.Component:
    """A card below the week that links it with another calendar: what it does, then how."""
    return card(
        rx.vstack(rx.heading(title, size="3"), rx.text(explanation, size="2", color=MUTED),
                  *children, spacing="3", width="100%"),
        width="100%", id=card_id)


def _feed_card() -> rx.Component:
    return _connection_card(
        "See interviews in your own calendar",
        "A private address for Google, Outlook or Apple Calendar with the team's booked "
        "interviews: time, place, candidate and job (blind-screening candidates by their "
        "alias). Anyone with the address can read it, so keep it to yourself, and make a new "
        "one if it leaks.",
        rx.cond(C.new_feed_url != "", _feed_created(), _feed_controls()),
        card_id="calendar-feed")


def _field(label: str, control: rx.Component) -> rx.Component:
    return rx.vstack(rx.text(label, size="2", weight="medium"), control, spacing="1",
                     width="100%")


def _busy_card() -> rx.Component:
    return _connection_card(
        "My busy times (CalDAV)",
        "Connect your own calendar (Nextcloud, Fastmail, iCloud, Radicale...) and suggested "
        "interview slots avoid your meetings. Only busy times are read; the password is "
        "stored encrypted.",
        rx.grid(
            _field("CalDAV address", rx.input(
                value=B.url, on_change=B.set_url, id="caldav-url", width="100%",
                placeholder="https://dav.example.com/", max_length=500)),
            _field("User name", rx.input(
                value=B.username, on_change=B.set_username, id="caldav-username",
                width="100%", max_length=200, auto_complete="off")),
            _field(rx.cond(B.has_password, "Password (leave empty to keep)", "Password"),
                   secret_field(CALDAV_PASSWORD, width="100%")),
            columns=rx.breakpoints(initial="1", md="3"), spacing="3", width="100%"),
        rx.hstack(
            rx.button("Save", on_click=B.save(typed_secret(CALDAV_PASSWORD)), id="caldav-save"),
            rx.cond(B.connected, rx.fragment(
                rx.button("Check now", variant="soft", on_click=B.check_now,
                          loading=B.checking, id="caldav-check"),
                rx.button("Disconnect", variant="soft", color_scheme="red",
                          on_click=B.disconnect, id="caldav-disconnect"))),
            spacing="2", wrap="wrap"),
        rx.cond(B.message != "", rx.text(B.message, size="2", id="caldav-message",
                                         color=rx.cond(B.tone == "red", rx.color("red", 11),
                                                       rx.color("green", 11)),
                                         overflow_wrap="anywhere")),
        rx.cond(B.connected, rx.text(
            "Last read: ", B.last_checked,
            rx.cond(B.last_error != "", rx.text.span(" (failed: ", B.last_error, ")",
                                                     color=rx.color("red", 11)), ""),
            size="1", color=MUTED, overflow_wrap="anywhere")),
        card_id="caldav-card")


@recruiter_page(route=routes.CALENDAR, title="Calendar", on_load=[C.load, B.load_account],
                actions=_week_nav)
def calendar() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(C.title, size="4", id="calendar-title"),
            rx.text(C.count, " booked · times in ", C.zone_name, size="2", color=MUTED),
            align="baseline", spacing="3", wrap="wrap"),
        rx.grid(rx.foreach(C.days, _day),
                columns=rx.breakpoints(initial="1", md="7"), spacing="2", width="100%",
                id="calendar-week"),
        _feed_card(),
        rx.cond(C.can_edit, _busy_card()),
        spacing="4", width="100%",
    )
