"""The audit clock for the report tests that drive the real services."""

from __future__ import annotations

import pytest

from hireops.services.platform import audit

from .flows import AuditClock


@pytest.fixture
def clock(monkeypatch) -> AuditClock:
    """Audit events are stamped with `clock.now` (the stage history's times)."""
    clock = AuditClock()
    monkeypatch.setattr(audit, "utcnow", clock)
    return clock
