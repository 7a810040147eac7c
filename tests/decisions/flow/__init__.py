"""Tests of scheduling and what follows a decision."""
