"""The sign-in page, the only page besides the interview room that strangers can see."""

import reflex as rx

from hireops import routes
from hireops.components.shell import register_page
from hireops.components.ui import error_callout, native_form
from hireops.state.login import LoginState


def login() -> rx.Component:
    # A plain form post (no script): the server checks the password and sets the HttpOnly
    # session cookie itself.
    form = native_form(
        rx.vstack(
            rx.text("Email", size="2", weight="medium"),
            rx.input(name="email", type="email", placeholder="you@company.com", size="3",
                     width="100%", auto_focus=True, id="email"),
            rx.text("Password", size="2", weight="medium", padding_top="6px"),
            rx.input(name="password", type="password", placeholder="Your password", size="3",
                     width="100%", id="password"),
            rx.el.input(type="hidden", name="next", value=LoginState.next_path),
            error_callout(LoginState.error),
            rx.button("Sign in", type="submit", size="3", width="100%", margin_top="8px",
                      id="sign-in"),
            spacing="2", width="100%",
        ),
        action=routes.SIGN_IN_ENDPOINT,
        width="100%",
    )
    return rx.center(
        rx.vstack(
            rx.hstack(
                rx.center(rx.icon("sparkles", size=22, color="white"), width="40px",
                          height="40px", border_radius="10px", background=rx.color("accent", 9)),
                rx.heading("HireOps", size="7", weight="bold"),
                align="center", spacing="3",
            ),
            rx.text("The hiring pipeline for small HR teams", size="3",
                    color=rx.color("gray", 11)),
            rx.box(
                rx.heading("Sign in", size="5", padding_bottom="14px"),
                form,
                width="100%", padding="28px", border_radius="14px",
                background=rx.color("gray", 1), border=f"1px solid {rx.color('gray', 4)}",
                box_shadow="0 8px 24px rgba(16,24,40,0.08)",
            ),
            align="center", spacing="4", width="400px", max_width="92vw",
        ),
        min_height="100vh",
        background=rx.color("gray", 2),
    )


register_page(login, route=routes.LOGIN, title="Sign in · HireOps", on_load=LoginState.open_page)
