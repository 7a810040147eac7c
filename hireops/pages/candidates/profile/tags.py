"""The candidate page's tags section: HR's labels on the person, found again in the tracker's
tag filter."""

import reflex as rx

from hireops.components.ui import card
from hireops.services.candidates.tags import MAX_TAG_LENGTH
from hireops.state.candidates.profile.tags import CandidateTagsState as T


def _tag(tag: rx.Var) -> rx.Component:
    return rx.badge(
        rx.icon("tag", size=12), tag,
        rx.cond(T.can_edit, rx.icon_button(
            rx.icon("x", size=11), size="1", variant="ghost", color_scheme="gray",
            on_click=T.remove(tag), aria_label="Remove the tag " + tag, class_name="untag",
            height="16px", width="16px", min_width="16px")),
        variant="surface", color_scheme="indigo", size="2", class_name="candidate-tag")


def tags_section() -> rx.Component:
    return card(
        rx.hstack(rx.icon("tags", size=18, color=rx.color("accent", 10)),
                  rx.heading("Tags", size="4"), spacing="2", align="center",
                  padding_bottom="12px"),
        rx.cond(T.tags.length() > 0,
                rx.flex(rx.foreach(T.tags, _tag), gap="6px", wrap="wrap", id="candidate-tags"),
                rx.text("No tags yet.", size="2", color=rx.color("gray", 10))),
        rx.cond(T.can_edit, rx.hstack(
            rx.input(value=T.new_tags, on_change=T.set_new_tags,
                     placeholder="Add tags, separated by commas", max_length=200,
                     id="candidate-tag-input", flex="1", min_width="0",
                     on_key_down=T.add_on_enter),
            rx.button("Add", variant="soft", id="candidate-tag-add", on_click=T.add_new_tags,
                      disabled=T.new_tags.strip() == ""),
            spacing="2", width="100%", padding_top="12px")),
        rx.text(f"Up to {MAX_TAG_LENGTH} characters each; the tracker filters by them.",
                size="1", color=rx.color("gray", 10), padding_top="6px"),
        width="100%",
    )
