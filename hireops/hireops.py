"""The Reflex app: every page module registers its pages, added here once (theme: rxconfig.py)."""

import reflex as rx

from hireops.api.app import build_api
from hireops.api.security import protect_app_state
from hireops.components.shell import PAGES
from hireops.lifespan import inbox_poller
from hireops.log_setup import configure_logging
from hireops.pages import (  # noqa: F401  (importing a page module registers its routes)
    ai_usage,
    api_tokens,
    audit,
    board,
    calendar,
    candidate,
    candidates,
    careers,
    dashboard,
    equal_opportunities,
    inbox,
    interview_room,
    job_editor,
    jobs,
    login,
    notifications,
    ranking,
    reports,
    settings,
)
from hireops.services.private_files import restrict_new_files

# Before the app exists: building it creates Reflex's `.states/`, where each tab's state is
# saved, and the database and attachments follow; all owner-only.
restrict_new_files()

# Once, before anything logs: LOG_LEVEL and LOG_FORMAT decide what every module's lines look like.
configure_logging()

app = rx.App(
    style={"font_family": "Inter, system-ui, -apple-system, 'Segoe UI', sans-serif"},
    # Phone layouts of the shared tables, and the row the j/k shortcuts moved to.
    stylesheets=["/responsive.css", "/shortcuts.css"],
    # Reflex's backend is mounted inside this FastAPI app; its /api/v1 routes come first.
    api_transformer=build_api(),
)

protect_app_state(app)

for render, page_options in PAGES:
    app.add_page(render, **page_options)

app.register_lifespan_task(inbox_poller)
