"""The addresses people open from outside the app, on the configured public base address: the
interview room a candidate's link leads to."""

from __future__ import annotations

from hireops.services.platform.runtime_settings import current_settings


def interview_address(token: str) -> str:
    """The interview room of the link whose secret is `token`."""
    return f"{current_settings().public_base_url.rstrip('/')}/interview/{token}"
