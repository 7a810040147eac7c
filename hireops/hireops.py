"""The Reflex app: every page module registers its pages, added here once (theme: rxconfig.py)."""

import reflex as rx

from hireops.api.app import build_api
from hireops.api.security import protect_app_state
from hireops.components.shell import PAGES
from hireops.lifespan import inbox_poller
from hireops.log_setup import configure_logging
# Importing a page module registers its routes.
from hireops.pages import login  # noqa: F401
from hireops.pages.calendar import week  # noqa: F401
from hireops.pages.candidates import board, equal_opportunities, tracker  # noqa: F401
from hireops.pages.candidates.profile import page as candidate_page  # noqa: F401
from hireops.pages.inbox import listing as inbox_listing  # noqa: F401
from hireops.pages.interviews import room  # noqa: F401
from hireops.pages.jobs import careers, editor, ranking  # noqa: F401
from hireops.pages.jobs import listing as jobs_listing  # noqa: F401
from hireops.pages.outreach import notifications  # noqa: F401
from hireops.pages.reports import ai_usage, audit, dashboard, figures  # noqa: F401
from hireops.pages.settings import api_tokens  # noqa: F401
from hireops.pages.settings import page as settings_page  # noqa: F401
from hireops.services.platform.private_files import restrict_new_files

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
    api_transformer=build_api(page_routes=[options["route"] for _, options in PAGES]),
)

protect_app_state(app)

for render, page_options in PAGES:
    app.add_page(render, **page_options)

app.register_lifespan_task(inbox_poller)
