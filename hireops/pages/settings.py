"""Settings (admins only): AI engines per agent and the team."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.ui import card, data_table
from hireops.services.users import UserRow
from hireops.state.access import ADMIN_ROLES
from hireops.state.mailbox_settings import MailboxSettingsState as M
from hireops.state.settings_page import AgentConfigRow, SettingsState


def _agent_row(row: AgentConfigRow) -> rx.Component:
    return rx.table.row(rx.table.cell(rx.text(row.agent, weight="medium")),
                        rx.table.cell(rx.badge(row.engine, variant="soft")),
                        rx.table.cell(row.target))


def _user_row(user: UserRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.vstack(rx.text(user.email, weight="medium", size="2"),
                                rx.text(user.full_name, size="1", color=rx.color("gray", 10)),
                                spacing="0")),
        rx.table.cell(rx.badge(user.role, variant="soft")),
        rx.table.cell(rx.cond(user.active, rx.badge("active", color_scheme="green"),
                              rx.badge("disabled", color_scheme="gray"))),
        rx.table.cell(rx.text(user.last_login, size="2")),
    )


def _field(label: str, name: str, **props) -> rx.Component:
    return rx.vstack(rx.text(label, size="2", weight="medium"),
                     rx.input(value=getattr(M, name), on_change=M.set_field(name), width="100%",
                              id=f"imap-{name}", **props),
                     spacing="1", width="100%")


def _mailbox() -> rx.Component:
    return card(
        rx.text("Connect the recruiting mailbox over IMAP with an app password. Without it the "
                "inbox reads the local folder ", rx.code("INBOX_MAILDIR"), ".", size="2",
                color=rx.color("gray", 11)),
        rx.grid(
            _field("IMAP server", "host", placeholder="imap.gmail.com"),
            _field("Port", "port", type="number"),
            rx.vstack(rx.text("Security", size="2", weight="medium"),
                      rx.select(["ssl", "starttls", "none"], value=M.security,
                                on_change=M.set_field("security"), width="100%"),
                      spacing="1", width="100%"),
            _field("Username", "username", placeholder="jobs@yourcompany.com"),
            _field("App password", "password", type="password",
                   placeholder=rx.cond(M.password_saved, "saved (leave empty to keep)", "")),
            _field("Folders", "folders", placeholder="INBOX, Applications"),
            columns=rx.breakpoints(initial="1", md="3"), spacing="4", width="100%",
            padding_y="12px",
        ),
        rx.cond(M.error != "", rx.callout(M.error, icon="triangle-alert", color_scheme="red",
                                           width="100%")),
        rx.cond(M.test_message != "",
                rx.callout(M.test_message, icon=rx.cond(M.test_ok, "circle-check", "circle-x"),
                           color_scheme=rx.cond(M.test_ok, "green", "red"), width="100%",
                           id="imap-test-result")),
        rx.hstack(
            rx.button(rx.cond(M.testing, rx.spinner(size="2"), rx.icon("plug", size=16)),
                      "Test connection", variant="soft", on_click=M.test_connection,
                      disabled=M.testing, id="imap-test"),
            rx.button(rx.icon("save", size=16), "Save mailbox", on_click=M.save, id="imap-save"),
            rx.cond(M.password_saved,
                    rx.button("Disconnect", variant="soft", color_scheme="red",
                              on_click=M.disconnect, id="imap-disconnect")),
            spacing="2", padding_top="10px",
        ),
        width="100%",
    )


@recruiter_page(route=routes.SETTINGS, title="Settings",
                on_load=[SettingsState.load, M.load], roles=ADMIN_ROLES)
def settings() -> rx.Component:
    return rx.vstack(
        card(rx.hstack(rx.text("Company", weight="medium"), rx.text(SettingsState.company_name),
                       rx.spacer(), rx.text("Database", weight="medium"),
                       rx.badge(SettingsState.database), spacing="3", width="100%"),
             width="100%"),
        rx.heading("Mailbox", size="4", padding_top="8px"),
        _mailbox(),
        rx.heading("AI engines", size="4", padding_top="8px"),
        data_table(["Agent", "Engine", "Uses"], SettingsState.agents, _agent_row),
        rx.text("Engines are set per agent with environment variables such as "
                "JOB_GENERATOR_ENGINE=mistral and JOB_GENERATOR_AGENT_ID.", size="1",
                color=rx.color("gray", 10)),
        rx.heading("Team", size="4", padding_top="8px"),
        data_table(["User", "Role", "Status", "Last sign-in"], SettingsState.users, _user_row),
        rx.text("Add users with: python -m hireops create-user --email E --role R", size="1",
                color=rx.color("gray", 10)),
        spacing="3", width="100%",
    )
