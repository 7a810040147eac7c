"""Keyboard shortcuts for the recruiter pages (`keyboard_shortcuts.jsx` beside it): "/" focuses
the search, "j"/"k" move through the tracker's rows, "?" opens a dialog that lists them. A
page marks its search box or list rows with `data-shortcut="search"` / `"row"` to take part;
the tracker's are known by their ids."""

from __future__ import annotations

import reflex as rx


class KeyboardShortcuts(rx.Component):
    """Listens for the keys on the document; renders only its (closed) help dialog."""

    library = rx.asset("keyboard_shortcuts.jsx", shared=True).importable_path
    tag = "KeyboardShortcuts"
    # Where "/" goes on a page without a search box.
    search_page: rx.Var[str]


keyboard_shortcuts = KeyboardShortcuts.create
