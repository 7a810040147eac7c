"""Work that lives as long as the app process: the inbox poller."""

from __future__ import annotations

import asyncio
import contextlib

from hireops.services.operations.background_jobs import start_poller_from_settings


@contextlib.asynccontextmanager
async def inbox_poller():
    """Start polling at app start-up and stop (releasing the leader lease) at shutdown."""
    poller = await asyncio.to_thread(start_poller_from_settings)
    try:
        yield
    finally:
        if poller is not None:
            await asyncio.to_thread(poller.stop)
