"""The bell in the top bar: the unread count on the icon, the newest notifications in a
popover, each a link that marks it read."""

from __future__ import annotations

import reflex as rx

from hireops import routes
from hireops.components.ticker import ticker
from hireops.services.outreach.notifications import NotificationRow
from hireops.state.outreach.notifications import NotificationBellState as B

MUTED = rx.color("gray", 11)
# How often an open page re-reads the unread count (new mail, a decision waiting).
BELL_REFRESH_MS = 60_000


def _item(item: NotificationRow) -> rx.Component:
    return rx.box(
        rx.hstack(rx.cond(item.unread, rx.box(width="8px", height="8px", min_width="8px",
                                              border_radius="50%",
                                              background=rx.color("accent", 9))),
                  rx.text(item.title, size="2", weight=rx.cond(item.unread, "bold", "regular")),
                  spacing="2", align="center"),
        rx.text(item.kind_label, " · ", item.at, size="1", color=MUTED),
        on_click=B.open_item(item.id, item.link), cursor="pointer", padding="8px",
        border_radius="8px", width="100%", _hover={"background": rx.color("gray", 3)},
        class_name="bell-item",
    )


def notification_bell(button_id: str = "notification-bell", live: bool = True) -> rx.Component:
    """The bell; `live` keeps its count fresh while the page is open (one per page: the
    phone's copy of the bell is mounted beside the wide screen's)."""
    return rx.fragment(_bell(button_id), ticker(every=BELL_REFRESH_MS,
                                                on_tick=B.load_bell) if live else rx.fragment())


def _bell(button_id: str) -> rx.Component:
    return rx.popover.root(
        rx.popover.trigger(rx.box(
            rx.icon_button(rx.icon("bell", size=18), variant="ghost", color_scheme="gray",
                           size="3", id=button_id, aria_label="Notifications"),
            rx.cond(B.unread > 0, rx.badge(
                rx.cond(B.unread > 99, "99+", B.unread.to_string()), color_scheme="red",
                variant="solid", radius="full", size="1", position="absolute", top="-4px",
                right="-6px", pointer_events="none", class_name="bell-count")),
            position="relative")),
        rx.popover.content(
            rx.vstack(
                rx.hstack(rx.text("Notifications", size="3", weight="bold"), rx.spacer(),
                          rx.cond(B.unread > 0, rx.button("Mark all read", size="1",
                                                          variant="ghost",
                                                          on_click=B.mark_all_read,
                                                          id="bell-mark-all")),
                          width="100%", align="center"),
                rx.cond(B.items.length() > 0,
                        rx.vstack(rx.foreach(B.items, _item), spacing="0", width="100%",
                                  max_height="60vh", overflow_y="auto"),
                        rx.text("Nothing new.", size="2", color=MUTED)),
                rx.link("All notifications and email settings", href=routes.NOTIFICATIONS,
                        size="2"),
                spacing="2", width="100%",
            ),
            width="min(360px, 92vw)", id=f"{button_id}-panel",
        ),
        on_open_change=lambda _open: B.load_bell(),
    )
