"""Reports: the pipeline for one job or all over a date range, as tables that download as CSV,
the funnel's chart (drawn by the page with the numbers) and interactive plotly charts under it
(each downloads as PNG from its toolbar)."""

import reflex as rx

from hireops import routes
from hireops.config import DEFAULT_INTERVIEW_WEIGHT, DEFAULT_RESUME_WEIGHT
from hireops.state.reports.charts import chart_template, plot_config
from hireops.components.charts import chart, draw_when_seen, plotly_early, render_when_seen
from hireops.components.shell import recruiter_page
from hireops.pages.reports.funnel import funnel_chart
from hireops.components.ui import (
    card, download_button, empty_state, error_callout, labelled_row, metric_card,
)
from hireops.services.decisions.ai_flags import FlagCountRow
from hireops.services.reports.figures import FunnelStep, ImpactRow, TopCandidate
from hireops.state.reports.figures import ReportsState

MUTED = rx.color("gray", 11)


def _chart(figure, name: str, **props) -> rx.Component:
    # Until the figures arrive (with the numbers) a placeholder of the chart's size holds its
    # place: the page does not jump when the charts are drawn. Each is then drawn in its turn,
    # near the screen first, the others in the browser's idle moments.
    drawing = rx.center(rx.spinner(size="2"), height="300px", width="100%",
                        class_name="chart-drawing")
    plot = chart(figure, plot_config(name), chart_template(), width="100%", height="300px")
    return card(rx.cond(ReportsState.figures_drawn, draw_when_seen(plot, "300px"), drawing),
                padding="8px", width="100%", min_width="0", **props)


def _below_first_screen(section: rx.Component, height: str) -> rx.Component:
    """A section under the funnel: built once the report is in and what is in sight is drawn
    (in its turn among the charts'), until then a blank box of about its height on a wide
    screen (`height`). The page's first renders, and so its first chart, no longer wait for
    tables and chart boxes below the first screen."""
    waiting = rx.box(height=height, width="100%")
    return rx.cond(ReportsState.figures_drawn, render_when_seen(section, height), waiting)


def _download(table: str, element_id: str) -> rx.Component:
    """A link to one table's CSV for the filter its rows are for: the file is built by a
    route (`api/export_routes.py`), not sent through the page's websocket."""
    return download_button(rx.icon("download", size=14), "CSV",
                           href=routes.report_table(table) + "?" + ReportsState.table_query,
                           size="1", variant="soft", color_scheme="gray", id=element_id)


def _section(title: str, hint: str, *children, action: rx.Component | None = None):
    return rx.vstack(
        rx.hstack(rx.vstack(rx.heading(title, size="4"), rx.text(hint, size="2", color=MUTED),
                            spacing="1"),
                  rx.spacer(), action or rx.fragment(), width="100%", align="end"),
        *children, spacing="3", width="100%", padding_top="16px")


def _filters() -> rx.Component:
    return card(
        rx.hstack(
            rx.vstack(rx.text("Job", size="1", weight="medium", color=MUTED),
                      rx.select.root(
                          rx.select.trigger(min_width="220px", id="report-job"),
                          rx.select.content(rx.foreach(
                              ReportsState.job_options,
                              lambda o: rx.select.item(o.label, value=o.value))),
                          value=ReportsState.job_id, on_change=ReportsState.set_job_id),
                      spacing="1"),
            rx.vstack(rx.text("Applied from", size="1", weight="medium", color=MUTED),
                      rx.input(value=ReportsState.date_from, id="report-from",
                               placeholder=ReportsState.date_hint, width="130px",
                               debounce_timeout=400, on_change=ReportsState.set_date_from),
                      spacing="1"),
            rx.vstack(rx.text("to", size="1", weight="medium", color=MUTED),
                      rx.input(value=ReportsState.date_to, id="report-to",
                               placeholder=ReportsState.date_hint, width="130px",
                               debounce_timeout=400, on_change=ReportsState.set_date_to),
                      spacing="1"),
            rx.button("Clear", on_click=ReportsState.clear_filters, variant="ghost",
                      color_scheme="gray"),
            rx.spacer(),
            rx.link(rx.button(rx.icon("cpu", size=14), "AI usage and cost", variant="soft"),
                    href=routes.REPORTS_AI),
            align="end", spacing="4", width="100%", wrap="wrap"),
        width="100%", padding="14px 20px")


def _funnel_row(step: FunnelStep) -> rx.Component:
    return rx.table.row(
        rx.table.cell(step.label), rx.table.cell(step.reached),
        rx.table.cell(rx.cond(step.conversion_pct, step.conversion_pct.to_string() + "%", "–")),
        rx.table.cell(rx.cond(step.of_total_pct, step.of_total_pct.to_string() + "%", "–")))


def _top_row(top: TopCandidate) -> rx.Component:
    verdict_color = rx.match(top.verdict, ("advance", "green"), ("hold", "amber"),
                             ("reject", "red"), "gray")
    return rx.table.row(
        rx.table.cell(rx.text(top.candidate, weight="medium")),
        rx.table.cell(top.job), rx.table.cell(rx.cond(top.resume_score, top.resume_score, "–")),
        rx.table.cell(rx.cond(top.interview_score, top.interview_score, "–")),
        rx.table.cell(rx.cond(top.final_score, rx.text(top.final_score, weight="bold"), "–")),
        rx.table.cell(rx.badge(top.verdict, color_scheme=verdict_color, variant="soft")))


def _impact_row(row: ImpactRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.group), rx.table.cell(row.passed), rx.table.cell(row.total),
        rx.table.cell(row.rate), rx.table.cell(rx.cond(row.ratio, row.ratio, "–")),
        rx.table.cell(rx.cond(row.flagged,
                              rx.badge("Below four fifths", color_scheme="red"),
                              rx.badge("OK", color_scheme="green", variant="soft"))))


def _table(headers: list[str], rows, render, table_id: str, *,
           fits_phone: bool = False) -> rx.Component:
    """A card holding a table. On a phone a table of a few short columns (`fits_phone`) stays
    a table; any other becomes one block per row, each value under its column's name
    (assets/responsive.css): kept as tables, they ran past the card's edge and were cut."""
    return card(rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
        rx.table.body(rx.foreach(rows, labelled_row(render, headers))), variant="ghost",
        size="1", width="100%", id=table_id, class_name="fits-phone" if fits_phone else None),
        padding="8px 12px", width="100%")


def _adverse_impact() -> rx.Component:
    not_collected = rx.cond(
        ReportsState.is_admin,
        rx.link(rx.button("Set up equal-opportunities questions", variant="soft"),
                href=routes.SETTINGS_EQUAL_OPPORTUNITIES, id="impact-setup"),
        rx.text("An admin can set them up.", size="2", color=MUTED))
    return _section(
        "Adverse impact",
        "How often the automatic decision advanced candidates of each self-reported group, "
        "compared with the group advanced most often. A ratio under 0.8 (the four-fifths rule) "
        "is flagged for review. Candidates' answers are optional and never used in scoring.",
        rx.cond(
            ReportsState.characteristic_options.length() > 0,
            rx.hstack(rx.text("Characteristic", size="2", color=MUTED),
                      rx.select.root(
                          rx.select.trigger(min_width="260px", id="impact-characteristic"),
                          rx.select.content(rx.foreach(
                              ReportsState.characteristic_options,
                              lambda o: rx.select.item(o.label, value=o.value))),
                          value=ReportsState.characteristic,
                          on_change=ReportsState.set_characteristic),
                      align="center", spacing="3"),
        ),
        rx.cond(
            ReportsState.impact.length() > 0,
            _table(["Group", "Advanced", "Decided", "Rate", "Ratio to highest", "Four fifths"],
                   ReportsState.impact, _impact_row, "impact-table"),
            rx.cond(
                ReportsState.characteristic_options.length() > 0,
                empty_state(
                    "scale", "No answers to compare yet",
                    "No candidate in this range with an automatic decision has answered this "
                    "question (\"Prefer not to say\" is not a group). Nothing is inferred from "
                    "names or photos."),
                empty_state(
                    "scale", "No self-reported group data collected yet",
                    "This view needs candidates' own optional answers to equal-opportunities "
                    "questions, asked in the interview room after consent. None are configured, "
                    "so no group can be compared; nothing is inferred from names or photos.",
                    not_collected),
            ),
        ),
        action=rx.cond(ReportsState.impact.length() > 0,
                       _download("adverse-impact", "download-impact")))


def _flag_row(row: FlagCountRow) -> rx.Component:
    return rx.table.row(rx.table.cell(row.output), rx.table.cell(row.wrong),
                        rx.table.cell(row.unfair), rx.table.cell(row.made_up),
                        rx.table.cell(rx.text(row.total, weight="medium")))


def _flags() -> rx.Component:
    return _section(
        "Flags on AI output", "Scores, evaluations and questions HR marked as wrong, unfair or "
        "made up (since the start date).",
        rx.hstack(rx.badge(ReportsState.flags_total.to_string(), " flags, ",
                           ReportsState.flags_open.to_string(), " open", variant="soft"),
                  width="100%"),
        _table(["Output", "Wrong", "Unfair", "Made up", "Total"], ReportsState.flag_rows,
               _flag_row, "flag-counts"))


GRID = {"columns": rx.breakpoints(initial="1", md="2"), "spacing": "4", "width": "100%"}


def _scores() -> rx.Component:
    return _section(
        "Scores", "Dashed lines are the job's thresholds; the final score is "
        f"{DEFAULT_RESUME_WEIGHT:g} × resume + {DEFAULT_INTERVIEW_WEIGHT:g} × interview "
        "unless the job sets other weights.",
        rx.cond(ReportsState.thresholds_note != "",
                rx.callout(ReportsState.thresholds_note, icon="info", size="1", width="100%")),
        rx.grid(_chart(ReportsState.resume_fig, "resume-scores"),
                _chart(ReportsState.interview_fig, "interview-scores"),
                _chart(ReportsState.final_fig, "final-scores"), **GRID))


def _top_candidates() -> rx.Component:
    return _section(
        "Top candidates", "Best final score first; the badge is what the decision rule says "
        "for these scores.",
        _table(["Candidate", "Job", "Resume", "Interview", "Final", "Rule says"],
               ReportsState.top, _top_row, "top-table"),
        action=_download("top-candidates", "download-top"))


def _time() -> rx.Component:
    return _section(
        "Time", "Time in stage comes from the stage history: moves made by HR and by the "
        "pipeline (invitation sent, interview completed, call booked).",
        rx.grid(_chart(ReportsState.stage_time_fig, "time-in-stage"),
                _chart(ReportsState.decision_time_fig, "time-to-decision"), **GRID))


def _volume() -> rx.Component:
    return _section(
        "Volume", "Where applications came from and when.",
        rx.grid(_chart(ReportsState.source_fig, "sources"),
                _chart(ReportsState.applications_fig, "applications-per-day"), **GRID))


def _decisions() -> rx.Component:
    return _section("Decisions", "Automatic decisions by outcome, and people's overrides.",
                    _chart(ReportsState.decisions_fig, "decisions-per-day"))


# The sections under the funnel, each with about its height on a wide screen (1440 px): the
# blank box that holds its place until it is built.
BELOW_FIRST_SCREEN = (
    (_scores, "742px"), (_top_candidates, "500px"), (_time, "401px"), (_volume, "401px"),
    (_decisions, "401px"), (_adverse_impact, "305px"), (_flags, "310px"),
)


@recruiter_page(route=routes.REPORTS, title="Reports", on_load=[ReportsState.load],
                early=plotly_early)
def reports() -> rx.Component:
    return rx.vstack(
        _filters(),
        error_callout(ReportsState.error),
        rx.grid(
            rx.box(metric_card("Applications", ReportsState.applications, "file-text",
                               "received in the range"), id="report-applications"),
            metric_card(ReportsState.shortlisted_label, ReportsState.shortlisted, "star",
                        "reached the shortlist", color="green"),
            metric_card("Median time to decision", ReportsState.median_days_to_decision,
                        "timer", "from application to a confirmed decision", color="amber"),
            metric_card("Median time to hire", ReportsState.median_days_to_hire,
                        "badge-check", ReportsState.hires.to_string() + " hired, from application",
                        color="green"),
            columns=rx.breakpoints(initial="1", sm="2", lg="4"), spacing="4", width="100%"),
        _section("Funnel", "Applications that reached each stage, and the share that moved on "
                 "from the stage above.",
                 rx.grid(card(rx.cond(ReportsState.figures_drawn, funnel_chart(),
                                      rx.box(height="300px")),
                              padding="8px", width="100%", min_width="0"),
                         _table(["Stage", "Reached", "From previous", "Of all"],
                                ReportsState.funnel_rows, _funnel_row, "funnel-table",
                                fits_phone=True), **GRID),
                 action=_download("funnel", "download-funnel")),
        *(_below_first_screen(section(), height) for section, height in BELOW_FIRST_SCREEN),
        spacing="3", width="100%", padding_bottom="40px",
    )
