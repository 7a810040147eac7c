"""Fixtures for the mail tests: a real Dovecot on loopback."""

from tests.fakes.dovecot import dovecot  # noqa: F401  (a pytest fixture, used by name)
