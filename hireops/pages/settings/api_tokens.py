"""API tokens (admins only): tokens for other systems to call the integration API."""

import reflex as rx

from hireops import routes
from hireops.components.confirm import confirm_dialog, danger_button
from hireops.components.shell import recruiter_page
from hireops.components.ui import card, data_table, error_callout
from hireops.services.platform.api_tokens import ApiTokenRow
from hireops.state.access import ADMIN_ROLES
from hireops.state.settings.api_tokens import SCOPES
from hireops.state.settings.api_tokens import ApiTokensState as S


def _token_row(token: ApiTokenRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(token.name, weight="medium", size="2")),
        rx.table.cell(rx.code(token.token_prefix, "…")),
        rx.table.cell(rx.badge(rx.cond(token.scope == "write", "Read and write", "Read only"),
                               variant="soft",
                               color_scheme=rx.cond(token.scope == "write", "orange", "blue"))),
        rx.table.cell(rx.text(token.created_by, size="2")),
        rx.table.cell(rx.text(token.created_at, size="2")),
        rx.table.cell(rx.text(token.last_used, size="2")),
        rx.table.cell(rx.cond(
            token.revoked, rx.badge("revoked", color_scheme="gray"),
            confirm_dialog(
                trigger=danger_button("Revoke", class_name="revoke-token"),
                title="Revoke the token " + token.name + "?",
                description="Programs using it are refused from now on. A revoked token cannot "
                            "be turned back on; create a new one if needed.",
                confirm_label="Revoke token", on_confirm=S.revoke(token.id)))),
    )


def _created() -> rx.Component:
    return rx.cond(S.created_token != "", rx.callout.root(
        rx.callout.icon(rx.icon("key-round")),
        rx.vstack(
            rx.text("Token “", S.created_name, "” created. Copy it now: it is shown only once.",
                    weight="medium"),
            rx.hstack(
                rx.code(S.created_token, id="created-token", size="3", word_break="break-all"),
                rx.button(rx.icon("copy", size=14), "Copy", size="1", variant="soft",
                          on_click=[rx.set_clipboard(S.created_token),
                                    rx.toast.success("Copied")]),
                rx.button("Done", size="1", variant="ghost", on_click=S.dismiss_created),
                align="center", spacing="2", wrap="wrap",
            ),
            spacing="2",
        ),
        color_scheme="green", width="100%",
    ))


def _create_form() -> rx.Component:
    return card(
        rx.hstack(
            rx.vstack(rx.text("Name", size="2", weight="medium"),
                      rx.input(value=S.new_name, on_change=S.set_new_name, id="token-name",
                               placeholder="e.g. ATS sync", max_length=120, width="100%"),
                      spacing="1", flex="1"),
            rx.vstack(rx.text("Scope", size="2", weight="medium"),
                      rx.select(list(SCOPES), value=S.new_scope,
                                on_change=S.set_new_scope, id="token-scope"),
                      spacing="1"),
            rx.button(rx.icon("plus", size=16), "Create token", on_click=S.create,
                      id="token-create"),
            align="end", spacing="3", width="100%",
        ),
        rx.text("Read tokens may list jobs, candidates, applications and events; write tokens "
                "may also create jobs and candidates and move applications between stages.",
                size="1", color=rx.color("gray", 10), padding_top="8px"),
        width="100%",
    )


@recruiter_page(route=routes.SETTINGS_API, title="API tokens", on_load=[S.load],
                roles=ADMIN_ROLES)
def api_tokens() -> rx.Component:
    return rx.vstack(
        rx.text("Other systems call the HireOps API at ", rx.code("/api/v1"), " with a token "
                "sent as ", rx.code("Authorization: Bearer …"), ". The API description is at ",
                rx.link("/api/v1/openapi.json", href="/api/v1/openapi.json", is_external=True),
                ".", size="2", color=rx.color("gray", 11)),
        _created(),
        error_callout(S.error),
        _create_form(),
        data_table(["Name", "Token", "Scope", "Created by", "Created", "Last used", ""],
                   S.tokens, _token_row, table_id="api-tokens"),
        spacing="4", width="100%",
    )
