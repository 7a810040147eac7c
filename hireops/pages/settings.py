"""Settings (admins only): AI engines per agent and the team."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.ui import card, data_table
from hireops.services.users import UserRow
from hireops.state.access import ADMIN_ROLES
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


@recruiter_page(route=routes.SETTINGS, title="Settings", on_load=[SettingsState.load],
                roles=ADMIN_ROLES)
def settings() -> rx.Component:
    return rx.vstack(
        card(rx.hstack(rx.text("Company", weight="medium"), rx.text(SettingsState.company_name),
                       rx.spacer(), rx.text("Database", weight="medium"),
                       rx.badge(SettingsState.database), spacing="3", width="100%"),
             width="100%"),
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
