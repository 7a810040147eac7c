"""The job editor's owner card (edit page only: a new job has no id to own yet)."""

from __future__ import annotations

import reflex as rx

from hireops.components.ui import card
from hireops.state.jobs.owner import TEAM, JobOwnerState as O


def job_owner_card() -> rx.Component:
    return card(
        rx.hstack(
            rx.icon("user-round-check", size=18, color=rx.color("accent", 10)),
            rx.vstack(rx.text("Owner", size="2", weight="medium"),
                      rx.text("Gets this job's notifications; with no owner the whole team "
                              "does.", size="1", color=rx.color("gray", 10)),
                      spacing="0"),
            rx.spacer(),
            rx.select.root(
                rx.select.trigger(width="220px", id="job-owner"),
                rx.select.content(rx.select.item("The whole team", value=TEAM),
                                  rx.foreach(O.choices, lambda choice: rx.select.item(
                                      choice[1], value=choice[0]))),
                value=O.owner, on_change=O.choose_owner, disabled=~O.can_edit),
            spacing="3", align="center", width="100%", wrap="wrap", row_gap="8px",
        ),
        width="100%",
    )
