"""The talent-pool entry on the candidate page: how near the person came to the open jobs, the
way to put them forward for one, and the entry's own stage (a rejection asks for a reason)."""

import reflex as rx

from hireops.components.confirm import reject_reason_dialog
from hireops.components.ui import subheading
from hireops.services.candidates.profile import ApplicationCard
from hireops.state.candidates.profile.page import CandidateState as S
from hireops.state.candidates.profile.talent_pool import CandidatePoolState as P

MUTED = rx.color("gray", 11)


def _nearest(app: ApplicationCard) -> rx.Component:
    return rx.vstack(
        subheading("Nearest open jobs"),
        rx.cond(app.nearest_jobs != "",
                rx.text(app.nearest_jobs, size="2", class_name="nearest-jobs"),
                rx.text("No open job to compare with when they joined the pool.", size="2",
                        color=MUTED)),
        rx.text("Fit 0–100, measured when the candidate joined the pool.", size="1",
                color=MUTED),
        spacing="1", width="100%",
    )


def _put_forward() -> rx.Component:
    return rx.vstack(
        subheading("Put forward for a job"),
        rx.cond(
            P.pool_jobs.length() > 0,
            rx.flex(
                rx.select.root(
                    rx.select.trigger(placeholder="Choose an open job…", id="pool-add-job",
                                      flex="1 1 220px"),
                    rx.select.content(rx.foreach(
                        P.pool_jobs, lambda o: rx.select.item(o.label, value=o.value))),
                    value=P.pool_job_id, on_change=P.set_pool_job,
                ),
                rx.button(rx.icon("user-plus", size=16), "Add to job", on_click=P.put_forward,
                          loading=P.adding, disabled=P.pool_job_id == "", id="pool-add-go"),
                gap="8px", wrap="wrap", align="center", width="100%",
            ),
            rx.text("No open job left to add this candidate to.", size="2", color=MUTED),
        ),
        rx.text("The candidate is applied to the job and their resume scored for it; "
                "interviews and offers follow there. This entry stays in the pool.", size="1",
                color=MUTED),
        spacing="1", width="100%",
    )


def _stage(app: ApplicationCard) -> rx.Component:
    return rx.vstack(
        subheading("Stage in the pool"),
        rx.select.root(
            rx.select.trigger(id="pool-stage"),
            rx.select.content(rx.foreach(
                P.pool_stages, lambda o: rx.select.item(o.label, value=o.value))),
            value=app.stage, on_change=P.move_pool_entry,
        ),
        spacing="1",
    )


def pool_panel(app: ApplicationCard) -> rx.Component:
    """What the talent-pool card adds to an application card."""
    return rx.vstack(
        rx.text("Fits no open job well enough to apply: kept for the roles to come.",
                size="2", color=MUTED),
        _nearest(app),
        rx.cond(S.can_edit, rx.vstack(_put_forward(), _stage(app), spacing="2",
                                      width="100%")),
        spacing="2", width="100%", id="talent-pool-entry",
    )


def pool_reject_dialog() -> rx.Component:
    # Asked as a move to the stage under the company's name for it ("Not a fit").
    return reject_reason_dialog(
        P, title=P.pool_reject_title, confirm_label="Move",
        description="The reason is kept with the rejection and in the audit log. No email is "
                    "sent from here.")
