"""The recruiter who creates jobs and rescores applications: the same fixture as the candidate
tests'."""

from tests.candidates.conftest import actor  # noqa: F401
