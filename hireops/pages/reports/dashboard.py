"""The dashboard: where the pipeline stands today."""

import reflex as rx

from hireops import routes
from hireops.components.decision_card import decision_cards
from hireops.components.mail_banner import mail_not_set_banner
from hireops.components.shell import recruiter_page
from hireops.components.ticker import ticker
from hireops.components.ui import card, metric_card
from hireops.services.reports.dashboard import ActivityItem, StageCount
from hireops.state.reports.dashboard import DashboardState
from hireops.state.decisions.queue import DecisionQueueState


def _stage_row(stage: StageCount) -> rx.Component:
    share = (stage.count / DashboardState.largest_stage * 100).to_string() + "%"
    return rx.hstack(
        rx.text(stage.label, size="2", width="170px", color=rx.color("gray", 11)),
        rx.box(
            rx.box(height="10px", width=share, background=rx.color("accent", 9),
                   border_radius="5px", min_width="2px"),
            width="100%", background=rx.color("gray", 3), border_radius="5px",
        ),
        rx.text(stage.count, size="2", weight="bold", width="40px", text_align="right"),
        width="100%", align="center", spacing="3", id="stage-row-" + stage.stage,
    )


def _activity_row(item: ActivityItem) -> rx.Component:
    return rx.hstack(
        rx.icon("circle-dot", size=14, color=rx.color("accent", 9), flex_shrink="0"),
        rx.text(item.lead,
                rx.cond(item.link_href != "", rx.link(item.link_text, href=item.link_href),
                        item.link_text),
                item.tail, size="2", flex="1", min_width="0", class_name="activity-sentence"),
        rx.text(item.at, size="1", color=rx.color("gray", 10), white_space="nowrap",
                class_name="activity-when"),
        width="100%", align="center", spacing="2", wrap="wrap",
    )


def _decision_queue() -> rx.Component:
    return card(
        rx.hstack(rx.icon("gavel", size=18, color=rx.color("amber", 10)),
                  rx.heading("Decision required", size="4"),
                  rx.badge(DecisionQueueState.decision_cards.length(), color_scheme="amber"),
                  spacing="2", align="center", padding_bottom="12px"),
        decision_cards(DecisionQueueState, "No decision waits for HR."),
        width="100%", id="decision-queue",
    )


# New mail, interviews and decisions appear without a reload.
LIVE_REFRESH_MS = 15_000


@recruiter_page(route=routes.DASHBOARD, title="Dashboard",
                on_load=[DecisionQueueState.load_queue])
def dashboard() -> rx.Component:
    return rx.vstack(
        ticker(every=LIVE_REFRESH_MS, on_tick=DecisionQueueState.refresh),
        mail_not_set_banner(~DashboardState.mail_server_set, DashboardState.is_admin),
        rx.grid(
            metric_card("Open jobs", DashboardState.open_jobs, "briefcase", "accepting applications"),
            metric_card("Candidates", DashboardState.candidates, "users", "people in the pipeline"),
            metric_card("Applications", DashboardState.applications, "file-text",
                        "across all jobs", color="blue"),
            metric_card("Decisions for HR", DashboardState.awaiting_hr, "gavel",
                        "waiting for a person", color="amber"),
            columns=rx.breakpoints(initial="1", sm="2", lg="4"), spacing="4", width="100%",
        ),
        _decision_queue(),
        rx.grid(
            card(
                rx.heading("Applications by stage", size="4", padding_bottom="12px"),
                rx.vstack(rx.foreach(DashboardState.stages, _stage_row), spacing="3",
                          width="100%"),
                width="100%",
            ),
            card(
                rx.heading("Recent activity", size="4", padding_bottom="12px"),
                rx.cond(
                    DashboardState.recent_activity.length() > 0,
                    rx.vstack(rx.foreach(DashboardState.recent_activity, _activity_row),
                              spacing="3", width="100%"),
                    rx.text("Nothing has happened yet.", size="2", color=rx.color("gray", 10)),
                ),
                width="100%",
            ),
            columns=rx.breakpoints(initial="1", lg="2"), spacing="4", width="100%",
        ),
        spacing="5", width="100%",
    )
