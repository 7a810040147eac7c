"""Reuses the decision-flow factories: an evaluated application, a fixed clock, an HR user."""

from tests.decisions.flow.conftest import hr, make_application  # noqa: F401
