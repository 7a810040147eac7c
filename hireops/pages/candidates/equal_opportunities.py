"""Equal-opportunities questions (admins): what candidates may answer, voluntarily, after
consenting in the interview room; the reports compare automatic decisions across the answers."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.ui import card, empty_state, error_callout
from hireops.services.candidates.equal_opportunities import PREFER_NOT_TO_SAY, Question
from hireops.state.access import ADMIN_ROLES
from hireops.state.candidates.equal_opportunities import EqualOpportunitiesState as S

MUTED = rx.color("gray", 11)


def _question(question: Question) -> rx.Component:
    return card(
        rx.hstack(
            rx.vstack(
                rx.hstack(rx.text(question.label, weight="medium"),
                          rx.code(question.key, size="1"), align="center", spacing="2"),
                rx.hstack(rx.foreach(question.options,
                                     lambda option: rx.badge(option, variant="soft",
                                                             color_scheme="gray")),
                          spacing="1", wrap="wrap"),
                spacing="2",
            ),
            rx.spacer(),
            rx.button(rx.icon("trash-2", size=14), "Remove", size="1", variant="soft",
                      color_scheme="red", on_click=S.remove_question(question.key)),
            align="start", width="100%",
        ),
        width="100%", padding="14px 18px", class_name="equal-question-row",
    )


def _add_form() -> rx.Component:
    label = {"size": "2", "weight": "medium"}
    return card(
        rx.heading("Add a question", size="3"),
        rx.grid(
            rx.vstack(rx.text("Key", **label),
                      rx.input(value=S.new_key, on_change=S.set_new_key, id="equal-new-key",
                               placeholder="e.g. age_band", width="100%"),
                      rx.text("Lower-case letters, digits, - and _; it names the column in the "
                              "report.", size="1", color=MUTED),
                      spacing="1"),
            rx.vstack(rx.text("Question", **label),
                      rx.input(value=S.new_label, on_change=S.set_new_label,
                               id="equal-new-label", placeholder="e.g. What is your age?",
                               width="100%"),
                      spacing="1"),
            columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%",
            margin_y="12px"),
        rx.vstack(rx.text("Answers, one per line (2 to 10)", **label),
                  rx.text_area(value=S.new_options, on_change=S.set_new_options, rows="5",
                               id="equal-new-options", width="100%",
                               placeholder="Under 25\n25-34\n35-44\n45 or over"),
                  rx.text(f"“{PREFER_NOT_TO_SAY}” is always offered as well.", size="1",
                          color=MUTED),
                  spacing="1", width="100%"),
        rx.button(rx.icon("plus", size=16), "Add question", on_click=S.add_question,
                  margin_top="12px", id="equal-add"),
        width="100%",
    )


@recruiter_page(route=routes.SETTINGS_EQUAL_OPPORTUNITIES, title="Equal opportunities",
                on_load=[S.load], roles=ADMIN_ROLES)
def equal_opportunities() -> rx.Component:
    return rx.vstack(
        rx.text("Candidates who consent to the interview may then answer these questions, or "
                "skip them. Answers are never used in scoring and never shown on a candidate's "
                "page, in the tracker or in the API; the adverse-impact section of ",
                rx.link("Reports", href=routes.REPORTS), " compares the automatic decisions "
                "across them, in aggregate. Ask only what your jurisdiction allows you to "
                "monitor.", size="2", color=MUTED),
        error_callout(S.error),
        rx.cond(
            S.questions.length() > 0,
            rx.vstack(rx.foreach(S.questions, _question),
                      rx.button("Stop asking candidates", size="1", variant="ghost",
                                color_scheme="red", on_click=S.turn_off, id="equal-off"),
                      spacing="2", width="100%", id="equal-questions"),
            empty_state("scale", "Not collected",
                        "Candidates are not asked anything. Add your own questions below, or "
                        "start from three examples (gender, age band, disability).",
                        rx.button("Use the examples", on_click=S.use_examples, variant="soft",
                                  id="equal-examples")),
        ),
        _add_form(),
        spacing="4", width="100%",
    )
