"""The Reflex app (its theme is in rxconfig.py). Pages register themselves with their decorators."""

import reflex as rx

from hireops.pages import (  # noqa: F401  (importing a page module registers its routes)
    candidates,
    dashboard,
    inbox,
    job_editor,
    jobs,
    login,
    reports,
    settings,
)

app = rx.App(
    style={"font_family": "Inter, system-ui, -apple-system, 'Segoe UI', sans-serif"},
)
