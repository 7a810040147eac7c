"""The stage list with rename, reorder, remove and add, for a job or the company default."""

import reflex as rx

from hireops.components.ui import card
from hireops.services.jobs.job_stages import JobStage
from hireops.state.jobs.stage_editor import StageEditorState as S

MUTED = rx.color("gray", 11)
KIND_NOTES = {"pipeline": "moved by the pipeline", "custom": "your step",
              "offer": "built in", "hired": "built in", "withdrawn": "built in",
              "rejected": "built in"}


def _row(stage: JobStage) -> rx.Component:
    custom = stage.kind == "custom"
    return rx.hstack(
        rx.text((stage.position + 1).to_string(), size="1", color=MUTED, width="20px"),
        rx.input(default_value=stage.label, key=stage.key + stage.label,
                 on_blur=lambda value: S.rename(stage.key, value), size="1",
                 max_length=60, flex="1", min_width="0", max_width="240px",
                 class_name="stage-label"),
        # On a phone the name gets the room; the order and the arrows say enough.
        rx.text(rx.match(stage.kind, *KIND_NOTES.items(), ""), size="1", color=MUTED,
                display=rx.breakpoints(initial="none", sm="block"), white_space="nowrap"),
        rx.spacer(),
        rx.cond(custom, rx.hstack(
            rx.icon_button(rx.icon("arrow-up", size=14), size="1", variant="ghost",
                           on_click=S.move(stage.key, -1), aria_label="Move up"),
            rx.icon_button(rx.icon("arrow-down", size=14), size="1", variant="ghost",
                           on_click=S.move(stage.key, 1), aria_label="Move down"),
            rx.cond(stage.key.startswith("custom_"), rx.icon_button(
                rx.icon("trash-2", size=14), size="1", variant="ghost", color_scheme="red",
                on_click=S.remove(stage.key), aria_label="Remove stage")),
            spacing="1")),
        width="100%", align="center", class_name="stage-row",
        padding="4px 0", border_bottom=f"1px solid {rx.color('gray', 4)}",
    )


def stage_editor(intro: str) -> rx.Component:
    return card(
        rx.hstack(rx.icon("list-ordered", size=18, color=rx.color("accent", 10)),
                  rx.heading("Stages", size="4"), spacing="2", align="center"),
        rx.text(intro, size="2", color=MUTED),
        rx.vstack(rx.foreach(S.stages, _row), spacing="0", width="100%",
                  padding_top="8px", id="stage-list"),
        rx.hstack(
            rx.input(placeholder="New stage, e.g. Technical interview",
                     value=S.new_stage_label, on_change=S.set_new_stage_label,
                     max_length=60, width="100%", id="new-stage-label"),
            rx.button(rx.icon("plus", size=14), "Add stage", on_click=S.add, id="add-stage"),
            width="100%", padding_top="8px"),
        width="100%", id="stage-editor",
    )
