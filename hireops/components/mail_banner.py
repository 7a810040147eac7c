"""The banner shown while no mail server is set: mail to candidates only reaches a folder."""

from __future__ import annotations

import reflex as rx

from hireops import routes


def mail_not_set_banner(show: rx.Var, is_admin: rx.Var) -> rx.Component:
    """A warning while `show`; admins get the way to Settings > Mail, others whom to ask."""
    return rx.cond(show, rx.callout.root(
        rx.callout.icon(rx.icon("mail-warning")),
        rx.callout.text(
            rx.text.strong("No mail server is set. "),
            "Emails to candidates (invitations, confirmations, rejections) are saved to the "
            "outbox folder on this server and reach no one. ",
            rx.cond(is_admin,
                    rx.link("Set up mail in Settings > Mail.", href=routes.SETTINGS),
                    "An admin can set one up in Settings > Mail."),
        ),
        color_scheme="amber", width="100%", id="mail-not-set", role="status",
    ))
