"""Small UI pieces used across pages."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.el.elements.forms import Form
from reflex_components_radix.themes.components.table import TableCell

STATUS_COLORS = {"open": "green", "draft": "gray", "closed": "red"}
RECOMMENDATION_COLORS = {"shortlist": "green", "screen": "blue", "reject": "red"}


def score_color(value: rx.Var, green_from: int = 80) -> rx.Var:
    """Green for strong scores, amber from 50, red below."""
    return rx.cond(value >= green_from, "green", rx.cond(value >= 50, "amber", "red"))


def card(*children: rx.Component, **props) -> rx.Component:
    """A white panel with a soft border (less padding on a phone, where width is scarce)."""
    style = {"padding": rx.breakpoints(initial="14px", sm="20px"), **props}
    return rx.box(*children, background=rx.color("gray", 1), border_radius="12px",
                  border=f"1px solid {rx.color('gray', 4)}",
                  box_shadow="0 1px 2px rgba(16,24,40,0.04)", **style)


def subheading(text: str) -> rx.Component:
    """A small uppercase heading inside a card ("Evidence", "Nearest open jobs")."""
    return rx.text(text, size="1", weight="bold", color=rx.color("gray", 11),
                   text_transform="uppercase", letter_spacing="0.04em", padding_top="8px")


def metric_card(label: str | rx.Var, value: rx.Var | int, icon: str, hint: str = "",
                color: str = "accent") -> rx.Component:
    return card(
        rx.hstack(
            rx.vstack(
                rx.text(label, size="2", color=rx.color("gray", 11), weight="medium"),
                rx.heading(value, size="8", weight="bold"),
                rx.text(hint, size="1", color=rx.color("gray", 10)),
                spacing="1",
            ),
            rx.spacer(),
            rx.center(rx.icon(icon, size=20, color=rx.color(color, 11)), width="40px",
                      height="40px", border_radius="10px", background=rx.color(color, 3)),
            align="start", width="100%",
        ),
        width="100%", class_name="metric-card",
    )


def status_badge(status: rx.Var) -> rx.Component:
    return rx.match(
        status,
        ("open", rx.badge("Open", color_scheme="green", variant="soft")),
        ("closed", rx.badge("Closed", color_scheme="red", variant="soft")),
        rx.badge(status, color_scheme="gray", variant="soft"),
    )


def empty_state(icon: str, title: str, text: str, action: rx.Component | None = None) -> rx.Component:
    return card(
        rx.center(
            rx.vstack(
                rx.center(rx.icon(icon, size=26, color=rx.color("accent", 10)), width="56px",
                          height="56px", border_radius="50%", background=rx.color("accent", 3)),
                rx.heading(title, size="4"),
                rx.text(text, size="2", color=rx.color("gray", 11), text_align="center",
                        max_width="420px"),
                action or rx.fragment(),
                align="center", spacing="3",
            ),
            padding_y="36px",
        ),
        width="100%",
    )


def error_callout(message: rx.Var, **props) -> rx.Component:
    """`message` in a red alert while it is not empty (`props`: id, size...)."""
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle-alert", color_scheme="red", role="alert", width="100%",
                   **props),
    )


def label_cells(cells: list[rx.Component], headers: list[str]) -> list[rx.Component]:
    """Name each cell's column (data-label): on a phone a table row is a block without its
    header row, and assets/responsive.css shows the name above the value instead."""
    for cell, header in zip(cells, headers, strict=True):
        if header:
            cell.custom_attrs["data-label"] = header
    return cells


def labelled_row(render_row, headers: list[str]):
    """`render_row`, with its cells labelled when each header has exactly one plain cell."""
    def render(item) -> rx.Component:
        row = render_row(item)
        cells = row.children
        if len(cells) == len(headers) and all(isinstance(c, TableCell) for c in cells):
            label_cells(cells, headers)
        return row
    return render


def data_table(headers: list[str], rows: rx.Var, render_row, table_id: str = "") -> rx.Component:
    """A card holding a table of `rows`, each drawn by `render_row`."""
    return card(
        rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
            rx.table.body(rx.foreach(rows, labelled_row(render_row, headers))),
            width="100%", variant="ghost", id=table_id or None,
        ),
        padding="8px 12px", width="100%",
    )


class NativeForm(Form):
    """A form the browser posts itself to a backend route, as plain HTML does. Reflex's own
    form always cancels the browser's submit to send an event instead; only a real post lets
    the server answer with a cookie and a redirect (sign-in, sign-out)."""

    @classmethod
    def create(cls, *children, **props):
        # Skips Form.create, which adds the script that cancels the submit.
        return super(Form, cls).create(*children, **props)


def native_form(*children, action: str, **props) -> rx.Component:
    """`children` in a form posted by the browser to `action` (a path of this app)."""
    return NativeForm.create(*children, action=action, method="post", **props)


def download_button(*children, href: str | rx.Var, **props) -> rx.Component:
    """A button that is a plain link to a file route (`api/export_routes.py`,
    `api/file_routes.py`): the browser downloads the file itself, with no event round trip
    and nothing sent through the page's websocket. `props` style the button; an `id` or
    `class_name` lands on the link, which is what is clicked."""
    # reload_document: the router's links navigate inside the app and would never reach the
    # route; this one is left to the browser, which sees `download` and saves the answer.
    return rx.button(rx.el.a(*children, href=href, download=True, reload_document=True),
                     as_child=True, **props)
