"""AI usage: calls, tokens, cost and latency per agent, model and day, and the price table."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.ui import card, download_button, empty_state, error_callout, label_cells
from hireops.services.reports.ai_usage import UsageRow
from hireops.state.reports.ai_usage import AIUsageState, PriceRow

MUTED = rx.color("gray", 11)
USAGE_HEADERS = ["Agent", "Model", "Calls", "Failed", "Tokens in", "Tokens out", "Recorded $",
                 "At current prices $", "Median ms", "p95 ms"]


def _usage_cells(row: UsageRow) -> list[rx.Component]:
    return label_cells([
        rx.table.cell(rx.text(row.agent_label, weight="medium")), rx.table.cell(rx.code(row.model)),
        rx.table.cell(row.calls),
        rx.table.cell(rx.cond(row.failures > 0, rx.badge(row.failures, color_scheme="red"),
                              rx.text("0", color=MUTED))),
        rx.table.cell(row.input_tokens), rx.table.cell(row.output_tokens),
        rx.table.cell("$", row.recorded_cost), rx.table.cell("$", row.current_cost),
        rx.table.cell(rx.cond(row.median_ms, row.median_ms, "–")),
        rx.table.cell(rx.cond(row.p95_ms, row.p95_ms, "–")),
    ], USAGE_HEADERS)


def _table(headers: list[str], rows, render, table_id: str) -> rx.Component:
    return card(rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
        rx.table.body(rx.foreach(rows, render)), variant="ghost", size="1", width="100%",
        id=table_id), padding="8px 12px", width="100%", overflow_x="auto")


def _price_row(row: PriceRow, index: int) -> rx.Component:
    editable = AIUsageState.can_edit_prices

    def cell(value, column: str, width: str):
        return rx.table.cell(rx.cond(
            editable,
            rx.input(value=value, width=width, size="1",
                     on_change=lambda v: AIUsageState.set_price_cell(index, column, v)),
            rx.text(value)))

    return rx.table.row(
        cell(row.prefix, "prefix", "200px"), cell(row.input_price, "input", "90px"),
        cell(row.output_price, "output", "90px"),
        rx.table.cell(rx.cond(editable, rx.icon_button(
            rx.icon("trash-2", size=14), size="1", variant="ghost", color_scheme="red",
            on_click=AIUsageState.remove_price_row(index)))))


def _prices() -> rx.Component:
    return rx.vstack(
        rx.heading("Prices", size="4"),
        rx.text("USD per million tokens, matched by the longest model-name prefix. New calls "
                "are priced with this table; past calls keep the cost recorded at the time, and "
                "the column \"At current prices\" above re-prices them for comparison.",
                size="2", color=MUTED),
        error_callout(AIUsageState.price_error),
        card(rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                           ["Model prefix", "Input", "Output", ""]])),
            rx.table.body(rx.foreach(AIUsageState.prices, _price_row)),
            variant="ghost", size="1", id="price-table"), padding="8px 12px"),
        rx.cond(AIUsageState.can_edit_prices,
                rx.hstack(rx.button(rx.icon("plus", size=14), "Add a model", variant="soft",
                                    on_click=AIUsageState.add_price_row),
                          rx.button("Save prices", on_click=AIUsageState.save_prices,
                                    id="save-prices")),
                rx.text("Only administrators can change prices.", size="1", color=MUTED)),
        spacing="3", padding_top="16px", align="start")


@recruiter_page(route=routes.REPORTS_AI, title="AI usage", on_load=[AIUsageState.load])
def ai_usage() -> rx.Component:
    return rx.vstack(
        card(rx.hstack(
            rx.link(rx.hstack(rx.icon("arrow-left", size=14), rx.text("Reports", size="2"),
                              align="center", spacing="1"), href=routes.REPORTS),
            rx.spacer(),
            rx.text("Calls from", size="2", color=MUTED),
            # Typed in the company's date style (Settings), not the browser's month-first one.
            rx.input(value=AIUsageState.date_from, placeholder=AIUsageState.date_hint,
                     on_change=AIUsageState.set_date_from, debounce_timeout=400, width="130px",
                     id="ai-usage-from"),
            rx.text("to", size="2", color=MUTED),
            rx.input(value=AIUsageState.date_to, placeholder=AIUsageState.date_hint,
                     on_change=AIUsageState.set_date_to, debounce_timeout=400, width="130px",
                     id="ai-usage-to"),
            align="center", spacing="3", width="100%", wrap="wrap"), width="100%",
            padding="12px 20px"),
        rx.cond(
            AIUsageState.totals.length() > 0,
            rx.vstack(
                rx.heading("By agent and model", size="4"),
                rx.text("Latency counts successful calls only; failed calls are mostly "
                        "timeouts and retries.", size="2", color=MUTED),
                _table(USAGE_HEADERS, AIUsageState.totals,
                       lambda r: rx.table.row(*_usage_cells(r)), "usage-totals"),
                rx.hstack(rx.heading("By day", size="4"), rx.spacer(),
                          download_button(rx.icon("download", size=14), "CSV", size="1",
                                          variant="soft", color_scheme="gray",
                                          href=routes.EXPORT_AI_USAGE + "?"
                                          + AIUsageState.daily_query,
                                          id="download-ai-usage"),
                          width="100%", align="center", padding_top="12px"),
                _table(["Day", *USAGE_HEADERS], AIUsageState.daily,
                       lambda r: rx.table.row(*label_cells(
                           [rx.table.cell(r.day, white_space="nowrap")], ["Day"]),
                                              *_usage_cells(r)),
                       "usage-daily"),
                spacing="3", width="100%"),
            empty_state("cpu", "No AI calls in this range",
                        "Calls appear here once mail is classified and resumes are scored."),
        ),
        _prices(),
        spacing="3", width="100%", padding_bottom="40px")
