"""The loopback Mistral server the engine and call tests talk to, and the job they send it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hireops.services.ai.schemas import JobInput
from tests.fakes.mistral_server import FakeMistralServer

API_KEY = "test-key-123"
JOB = JobInput(title="Backend Engineer", must_have_skills=["Python", "SQL"])


@pytest.fixture
def fake() -> Iterator[FakeMistralServer]:
    """The fake server, answering only requests that carry API_KEY."""
    with FakeMistralServer(api_key=API_KEY) as server:
        yield server
