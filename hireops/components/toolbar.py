"""The controls above a list page's table: a search field and menus that narrow the list."""

from __future__ import annotations

import reflex as rx

# What a filter menu sends for "no narrowing": a select item cannot have "" as its value.
ANY = "all"


def search_box(placeholder: str, value: rx.Var, on_change, *, width: str = "280px",
               **props) -> rx.Component:
    """The list's search field (the whole row's width on a phone)."""
    return rx.input(rx.input.slot(rx.icon("search", size=16)), placeholder=placeholder,
                    value=value, on_change=on_change,
                    width=rx.breakpoints(initial="100%", sm=width), **props)


def filter_menu(any_label: str, value: rx.Var, on_change, *items: rx.Component,
                **trigger_props) -> rx.Component:
    """A menu of `items` that narrows the list; its first entry, `any_label`, narrows nothing.
    The state keeps "" for that entry and `on_change` receives `ANY`."""
    return rx.select.root(
        rx.select.trigger(placeholder=any_label, **trigger_props),
        rx.select.content(rx.select.item(any_label, value=ANY), *items),
        value=rx.cond(value == "", ANY, value), on_change=on_change,
    )
