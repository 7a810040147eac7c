"""The pipeline board of one job: a column per stage, a card per application; drag a card to
another column, or use its "Move to" menu, to move it (a reason is asked for Rejected)."""

import reflex as rx

from hireops import routes
from hireops.components.board_dnd import drag_board, drag_card, drop_column
from hireops.components.confirm import reject_reason_dialog
from hireops.components.shell import recruiter_page
from hireops.components.view_switch import view_switch
from hireops.components.ui import empty_state, score_color
from hireops.services.candidates.board import BoardCard, BoardLane
from hireops.state.candidates.board import BoardState as S

DECISION_COLORS = {"advance": "green", "hold": "amber", "reject": "red"}


def _score(label: str, value: rx.Var) -> rx.Component:
    return rx.cond(
        value != None,  # noqa: E711 (a Var comparison, not Python's)
        rx.badge(label, " ", value.to(int).to_string(), size="1", variant="soft",
                 color_scheme=score_color(value)),
    )


def _move_menu(card: BoardCard) -> rx.Component:
    return rx.menu.root(
        rx.menu.trigger(rx.button("Move to", rx.icon("chevron-down", size=14), size="1",
                                  variant="soft", color_scheme="gray", class_name="move-to",
                                  aria_label="Move " + card.name + " to another stage")),
        rx.menu.content(rx.foreach(S.lanes, lambda lane: rx.menu.item(
            lane.label, disabled=lane.stage == card.stage,
            on_click=S.move_to(card.application_id, lane.stage),
            class_name="move-to-" + lane.stage))),
    )


def _card(card: BoardCard) -> rx.Component:
    return drag_card(
        rx.vstack(
            rx.hstack(
                rx.link(rx.text(card.name, size="2", weight="medium"),
                        href=routes.CANDIDATE + "?id=" + card.candidate_id.to_string(),
                        class_name="board-card-name"),
                rx.cond(card.identity_hidden,
                        rx.tooltip(rx.icon("eye-off", size=13), content="Blind screening")),
                spacing="1", align="center", width="100%"),
            rx.flex(_score("Resume", card.resume_score), _score("Interview", card.interview_score),
                    _score("Final", card.final_score),
                    rx.cond(card.decision != "", rx.badge(
                        card.decision, size="1", variant="solid",
                        color_scheme=rx.match(card.decision, *DECISION_COLORS.items(), "gray"),
                        class_name="board-decision")),
                    gap="4px", wrap="wrap"),
            rx.hstack(
                rx.text(card.days_in_stage, rx.cond(card.days_in_stage == 1, " day", " days"),
                        " in stage", size="1", color=rx.color("gray", 10),
                        class_name="days-in-stage"),
                rx.spacer(),
                rx.cond(S.can_edit, _move_menu(card)),
                width="100%", align="center"),
            spacing="2", width="100%"),
        application_id=card.application_id, stage=card.stage, class_name="board-card",
        id="card-" + card.application_id.to_string(),
    )


def _column(lane: BoardLane) -> rx.Component:
    return drop_column(
        rx.hstack(rx.text(lane.label, size="2", weight="bold"), rx.spacer(),
                  rx.badge(lane.count, variant="soft", color_scheme="gray",
                           class_name="lane-count"),
                  align="center", width="100%", class_name="board-column-head"),
        rx.vstack(rx.foreach(lane.cards, _card), spacing="2", width="100%"),
        rx.cond(lane.count > lane.cards.length(),
                rx.link(lane.count - lane.cards.length(), " more in the grid view",
                        href=S.grid_url, size="1")),
        stage=lane.stage, class_name="board-column", id="column-" + lane.stage,
    )


def _board() -> rx.Component:
    board = rx.hstack(rx.foreach(S.lanes, _column), spacing="3", align="start",
                      class_name="board-lanes")
    return rx.cond(S.can_edit, drag_board(board, on_move=S.dropped, id="board",
                                          class_name="board"),
                   rx.box(board, id="board", class_name="board"))


def _reject_dialog() -> rx.Component:
    return reject_reason_dialog(
        S, title="Reject this application?",
        description="The reason is kept with the rejection and in the audit log. No email "
                    "is sent from here.")


@recruiter_page(route=routes.JOB_BOARD, title="Pipeline board", on_load=[S.load])
def board() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.vstack(rx.heading(S.job_title, size="4", id="board-job"),
                      rx.text(S.card_total, " applications · drag a card, or use its "
                              "Move to menu", size="1", color=rx.color("gray", 10)),
                      spacing="0", min_width="0"),
            rx.spacer(),
            view_switch("board", routes.JOB_BOARD + "?id=" + S.job_id.to_string(), S.grid_url),
            width="100%", align="center", wrap="wrap", spacing="3"),
        rx.cond(S.card_total > 0, _board(),
                empty_state("columns-3", "No applications yet",
                            "Applications to this job appear here as cards, one column per "
                            "stage.")),
        _reject_dialog(),
        spacing="3", width="100%", min_width="0",
    )
