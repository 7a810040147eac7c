"""The reports' funnel chart: one bar per stage, centred, as wide as the applications that
reached it, drawn by the page itself with the numbers (no plotly: it is the one chart on the
first screen, and the page's cold load no longer waits for plotly to run)."""

import reflex as rx

from hireops.state.reports.charts import ACCENT, NOT_ENOUGH_DATA, FunnelBar
from hireops.state.reports.figures import ReportsState

MUTED = rx.color("gray", 11)


def _stage(bar: FunnelBar) -> rx.Component:
    # Three cells of the chart's grid: the stage, its bar, its count. The count has a column
    # of its own, so no label is ever drawn over a bar or cut at the chart's edge.
    return rx.fragment(
        rx.text(bar.label, size="1", color=MUTED, text_align="right", line_height="1.2"),
        rx.flex(rx.box(width=bar.width, height="20px", background=ACCENT,
                       border_radius="3px", class_name="funnel-bar"),
                justify="center", align="center", width="100%", min_width="0",
                title=bar.hint),
        rx.text(bar.text, size="1", white_space="nowrap",
                style={"font_variant_numeric": "tabular-nums"}),
    )


def funnel_chart() -> rx.Component:
    """The funnel's card: a title, what the figures are, the bars; with no applications in the
    range, "Not enough data yet" as the other charts say it."""
    bars = rx.grid(rx.foreach(ReportsState.funnel_bars, _stage),
                   grid_template_columns="minmax(0, max-content) minmax(0, 1fr) max-content",
                   column_gap="10px", row_gap="12px", align_items="center", width="100%")
    return rx.vstack(
        rx.vstack(rx.text("Applications reaching each stage", size="3", weight="medium"),
                  rx.text("count · % of the stage above", size="1", color=MUTED),
                  spacing="0"),
        rx.cond(ReportsState.applications > 0, bars,
                rx.center(rx.text(NOT_ENOUGH_DATA, size="2", color=MUTED), width="100%",
                          min_height="200px")),
        spacing="4", width="100%", padding="6px 8px", id="funnel-chart",
        role="figure", aria_label="Applications reaching each stage")
