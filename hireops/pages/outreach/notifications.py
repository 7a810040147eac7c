"""The signed-in user's notifications, and how they want each kind by email."""

from __future__ import annotations

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.ui import card
from hireops.services.outreach.notifications import EMAIL_MODE_LABELS, NotificationRow
from hireops.state.outreach.notifications import NotificationsPageState as N

MUTED = rx.color("gray", 11)


def _row(item: NotificationRow) -> rx.Component:
    return rx.hstack(
        rx.icon(rx.cond(item.unread, "bell-dot", "bell"), size=16,
                color=rx.cond(item.unread, rx.color("accent", 10), MUTED)),
        rx.vstack(
            rx.link(item.title, size="2", weight=rx.cond(item.unread, "bold", "regular"),
                    href="#", on_click=[rx.prevent_default, N.open_item(item.id, item.link)]),
            rx.cond(item.body != "", rx.text(item.body, size="2", color=MUTED,
                                             overflow_wrap="anywhere")),
            rx.text(item.kind_label, " · ", item.at, size="1", color=MUTED),
            spacing="1", width="100%"),
        spacing="3", align="start", width="100%", padding_y="6px",
        border_bottom=f"1px solid {rx.color('gray', 4)}", class_name="notification-row",
    )


def _preference(row: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.text(row[1], size="2", weight="medium", min_width="170px"),
        rx.spacer(),
        rx.select.root(
            rx.select.trigger(width="170px", class_name="notification-email-mode"),
            rx.select.content(*[rx.select.item(label, value=mode)
                                for mode, label in EMAIL_MODE_LABELS.items()]),
            value=row[2], on_change=lambda mode: N.choose_email(row[0], mode)),
        width="100%", align="center", wrap="wrap", row_gap="6px",
    )


def _actions() -> rx.Component:
    return rx.cond(N.unread > 0, rx.button(rx.icon("check-check", size=16), "Mark all read",
                                           variant="soft", on_click=N.mark_everything_read,
                                           id="notifications-mark-all"))


@recruiter_page(route=routes.NOTIFICATIONS, title="Notifications", on_load=[N.load_page],
                actions=_actions)
def notifications() -> rx.Component:
    return rx.grid(
        card(rx.cond(N.items.length() > 0,
                     rx.vstack(rx.foreach(N.items, _row), spacing="1", width="100%"),
                     rx.text("No notifications yet.", size="2", color=MUTED)),
             width="100%", id="notification-list"),
        card(rx.vstack(
            rx.heading("Email me", size="4"),
            rx.text("Everything shows under the bell. Choose what also comes by email: at "
                    "once, or in one email a day.", size="2", color=MUTED),
            rx.foreach(N.preferences, _preference),
            spacing="3", width="100%"), width="100%", id="notification-preferences"),
        columns=rx.breakpoints(initial="1", lg="3fr 2fr"), spacing="4", width="100%",
        align_items="start",
    )
