"""Board | Grid: one job's applications as the pipeline board or as the tracker grid."""

import reflex as rx


def view_switch(current: str, board_url: rx.Var | str, grid_url: rx.Var | str) -> rx.Component:
    """Board | Grid: the same job's applications as columns or as the tracker's rows."""
    def option(label: str, icon: str, href, value: str) -> rx.Component:
        return rx.link(rx.button(rx.icon(icon, size=15), label, size="2",
                                 variant="solid" if value == current else "soft",
                                 color_scheme="indigo" if value == current else "gray"),
                       href=href, id=f"view-{value}")
    return rx.hstack(option("Board", "columns-3", board_url, "board"),
                     option("Grid", "table", grid_url, "grid"),
                     spacing="1", id="view-switch")
