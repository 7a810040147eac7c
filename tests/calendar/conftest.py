"""Reuses the decision-flow factories: an evaluated application, a fixed clock, an HR user."""

from tests.decision_flow.conftest import hr, make_application  # noqa: F401
