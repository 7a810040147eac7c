"""Ranking per job: every candidate side by side with the evidence behind their score."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.ui import RECOMMENDATION_COLORS, card, empty_state, score_color
from hireops.services.jobs.ranking import EvidenceLine, RankedCandidate
from hireops.services.candidates.talent_pool import PoolMatch
from hireops.state.jobs.ranking import RankingState as S
from hireops.state.candidates.talent_pool import TalentPoolSearchState as P

def _score_badge(row: RankedCandidate) -> rx.Component:
    color = rx.cond(row.score == None, "gray",  # noqa: E711 (a Var comparison, not Python's)
                    score_color(row.score, green_from=75))
    return rx.badge(row.score_label, color_scheme=color, size="3", variant="solid",
                    class_name="ranking-score")


def _recommendation(row: RankedCandidate) -> rx.Component:
    return rx.cond(
        row.recommendation != "",
        rx.badge(row.recommendation_label, variant="soft",
                 color_scheme=rx.match(row.recommendation, *RECOMMENDATION_COLORS.items(), "gray")),
    )


def _evidence(line: EvidenceLine) -> rx.Component:
    return rx.box(
        rx.text(line.skill, weight="bold", size="2", as_="span"),
        rx.text(": ", size="2", as_="span"),
        rx.text(line.sentence, size="2", color=rx.color("gray", 11), as_="span"),
        padding_y="2px",
    )


def _section(label: str, body: rx.Component) -> rx.Component:
    return rx.vstack(rx.text(label, size="1", weight="medium", color=rx.color("gray", 10),
                             text_transform="uppercase"),
                     body, spacing="1", width="100%")


def _candidate_card(row: RankedCandidate) -> rx.Component:
    return card(
        rx.vstack(
            rx.hstack(
                rx.text("#", row.rank, size="5", weight="bold", color=rx.color("gray", 10)),
                rx.vstack(
                    rx.link(row.name, href=routes.CANDIDATE + "?id=" + row.candidate_id.to_string(),
                            weight="bold", size="3"),
                    rx.hstack(_recommendation(row),
                              rx.badge(row.stage_label, variant="outline", color_scheme="gray"),
                              rx.cond(row.stale, rx.badge(rx.icon("clock", size=12), "Stale",
                                                          color_scheme="amber", variant="soft",
                                                          class_name="ranking-stale")),
                              spacing="1", wrap="wrap"),
                    spacing="1", flex="1", min_width="0",
                ),
                _score_badge(row),
                width="100%", align="start", spacing="3",
            ),
            rx.divider(),
            _section("Evidence", rx.cond(
                row.evidence.length() > 0,
                rx.vstack(rx.foreach(row.evidence, _evidence), spacing="0", width="100%"),
                rx.text("No matched skills yet.", size="2", color=rx.color("gray", 10)),
            )),
            _section("Gaps", rx.cond(
                row.gaps.length() > 0,
                rx.flex(rx.foreach(row.gaps, lambda gap: rx.badge(gap, color_scheme="red",
                                                                 variant="soft")),
                        gap="4px", wrap="wrap"),
                rx.text("None found.", size="2", color=rx.color("gray", 10)),
            )),
            spacing="3", width="100%",
        ),
        class_name="ranking-card", width="100%", height="100%",
    )


def _rescore_bar() -> rx.Component:
    return rx.cond(
        S.can_edit,
        card(
            rx.vstack(
                rx.hstack(
                    rx.button(rx.cond(S.rescoring, rx.spinner(size="2"), rx.icon("refresh-cw")),
                              "Rescore all", on_click=S.rescore_all, disabled=S.rescoring,
                              id="rescore-all"),
                    rx.button("Rescore stale only",
                              rx.badge(S.stale_count, color_scheme="amber"),
                              on_click=S.rescore_stale, variant="soft",
                              disabled=S.rescoring | (S.stale_count == 0), id="rescore-stale"),
                    rx.spacer(),
                    rx.text(S.last_rescore, size="2", color=rx.color("gray", 11), id="last-rescore"),
                    width="100%", align="center", spacing="3",
                ),
                rx.cond(
                    S.rescoring,
                    rx.hstack(rx.progress(value=S.rescore_percent, width="100%"),
                              rx.text(S.rescore_done, " / ", S.rescore_total, size="2",
                                      white_space="nowrap"),
                              width="100%", align="center", spacing="3", id="rescore-progress"),
                ),
                width="100%", spacing="3",
            ),
            width="100%",
        ),
    )


def _header() -> rx.Component:
    return rx.hstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), "Jobs", align="center", spacing="1"),
                href=routes.JOBS, size="2"),
        rx.heading(S.job_title, size="5", id="ranking-job-title"),
        rx.cond(S.blind, rx.badge(rx.icon("eye-off", size=12), "Blind screening",
                                  color_scheme="violet")),
        rx.spacer(),
        rx.text(S.rows.length(), " candidate(s), best resume score first", size="2",
                color=rx.color("gray", 11)),
        width="100%", align="center", spacing="3",
    )


def _pool_row(match: PoolMatch) -> rx.Component:
    return rx.hstack(
        rx.checkbox(checked=P.selected.contains(match.candidate_id),
                    on_change=lambda _: P.toggle(match.candidate_id), disabled=~S.can_edit),
        rx.badge(match.fit, color_scheme=score_color(match.fit, green_from=60), size="2"),
        rx.vstack(
            rx.link(rx.text(match.name, size="2", weight="medium"),
                    href=routes.CANDIDATE + "?id=" + match.candidate_id.to_string()),
            rx.text(match.reason, size="1", color=rx.color("gray", 10)),
            spacing="0", min_width="0"),
        spacing="3", align="center", width="100%", class_name="pool-match",
    )


def _talent_pool() -> rx.Component:
    """Past candidates of any job (and the talent pool) ranked against this one."""
    return card(rx.vstack(
        rx.hstack(
            rx.heading("Talent pool", size="4"),
            rx.spacer(),
            rx.button(rx.icon("search", size=16), "Find in talent pool", on_click=P.search,
                      loading=P.searching, variant="soft", id="find-in-pool"),
            rx.cond(P.selected.length() > 0,
                    rx.button("Add ", P.selected.length(), " to this job",
                              on_click=P.add_selected, id="add-from-pool")),
            width="100%", align="center", wrap="wrap", spacing="2"),
        rx.text("Everyone who applied before and has not applied to this job, ranked by how "
                "well their resume fits it (0-100). Added candidates are scored in full.",
                size="2", color=rx.color("gray", 11)),
        rx.cond(P.matches.length() > 0,
                rx.vstack(rx.foreach(P.matches, _pool_row), spacing="3", width="100%",
                          id="pool-matches"),
                rx.cond(P.searched, rx.text("Nobody else to suggest for this job yet.",
                                            size="2", id="pool-empty"))),
        spacing="3", width="100%"))


@recruiter_page(route=routes.JOB_RANKING, title="Ranking", on_load=[S.load])
def ranking() -> rx.Component:
    return rx.vstack(
        _header(),
        _rescore_bar(),
        rx.cond(
            S.rows.length() > 0,
            rx.grid(rx.foreach(S.rows, _candidate_card), columns=rx.breakpoints(
                initial="1", sm="2", lg="3"), spacing="4", width="100%", id="ranking-grid"),
            empty_state("users", "No candidates yet",
                        "Applications for this job appear here once the inbox matches them."),
        ),
        _talent_pool(),
        width="100%", spacing="4",
    )
