"""Pages of their own at a chosen size, for the tests that check a layout on a phone or a wide
screen, or that need a second person's browser."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}


@contextmanager
def page_at(browser: Browser, viewport: dict[str, int], timeout_ms: float = 30_000
            ) -> Iterator[Page]:
    """A page `viewport` in size, in a browser context of its own (its own cookies: nobody
    signed in); the context closes when the block ends."""
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.set_default_timeout(timeout_ms)
        yield page
    finally:
        context.close()
