"""Secrets a page shows once (a new token, a typed password) never reach the saved tab state.

Reflex saves each tab's state (to disk or Redis) between events; a var named here is blanked in
what is saved, so it lives only in the open page.
"""

from __future__ import annotations


def unsaved(*names: str) -> type:
    """A mixin for a state class, placed before its base: `class S(unsaved("password"), Base)`.
    A closure rather than a class attribute, so Reflex sees no extra var."""

    class Unsaved:
        def __getstate__(self):
            saved = dict(super().__getstate__())
            for name in names:
                saved[name] = ""
            return saved

    return Unsaved
