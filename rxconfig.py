"""Reflex configuration; the database URL and everything else come from hireops.config."""

from urllib.parse import urlsplit

import reflex as rx

from hireops.components.script_chunks import SharedScriptChunks
from hireops.config import get_settings

_public = urlsplit(get_settings().public_base_url)

config = rx.Config(
    app_name="hireops",
    db_url=get_settings().database_url,
    # From the environment or `.env` alike, so Reflex and the health check use the same Redis.
    redis_url=get_settings().reflex_redis_url,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="light", accent_color="indigo", gray_color="slate",
                           radius="medium"),
        ),
        # The UI kit every page uses in one script file, not some 35 small ones.
        SharedScriptChunks(),
    ],
    # No sitemap: every page but sign-in and the interview room is private.
    disable_plugins=[rx.plugins.SitemapPlugin],
    # Cross-origin requests with credentials only from the app's own public address; the event
    # socket also accepts the address it was reached at (hireops.api.security).
    cors_allowed_origins=[f"{_public.scheme}://{_public.netloc}"],
)
