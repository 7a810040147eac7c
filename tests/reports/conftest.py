"""The audit clock for the report tests that drive the real services, and the company's zone."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from hireops.config import get_settings
from hireops.services.platform import audit
from hireops.services.platform.runtime_settings import invalidate_cache

from .flows import AuditClock


@pytest.fixture
def clock(monkeypatch) -> AuditClock:
    """Audit events are stamped with `clock.now` (the stage history's times)."""
    clock = AuditClock()
    monkeypatch.setattr(audit, "utcnow", clock)
    return clock


@pytest.fixture
def company_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """`company_zone("Europe/Paris")` makes that the company's time zone from now on, as a
    change on the Settings page does (the settings are read afresh at the next call)."""
    def use(zone: str) -> None:
        monkeypatch.setenv("COMPANY_TIMEZONE", zone)
        get_settings.cache_clear()
        invalidate_cache()
    yield use
    invalidate_cache()
