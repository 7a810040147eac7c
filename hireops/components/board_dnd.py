"""Drag and drop for the pipeline board: @dnd-kit/core wrapped as three Reflex components, from
the small local JSX file beside this one (board_dnd.jsx)."""

from __future__ import annotations

import reflex as rx
from reflex_base.event import passthrough_event_spec

# Pinned exactly, like every npm package the app wraps (reflex.lock/package.json).
DND_KIT_CORE_VERSION = "6.3.1"
_LIBRARY = rx.asset("board_dnd.jsx", shared=True).importable_path


class DragBoard(rx.Component):
    """The board: cards dragged inside it can be dropped on its columns."""

    library = _LIBRARY
    tag = "DragBoard"
    lib_dependencies: list[str] = [f"@dnd-kit/core@{DND_KIT_CORE_VERSION}"]
    # {application_id, stage}: a card was dropped on another column (not yet moved).
    on_move: rx.EventHandler[passthrough_event_spec(dict)]


class DropColumn(rx.Component):
    """One column, where a card is dropped to move it to `stage`."""

    library = _LIBRARY
    tag = "DropColumn"
    lib_dependencies: list[str] = [f"@dnd-kit/core@{DND_KIT_CORE_VERSION}"]
    # The Stage value of the column.
    stage: rx.Var[str]


class DragCard(rx.Component):
    """A card that can be picked up; it knows its application and the stage it is in."""

    library = _LIBRARY
    tag = "DragCard"
    lib_dependencies: list[str] = [f"@dnd-kit/core@{DND_KIT_CORE_VERSION}"]
    application_id: rx.Var[int]
    stage: rx.Var[str]


drag_board = DragBoard.create
drop_column = DropColumn.create
drag_card = DragCard.create
