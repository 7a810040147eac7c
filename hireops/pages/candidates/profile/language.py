"""The candidate page's language section: which language their emails and the interviewer's
questions use; detected from the application, HR can change it."""

import reflex as rx

from hireops.components.ui import card
from hireops.services.text.language.supported import LANGUAGE_NAMES
from hireops.state.candidates.profile.language import CandidateLanguageState as L


def language_section() -> rx.Component:
    return card(
        rx.hstack(rx.icon("languages", size=18, color=rx.color("accent", 10)),
                  rx.heading("Language", size="4"), spacing="2", align="center",
                  padding_bottom="8px"),
        rx.cond(L.language != "", rx.select.root(
            rx.select.trigger(id="candidate-language", width="100%"),
            rx.select.content(*[rx.select.item(name, value=code)
                                for code, name in LANGUAGE_NAMES.items()]),
            value=L.language, on_change=L.change_language, disabled=~L.can_edit, size="2")),
        rx.text("Detected from the application. The candidate's emails and the built-in "
                "interviewer's questions use it; other languages get English.",
                size="1", color=rx.color("gray", 10), padding_top="6px"),
        width="100%", on_mount=L.load_language,
    )
