"""The recruiter shell (sidebar, header) and the page decorator that guards every page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import reflex as rx

from hireops import routes
from hireops.components.notification_bell import notification_bell
from hireops.components.keyboard_shortcuts import keyboard_shortcuts
from hireops.components.ui import native_form
from hireops.models import Role
from hireops.state.access import PAGE_ROLES, READ_ROLES
from hireops.state.auth import AuthState
from hireops.state.outreach.notifications import NotificationBellState

NAV_ITEMS = (
    ("Dashboard", "layout-dashboard", routes.DASHBOARD),
    ("Inbox", "inbox", routes.INBOX),
    ("Jobs", "briefcase", routes.JOBS),
    ("Candidates", "users", routes.CANDIDATES),
    ("Calendar", "calendar-days", routes.CALENDAR),
    ("Reports", "chart-bar", routes.REPORTS),
    ("Audit log", "scroll-text", routes.AUDIT),
    ("Settings", "settings", routes.SETTINGS),
)


def _nav_link(label: str, icon: str, href: str) -> rx.Component:
    path = rx.State.router.url.path
    active = (path == href) if href == "/" else path.startswith(href)
    return rx.link(
        rx.hstack(rx.icon(icon, size=18), rx.text(label, size="3", weight="medium"),
                  spacing="3", align="center"),
        href=href,
        underline="none",
        padding_x="12px",
        padding_y="9px",
        border_radius="8px",
        width="100%",
        color=rx.cond(active, rx.color("accent", 11), rx.color("gray", 11)),
        background=rx.cond(active, rx.color("accent", 3), "transparent"),
        _hover={"background": rx.color("gray", 3)},
    )


def _brand() -> rx.Component:
    return rx.hstack(
        rx.center(rx.icon("sparkles", size=18, color="white"), width="32px", height="32px",
                  border_radius="8px", background=rx.color("accent", 9)),
        rx.heading("HireOps", size="5", weight="bold"),
        spacing="2", align="center",
    )


def _navigation(sign_out_id: str, **props) -> rx.Component:
    """The links, who is signed in and Sign out: the sidebar and the phone's menu drawer."""
    return rx.vstack(
        rx.box(_brand(), padding_x="8px", padding_bottom="18px"),
        *[_nav_link(*item) for item in NAV_ITEMS],
        rx.spacer(),
        rx.divider(),
        rx.hstack(
            rx.avatar(fallback=AuthState.user_email[:2].upper(), size="2", radius="full"),
            rx.vstack(
                rx.text(rx.cond(AuthState.user_name != "", AuthState.user_name,
                                AuthState.user_email), size="2", weight="medium", trim="both"),
                rx.badge(AuthState.user_role, size="1", variant="soft", color_scheme="gray"),
                spacing="1",
            ),
            spacing="2", align="center", width="100%", padding_x="4px",
        ),
        # A plain form post: only the server can clear the HttpOnly session cookie.
        native_form(
            rx.button(rx.icon("log-out", size=16), "Sign out", type="submit", variant="ghost",
                      color_scheme="gray", width="100%", id=sign_out_id),
            action=routes.SIGN_OUT_ENDPOINT, width="100%",
        ),
        height="100vh",
        padding="20px 14px",
        spacing="1",
        background=rx.color("gray", 1),
        **props,
    )


def _sidebar() -> rx.Component:
    # Wide screens only: on a phone it would take most of the width (the menu drawer instead).
    return _navigation(
        "sign-out",
        display=rx.breakpoints(initial="none", md="flex"),
        width="232px",
        min_width="232px",
        position="sticky",
        top="0",
        border_right=f"1px solid {rx.color('gray', 5)}",
    )


def _phone_bar() -> rx.Component:
    """Narrow screens: a menu button that slides the navigation in from the left. Following a
    link loads another page, whose drawer starts closed."""
    drawer = rx.drawer.root(
        rx.drawer.trigger(rx.icon_button(rx.icon("menu", size=20), variant="ghost",
                                         color_scheme="gray", size="3", id="menu-button",
                                         aria_label="Open the menu")),
        rx.drawer.overlay(z_index="40", background="rgba(16,24,40,0.35)"),
        rx.drawer.portal(rx.drawer.content(
            _navigation("sign-out-menu", width="100%"),
            top="0", left="0", height="100%", width="min(280px, 85vw)",
            id="menu-drawer", aria_label="Navigation",
        )),
        direction="left",
    )
    return rx.hstack(
        drawer, _brand(), rx.spacer(), notification_bell("notification-bell-phone", live=False),
        display=rx.breakpoints(initial="flex", md="none"),
        spacing="3", align="center", width="100%", padding_bottom="14px",
    )


def _checking() -> rx.Component:
    return rx.center(rx.spinner(size="3"), height="100vh", width="100%")


def _not_allowed() -> rx.Component:
    return rx.center(
        rx.vstack(
            rx.icon("lock", size=32, color=rx.color("gray", 10)),
            rx.heading("This page is for administrators", size="5"),
            rx.text("Your role (", AuthState.user_role, ") cannot open it. Ask an admin if you "
                    "need access.", size="2", color=rx.color("gray", 11)),
            rx.link(rx.button("Back to the dashboard", variant="soft"), href=routes.DASHBOARD),
            align="center", spacing="3",
        ),
        height="100vh", width="100%", id="access-denied",
    )


def shell(title: str, content: rx.Component, actions: rx.Component | None = None,
          early: rx.Component | None = None) -> rx.Component:
    """The signed-in layout: sidebar, a page header with optional actions, and the content.
    `early` sits beside the access check, so it is in the page as the server prerenders it
    (before anyone is signed in): only what fetches public files belongs there."""
    # The actions go under the title when both do not fit on one line (phones).
    header = rx.hstack(
        rx.heading(title, size=rx.breakpoints(initial="6", md="7"), weight="bold"),
        rx.spacer(),
        actions or rx.fragment(),
        # On a phone the bell sits in the top bar beside the menu instead.
        rx.box(notification_bell(), display=rx.breakpoints(initial="none", md="block")),
        width="100%", align="center", padding_bottom="20px", flex_wrap="wrap", row_gap="10px",
    )
    gated = rx.cond(
        AuthState.access_granted,
        rx.hstack(
            _sidebar(),
            # min_width 0: a flex child may otherwise grow to its widest table or chart and
            # push the page sideways.
            rx.box(_phone_bar(), header, content,
                   keyboard_shortcuts(search_page=routes.CANDIDATES),
                   padding=rx.breakpoints(initial="14px 14px 28px", md="28px 36px"),
                   width="100%", max_width="1240px", min_width="0"),
            spacing="0", align="start", width="100%",
            background=rx.color("gray", 2), min_height="100vh",
        ),
        rx.cond(AuthState.access_denied, _not_allowed(), _checking()),
    )
    return gated if early is None else rx.fragment(early, gated)


# Every page of the app as (render function, add_page keyword arguments); hireops.py adds them.
PAGES: list[tuple[Callable[[], rx.Component], dict]] = []


def register_page(render: Callable[[], rx.Component], **page_options) -> None:
    """Record a page for the app (explicit add_page, so each page is added exactly once)."""
    PAGES.append((render, page_options))


def recruiter_page(
    *, route: str, title: str, on_load: Sequence | None = None,
    roles: tuple[Role, ...] = READ_ROLES, actions: Callable[[], rx.Component] | None = None,
    early: Callable[[], rx.Component] | None = None,
) -> Callable:
    """Register a signed-in page: access check first, then the page's own loaders. `early`
    renders before the access check (see `shell`), e.g. a script the page's <head> should
    start fetching."""
    PAGE_ROLES[route] = roles

    def decorate(body: Callable[[], rx.Component]) -> Callable:
        def page() -> rx.Component:
            return shell(title, body(), actions() if actions else None,
                         early() if early else None)

        page.__name__ = body.__name__
        # Reflex writes a page's compiled components to a module named after the page
        # function's module: the page's own, not this one, or every recruiter page would load
        # the components of all of them (0.9 MB of script, the reports' charts included).
        page.__module__, page.__qualname__ = body.__module__, body.__qualname__
        register_page(page, route=route, title=f"{title} · HireOps",
                      on_load=[AuthState.check_access, *(on_load or []),
                               NotificationBellState.load_bell])
        return page

    return decorate
