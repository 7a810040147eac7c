"""How the pages' scripts are split into files: the UI kit every page uses in one file.

Left to itself the bundler put each icon and each Radix component shared by a few pages in a
file of its own: a recruiter page fetched some 50 scripts, most under 1 kB, and the browser
runs none of them before it has them all (six at a time from the app's server). With the
icons, Radix and what they need (React among it) in one shared file a page fetches about 18,
for the same bytes on the wire or fewer (one larger file compresses better), and that file is
cached for every other page.

Only what the pages load as they open is grouped (`$initial`): what a page imports later, when
it needs it (the webcam's face detector, an icon drawn from a name known at run time), keeps
its own file.
"""

from __future__ import annotations

import reflex as rx

VITE_CONFIG = "vite.config.js"
# Where Reflex's vite.config.js lists its chunk groups (`output.codeSplitting`).
GROUPS_OPENING = "groups: ["
UI_KIT_GROUP = (
    '{ name: "ui-kit", '
    r"test: /node_modules[\\/](lucide-react|@radix-ui|@floating-ui|radix-ui)[\\/]/, "
    'tags: ["$initial"] },'
)


def with_ui_kit_group(vite_config: str) -> str:
    """Reflex's vite.config.js with the UI kit's chunk group first in its list."""
    if GROUPS_OPENING not in vite_config:
        # A Reflex upgrade moved the option: fail the build rather than quietly go back to
        # 50 files a page.
        raise ValueError(f"{VITE_CONFIG} has no '{GROUPS_OPENING}' for the UI kit's group")
    return vite_config.replace(GROUPS_OPENING, f"{GROUPS_OPENING}\n            {UI_KIT_GROUP}",
                               1)


class SharedScriptChunks(rx.plugins.Plugin):
    """Adds the UI kit's chunk group to the vite.config.js Reflex writes at each compile."""

    def pre_compile(self, **context) -> None:
        context["add_modify_task"](VITE_CONFIG, with_ui_kit_group)
