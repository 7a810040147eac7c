"""The candidate page's decision section: the same card as the dashboard's queue."""

import reflex as rx

from hireops.components.decision_card import decision_cards
from hireops.components.ui import card
from hireops.state.candidates.profile.decision import CandidateDecisionState as D


def decision_section() -> rx.Component:
    return rx.cond(D.decision_cards.length() > 0, card(
        rx.hstack(rx.icon("gavel", size=18, color=rx.color("accent", 10)),
                  rx.heading("Decision", size="4"), spacing="2", align="center",
                  padding_bottom="12px"),
        decision_cards(D, ""),
        width="100%", id="candidate-decision",
    ))
