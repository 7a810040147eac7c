"""The Reflex app: every page module registers its pages, added here once (theme: rxconfig.py)."""

import reflex as rx

from hireops.components.shell import PAGES
from hireops.lifespan import inbox_poller
from hireops.pages import (  # noqa: F401  (importing a page module registers its routes)
    candidate,
    candidates,
    dashboard,
    inbox,
    job_editor,
    jobs,
    login,
    ranking,
    reports,
    settings,
)

app = rx.App(
    style={"font_family": "Inter, system-ui, -apple-system, 'Segoe UI', sans-serif"},
)

for render, page_options in PAGES:
    app.add_page(render, **page_options)

app.register_lifespan_task(inbox_poller)
