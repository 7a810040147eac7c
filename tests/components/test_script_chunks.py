"""The UI kit every page uses goes to one script file: the group is added to the vite.config.js
Reflex writes, and a config without the place for it fails the build instead of going back to
some 50 files a page."""

from __future__ import annotations

import pytest
from reflex.utils.frontend_skeleton import _compile_vite_config

from hireops.components.script_chunks import UI_KIT_GROUP, with_ui_kit_group
from rxconfig import config


def test_reflexs_own_vite_config_gets_the_ui_kit_group_before_its_own():
    written = with_ui_kit_group(_compile_vite_config(config))
    groups = written[written.index("groups: ["):]
    assert groups.index(UI_KIT_GROUP) < groups.index("reflex-env")
    assert written.count(UI_KIT_GROUP) == 1
    # Only what pages load as they open: a later import() keeps its own file.
    assert '"$initial"' in UI_KIT_GROUP and "lucide-react" in UI_KIT_GROUP


def test_a_config_without_chunk_groups_fails_the_build():
    with pytest.raises(ValueError, match="UI kit"):
        with_ui_kit_group("export default defineConfig({ build: {} });")
