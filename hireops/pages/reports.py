"""Reports: the pipeline by stage and what the AI engines did."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.ui import card, data_table
from hireops.services.ai_usage import AgentUsage
from hireops.services.dashboard import StageCount
from hireops.state.reports import ReportsState


def _stage_row(stage: StageCount) -> rx.Component:
    return rx.table.row(rx.table.cell(stage.label), rx.table.cell(stage.count))


def _usage_row(usage: AgentUsage) -> rx.Component:
    return rx.table.row(
        rx.table.cell(usage.agent), rx.table.cell(rx.badge(usage.engine, variant="soft")),
        rx.table.cell(usage.calls), rx.table.cell(usage.failures), rx.table.cell(usage.tokens),
        rx.table.cell(usage.cost), rx.table.cell(usage.avg_latency_ms),
    )


@recruiter_page(route=routes.REPORTS, title="Reports", on_load=[ReportsState.load])
def reports() -> rx.Component:
    return rx.vstack(
        rx.heading("Pipeline by stage", size="4"),
        data_table(["Stage", "Applications"], ReportsState.stages, _stage_row),
        rx.heading("AI usage", size="4", padding_top="12px"),
        rx.cond(
            ReportsState.ai_usage.length() > 0,
            data_table(["Agent", "Engine", "Calls", "Failed", "Tokens", "Cost", "Avg ms"],
                       ReportsState.ai_usage, _usage_row),
            card(rx.text("No AI calls yet.", size="2", color=rx.color("gray", 10)), width="100%"),
        ),
        spacing="3", width="100%",
    )
